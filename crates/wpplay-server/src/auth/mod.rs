//! Authentication: signing in, password hashing and changes, tokens and their refresh,
//! throttling and the session extractors.

pub mod factor;
pub mod journal;
pub mod password;
pub mod password_change;
pub mod recovery;
pub mod refresh;
pub mod second_factor;
pub mod session;
pub mod sessions;
pub mod sign_in;
pub mod throttle;
pub mod token;

pub use session::{Authed, SessionAuth};
