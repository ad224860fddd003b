//! Registration of a new partner.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;
use wpplay_domain::registration::CredentialChannel;

/// How the generated credentials are delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Email,
    Sms,
}

impl From<Channel> for CredentialChannel {
    fn from(c: Channel) -> Self {
        match c {
            Channel::Email => Self::Email,
            Channel::Sms => Self::Sms,
        }
    }
}

impl From<CredentialChannel> for Channel {
    fn from(c: CredentialChannel) -> Self {
        match c {
            CredentialChannel::Email => Self::Email,
            CredentialChannel::Sms => Self::Sms,
        }
    }
}

/// Who registers: a partner (with a package and a trial) or a reseller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AccountKind {
    Partner,
    Reseller,
}

/// `POST /api/v1/registrations`: the package chosen and the registration form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RegistrationRequest {
    /// `partner` (the default) or `reseller`.
    #[serde(default)]
    #[ts(optional)]
    pub role: Option<AccountKind>,
    /// The package chosen; partners need one, resellers have none.
    #[serde(default)]
    #[ts(optional)]
    pub package_id: Option<i64>,
    #[schema(min_length = 1, max_length = 200)]
    pub company: String,
    #[schema(min_length = 1, max_length = 200)]
    pub contact_person: String,
    #[schema(format = "email", max_length = 254)]
    pub email: String,
    /// International form, e.g. `+381 64 123 4567`.
    #[schema(min_length = 1, max_length = 40)]
    pub phone: String,
    /// ISO 3166-1 alpha-2, e.g. `RS`.
    #[schema(pattern = "^[A-Za-z]{2}$")]
    pub country: String,
    pub credential_delivery: Channel,
    /// "I do not want to provide services to Resellers".
    #[serde(default)]
    pub no_reseller_services: bool,
    /// The language of the account's e-mails, SMS and notices; English when left out.
    #[serde(default)]
    #[ts(optional)]
    pub language: Option<wpplay_domain::lang::Lang>,
}

/// The answer to a registration: where the credentials went, never the credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct RegistrationResponse {
    pub delivered_via: Channel,
    /// The e-mail address or phone number, partly masked, e.g. `a***@acme.rs`.
    pub destination: String,
    /// When a partner's 14-day trial ends; resellers have no trial.
    pub trial_ends_at: Option<DateTime<Utc>>,
}
