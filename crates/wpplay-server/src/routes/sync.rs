//! The sync spine: pull the account's change feed, push client mutations.

use crate::app::AppState;
use crate::auth::Authed;
use crate::db;
use crate::db::entity::{change_feed, sync_client, sync_mutation};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde::Deserialize;
use wpplay_domain::ids::AccountId;
use wpplay_domain::sync::{MAX_PUSH_BATCH, Outcome, SCHEMA_VERSION};
use wpplay_wire::auth::Role;
use wpplay_wire::sync::{
    Change, ClientMutation, Entity, MutationResult, PullResponse, PushRequest, PushResponse,
};

/// The most changes one pull returns.
pub const MAX_PULL: u64 = 1000;

/// `since` and `limit` of a pull.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullParams {
    /// The cursor of the last pull; 0 for everything.
    #[serde(default)]
    #[param(minimum = 0)]
    pub since: i64,
    /// At most this many changes (1-1000, default 500).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
    /// The client's sync schema version; an outdated client is told to update (426).
    #[param(minimum = 0, maximum = 65535)]
    pub schema_version: Option<u32>,
}

/// `426 client_outdated`: the app speaks an older sync schema than the server.
fn outdated() -> ApiError {
    ApiError::new(
        StatusCode::UPGRADE_REQUIRED,
        "client_outdated",
        "This app is older than the server. Update the app; your unsent edits are kept.",
    )
}

/// The account's changes after `since`, in order, and the new cursor.
#[utoipa::path(get, path = "/api/v1/sync/pull", params(PullParams), security(("bearer" = [])),
    responses((status = 200, body = PullResponse), (status = 400, body = wpplay_wire::ErrorBody), (status = 402, body = wpplay_wire::ErrorBody), (status = 409, body = wpplay_wire::ErrorBody), (status = 426, description = "`client_outdated`: this app is older than the server", body = wpplay_wire::ErrorBody)))]
pub async fn pull(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(params): ApiQuery<PullParams>,
) -> ApiResult<Json<PullResponse>> {
    // A locked partner still pulls (its billing state and invoices come this way); its
    // dealers do not.
    if auth.role == Role::Dealer {
        auth.require_unlocked()?;
    }
    if let Some(v) = params.schema_version {
        check_schema_version(v)?;
    }
    let limit = params.limit.unwrap_or(500);
    if params.since < 0 || !(1..=MAX_PULL).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_query",
            "'since' must be 0 or more and 'limit' between 1 and 1000.",
        ));
    }
    let account_id = auth.account.id;
    let rows = change_feed::Entity::find()
        .filter(change_feed::Column::AccountId.eq(account_id))
        .filter(change_feed::Column::Seq.gt(params.since))
        .order_by_asc(change_feed::Column::Seq)
        .limit(limit + 1)
        .all(&state.db)
        .await?;
    if rows.is_empty() {
        // A cursor beyond the feed means the client saw a feed this server no longer has.
        let head = crate::db::entity::account::Entity::find_by_id(account_id)
            .one(&state.db)
            .await?
            .map_or(0, |a| a.feed_seq);
        if params.since > head {
            return Err(ApiError::conflict(
                "resync_required",
                "The local copy is ahead of the server. Start a full resync.",
            ));
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
    let cursor = changes.last().map_or(params.since, |c| c.seq);
    Ok(Json(PullResponse {
        changes,
        cursor,
        has_more,
        schema_version: SCHEMA_VERSION,
        // As read when the request was authorized; a commit since may have gone past it.
        head: auth.account.feed_seq.max(cursor),
    }))
}

/// Applies a batch of client mutations, each exactly once, in order.
#[utoipa::path(post, path = "/api/v1/sync/push", request_body = PushRequest, security(("bearer" = [])),
    responses((status = 200, body = PushResponse), (status = 400, body = wpplay_wire::ErrorBody), (status = 402, body = wpplay_wire::ErrorBody), (status = 409, body = wpplay_wire::ErrorBody), (status = 426, body = wpplay_wire::ErrorBody),
        (status = 429, description = "`too_many_changes`: the account's ration of changes per minute is used up (`Retry-After`)", body = wpplay_wire::ErrorBody)))]
pub async fn push(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiJson(req): ApiJson<PushRequest>,
) -> ApiResult<Json<PushResponse>> {
    // Nothing changes while the partner is locked; the app keeps the edits queued and
    // they go through once it has paid.
    auth.require_unlocked()?;
    let client_ok = (8..=64).contains(&req.client_id.len())
        && req
            .client_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !client_ok {
        return Err(ApiError::bad_request(
            "invalid_client_id",
            "'client_id' must be 8-64 letters, digits or dashes (a UUID).",
        ));
    }
    check_schema_version(req.schema_version)?;
    if req.mutations.len() > MAX_PUSH_BATCH {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!("Push at most {MAX_PUSH_BATCH} mutations at a time."),
        ));
    }
    if req
        .mutations
        .windows(2)
        .any(|w| w[0].mutation_id >= w[1].mutation_id)
        || req.mutations.iter().any(|m| m.mutation_id < 1)
    {
        return Err(ApiError::bad_request(
            "invalid_batch",
            "Mutation ids must be positive and strictly increasing within a batch.",
        ));
    }
    let account_id = auth.account.id;
    if let Err(secs) = state.rations.take(account_id, req.mutations.len()) {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_changes",
            format!(
                "This account sent more than {} changes in a minute. They stay queued and go through in {secs} seconds.",
                state.settings.limits.max_changes_per_minute
            ),
        );
        e.retry_after = i64::try_from(secs).ok();
        return Err(e);
    }
    let results = apply_batch(
        &state,
        AccountId(account_id),
        auth.role,
        &req.client_id,
        &req.mutations,
    )
    .await?;
    let cursor = crate::db::entity::account::Entity::find_by_id(account_id)
        .one(&state.db)
        .await?
        .map_or(0, |a| a.feed_seq);
    // Mutations may have queued e-mail (notifications): send them now, not at the next tick.
    state.outbox_wake.notify_one();
    Ok(Json(PushResponse { results, cursor }))
}

/// Applies a batch in one transaction (one commit, one `fsync` on SQLite): each mutation
/// in its own savepoint, so a refused one leaves nothing behind, and each recorded with its
/// outcome and the client's last mutation id in the same transaction as its effects. A
/// mutation id seen before answers its recorded outcome instead of applying again.
async fn apply_batch(
    state: &AppState,
    account: AccountId,
    role: wpplay_wire::auth::Role,
    client_id: &str,
    mutations: &[ClientMutation],
) -> ApiResult<Vec<MutationResult>> {
    let now = state.clock.now();
    let account_id = account.0;
    let txn = db::write_txn(&state.db).await?;
    // The client's row is created if new and locked: two pushes of the same client (a
    // retry racing the original) apply one after the other, never side by side.
    sync_client::Entity::insert(sync_client::ActiveModel {
        client_id: Set(client_id.to_owned()),
        account_id: Set(account_id),
        last_mutation_id: Set(0),
        updated_at: Set(now),
    })
    .on_conflict_do_nothing_on([sync_client::Column::ClientId])
    .exec_without_returning(&txn)
    .await?;
    let client = sync_client::Entity::find_by_id(client_id.to_owned())
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("sync client {client_id}")))?;
    if client.account_id != account_id {
        return Err(ApiError::forbidden(
            "client_id_taken",
            "This client id belongs to another account. Generate a new one.",
        ));
    }
    let mut last = client.last_mutation_id;
    let mut results = Vec::with_capacity(mutations.len());
    for m in mutations {
        let outcome = if m.mutation_id <= last {
            let recorded = sync_mutation::Entity::find_by_id((client_id.to_owned(), m.mutation_id))
                .one(&txn)
                .await?;
            match recorded {
                Some(r) if r.status == "rejected" => Outcome::Rejected {
                    code: r.code.unwrap_or_default(),
                    message: r.message.unwrap_or_default(),
                },
                Some(_) => Outcome::Applied,
                None => Outcome::Rejected {
                    code: "mutation_out_of_order".to_owned(),
                    message: "This edit is older than edits already applied from this device."
                        .to_owned(),
                },
            }
        } else {
            let savepoint = txn.begin().await?;
            let actor = crate::mutations::Actor::of(&savepoint, account, role).await?;
            let outcome =
                match crate::mutations::apply(&savepoint, &actor, &m.mutation, now).await? {
                    Ok(()) => {
                        savepoint.commit().await?;
                        Outcome::Applied
                    }
                    Err((code, message)) => {
                        savepoint.rollback().await?;
                        Outcome::Rejected {
                            code: code.to_owned(),
                            message,
                        }
                    }
                };
            record(&txn, account_id, client_id, m.mutation_id, &outcome, now).await?;
            last = m.mutation_id;
            outcome
        };
        results.push(MutationResult {
            mutation_id: m.mutation_id,
            outcome,
        });
    }
    txn.commit().await?;
    Ok(results)
}

async fn record(
    db: &impl ConnectionTrait,
    account_id: i64,
    client_id: &str,
    mutation_id: i64,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let (status, code, message) = match outcome {
        Outcome::Applied => ("applied", None, None),
        Outcome::Rejected { code, message } => {
            ("rejected", Some(code.clone()), Some(message.clone()))
        }
    };
    sync_mutation::ActiveModel {
        client_id: Set(client_id.to_owned()),
        mutation_id: Set(mutation_id),
        account_id: Set(account_id),
        status: Set(status.to_owned()),
        code: Set(code),
        message: Set(message),
        applied_at: Set(now),
    }
    .insert(db)
    .await?;
    let client = sync_client::ActiveModel {
        client_id: Set(client_id.to_owned()),
        account_id: Set(account_id),
        last_mutation_id: Set(mutation_id),
        updated_at: Set(now),
    };
    client.update(db).await?;
    Ok(())
}

/// A schema version is 0–65535 (`400` otherwise); another one than the server's is told
/// to update (`426 client_outdated`).
fn check_schema_version(v: u32) -> ApiResult<()> {
    if v > 65535 {
        return Err(ApiError::bad_request(
            "invalid_body",
            "'schema_version' must be between 0 and 65535.",
        ));
    }
    if v != SCHEMA_VERSION {
        return Err(outdated());
    }
    Ok(())
}
