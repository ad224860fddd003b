// The billing rules as the partner sees them, worked out on this computer: when access
// ends, when the data goes, an invoice's status, and what choosing another package will
// do. They mirror the server's rules (README "Lifecycle and billing"), so the user reads
// the rule before confirming; the server's answer stays the word that counts.

import { now as clockNow } from "../clock";
import type { BillingView, InvoiceView, Package, SubscriptionView } from "../backend";

const DAY_MS = 86_400_000;

/** Days before access ends that the next pro forma invoice is issued. */
export const INVOICE_LEAD_DAYS = 7;

export type AccountState = "trial" | "active" | "locked";

export function accountState(state: string): AccountState | null {
  return state === "trial" || state === "active" || state === "locked" ? state : null;
}

function ms(iso: string): number {
  return new Date(iso).getTime();
}

/** An instant `days` whole days after `iso`, as ISO text. */
function plusDays(iso: string, days: number): string {
  const t = ms(iso);
  return Number.isNaN(t) ? iso : new Date(t + days * DAY_MS).toISOString();
}

/** Whole days from `now` until `iso`, rounded up, never below 0. */
export function daysUntil(iso: string, now: Date = clockNow()): number {
  const t = ms(iso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.ceil((t - now.getTime()) / DAY_MS));
}

/** Whether two ISO instants name the same moment (the server may print them differently). */
export function sameInstant(a: string, b: string): boolean {
  return ms(a) === ms(b);
}

export type InvoiceStatus = "paid" | "partial" | "open";

export function invoiceStatus(inv: InvoiceView): InvoiceStatus {
  if (inv.paid_at !== null || inv.paid_minor >= inv.amount_minor) return "paid";
  return inv.paid_minor > 0 ? "partial" : "open";
}

/** Invoices still waiting for (part of) their payment, newest first as given. */
export function openInvoices(invoices: InvoiceView[]): InvoiceView[] {
  return invoices.filter((i) => i.paid_minor < i.amount_minor && i.paid_at === null);
}

/** What is still to pay on an invoice, in minor units. */
export function dueMinor(inv: InvoiceView): number {
  return Math.max(0, inv.amount_minor - inv.paid_minor);
}

export function kindLabel(kind: string): string {
  return kind === "proration" ? "Upgrade difference" : "Monthly period";
}

/**
 * The current period `[start, end)` the server prorates over: the last period invoice
 * ending where access ends, else the 30 days before that end.
 */
export function currentPeriod(view: BillingView): { start: string; end: string } {
  const end = view.access_ends_at;
  const last = view.invoices.find((i) => i.kind === "period" && sameInstant(i.period_end, end));
  return { start: last?.period_start ?? plusDays(end, -30), end };
}

/**
 * The prorated charge of an upgrade at `now`: the price difference times the share of
 * the period left, rounded half up to the minor unit — the server's formula.
 */
export function proratedMinor(oldMinor: number, newMinor: number, start: string, end: string, now: Date): number {
  const diff = Math.max(0, newMinor - oldMinor);
  const total = Math.trunc((ms(end) - ms(start)) / 1000);
  if (!(total > 0) || diff === 0) return 0;
  const left = Math.min(Math.max(Math.trunc((ms(end) - now.getTime()) / 1000), 0), total);
  return Math.floor((diff * left * 2 + total) / (total * 2));
}

/** What choosing a package will do, before the user confirms. */
export type ChangeRule =
  | { kind: "now_trial"; endsAt: string }
  | { kind: "now_prorated"; estimateMinor: number; until: string }
  | { kind: "next_period"; from: string }
  | { kind: "stay"; pending: Package }
  | { kind: "now_locked" }
  | { kind: "same" }
  | { kind: "currency"; theirs: string; yours: string };

/** The rule the server will apply if the partner chooses `pkg` now (README's package-change rule). */
export function changeRule(view: BillingView, pkg: Package, now: Date = clockNow()): ChangeRule {
  const current = view.package;
  if (pkg.id === current.id && view.next_package === null) return { kind: "same" };
  if (pkg.currency !== current.currency) return { kind: "currency", theirs: pkg.currency, yours: current.currency };
  switch (accountState(view.state)) {
    case "trial":
      return { kind: "now_trial", endsAt: view.access_ends_at };
    case "locked":
      return { kind: "now_locked" };
    default: {
      if (pkg.monthly_price_minor > current.monthly_price_minor) {
        const { start, end } = currentPeriod(view);
        return {
          kind: "now_prorated",
          estimateMinor: proratedMinor(current.monthly_price_minor, pkg.monthly_price_minor, start, end, now),
          until: end,
        };
      }
      if (pkg.id === current.id && view.next_package !== null) return { kind: "stay", pending: view.next_package };
      return { kind: "next_period", from: view.access_ends_at };
    }
  }
}

/** Whether the rule lets the partner confirm. */
export function canConfirm(rule: ChangeRule): boolean {
  return rule.kind !== "same" && rule.kind !== "currency";
}
