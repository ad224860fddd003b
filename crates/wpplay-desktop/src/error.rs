//! Errors of the desktop core. Everything that reaches the UI is an `ErrorBody`.

use wpplay_domain::Code;
use wpplay_wire::ErrorBody;

/// The core's result type: errors cross the IPC as `{code, message}`.
pub type CoreResult<T> = Result<T, ErrorBody>;

pub fn not_signed_in() -> ErrorBody {
    ErrorBody::new(Code::NotSignedIn, "Sign in first.")
}

pub fn offline(server_url: &str) -> ErrorBody {
    ErrorBody::new(
        Code::Offline,
        format!(
            "Cannot reach the server at {server_url}. Check the address and your connection; your work is kept and syncs when the server is back."
        ),
    )
}

pub fn local_storage(e: impl std::fmt::Display) -> ErrorBody {
    tracing::error!(error = %e, "local replica error");
    ErrorBody::new(
        Code::LocalStorage,
        "The app could not read or write its local data. Restart the app; if it persists, free some disk space.",
    )
}

impl From<LocalErr> for ErrorBody {
    fn from(e: LocalErr) -> Self {
        local_storage(e.0)
    }
}

/// A failure of the local replica (database or file).
#[derive(Debug)]
pub struct LocalErr(pub String);

impl From<sea_orm::DbErr> for LocalErr {
    fn from(e: sea_orm::DbErr) -> Self {
        Self(e.to_string())
    }
}

impl From<serde_json::Error> for LocalErr {
    fn from(e: serde_json::Error) -> Self {
        Self(e.to_string())
    }
}

impl From<std::io::Error> for LocalErr {
    fn from(e: std::io::Error) -> Self {
        Self(e.to_string())
    }
}
