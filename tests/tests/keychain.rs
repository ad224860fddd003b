//! The app on a desktop without a usable keychain: it runs on a D-Bus session of its own
//! where no Secret Service exists (as on a desktop whose keyring is missing or locked).
//! Signing in works and the user is told once, plainly, that the sign-in could not be
//! saved; the next start says why it asks for the password again.

use std::path::Path;
use std::time::Duration;
use wpplay_e2e::process::Proc;
use wpplay_e2e::webdriver::Session;
use wpplay_e2e::{
    driver_ports, eventually, free_port, tauri_driver, workspace_binary, workspace_root,
};

const WAIT: Duration = Duration::from_secs(90);

/// A session bus with nothing to activate: no keyring can start on it.
fn bare_bus(dir: &Path, artifacts: &Path) -> (Proc, String) {
    let conf = dir.join("bus.conf");
    std::fs::write(
        &conf,
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
            dir.display()
        ),
    )
    .expect("write the bus config");
    let log = artifacts.join("keychain-bus.log");
    let bus = Proc::spawn(
        "dbus-daemon",
        Path::new("/usr/bin/dbus-daemon"),
        &[
            &format!("--config-file={}", conf.display()),
            "--nofork",
            "--print-address",
        ],
        &[],
        &log,
    );
    let address = std::iter::repeat_with(|| {
        std::thread::sleep(Duration::from_millis(100));
        std::fs::read_to_string(&log).ok().and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("unix:"))
                .map(str::to_owned)
        })
    })
    .take(300)
    .flatten()
    .next()
    .expect("the bare D-Bus daemon printed its address within 30 s");
    (bus, address)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_keychain_the_app_says_so_once_and_plainly() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no display: run this through scripts/with-desktop-session.sh --xvfb"
    );
    let artifacts = workspace_root().join("e2e-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts folder");
    let dir = tempfile::tempdir().expect("temp dir");

    // A partner, ready to sign in (registered and its password chosen over the API).
    let port = free_port();
    let server_url = format!("http://127.0.0.1:{port}");
    let server_data = dir.path().join("server");
    let _server = Proc::spawn(
        "wpplay-server",
        &workspace_binary("wpplay-server"),
        &["serve"],
        &[
            ("WPPLAY_DATA_DIR", server_data.display().to_string()),
            ("WPPLAY_LISTEN", format!("127.0.0.1:{port}")),
        ],
        &artifacts.join("keychain-server.log"),
    );
    let http = reqwest::Client::new();
    eventually("the server to answer /healthz", WAIT, async || {
        http.get(format!("{server_url}/healthz"))
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success())
            .map(|_| ())
    })
    .await;
    let form = serde_json::json!({"package_id": 2, "company": "Keyless TV d.o.o.", "contact_person": "Ana Anić",
        "email": "keyless@example.com", "phone": "+381 64 123 4567", "country": "RS",
        "credential_delivery": "email", "no_reseller_services": false});
    let r = http
        .post(format!("{server_url}/api/v1/registrations"))
        .json(&form)
        .send()
        .await
        .expect("register");
    assert_eq!(r.status().as_u16(), 201);
    let (username, password) = eventually("the credentials e-mail", WAIT, async || {
        std::fs::read_dir(server_data.join("outbox"))
            .ok()?
            .flatten()
            .find_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                let field = |name: &str| {
                    text.lines().find_map(|l| {
                        l.trim()
                            .strip_prefix(&format!("{name}: "))
                            .map(str::to_owned)
                    })
                };
                Some((field("Username")?, field("Password")?))
            })
    })
    .await;
    let login: serde_json::Value = http
        .post(format!("{server_url}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json");
    let token = login["access_token"].as_str().expect("token");
    let new_password = "Keyless-pass-2026";
    let r = http
        .post(format!("{server_url}/api/v1/auth/password"))
        .bearer_auth(token)
        .json(&serde_json::json!({"current_password": password, "new_password": new_password}))
        .send()
        .await
        .expect("password");
    assert_eq!(r.status().as_u16(), 200);

    // The app, on a bus where no keychain exists.
    let bus_dir = dir.path().join("bus");
    std::fs::create_dir_all(&bus_dir).expect("bus dir");
    let (_bus, address) = bare_bus(&bus_dir, &artifacts);
    let data = dir.path().join("app");
    let (driver_port, native_port) = driver_ports();
    let driver_log = artifacts.join("keychain-tauri-driver.log");
    let _driver = Proc::spawn(
        "tauri-driver",
        &tauri_driver(),
        &[
            "--port",
            &driver_port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ],
        &[
            ("DBUS_SESSION_BUS_ADDRESS", address),
            ("WPPLAY_SERVER_URL", server_url.clone()),
            ("WPPLAY_DESKTOP_DATA_DIR", data.display().to_string()),
            ("XDG_DATA_HOME", data.join("xdg-data").display().to_string()),
            (
                "XDG_CONFIG_HOME",
                data.join("xdg-config").display().to_string(),
            ),
        ],
        &driver_log,
    );
    let driver_url = format!("http://127.0.0.1:{driver_port}");
    eventually("tauri-driver to listen", WAIT, async || {
        reqwest::get(format!("{driver_url}/status"))
            .await
            .ok()
            .map(|_| ())
    })
    .await;
    let app = workspace_binary("wpplay-desktop");
    let open = async || match Session::start(&driver_url, &app).await {
        Ok(s) => s,
        Err(e) => panic!(
            "the app did not start under WebDriver: {e}\n--- tauri-driver log ---\n{}",
            std::fs::read_to_string(&driver_log).unwrap_or_default()
        ),
    };
    let text_of = async |session: &Session, css: &str, expected: &str| -> String {
        eventually(&format!("{css} to say \"{expected}\""), WAIT, async || {
            let text = session.find(css).await?.text().await.ok()?;
            text.contains(expected).then_some(text)
        })
        .await
    };

    let session = open().await;
    let field = eventually("the sign-in form", WAIT, async || {
        session.find("#username").await
    })
    .await;
    field.fill(&username).await.expect("username");
    session
        .find("#password")
        .await
        .expect("password field")
        .fill(new_password)
        .await
        .expect("password");
    session
        .find("#login-submit")
        .await
        .expect("sign in")
        .click()
        .await
        .expect("click");
    let notice = text_of(
        &session,
        "[data-testid=keychain-notice]",
        "could not be saved",
    )
    .await;
    assert!(notice.contains("ask for your password again"), "{notice}");
    text_of(&session, "[data-testid=days-left]", "14 days left").await;
    let _ = session
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        )
        .await;
    session
        .screenshot(&artifacts.join("keychain-01-not-saved.png"))
        .await
        .expect("screenshot");
    // Dismissed, it is gone: the core hands the notice out once, so later reads of the
    // dashboard (on every change the core announces) do not bring it back.
    session
        .find("[data-testid=keychain-notice] button")
        .await
        .expect("Dismiss")
        .click()
        .await
        .expect("click");
    eventually("the keychain notice to go", WAIT, async || {
        session
            .find("[data-testid=keychain-notice]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    session.close().await;

    // The next start cannot sign in by itself, and says why.
    let session = open().await;
    text_of(&session, ".notice", "could not sign you in by itself").await;
    session
        .screenshot(&artifacts.join("keychain-02-next-start.png"))
        .await
        .expect("screenshot");
    session.close().await;
}
