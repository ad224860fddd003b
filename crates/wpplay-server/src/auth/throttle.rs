//! Throttling of wrong passwords (per account and per address) and of registrations.
//!
//! Counters live in the database, so several server processes share them. An attempt is
//! counted *before* the slow password check ([`reserve`]) under a row lock, so a burst of
//! parallel guesses cannot slip past the limit; a successful attempt then gives its slot
//! back ([`succeeded`]), a failed one may block the key ([`failed`]).

use crate::db::entity::login_throttle as lt;
use crate::db::txn::write_txn;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QuerySelect, Set,
};
use thiserror::Error;

/// Attempts counted within this window.
const WINDOW: Duration = Duration::minutes(15);
/// The longest block: long enough to stop guessing, short enough that a partner locked
/// out by someone else's guesses is not shut out for long.
const MAX_BLOCK: Duration = Duration::minutes(15);

/// Too many failed sign-ins for an account or from an address: the answer to a sign-in
/// or a password change while its key is blocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("Too many failed sign-ins. Try again in {} minute{}.", minutes(.retry_after_secs), if minutes(.retry_after_secs) == 1 { "" } else { "s" })]
pub struct TooManyAttempts {
    pub retry_after_secs: i64,
}

fn minutes(secs: &i64) -> i64 {
    (secs + 59) / 60
}

/// A throttle key and how many attempts it may have in the window.
#[derive(Debug, Clone)]
pub struct Key {
    pub key: String,
    pub limit: i32,
}

impl Key {
    pub fn account(username: &str) -> Self {
        Self {
            key: format!("account:{}", username.to_lowercase()),
            limit: 5,
        }
    }

    pub fn address(ip: std::net::IpAddr) -> Self {
        Self {
            key: format!("address:{}", crate::net::throttle_group(ip)),
            limit: 20,
        }
    }

    /// New registrations from one address.
    pub fn registrations(ip: std::net::IpAddr) -> Self {
        Self {
            key: format!("register:{}", crate::net::throttle_group(ip)),
            limit: 10,
        }
    }

    /// Credential messages to one phone number or e-mail address. Plus-addressing is
    /// one mailbox: `ana+1@acme.rs` and `ana+2@acme.rs` count as `ana@acme.rs`.
    pub fn recipient(to: &str) -> Self {
        Self {
            key: format!("recipient:{}", mailbox(to)),
            limit: 3,
        }
    }
}

/// The mailbox an address delivers to, for counting: lowercased, without a `+tag`.
pub fn mailbox(to: &str) -> String {
    let to = to.trim().to_lowercase();
    match to.rsplit_once('@') {
        Some((local, domain)) => {
            let local = local.split_once('+').map_or(local, |(base, _)| base);
            format!("{local}@{domain}")
        }
        None => to,
    }
}

/// Locks the key's row, creating it if needed, and resets an expired window.
async fn locked_row(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> Result<lt::Model, DbErr> {
    lt::Entity::insert(lt::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(0),
        window_started_at: Set(now),
        blocked_until: Set(None),
    })
    .on_conflict_do_nothing_on([lt::Column::Key])
    .exec_without_returning(db)
    .await?;
    let row = lt::Entity::find_by_id(key.to_owned())
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(key.to_owned()))?;
    let blocked = row.blocked_until.is_some_and(|u| u > now);
    if !blocked && now - row.window_started_at >= WINDOW {
        return lt::ActiveModel {
            failures: Set(0),
            window_started_at: Set(now),
            blocked_until: Set(None),
            ..row.into()
        }
        .update(db)
        .await;
    }
    Ok(row)
}

/// Counts an attempt on every key, unless one is blocked or full: then the seconds to wait.
pub async fn reserve(
    db: &DatabaseConnection,
    keys: &[Key],
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    let txn = write_txn(db).await?;
    let mut rows = Vec::with_capacity(keys.len());
    for k in keys {
        let row = locked_row(&txn, &k.key, now).await?;
        if let Some(until) = row.blocked_until.filter(|u| *u > now) {
            txn.rollback().await?;
            return Ok(Some((until - now).num_seconds().max(1)));
        }
        if row.failures >= k.limit && row.blocked_until.is_none() {
            // At the limit (with attempts still being checked, or a plain quota used up):
            // wait for the window to move on.
            txn.rollback().await?;
            return Ok(Some(
                (row.window_started_at + WINDOW - now).num_seconds().max(1),
            ));
        }
        rows.push(row);
    }
    for row in rows {
        let failures = row.failures + 1;
        // One attempt after an expired block; parallel ones wait until it has failed
        // (and blocked the key again, for longer) or succeeded.
        lt::ActiveModel {
            failures: Set(failures),
            blocked_until: Set(None),
            ..row.into()
        }
        .update(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(None)
}

/// The attempt failed: it stays counted, and a key at its limit is blocked, longer each
/// time it is reached again. Returns the seconds of the longest block now in force.
pub async fn failed(
    db: &DatabaseConnection,
    keys: &[Key],
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    let txn = write_txn(db).await?;
    let mut longest = None;
    for k in keys {
        let row = locked_row(&txn, &k.key, now).await?;
        if row.failures >= k.limit {
            let over = u32::try_from(row.failures - k.limit)
                .unwrap_or(u32::MAX)
                .min(4);
            let until = now + (Duration::minutes(1) * 2_i32.pow(over)).min(MAX_BLOCK);
            longest = Some(longest.unwrap_or(0).max((until - now).num_seconds()));
            lt::ActiveModel {
                blocked_until: Set(Some(until)),
                ..row.into()
            }
            .update(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(longest)
}

/// The attempt succeeded: the account's failures are forgotten and every other key gets
/// its slot back (an address with one good sign-in is not a guesser for that attempt).
pub async fn succeeded(
    db: &DatabaseConnection,
    account: &Key,
    others: &[Key],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let txn = write_txn(db).await?;
    lt::Entity::delete_by_id(account.key.clone())
        .exec(&txn)
        .await?;
    for k in others {
        let row = locked_row(&txn, &k.key, now).await?;
        let failures = (row.failures - 1).max(0);
        lt::ActiveModel {
            failures: Set(failures),
            ..row.into()
        }
        .update(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Deletes counters that are neither blocking nor within a window any more, so made-up
/// usernames do not pile up in the table.
pub async fn sweep(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    use sea_orm::{ColumnTrait, Condition, QueryFilter};
    let stale = now - WINDOW - MAX_BLOCK;
    let res = lt::Entity::delete_many()
        .filter(lt::Column::WindowStartedAt.lt(stale))
        .filter(
            Condition::any()
                .add(lt::Column::BlockedUntil.is_null())
                .add(lt::Column::BlockedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_addresses_count_as_their_mailbox() {
        assert_eq!(mailbox("Ana+Promo@Acme.rs"), "ana@acme.rs");
        assert_eq!(mailbox("ana+1+2@acme.rs"), "ana@acme.rs");
        assert_eq!(mailbox("ana@acme.rs"), "ana@acme.rs");
        assert_eq!(mailbox("+381641234567"), "+381641234567", "phones are kept");
        assert_eq!(
            Key::recipient("ana+x@acme.rs").key,
            Key::recipient("ANA@acme.rs").key
        );
    }
}
