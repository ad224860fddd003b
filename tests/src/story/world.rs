//! One scenario's world: its own server (data folder, port, clock offset), its own
//! tauri-driver starting the app with its own data, export, config and log folders, and
//! the stand-in notification daemon and panel tray on the session bus.
//!
//! The session bus, the X display and the keyring are shared by every test of a run, and
//! the names the stand-ins and the app's single-instance guard own on that bus can be held
//! by one process at a time: so worlds take turns. [`World::start`] waits for the previous
//! world to be gone (and its names released) and holds the turn until the world drops.

use super::artifacts;
use super::desktop::{assert_display, bus_name_owned};
use super::driver::{Driver, app_env};
use super::ui::WAIT;
use crate::process::Proc;
use crate::server::{self, healthy};
use crate::webdriver::Session;
use crate::{eventually, free_port, workspace_binary, workspace_root};
use std::path::{Path, PathBuf};

// The names a world's processes own on the session bus while they run.
const NOTIFICATIONS_BUS_NAME: &str = "org.freedesktop.Notifications";
const TRAY_HOST_BUS_NAME: &str = "org.kde.StatusNotifierWatcher";
const SINGLE_INSTANCE_BUS_NAME: &str = "com.wpplay.partnerdesk.SingleInstance";

/// One world at a time in this test process (test binaries themselves run one after the
/// other under `cargo test`).
static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct World {
    pub server_url: String,
    pub server_data: PathBuf,
    pub server: Proc,
    driver: Driver,
    pub app: PathBuf,
    /// The scenario's folder of logs and recordings (`e2e-artifacts/desktop/SCENARIO/`).
    pub artifacts: PathBuf,
    pub notifications: PathBuf,
    /// Where the app writes CSV exports.
    pub exports: PathBuf,
    /// Seconds the server, its operator commands and the app run ahead of the real time
    /// (a debug build's [`wpplay_clock::OffsetFileClock`]).
    pub clock_offset: PathBuf,
    /// The app's log file, in the platform log directory under the world's XDG_DATA_HOME.
    pub app_log: PathBuf,
    /// Where the window's size and position are remembered (under XDG_CONFIG_HOME).
    pub window_state: PathBuf,
    _notifier: Proc,
    /// Where the stand-in tray host records the items that register with it.
    pub tray_items: PathBuf,
    _tray_host: Proc,
    _dirs: Vec<tempfile::TempDir>,
    /// When the world started (its turn taken), for `duration.txt`.
    started: std::time::Instant,
    /// Dropped last, once every process above is gone.
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl World {
    pub async fn start() -> Self {
        assert_display();
        let turn = TURN.lock().await;
        let started = std::time::Instant::now();
        eventually(
            "the previous world's notification daemon, tray host and app to leave the session bus",
            WAIT,
            async || {
                [
                    NOTIFICATIONS_BUS_NAME,
                    TRAY_HOST_BUS_NAME,
                    SINGLE_INSTANCE_BUS_NAME,
                ]
                .iter()
                .all(|name| !bus_name_owned(name))
                .then_some(())
            },
        )
        .await;
        let artifacts = artifacts::scenario();
        let server_dir = tempfile::tempdir().expect("dir");
        let app_dir = tempfile::tempdir().expect("dir");
        let server_data = server_dir.path().join("data");
        let port = free_port();
        let server_url = server::url(port);
        let clock_offset = server_dir.path().join("clock-offset");
        std::fs::write(&clock_offset, "0").expect("clock offset file");
        let server =
            Self::spawn_server(&server_data, port, &artifacts, &clock_offset, "server.log");
        // A stand-in notification daemon on this session's bus records what the app raises.
        let notifications = artifacts.join("notifications.jsonl");
        let _ = std::fs::remove_file(&notifications);
        let notifier = Proc::spawn(
            "fake notification daemon",
            &workspace_root().join("tests/fixtures/fake_notifications.py"),
            &[&notifications.display().to_string()],
            &[],
            &artifacts.join("notifier.log"),
        );
        // A stand-in panel tray (StatusNotifier host) on this session's bus: the app's
        // icon registers with it and its menu is read and clicked over D-Bus.
        let tray_items = artifacts.join("tray-items.jsonl");
        let _ = std::fs::remove_file(&tray_items);
        let tray_host = Proc::spawn(
            "fake tray host",
            &workspace_root().join("tests/fixtures/fake_tray_host.py"),
            &[&tray_items.display().to_string()],
            &[],
            &artifacts.join("tray-host.log"),
        );
        let exports = app_dir.path().join("exports");
        let xdg_data = app_dir.path().join("xdg-data");
        let app_log = xdg_data.join("com.wpplay.partnerdesk/logs/partner-desk.log");
        let window_state = app_dir
            .path()
            .join("xdg-config/com.wpplay.partnerdesk/.window-state.json");
        let mut env = app_env(app_dir.path(), &server_url);
        env.extend([
            ("WPPLAY_EXPORT_DIR", exports.display().to_string()),
            (
                wpplay_clock::DEBUG_OFFSET_FILE_VAR,
                clock_offset.display().to_string(),
            ),
        ]);
        let driver = Driver::spawn(&env, &artifacts.join("tauri-driver.log"));

        // All four start at once; then each is waited for.
        eventually("the server to answer /healthz", WAIT, async || {
            healthy(&server_url).await
        })
        .await;
        eventually(
            "the fake notification daemon to own its bus name",
            WAIT,
            async || bus_name_owned(NOTIFICATIONS_BUS_NAME).then_some(()),
        )
        .await;
        eventually("the fake tray host to own its bus name", WAIT, async || {
            bus_name_owned(TRAY_HOST_BUS_NAME).then_some(())
        })
        .await;
        driver.listening(WAIT).await;
        Self {
            server_url,
            server_data,
            server,
            driver,
            app: workspace_binary("wpplay-desktop"),
            artifacts,
            notifications,
            exports,
            clock_offset,
            app_log,
            window_state,
            _notifier: notifier,
            tray_items,
            _tray_host: tray_host,
            _dirs: vec![server_dir, app_dir],
            started,
            _turn: turn,
        }
    }

    /// Starts the server; its output goes to `log` in the scenario's folder.
    fn spawn_server(
        data: &Path,
        port: u16,
        artifacts: &Path,
        clock_offset: &Path,
        log: &str,
    ) -> Proc {
        server::spawn(
            data,
            port,
            &[(
                wpplay_clock::DEBUG_OFFSET_FILE_VAR,
                clock_offset.display().to_string(),
            )],
            &artifacts.join(log),
        )
    }

    /// Starts the server again on the same port and data folder after `server.kill()`,
    /// and waits until it answers (its log: `server-restarted.log`).
    pub async fn restart_server(&mut self) {
        let port = self
            .server_url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("port");
        self.server = Self::spawn_server(
            &self.server_data,
            port,
            &self.artifacts,
            &self.clock_offset,
            "server-restarted.log",
        );
        eventually("the server to come back", WAIT, async || {
            healthy(&self.server_url).await
        })
        .await;
    }

    pub async fn open_app(&self) -> Session {
        // After `close` the previous app may still be on its way out; one started meanwhile
        // would hand itself over to it and quit (a single instance per session), leaving
        // WebDriver waiting for a window that never comes.
        eventually(
            "the previous app to leave the session bus",
            WAIT,
            async || (!bus_name_owned(SINGLE_INSTANCE_BUS_NAME)).then_some(()),
        )
        .await;
        self.driver.open(&self.app).await
    }

    /// Runs an operator command against the world's server (same data folder).
    pub fn cli(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(workspace_binary("wpplay-server"))
            .args(args)
            .env("WPPLAY_DATA_DIR", &self.server_data)
            .env(wpplay_clock::DEBUG_OFFSET_FILE_VAR, &self.clock_offset)
            .env_remove("WPPLAY_DATABASE_URL")
            .output()
            .expect("wpplay-server runs");
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }

    /// Waits until the app's log (in the platform log directory) has a line with `text`.
    pub async fn logged(&self, text: &str) {
        eventually(&format!("the app to log {text:?}"), WAIT, async || {
            std::fs::read_to_string(&self.app_log)
                .ok()
                .filter(|log| log.contains(text))
                .map(|_| ())
        })
        .await;
    }

    /// Moves the server, its operator commands and the app to `at`.
    pub fn travel_to(&self, at: chrono::DateTime<chrono::Utc>) {
        let now = wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock);
        let secs = (at - now).num_seconds();
        std::fs::write(&self.clock_offset, secs.to_string()).expect("move the clock");
    }

    /// The credentials e-mailed to `recipient`, from the server's file outbox.
    pub fn credentials(&self, recipient: &str) -> Option<(String, String)> {
        server::credentials(&self.server_data, recipient)
    }

    /// The newest password recovery code sent to `recipient`.
    pub fn recovery_code(&self, recipient: &str) -> Option<String> {
        server::recovery_code(&self.server_data, recipient)
    }
}

impl Drop for World {
    /// Keeps the app's log (`app.log`) and how long the scenario ran (`duration.txt`) in
    /// its folder, passed or failed, before the world's temporary folders go.
    fn drop(&mut self) {
        let took = format!("{:.1} s\n", self.started.elapsed().as_secs_f64());
        let _ = std::fs::write(self.artifacts.join("duration.txt"), took);
        let _ = std::fs::copy(&self.app_log, self.artifacts.join("app.log"));
    }
}

/// The notifications the app raised so far, as "summary: body".
pub fn raised(world: &World) -> Vec<String> {
    std::fs::read_to_string(&world.notifications)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            format!(
                "{}: {}",
                v["summary"].as_str().unwrap_or(""),
                v["body"].as_str().unwrap_or("")
            )
        })
        .collect()
}
