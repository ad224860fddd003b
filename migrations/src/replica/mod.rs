//! The desktop replica's schema.
pub mod m20261126_000001_replica;
pub mod m20261127_000001_dealers;
pub mod m20261127_000002_meta;
pub mod m20261127_000003_outbox_applied;
