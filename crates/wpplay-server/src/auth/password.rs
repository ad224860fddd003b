//! argon2id password hashes. Hashing is slow and takes 19 MiB on purpose, so it runs off
//! the async threads on a bounded pool: at most one hash per core at a time. A flood of
//! sign-ins waits its turn (each request within the request timeout) instead of starting
//! hundreds of 19 MiB jobs on Tokio's blocking threads at once.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Semaphore;
use wpplay_domain::password_hash::{hasher, is_verifiable};

/// Hashes running at once: one per core.
static POOL: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(pool_size()));

/// How many hashes may run at once on this machine.
pub fn pool_size() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Jobs running now, and the most that ever ran at once in this process.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The most hashing jobs that ran at once since the process started (never above
/// [`pool_size`]).
pub fn peak_running() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Runs one hashing job on the bounded pool.
async fn on_pool<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _permit = POOL.acquire().await.ok()?;
    tokio::task::spawn_blocking(move || {
        let now = RUNNING.fetch_add(1, Ordering::Relaxed) + 1;
        PEAK.fetch_max(now, Ordering::Relaxed);
        let out = job();
        RUNNING.fetch_sub(1, Ordering::Relaxed);
        out
    })
    .await
    .ok()
}

/// Hashes a password with argon2id and a random salt.
pub async fn hash(password: String) -> anyhow::Result<String> {
    on_pool(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await
    .ok_or_else(|| anyhow::anyhow!("the hashing pool is gone"))?
}

/// Checks a password against a stored hash. A malformed hash, or one whose cost is
/// outside the bounds of [`is_verifiable`], never matches and costs nothing.
pub async fn verify(password: String, stored: String) -> bool {
    match PasswordHash::new(&stored) {
        Ok(parsed) if is_verifiable(&parsed) => {}
        Ok(_) => {
            tracing::warn!("a stored password hash is outside the verifiable cost; refused");
            return false;
        }
        Err(_) => return false,
    }
    on_pool(move || {
        PasswordHash::new(&stored)
            .map(|parsed| {
                hasher()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A valid hash of a random password, verified against when the username is unknown so a
/// failed sign-in takes as long whether or not the account exists.
pub const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$WeR0j3nBf6gYtDpgCYxJ9hEY7bHcFpCCjw5r3cE1m4E";
