//! The sync spine's use cases: a client pushes its queued mutations and pulls the
//! account's change feed.

pub mod pull;
pub mod push;
