//! Pulling the account's change feed: the changes after a cursor, in order.

use crate::db::entity::{account, change_feed};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::sync::SCHEMA_VERSION;
use wpplay_wire::sync::{Change, Entity, PullResponse};

/// The most changes one pull returns.
pub const MAX_PULL: u64 = 1000;

/// A cursor beyond the feed: the client saw a feed this server no longer has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("The local copy is ahead of the server. Start a full resync.")]
pub struct AheadOfServer;

impl ErrorCode for AheadOfServer {
    fn code(&self) -> Code {
        Code::ResyncRequired
    }
}

/// At most `limit` changes of `account`'s feed after `since`, and the new cursor. The
/// head is the account's as read when the request was authorized; a commit since may
/// have gone past it.
pub async fn page(
    db: &impl ConnectionTrait,
    account: &account::Model,
    since: i64,
    limit: u64,
) -> Result<Result<PullResponse, AheadOfServer>, DbErr> {
    let rows = change_feed::Entity::find()
        .filter(change_feed::Column::AccountId.eq(account.id))
        .filter(change_feed::Column::Seq.gt(since))
        .order_by_asc(change_feed::Column::Seq)
        .limit(limit + 1)
        .all(db)
        .await?;
    if rows.is_empty() {
        let head = account::Entity::find_by_id(account.id)
            .one(db)
            .await?
            .map_or(0, |a| a.feed_seq);
        if since > head {
            return Ok(Err(AheadOfServer));
        }
    }
    let has_more = rows.len() as u64 > limit;
    let mut changes = Vec::with_capacity(rows.len());
    for row in rows
        .into_iter()
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
    {
        let entity: Entity =
            serde_json::from_str(&row.payload).map_err(|e| DbErr::Json(e.to_string()))?;
        changes.push(Change {
            seq: row.seq,
            entity,
        });
    }
    let cursor = changes.last().map_or(since, |c| c.seq);
    Ok(Ok(PullResponse {
        changes,
        cursor,
        has_more,
        schema_version: SCHEMA_VERSION,
        head: account.feed_seq.max(cursor),
    }))
}
