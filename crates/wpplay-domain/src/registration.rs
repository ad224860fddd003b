//! The registration form and its rules.

use crate::lang::Lang;
use crate::{DomainError, validate};
use serde::{Deserialize, Serialize};

/// How the generated credentials reach the new partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialChannel {
    Email,
    Sms,
}

impl CredentialChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "email" => Some(Self::Email),
            "sms" => Some(Self::Sms),
            _ => None,
        }
    }
}

/// The registration form as typed, before validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationForm<'a> {
    pub company: &'a str,
    pub contact_person: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub country: &'a str,
    pub credential_channel: CredentialChannel,
    /// "I do not want to provide services to Resellers".
    pub no_reseller_services: bool,
    /// The language the account's messages are written in.
    pub language: Lang,
}

/// A registration that passed every rule, with normalised fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub company: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    pub credential_channel: CredentialChannel,
    pub offers_reseller_services: bool,
    pub language: Lang,
}

impl RegistrationForm<'_> {
    /// Validates every field; the first broken rule is reported.
    pub fn validate(&self) -> Result<Registration, DomainError> {
        Ok(Registration {
            company: validate::text("company", self.company)?,
            contact_person: validate::text("contact_person", self.contact_person)?,
            email: validate::email(self.email)?,
            phone: validate::phone(self.phone)?,
            country: validate::country(self.country)?,
            credential_channel: self.credential_channel,
            offers_reseller_services: !self.no_reseller_services,
            language: self.language,
        })
    }
}

/// The part of a partner's profile the partner may edit (offline too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEdit {
    pub contact_person: String,
    pub phone: String,
}

impl ProfileEdit {
    pub fn validate(contact_person: &str, phone: &str) -> Result<Self, DomainError> {
        Ok(Self {
            contact_person: validate::text("contact_person", contact_person)?,
            phone: validate::phone(phone)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn form() -> RegistrationForm<'static> {
        RegistrationForm {
            company: " Acme TV ",
            contact_person: "Ana Anić",
            email: "Ana@Acme.rs",
            phone: "+381 64 123 4567",
            country: "rs",
            credential_channel: CredentialChannel::Email,
            no_reseller_services: false,
            language: Lang::En,
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let r = form().validate().expect("valid form");
        assert_eq!(r.company, "Acme TV");
        assert_eq!(r.email, "ana@acme.rs");
        assert_eq!(r.phone, "+381641234567");
        assert_eq!(r.country, "RS");
        assert!(
            r.offers_reseller_services,
            "reseller services are on by default"
        );
        let opted_out = RegistrationForm {
            no_reseller_services: true,
            language: Lang::SrCyrl,
            ..form()
        }
        .validate();
        let opted_out = opted_out.expect("valid");
        assert!(!opted_out.offers_reseller_services);
        assert_eq!(
            opted_out.language,
            Lang::SrCyrl,
            "the chosen language is kept"
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases = [
            (
                RegistrationForm {
                    company: "",
                    ..form()
                },
                "missing_field",
                "company",
            ),
            (
                RegistrationForm {
                    contact_person: " ",
                    ..form()
                },
                "missing_field",
                "contact_person",
            ),
            (
                RegistrationForm {
                    email: "nope",
                    ..form()
                },
                "invalid_email",
                "email",
            ),
            (
                RegistrationForm {
                    phone: "123",
                    ..form()
                },
                "invalid_phone",
                "phone",
            ),
            (
                RegistrationForm {
                    country: "Serbia",
                    ..form()
                },
                "invalid_country",
                "country",
            ),
        ];
        for (f, code, field) in cases {
            let err = f.validate().expect_err("must be refused");
            assert_eq!((err.code().as_str(), err.field()), (code, field), "{f:?}");
        }
    }
}
