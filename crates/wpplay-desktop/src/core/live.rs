//! Live updates: while signed in, the core keeps the server's event stream open and
//! syncs as soon as the server says the account's feed moved, so a partner request or a
//! payment shows within a second instead of at the next periodic sync. Without the
//! stream (offline, an old server) the periodic sync still runs.

use super::state::Core;
use crate::changes::{Area, Listener};
use std::sync::Arc;
use std::time::Duration;

/// The server sends a keep-alive every 15 s; this long without a byte means the
/// connection is dead.
const SILENCE: Duration = Duration::from_secs(45);

impl Core {
    /// Runs forever: connects, syncs on each `ready`/`changed` event, reconnects with
    /// back-off and jitter after a failure.
    pub async fn run_live_updates(self: Arc<Self>) {
        // Sign-in, sign-out and the first password change are announced as session
        // changes: the stream follows them at once instead of at its next keep-alive.
        let mut sessions = self.changes.listen();
        let mut failures: u32 = 0;
        loop {
            let session = self
                .session
                .read()
                .await
                .as_ref()
                .and_then(|s| s.ready().then_some(s.id));
            let Some(session) = session else {
                // Not signed in yet: wait for a session (looking again now and then).
                let _ = tokio::time::timeout(Duration::from_secs(5), session_change(&mut sessions))
                    .await;
                continue;
            };
            match self
                .authorized(|api, token| async move { api.open_events(&token).await })
                .await
            {
                Ok(resp) => {
                    failures = 0;
                    if self.follow(session, resp, &mut sessions).await == Ended::SessionChanged {
                        continue;
                    }
                }
                Err(e) => {
                    failures = failures.saturating_add(1);
                    tracing::debug!(code = %e.code, "live updates: not connected");
                }
            }
            let base =
                Duration::from_millis(500 * (1u64 << failures.min(6))).min(Duration::from_secs(30));
            let jitter = Duration::from_millis(u64::from(super::background::rand_jitter()) % 500);
            tokio::time::sleep(base + jitter).await;
        }
    }

    /// Reads events until the stream ends, goes silent, or the session changes.
    async fn follow(
        &self,
        session: u64,
        mut resp: reqwest::Response,
        sessions: &mut Listener,
    ) -> Ended {
        let mut buf = String::new();
        let current = async || self.session.read().await.as_ref().map(|s| s.id) == Some(session);
        loop {
            let chunk = tokio::select! {
                chunk = tokio::time::timeout(SILENCE, resp.chunk()) => match chunk {
                    Ok(Ok(Some(bytes))) => bytes,
                    _ => return Ended::Stream,
                },
                () = session_change(sessions) => {
                    if current().await {
                        continue;
                    }
                    return Ended::SessionChanged;
                }
            };
            if !current().await {
                return Ended::SessionChanged;
            }
            buf.push_str(&String::from_utf8_lossy(&chunk));
            let mut wake = false;
            while let Some(end) = buf.find("\n\n") {
                let block: String = buf.drain(..end + 2).collect();
                wake |= block
                    .lines()
                    .any(|l| l == "event: changed" || l == "event: ready");
            }
            if wake {
                tracing::debug!("live updates: the server's feed moved");
                self.wake_sync();
            }
        }
    }
}

/// Why following the event stream stopped.
#[derive(Debug, PartialEq, Eq)]
enum Ended {
    /// The stream ended or went silent: reconnect after a pause.
    Stream,
    /// Another session (or none) took over: follow it at once.
    SessionChanged,
}

/// Waits for the next announced session change (a listener that fell behind counts as one).
async fn session_change(listener: &mut Listener) {
    while let Some(change) = listener.next().await {
        if change.touches(Area::Session) {
            return;
        }
    }
    // The core is gone: nothing will change any more.
    std::future::pending::<()>().await;
}
