//! The real desktop binary, driven through WebDriver (tauri-driver + WebKitWebDriver)
//! against the real server binary: register, read the credentials from the outbox, sign
//! in, change the password, see "14 days left"; restart and land on the dashboard through
//! the keychain; stop the server and still see the dashboard, marked offline.
//!
//! Needs a display, a D-Bus session and an unlocked keyring: the README's test command
//! runs it inside `scripts/with-desktop-session.sh --xvfb`. Screenshots go to
//! `e2e-artifacts/`.

use std::path::{Path, PathBuf};
use std::time::Duration;
use wpplay_e2e::process::Proc;
use wpplay_e2e::webdriver::Session;
use wpplay_e2e::{eventually, free_port, tauri_driver, workspace_binary, workspace_root};

const WAIT: Duration = Duration::from_secs(30);

struct World {
    server_url: String,
    server_data: PathBuf,
    server: Proc,
    driver_url: String,
    _driver: Proc,
    app: PathBuf,
    artifacts: PathBuf,
    notifications: PathBuf,
    /// Where the app writes CSV exports.
    exports: PathBuf,
    /// Seconds the server, its operator commands and the app run ahead of the real time
    /// (a debug build's [`wpplay_domain::clock::OffsetFileClock`]).
    clock_offset: PathBuf,
    /// The app's log file, in the platform log directory under the story's XDG_DATA_HOME.
    app_log: PathBuf,
    /// Where the window's size and position are remembered (under XDG_CONFIG_HOME).
    window_state: PathBuf,
    _notifier: Proc,
    /// Where the stand-in tray host records the items that register with it.
    tray_items: PathBuf,
    _tray_host: Proc,
    _dirs: Vec<tempfile::TempDir>,
}

async fn healthy(url: &str) -> Option<()> {
    reqwest::get(format!("{url}/healthz"))
        .await
        .ok()
        .filter(|r| r.status().is_success())
        .map(|_| ())
}

impl World {
    async fn start() -> Self {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no display: run this through scripts/with-desktop-session.sh --xvfb"
        );
        let artifacts = workspace_root().join("e2e-artifacts");
        std::fs::create_dir_all(&artifacts).expect("artifacts folder");
        let server_dir = tempfile::tempdir().expect("dir");
        let app_dir = tempfile::tempdir().expect("dir");
        let server_data = server_dir.path().join("data");
        let port = free_port();
        let server_url = format!("http://127.0.0.1:{port}");
        let clock_offset = server_dir.path().join("clock-offset");
        std::fs::write(&clock_offset, "0").expect("clock offset file");
        let server = Self::spawn_server(&server_data, port, &artifacts, &clock_offset);
        eventually("the server to answer /healthz", WAIT, async || {
            healthy(&server_url).await
        })
        .await;

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
        eventually(
            "the fake notification daemon to own its bus name",
            WAIT,
            async || {
                let out = std::process::Command::new("dbus-send")
                    .args([
                        "--session",
                        "--print-reply",
                        "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus",
                        "org.freedesktop.DBus.NameHasOwner",
                        "string:org.freedesktop.Notifications",
                    ])
                    .output()
                    .ok()?;
                String::from_utf8_lossy(&out.stdout)
                    .contains("boolean true")
                    .then_some(())
            },
        )
        .await;

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
        eventually("the fake tray host to own its bus name", WAIT, async || {
            let out = std::process::Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.kde.StatusNotifierWatcher",
                ])
                .output()
                .ok()?;
            String::from_utf8_lossy(&out.stdout)
                .contains("boolean true")
                .then_some(())
        })
        .await;

        let exports = app_dir.path().join("exports");
        let xdg_data = app_dir.path().join("xdg-data");
        let app_log = xdg_data.join("com.wpplay.partnerdesk/logs/partner-desk.log");
        let window_state = app_dir
            .path()
            .join("xdg-config/com.wpplay.partnerdesk/.window-state.json");
        let driver_port = free_port();
        let native_port = free_port();
        let driver = Proc::spawn(
            "tauri-driver",
            &tauri_driver(),
            &[
                "--port",
                &driver_port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ],
            &[
                ("WPPLAY_SERVER_URL", server_url.clone()),
                (
                    "WPPLAY_DESKTOP_DATA_DIR",
                    app_dir.path().display().to_string(),
                ),
                ("WPPLAY_EXPORT_DIR", exports.display().to_string()),
                (
                    wpplay_domain::clock::DEBUG_OFFSET_FILE_VAR,
                    clock_offset.display().to_string(),
                ),
                ("XDG_DATA_HOME", xdg_data.display().to_string()),
                (
                    "XDG_CONFIG_HOME",
                    app_dir.path().join("xdg-config").display().to_string(),
                ),
            ],
            &artifacts.join("tauri-driver.log"),
        );
        let driver_url = format!("http://127.0.0.1:{driver_port}");
        eventually("tauri-driver to listen", WAIT, async || {
            reqwest::get(format!("{driver_url}/status"))
                .await
                .ok()
                .map(|_| ())
        })
        .await;
        Self {
            server_url,
            server_data,
            server,
            driver_url,
            _driver: driver,
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
        }
    }

    fn spawn_server(data: &Path, port: u16, artifacts: &Path, clock_offset: &Path) -> Proc {
        Proc::spawn(
            "wpplay-server",
            &workspace_binary("wpplay-server"),
            &["serve"],
            &[
                ("WPPLAY_DATA_DIR", data.display().to_string()),
                ("WPPLAY_LISTEN", format!("127.0.0.1:{port}")),
                (
                    wpplay_domain::clock::DEBUG_OFFSET_FILE_VAR,
                    clock_offset.display().to_string(),
                ),
            ],
            &artifacts.join("server.log"),
        )
    }

    async fn open_app(&self) -> Session {
        match Session::start(&self.driver_url, &self.app).await {
            Ok(session) => session,
            Err(e) => panic!(
                "the app did not start under WebDriver within 180 s: {e}\n--- tauri-driver log ---\n{}",
                std::fs::read_to_string(self.artifacts.join("tauri-driver.log"))
                    .unwrap_or_default()
            ),
        }
    }

    /// Runs an operator command against the story's server (same data folder).
    fn cli(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(workspace_binary("wpplay-server"))
            .args(args)
            .env("WPPLAY_DATA_DIR", &self.server_data)
            .env(
                wpplay_domain::clock::DEBUG_OFFSET_FILE_VAR,
                &self.clock_offset,
            )
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
    async fn logged(&self, text: &str) {
        eventually(&format!("the app to log {text:?}"), WAIT, async || {
            std::fs::read_to_string(&self.app_log)
                .ok()
                .filter(|log| log.contains(text))
                .map(|_| ())
        })
        .await;
    }

    /// Moves the server, its operator commands and the app to `at`.
    fn travel_to(&self, at: chrono::DateTime<chrono::Utc>) {
        let now = wpplay_domain::clock::Clock::now(&wpplay_domain::clock::SystemClock);
        let secs = (at - now).num_seconds();
        std::fs::write(&self.clock_offset, secs.to_string()).expect("move the clock");
    }

    /// The credentials from the newest message in the server's file outbox.
    fn credentials(&self, recipient: &str) -> Option<(String, String)> {
        let dir = std::fs::read_dir(self.server_data.join("outbox")).ok()?;
        dir.flatten().find_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            if !text.contains(&format!("To: {recipient}")) {
                return None;
            }
            let field = |name: &str| {
                text.lines()
                    .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_owned()))
            };
            Some((field("Username:")?, field("Password:")?))
        })
    }
}

/// Closes the app's window or reads its state through the X server, as a window manager
/// would (`tests/fixtures/x11_window.py`); returns what it printed.
fn x11_window(action: &str) -> String {
    let out = std::process::Command::new(workspace_root().join("tests/fixtures/x11_window.py"))
        .args([action, "WP Play Partner Desk"])
        .output()
        .expect("x11_window.py runs (python3-xlib, installed by scripts/setup.sh)");
    assert!(
        out.status.success(),
        "x11_window.py {action}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Runs `tests/fixtures/tray_probe.py` (a panel reading the tray over D-Bus).
fn tray_probe(args: &[&str]) -> Option<serde_json::Value> {
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
async fn tray_item(world: &World) -> (String, String, serde_json::Value) {
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
async fn tray_menu(world: &World, expect: &str) -> Vec<(String, bool)> {
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
async fn tray_click(world: &World, label: &str) {
    tray_menu(world, label).await;
    let (service, menu, _) = tray_item(world).await;
    assert!(
        tray_probe(&["click", &service, &menu, label]).is_some(),
        "clicking \"{label}\" in the tray menu"
    );
}

/// Resizes the app's window through the X server.
fn x11_window_resize(width: u32, height: u32) {
    let out = std::process::Command::new(workspace_root().join("tests/fixtures/x11_window.py"))
        .args([
            "resize",
            "WP Play Partner Desk",
            &width.to_string(),
            &height.to_string(),
        ])
        .output()
        .expect("x11_window.py runs");
    assert!(
        out.status.success(),
        "x11_window.py resize: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Waits for an element; on timeout saves a screenshot and the page source, then fails.
async fn element<'a>(app: &'a Session, css: &str) -> wpplay_e2e::webdriver::Element<'a> {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Some(el) = app.find(css).await {
            return el;
        }
        if std::time::Instant::now() > deadline {
            let dir = workspace_root().join("e2e-artifacts");
            let _ = app.screenshot(&dir.join("failure.png")).await;
            if let Ok(src) = app
                .execute("return document.documentElement.outerHTML")
                .await
            {
                let _ = std::fs::write(dir.join("failure.html"), src.as_str().unwrap_or_default());
            }
            panic!("timed out after {WAIT:?} waiting for {css}; see e2e-artifacts/failure.png");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The notifications the app raised so far, as "summary: body".
fn raised(world: &World) -> Vec<String> {
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

/// A reseller registered over the real API, with its own password set.
struct Reseller {
    username: String,
    token: String,
    /// A partner's trial end, as the registration answered.
    trial_ends_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A reseller registered, signed in and with its own password, over the real API.
async fn reseller(world: &World, email: &str) -> Reseller {
    let company = format!("Resell {}", email.split('@').next().unwrap_or("co"));
    let form = serde_json::json!({"role": "reseller", "company": company, "contact_person": "Rade", "email": email,
        "phone": "+381 21 555 1234", "country": "RS", "credential_delivery": "email"});
    account(world, form).await
}

/// An account registered from `form` over the real API, signed in, with its password
/// changed to [`RESELLER_PASSWORD`].
async fn account(world: &World, form: serde_json::Value) -> Reseller {
    let http = reqwest::Client::new();
    let url = &world.server_url;
    let email = form["email"]
        .as_str()
        .expect("the form has an e-mail")
        .to_owned();
    let r = http
        .post(format!("{url}/api/v1/registrations"))
        .json(&form)
        .send()
        .await
        .expect("register");
    assert_eq!(r.status(), reqwest::StatusCode::CREATED);
    let registered: serde_json::Value = r.json().await.expect("json");
    let trial_ends_at = registered["trial_ends_at"]
        .as_str()
        .map(|t| t.parse().expect("an RFC 3339 time"));
    let (user, pw) = eventually("the new account's credentials", WAIT, async || {
        world.credentials(&email)
    })
    .await;
    let login: serde_json::Value = http
        .post(format!("{url}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": user, "password": pw}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json");
    let token = login["access_token"].as_str().expect("token").to_owned();
    let r = http
        .post(format!("{url}/api/v1/auth/password"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"current_password": pw, "new_password": RESELLER_PASSWORD}))
        .send()
        .await
        .expect("password");
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    Reseller {
        username: user,
        token,
        trial_ends_at,
    }
}

/// Pushes one mutation over the real API and checks it was applied.
async fn push(world: &World, token: &str, mutation: serde_json::Value) {
    let body = serde_json::json!({"client_id": uuid_like(), "schema_version": 2, "mutations": [{"mutation_id": 1, "mutation": mutation}]});
    let v: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/api/v1/sync/push", world.server_url))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("push")
        .json()
        .await
        .expect("json");
    assert_eq!(v["results"][0]["status"], "applied", "{v}");
}

/// The reseller sends a Request for Partner to `partner_id`; returns the request's id.
async fn request_partner(world: &World, token: &str, partner_id: i64) -> String {
    let id = uuid_like();
    let m = serde_json::json!({"type": "request_partner", "request_id": id, "partner_id": partner_id,
        "message": "We would like to resell your streams."});
    push(world, token, m).await;
    id
}

/// GET with a token; the status and the JSON body.
async fn get(world: &World, token: &str, path: &str) -> (reqwest::StatusCode, serde_json::Value) {
    let r = reqwest::Client::new()
        .get(format!("{}{path}", world.server_url))
        .bearer_auth(token)
        .send()
        .await
        .expect("get");
    let status = r.status();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

fn uuid_like() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let t = std::time::SystemTime::UNIX_EPOCH
        .elapsed()
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let hex = format!("{:016x}{:016x}", (t as u64), n);
    // 8-4-4-4-12 hex digits, version 4, variant 8.
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

async fn click(app: &Session, css: &str) {
    // A dialog closing or a toast sliding away may cover the target for a moment: a user
    // would click again a moment later, and so does this.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        match element(app, css).await.click().await {
            Ok(()) => return,
            Err(e)
                if std::time::Instant::now() < deadline
                    && (e.to_string().contains("intercepted")
                        || e.to_string().contains("not interactable")) =>
            {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => {
                let _ = app
                    .screenshot(&workspace_root().join("e2e-artifacts/failure.png"))
                    .await;
                panic!("clicking {css}: {e}; see e2e-artifacts/failure.png");
            }
        }
    }
}

async fn fill(app: &Session, css: &str, text: &str) {
    element(app, css)
        .await
        .fill(text)
        .await
        .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
}

/// Waits until an element's attribute has the expected value.
async fn attribute_is(app: &Session, css: &str, name: &str, expected: &str) {
    eventually(
        &format!("{css} to have {name}={expected:?}"),
        WAIT,
        async || {
            let value = app.find(css).await?.attribute(name).await.ok()??;
            (value == expected).then_some(())
        },
    )
    .await;
}

async fn text_of(app: &Session, css: &str, expected: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    let mut last = String::new();
    loop {
        last = element(app, css).await.text().await.unwrap_or(last);
        if last.is_empty() {
            // WebKit's WebDriver reads no text from an element cut with an ellipsis; the
            // DOM still has it.
            last = app
                .execute(&format!(
                    "return document.querySelector({css:?})?.textContent ?? '';"
                ))
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
        }
        if last.contains(expected) {
            return last;
        }
        if std::time::Instant::now() > deadline {
            let _ = app
                .screenshot(&workspace_root().join("e2e-artifacts/failure.png"))
                .await;
            panic!(
                "{css} reads {last:?}, not {expected:?}, after {WAIT:?}; see e2e-artifacts/failure.png"
            );
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partner_registers_signs_in_and_keeps_working_offline() {
    let mut world = World::start().await;
    let shots = world.artifacts.clone();
    let app = world.open_app().await;

    // Register: choose a plan, fill the form.
    click(&app, "#go-register").await;
    click(&app, "[data-testid=choose-package-business]").await;
    fill(&app, "#reg-company", "Desk Media d.o.o.").await;
    fill(&app, "#reg-contact", "Jelena Jović").await;
    fill(&app, "#reg-email", "jelena@deskmedia.rs").await;
    fill(&app, "#reg-phone", "+381 63 555 1234").await;
    click(&app, "#reg-delivery-email").await;
    shot(&app, &shots, "01-registration-form.png").await;
    click(&app, "#register-submit").await;
    text_of(
        &app,
        "[data-testid=registration-done]",
        "j*****@deskmedia.rs",
    )
    .await;
    shot(&app, &shots, "02-registration-done.png").await;

    // The credentials arrive in the server's outbox (no SMTP configured).
    let (username, password) = eventually("the credentials e-mail", WAIT, async || {
        world.credentials("jelena@deskmedia.rs")
    })
    .await;

    // Sign in with them; the app insists on a new password first.
    click(&app, "#go-login").await;
    fill(&app, "#username", &username).await;
    // With an account named, its data on this computer can be removed from here; there
    // is none yet, and the app says so.
    click(&app, "#forget-account").await;
    text_of(
        &app,
        "[data-testid=forget-dialog]",
        "Nothing changes on the server",
    )
    .await;
    shot(&app, &shots, "02b-forget-local-data.png").await;
    click(&app, "#forget-confirm").await;
    text_of(&app, "[data-testid=forget-notice]", "kept no data").await;
    fill(&app, "#password", "not-the-password").await;
    click(&app, "#login-submit").await;
    text_of(&app, "[data-testid=form-error]", "not right").await;
    fill(&app, "#password", &password).await;
    click(&app, "#login-submit").await;
    fill(&app, "#current-password", &password).await;
    fill(&app, "#new-password", "Jelena-Desk-2026").await;
    fill(&app, "#confirm-password", "Jelena-Desk-2026").await;
    shot(&app, &shots, "03-change-password.png").await;
    click(&app, "#change-password-submit").await;

    // The dashboard, from the local replica.
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    text_of(&app, "[data-testid=package-name]", "Business").await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    shot(&app, &shots, "04-dashboard.png").await;

    // The app logs to the platform's log directory and has put its icon in the tray.
    // Closing the window (as the title bar's x does) keeps the app running in the tray; a
    // second launch hands over to it, which comes back to the front, and exits.
    world.logged("tray ready").await;
    let (_, _, item) = tray_item(&world).await;
    assert_eq!(item["Status"], "Active", "{item}");
    assert_eq!(
        item["icon_png_size"],
        serde_json::json!([64, 64]),
        "the tray shows its own 64 px mark (icons/tray.png): {item}"
    );
    // The status line names the company once the profile has synced (the user name
    // before that): wait for it rather than read the menu once.
    let menu = eventually(
        "the tray menu's status line to name the company",
        WAIT,
        async || {
            let menu = tray_menu(&world, "Sync now").await;
            menu[0]
                .0
                .starts_with("Desk Media d.o.o. · Online")
                .then_some(menu)
        },
    )
    .await;
    let labels: Vec<&str> = menu.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        &labels[1..],
        [
            "Open WP Play Partner Desk",
            "Sync now",
            "Pending requests",
            "Quit"
        ],
        "the tray menu: {menu:?}"
    );
    assert!(
        !menu[0].1,
        "the menu's status line (what a tooltip would say; Linux trays show none) does nothing when clicked: {menu:?}"
    );
    tray_click(&world, "Sync now").await;
    world.logged("sync requested from the tray").await;
    x11_window_resize(1100, 720);
    eventually("the window to take its new size", WAIT, async || {
        (x11_window("size") == "1100x720").then_some(())
    })
    .await;
    x11_window("close");
    eventually("the window to hide", WAIT, async || {
        (x11_window("state") == "unmapped").then_some(())
    })
    .await;
    world
        .logged("window closed: the app stays in the tray")
        .await;
    // The tray's Open brings it back; closed again, a second launch does the same below.
    tray_click(&world, "Open WP Play Partner Desk").await;
    eventually("the window to show from the tray", WAIT, async || {
        (x11_window("state") == "viewable").then_some(())
    })
    .await;
    // Just shown, the window may not take a close request yet (a loaded fresh-clone run
    // lost one): ask again until it is hidden.
    eventually("the window to hide again", WAIT, async || {
        if x11_window("state") == "unmapped" {
            return Some(());
        }
        x11_window("close");
        None
    })
    .await;
    let remembered: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&world.window_state).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(
        (&remembered["main"]["width"], &remembered["main"]["height"]),
        (&serde_json::json!(1100), &serde_json::json!(720)),
        "the window's size is remembered when it goes to the tray: {remembered}"
    );
    let mut second = std::process::Command::new(&world.app)
        .env(
            "XDG_DATA_HOME",
            world.app_log.ancestors().nth(3).expect("xdg dir"),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("a second launch");
    let status = eventually("the second launch to exit", WAIT, async || {
        second.try_wait().ok().flatten()
    })
    .await;
    assert!(
        status.success(),
        "the second launch exits cleanly: {status}"
    );
    world
        .logged("a second launch: the running app comes to the front")
        .await;
    eventually("the window to show again", WAIT, async || {
        (x11_window("state") == "viewable").then_some(())
    })
    .await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;

    // "Download all data again" (asked first) rebuilds the local copy from the server.
    click(&app, "#resync-all").await;
    element(&app, "[data-testid=resync-dialog]").await;
    shot(&app, &shots, "04b-download-again.png").await;
    click(&app, "#resync-confirm").await;
    text_of(&app, ".toast.success", "All data downloaded again").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    text_of(&app, "[data-testid=package-name]", "Business").await;

    // Restart the app: the keychain signs it in without the login screen.
    app.close().await;
    let app = world.open_app().await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    assert!(
        app.find("#login-submit").await.is_none(),
        "a restart goes straight to the dashboard"
    );
    eventually(
        "the window to come back at its remembered size",
        WAIT,
        async || (x11_window("size") == "1100x720").then_some(()),
    )
    .await;
    // Back to the usual size for the screenshots that follow, and forget it again.
    x11_window_resize(1280, 800);
    std::fs::remove_file(&world.window_state).expect("forget the window state");
    shot(&app, &shots, "05-dashboard-after-restart.png").await;

    // Stop the server: the dashboard stays, marked offline.
    world.server.kill();
    attribute_is(&app, "[data-testid=sync-indicator]", "data-online", "false").await;
    text_of(&app, "[data-testid=sync-indicator]", "Offline").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    shot(&app, &shots, "06-dashboard-offline.png").await;

    // An edit made offline waits, then syncs when the server is back.
    fill(&app, "#profile-contact", "Jelena J.").await;
    click(&app, "#profile-save").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "1").await;
    shot(&app, &shots, "07-edit-waiting-offline.png").await;

    // Still offline: add a dealer on the Providers page; it shows at once, waiting to sync.
    click(&app, "[data-testid=nav-providers]").await;
    click(&app, "#add-dealer").await;
    fill(&app, "#dealer-name", "Marko Electronics").await;
    fill(&app, "#dealer-email", "marko@shop.rs").await;
    fill(&app, "#dealer-phone", "+381 11 333 4444").await;
    fill(&app, "#dealer-username", "marko.shop").await;
    fill(&app, "#dealer-password", "Dealer-pass-2026").await;
    fill(&app, "#dealer-password-confirm", "Dealer-pass-2026").await;
    click(&app, "#dealer-save").await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "pending").await;
    attribute_is(
        &app,
        "[data-testid=dealer-name]",
        "title",
        "Marko Electronics",
    )
    .await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "2").await;
    shot(&app, &shots, "08-dealer-added-offline.png").await;
    let port = world
        .server_url
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    world.server = World::spawn_server(
        &world.server_data,
        port,
        &world.artifacts,
        &world.clock_offset,
    );
    eventually("the server to come back", WAIT, async || {
        healthy(&world.server_url).await
    })
    .await;
    click(&app, "#sync-now").await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "0").await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "synced").await;
    shot(&app, &shots, "09-providers-synced.png").await;

    // A reseller's Request for Partner reaches the partner's app as a native notification.
    let partner_token = {
        let v: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/api/v1/auth/login", world.server_url))
            .json(&serde_json::json!({"username": username, "password": "Jelena-Desk-2026"}))
            .send()
            .await
            .expect("login")
            .json()
            .await
            .expect("json");
        v["access_token"].as_str().expect("token").to_owned()
    };
    let me: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v1/me", world.server_url))
        .bearer_auth(&partner_token)
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    let partner_id = me["account_id"].as_i64().expect("id");
    let first = reseller(&world, "rade@resell.rs").await;
    let first_request = request_partner(&world, &first.token, partner_id).await;
    eventually("the native notification of the request", WAIT, async || {
        let r = raised(&world);
        (r.len() == 1 && r[0].starts_with("New Request for Partner: Resell rade")).then_some(())
    })
    .await;
    app.close().await;

    // While the app is closed another request arrives: after the restart it is raised once,
    // and the one already shown is not repeated.
    let second = reseller(&world, "mila@resell.rs").await;
    let _second_request = request_partner(&world, &second.token, partner_id).await;
    let app = world.open_app().await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    eventually(
        "the notification of the request that came while closed",
        WAIT,
        async || (raised(&world).len() == 2).then_some(()),
    )
    .await;
    shot(&app, &shots, "10-after-restart-with-requests.png").await;
    // The tray counts them; its "Pending requests (2)" opens the Resellers page.
    click(&app, "[data-testid=nav-content]").await;
    tray_click(&world, "Pending requests (2)").await;
    element(&app, "[data-testid=request-row]").await;
    world.logged("pending requests opened from the tray").await;
    let all = raised(&world);
    assert!(
        all.len() == 2 && all[0].contains("Resell rade") && all[1].contains("Resell mila"),
        "each request raised once, the first not repeated on restart: {all:?}"
    );

    // The partner's content catalog, built in the app; nobody sees it before a link.
    click(&app, "[data-testid=nav-content]").await;
    click(&app, "[data-testid=add-stream]").await;
    fill(&app, "[data-testid=stream-name-input]", "Sport 1 HD").await;
    fill(&app, "[data-testid=stream-category-input]", "Sport").await;
    fill(
        &app,
        "[data-testid=stream-url-input]",
        "https://cdn.example/sport1.m3u8",
    )
    .await;
    click(&app, "[data-testid=stream-save]").await;
    attribute_is(&app, "[data-testid=catalog-row]", "data-sync", "synced").await;
    eventually("the Add stream window to close", WAIT, async || {
        app.find("[data-testid=stream-save]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    shot(&app, &shots, "11-content-catalog.png").await;
    let content = format!("/api/v1/partners/{partner_id}/content");
    assert_eq!(
        get(&world, &first.token, &content).await.0,
        reqwest::StatusCode::FORBIDDEN,
        "no content before the partner accepts"
    );

    // Settings → Reseller services: the website shown to resellers, previewed before saving.
    click(&app, "[data-testid=nav-settings]").await;
    fill(
        &app,
        "[data-testid=settings-website]",
        "https://deskmedia.rs",
    )
    .await;
    click(&app, "[data-testid=settings-visible-website]").await;
    text_of(
        &app,
        "[data-testid=settings-preview] [data-testid=preview-website]",
        "deskmedia.rs",
    )
    .await;
    click(&app, "[data-testid=settings-save]").await;
    eventually("the settings to sync", WAIT, async || {
        app.find("[data-testid=settings-waiting]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    shot(&app, &shots, "12-settings-preview.png").await;

    // The partner accepts the first request on the Resellers page.
    click(&app, "[data-testid=nav-resellers]").await;
    let row = format!("[data-testid=request-row][data-request-id=\"{first_request}\"]");
    element(&app, &row).await;
    shot(&app, &shots, "13-resellers-requests.png").await;
    click(&app, &format!("{row} [data-testid=request-accept]")).await;
    let (_, me) = get(&world, &first.token, "/api/v1/me").await;
    let first_id = me["account_id"].as_i64().expect("reseller id");
    let link = format!("[data-testid=link-row][data-reseller-id=\"{first_id}\"]");
    element(&app, &link).await;
    shot(&app, &shots, "14-resellers-linked.png").await;

    // Subscribers: a line for Marko's shop and one of the partner's own; the CSV export
    // holds exactly the filtered view.
    click(&app, "[data-testid=nav-providers]").await;
    let dealer_id = element(&app, "[data-testid=dealer-row]")
        .await
        .attribute("data-dealer-id")
        .await
        .expect("attribute")
        .expect("dealer id");
    click(&app, "[data-testid=nav-subscribers]").await;
    add_line(&app, "Petar Home", "00:1a:2b:3c:4d:5e", &dealer_id).await;
    add_line(&app, "Office TV", "00-1A-2B-3C-4D-5F", "").await;
    eventually("both lines to sync", WAIT, async || {
        (count(&app, "[data-testid=subscriber-row][data-sync=synced]").await == 2).then_some(())
    })
    .await;
    text_of(&app, "[data-testid=subscribers-allowance]", "2 of 1").await;
    shot(&app, &shots, "15-subscribers.png").await;
    fill(&app, "[data-testid=subscriber-search]", "petar").await;
    eventually("the search to filter", WAIT, async || {
        (count(&app, "[data-testid=subscriber-row]").await == 1).then_some(())
    })
    .await;
    click(&app, "[data-testid=export-subscribers]").await;
    let csv = eventually("the CSV export", WAIT, async || {
        let file = std::fs::read_dir(&world.exports)
            .ok()?
            .flatten()
            .find(|e| {
                e.file_name().to_string_lossy().starts_with("subscribers-")
                    && e.path().extension().is_some_and(|x| x == "csv")
            })?;
        std::fs::read_to_string(file.path()).ok()
    })
    .await;
    let rows: Vec<&str> = csv.trim_end().split("\r\n").skip(1).collect();
    assert_eq!(rows.len(), 1, "exactly the filtered view: {csv}");
    assert!(
        rows[0].starts_with("Petar Home,") && rows[0].contains("Marko Electronics"),
        "{csv}"
    );
    app.close().await;

    // The app restarts signed in as the partner (keychain); the reseller signs in to the
    // same app: the acceptance that came meanwhile is raised once, and the content is there.
    let app = world.open_app().await;
    sign_out(&app).await;
    sign_in_as(&app, &first.username, RESELLER_PASSWORD).await;
    attribute_is(&app, "[data-testid=home-linked]", "data-count", "1").await;
    eventually(
        "the reseller's notification of the acceptance",
        WAIT,
        async || {
            raised(&world)
                .iter()
                .any(|n| n.starts_with("Request accepted"))
                .then_some(())
        },
    )
    .await;
    shot(&app, &shots, "16-reseller-home.png").await;
    click(&app, "[data-testid=nav-partners]").await;
    let listed = format!("[data-testid=directory-row][data-partner-id=\"{partner_id}\"]");
    attribute_is(&app, &listed, "data-relation", "linked").await;
    // (WebKit's WebDriver reads no text from cells cut with an ellipsis: the title has it.)
    attribute_is(
        &app,
        &format!("{listed} [data-testid=directory-contact-website]"),
        "title",
        "https://deskmedia.rs",
    )
    .await;
    shot(&app, &shots, "17-reseller-directory.png").await;
    click(&app, "[data-testid=nav-content]").await;
    click(
        &app,
        &format!("[data-testid=content-partner][data-partner-id=\"{partner_id}\"]"),
    )
    .await;
    text_of(&app, "[data-testid=stream-name]", "Sport 1 HD").await;
    shot(&app, &shots, "18-reseller-content.png").await;

    // The partner removes the reseller: a reason is required; both sides are told.
    sign_out(&app).await;
    sign_in_as(&app, &username, "Jelena-Desk-2026").await;
    click(&app, "[data-testid=nav-resellers]").await;
    click(&app, &format!("{link} [data-testid=link-remove]")).await;
    fill(&app, "#remove-reason", "Contract ended").await;
    click(&app, "#remove-confirm").await;
    eventually("the link to go", WAIT, async || {
        app.find(&link).await.is_none().then_some(())
    })
    .await;
    eventually(
        "the partner's own native notification of the removal",
        WAIT,
        async || {
            raised(&world)
                .iter()
                .any(|n| n.starts_with("Reseller removed"))
                .then_some(())
        },
    )
    .await;
    assert_eq!(
        get(&world, &first.token, &content).await.0,
        reqwest::StatusCode::FORBIDDEN,
        "access ends with the link"
    );
    shot(&app, &shots, "19-reseller-removed.png").await;

    // The reseller is told natively too, finds the content closed, and asks again from the
    // directory in the app.
    sign_out(&app).await;
    sign_in_as(&app, &first.username, RESELLER_PASSWORD).await;
    eventually(
        "the reseller's notification of the removal",
        WAIT,
        async || {
            raised(&world)
                .iter()
                .any(|n| n.starts_with("Partner ended the collaboration"))
                .then_some(())
        },
    )
    .await;
    click(&app, "[data-testid=nav-content]").await;
    element(&app, "[data-testid=content-empty]").await;
    click(&app, "[data-testid=nav-partners]").await;
    attribute_is(&app, &listed, "data-relation", "none").await;
    click(&app, &format!("{listed} [data-testid=directory-request]")).await;
    fill(
        &app,
        "[data-testid=request-message]",
        "We would like to work together again.",
    )
    .await;
    click(&app, "[data-testid=request-send]").await;
    eventually("the request window to close", WAIT, async || {
        app.find("[data-testid=request-send]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    click(&app, "[data-testid=nav-requests]").await;
    attribute_is(
        &app,
        "[data-testid=outgoing-row][data-status=pending]",
        "data-waiting",
        "false",
    )
    .await;
    shot(&app, &shots, "20-reseller-requests.png").await;

    // The dealer signs in to the same app with the username and password the partner
    // chose offline, and sees only its own subscribers.
    sign_out(&app).await;
    sign_in_as(&app, "marko.shop", "Dealer-pass-2026").await;
    element(&app, "[data-testid=subscribers-page]").await;
    eventually("the dealer's lines", WAIT, async || {
        (count(&app, "[data-testid=subscriber-row]").await == 1).then_some(())
    })
    .await;
    text_of(&app, "[data-testid=subscriber-name]", "Petar Home").await;
    shot(&app, &shots, "21-dealer-subscribers.png").await;

    // Billing: the operator's pass issues the pro forma 7 days before the trial ends; the
    // partner sees it with its payment reference, saves the PDF, chooses a cheaper package
    // (during the trial: at once, the trial end stays) and the payment registered by the
    // operator makes the account active.
    sign_out(&app).await;
    sign_in_as(&app, &username, "Jelena-Desk-2026").await;
    let at = (wpplay_domain::clock::Clock::now(&wpplay_domain::clock::SystemClock)
        + chrono::Duration::days(8))
    .to_rfc3339();
    let out = world.cli(&["lifecycle", "run", "--at", &at]);
    assert!(out.contains("invoice") && out.contains("sent"), "{out}");
    click(&app, "[data-testid=nav-billing]").await;
    attribute_is(&app, "[data-testid=invoice-row]", "data-status", "open").await;
    let reference = text_of(&app, "[data-testid=payment-reference]", "97 ").await;
    shot(&app, &shots, "22-billing.png").await;
    click(&app, "[data-testid=invoice-pdf]").await;
    eventually("the invoice PDF", WAIT, async || {
        let file = std::fs::read_dir(&world.exports)
            .ok()?
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("WP-Play-pro-forma-")
            })?;
        std::fs::read(file.path())
            .ok()
            .filter(|b| b.starts_with(b"%PDF-"))
            .map(|_| ())
    })
    .await;
    click(&app, "[data-testid=change-package]").await;
    click(&app, "[data-testid=package-option][data-package-id=\"1\"]").await;
    text_of(&app, "[data-testid=package-rule]", "trial").await;
    shot(&app, &shots, "23-change-package.png").await;
    click(&app, "[data-testid=package-confirm]").await;
    text_of(&app, "[data-testid=billing-package-name]", "Starter").await;
    let out = world.cli(&[
        "payments",
        "register",
        "--reference",
        reference.trim(),
        "--amount",
        "79.00",
        "--currency",
        "EUR",
    ]);
    assert!(out.contains("applied"), "{out}");
    click(&app, "[data-testid=billing-refresh]").await;
    attribute_is(&app, "[data-testid=invoice-row]", "data-status", "paid").await;
    attribute_is(&app, "[data-testid=billing-state]", "data-state", "active").await;
    attribute_is(&app, "[data-testid=payment-row]", "data-status", "applied").await;
    shot(&app, &shots, "24-billing-paid.png").await;

    // The calendar moves (server, operator commands and app together). A new partner in
    // its trial hears from the app itself, computed from its replica with its own clock:
    // 7 days before the end, then on the day the trial ends unpaid the account locks and
    // the admin pages give way to the locked screen that leads to Billing. Each alert
    // comes once, across a restart too; paying opens the pages again, data intact.
    let trial = account(
        &world,
        serde_json::json!({"package_id": 1, "company": "Nova TV", "contact_person": "Ana Nikolić",
            "email": "ana@novatv.rs", "phone": "+381 64 555 7788", "country": "RS",
            "credential_delivery": "email"}),
    )
    .await;
    sign_out(&app).await;
    sign_in_as(&app, &trial.username, RESELLER_PASSWORD).await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    let before = raised(&world).len();
    let alerts_about = |what: &str| {
        raised(&world)
            .into_iter()
            .skip(before)
            .filter(|n| n.contains(what))
            .count()
    };

    // Reminders go out at 08:00 on their day in the server's zone: travel to 09:00.
    let tz = chrono_tz::Europe::Belgrade;
    let nine_on_day_before = |end: chrono::DateTime<chrono::Utc>, days: i64| {
        let day = end.with_timezone(&tz).date_naive() - chrono::Duration::days(days);
        wpplay_domain::billing::from_local(tz, day.and_hms_opt(9, 0, 0).expect("09:00"))
    };
    let end = trial.trial_ends_at.expect("a partner has a trial");
    let seven_before = nine_on_day_before(end, 7);
    world.travel_to(seven_before);
    let out = world.cli(&["lifecycle", "run"]);
    assert!(
        out.contains("invoice") && out.contains("ends_in_7_days"),
        "{out}"
    );
    eventually("the 7-day trial alert", WAIT, async || {
        (alerts_about("Your free trial ends in 7 days") == 1).then_some(())
    })
    .await;
    let left = wpplay_domain::lifecycle::days_left(end, seven_before);
    text_of(
        &app,
        "[data-testid=days-left]",
        &format!("{left} days left"),
    )
    .await;
    world.logged("tray updated alerts=1").await;
    shot(&app, &shots, "25-trial-ending.png").await;

    click(&app, "[data-testid=nav-providers]").await;
    world.travel_to(end + chrono::Duration::hours(1));
    element(&app, "[data-testid=locked-screen]").await;
    eventually("the locked alert", WAIT, async || {
        (alerts_about("Your account is locked") == 1).then_some(())
    })
    .await;
    let out = world.cli(&["lifecycle", "run"]);
    assert!(out.contains("locked"), "{out}");
    shot(&app, &shots, "26-locked.png").await;

    // A restart raises nothing again; the next alert (deletion in 7 days) still comes.
    app.close().await;
    let app = world.open_app().await;
    click(&app, "[data-testid=nav-providers]").await;
    element(&app, "[data-testid=locked-screen]").await;
    world.travel_to(nine_on_day_before(end + chrono::Duration::days(30), 7));
    eventually("the deletion warning", WAIT, async || {
        (alerts_about("Your data is deleted in 7 days") == 1).then_some(())
    })
    .await;
    assert_eq!(
        alerts_about("Your account is locked"),
        1,
        "{:?}",
        raised(&world)
    );
    assert_eq!(alerts_about("ends in 7 days"), 1, "{:?}", raised(&world));

    // The locked screen leads to Billing; the open invoice is paid, the account is active.
    click(&app, "[data-testid=locked-go-billing]").await;
    let reference = text_of(&app, "[data-testid=payment-reference]", "97 ").await;
    let invoices = world.cli(&["invoices", "list"]);
    let amount = invoices
        .lines()
        .find(|l| l.contains(reference.trim()))
        .and_then(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            words
                .windows(2)
                .find(|w| w[1] == "EUR" && w[0].parse::<f64>().is_ok())
                .map(|w| w[0].to_owned())
        })
        .unwrap_or_else(|| panic!("the invoice for {reference} in {invoices}"));
    let out = world.cli(&[
        "payments",
        "register",
        "--reference",
        reference.trim(),
        "--amount",
        &amount,
        "--currency",
        "EUR",
    ]);
    assert!(out.contains("applied"), "{out}");
    click(&app, "[data-testid=billing-refresh]").await;
    attribute_is(&app, "[data-testid=billing-state]", "data-state", "active").await;
    click(&app, "[data-testid=nav-providers]").await;
    element(&app, "[data-testid=export-dealers]").await;
    assert!(app.find("[data-testid=locked-screen]").await.is_none());
    shot(&app, &shots, "27-unlocked.png").await;
    // Quit in the tray ends the app.
    tray_click(&world, "Quit").await;
    eventually("the app to quit from the tray", WAIT, async || {
        (x11_window("state") == "missing").then_some(())
    })
    .await;
    app.close().await;
}

const RESELLER_PASSWORD: &str = "Resell-pass-2026";

/// Saves a screenshot once the page has painted what the DOM holds (two animation frames
/// later, and after dialogs finished closing): a WebKit screenshot shows the last frame
/// painted, which can lag behind the DOM the test just checked.
async fn shot(app: &Session, dir: &Path, name: &str) {
    let _ = app
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        )
        .await;
    app.screenshot(&dir.join(name)).await.expect("screenshot");
}

/// Adds a line on the Subscribers page (`dealer_id` empty: the partner's own line).
async fn add_line(app: &Session, name: &str, mac: &str, dealer_id: &str) {
    click(app, "[data-testid=add-subscriber]").await;
    fill(app, "[data-testid=sub-name]", name).await;
    fill(
        app,
        "[data-testid=sub-line-username]",
        &name.to_lowercase().replace(' ', "."),
    )
    .await;
    fill(app, "[data-testid=sub-mac]", mac).await;
    choose(app, "[data-testid=sub-dealer]", dealer_id).await;
    click(app, "[data-testid=sub-save]").await;
    eventually("the window to close", WAIT, async || {
        app.find("[data-testid=sub-save]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
}

/// Picks an option of a `<select>` by value, as a user's choice would (a change event).
async fn choose(app: &Session, css: &str, value: &str) {
    element(app, css).await;
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; \
         el.dispatchEvent(new Event('change', {{bubbles: true}})); return el.value;"
    );
    let chosen = app.execute(&script).await.expect("script");
    assert_eq!(
        chosen.as_str(),
        Some(value),
        "{css} has an option {value:?}"
    );
}

/// How many elements match.
async fn count(app: &Session, css: &str) -> usize {
    app.execute(&format!(
        "return document.querySelectorAll({css:?}).length;"
    ))
    .await
    .ok()
    .and_then(|v| v.as_u64())
    .and_then(|n| usize::try_from(n).ok())
    .unwrap_or(0)
}

async fn sign_out(app: &Session) {
    click(app, "#logout").await;
    element(app, "#login-submit").await;
}

async fn sign_in_as(app: &Session, username: &str, password: &str) {
    fill(app, "#username", username).await;
    fill(app, "#password", password).await;
    click(app, "#login-submit").await;
    eventually("the sign-in to finish", WAIT, async || {
        app.find("#login-submit").await.is_none().then_some(())
    })
    .await;
}
