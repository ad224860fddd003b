//! `GET /api/v1/partners/{partner_id}/content`: a partner's IP streams catalog.

use crate::auth::Authed;
use crate::auth::session::partner_locked;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::streams::{self, Refused, Viewer};
use axum::Json;
use axum::extract::State;
use wpplay_domain::ErrorCode;
use wpplay_wire::resellers::Stream;

/// The catalog, for the partner itself and its linked resellers only; nobody else. A
/// locked partner's content is closed to its resellers.
#[utoipa::path(get, path = "/api/v1/partners/{partner_id}/content", params(("partner_id" = i64, Path, description = "The partner's account id")),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<Stream>)))]
pub async fn list(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(partner_id): ApiPath<i64>,
) -> ApiResult<Json<Vec<Stream>>> {
    let viewer = Viewer {
        account: auth.account.id,
        role: auth.role,
        locked: auth.partner_locked,
    };
    match streams::catalog(&state.db, viewer, partner_id, state.clock.now()).await? {
        Ok(streams) => Ok(Json(streams)),
        Err(e @ Refused::NotLinked) => Err(ApiError::forbidden(e.code(), e.to_string())),
        // A partner reads its own catalog, a reseller a linked partner's: the answer is
        // worded for who asks.
        Err(Refused::Locked) => Err(partner_locked(auth.role)),
    }
}
