// Inline checks of the dealer fields, mirroring the domain's rules
// (crates/wpplay-domain/src/dealer.rs, credentials.rs, validate.rs) so people see problems
// as they type. The core checks again and its answer wins.

import type { Code, ErrorBody } from "../backend";
import { checkEmail, checkPhone } from "../registration/validation";

export { PHONE_EXAMPLE, checkText } from "../registration/validation";

export const USERNAME_HINT = "3-32 lowercase letters, digits, . _ -, starting with a letter.";
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** An optional e-mail: empty is fine, anything else must be an address. */
export function checkOptionalEmail(value: string): string | null {
  return value.trim() === "" ? null : checkEmail(value);
}

/** An optional phone: empty is fine, anything else must be in international form. */
export function checkOptionalPhone(value: string): string | null {
  return value.trim() === "" ? null : checkPhone(value);
}

/** The login the core will store: trimmed and lower-cased. */
export function normalUsername(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * What is wrong with a username, if anything. `typing` holds back the length message
 * while the user may still be typing towards three characters.
 */
export function checkUsername(value: string, typing: boolean): string | null {
  const v = normalUsername(value);
  if (v === "") return typing ? null : "Choose a username for the dealer.";
  if (!/^[a-z]/.test(v)) return "Start the username with a letter.";
  if (/[^a-z0-9._-]/.test(v)) return "Use only letters, digits, '.', '_' and '-' in the username.";
  if (v.length > 32) return "Use at most 32 characters in the username.";
  if (v.length < 3 && !typing) return "Use at least 3 characters in the username.";
  return null;
}

/** The rules of a new password that need no strength score. */
export function checkPassword(password: string, username: string, typing: boolean): string | null {
  if (password === "") return typing ? null : "Choose a password for the dealer.";
  if ([...password].length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const login = normalUsername(username);
  if (login.length >= 3 && password.toLowerCase().includes(login)) {
    return "The password must not contain the username.";
  }
  if ([...password].length < PASSWORD_MIN && !typing) return `Use at least ${PASSWORD_MIN} characters.`;
  return null;
}

/** The confirmation: shown wrong as soon as it can no longer become the password. */
export function checkConfirm(password: string, confirm: string, submitted: boolean): string | null {
  if (confirm === "") return submitted && password !== "" ? "Type the password again." : null;
  const diverged = !password.startsWith(confirm) || confirm.length >= password.length;
  if (confirm !== password && (submitted || diverged)) return "The passwords do not match.";
  return null;
}

export type DealerField = "name" | "email" | "phone" | "username" | "password";

const BY_CODE: Partial<Record<Code, DealerField>> = {
  invalid_email: "email",
  invalid_phone: "phone",
  invalid_username: "username",
  dealer_username_taken: "username",
  password_too_weak: "password",
  password_too_long: "password",
};

const BY_WIRE_NAME: Record<string, DealerField> = { display_name: "name" };

/** The form field a core error is about: the field it names, else the one its code implies. */
export function fieldOfError(error: ErrorBody): DealerField | null {
  return (error.field !== undefined ? BY_WIRE_NAME[error.field] : undefined) ?? BY_CODE[error.code] ?? null;
}
