// The registration form's draft and how server errors map back onto its fields.

import { i18n } from "../i18n.svelte";
import type { Code, ErrorBody } from "../backend";
import type { Channel, RegistrationRequest } from "../backend";
import { DEFAULT_COUNTRY } from "./countries";

export interface Draft {
  company: string;
  contact: string;
  email: string;
  phone: string;
  country: string;
  delivery: Channel;
  noResellers: boolean;
}

export type FieldName = "company" | "contact" | "email" | "phone" | "country";

/** How a phone number in international form looks (the core's rule asks for it). */
export const PHONE_EXAMPLE = "+381 64 123 4567";

export function emptyDraft(): Draft {
  return {
    company: "",
    contact: "",
    email: "",
    phone: "",
    country: DEFAULT_COUNTRY,
    delivery: "email",
    noResellers: false,
  };
}

export function toRequest(packageId: number, d: Draft): RegistrationRequest {
  return {
    package_id: packageId,
    company: d.company.trim(),
    contact_person: d.contact.trim(),
    email: d.email.trim(),
    phone: d.phone.trim(),
    country: d.country,
    credential_delivery: d.delivery,
    no_reseller_services: d.noResellers,
    // The credentials and every later message come in the language the app is in.
    language: i18n.lang,
  };
}

const BY_CODE: Partial<Record<Code, FieldName>> = {
  invalid_email: "email",
  invalid_phone: "phone",
  invalid_country: "country",
};

const BY_WIRE_NAME: Record<string, FieldName> = {
  company: "company",
  contact_person: "contact",
  email: "email",
  phone: "phone",
  country: "country",
};

/** The form field a server error is about: the field it names, else the one its code implies. */
export function fieldOfError(error: ErrorBody): FieldName | null {
  return (error.field !== undefined ? BY_WIRE_NAME[error.field] : undefined) ?? BY_CODE[error.code] ?? null;
}
