//! Wire types: the JSON shapes of the HTTP API, shared by the server and the desktop core.
//!
//! Only the boundary knows these; both sides convert to domain types before going inward.
//! Every type derives `ToSchema` (the OpenAPI document is generated from them) and `TS`
//! (the desktop UI's TypeScript types are generated from them, never hand-copied).

pub mod audit;
pub mod auth;
pub mod billing;
pub mod dealers;
pub mod error;
pub mod operator;
pub mod packages;
pub mod registration;
pub mod resellers;
pub mod sync;

pub use error::{Code, ErrorBody};
