// Words for the activity log: what an action did, what kind of thing it changed, which
// one (named from its snapshot), and who did it.

import type { AuditEntry } from "../backend";
import { i18n, t } from "../i18n.svelte";

/** "update_reseller_settings" → "Update reseller settings". */
export function humanize(raw: string): string {
  const text = raw.replace(/[_.]+/g, " ").trim();
  return text === "" ? raw : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message of each action's label. */
const ACTIONS: Record<string, string> = {
  update_profile: "audit-action-update-profile",
  set_language: "audit-action-set-language",
  set_notification_preferences: "audit-action-set-notification-preferences",
  sign_in: "audit-action-sign-in",
  sign_in_failed: "audit-action-sign-in-failed",
  sign_in_blocked: "audit-action-sign-in-blocked",
  password_changed: "audit-action-password-changed",
  signed_out: "audit-action-signed-out",
  session_ended: "audit-action-session-ended",
  other_sessions_ended: "audit-action-other-sessions-ended",
  password_recovery_requested: "audit-action-password-recovery-requested",
  password_recovered: "audit-action-password-recovered",
  second_factor_enabled: "audit-action-second-factor-enabled",
  second_factor_disabled: "audit-action-second-factor-disabled",
  second_factor_failed: "audit-action-second-factor-failed",
  recovery_code_used: "audit-action-recovery-code-used",
  dealer_second_factor_rule: "audit-action-dealer-second-factor-rule",
  change_package: "audit-action-change-package",
  invoice_issued: "audit-action-invoice-issued",
  payment_recorded: "audit-action-payment-recorded",
  payment_reversed: "audit-action-payment-reversed",
  payment_resolved: "audit-action-payment-resolved",
  statement_imported: "audit-action-statement-imported",
  lifecycle_reminder: "audit-action-lifecycle-reminder",
  lifecycle_invoice: "audit-action-lifecycle-invoice",
  lifecycle_locked: "audit-action-lifecycle-locked",
  lifecycle_unlocked: "audit-action-lifecycle-unlocked",
  lifecycle_purge_notice: "audit-action-lifecycle-purge-notice",
  purge_partner: "audit-action-purge-partner",
  package_added: "audit-action-package-added",
  package_disabled: "audit-action-package-disabled",
  package_enabled: "audit-action-package-enabled",
  package_changed: "audit-action-package-changed",
  lifecycle_run: "audit-action-lifecycle-run",
  delivery_retried: "audit-action-delivery-retried",
  operator_added: "audit-action-operator-added",
  create_dealer: "audit-action-create-dealer",
  update_dealer: "audit-action-update-dealer",
  reset_dealer_password: "audit-action-reset-dealer-password",
  set_dealer_status: "audit-action-set-dealer-status",
  delete_dealer: "audit-action-delete-dealer",
  create_subscriber: "audit-action-create-subscriber",
  update_subscriber: "audit-action-update-subscriber",
  extend_subscriber: "audit-action-extend-subscriber",
  remove_subscriber: "audit-action-remove-subscriber",
  update_reseller_settings: "audit-action-update-reseller-settings",
  request_partner: "audit-action-request-partner",
  withdraw_request: "audit-action-withdraw-request",
  answer_request: "audit-action-answer-request",
  remove_reseller: "audit-action-remove-reseller",
  add_stream: "audit-action-add-stream",
  remove_stream: "audit-action-remove-stream",
};

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A human label for what the entry did, e.g. "Added dealer". */
export function actionLabel(entry: AuditEntry): string {
  const id = ACTIONS[entry.action];
  return id ? t(id) : humanize(entry.action);
}

/** The outcome worth reading next to the label: a dealer's new status, a request's answer. */
export function actionOutcome(entry: AuditEntry): string | null {
  const key =
    entry.action === "set_dealer_status"
      ? "status"
      : entry.action === "answer_request"
        ? "state"
        : entry.action === "payment_recorded"
          ? "status"
          : entry.action === "change_package"
            ? "to"
            : null;
  if (key === null) return null;
  const value = field(entry.after, key);
  return typeof value === "string" && value !== "" ? humanize(value) : null;
}

/** The message of each kind of thing's name. */
const ENTITIES: Record<string, string> = {
  dealer: "audit-entity-dealer",
  subscriber: "audit-entity-subscriber",
  stream: "audit-entity-stream",
  partner_request: "audit-entity-partner-request",
  link: "audit-entity-link",
  reseller_settings: "audit-entity-reseller-settings",
  profile: "audit-entity-profile",
  language: "audit-entity-language",
  notifications: "audit-entity-notifications",
  account: "audit-entity-account",
  invoice: "audit-entity-invoice",
  payment: "audit-entity-payment",
  package: "audit-entity-package",
  partner: "audit-entity-partner",
  statement: "audit-entity-statement",
  lifecycle: "audit-entity-lifecycle",
  message: "audit-entity-message",
};

/** "partner_request" → "Request for Partner". */
export function entityLabel(entity: string): string {
  const id = ENTITIES[entity];
  return id ? t(id) : humanize(entity);
}

const NAME_FIELDS = ["display_name", "name", "company", "reseller_company", "partner_company", "number", "invoice"] as const;

/** The changed thing's name from its snapshot (after, else before), else its id. */
export function entityName(entry: AuditEntry): string {
  for (const snapshot of [entry.after, entry.before]) {
    for (const key of NAME_FIELDS) {
      const v = field(snapshot, key);
      if (typeof v === "string" && v.trim() !== "") return v.trim();
    }
  }
  if (entry.entity === "reseller_settings") return t("audit-entity-reseller-settings");
  if (entry.entity === "account") return entry.actor_name;
  const language = i18n.choices.find((c) => c.lang === field(entry.after, "language"));
  if (entry.entity === "language" && language) return language.name;
  return entry.entity_id;
}

export type RoleTone = "accent" | "grey" | "green" | "amber";

/** Each role's message and tone. */
const ROLES: Record<string, { message: string; tone: RoleTone }> = {
  partner: { message: "audit-role-partner", tone: "accent" },
  dealer: { message: "audit-role-dealer", tone: "grey" },
  reseller: { message: "audit-role-reseller", tone: "green" },
  operator: { message: "audit-role-operator", tone: "amber" },
  system: { message: "audit-role-system", tone: "grey" },
};

export function roleOf(role: string): { label: string; tone: RoleTone } {
  const known = ROLES[role];
  return known ? { label: t(known.message), tone: known.tone } : { label: humanize(role), tone: "grey" };
}
