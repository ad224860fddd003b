//! The app updates itself from its own server: the `.deb` the test command built is
//! unpacked and started; the server offers a newer build signed with the app's key, the
//! app shows "Version 0.2.0 is available — Install and restart", downloads it and
//! verifies the signature; a build signed with another key is refused with a clear
//! message. Installing the package itself needs root through a polkit prompt, which a
//! test machine cannot answer: this debug build stops after the verified download
//! (`WPPLAY_DEBUG_UPDATE_NO_INSTALL`), and its public key is the test's own
//! (`WPPLAY_DEBUG_UPDATER_PUBKEY`); release builds ignore both.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use wpplay_e2e::process::Proc;
use wpplay_e2e::webdriver::Session;
use wpplay_e2e::{
    driver_ports, eventually, free_port, tauri_driver, workspace_binary, workspace_root,
};

const WAIT: Duration = Duration::from_secs(90);

fn run(cmd: &mut Command) -> String {
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

fn cargo_tauri() -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("tauri");
    cmd
}

/// A minisign key pair made by the Tauri CLI: (private key file, public key).
fn key_pair(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    run(cargo_tauri()
        .args(["signer", "generate", "--ci", "-p", "", "-w"])
        .arg(&key));
    let public = std::fs::read_to_string(dir.join(format!("{name}.pub"))).expect("the public key");
    (key, public.trim().to_owned())
}

/// Signs `file` with `key`; the signature's content.
fn sign(file: &Path, key: &Path) -> PathBuf {
    run(cargo_tauri()
        .args(["signer", "sign", "-p", "", "-f"])
        .arg(key)
        .arg(file));
    let sig = PathBuf::from(format!("{}.sig", file.display()));
    assert!(sig.exists(), "{} was written", sig.display());
    sig
}

fn the_deb() -> PathBuf {
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_root().join("src-tauri/tauri.conf.json"))
            .expect("the Tauri config"),
    )
    .expect("JSON");
    let v = conf["version"].as_str().expect("a version");
    let deb = workspace_root().join(format!(
        "dist/desktop/{v}/WP-Play-Partner-Desk_{v}_linux-x86_64-deb.deb"
    ));
    assert!(
        deb.exists(),
        "{} is missing: run `scripts/release.sh --debug --bundles deb,rpm` first (the README's test command does)",
        deb.display()
    );
    deb
}

async fn shot(app: &Session, path: &Path) {
    let _ = app
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        )
        .await;
    app.screenshot(path).await.expect("screenshot");
}

async fn text_contains(app: &Session, css: &str, expected: &str) -> String {
    eventually(&format!("{css} to say \"{expected}\""), WAIT, async || {
        let text = app.find(css).await?.text().await.ok()?;
        text.contains(expected).then_some(text)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_installed_app_is_offered_a_newer_signed_build_verifies_it_and_refuses_a_foreign_one() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no display: run this through scripts/with-desktop-session.sh --xvfb"
    );
    let artifacts = workspace_root().join("e2e-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts folder");
    let dir = tempfile::tempdir().expect("temp dir");
    let deb = the_deb();
    let root = dir.path().join("root");
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
    let app = root.join("usr/bin/wpplay-desktop");

    // The server, and two "newer builds": one signed with the app's key, one not.
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
        &artifacts.join("updates-server.log"),
    );
    eventually("the server to answer /healthz", WAIT, async || {
        reqwest::get(format!("{server_url}/healthz"))
            .await
            .ok()
            .filter(|r| r.status().is_success())
            .map(|_| ())
    })
    .await;
    let (ours, public_key) = key_pair(dir.path(), "ours.key");
    let (theirs, _) = key_pair(dir.path(), "theirs.key");
    let release = |file: &Path, version: &str, sig: &Path| {
        run(Command::new(workspace_binary("wpplay-server"))
            .args(["releases", "add"])
            .arg(file)
            .args([
                "--version",
                version,
                "--target",
                "linux-x86_64-deb",
                "--signature",
            ])
            .arg(sig)
            .args(["--notes", "Faster first sync"])
            .env("WPPLAY_DATA_DIR", &server_data));
    };
    let good = dir
        .path()
        .join("WP-Play-Partner-Desk_0.2.0_linux-x86_64-deb.deb");
    std::fs::copy(&deb, &good).expect("copy the build");
    release(&good, "0.2.0", &sign(&good, &ours));

    // The installed app, told to trust the test's key.
    let data = dir.path().join("app");
    let (driver_port, native_port) = driver_ports();
    let driver_log = artifacts.join("updates-tauri-driver.log");
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
            ("WPPLAY_SERVER_URL", server_url.clone()),
            ("WPPLAY_DESKTOP_DATA_DIR", data.display().to_string()),
            ("XDG_DATA_HOME", data.join("xdg-data").display().to_string()),
            (
                "XDG_CONFIG_HOME",
                data.join("xdg-config").display().to_string(),
            ),
            ("WPPLAY_DEBUG_UPDATER_PUBKEY", public_key),
            ("WPPLAY_DEBUG_UPDATE_NO_INSTALL", "1".to_owned()),
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
    let open = async || match Session::start(&driver_url, &app).await {
        Ok(s) => s,
        Err(e) => panic!(
            "the installed app did not start under WebDriver: {e}\n--- tauri-driver log ---\n{}",
            std::fs::read_to_string(&driver_log).unwrap_or_default()
        ),
    };

    let session = open().await;
    let banner = text_contains(
        &session,
        "[data-testid=update-available]",
        "Version 0.2.0 is available",
    )
    .await;
    assert!(
        banner.contains("Faster first sync"),
        "the notes are shown: {banner}"
    );
    assert!(
        session.find("#username").await.is_some(),
        "offered on the sign-in screen, before anyone signs in"
    );
    shot(&session, &artifacts.join("update-01-available.png")).await;
    session
        .find("[data-testid=install-update]")
        .await
        .expect("the Install and restart button")
        .click()
        .await
        .expect("click");
    text_contains(
        &session,
        "[data-testid=update-verified]",
        "signature checked",
    )
    .await;
    shot(&session, &artifacts.join("update-02-verified.png")).await;
    session.close().await;

    // A newer build signed with a key that is not the app's is refused, and said so.
    let foreign = dir
        .path()
        .join("WP-Play-Partner-Desk_0.3.0_linux-x86_64-deb.deb");
    std::fs::copy(&deb, &foreign).expect("copy the build");
    release(&foreign, "0.3.0", &sign(&foreign, &theirs));
    let session = open().await;
    text_contains(
        &session,
        "[data-testid=update-available]",
        "Version 0.3.0 is available",
    )
    .await;
    session
        .find("[data-testid=install-update]")
        .await
        .expect("the Install and restart button")
        .click()
        .await
        .expect("click");
    let refusal = text_contains(
        &session,
        "[data-testid=update-error]",
        "not signed by WP Play",
    )
    .await;
    assert!(refusal.contains("unchanged"), "{refusal}");
    assert!(
        session
            .find("[data-testid=update-verified]")
            .await
            .is_none(),
        "nothing is verified for the foreign build"
    );
    shot(&session, &artifacts.join("update-03-foreign-refused.png")).await;
    session.close().await;
}
