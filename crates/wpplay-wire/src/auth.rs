//! Login, tokens, password change and the signed-in account.

use crate::packages::Package;
use crate::sync::{Profile, Subscription};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// The kind of account signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Operator,
    Partner,
    Reseller,
    Dealer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operator => "operator",
            Self::Partner => "partner",
            Self::Reseller => "reseller",
            Self::Dealer => "dealer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Operator, Self::Partner, Self::Reseller, Self::Dealer]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

impl From<wpplay_domain::actor::Role> for Role {
    fn from(r: wpplay_domain::actor::Role) -> Self {
        use wpplay_domain::actor::Role as Domain;
        match r {
            Domain::Operator => Self::Operator,
            Domain::Partner => Self::Partner,
            Domain::Reseller => Self::Reseller,
            Domain::Dealer => Self::Dealer,
        }
    }
}

impl From<Role> for wpplay_domain::actor::Role {
    fn from(r: Role) -> Self {
        match r {
            Role::Operator => Self::Operator,
            Role::Partner => Self::Partner,
            Role::Reseller => Self::Reseller,
            Role::Dealer => Self::Dealer,
        }
    }
}

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(max_length = 100)]
    pub username: String,
    /// At most 128 characters (`wpplay_domain::credentials::MAX_PASSWORD_LEN`).
    #[schema(max_length = 128)]
    pub password: String,
    /// The device signing in, as the app names it; shown in the account's list of
    /// sessions. Optional: a script signs in without one.
    #[serde(default)]
    pub device: Option<Device>,
}

/// A device as the app describes it. Each part is printable text of bounded length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Device {
    /// The computer's name, e.g. `ana-laptop` (at most 100 characters).
    #[schema(max_length = 100)]
    pub name: String,
    /// `linux`, `windows` or `macos` (at most 32 characters).
    #[schema(max_length = 32)]
    pub platform: String,
    /// The app's version, e.g. `0.1.0` (at most 32 characters).
    #[schema(max_length = 32)]
    pub app_version: String,
}

/// One of the account's signed-in sessions (`GET /api/v1/sessions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct SessionInfo {
    #[ts(type = "number")]
    pub id: i64,
    /// The device as the app named it; `None` for a session opened without one.
    pub device: Option<Device>,
    /// The address it was last used from: an approximate place.
    pub last_ip: Option<String>,
    pub signed_in_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The session this request came with.
    pub current: bool,
}

/// `POST /api/v1/sessions/end-others`: how many sessions were ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct SessionsEnded {
    pub ended: u32,
}

/// `POST /api/v1/auth/recovery`: a password recovery code, please.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoveryRequest {
    /// The username, or the e-mail address a partner or reseller registered with.
    #[schema(max_length = 254)]
    pub login: String,
}

/// The answer to a recovery request: the same whether or not the account exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct RecoveryRequested {
    pub message: String,
    /// How long a code sent now works.
    pub code_valid_minutes: i64,
}

/// `POST /api/v1/auth/recovery/confirm`: the code received and the new password. The
/// answer signs this device in; every other session of the account ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoverPasswordRequest {
    #[schema(max_length = 254)]
    pub login: String,
    #[schema(max_length = 32)]
    pub code: String,
    /// At most 128 characters.
    #[schema(max_length = 128)]
    pub new_password: String,
    #[serde(default)]
    pub device: Option<Device>,
}

/// `POST /api/v1/auth/second-factor`: the second step of a sign-in that answered
/// `second_factor_required`: its challenge and a code from the authenticator app (or one
/// of the account's recovery codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondFactorRequest {
    #[schema(max_length = 64)]
    pub challenge: String,
    /// Six digits from the app, or a recovery code (`xxxx-xxxx`).
    #[schema(max_length = 32)]
    pub code: String,
}

/// `GET /api/v1/auth/second-factor`: the account's two-factor sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct SecondFactorStatus {
    pub enabled: bool,
    pub enabled_at: Option<DateTime<Utc>>,
    /// Unused recovery codes.
    pub recovery_codes_left: u32,
    /// The account may not sign in without it (an operator; a dealer whose partner
    /// requires it), so it cannot be switched off.
    pub required: bool,
    /// For a partner: whether its dealers must use it.
    pub dealers_required: Option<bool>,
}

/// `POST /api/v1/auth/second-factor/enrol`: a new secret, to be confirmed by its first
/// code. Shown once, as text and as the `otpauth://` address an authenticator app reads
/// from a QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct SecondFactorEnrolment {
    pub secret: String,
    pub otpauth_uri: String,
}

/// `POST /api/v1/auth/second-factor/confirm` and `/disable`: a current code from the
/// authenticator app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondFactorCode {
    #[schema(max_length = 32)]
    pub code: String,
}

/// Two-factor sign-in is on: the ten single-use recovery codes, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct SecondFactorEnabled {
    pub recovery_codes: Vec<String>,
}

/// `PUT /api/v1/partner/dealer-second-factor`: whether the partner's dealers must sign
/// in with a second factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct DealerSecondFactorRule {
    pub required: bool,
}

/// `POST /api/v1/auth/refresh`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// A session's tokens. The refresh token rotates on every refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub refresh_token: String,
    pub username: String,
    pub role: Role,
    /// True until the generated password has been replaced; nothing else is allowed before.
    pub must_change_password: bool,
    /// True while the account must set up two-factor sign-in before anything else (an
    /// operator; a dealer whose partner requires it).
    #[serde(default)]
    pub second_factor_setup_required: bool,
}

/// `POST /api/v1/auth/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `GET /api/v1/me`: the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Me {
    pub account_id: i64,
    pub username: String,
    pub role: Role,
    pub must_change_password: bool,
    pub profile: Option<Profile>,
    pub package: Option<Package>,
    pub subscription: Option<Subscription>,
}
