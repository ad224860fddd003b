//! The server's own bounds on requests, whatever proxy stands in front of it: a cap on
//! requests worked on at once (more are answered `503 server_busy` at once instead of
//! queueing without end) and a deadline for reading and answering each one (a client
//! that trickles its body is answered `408 request_timeout`). Connections and header
//! reading are bounded in [`crate::net::serve`]; event streams in [`crate::live`].

use crate::error::ApiError;
use crate::settings::Limits;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use wpplay_domain::Code;

/// What the request guard shares between requests.
#[derive(Clone)]
pub struct RequestLimits {
    in_flight: Arc<Semaphore>,
    timeout: Duration,
}

impl RequestLimits {
    pub fn new(limits: &Limits) -> Self {
        Self {
            in_flight: Arc::new(Semaphore::new(limits.max_requests_in_flight)),
            timeout: Duration::from_secs(limits.request_timeout_secs),
        }
    }
}

/// Routes a monitor must reach even when the server is saturated.
fn is_monitoring(path: &str) -> bool {
    matches!(path, "/healthz" | "/metrics")
}

/// Middleware: a place among the requests in flight, then the answer within the deadline.
/// An event stream holds its place only until its first bytes (streams have their own cap).
pub async fn guard(State(limits): State<RequestLimits>, req: Request, next: Next) -> Response {
    let _place = if is_monitoring(req.uri().path()) {
        None
    } else {
        match limits.in_flight.clone().try_acquire_owned() {
            Ok(place) => Some(place),
            Err(_) => {
                let mut busy = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    Code::ServerBusy,
                    "The server is busy right now. Try again in a moment.",
                );
                busy.retry_after = Some(1);
                return busy.into_response();
            }
        }
    };
    match tokio::time::timeout(limits.timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            Code::RequestTimeout,
            format!(
                "The request was not sent and answered within {} seconds. Check the connection and try again.",
                limits.timeout.as_secs()
            ),
        )
        .into_response(),
    }
}

/// Per-account rations of pushed mutations: a token bucket per account holding up to
/// `max_changes_per_minute` and refilling at that rate. In memory, per server process.
#[derive(Clone)]
pub struct ChangeRations {
    per_minute: usize,
    buckets: Arc<std::sync::Mutex<std::collections::HashMap<i64, Bucket>>>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: std::time::Instant,
}

/// Accounts remembered before full buckets are forgotten.
const REMEMBERED: usize = 10_000;

impl ChangeRations {
    pub fn new(limits: &Limits) -> Self {
        Self {
            per_minute: limits.max_changes_per_minute,
            buckets: Arc::default(),
        }
    }

    /// Takes `n` changes from the account's ration, or says in how many seconds there
    /// will be enough (a batch larger than the whole ration needs a full one).
    pub fn take(&self, account: i64, n: usize) -> Result<(), u64> {
        self.take_at(account, n, std::time::Instant::now())
    }

    fn take_at(&self, account: i64, n: usize, now: std::time::Instant) -> Result<(), u64> {
        #[allow(clippy::cast_precision_loss)]
        let capacity = self.per_minute as f64;
        let rate = capacity / 60.0;
        #[allow(clippy::cast_precision_loss)]
        let need = n.min(self.per_minute) as f64;
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > REMEMBERED {
            buckets
                .retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < capacity);
        }
        let b = buckets.entry(account).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        b.tokens = (b.tokens + now.duration_since(b.at).as_secs_f64() * rate).min(capacity);
        b.at = now;
        if b.tokens >= need {
            b.tokens -= need;
            Ok(())
        } else {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Err(((need - b.tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use std::time::{Duration, Instant};
    use tower::ServiceExt;

    /// The guard with its real middleware around a route that answers only when told.
    fn guarded(limits: RequestLimits, release: Arc<tokio::sync::Notify>) -> axum::Router {
        axum::Router::new()
            .route(
                "/slow",
                get(move || {
                    let release = release.clone();
                    async move {
                        release.notified().await;
                        "done"
                    }
                }),
            )
            .route("/healthz", get(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(limits, guard))
    }

    fn request(path: &str) -> axum::http::Request<Body> {
        axum::http::Request::get(path)
            .body(Body::empty())
            .expect("a request")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn beyond_the_requests_in_flight_the_answer_is_busy_at_once() {
        let release = Arc::new(tokio::sync::Notify::new());
        let limits = RequestLimits::new(&Limits {
            max_requests_in_flight: 2,
            ..Limits::default()
        });
        let places = limits.in_flight.clone();
        let app = guarded(limits, release.clone());
        let first = tokio::spawn(app.clone().oneshot(request("/slow")));
        let second = tokio::spawn(app.clone().oneshot(request("/slow")));
        let deadline = Instant::now() + Duration::from_secs(60);
        while places.available_permits() > 0 {
            assert!(Instant::now() < deadline, "the two requests never started");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let busy = app.clone().oneshot(request("/slow")).await.expect("answer");
        assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            busy.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("1")
        );
        let body = axum::body::to_bytes(busy.into_body(), 4096)
            .await
            .expect("body");
        let body: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
        assert_eq!(body["code"], "server_busy");
        let health = app
            .clone()
            .oneshot(request("/healthz"))
            .await
            .expect("answer");
        assert_eq!(
            health.status(),
            StatusCode::OK,
            "monitoring answers while busy"
        );
        release.notify_waiters();
        for held in [first, second] {
            let r = held.await.expect("join").expect("answer");
            assert_eq!(r.status(), StatusCode::OK);
        }
        release.notify_one();
        let r = app.clone().oneshot(request("/slow")).await.expect("answer");
        assert_eq!(
            r.status(),
            StatusCode::OK,
            "served again once they were done"
        );
    }

    #[tokio::test]
    async fn a_request_not_answered_in_time_is_a_timeout() {
        let app = guarded(
            RequestLimits::new(&Limits {
                request_timeout_secs: 1,
                ..Limits::default()
            }),
            Arc::new(tokio::sync::Notify::new()),
        );
        let r = app.oneshot(request("/slow")).await.expect("answer");
        assert_eq!(r.status(), StatusCode::REQUEST_TIMEOUT);
    }

    #[test]
    fn rations_refill_at_their_rate_and_say_when() {
        let r = ChangeRations::new(&Limits {
            max_changes_per_minute: 60,
            ..Limits::default()
        });
        let t0 = Instant::now();
        assert_eq!(r.take_at(1, 50, t0), Ok(()));
        assert_eq!(r.take_at(1, 20, t0), Err(10), "10 left, 10 more in 10 s");
        assert_eq!(r.take_at(2, 60, t0), Ok(()), "each account has its own");
        assert_eq!(r.take_at(1, 20, t0 + Duration::from_secs(10)), Ok(()));
        assert_eq!(r.take_at(1, 1, t0 + Duration::from_secs(10)), Err(1));
        assert_eq!(
            r.take_at(1, 500, t0 + Duration::from_secs(600)),
            Ok(()),
            "a batch larger than the ration needs a full one"
        );
    }
}
