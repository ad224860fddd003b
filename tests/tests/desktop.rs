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
    notifications: PathBuf,
    _notifier: Proc,
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
            notifications,
            _notifier: notifier,
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

/// A reseller registered, signed in and with its own password, over the real API.
async fn reseller(world: &World, email: &str) -> String {
    let http = reqwest::Client::new();
    let url = &world.server_url;
    let company = format!("Resell {}", email.split('@').next().unwrap_or("co"));
    let form = serde_json::json!({"role": "reseller", "company": company, "contact_person": "Rade", "email": email,
        "phone": "+381 21 555 1234", "country": "RS", "credential_delivery": "email"});
    let r = http
        .post(format!("{url}/api/v1/registrations"))
        .json(&form)
        .send()
        .await
        .expect("register");
    assert_eq!(r.status(), reqwest::StatusCode::CREATED);
    let (user, pw) = eventually("the reseller's credentials", WAIT, async || {
        world.credentials(email)
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
        .json(&serde_json::json!({"current_password": pw, "new_password": "Resell-pass-2026"}))
        .send()
        .await
        .expect("password");
    assert_eq!(r.status(), reqwest::StatusCode::OK);
    token
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
    let first_request = request_partner(&world, &first, partner_id).await;
    eventually("the native notification of the request", WAIT, async || {
        let r = raised(&world);
        (r.len() == 1 && r[0].starts_with("New Request for Partner: Resell rade")).then_some(())
    })
    .await;
    app.close().await;

    // While the app is closed another request arrives: after the restart it is raised once,
    // and the one already shown is not repeated.
    let second = reseller(&world, "mila@resell.rs").await;
    let _second_request = request_partner(&world, &second, partner_id).await;
    let app = world.open_app().await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    eventually(
        "the notification of the request that came while closed",
        WAIT,
        async || (raised(&world).len() == 2).then_some(()),
    )
    .await;
    app.screenshot(&shots.join("10-after-restart-with-requests.png"))
        .await
        .expect("screenshot");
    let all = raised(&world);
    assert!(
        all.len() == 2 && all[0].contains("Resell rade") && all[1].contains("Resell mila"),
        "each request raised once, the first not repeated on restart: {all:?}"
    );

    // The partner accepts the first request on the Resellers page; the reseller gets the content.
    push(
        &world,
        &partner_token,
        serde_json::json!({"type": "add_stream", "stream_id": uuid_like(), "name": "Sport 1 HD",
        "category": "Sport", "stream_url": "https://cdn.example/sport1.m3u8"}),
    )
    .await;
    let content = format!("/api/v1/partners/{partner_id}/content");
    assert_eq!(
        get(&world, &first, &content).await.0,
        reqwest::StatusCode::FORBIDDEN,
        "no content before the partner accepts"
    );
    click(&app, "[data-testid=nav-resellers]").await;
    let row = format!("[data-testid=request-row][data-request-id=\"{first_request}\"]");
    element(&app, &row).await;
    app.screenshot(&shots.join("11-resellers-requests.png"))
        .await
        .expect("screenshot");
    click(&app, &format!("{row} [data-testid=request-accept]")).await;
    let (_, me) = get(&world, &first, "/api/v1/me").await;
    let first_id = me["account_id"].as_i64().expect("reseller id");
    let link = format!("[data-testid=link-row][data-reseller-id=\"{first_id}\"]");
    element(&app, &link).await;
    eventually("the reseller to see the content", WAIT, async || {
        let (status, body) = get(&world, &first, &content).await;
        (status == reqwest::StatusCode::OK && body[0]["name"] == "Sport 1 HD").then_some(())
    })
    .await;
    app.screenshot(&shots.join("12-resellers-linked.png"))
        .await
        .expect("screenshot");

    // Remove My Reseller: a reason is required; both sides are told; the content closes.
    click(&app, &format!("{link} [data-testid=link-remove]")).await;
    fill(&app, "#remove-reason", "Contract ended").await;
    click(&app, "#remove-confirm").await;
    eventually("the link to go", WAIT, async || {
        app.find(&link).await.is_none().then_some(())
    })
    .await;
    assert_eq!(
        get(&world, &first, &content).await.0,
        reqwest::StatusCode::FORBIDDEN,
        "access ends with the link"
    );
    let (_, feed) = get(&world, &first, "/api/v1/sync/pull?since=0").await;
    let told = feed["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["entity"] == "notification" && c["data"]["kind"] == "reseller_removed");
    assert!(told, "the reseller is notified: {feed}");
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
    app.screenshot(&shots.join("13-reseller-removed.png"))
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
