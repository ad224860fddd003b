// The contact details a partner may show to resellers, in the order the directory lists them.

import type { VisibleContacts } from "../backend";

export type ContactField = keyof VisibleContacts;

export const CONTACT_FIELDS: ReadonlyArray<{ field: ContactField; label: string }> = [
  { field: "email", label: "E-mail" },
  { field: "phone", label: "Phone" },
  { field: "messenger", label: "Messenger" },
  { field: "website", label: "Website" },
  { field: "address", label: "Address" },
];

/** The details the partner chose to show (the note aside), without empty ones. */
export function shownContacts(contacts: VisibleContacts): Array<{ field: ContactField; label: string; value: string }> {
  return CONTACT_FIELDS.flatMap(({ field, label }) => {
    const value = contacts[field]?.trim();
    return value ? [{ field, label, value }] : [];
  });
}
