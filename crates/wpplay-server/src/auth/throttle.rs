//! Throttling of wrong passwords, per account and per network address.
//!
//! Counters live in the database, so several server processes share them.

use crate::db::entity::login_throttle as lt;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};

/// Failures counted within this window.
const WINDOW: Duration = Duration::minutes(15);

/// A throttle key and how many failures it may have before it is blocked.
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
            key: format!("address:{ip}"),
            limit: 20,
        }
    }
}

/// If any key is blocked at `now`, the seconds until it opens again.
pub async fn blocked_for(
    db: &impl ConnectionTrait,
    keys: &[Key],
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    let mut longest = None;
    for k in keys {
        if let Some(row) = lt::Entity::find_by_id(k.key.clone()).one(db).await?
            && let Some(until) = row.blocked_until
            && until > now
        {
            let secs = (until - now).num_seconds().max(1);
            longest = Some(longest.map_or(secs, |l: i64| l.max(secs)));
        }
    }
    Ok(longest)
}

/// Counts a failure on every key; a key over its limit is blocked, longer each time.
pub async fn record_failure(
    db: &impl ConnectionTrait,
    keys: &[Key],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for k in keys {
        let existing = lt::Entity::find_by_id(k.key.clone()).one(db).await?;
        let (failures, window_started_at) = match &existing {
            Some(row)
                if now - row.window_started_at < WINDOW
                    || row.blocked_until.is_some_and(|u| u > now - WINDOW) =>
            {
                (row.failures + 1, row.window_started_at)
            }
            _ => (1, now),
        };
        let blocked_until = (failures >= k.limit).then(|| {
            let over = u32::try_from(failures - k.limit).unwrap_or(u32::MAX).min(6);
            now + Duration::minutes(1) * 2_i32.pow(over)
        });
        let model = lt::ActiveModel {
            key: Set(k.key.clone()),
            failures: Set(failures),
            window_started_at: Set(window_started_at),
            blocked_until: Set(blocked_until),
        };
        if existing.is_some() {
            model.update(db).await?;
        } else {
            model.insert(db).await?;
        }
    }
    Ok(())
}

/// Forgets the failures of a key after a successful sign-in.
pub async fn clear(db: &impl ConnectionTrait, key: &Key) -> Result<(), DbErr> {
    lt::Entity::delete_by_id(key.key.clone()).exec(db).await?;
    Ok(())
}
