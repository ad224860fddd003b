// Dates, money, counts and relative times, formatted for the app's language.

import { now } from "./clock";
import { i18n, t } from "./i18n.svelte";

/** The Intl locale of the app's language: `en`, `sr-Latn-RS` or `sr-Cyrl-RS`. */
export const locale = (): string => i18n.locale;

/** An amount in the currency's minor unit (cents), e.g. 2900 EUR → "€29.00". */
export function money(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(minor / 100);
  } catch {
    // An unknown currency code must not blank the card: show the plain amount.
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** A whole number with grouping, e.g. 3214 → "3,214". */
export function count(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A calendar date: "14 March 2026" for sentences, or "14 Mar 2026" (`medium`) for tables. */
export function date(value: string | Date, style: "long" | "medium" = "long"): string {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: style }).format(d);
}

/** A compact calendar date for table cells, e.g. "14 Mar 2026". */
export const shortDate = (value: string | Date): string => date(value, "medium");

/** A period, e.g. "14 Mar 2026 – 14 Apr 2026". */
export const period = (start: string, end: string): string => `${shortDate(start)} – ${shortDate(end)}`;

/** An amount as a person types it ("29", "29.5", "29,50") in minor units (2950); null when
 * it is not one with at most two decimals. */
export function parseMinor(text: string): number | null {
  const m = /^\s*(\d{1,10})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** A calendar day given as `YYYY-MM-DD` (a day of the server's time zone, not a moment),
 * e.g. "Tuesday, 8 December". */
export function weekday(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale(), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(d);
}

/** The time of day of a moment, e.g. "08:00". */
export function timeOfDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { timeStyle: "short" }).format(d);
}

/** A date and time, e.g. "14 Mar 2026, 09:30", for tooltips. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** "14 days left", "1 day left", "0 days left". */
export const daysLeft = (days: number): string => t("days-left", { days: Math.max(0, days) });

/** "N changes waiting", "1 change waiting". */
export const changesWaiting = (n: number): string => t("changes-waiting", { count: n });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** How long ago an instant was, e.g. "just now", "2 min ago", "yesterday". */
export function ago(iso: string, at: Date = now()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const seconds = Math.round((at.getTime() - then.getTime()) / 1000);
  if (seconds < 45) return t("just-now");
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: "auto", style: "short" });
  for (const [unit, size] of UNITS) {
    if (seconds >= size || unit === "minute") {
      return rtf.format(-Math.max(1, Math.round(seconds / size)), unit);
    }
  }
  return rtf.format(-1, "minute");
}

/** Lower case without accents, for client-side search ("Čačak" matches "cacak"). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}
