import type { Code } from "../backend";
import { t } from "../i18n.svelte";

// What the subscriber forms keep in TypeScript: the presets, the hint, the number box and
// where a core error belongs. The rules of the fields are the core's (`check_form`).

export const DAY_PRESETS = [30, 90, 180, 365] as const;

/** The MAC address's hint: the forms it may be typed in. */
export function macHint(): string {
  return t("lines-mac-hint");
}

/**
 * Whether the number box holds a whole number (null while empty). How many days a line
 * may run is the core's rule ({@link LineDaysCheck}).
 */
export function checkDays(days: number | null | undefined): string | null {
  if (days === null || days === undefined || Number.isNaN(days)) return t("lines-days-missing");
  if (!Number.isInteger(days)) return t("lines-days-whole");
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
