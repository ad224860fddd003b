//! The one error shape every client sees.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;
pub use wpplay_domain::Code;

/// Every error: a stable machine code to match on, a message for people and, when the
/// error is about one field of a form, that field's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct ErrorBody {
    pub code: Code,
    pub message: String,
    /// The field of the request the error is about (e.g. `email`), if it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// With `second_factor_required`: the sign-in's challenge, to send back with the
    /// code (`POST /api/v1/auth/second-factor`) within a few minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub challenge: Option<String>,
}

impl ErrorBody {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            challenge: None,
        }
    }

    /// The same error, about `field`.
    pub fn about(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl From<wpplay_domain::DomainError> for ErrorBody {
    fn from(e: wpplay_domain::DomainError) -> Self {
        use wpplay_domain::ErrorCode;
        Self::new(e.code(), e.message()).about(e.field())
    }
}

impl std::fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ErrorBody {}
