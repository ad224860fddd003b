import type { Code, ErrorBody } from "../backend";

// Inline checks of the subscriber fields, mirroring the domain's rules
// (crates/wpplay-domain/src/dealer.rs `mac` and `SubscriberDetails`, validate.rs `text`) so
// people see problems as they type. The core checks again and its answer wins.

/** The longest name or line username the core accepts. */
export const TEXT_MAX = 200;
export const DAY_PRESETS = [30, 90, 180, 365] as const;

export const MAC_HINT = "Any common form: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E or 001a.2b3c.4d5e.";

/** The hex digits of a MAC typed in any common notation (separators and spaces dropped). */
function macDigits(value: string): string {
  return value.trim().replace(/[\s:.-]/g, "");
}

/** The MAC as the core will store it (upper case, colon form), or null if it is not one. */
export function normalMac(value: string): string | null {
  const hex = macDigits(value);
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) return null;
  const upper = hex.toUpperCase();
  if (upper === "000000000000" || upper === "FFFFFFFFFFFF") return null;
  return upper.match(/../g)?.join(":") ?? null;
}

/**
 * What is wrong with a MAC, if anything. `typing` holds back "too short" while the user
 * may still be typing towards twelve digits; a wrong character shows at once.
 */
export function checkMac(value: string, typing: boolean): string | null {
  const hex = macDigits(value);
  if (hex === "") return typing ? null : "Enter the MAC address of the subscriber's device.";
  if (/[^0-9a-fA-F]/.test(hex)) return "A MAC address has only the digits 0-9 and the letters A-F.";
  if (hex.length > 12) return `A MAC address has 12 hex digits; this has ${hex.length}.`;
  if (hex.length < 12) return typing ? null : `A MAC address has 12 hex digits; this has ${hex.length}.`;
  if (normalMac(value) === null) return "00:00:00:00:00:00 and FF:FF:FF:FF:FF:FF are not device addresses.";
  return null;
}

/** A required text field: present, not too long, no control characters. */
export function checkText(value: string, what: string, typing: boolean): string | null {
  const v = value.trim();
  if (v === "") return typing ? null : `Enter the ${what}.`;
  if ([...v].length > TEXT_MAX) return `Use at most ${TEXT_MAX} characters (now ${[...v].length}).`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(v)) return `Remove the control characters from the ${what}.`;
  return null;
}

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

const BY_CODE: Partial<Record<Code, SubscriberField>> = {
  invalid_mac: "mac",
  mac_taken: "mac",
  invalid_extension: "days",
  dealer_not_found: "dealer",
};

const BY_WIRE_NAME: Record<string, SubscriberField> = { line_username: "line_username", name: "name" };

/** The form field a core error is about: the field it names, else the one its code implies. */
export function fieldOfError(error: ErrorBody): SubscriberField | null {
  return (error.field !== undefined ? BY_WIRE_NAME[error.field] : undefined) ?? BY_CODE[error.code] ?? null;
}
