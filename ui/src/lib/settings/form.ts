// The Reseller services form: its values, how they compare and what they send. The
// "view as a reseller" preview of unsaved values comes from the core
// (`preview_reseller_settings`), like the saved one.

import type {
  ContactVisibility,
  ResellerSettings,
  ResellerSettingsArgs,
} from "../backend";

export type ContactKey = keyof ContactVisibility;
/** The details typed on this page; e-mail and phone come from the profile. */
export type EditableKey = "website" | "messenger" | "address" | "note";

export interface SettingsForm {
  offers: boolean;
  website: string;
  messenger: string;
  address: string;
  note: string;
  visible: ContactVisibility;
}

export function formOf(s: ResellerSettings): SettingsForm {
  return {
    offers: s.offers_reseller_services,
    website: s.website ?? "",
    messenger: s.messenger ?? "",
    address: s.address ?? "",
    note: s.note ?? "",
    visible: { ...s.visible },
  };
}

/** A detached copy, so editing the form never edits what it was copied from. */
export function copyOf(f: SettingsForm): SettingsForm {
  return { ...f, visible: { ...f.visible } };
}

const KEYS: readonly ContactKey[] = ["email", "phone", "website", "messenger", "address", "note"];
export const EDITABLE: readonly EditableKey[] = ["website", "messenger", "address", "note"];

/** Equal as saved: surrounding spaces are trimmed by the core, so they change nothing. */
export function sameForm(a: SettingsForm, b: SettingsForm): boolean {
  return (
    a.offers === b.offers &&
    EDITABLE.every((k) => a[k].trim() === b[k].trim()) &&
    KEYS.every((k) => a.visible[k] === b.visible[k])
  );
}

/**
 * The form after the settings changed elsewhere (another device, a sync): every value the
 * user has not touched since `from` takes its value in `to`; what the user changed stays.
 */
export function rebase(form: SettingsForm, from: SettingsForm, to: SettingsForm): SettingsForm {
  const next = copyOf(form);
  if (form.offers === from.offers) next.offers = to.offers;
  for (const k of EDITABLE) if (form[k].trim() === from[k].trim()) next[k] = to[k];
  for (const k of KEYS) if (form.visible[k] === from.visible[k]) next.visible[k] = to.visible[k];
  return next;
}

function optional(v: string): string | null {
  const t = v.trim();
  return t === "" ? null : t;
}

export function argsOf(f: SettingsForm): ResellerSettingsArgs {
  return {
    offers_reseller_services: f.offers,
    website: optional(f.website),
    messenger: optional(f.messenger),
    address: optional(f.address),
    note: optional(f.note),
    visible: { ...f.visible },
  };
}
