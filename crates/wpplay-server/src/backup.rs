//! Backups of the embedded SQLite database: `wpplay-server backup FILE` copies it online
//! (`VACUUM INTO` reads one consistent snapshot while the server goes on writing), and
//! `wpplay-server restore FILE` puts a copy back while no server runs on the data folder.
//! A server on SQLite holds a shared lock on `DATA_DIR/wpplay-server.lock`; restore needs
//! it exclusively. PostgreSQL is backed up with `pg_dump` (README).

use crate::settings::Settings;
use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use std::fs::File;
use std::path::{Path, PathBuf};

/// The lock file servers on SQLite hold shared while they run.
pub fn lock_path(settings: &Settings) -> PathBuf {
    settings.data_dir.join("wpplay-server.lock")
}

/// The SQLite file of the settings, or an error telling a PostgreSQL operator what to do.
fn sqlite_file(settings: &Settings) -> anyhow::Result<PathBuf> {
    let url = settings.database_url();
    let Some(rest) = url.expose().strip_prefix("sqlite://") else {
        bail!(
            "the database is PostgreSQL: back it up with pg_dump and restore with pg_restore (see the README, \"Backups\")"
        );
    };
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        bail!("the database is not a file");
    }
    Ok(PathBuf::from(path))
}

/// Held by a serving process on SQLite: restore refuses to run while any exists.
#[derive(Debug)]
pub struct ServingLock {
    _file: File,
}

/// Takes the shared "a server runs here" lock, unless the database is PostgreSQL.
pub fn hold_serving_lock(settings: &Settings) -> anyhow::Result<Option<ServingLock>> {
    if sqlite_file(settings).is_err() {
        return Ok(None);
    }
    crate::private_fs::create_dir(&settings.data_dir)?;
    let path = lock_path(settings);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Some(ServingLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "a restore is running on {}: wait for it to finish",
            settings.data_dir.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("locking {}", path.display()))
        }
    }
}

/// Writes a consistent copy of the running database to `target` (which must not exist).
pub async fn backup(settings: &Settings, target: &Path) -> anyhow::Result<String> {
    let source = sqlite_file(settings)?;
    if !source.exists() {
        bail!("there is no database at {} to back up", source.display());
    }
    if target.exists() {
        bail!(
            "{} already exists: choose a new file name (a backup never overwrites one)",
            target.display()
        );
    }
    let target_abs = absolute(target)?;
    let db = Database::connect(format!("sqlite://{}?mode=ro", source.display()))
        .await
        .with_context(|| format!("opening {}", source.display()))?;
    db.execute_unprepared("PRAGMA busy_timeout=10000;").await?;
    let sql = format!(
        "VACUUM INTO '{}'",
        target_abs.to_string_lossy().replace('\'', "''")
    );
    let result = db.execute_unprepared(&sql).await;
    db.close().await.ok();
    result.with_context(|| format!("copying the database into {}", target.display()))?;
    let size = std::fs::metadata(&target_abs).map(|m| m.len()).unwrap_or(0);
    Ok(format!(
        "backed up {} to {} ({size} bytes)\n",
        source.display(),
        target_abs.display()
    ))
}

/// Puts a backup in place of the database; refuses while a server runs on it. The
/// database it replaces is kept beside it as `wpplay.sqlite.replaced-<time>`.
pub async fn restore(settings: &Settings, backup: &Path, stamp: &str) -> anyhow::Result<String> {
    let target = sqlite_file(settings)?;
    if !backup.is_file() {
        bail!("{} is not a file", backup.display());
    }
    check_backup(backup).await?;
    crate::private_fs::create_dir(&settings.data_dir)?;
    let lock_path = lock_path(settings);
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("opening {}", lock_path.display()))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "a server is running on {}: stop it first (systemctl stop wpplay-server), then restore",
            settings.data_dir.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", lock_path.display()));
        }
    }
    // Copy beside the target first, so the swap is one rename on the same file system.
    let incoming = target.with_extension("sqlite.restoring");
    std::fs::copy(backup, &incoming)
        .with_context(|| format!("copying {} into the data folder", backup.display()))?;
    let mut kept = None;
    if target.exists() {
        let old = target.with_extension(format!("sqlite.replaced-{stamp}"));
        std::fs::rename(&target, &old)
            .with_context(|| format!("setting {} aside", target.display()))?;
        kept = Some(old);
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side).with_context(|| format!("removing {}", side.display()))?;
        }
    }
    std::fs::rename(&incoming, &target)
        .with_context(|| format!("putting the backup in place at {}", target.display()))?;
    drop(lock);
    let mut out = format!("restored {} to {}\n", backup.display(), target.display());
    if let Some(old) = kept {
        out.push_str(&format!(
            "the database it replaced is kept as {}\n",
            old.display()
        ));
    }
    Ok(out)
}

/// A backup is an intact SQLite database of this server (it has the migrations table).
async fn check_backup(path: &Path) -> anyhow::Result<()> {
    let not_ours = || format!("{} is not a backup of wpplay-server", path.display());
    let db = Database::connect(format!("sqlite://{}?mode=ro", absolute(path)?.display()))
        .await
        .with_context(not_ours)?;
    let integrity = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .with_context(not_ours)?
        .and_then(|row| row.try_get_by_index::<String>(0).ok());
    let migrated = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT COUNT(*) FROM seaql_migrations",
        ))
        .await
        .with_context(not_ours)?
        .and_then(|row| row.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0);
    db.close().await.ok();
    if integrity.as_deref() != Some("ok") {
        bail!(
            "{} is damaged (SQLite's integrity check failed)",
            path.display()
        );
    }
    if migrated == 0 {
        bail!("{}", not_ours());
    }
    Ok(())
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    std::path::absolute(path).with_context(|| format!("resolving {}", path.display()))
}
