//! Authentication: password hashing, tokens, throttling and the session extractors.

pub mod password;
pub mod refresh;
pub mod session;
pub mod throttle;
pub mod token;

pub use session::{Authed, SessionAuth};
