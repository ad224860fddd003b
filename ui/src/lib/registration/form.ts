// The registration form's draft and how server errors map back onto its fields.

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
  };
}

const BY_CODE: Record<string, FieldName> = {
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

/**
 * The field a server error is about, if it names one. Field codes come from the domain's
 * validators; text-field errors start with the field's wire name ("company must not be empty").
 */
export function fieldOfError(code: string, message: string): FieldName | null {
  const byCode = BY_CODE[code];
  if (byCode) return byCode;
  if (code === "missing_field" || code === "field_too_long" || code === "invalid_text") {
    const first = message.split(/[\s:]/, 1)[0] ?? "";
    return BY_WIRE_NAME[first] ?? null;
  }
  return null;
}
