//! The request middleware: counts, times and logs every request by its route pattern,
//! one structured line each (`WPPLAY_LOG_FORMAT=json` makes every log line a JSON object),
//! and signals the feeds it wrote ([`crate::live::announcing`]).

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

/// Counts, times and logs every request. The route is the matched pattern
/// (`/api/v1/partners/{partner_id}/content`), never the raw path, so ids do not explode
/// the label set; unmatched paths count as `unmatched`.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let client = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| {
            crate::net::client_address(c.0.ip(), req.headers(), &state.settings.trusted_proxies)
        });
    // Feed rows the request appended are signalled to event streams as it ends.
    let response = crate::live::announcing(&state.live, next.run(req)).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    state.metrics.observe(&method, &route, status, seconds);
    tracing::info!(
        target: "wpplay_server::request",
        method = %method,
        route = %route,
        status,
        ms = (seconds * 1000.0 * 10.0).round() / 10.0,
        client = %client.map(|c| c.to_string()).unwrap_or_default(),
        "request"
    );
    response
}
