//! WP Play Partner Desk: the thin Tauri shell. Each command is a line or two that calls
//! the `wpplay-desktop` core; no business rule lives here.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod changes;
mod commands;
mod notify;
mod rendering;
mod tray;
mod update;

use std::sync::Arc;
use std::time::Duration;
use tauri::Manager;
use tauri_plugin_window_state::StateFlags;
use wpplay_desktop::{Core, CoreConfig, TrayInputs, tray_model};

/// What is remembered of the window: everything but whether it was visible (it may be
/// hidden in the tray when the app quits).
const WINDOW_STATE: StateFlags = StateFlags::all().difference(StateFlags::VISIBLE);

fn main() {
    let result = tauri::Builder::default()
        // First: a second launch hands over to the running app (which comes to the front)
        // and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            tracing::info!("a second launch: the running app comes to the front");
            tray::show_main(app);
        }))
        .plugin(logging())
        .plugin(
            // Size and position are remembered; visibility is not (the window may be
            // hidden in the tray when the app quits).
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(WINDOW_STATE)
                .build(),
        )
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .setup(|app| {
            // Tests and side-by-side installs may point the app at their own folder.
            let data_dir = match std::env::var_os("WPPLAY_DESKTOP_DATA_DIR") {
                Some(dir) => dir.into(),
                None => app.path().app_data_dir()?,
            };
            // CSV exports go to Downloads (tests choose their own folder).
            let export_dir = match std::env::var_os("WPPLAY_EXPORT_DIR") {
                Some(dir) => dir.into(),
                None => app
                    .path()
                    .download_dir()
                    .or_else(|_| app.path().home_dir())
                    .unwrap_or_else(|_| data_dir.join("exports")),
            };
            let core = Arc::new(Core::new(CoreConfig {
                data_dir,
                export_dir,
                default_server_url: std::env::var("WPPLAY_SERVER_URL")
                    .unwrap_or_else(|_| "http://127.0.0.1:8750".into()),
                keychain_service: wpplay_desktop::keychain::SERVICE.into(),
                // A private CA's certificates, for an operator's own deployment.
                ca_file: std::env::var_os(wpplay_desktop::client::CA_FILE_VAR).map(Into::into),
                sync_interval: Duration::from_secs(5),
                clock: wpplay_desktop::clock::from_env(),
                // The billing calendar's zone; the server's default unless told otherwise.
                time_zone: std::env::var("WPPLAY_TIME_ZONE")
                    .ok()
                    .and_then(|z| z.parse().ok())
                    .unwrap_or(chrono_tz::Europe::Belgrade),
                system_locale: sys_locale::get_locale().unwrap_or_default(),
            }));
            if let Some(window) = app.get_webview_window("main") {
                rendering::apply(&window);
            }
            let signed_out = tray_model(&TrayInputs::default());
            match tray::build(app.handle(), core.clone(), &signed_out) {
                Ok(_) => tracing::info!("tray ready"),
                Err(e) => tracing::warn!(error = %e, "no system tray on this desktop"),
            }
            // Listeners first, so no change announced meanwhile is missed.
            let (to_window, to_notify, to_tray) = (
                changes::listen(&core),
                changes::listen(&core),
                changes::listen(&core),
            );
            tauri::async_runtime::spawn(changes::forward_forever(app.handle().clone(), to_window));
            tauri::async_runtime::spawn(core.clone().run_background_sync());
            tauri::async_runtime::spawn(core.clone().run_live_updates());
            tauri::async_runtime::spawn(core.clone().run_clock_ticks());
            tauri::async_runtime::spawn(notify::raise_forever(
                app.handle().clone(),
                core.clone(),
                to_notify,
            ));
            tauri::async_runtime::spawn(tray::refresh_forever(
                app.handle().clone(),
                core.clone(),
                signed_out,
                to_tray,
            ));
            app.manage(update::Updates::default());
            tauri::async_runtime::spawn(update::check_forever(app.handle().clone(), core.clone()));
            app.manage(commands::AppCore(core));
            Ok(())
        })
        .on_window_event(|window, event| {
            // Closing the window keeps the app in the tray (Quit is in the tray menu).
            if let tauri::WindowEvent::CloseRequested { api, .. } = event
                && window.app_handle().tray_by_id("main").is_some()
            {
                api.prevent_close();
                let _ = window.hide();
                // The app may never quit normally (logged out of the desktop, killed): keep
                // the window's size and position now.
                use tauri_plugin_window_state::AppHandleExt;
                if let Err(e) = window.app_handle().save_window_state(WINDOW_STATE) {
                    tracing::warn!(error = %e, "the window's size and position could not be saved");
                }
                tracing::info!("window closed: the app stays in the tray");
            }
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!(error = %e, "the app could not start");
        std::process::exit(1);
    }
}

/// The log: to stderr and to a file in the platform's log directory
/// (`~/.local/share/com.wpplay.partnerdesk/logs/partner-desk.log` on Linux,
/// `~/Library/Logs/com.wpplay.partnerdesk` on macOS, `%LOCALAPPDATA%\com.wpplay.partnerdesk\logs`
/// on Windows). `WPPLAY_LOG` sets the level (`info` by default). The core logs with
/// `tracing`, which hands its events to this logger.
fn logging() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    use tauri_plugin_log::{Target, TargetKind};
    let level = std::env::var("WPPLAY_LOG")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(log::LevelFilter::Info);
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([
            Target::new(TargetKind::Stderr),
            Target::new(TargetKind::LogDir {
                file_name: Some("partner-desk".into()),
            }),
        ])
        .level(level)
        // Libraries chatter at info level; their warnings still show.
        .level_for("tao", log::LevelFilter::Warn)
        .level_for("wry", log::LevelFilter::Warn)
        .level_for("zbus", log::LevelFilter::Warn)
        .level_for("tracing", log::LevelFilter::Warn)
        .build()
}
