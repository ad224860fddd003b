//! Rotating a session's refresh token, with its two safety rules:
//!
//! - a session lives at most `session_max_days` after its sign-in, however often it is
//!   refreshed (its tokens never outlive that end);
//! - every token a session rotated away from is remembered (hashed). Presented again
//!   after [`REFRESH_GRACE_SECS`], it was copied: the whole session ends, for the thief
//!   and the real client alike. Within the grace period the previous token rotates the
//!   session again only while the newest pair has not been used — its answer was lost
//!   on the way, and the client retries with what it has; each retry replaces that
//!   unused pair. Once a token of the newest pair is used, the previous one is refused
//!   (without ending the session: the same client racing itself), so a copied previous
//!   token yields at most one pair anyone can use.

use crate::auth::token::{self, Tokens};
use crate::db::entity::{
    account, deleted_account_token, retired_refresh_token as retired, session,
};
use crate::settings::Settings;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

/// How long after a rotation the previous refresh token still rotates the session
/// (once the answer to a refresh was lost on the way).
pub const REFRESH_GRACE_SECS: i64 = 120;

/// Why no tokens were given.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// Unknown, expired, revoked, or past the session's absolute end.
    Ended,
    /// A retired token came back: the session has just been ended because of it.
    Reused,
    /// The account was purged (unpaid): the device should forget it.
    AccountDeleted,
}

/// When a session opened at `created_at` ends for good.
pub fn absolute_end(created_at: DateTime<Utc>, settings: &Settings) -> DateTime<Utc> {
    created_at + Duration::days(settings.session_max_days)
}

/// Token expiries for a session refreshed (or opened) at `now`, never past its end.
pub fn expiries(
    created_at: DateTime<Utc>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let end = absolute_end(created_at, settings);
    (
        (now + Duration::seconds(settings.access_token_ttl_secs)).min(end),
        (now + Duration::days(settings.refresh_token_ttl_days)).min(end),
    )
}

/// Trades `presented` for new tokens.
pub async fn rotate(
    db: &DatabaseConnection,
    settings: &Settings,
    presented: &str,
    client: std::net::IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Ended>, DbErr> {
    let old_hash = token::hash(presented.trim());
    let current = session::Entity::find()
        .filter(session::Column::RefreshHash.eq(old_hash.clone()))
        .filter(session::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    // The token before the last rotation, shortly after it: the client never got the
    // answer to its refresh (a dropped connection) and tries again with what it has.
    let retried = match current {
        Some(_) => None,
        None => {
            session::Entity::find()
                .filter(session::Column::PreviousRefreshHash.eq(old_hash.clone()))
                .filter(session::Column::RevokedAt.is_null())
                .filter(session::Column::PairUsed.eq(false))
                .filter(session::Column::RotatedAt.gt(now - Duration::seconds(REFRESH_GRACE_SECS)))
                .one(db)
                .await?
        }
    };
    let is_retry = retried.is_some();
    let Some(s) = current.or(retried) else {
        return reused(db, &old_hash, now).await;
    };
    if s.refresh_expires_at <= now || absolute_end(s.created_at, settings) <= now {
        return Ok(Err(Ended::Ended));
    }
    let Some(account) = account::Entity::find_by_id(s.account_id).one(db).await? else {
        return Ok(Err(Ended::Ended));
    };
    let (access, refresh) = (token::generate(), token::generate());
    let (access_expires_at, refresh_expires_at) = expiries(s.created_at, settings, now);
    // Compare-and-swap on the refresh hash the session has now: of two refreshes with the
    // same token, exactly one wins; the other is told the session ended instead of
    // getting dead tokens. A normal rotation remembers the old token and when.
    let update = session::Entity::update_many()
        .col_expr(
            session::Column::AccessHash,
            Expr::value(token::hash(&access)),
        )
        .col_expr(
            session::Column::AccessExpiresAt,
            Expr::value(access_expires_at),
        )
        .col_expr(
            session::Column::RefreshHash,
            Expr::value(token::hash(&refresh)),
        )
        .col_expr(
            session::Column::RefreshExpiresAt,
            Expr::value(refresh_expires_at),
        )
        .col_expr(session::Column::PairUsed, Expr::value(false))
        // Where and when the session was last used, for the list of sessions.
        .col_expr(session::Column::LastSeenAt, Expr::value(Some(now)))
        .col_expr(
            session::Column::LastIp,
            Expr::value(Some(client.to_string())),
        );
    // A retry keeps the previous token and its rotation time: the grace never stretches.
    let update = if is_retry {
        update
    } else {
        update
            .col_expr(
                session::Column::PreviousRefreshHash,
                Expr::value(Some(old_hash.clone())),
            )
            .col_expr(session::Column::RotatedAt, Expr::value(Some(now)))
    };
    let txn = db.begin().await?;
    let swapped = update
        .filter(session::Column::Id.eq(s.id))
        .filter(session::Column::RefreshHash.eq(s.refresh_hash.clone()))
        .filter(session::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if swapped.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(Err(Ended::Ended));
    }
    // Retired: the token presented, and on a retry also the one the lost answer carried.
    let mut gone = vec![old_hash];
    if is_retry {
        gone.push(s.refresh_hash.clone());
    }
    retired::Entity::insert_many(gone.into_iter().map(|hash| retired::ActiveModel {
        hash: Set(hash),
        session_id: Set(s.id),
        retired_at: Set(now),
    }))
    .on_conflict_do_nothing_on([retired::Column::Hash])
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    if is_retry {
        tracing::info!(
            session = s.id,
            "a refresh retried with the previous token (its answer was lost): rotated again"
        );
    }
    Ok(Ok(Tokens {
        setup_second_factor: crate::auth::factor::setup_due(db, &account).await?,
        account,
        access,
        refresh,
        expires_in: (access_expires_at - now).num_seconds().max(0),
    }))
}

/// A token that is no session's current one: if a session rotated away from it, the
/// session ends now (whoever holds its current tokens is signed out too).
async fn reused(
    db: &DatabaseConnection,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Ended>, DbErr> {
    let Some(r) = retired::Entity::find_by_id(hash.to_owned()).one(db).await? else {
        let deleted = deleted_account_token::Entity::find_by_id(hash.to_owned())
            .one(db)
            .await?;
        return Ok(Err(if deleted.is_some() {
            Ended::AccountDeleted
        } else {
            Ended::Ended
        }));
    };
    // Within the grace period it is the same client racing itself (parallel refreshes,
    // a second retry): refused, but the session lives on.
    if r.retired_at > now - Duration::seconds(REFRESH_GRACE_SECS) {
        return Ok(Err(Ended::Ended));
    }
    let ended = revoke(db, r.session_id, now).await?;
    if ended > 0 {
        tracing::warn!(
            session = r.session_id,
            "a retired refresh token was presented again: the session is ended"
        );
        return Ok(Err(Ended::Reused));
    }
    Ok(Err(Ended::Ended))
}

/// The newest pair of a session was used: its previous refresh token may not retry.
pub async fn mark_used(db: &impl ConnectionTrait, session_id: i64) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(session::Column::PairUsed, Expr::value(true))
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::PairUsed.eq(false))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends a session at once; answers how many sessions that ended (0 or 1).
pub async fn revoke(
    db: &impl ConnectionTrait,
    session_id: i64,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}

/// Forgets retired tokens older than any session can live (nothing they could end is
/// still alive), and tokens of deleted accounts that would have expired by now.
pub async fn sweep(
    db: &impl ConnectionTrait,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let retired = retired::Entity::delete_many()
        .filter(retired::Column::RetiredAt.lt(now - Duration::days(settings.session_max_days)))
        .exec(db)
        .await?
        .rows_affected;
    let deleted = deleted_account_token::Entity::delete_many()
        .filter(
            deleted_account_token::Column::DeletedAt
                .lt(now - Duration::days(settings.refresh_token_ttl_days)),
        )
        .exec(db)
        .await?
        .rows_affected;
    Ok(retired + deleted)
}
