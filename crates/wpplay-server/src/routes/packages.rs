//! `GET /api/v1/packages`: the packages a new partner can choose.

use crate::app::AppState;
use crate::catalog;
use crate::error::ApiResult;
use axum::Json;
use axum::extract::State;
use wpplay_wire::packages::Package;

/// The active packages, cheapest first.
#[utoipa::path(get, path = "/api/v1/packages", responses((status = 200, body = Vec<Package>)))]
pub async fn list(State(state): State<AppState>) -> ApiResult<Json<Vec<Package>>> {
    let packages = catalog::list(&state.db, true).await?;
    Ok(Json(packages.iter().map(catalog::to_wire).collect()))
}
