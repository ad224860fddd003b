// Words for line states and expiry countdowns, shared by the table and the windows.

import type { DealerFilter, DealerOption, LineView } from "../backend";
import { t } from "../i18n.svelte";

/** A state's name: "Active", "Disabled", … */
export function stateLabel(state: LineView): string {
  return t(`lines-state-${state}`);
}

export const STATE_TONE: Record<LineView, "green" | "amber" | "red" | "grey"> = {
  active: "green",
  disabled: "grey",
  suspended: "amber",
  expired: "red",
};

/** What a state means, for the pill's tooltip. */
export function stateTip(state: LineView): string {
  return t(`lines-state-${state}-tip`);
}

/** "in 12 days", "in 1 day", "expired". */
export function countdown(daysLeft: number): string {
  return daysLeft <= 0 ? t("lines-countdown-expired") : t("lines-countdown", { days: daysLeft });
}

/** "30 days", "1 day". */
export function days(n: number): string {
  return t("lines-days", { days: n });
}

/** How a dealer reads in pickers: inactive ones are marked. */
export function dealerLabel(d: DealerOption): string {
  return d.status === "inactive" ? t("lines-dealer-inactive", { name: d.display_name }) : d.display_name;
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
