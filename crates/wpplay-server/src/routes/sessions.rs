//! Devices and sessions: the account's signed-in sessions, and ending them.

use crate::auth::journal::{self, Event};
use crate::auth::{Authed, sessions};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiPath;
use crate::net::ClientAddr;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::json;
use wpplay_wire::auth::{SessionInfo, SessionsEnded};

/// The account's live sessions, the most recently used first (at most 100); the one
/// asking is marked `current`.
#[utoipa::path(get, path = "/api/v1/sessions", security(("bearer" = [])),
    responses((status = 200, body = Vec<SessionInfo>)))]
pub async fn list(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<Vec<SessionInfo>>> {
    let now = state.clock.now();
    Ok(Json(
        sessions::list(&state.db, auth.account.id, auth.session.id, now).await?,
    ))
}

/// Ends one of the account's sessions (its tokens stop working at once); another
/// account's session, or one that already ended, is not found.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The session, as the list gives it")),
    responses((status = 204, description = "Ended"), (status = 404, body = wpplay_wire::ErrorBody)))]
pub async fn end(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Authed(auth): Authed,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    let now = state.clock.now();
    if sessions::end(&state.db, auth.account.id, id, now).await? {
        let details = journal::details(client, json!({ "session": id }));
        journal::record(&state.db, &auth.account, Event::SessionEnded, details, now).await?;
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// Ends every session of the account but the one asking.
#[utoipa::path(post, path = "/api/v1/sessions/end-others", security(("bearer" = [])),
    responses((status = 200, body = SessionsEnded)))]
pub async fn end_others(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Authed(auth): Authed,
) -> ApiResult<Json<SessionsEnded>> {
    let now = state.clock.now();
    let ended = sessions::end_others(&state.db, auth.account.id, auth.session.id, now).await?;
    if ended > 0 {
        let details = journal::details(client, json!({ "ended": ended }));
        let event = Event::OtherSessionsEnded;
        journal::record(&state.db, &auth.account, event, details, now).await?;
    }
    Ok(Json(SessionsEnded {
        ended: u32::try_from(ended).unwrap_or(u32::MAX),
    }))
}
