//! The pure domain of WP Play Partner Desk.
//!
//! Everything here is plain data and plain functions: no database, no network, no
//! async runtime and no reading of the real clock outside [`clock`]. The server and
//! the desktop core both build on it, which is why a rule lives here exactly once.

pub mod actor;
pub mod authorize;
pub mod billing;
pub mod clock;
pub mod code;
pub mod credentials;
pub mod dealer;
pub mod error;
pub mod ids;
pub mod lang;
pub mod lifecycle;
pub mod notify;
pub mod package;
pub mod password_hash;
pub mod registration;
pub mod release;
pub mod requests;
pub mod sync;
pub mod totp;
pub mod validate;

pub use code::Code;
pub use error::{DomainError, ErrorCode};
