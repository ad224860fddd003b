//! `GET /api/v1/events`: a server-sent event stream telling the signed-in client that its
//! change feed moved, so it pulls at once instead of at its next periodic sync.
//!
//! Events: `ready` once connected (the client pulls, catching up on whatever it missed
//! while disconnected), then `changed` whenever the account's feed may have moved. They
//! carry no data. The stream ends when the access token expires; the client reconnects
//! with a fresh one. A comment line every 15 seconds keeps proxies from closing it.

use crate::auth::Authed;
use crate::error::ApiError;
use crate::live::{EVERYONE, StreamRefused};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use wpplay_domain::Code;

/// The account's live "changed" signals.
#[utoipa::path(get, path = "/api/v1/events", security(("bearer" = [])),
    responses((status = 200, description = "text/event-stream of `ready` and `changed` events", content_type = "text/event-stream")))]
pub async fn events(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> Result<impl IntoResponse, ApiError> {
    let account = auth.account.id;
    let slot = state
        .live
        .open_stream(account, &state.settings.limits)
        .map_err(|refused| {
            let mut e = match refused {
                StreamRefused::Account => ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    Code::TooManyStreams,
                    format!(
                        "This account already has {} live connections open. Close the app on another computer, or wait a minute.",
                        state.settings.limits.max_event_streams_per_account
                    ),
                ),
                StreamRefused::Total => ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    Code::ServerBusy,
                    "The server has no room for another live connection right now. Try again in a moment.",
                ),
            };
            e.retry_after = Some(60);
            e
        })?;
    // Counted as open until the stream (and with it this guard) is dropped.
    let guard = (state.metrics.stream_opened(), slot);
    let rx = state.live.subscribe();
    let closing = state.live.closing();
    let left = (auth.session.access_expires_at - state.clock.now())
        .to_std()
        .unwrap_or(Duration::ZERO);
    let until = tokio::time::Instant::now() + left;
    let stream = futures_util::stream::unfold(
        (rx, closing, true, guard),
        move |(mut rx, mut closing, first, guard)| async move {
            if first {
                return Some((
                    Ok::<_, Infallible>(Event::default().event("ready").data("{}")),
                    (rx, closing, false, guard),
                ));
            }
            loop {
                if *closing.borrow() {
                    return None;
                }
                tokio::select! {
                    got = rx.recv() => match got {
                        Ok(id) if id == account || id == EVERYONE => {
                            return Some((Ok(Event::default().event("changed").data("{}")), (rx, closing, false, guard)));
                        }
                        Ok(_) => {}
                        // Fell behind: something may have been for this account.
                        Err(RecvError::Lagged(_)) => {
                            return Some((Ok(Event::default().event("changed").data("{}")), (rx, closing, false, guard)));
                        }
                        Err(RecvError::Closed) => return None,
                    },
                    () = tokio::time::sleep_until(until) => return None,
                    // The server is shutting down.
                    changed = closing.changed() => {
                        if changed.is_err() || *closing.borrow() {
                            return None;
                        }
                    }
                }
            }
        },
    );
    // Reverse proxies (nginx) must pass each event on at once, not buffer the stream.
    Ok((
        [("x-accel-buffering", "no"), ("cache-control", "no-cache")],
        Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))),
    ))
}
