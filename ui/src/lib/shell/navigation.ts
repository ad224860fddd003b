// The sidebar's sections for each role.

import type { Role } from "../backend";
import { t } from "../i18n.svelte";

export type SectionId =
  | "dashboard"
  | "providers"
  | "subscribers"
  | "resellers"
  | "partners"
  | "requests"
  | "content"
  | "activity"
  | "billing"
  | "payments"
  | "packages"
  | "lifecycle"
  | "deliveries"
  | "settings";

export interface Section {
  id: SectionId;
  label: string;
}

const BY_ROLE: Record<Role, SectionId[]> = {
  partner: ["dashboard", "providers", "subscribers", "resellers", "content", "activity", "billing", "settings"],
  reseller: ["dashboard", "partners", "requests", "content", "settings"],
  dealer: ["subscribers", "settings"],
  // WP Play's staff: the partners' dashboard is not theirs; they land on what waits.
  operator: ["payments", "partners", "packages", "lifecycle", "deliveries", "activity", "settings"],
};

/** Where each role lands after signing in. */
export function homeFor(role: Role): SectionId {
  if (role === "dealer") return "subscribers";
  return role === "operator" ? "payments" : "dashboard";
}

export function sectionsFor(role: Role): Section[] {
  return BY_ROLE[role].map((id) => ({ id, label: sectionTitle(id) }));
}

export function roleLabel(role: Role): string {
  return t(`role-${role}`);
}

export function sectionTitle(id: SectionId): string {
  return t(`nav-${id}`);
}
