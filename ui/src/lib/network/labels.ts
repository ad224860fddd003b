// Words and colours for the reseller's side of the network, shared by its pages.

import type { RequestStatus } from "../backend";

export type Tone = "green" | "amber" | "red" | "grey" | "accent";

/** How a request's status shows: its words, its colour and what it means. */
export const STATUS: Record<RequestStatus, { label: string; tone: Tone; tip: string }> = {
  pending: { label: "Pending", tone: "grey", tip: "Waiting for the partner's answer." },
  accepted: { label: "Accepted", tone: "green", tip: "The partner accepted: you were linked." },
  rejected: { label: "Rejected", tone: "red", tip: "The partner rejected this request." },
  withdrawn: { label: "Withdrawn", tone: "grey", tip: "You took this request back." },
  cancelled: {
    label: "Cancelled",
    tone: "amber",
    tip: "Closed while pending: the partner stopped serving resellers or its account was locked.",
  },
};

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
