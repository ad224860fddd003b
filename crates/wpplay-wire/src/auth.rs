//! Login, tokens, password change and the signed-in account.

use crate::packages::Package;
use crate::sync::{Profile, Subscription};
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
