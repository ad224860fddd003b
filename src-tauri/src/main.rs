//! WP Play Partner Desk: the thin Tauri shell. Each command is a line or two that calls
//! the `wpplay-desktop` core; no business rule lives here.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod notify;

use std::sync::Arc;
use std::time::Duration;
use tauri::Manager;
use wpplay_desktop::{Core, CoreConfig};

/// The core, shared by every command.
pub struct AppCore(pub Arc<Core>);

fn main() {
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("WPPLAY_LOG").unwrap_or_else(|_| "info".into());
    // Tests (and support) can ask for the log in a file: WebDriver swallows the app's stderr.
    match std::env::var_os("WPPLAY_LOG_FILE").map(std::fs::File::create) {
        Some(Ok(file)) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(file))
            .init(),
        _ => tracing_subscriber::fmt().with_env_filter(filter).init(),
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
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
                sync_interval: Duration::from_secs(5),
                clock: wpplay_desktop::clock::from_env(),
                // The billing calendar's zone; the server's default unless told otherwise.
                time_zone: std::env::var("WPPLAY_TIME_ZONE")
                    .ok()
                    .and_then(|z| z.parse().ok())
                    .unwrap_or(chrono_tz::Europe::Belgrade),
            }));
            tauri::async_runtime::spawn(core.clone().run_background_sync());
            tauri::async_runtime::spawn(notify::raise_forever(app.handle().clone(), core.clone()));
            app.manage(AppCore(core));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::list_packages,
            commands::register,
            commands::login,
            commands::change_password,
            commands::password_strength,
            commands::dashboard,
            commands::sync_now,
            commands::update_profile,
            commands::discard_rejected,
            commands::logout,
            commands::list_dealers,
            commands::add_dealer,
            commands::edit_dealer,
            commands::set_dealer_status,
            commands::delete_dealer,
            commands::resellers,
            commands::answer_request,
            commands::remove_reseller,
            commands::export_dealers,
            commands::list_subscribers,
            commands::add_subscriber,
            commands::edit_subscriber,
            commands::extend_subscriber,
            commands::remove_subscriber,
            commands::export_subscribers,
            commands::partner_directory,
            commands::my_requests,
            commands::request_partner,
            commands::withdraw_request,
            commands::partner_content,
            commands::my_content,
            commands::add_stream,
            commands::remove_stream,
            commands::reseller_settings,
            commands::update_reseller_settings,
            commands::audit_log,
            commands::billing,
            commands::offered_packages,
            commands::choose_package,
            commands::save_invoice_pdf,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        tracing::error!(error = %e, "the app could not start");
        std::process::exit(1);
    }
}
