//! The app's tray icon and menu as a panel sees them over D-Bus (the world's stand-in
//! StatusNotifier host records registrations; `tests/fixtures/tray_probe.py` reads and
//! clicks).

use super::ui::WAIT;
use super::world::World;
use crate::{eventually, workspace_root};

/// Runs `tests/fixtures/tray_probe.py` (a panel reading the tray over D-Bus).
pub fn tray_probe(args: &[&str]) -> Option<serde_json::Value> {
    let out = std::process::Command::new(workspace_root().join("tests/fixtures/tray_probe.py"))
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

/// The app's tray item as the panel sees it, once the running app has registered:
/// (bus name, menu path, properties).
pub async fn tray_item(world: &World) -> (String, String, serde_json::Value) {
    eventually(
        "the app's tray icon to register with the panel",
        WAIT,
        async || {
            let text = std::fs::read_to_string(&world.tray_items).ok()?;
            // The newest registration is the running app's (each launch registers anew).
            let last: serde_json::Value = serde_json::from_str(text.lines().last()?).ok()?;
            let service = last["service"].as_str()?.to_owned();
            let item = tray_probe(&["item", &service, last["path"].as_str()?])?;
            let menu = item["Menu"].as_str()?.to_owned();
            Some((service, menu, item))
        },
    )
    .await
}

/// The tray menu's items as (label, enabled), once one of them starts with `expect`.
pub async fn tray_menu(world: &World, expect: &str) -> Vec<(String, bool)> {
    let (service, menu, _) = tray_item(world).await;
    eventually(
        &format!("the tray menu to offer \"{expect}\""),
        WAIT,
        async || {
            let items = tray_probe(&["menu", &service, &menu])?;
            let items: Vec<(String, bool)> = items
                .as_array()?
                .iter()
                .map(|i| {
                    (
                        i["label"].as_str().unwrap_or_default().to_owned(),
                        i["enabled"].as_bool().unwrap_or(false),
                    )
                })
                .collect();
            items
                .iter()
                .any(|(label, enabled)| label.starts_with(expect) && *enabled)
                .then_some(items)
        },
    )
    .await
}

/// Clicks the tray menu item whose label starts with `label`, as the panel would.
pub async fn tray_click(world: &World, label: &str) {
    tray_menu(world, label).await;
    let (service, menu, _) = tray_item(world).await;
    assert!(
        tray_probe(&["click", &service, &menu, label]).is_some(),
        "clicking \"{label}\" in the tray menu"
    );
}
