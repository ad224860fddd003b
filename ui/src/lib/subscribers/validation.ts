import type { Code } from "../backend";

// What the subscriber forms keep in TypeScript: the presets, the hint, the number box and
// where a core error belongs. The rules of the fields are the core's (`check_form`).

export const DAY_PRESETS = [30, 90, 180, 365] as const;

export const MAC_HINT = "Any common form: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E or 001a.2b3c.4d5e.";

/**
 * Whether the number box holds a whole number (null while empty). How many days a line
 * may run is the core's rule ({@link LineDaysCheck}).
 */
export function checkDays(days: number | null | undefined): string | null {
  if (days === null || days === undefined || Number.isNaN(days)) return "Enter a number of days.";
  if (!Number.isInteger(days)) return "Use whole days.";
  return null;
}

export type SubscriberField = "name" | "line_username" | "mac" | "days" | "dealer";

/** The field a refusal's code is about when it names none. */
export const SUBSCRIBER_FIELD_OF: Partial<Record<Code, SubscriberField>> = {
  invalid_mac: "mac",
  mac_taken: "mac",
  invalid_extension: "days",
  dealer_not_found: "dealer",
};
