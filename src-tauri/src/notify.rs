//! Raises the core's new notifications as native ones, each once.

use std::sync::Arc;
use std::time::Duration;
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use wpplay_desktop::Core;

/// Every two seconds, shows what the core has not shown yet (it remembers across restarts).
pub async fn raise_forever(app: AppHandle, core: Arc<Core>) {
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
            Err(e) => tracing::warn!(code = %e.code, "notifications could not be read"),
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}
