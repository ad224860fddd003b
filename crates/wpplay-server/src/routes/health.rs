//! `GET /healthz`: the process is up and its database answers.

use crate::error::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

/// Health of the server and its database.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "Healthy")))]
pub async fn healthz(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    crate::db::ping(&state.db).await?;
    Ok(Json(
        json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }),
    ))
}
