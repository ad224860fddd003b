//! `GET /api/v1/packages`: the packages a new partner can choose.

use crate::catalog;
use crate::error::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use wpplay_wire::packages::Package;

/// The active packages, cheapest first.
#[utoipa::path(get, path = "/api/v1/packages", responses((status = 200, body = Vec<Package>)))]
pub async fn list(State(state): State<AppState>) -> ApiResult<Json<Vec<Package>>> {
    Ok(Json(catalog::offered(&state.db).await?))
}
