//! Pulling the account's change feed: the changes after a cursor, in order.

use crate::db::entity::{account, change_feed};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::sync::SCHEMA_VERSION;
#[cfg(doc)]
use wpplay_wire::sync::PullResponse;
use wpplay_wire::sync::{Change, Entity};

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

/// At most `limit` changes of `account`'s feed after `since`, and the new cursor, as the
/// answer's JSON (a [`PullResponse`]). The head is the account's as read when the request
/// was authorized; a commit since may have gone past it.
///
/// Each change is written from its stored payload as it is ([`splice`]): a page of a
/// thousand changes is not parsed and serialised again on every pull.
pub async fn page(
    db: &impl ConnectionTrait,
    account: &account::Model,
    since: i64,
    limit: u64,
) -> Result<Result<String, AheadOfServer>, DbErr> {
    let rows: Vec<(i64, String)> = change_feed::Entity::find()
        .select_only()
        .column(change_feed::Column::Seq)
        .column(change_feed::Column::Payload)
        .filter(change_feed::Column::AccountId.eq(account.id))
        .filter(change_feed::Column::Seq.gt(since))
        .order_by_asc(change_feed::Column::Seq)
        .limit(limit + 1)
        .into_tuple()
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
    let taken = usize::try_from(limit).unwrap_or(usize::MAX).min(rows.len());
    let cursor = rows[..taken].last().map_or(since, |(seq, _)| *seq);
    let bytes: usize = rows[..taken].iter().map(|(_, p)| p.len() + 24).sum();
    let mut body = String::with_capacity(bytes + 128);
    body.push_str("{\"changes\":[");
    for (i, (seq, payload)) in rows[..taken].iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        splice(&mut body, *seq, payload)?;
    }
    let tail = serde_json::json!({
        "cursor": cursor,
        "has_more": has_more,
        "schema_version": SCHEMA_VERSION,
        "head": account.feed_seq.max(cursor),
    });
    body.push_str("],");
    body.push_str(&tail.to_string()[1..]);
    Ok(Ok(body))
}

/// Writes one change, `{"seq":N,"entity":…,"data":…}`, from its stored payload: the
/// entity as `feed::append` stored it (`{"entity":…,"data":…}`), behind its sequence
/// number. A payload of any other shape (none is written so) is parsed and written
/// again, and one that does not parse is an error, as it always was.
fn splice(out: &mut String, seq: i64, payload: &str) -> Result<(), DbErr> {
    use std::fmt::Write;
    if let Some(rest) = payload.strip_prefix("{\"entity\":") {
        let _ = write!(out, "{{\"seq\":{seq},\"entity\":{rest}");
        return Ok(());
    }
    let entity: Entity = serde_json::from_str(payload).map_err(|e| DbErr::Json(e.to_string()))?;
    let change =
        serde_json::to_string(&Change { seq, entity }).map_err(|e| DbErr::Json(e.to_string()))?;
    out.push_str(&change);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wpplay_wire::dealers::{Dealer, DealerState, Removed};
    use wpplay_wire::resellers::Stream;

    /// A spliced change reads back as the change itself, for entities with and without
    /// optional fields, removals, and text that needs escaping.
    #[test]
    fn a_spliced_change_is_the_change() {
        let entities = [
            Entity::Dealer(Dealer {
                id: "d1".into(),
                display_name: "Marko \"Shop\" \\ Đorđe ✓".into(),
                contact_email: None,
                contact_phone: Some("+381 11 333".into()),
                username: "marko".into(),
                status: DealerState::Inactive,
                version: 7,
            }),
            Entity::DealerRemoved(Removed { id: "d2".into() }),
            Entity::Stream(Stream {
                id: "s1".into(),
                name: "Sport".into(),
                category: "Sport".into(),
                stream_url: "https://cdn.example/a.m3u8?x=1&y=2".into(),
            }),
        ];
        let mut body = String::from("[");
        for (i, e) in entities.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            let stored = serde_json::to_string(e).expect("stored as feed::append does");
            splice(&mut body, i as i64 + 40, &stored).expect("splice");
        }
        body.push(']');
        let read: Vec<Change> = serde_json::from_str(&body).expect("valid JSON");
        let expected: Vec<Change> = entities
            .into_iter()
            .enumerate()
            .map(|(i, entity)| Change {
                seq: i as i64 + 40,
                entity,
            })
            .collect();
        assert_eq!(read, expected);
    }

    /// A payload stored in another shape is parsed and written again, not spliced
    /// blindly; one that is not an entity is an error, not a broken answer.
    #[test]
    fn a_payload_of_another_shape_is_written_again() {
        let mut out = String::new();
        splice(
            &mut out,
            3,
            r#"{"data":{"id":"d9"},"entity":"dealer_removed"}"#,
        )
        .expect("parsed");
        let read: Change = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(
            read,
            Change {
                seq: 3,
                entity: Entity::DealerRemoved(Removed { id: "d9".into() })
            }
        );
        assert!(splice(&mut String::new(), 4, "not json").is_err());
    }
}
