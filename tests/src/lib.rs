//! Helpers of the end-to-end stories: a small W3C WebDriver client, child processes that
//! are always cleaned up, the server binary and its HTTP API, free ports, commands run to
//! their end and polling with a deadline.

pub mod process;
pub mod server;
pub mod story;
pub mod webdriver;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// The workspace's root folder.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A binary of the workspace, built beforehand by the test command.
pub fn workspace_binary(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from);
    let path = target.join("debug").join(name);
    assert!(
        path.exists(),
        "{} is missing: build it first (`cargo build -p wpplay-server -p wpplay-desktop-app`, as the README's test command does)",
        path.display()
    );
    path
}

/// The desktop app's Tauri configuration (`src-tauri/tauri.conf.json`).
pub fn tauri_conf() -> serde_json::Value {
    let text = std::fs::read_to_string(workspace_root().join("src-tauri/tauri.conf.json"))
        .expect("src-tauri/tauri.conf.json");
    serde_json::from_str(&text).expect("the Tauri config is JSON")
}

/// An installer of the app's version for `target` (`linux-x86_64-deb`, …), built
/// beforehand by the test command with `scripts/release.sh --debug --bundles deb,rpm`.
pub fn installer(target: &str, ext: &str) -> PathBuf {
    let conf = tauri_conf();
    let v = conf["version"].as_str().expect("a version");
    let path = workspace_root().join(format!(
        "dist/desktop/{v}/WP-Play-Partner-Desk_{v}_{target}.{ext}"
    ));
    assert!(
        path.exists(),
        "{} is missing: run `scripts/release.sh --debug --bundles deb,rpm` first (the README's test command does)",
        path.display()
    );
    path
}

/// Runs `cmd` to its end and fails the test unless it succeeds; what it printed.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} could not start: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The `tauri-driver` binary: on PATH, or in the cargo home the test command installs to.
pub fn tauri_driver() -> PathBuf {
    let from_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("tauri-driver"))
        .find(|p| p.exists());
    let from_cargo = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("WPPLAY_REAL_HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin/tauri-driver"))
        .filter(|p| p.exists());
    from_path.or(from_cargo).expect(
        "tauri-driver is installed (the README's test command runs `cargo install tauri-driver --locked`)",
    )
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Two different free ports for tauri-driver and the WebDriver behind it: two quick asks
/// may get the same port back, and then the WebDriver cannot listen and tauri-driver never
/// answers.
pub fn driver_ports() -> (u16, u16) {
    let driver = free_port();
    let native = std::iter::repeat_with(free_port)
        .find(|p| *p != driver)
        .expect("a second free port");
    (driver, native)
}

/// Polls `f` until it returns `Some`, or fails the test after `limit` naming `what`.
pub async fn eventually<T>(
    what: &str,
    limit: Duration,
    mut f: impl AsyncFnMut() -> Option<T>,
) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}
