// What the dealer forms keep in TypeScript: the hint, the confirmation and where a core
// error belongs. The rules themselves are the core's (`check_form`).

import type { Code } from "../backend";
import { t } from "../i18n.svelte";

/** The username's hint; with `login`, what the typed username signs in as. */
export function usernameHint(login: string | null = null): string {
  return login === null ? t("dealers-username-hint") : t("dealers-username-hint-as", { login });
}

/** The confirmation: shown wrong as soon as it can no longer become the password. */
export function checkConfirm(password: string, confirm: string, submitted: boolean): string | null {
  if (confirm === "") return submitted && password !== "" ? t("dealers-password-again") : null;
  const diverged = !password.startsWith(confirm) || confirm.length >= password.length;
  if (confirm !== password && (submitted || diverged)) return t("dealers-password-mismatch");
  return null;
}

/** The forms' fields, named as in their arguments. */
export type DealerField = "display_name" | "contact_email" | "contact_phone" | "username" | "password";

/** The field a refusal's code is about when it names none. */
export const DEALER_FIELD_OF: Partial<Record<Code, DealerField>> = {
  invalid_email: "contact_email",
  invalid_phone: "contact_phone",
  invalid_username: "username",
  dealer_username_taken: "username",
  password_too_weak: "password",
  password_too_long: "password",
};
