//! tauri-driver, which starts the app under WebDriver with an environment of the test's
//! choosing: its data, configuration and server.

use crate::process::Proc;
use crate::webdriver::Session;
use crate::{driver_ports, eventually, tauri_driver};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment that gives the app `data` as its data folder (its XDG data and
/// configuration folders inside it) and `server_url` as its server.
pub fn app_env(data: &Path, server_url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("WPPLAY_SERVER_URL", server_url.to_owned()),
        ("WPPLAY_DESKTOP_DATA_DIR", data.display().to_string()),
        ("XDG_DATA_HOME", data.join("xdg-data").display().to_string()),
        (
            "XDG_CONFIG_HOME",
            data.join("xdg-config").display().to_string(),
        ),
    ]
}

/// A tauri-driver of the test's own, on two free ports.
pub struct Driver {
    pub url: String,
    log: PathBuf,
    _proc: Proc,
}

impl Driver {
    /// Starts tauri-driver; the apps it starts get `env`, its output goes to `log`. It
    /// takes requests once [`Driver::listening`] returns.
    pub fn spawn(env: &[(&str, String)], log: &Path) -> Self {
        let (port, native_port) = driver_ports();
        let proc = Proc::spawn(
            "tauri-driver",
            &tauri_driver(),
            &[
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ],
            env,
            log,
        );
        Self {
            url: format!("http://127.0.0.1:{port}"),
            log: log.to_owned(),
            _proc: proc,
        }
    }

    /// Starts tauri-driver (as [`Driver::spawn`] does) and waits up to `limit` until it
    /// listens.
    pub async fn start(env: &[(&str, String)], log: &Path, limit: Duration) -> Self {
        let driver = Self::spawn(env, log);
        driver.listening(limit).await;
        driver
    }

    /// Waits up to `limit` until tauri-driver listens.
    pub async fn listening(&self, limit: Duration) {
        eventually("tauri-driver to listen", limit, async || {
            reqwest::get(format!("{}/status", self.url))
                .await
                .ok()
                .map(|_| ())
        })
        .await;
    }

    /// Starts the app at `app` under WebDriver; fails the test with tauri-driver's log when
    /// it does not start.
    pub async fn open(&self, app: &Path) -> Session {
        match Session::start(&self.url, app).await {
            Ok(session) => session,
            Err(e) => panic!(
                "{} did not start under WebDriver within 180 s: {e}\n--- tauri-driver log ---\n{}",
                app.display(),
                std::fs::read_to_string(&self.log).unwrap_or_default()
            ),
        }
    }
}
