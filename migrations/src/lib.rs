//! Append-only schema migrations for both databases of the product.
//!
//! - [`ServerMigrator`]: the central server's database (SQLite or PostgreSQL).
//! - [`ReplicaMigrator`]: the desktop app's local SQLite replica.
//!
//! Migrations are named `mYYYYMMDD_NNNNNN_name` and never edited once shipped: a change
//! to the schema is a new migration.

pub use sea_orm_migration::prelude::*;

mod replica;
mod server;

/// Migrations of the central server's database.
#[derive(Debug)]
pub struct ServerMigrator;

#[async_trait::async_trait]
impl MigratorTrait for ServerMigrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(server::m20261126_000001_accounts::Migration),
            Box::new(server::m20261127_000001_dealers::Migration),
            Box::new(server::m20261127_000002_resellers::Migration),
            Box::new(server::m20261127_000003_reseller_links::Migration),
            Box::new(server::m20261127_000004_audit::Migration),
            Box::new(server::m20261128_000001_billing::Migration),
            Box::new(server::m20261128_000002_message_attachment::Migration),
            Box::new(server::m20261129_000001_refresh_grace::Migration),
            Box::new(server::m20261201_000001_desktop_releases::Migration),
            Box::new(server::m20261206_000001_unlimited_dealers::Migration),
            Box::new(server::m20261206_000002_retired_refresh_tokens::Migration),
            Box::new(server::m20261206_000003_rations::Migration),
            Box::new(server::m20261207_000001_languages::Migration),
            Box::new(server::m20261207_000002_session_devices::Migration),
            Box::new(server::m20261207_000003_account_safety::Migration),
            Box::new(server::m20261207_000004_bank_statements::Migration),
            Box::new(server::m20261207_000005_payment_split::Migration),
            Box::new(server::m20261207_000006_notification_preferences::Migration),
            Box::new(server::m20261207_000007_next_event_at::Migration),
        ]
    }
}

/// Migrations of the desktop app's local replica.
#[derive(Debug)]
pub struct ReplicaMigrator;

#[async_trait::async_trait]
impl MigratorTrait for ReplicaMigrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(replica::m20261126_000001_replica::Migration),
            Box::new(replica::m20261127_000001_dealers::Migration),
            Box::new(replica::m20261127_000002_meta::Migration),
            Box::new(replica::m20261127_000003_outbox_applied::Migration),
        ]
    }
}
