//! Syncing: on demand and in the background with back-off.

use crate::changes::Area;
use crate::error::{CoreResult, not_signed_in};
use crate::sync;
use crate::view::SyncStatus;
use std::sync::Arc;
use std::time::Duration;

use super::state::Core;
use super::views::status_of;

impl Core {
    /// Pushes waiting edits and pulls new changes now.
    pub async fn sync_now(&self) -> CoreResult<SyncStatus> {
        let _one = self.syncing.lock().await;
        let (replica, must_change) = {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            (s.replica.clone(), !s.ready())
        };
        if !must_change {
            let now = self.cfg.clock.now();
            let result = self
                .authorized(|api, token| {
                    let replica = replica.clone();
                    async move { sync::round(&api, &token, &replica, now).await }
                })
                .await;
            match &result {
                // The session is gone (and with it the replica, closed or deleted).
                Err(e) if matches!(e.code.as_str(), "not_signed_in" | "account_deleted") => {
                    return Err(e.clone());
                }
                Err(e) if e.code != "offline" => replica.set_error(Some(e)).await?,
                _ => {}
            }
        }
        let guard = self.session.read().await;
        status_of(guard.as_ref().ok_or_else(not_signed_in)?, self.lang_now()).await
    }

    /// Syncs in the background: every `sync_interval`, at once when woken, and with
    /// exponential back-off and jitter while the server is unreachable.
    pub async fn run_background_sync(self: Arc<Self>) {
        let mut failures: u32 = 0;
        loop {
            let delay = if failures == 0 {
                self.cfg.sync_interval
            } else {
                let base = Duration::from_secs(1 << failures.min(6)).min(Duration::from_secs(60));
                let jitter = Duration::from_millis(u64::from(rand_jitter()) % 1000);
                base + jitter
            };
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(delay) => {}
            }
            let ready = self
                .session
                .read()
                .await
                .as_ref()
                .is_some_and(super::state::Session::ready);
            if !ready {
                continue;
            }
            match self.sync_now().await {
                Ok(status) if status.online => failures = 0,
                _ => failures = failures.saturating_add(1),
            }
        }
    }

    /// Forgets everything downloaded and downloads it all again (edits waiting to sync are
    /// kept and still go through). For when the local copy looks wrong.
    pub async fn resync_all(&self) -> CoreResult<SyncStatus> {
        {
            // Not in the middle of a sync round.
            let _one = self.syncing.lock().await;
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            s.replica.reset_for_resync().await?;
        }
        self.sync_now().await
    }

    /// Announces [`Area::Time`] whenever the clock's minute changes, so relative times,
    /// expiries and reminders move on without anyone polling. It looks at most every five
    /// seconds, so a clock that jumps (a debug build's moved clock, a laptop waking up) is
    /// noticed soon.
    pub async fn run_clock_ticks(self: Arc<Self>) {
        const LOOK_EVERY: Duration = Duration::from_secs(5);
        let minute = |t: chrono::DateTime<chrono::Utc>| t.timestamp().div_euclid(60);
        let mut shown = minute(self.cfg.clock.now());
        loop {
            let now = self.cfg.clock.now();
            let to_next_minute = 60 - now.timestamp().rem_euclid(60);
            let wait = Duration::from_secs(u64::try_from(to_next_minute).unwrap_or(60));
            tokio::time::sleep(wait.min(LOOK_EVERY)).await;
            let current = minute(self.cfg.clock.now());
            if current != shown {
                shown = current;
                self.changes.announce([Area::Time]);
            }
        }
    }

    /// Asks the background loop to sync now.
    pub fn wake_sync(&self) {
        self.wake.notify_one();
    }
}

/// A little randomness for back-off jitter, without a random-number dependency.
pub(super) fn rand_jitter() -> u32 {
    uuid::Uuid::new_v4().as_fields().0
}
