//! `GET /api/v1/sync/pull` and `POST /api/v1/sync/push`: the sync spine's requests,
//! checked and handed to [`crate::sync`].

use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use crate::state::AppState;
use crate::sync::pull::{self, MAX_PULL};
use crate::sync::push;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::actor::Role;
use wpplay_domain::ids::AccountId;
use wpplay_domain::sync::{MAX_PUSH_BATCH, SCHEMA_VERSION};
use wpplay_wire::sync::{PullResponse, PushRequest, PushResponse};

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
        Code::ClientOutdated,
        "This app is older than the server. Update the app; your unsent edits are kept.",
    )
}

/// The account's changes after `since`, in order, and the new cursor.
#[utoipa::path(get, path = "/api/v1/sync/pull", params(PullParams), security(("bearer" = [])),
    responses((status = 200, body = PullResponse)))]
pub async fn pull(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(params): ApiQuery<PullParams>,
) -> ApiResult<Response> {
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
            Code::InvalidQuery,
            "'since' must be 0 or more and 'limit' between 1 and 1000.",
        ));
    }
    match pull::page(&state.db, &auth.account, params.since, limit).await? {
        // The page is JSON already, written from the stored changes as they are.
        Ok(page) => Ok(([(header::CONTENT_TYPE, "application/json")], page).into_response()),
        Err(ahead) => Err(ApiError::conflict(ahead.code(), ahead.to_string())),
    }
}

/// Applies a batch of client mutations, each exactly once, in order.
#[utoipa::path(post, path = "/api/v1/sync/push", request_body = PushRequest, security(("bearer" = [])),
    responses((status = 200, body = PushResponse)))]
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
            Code::InvalidClientId,
            "'client_id' must be 8-64 letters, digits or dashes (a UUID).",
        ));
    }
    check_schema_version(req.schema_version)?;
    if req.mutations.len() > MAX_PUSH_BATCH {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            Code::BatchTooLarge,
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
            Code::InvalidBatch,
            "Mutation ids must be positive and strictly increasing within a batch.",
        ));
    }
    let account_id = auth.account.id;
    if let Err(secs) = state.rations.take(account_id, req.mutations.len()) {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            Code::TooManyChanges,
            format!(
                "This account sent more than {} changes in a minute. They stay queued and go through in {secs} seconds.",
                state.settings.limits.max_changes_per_minute
            ),
        );
        e.retry_after = i64::try_from(secs).ok();
        return Err(e);
    }
    let pushed = push::apply_batch(
        &state.db,
        AccountId(account_id),
        auth.role,
        &req.client_id,
        &req.mutations,
        state.clock.now(),
    )
    .await?
    .map_err(|taken| ApiError::forbidden(taken.code(), taken.to_string()))?;
    // Mutations may have queued e-mail (notifications): send them now, not at the next tick.
    state.outbox_wake.notify_one();
    Ok(Json(pushed))
}

/// A schema version is 0–65535 (`400` otherwise); another one than the server's is told
/// to update (`426 client_outdated`).
fn check_schema_version(v: u32) -> ApiResult<()> {
    if v > 65535 {
        return Err(ApiError::bad_request(
            Code::InvalidBody,
            "'schema_version' must be between 0 and 65535.",
        ));
    }
    if v != SCHEMA_VERSION {
        return Err(outdated());
    }
    Ok(())
}
