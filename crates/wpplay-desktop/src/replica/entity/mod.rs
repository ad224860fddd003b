//! sea-orm entities of the replica's tables (see `migrations/src/replica`).
pub mod outbox;
pub mod replica_dealer;
pub mod replica_entity;
pub mod replica_meta;
pub mod replica_subscriber;
pub mod sync_state;
