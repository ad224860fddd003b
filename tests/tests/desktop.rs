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
use wpplay_e2e::{eventually, free_port, workspace_binary, workspace_root};

const WAIT: Duration = Duration::from_secs(30);

struct World {
    server_url: String,
    server_data: PathBuf,
    server: Proc,
    driver_url: String,
    _driver: Proc,
    app: PathBuf,
    artifacts: PathBuf,
    _dirs: Vec<tempfile::TempDir>,
}

fn tauri_driver() -> PathBuf {
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
    from_path.or(from_cargo).expect("tauri-driver is installed (the README's test command runs `cargo install tauri-driver --locked`)")
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
        let server = Self::spawn_server(&server_data, port, &artifacts);
        eventually("the server to answer /healthz", WAIT, async || {
            healthy(&server_url).await
        })
        .await;

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
            _dirs: vec![server_dir, app_dir],
        }
    }

    fn spawn_server(data: &Path, port: u16, artifacts: &Path) -> Proc {
        Proc::spawn(
            "wpplay-server",
            &workspace_binary("wpplay-server"),
            &["serve"],
            &[
                ("WPPLAY_DATA_DIR", data.display().to_string()),
                ("WPPLAY_LISTEN", format!("127.0.0.1:{port}")),
            ],
            &artifacts.join("server.log"),
        )
    }

    async fn open_app(&self) -> Session {
        Session::start(&self.driver_url, &self.app)
            .await
            .expect("the app starts under WebDriver")
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

async fn click(app: &Session, css: &str) {
    element(app, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
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
    app.screenshot(&shots.join("01-registration-form.png"))
        .await
        .expect("screenshot");
    click(&app, "#register-submit").await;
    text_of(
        &app,
        "[data-testid=registration-done]",
        "j*****@deskmedia.rs",
    )
    .await;
    app.screenshot(&shots.join("02-registration-done.png"))
        .await
        .expect("screenshot");

    // The credentials arrive in the server's outbox (no SMTP configured).
    let (username, password) = eventually("the credentials e-mail", WAIT, async || {
        world.credentials("jelena@deskmedia.rs")
    })
    .await;

    // Sign in with them; the app insists on a new password first.
    click(&app, "#go-login").await;
    fill(&app, "#username", &username).await;
    fill(&app, "#password", "not-the-password").await;
    click(&app, "#login-submit").await;
    text_of(&app, "[data-testid=form-error]", "not right").await;
    fill(&app, "#password", &password).await;
    click(&app, "#login-submit").await;
    fill(&app, "#current-password", &password).await;
    fill(&app, "#new-password", "Jelena-Desk-2026").await;
    fill(&app, "#confirm-password", "Jelena-Desk-2026").await;
    app.screenshot(&shots.join("03-change-password.png"))
        .await
        .expect("screenshot");
    click(&app, "#change-password-submit").await;

    // The dashboard, from the local replica.
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    text_of(&app, "[data-testid=package-name]", "Business").await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    app.screenshot(&shots.join("04-dashboard.png"))
        .await
        .expect("screenshot");

    // Restart the app: the keychain signs it in without the login screen.
    app.close().await;
    let app = world.open_app().await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    assert!(
        app.find("#login-submit").await.is_none(),
        "a restart goes straight to the dashboard"
    );
    app.screenshot(&shots.join("05-dashboard-after-restart.png"))
        .await
        .expect("screenshot");

    // Stop the server: the dashboard stays, marked offline.
    world.server.kill();
    attribute_is(&app, "[data-testid=sync-indicator]", "data-online", "false").await;
    text_of(&app, "[data-testid=sync-indicator]", "Offline").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    app.screenshot(&shots.join("06-dashboard-offline.png"))
        .await
        .expect("screenshot");

    // An edit made offline waits, then syncs when the server is back.
    fill(&app, "#profile-contact", "Jelena J.").await;
    click(&app, "#profile-save").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "1").await;
    app.screenshot(&shots.join("07-edit-waiting-offline.png"))
        .await
        .expect("screenshot");

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
    app.screenshot(&shots.join("08-dealer-added-offline.png"))
        .await
        .expect("screenshot");
    let port = world
        .server_url
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    world.server = World::spawn_server(&world.server_data, port, &world.artifacts);
    eventually("the server to come back", WAIT, async || {
        healthy(&world.server_url).await
    })
    .await;
    click(&app, "#sync-now").await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "0").await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "synced").await;
    app.screenshot(&shots.join("09-providers-synced.png"))
        .await
        .expect("screenshot");
    app.close().await;

    // The dealer signs in with the username and password the partner chose, on the server.
    let login = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/login", world.server_url))
        .json(&serde_json::json!({"username": "marko.shop", "password": "Dealer-pass-2026"}))
        .send()
        .await
        .expect("server reachable");
    assert_eq!(
        login.status(),
        reqwest::StatusCode::OK,
        "the dealer added offline can sign in"
    );
}
