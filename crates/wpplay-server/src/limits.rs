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
                    "server_busy",
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
            "request_timeout",
            format!(
                "The request was not sent and answered within {} seconds. Check the connection and try again.",
                limits.timeout.as_secs()
            ),
        )
        .into_response(),
    }
}
