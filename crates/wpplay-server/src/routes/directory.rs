//! `GET /api/v1/partners`: the partner directory resellers browse.

use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use wpplay_domain::Code;
use wpplay_domain::actor::Role;
use wpplay_wire::resellers::DirectoryEntry;

/// Partners that serve resellers, each with only the contact details it made visible. A
/// partner that opted out (or is locked) is not listed, and its details are never sent.
#[utoipa::path(get, path = "/api/v1/partners", security(("bearer" = [])),
    responses((status = 200, body = Vec<DirectoryEntry>)))]
pub async fn list(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<Vec<DirectoryEntry>>> {
    if !matches!(auth.role, Role::Reseller | Role::Operator) {
        return Err(ApiError::forbidden(
            Code::Forbidden,
            "Only resellers browse the partner directory.",
        ));
    }
    Ok(Json(
        crate::directory::listed(&state.db, state.clock.now()).await?,
    ))
}
