// How billing figures read on screen: days to a date, an invoice's status and what is
// left to pay on it. The rules themselves (access end, purge, the next invoice, what a
// package change does) come computed from the core and the server.

import { now as clockNow } from "../clock";
import type { InvoiceView } from "../backend";

const DAY_MS = 86_400_000;

function ms(iso: string): number {
  return new Date(iso).getTime();
}

/** Whole days from `now` until `iso`, rounded up, never below 0. */
export function daysUntil(iso: string, now: Date = clockNow()): number {
  const t = ms(iso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.ceil((t - now.getTime()) / DAY_MS));
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
