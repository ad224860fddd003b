//! Draws the core's tray model (`Core::tray`) and turns menu clicks into actions. The
//! model (alert count, tooltip, menu) is computed and tested in the core.

use std::sync::Arc;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Emitter, Manager};
use wpplay_desktop::Core;
use wpplay_desktop::changes::Listener;
use wpplay_desktop::view::{TrayAction, TrayModel};

const TRAY_ID: &str = "main";

/// Shows, un-minimizes and focuses the main window.
pub fn show_main(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

fn menu(app: &AppHandle, model: &TrayModel) -> tauri::Result<Menu<tauri::Wry>> {
    let menu = Menu::new(app)?;
    // Linux trays (StatusNotifier/AppIndicator) show no tooltip: what it says opens the
    // menu instead, as a line that does nothing when clicked.
    // Its first line is the app's name, which "Open …" already says.
    let status: Vec<&str> = model.tooltip.lines().skip(1).collect();
    if cfg!(target_os = "linux") && !status.is_empty() {
        let status = MenuItem::with_id(app, "status", status.join(" · "), false, None::<&str>)?;
        menu.append(&status)?;
        menu.append(&PredefinedMenuItem::separator(app)?)?;
    }
    for item in &model.menu {
        let entry = MenuItem::with_id(
            app,
            item.action.id(),
            &item.label,
            item.enabled,
            None::<&str>,
        )?;
        menu.append(&entry)?;
    }
    Ok(menu)
}

fn act(app: &AppHandle, core: &Arc<Core>, action: TrayAction) {
    match action {
        TrayAction::Open => {
            tracing::info!("window opened from the tray");
            show_main(app);
        }
        TrayAction::SyncNow => {
            tracing::info!("sync requested from the tray");
            let core = core.clone();
            tauri::async_runtime::spawn(async move {
                if let Err(e) = core.sync_now().await {
                    tracing::warn!(code = %e.code, "sync from the tray failed");
                }
            });
        }
        TrayAction::PendingRequests => {
            tracing::info!("pending requests opened from the tray");
            show_main(app);
            let _ = app.emit("navigate", "resellers");
        }
        TrayAction::Quit => {
            tracing::info!("quit from the tray");
            app.exit(0);
        }
    }
}

/// Builds the tray icon with the signed-out model; [`refresh_forever`] keeps it current.
pub fn build(app: &AppHandle, core: Arc<Core>, model: &TrayModel) -> tauri::Result<TrayIcon> {
    let builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip(&model.tooltip)
        .title(&model.title)
        .menu(&menu(app, model)?)
        .show_menu_on_left_click(false)
        .on_menu_event(move |app, event| {
            if let Some(action) = TrayAction::from_id(event.id().as_ref()) {
                act(app, &core, action);
            }
        })
        .on_tray_icon_event(|tray, event| {
            // A left click opens the window; the menu is on the right button.
            if let TrayIconEvent::Click {
                button: tauri::tray::MouseButton::Left,
                button_state: tauri::tray::MouseButtonState::Up,
                ..
            } = event
            {
                show_main(tray.app_handle());
            }
        });
    // The tray's own mark (icons/tray.svg), simpler than the app icon so it reads at 16 px.
    builder
        .icon(tauri::include_image!("../icons/tray.png"))
        .build(app)
}

/// Redraws the tray whenever the core's views change and its model with them.
pub async fn refresh_forever(
    app: AppHandle,
    core: Arc<Core>,
    mut shown: TrayModel,
    mut listener: Listener,
) {
    loop {
        let model = match core.tray().await {
            Ok(m) => m,
            Err(e) => {
                tracing::debug!(code = %e.code, "the tray could not be computed");
                shown.clone()
            }
        };
        if model != shown && draw(&app, &model) {
            shown = model;
        }
        if listener.next().await.is_none() {
            return;
        }
    }
}

/// Puts the model on the tray; `false` if the tray refused (tried again on the next change).
fn draw(app: &AppHandle, model: &TrayModel) -> bool {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return false;
    };
    let drawn = tray
        .set_tooltip(Some(&model.tooltip))
        .and_then(|()| tray.set_title(Some(&model.title)))
        .and_then(|()| menu(app, model).and_then(|m| tray.set_menu(Some(m))));
    match drawn {
        Ok(()) => {
            tracing::info!(alerts = model.alert_count, "tray updated");
            true
        }
        Err(e) => {
            tracing::warn!(error = %e, "the tray could not be updated");
            false
        }
    }
}
