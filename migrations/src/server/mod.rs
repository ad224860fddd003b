//! The central server's schema.
pub mod m20261126_000001_accounts;
