//! The server's database: connection by URL, migrations and the seeded catalog, the
//! entities and the write transaction.

pub mod entity;
pub mod seed;
pub mod txn;

use crate::settings::Secret;
use anyhow::Context;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};
use std::time::Duration;
use wpplay_migrations::{MigratorTrait, ServerMigrator};

/// Connects by URL (`sqlite://…` or `postgres://…`), applies pending migrations and
/// seeds the default package catalog into an empty database.
pub async fn connect(url: &Secret, now: DateTime<Utc>) -> anyhow::Result<DatabaseConnection> {
    // A new SQLite file is the server user's alone from the start (its -wal and -shm
    // files get the same permissions from SQLite).
    if let Some(file) = crate::private_fs::sqlite_file(url.expose())
        && url.expose().contains("mode=rwc")
    {
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private_fs::create_dir(dir)
                .with_context(|| format!("creating {}", dir.display()))?;
        }
        crate::private_fs::touch(file).with_context(|| format!("creating {}", file.display()))?;
    }
    let mut opts = ConnectOptions::new(url.expose().to_owned());
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30));
    if url.expose().starts_with("sqlite:") {
        // One writer at a time is SQLite's nature; a small pool keeps readers concurrent.
        opts.max_connections(4).min_connections(1);
    } else {
        opts.max_connections(16);
    }
    let db = Database::connect(opts)
        .await
        .with_context(|| format!("connecting to the database {url:?}"))?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers work while one writer commits; the busy timeout makes writers queue.
        db.execute_unprepared(
            "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;",
        )
        .await
        .context("configuring SQLite")?;
    }
    prepare(&db, url, now).await?;
    Ok(db)
}

/// Whether the database answers at all.
pub async fn ping(db: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    db.execute_unprepared("SELECT 1").await.map(drop)
}

/// Applies pending migrations and seeds the catalog. On PostgreSQL several server
/// processes may start at once against one database: an advisory lock, held on a
/// connection of its own, lets one of them do it while the others wait.
async fn prepare(db: &DatabaseConnection, url: &Secret, now: DateTime<Utc>) -> anyhow::Result<()> {
    if db.get_database_backend() != DbBackend::Postgres {
        ServerMigrator::up(db, None)
            .await
            .context("applying database migrations")?;
        seed::packages(db, now)
            .await
            .context("seeding the package catalog")?;
        return Ok(());
    }
    let mut opts = ConnectOptions::new(url.expose().to_owned());
    opts.sqlx_logging(false)
        .max_connections(1)
        .min_connections(1);
    let lock = Database::connect(opts)
        .await
        .context("connecting for migrations")?;
    lock.execute_unprepared(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
        .await
        .context("waiting for other servers to finish migrating")?;
    let result = async {
        ServerMigrator::up(db, None)
            .await
            .context("applying database migrations")?;
        seed::packages(db, now)
            .await
            .context("seeding the package catalog")
    }
    .await;
    let _ = lock
        .execute_unprepared(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
        .await;
    let _ = lock.close().await;
    result
}

/// The advisory lock key taken while migrating ("WPPL" in ASCII).
const MIGRATION_LOCK: i64 = 0x5750_504c;

/// An entity's columns as `alias."column" AS "PREFIXcolumn"`: the names sea-orm reads a
/// model from with that prefix (`FromQueryResult::from_query_result(row, PREFIX)`), for
/// a hand-written statement that joins several tables.
pub fn columns<E: sea_orm::EntityTrait>(alias: &str, prefix: &str) -> String {
    use sea_orm::{IdenStatic, Iterable};
    E::Column::iter()
        .map(|c| format!("{alias}.\"{0}\" AS \"{prefix}{0}\"", c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}
