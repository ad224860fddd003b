//! Errors a user or client can trigger, each with a stable machine code.

use thiserror::Error;

/// A stable, machine-readable error code. Clients match on these, never on messages.
pub trait ErrorCode {
    fn code(&self) -> &'static str;
}

/// A rule of the domain was broken by the input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{field}: {message}")]
    Invalid {
        code: &'static str,
        field: &'static str,
        message: String,
    },
}

impl DomainError {
    pub fn invalid(code: &'static str, field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            code,
            field,
            message: message.into(),
        }
    }

    /// The explanation alone, without the field's name.
    pub fn message(&self) -> &str {
        match self {
            Self::Invalid { message, .. } => message,
        }
    }

    pub fn field(&self) -> &'static str {
        match self {
            Self::Invalid { field, .. } => field,
        }
    }
}

impl ErrorCode for DomainError {
    fn code(&self) -> &'static str {
        match self {
            Self::Invalid { code, .. } => code,
        }
    }
}
