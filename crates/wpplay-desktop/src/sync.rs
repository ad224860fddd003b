//! The sync engine: push the outbox, then pull the feed until the cursor is current.
//!
//! Planning (which edits go next, what an answer means) is pure and lives in
//! `wpplay_domain::sync`; this module only does the IO around it.

use crate::client::{ApiClient, CallError};
use crate::replica::Replica;
use chrono::{DateTime, Utc};
use wpplay_domain::Code;
use wpplay_domain::sync::{MAX_PUSH_BATCH, SCHEMA_VERSION, next_batch, page_continues, step_for};
use wpplay_wire::ErrorBody;
use wpplay_wire::sync::{ClientMutation, PullResponse, PushRequest, PushResponse};

/// Changes asked for per pull (the server's maximum): fewer round trips for a first
/// sync (BENCHMARKS.md, issue 16).
pub const PULL_PAGE: u64 = 1000;

/// What one sync round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    pub pushed: usize,
    pub pulled: usize,
}

/// Pushes every pending edit, then pulls every new change.
pub async fn round(
    api: &ApiClient,
    token: &str,
    replica: &Replica,
    now: DateTime<Utc>,
) -> Result<Round, CallError> {
    let local = |e: crate::error::LocalErr| {
        CallError::Answered(reqwest::StatusCode::OK, ErrorBody::from(e))
    };
    let mut done = Round::default();
    let client_id = replica.state().await.map_err(local)?.client_id;
    // A locked partner's edits wait (402), as do edits beyond the account's ration of
    // changes per minute (429): the pull still runs, so the app learns of the lock, the
    // invoice and the payment that lifts it.
    let mut held = None;
    loop {
        let pending = replica.pending_first(MAX_PUSH_BATCH).await.map_err(local)?;
        let batch = next_batch(&pending, MAX_PUSH_BATCH);
        if batch.is_empty() {
            break;
        }
        let request = PushRequest {
            client_id: client_id.clone(),
            schema_version: SCHEMA_VERSION,
            mutations: batch
                .iter()
                .map(|p| ClientMutation {
                    mutation_id: p.mutation_id,
                    mutation: p.mutation.clone(),
                })
                .collect(),
        };
        let answer: PushResponse = match api.post("/api/v1/sync/push", Some(token), &request).await
        {
            // Locked (402), or the account's ration of changes used up (429): the edits
            // stay queued for a later round.
            Err(CallError::Answered(
                status @ (reqwest::StatusCode::PAYMENT_REQUIRED
                | reqwest::StatusCode::TOO_MANY_REQUESTS),
                body,
            )) => {
                held = Some((status, body));
                break;
            }
            other => other?,
        };
        replica
            .settle(&answer.results, answer.cursor, step_for)
            .await
            .map_err(local)?;
        done.pushed += answer.results.len();
        if batch.len() < MAX_PUSH_BATCH {
            break;
        }
    }
    let mut resynced = false;
    let pulled = pull_pages(api, token, replica, now, &mut done, &mut resynced).await;
    replica.set_progress(None);
    pulled?;
    match held {
        Some((status, body)) => Err(CallError::Answered(status, body)),
        None => Ok(done),
    }
}

/// Changes applied in one replica transaction during a long pull (a first sync): each
/// commit writes every index page the changes touched, so a few big commits cost far
/// less than one per page (BENCHMARKS.md, issue 16). Pulled but not yet applied changes
/// are applied before an error is answered, so no page is fetched twice.
pub const APPLY_AT_ONCE: usize = 20_000;

/// Pulls pages until the cursor is current.
async fn pull_pages(
    api: &ApiClient,
    token: &str,
    replica: &Replica,
    now: DateTime<Utc>,
    done: &mut Round,
    resynced: &mut bool,
) -> Result<(), CallError> {
    let local = |e: crate::error::LocalErr| {
        CallError::Answered(reqwest::StatusCode::OK, ErrorBody::from(e))
    };
    let mut cursor = replica.state().await.map_err(local)?.cursor;
    let mut waiting = Waiting::default();
    loop {
        let answer: Result<PullResponse, CallError> = api
            .get(
                &format!(
                    "/api/v1/sync/pull?since={cursor}&limit={PULL_PAGE}&schema_version={SCHEMA_VERSION}"
                ),
                Some(token),
            )
            .await;
        let page = match answer {
            // The server's feed no longer reaches our cursor (it was restored or reset):
            // start over from the beginning, once per round.
            Err(CallError::Answered(reqwest::StatusCode::CONFLICT, b))
                if b.code == "resync_required" && !*resynced =>
            {
                waiting = Waiting::default();
                replica.reset_for_resync().await.map_err(local)?;
                *resynced = true;
                cursor = 0;
                continue;
            }
            Err(e) => {
                waiting.apply(replica, now).await.map_err(local)?;
                return Err(e);
            }
            Ok(page) => page,
        };
        if !page_continues(cursor, page.changes.first().map(|c| c.seq), page.cursor) {
            waiting.apply(replica, now).await.map_err(local)?;
            return Err(CallError::Answered(
                reqwest::StatusCode::OK,
                ErrorBody::new(
                    Code::FeedOutOfOrder,
                    "The server sent changes out of order; the next sync will try again.",
                ),
            ));
        }
        cursor = page.cursor;
        done.pulled += page.changes.len();
        waiting.changes.extend(page.changes);
        waiting.cursor = cursor;
        waiting.pulled = true;
        if !page.has_more || waiting.changes.len() >= APPLY_AT_ONCE {
            waiting.apply(replica, now).await.map_err(local)?;
        }
        if !page.has_more {
            break;
        }
        // More to come: the status shows how far this pull got.
        replica.set_progress(Some((page.cursor, page.head.max(page.cursor))));
    }
    Ok(())
}

/// Pulled changes not yet in the replica, and the cursor they reach.
#[derive(Default)]
struct Waiting {
    changes: Vec<wpplay_wire::sync::Change>,
    cursor: i64,
    /// Whether anything was pulled since the last apply (a quiet page moves the cursor
    /// and "Last sync …" too).
    pulled: bool,
}

impl Waiting {
    async fn apply(
        &mut self,
        replica: &Replica,
        now: DateTime<Utc>,
    ) -> Result<(), crate::error::LocalErr> {
        if !self.pulled {
            return Ok(());
        }
        replica.apply_page(&self.changes, self.cursor, now).await?;
        self.changes.clear();
        self.pulled = false;
        Ok(())
    }
}
