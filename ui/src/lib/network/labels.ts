// Words and colours for the reseller's side of the network, shared by its pages.

import type { RequestStatus } from "../backend";
import { t } from "../i18n.svelte";

export type Tone = "green" | "amber" | "red" | "grey" | "accent";

/** How a request's status shows: its colour. */
const STATUS_TONES: Record<RequestStatus, Tone> = {
  pending: "grey",
  accepted: "green",
  rejected: "red",
  withdrawn: "grey",
  cancelled: "amber",
};

/** How a request's status shows: its words, its colour and what it means. */
export function requestStatus(status: RequestStatus): { label: string; tone: Tone; tip: string } {
  return { label: t(`network-status-${status}`), tone: STATUS_TONES[status], tip: t(`network-status-${status}.tip`) };
}

/** How a notification is marked, by its kind; any other kind is marked in the accent. */
const NOTIFICATION_TONES = new Map<string, Tone>([
  ["request_accepted", "green"],
  ["request_rejected", "red"],
  ["reseller_removed", "red"],
  ["request_cancelled", "amber"],
]);

export function notificationTone(kind: string): Tone {
  return NOTIFICATION_TONES.get(kind) ?? "accent";
}
