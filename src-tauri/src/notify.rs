//! Raises the core's new notifications as native ones, each once.

use std::sync::Arc;
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use wpplay_desktop::Core;
use wpplay_desktop::changes::{Area, Listener};

/// Shows what the core has not shown yet (it remembers across restarts): at start, and
/// whenever notifications arrive, the session or subscription changes or the minute turns
/// (reminders fall due with time).
pub async fn raise_forever(app: AppHandle, core: Arc<Core>, mut listener: Listener) {
    loop {
        match core.take_new_notifications().await {
            Ok(list) => {
                for n in list {
                    if let Err(e) = app
                        .notification()
                        .builder()
                        .title(&n.title)
                        .body(&n.body)
                        .show()
                    {
                        tracing::warn!(error = %e, "a native notification could not be shown");
                    }
                }
            }
            Err(e) => tracing::debug!(code = %e.code, "notifications could not be read"),
        }
        loop {
            let Some(change) = listener.next().await else {
                return;
            };
            if [
                Area::Notifications,
                Area::Session,
                Area::Billing,
                Area::Time,
            ]
            .iter()
            .any(|a| change.touches(*a))
            {
                break;
            }
        }
    }
}
