//! Architecture invariants that a reviewer could miss, checked on the real dependency graph.

use std::process::Command;

fn dependencies(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(wpplay_e2e::workspace_root())
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "-e",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn check(package: &str, forbidden: &[&str]) {
    let deps = dependencies(package);
    assert!(
        deps.iter().any(|d| d == package),
        "cargo tree lists {package} itself: {deps:?}"
    );
    let found: Vec<&String> = deps
        .iter()
        .filter(|d| {
            forbidden
                .iter()
                .any(|f| d == f || d.starts_with(&format!("{f}-")))
        })
        .collect();
    assert!(found.is_empty(), "{package} must not depend on {found:?}");
}

#[test]
fn the_domain_crate_does_no_io() {
    check(
        "wpplay-domain",
        &[
            "tokio", "sea-orm", "sqlx", "axum", "hyper", "reqwest", "tauri", "lettre", "keyring",
        ],
    );
}

#[test]
fn the_wire_types_do_no_io() {
    check(
        "wpplay-wire",
        &["tokio", "sea-orm", "sqlx", "axum", "reqwest", "tauri"],
    );
}

#[test]
fn the_desktop_core_does_not_know_tauri_or_the_server() {
    check(
        "wpplay-desktop",
        &["tauri", "wry", "tao", "axum", "wpplay-server"],
    );
}

#[test]
fn only_the_server_serves_http() {
    check("wpplay-desktop-app", &["axum", "wpplay-server"]);
}

#[test]
fn the_check_sees_real_dependencies() {
    let deps = dependencies("wpplay-server");
    assert!(
        deps.iter().any(|d| d == "axum") && deps.iter().any(|d| d == "sea-orm"),
        "a control: the server does use axum and sea-orm: {deps:?}"
    );
}
