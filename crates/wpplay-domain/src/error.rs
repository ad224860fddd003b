//! Errors a user or client can trigger, each with a stable machine code.

use crate::code::Code;
use thiserror::Error;

/// An error with a stable, machine-readable code. Clients match on codes, never on messages.
pub trait ErrorCode {
    fn code(&self) -> Code;
}

/// A rule of the domain was broken by the input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{field}: {message}")]
    Invalid {
        code: Code,
        field: &'static str,
        message: String,
    },
}

impl DomainError {
    pub fn invalid(code: Code, field: &'static str, message: impl Into<String>) -> Self {
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
    fn code(&self) -> Code {
        match self {
            Self::Invalid { code, .. } => *code,
        }
    }
}
