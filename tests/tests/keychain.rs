//! The app on a desktop without a usable keychain: it runs on a D-Bus session of its own
//! where no Secret Service exists (as on a desktop whose keyring is missing or locked).
//! Signing in works and the user is told once, plainly, that the sign-in could not be
//! saved; the next start says why it asks for the password again.

use std::path::Path;
use std::time::Duration;
use wpplay_e2e::process::Proc;
use wpplay_e2e::story::artifacts;
use wpplay_e2e::story::desktop::assert_display;
use wpplay_e2e::story::driver::{Driver, app_env};
use wpplay_e2e::story::ui::{click, element_within, fill, shot, text_within};
use wpplay_e2e::{eventually, server, workspace_binary};

const WAIT: Duration = Duration::from_secs(90);

/// A session bus with nothing to activate: no keyring can start on it.
async fn bare_bus(dir: &Path, artifacts: &Path) -> (Proc, String) {
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
    let address = eventually(
        "the bare D-Bus daemon to print its address",
        Duration::from_secs(30),
        async || {
            std::fs::read_to_string(&log).ok().and_then(|t| {
                t.lines()
                    .find(|l| l.starts_with("unix:"))
                    .map(str::to_owned)
            })
        },
    )
    .await;
    (bus, address)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_keychain_the_app_says_so_once_and_plainly() {
    assert_display();
    let artifacts = artifacts::shots();
    let dir = tempfile::tempdir().expect("temp dir");

    // A partner, ready to sign in (registered and its password chosen over the API).
    let server_data = dir.path().join("server");
    let (_server, port) = server::start(
        &server_data,
        &[],
        &artifacts.join("keychain-server.log"),
        WAIT,
    )
    .await;
    let server_url = server::url(port);
    let form = serde_json::json!({"package_id": 2, "company": "Keyless TV d.o.o.", "contact_person": "Ana Anić",
        "email": "keyless@example.com", "phone": "+381 64 123 4567", "country": "RS",
        "credential_delivery": "email", "no_reseller_services": false});
    let new_password = "Keyless-pass-2026";
    let partner = server::account(
        &reqwest::Client::new(),
        &server_url,
        &[&server_data],
        form,
        new_password,
        WAIT,
    )
    .await;

    // The app, on a bus where no keychain exists.
    let bus_dir = dir.path().join("bus");
    std::fs::create_dir_all(&bus_dir).expect("bus dir");
    let (_bus, address) = bare_bus(&bus_dir, &artifacts).await;
    let mut env = app_env(&dir.path().join("app"), &server_url);
    env.push(("DBUS_SESSION_BUS_ADDRESS", address));
    let driver = Driver::start(&env, &artifacts.join("keychain-tauri-driver.log"), WAIT).await;
    let app = workspace_binary("wpplay-desktop");

    let session = driver.open(&app).await;
    element_within(&session, "#username", WAIT)
        .await
        .fill(&partner.username)
        .await
        .expect("username");
    fill(&session, "#password", new_password).await;
    click(&session, "#login-submit").await;
    let notice = text_within(
        &session,
        "[data-testid=keychain-notice]",
        "could not be saved",
        WAIT,
    )
    .await;
    assert!(notice.contains("ask for your password again"), "{notice}");
    text_within(&session, "[data-testid=days-left]", "14 days left", WAIT).await;
    shot(&session, &artifacts, "keychain-01-not-saved.png").await;
    // Dismissed, it is gone: the core hands the notice out once, so later reads of the
    // dashboard (on every change the core announces) do not bring it back.
    click(&session, "[data-testid=keychain-notice] button").await;
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
    let session = driver.open(&app).await;
    text_within(&session, ".notice", "could not sign you in by itself", WAIT).await;
    shot(&session, &artifacts, "keychain-02-next-start.png").await;
    session.close().await;
}
