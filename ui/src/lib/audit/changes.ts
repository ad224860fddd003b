// The "Changes" of an activity log entry: field by field, what it was and what it became.
// Snapshots are JSON objects (or null when the thing did not exist before or after);
// nested objects (e.g. the contact visibility) are compared key by key too. Values are
// turned into plain text here and rendered as text, never as HTML.

import type { AuditEntry } from "../backend";
import { dateTime } from "../format";
import { i18n, t } from "../i18n.svelte";
import { humanize, isRecord } from "./labels";

export interface FieldChange {
  /** The dotted path, e.g. "visible.email". */
  path: string;
  label: string;
  /** Null when the field had no value (or the thing did not exist). */
  before: string | null;
  after: string | null;
}

/** Bumped by every accepted change; saying so on every entry says nothing. */
const IGNORED: ReadonlySet<string> = new Set(["version"]);

/** The message of each recorded field's label. */
const FIELDS: Record<string, string> = {
  id: "audit-field-id",
  language: "audit-entity-language",
  "device.name": "audit-field-device",
  "device.platform": "audit-field-platform",
  "device.app_version": "audit-field-app-version",
  session: "audit-field-session",
  ended: "audit-field-ended",
  display_name: "audit-field-name",
  name: "audit-field-name",
  contact_email: "audit-field-contact-email",
  contact_phone: "audit-field-contact-phone",
  contact_person: "audit-field-contact-person",
  username: "audit-field-username",
  status: "audit-field-status",
  state: "audit-field-state",
  line_username: "audit-field-line-username",
  mac: "audit-field-mac",
  expires_at: "audit-field-expires",
  dealer_id: "audit-field-dealer",
  stream_url: "audit-field-stream-url",
  category: "audit-field-category",
  company: "audit-field-company",
  email: "audit-field-email",
  phone: "audit-field-phone",
  country: "audit-field-country",
  credential_delivery: "audit-field-credential-delivery",
  offers_reseller_services: "audit-field-offers-reseller-services",
  website: "audit-field-website",
  messenger: "audit-field-messenger",
  address: "audit-field-address",
  note: "audit-field-note",
  message: "audit-field-message",
  reason: "audit-field-reason",
  partner_id: "audit-field-partner",
  reseller_id: "audit-field-reseller",
  linked_at: "audit-field-linked-at",
};

/** Fields whose values are lower-case words of a fixed set, shown capitalised. */
const WORDS: ReadonlySet<string> = new Set(["status", "state", "credential_delivery"]);

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf(".") + 1);
}

export function fieldLabel(path: string): string {
  if (path === "") return t("audit-field-value");
  if (path.startsWith("visible.")) {
    const what = fieldLabel(lastSegment(path));
    return t("audit-field-visible", { field: `${what.charAt(0).toLowerCase()}${what.slice(1)}` });
  }
  const id = FIELDS[path];
  return id ? t(id) : humanize(lastSegment(path));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as plain text; null for "no value". */
export function valueText(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return t(value ? "audit-yes" : "audit-no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (value === "") return null;
    if (ISO_INSTANT.test(value)) return dateTime(value);
    if (WORDS.has(lastSegment(path))) return humanize(value);
    if (path === "language") return i18n.choices.find((c) => c.lang === value)?.name ?? value;
    return value;
  }
  return JSON.stringify(value);
}

/** Leaf values by dotted path; a non-object is one value at path "". */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      if (isRecord(v)) flatten(v, path, into);
      else into.set(path, v);
    }
  } else if (value !== null && value !== undefined) {
    into.set(prefix, value);
  }
  return into;
}

/** What changed, in the snapshot's field order; everything set when created or deleted. */
export function changesOf(entry: AuditEntry): FieldChange[] {
  const before = flatten(entry.before, "", new Map());
  const after = flatten(entry.after, "", new Map());
  const paths = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  const out: FieldChange[] = [];
  for (const path of paths) {
    if (IGNORED.has(path)) continue;
    const b = before.get(path);
    const a = after.get(path);
    if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
    const bt = valueText(b, path);
    const at = valueText(a, path);
    if (bt === at) continue;
    out.push({ path, label: fieldLabel(path), before: bt, after: at });
  }
  return out;
}

/** Whether the entry created or removed the thing, for the details' wording. */
export function lifecycleOf(entry: AuditEntry): "created" | "removed" | "changed" {
  const had = entry.before !== null && entry.before !== undefined;
  const has = entry.after !== null && entry.after !== undefined;
  if (!had && has) return "created";
  if (had && !has) return "removed";
  return "changed";
}
