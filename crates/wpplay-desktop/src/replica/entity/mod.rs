//! sea-orm entities of the replica's tables (see `migrations/src/replica`).
pub mod outbox;
pub mod replica_entity;
pub mod sync_state;
