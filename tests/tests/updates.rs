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
use wpplay_e2e::story::artifacts;
use wpplay_e2e::story::desktop::assert_display;
use wpplay_e2e::story::driver::{Driver, app_env};
use wpplay_e2e::story::ui::{click, shot, text_within};
use wpplay_e2e::{installer, run, server, workspace_binary};

const WAIT: Duration = Duration::from_secs(90);

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_installed_app_is_offered_a_newer_signed_build_verifies_it_and_refuses_a_foreign_one() {
    assert_display();
    let artifacts = artifacts::shots();
    let dir = tempfile::tempdir().expect("temp dir");
    let deb = installer("linux-x86_64-deb", "deb");
    let root = dir.path().join("root");
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
    let app = root.join("usr/bin/wpplay-desktop");

    // The server, and two "newer builds": one signed with the app's key, one not.
    let server_data = dir.path().join("server");
    let (_server, port) = server::start(
        &server_data,
        &[],
        &artifacts.join("updates-server.log"),
        WAIT,
    )
    .await;
    let server_url = server::url(port);
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
    let mut env = app_env(&dir.path().join("app"), &server_url);
    env.extend([
        ("WPPLAY_DEBUG_UPDATER_PUBKEY", public_key),
        ("WPPLAY_DEBUG_UPDATE_NO_INSTALL", "1".to_owned()),
    ]);
    let driver = Driver::start(&env, &artifacts.join("updates-tauri-driver.log"), WAIT).await;

    let session = driver.open(&app).await;
    let banner = text_within(
        &session,
        "[data-testid=update-available]",
        "Version 0.2.0 is available",
        WAIT,
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
    shot(&session, &artifacts, "update-01-available.png").await;
    click(&session, "[data-testid=install-update]").await;
    text_within(
        &session,
        "[data-testid=update-verified]",
        "signature checked",
        WAIT,
    )
    .await;
    shot(&session, &artifacts, "update-02-verified.png").await;
    session.close().await;

    // A newer build signed with a key that is not the app's is refused, and said so.
    let foreign = dir
        .path()
        .join("WP-Play-Partner-Desk_0.3.0_linux-x86_64-deb.deb");
    std::fs::copy(&deb, &foreign).expect("copy the build");
    release(&foreign, "0.3.0", &sign(&foreign, &theirs));
    let session = driver.open(&app).await;
    text_within(
        &session,
        "[data-testid=update-available]",
        "Version 0.3.0 is available",
        WAIT,
    )
    .await;
    click(&session, "[data-testid=install-update]").await;
    let refusal = text_within(
        &session,
        "[data-testid=update-error]",
        "not signed by WP Play",
        WAIT,
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
    shot(&session, &artifacts, "update-03-foreign-refused.png").await;
    session.close().await;
}
