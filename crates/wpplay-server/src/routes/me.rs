//! `GET /api/v1/me`: the signed-in account.

use crate::auth::Authed;
use crate::error::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use wpplay_wire::auth::Me;

/// The account, its profile, package and subscription.
#[utoipa::path(get, path = "/api/v1/me", security(("bearer" = [])),
    responses((status = 200, body = Me)))]
pub async fn me(State(state): State<AppState>, Authed(auth): Authed) -> ApiResult<Json<Me>> {
    Ok(Json(
        crate::account::me(&state.db, &auth.account, state.clock.now()).await?,
    ))
}
