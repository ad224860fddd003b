//! How the window's page is drawn. On Linux, WebKitGTK composites pages with OpenGL by
//! default; where there is no GPU driver (virtual machines, remote desktops, many office
//! PCs) that is Mesa's software rasteriser, which holds about 100 MB of layer buffers and
//! JIT code in the web process for a page like ours (tables and forms, no video, no 3D).
//! Partner Desk draws without compositing instead: the same pixels, about a third of the
//! web process's memory (BENCHMARKS.md). `WPPLAY_GPU_COMPOSITING=1` keeps WebKit's default
//! for whoever prefers it. Other platforms' web views are left as they are.

/// Applies the drawing choice to a window's web view.
pub fn apply(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        if std::env::var("WPPLAY_GPU_COMPOSITING").is_ok_and(|v| v == "1") {
            tracing::info!("the page is drawn with GPU compositing (WPPLAY_GPU_COMPOSITING=1)");
            return;
        }
        let applied = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = applied {
            tracing::warn!(error = %e, "the page's drawing could not be set; WebKit's default stays");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
