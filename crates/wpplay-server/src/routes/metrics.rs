//! `GET /metrics`: the process's counters and the outbox's gauges as Prometheus text.

use crate::error::{ApiError, ApiResult};
use crate::net::ClientAddr;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

/// Prometheus text: this process's counters, plus the outbox as the database has it.
#[utoipa::path(get, path = "/metrics",
    responses((status = 200, description = "Prometheus text format (only with WPPLAY_METRICS=true)", content_type = "text/plain")))]
pub async fn metrics(State(state): State<AppState>, _client: ClientAddr) -> ApiResult<Response> {
    if !state.settings.metrics {
        return Err(ApiError::not_found());
    }
    let backlog = crate::delivery::backlog(&state.db, state.clock.now()).await?;
    Ok((
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        state.metrics.render(&backlog),
    )
        .into_response())
}
