// Words for the activity log: what an action did, what kind of thing it changed, which
// one (named from its snapshot), and who did it.

import type { AuditEntry } from "../backend";

/** "update_reseller_settings" → "Update reseller settings". */
export function humanize(raw: string): string {
  const text = raw.replace(/[_.]+/g, " ").trim();
  return text === "" ? raw : text.charAt(0).toUpperCase() + text.slice(1);
}

const ACTIONS: Record<string, string> = {
  update_profile: "Edited company profile",
  create_dealer: "Added dealer",
  update_dealer: "Edited dealer",
  set_dealer_status: "Changed dealer status",
  delete_dealer: "Deleted dealer",
  create_subscriber: "Added subscriber",
  update_subscriber: "Edited subscriber",
  extend_subscriber: "Extended subscriber",
  remove_subscriber: "Removed subscriber",
  update_reseller_settings: "Changed reseller services",
  request_partner: "Sent a Request for Partner",
  withdraw_request: "Withdrew a Request for Partner",
  answer_request: "Answered a Request for Partner",
  remove_reseller: "Removed reseller",
  add_stream: "Added stream",
  remove_stream: "Removed stream",
};

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A human label for what the entry did, e.g. "Added dealer". */
export function actionLabel(entry: AuditEntry): string {
  return ACTIONS[entry.action] ?? humanize(entry.action);
}

/** The outcome worth reading next to the label: a dealer's new status, a request's answer. */
export function actionOutcome(entry: AuditEntry): string | null {
  const key = entry.action === "set_dealer_status" ? "status" : entry.action === "answer_request" ? "state" : null;
  if (key === null) return null;
  const value = field(entry.after, key);
  return typeof value === "string" && value !== "" ? humanize(value) : null;
}

const ENTITIES: Record<string, string> = {
  dealer: "Dealer",
  subscriber: "Subscriber",
  stream: "Stream",
  partner_request: "Request for Partner",
  link: "Reseller link",
  reseller_settings: "Reseller services",
  profile: "Company profile",
};

/** "partner_request" → "Request for Partner". */
export function entityLabel(entity: string): string {
  return ENTITIES[entity] ?? humanize(entity);
}

const NAME_FIELDS = ["display_name", "name", "company", "reseller_company", "partner_company"] as const;

/** The changed thing's name from its snapshot (after, else before), else its id. */
export function entityName(entry: AuditEntry): string {
  for (const snapshot of [entry.after, entry.before]) {
    for (const key of NAME_FIELDS) {
      const v = field(snapshot, key);
      if (typeof v === "string" && v.trim() !== "") return v.trim();
    }
  }
  if (entry.entity === "reseller_settings") return "Reseller services";
  return entry.entity_id;
}

export type RoleTone = "accent" | "grey" | "green" | "amber";

const ROLES: Record<string, { label: string; tone: RoleTone }> = {
  partner: { label: "Partner", tone: "accent" },
  dealer: { label: "Dealer", tone: "grey" },
  reseller: { label: "Reseller", tone: "green" },
  operator: { label: "WP Play staff", tone: "amber" },
};

export function roleOf(role: string): { label: string; tone: RoleTone } {
  return ROLES[role] ?? { label: humanize(role), tone: "grey" };
}
