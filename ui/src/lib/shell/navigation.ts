// The sidebar's sections for each role.

import type { Role } from "../backend";

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
  | "settings";

export interface Section {
  id: SectionId;
  label: string;
}

const LABELS: Record<SectionId, string> = {
  dashboard: "Dashboard",
  providers: "Providers",
  subscribers: "Subscribers",
  resellers: "Resellers",
  partners: "Partners",
  requests: "Requests",
  content: "Content",
  activity: "Activity log",
  billing: "Billing",
  settings: "Settings",
};

const BY_ROLE: Record<Role, SectionId[]> = {
  partner: ["dashboard", "providers", "subscribers", "resellers", "content", "activity", "billing", "settings"],
  reseller: ["dashboard", "partners", "requests", "content"],
  dealer: ["subscribers"],
  operator: ["dashboard"],
};

/** Where each role lands after signing in. */
export function homeFor(role: Role): SectionId {
  return role === "dealer" ? "subscribers" : "dashboard";
}

export function sectionsFor(role: Role): Section[] {
  return BY_ROLE[role].map((id) => ({ id, label: LABELS[id] }));
}

export function roleLabel(role: Role): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

export function sectionTitle(id: SectionId): string {
  return LABELS[id];
}
