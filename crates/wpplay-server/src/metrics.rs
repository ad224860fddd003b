//! What an operator watches: request counts and latencies by route and status, the
//! delivery outbox, the lifecycle scheduler and the live event streams, served as
//! Prometheus text at `GET /metrics` when `WPPLAY_METRICS=true`; and one structured log
//! line per request (`WPPLAY_LOG_FORMAT=json` makes every log line a JSON object).

use crate::app::AppState;
use crate::error::{ApiError, ApiResult};
use crate::net::ClientAddr;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    total: u64,
}

/// The process's counters; cheap to clone.
#[derive(Clone, Default)]
pub struct Metrics {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// (method, route, status) → requests.
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// (method, route) → latency.
    latency: Mutex<BTreeMap<(String, String), Histogram>>,
    streams_open: AtomicI64,
    lifecycle_last_unix: AtomicI64,
    lifecycle_last_micros: AtomicU64,
    lifecycle_failures: AtomicU64,
}

/// Counts one open event stream until dropped.
pub struct StreamGuard(Metrics);

impl Drop for StreamGuard {
    fn drop(&mut self) {
        self.0.inner.streams_open.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        if let Ok(mut r) = self.inner.requests.lock() {
            *r.entry((method.to_owned(), route.to_owned(), status))
                .or_default() += 1;
        }
        if let Ok(mut l) = self.inner.latency.lock() {
            let h = l.entry((method.to_owned(), route.to_owned())).or_default();
            for (i, le) in BUCKETS.iter().enumerate() {
                if seconds <= *le {
                    h.counts[i] += 1;
                }
            }
            h.sum += seconds;
            h.total += 1;
        }
    }

    /// An event stream opened; it counts until the guard is dropped.
    pub fn stream_opened(&self) -> StreamGuard {
        self.inner.streams_open.fetch_add(1, Ordering::Relaxed);
        StreamGuard(self.clone())
    }

    pub fn streams_open(&self) -> i64 {
        self.inner.streams_open.load(Ordering::Relaxed)
    }

    /// A lifecycle pass finished (or failed) at `at_unix` after `took`.
    pub fn lifecycle_pass(&self, at_unix: i64, took: std::time::Duration, ok: bool) {
        self.inner
            .lifecycle_last_unix
            .store(at_unix, Ordering::Relaxed);
        self.inner.lifecycle_last_micros.store(
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
        if !ok {
            self.inner
                .lifecycle_failures
                .fetch_add(1, Ordering::Relaxed);
        }
    }

    fn render_process(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "# HELP wpplay_http_requests_total HTTP requests answered, by route and status.\n# TYPE wpplay_http_requests_total counter"
        );
        if let Ok(r) = self.inner.requests.lock() {
            for ((method, route, status), n) in r.iter() {
                let _ = writeln!(
                    out,
                    "wpplay_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP wpplay_http_request_duration_seconds Time to answer, by route.\n# TYPE wpplay_http_request_duration_seconds histogram"
        );
        if let Ok(l) = self.inner.latency.lock() {
            for ((method, route), h) in l.iter() {
                let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
                for (i, le) in BUCKETS.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "wpplay_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {}",
                        h.counts[i]
                    );
                }
                let _ = writeln!(
                    out,
                    "wpplay_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\nwpplay_http_request_duration_seconds_sum{{{labels}}} {}\nwpplay_http_request_duration_seconds_count{{{labels}}} {}",
                    h.total, h.sum, h.total
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP wpplay_event_streams_open Live event streams open on this process.\n# TYPE wpplay_event_streams_open gauge\nwpplay_event_streams_open {}",
            self.streams_open()
        );
        let last = self.inner.lifecycle_last_unix.load(Ordering::Relaxed);
        let took = self.inner.lifecycle_last_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(
            out,
            "# HELP wpplay_lifecycle_last_pass_timestamp_seconds When this process's last lifecycle pass ended (0: none yet).\n# TYPE wpplay_lifecycle_last_pass_timestamp_seconds gauge\nwpplay_lifecycle_last_pass_timestamp_seconds {last}\n# HELP wpplay_lifecycle_last_pass_duration_seconds How long it took.\n# TYPE wpplay_lifecycle_last_pass_duration_seconds gauge\nwpplay_lifecycle_last_pass_duration_seconds {took}\n# HELP wpplay_lifecycle_pass_failures_total Lifecycle passes that failed.\n# TYPE wpplay_lifecycle_pass_failures_total counter\nwpplay_lifecycle_pass_failures_total {}",
            self.inner.lifecycle_failures.load(Ordering::Relaxed)
        );
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"")
}

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
    let response = next.run(req).await;
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

/// Prometheus text: this process's counters, plus the outbox as the database has it.
#[utoipa::path(get, path = "/metrics",
    responses((status = 200, description = "Prometheus text format (only with WPPLAY_METRICS=true)", content_type = "text/plain"),
        (status = 404, body = wpplay_wire::ErrorBody)))]
pub async fn metrics(State(state): State<AppState>, _client: ClientAddr) -> ApiResult<Response> {
    if !state.settings.metrics {
        return Err(ApiError::not_found());
    }
    let mut out = String::new();
    state.metrics.render_process(&mut out);
    use crate::db::entity::message;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
    let pending = || message::Entity::find().filter(message::Column::State.eq("pending"));
    let depth = pending().count(&state.db).await?;
    let oldest = pending()
        .order_by_asc(message::Column::CreatedAt)
        .limit(1)
        .one(&state.db)
        .await?
        .map(|m| m.created_at);
    let age = oldest.map_or(0.0, |t| {
        (state.clock.now() - t).num_milliseconds().max(0) as f64 / 1000.0
    });
    let _ = writeln!(
        out,
        "# HELP wpplay_outbox_undelivered Messages (e-mail, SMS) waiting to be delivered.\n# TYPE wpplay_outbox_undelivered gauge\nwpplay_outbox_undelivered {depth}\n# HELP wpplay_outbox_oldest_undelivered_age_seconds Age of the oldest message waiting (0: none).\n# TYPE wpplay_outbox_oldest_undelivered_age_seconds gauge\nwpplay_outbox_oldest_undelivered_age_seconds {age}"
    );
    Ok((
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        out,
    )
        .into_response())
}
