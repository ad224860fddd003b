// Words and colours for the reseller's side of the network, shared by its pages.

import type { Code, Relation, RequestStatus, RequestsView } from "../backend";

export { needsConnection } from "../backend";

export const PARTNER_LOCKED: Code = "partner_locked";
export const NOT_LINKED: Code = "not_linked";

export type Tone = "green" | "amber" | "red" | "grey" | "accent";

const STATUS: Record<RequestStatus, { label: string; tone: Tone; tip: string }> = {
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

export function statusLabel(status: RequestStatus): string {
  return STATUS[status].label;
}

export function statusTone(status: RequestStatus): Tone {
  return STATUS[status].tone;
}

export function statusTip(status: RequestStatus): string {
  return STATUS[status].tip;
}

/**
 * Where this reseller stands with a partner, from the local replica (the core works it
 * out), so the directory follows answers without a server read; the directory's own
 * answer until the replica is read.
 */
export function relationOf(partnerId: number, view: RequestsView | null, fallback: Relation): Relation {
  if (view === null) return fallback;
  return view.relations.find((r) => r.partner_id === partnerId)?.relation ?? "none";
}

/** How a notification is marked, by its kind. */
export function notificationTone(kind: string): Tone {
  switch (kind) {
    case "request_accepted":
      return "green";
    case "request_rejected":
    case "reseller_removed":
      return "red";
    case "request_cancelled":
      return "amber";
    default:
      return "accent";
  }
}
