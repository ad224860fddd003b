//! Tells the window what the core's views changed (`core-changed`, a `ViewChange`), so
//! pages read again only when, and only what, changed.

use std::sync::Arc;
use tauri::{AppHandle, Emitter};
use wpplay_desktop::Core;
use wpplay_desktop::changes::Listener;

/// The event the window listens to.
pub const EVENT: &str = "core-changed";

/// Forwards every announcement of the core to the window, in order.
pub async fn forward_forever(app: AppHandle, mut listener: Listener) {
    while let Some(change) = listener.next().await {
        if let Err(e) = app.emit(EVENT, &change) {
            tracing::warn!(error = %e, "the window could not be told what changed");
        }
    }
}

/// A listener taken now, before the tasks that use it start, so none misses a change.
pub fn listen(core: &Arc<Core>) -> Listener {
    core.changes().listen()
}
