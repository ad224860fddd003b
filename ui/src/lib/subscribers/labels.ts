// Words for line states and expiry countdowns, shared by the table and the windows.

import type { DealerFilter, DealerOption, LineView } from "../backend";
import { count } from "../format";

export const STATE_LABEL: Record<LineView, string> = {
  active: "Active",
  disabled: "Disabled",
  suspended: "Suspended",
  expired: "Expired",
};

export const STATE_TONE: Record<LineView, "green" | "amber" | "red" | "grey"> = {
  active: "green",
  disabled: "grey",
  suspended: "amber",
  expired: "red",
};

/** What each state means, for the pill's tooltip. */
export const STATE_TIP: Record<LineView, string> = {
  active: "The line works.",
  disabled: "Switched off by you: the line does not work until it is set Active again.",
  suspended: "Its dealer is inactive: the line works again when the dealer is reactivated.",
  expired: "The paid period is over: extend the line to renew it.",
};

/** "in 12 days", "in 1 day", "expired". */
export function countdown(daysLeft: number): string {
  if (daysLeft <= 0) return "expired";
  return daysLeft === 1 ? "in 1 day" : `in ${count(daysLeft)} days`;
}

/** "30 days", "1 day". */
export function days(n: number): string {
  return n === 1 ? "1 day" : `${count(n)} days`;
}

/** How a dealer reads in pickers: inactive ones are marked. */
export function dealerLabel(d: DealerOption): string {
  return d.status === "inactive" ? `${d.display_name} (inactive)` : d.display_name;
}

/** The dealer filter as one string for a <select>: "", "own" or "dealer:<id>". */
export function filterValue(f: DealerFilter | null): string {
  if (f === null) return "";
  return f.kind === "own" ? "own" : `dealer:${f.dealer_id}`;
}

export function filterFrom(value: string): DealerFilter | null {
  if (value === "own") return { kind: "own" };
  if (value.startsWith("dealer:")) return { kind: "dealer", dealer_id: value.slice("dealer:".length) };
  return null;
}
