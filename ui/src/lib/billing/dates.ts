// Compact dates for the invoice table and the package cards; the long form lives in
// ../format.ts. Both go through its locale(), which guards against the "C" locale.

import { locale } from "../format";

/** A short calendar date, e.g. "14 Mar 2026". */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(d);
}

/** A period, e.g. "14 Mar 2026 – 14 Apr 2026". */
export function period(start: string, end: string): string {
  return `${shortDate(start)} – ${shortDate(end)}`;
}
