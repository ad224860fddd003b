//! The desktop core against the server's own HTTPS (rustls) with a private certificate
//! authority: trusted through `WPPLAY_CA_FILE`, refused plainly without it, and plain
//! `http://` refused for anything but this computer.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;
use wpplay_clock::SystemClock;
use wpplay_desktop::commands::{LoginArgs, ServerArgs};
use wpplay_desktop::{Core, CoreConfig};
use wpplay_e2e::{eventually, free_port, server, workspace_root};

fn core(dir: &Path, ca_file: Option<PathBuf>) -> Core {
    Core::new(CoreConfig {
        ca_file,
        data_dir: dir.to_owned(),
        export_dir: dir.join("exports"),
        default_server_url: String::new(),
        keychain_service: format!("wpplay-tls-{}", std::process::id()),
        sync_interval: Duration::from_secs(3600),
        clock: Arc::new(SystemClock),
        time_zone: chrono_tz::Europe::Belgrade,
        system_locale: "en_US.UTF-8".to_owned(),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_trusts_a_private_ca_only_when_told_and_refuses_plain_http_across_the_network() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new("bash")
        .arg(workspace_root().join("tests/fixtures/test-ca.sh"))
        .arg(dir.path())
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "test-ca.sh: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ca = dir.path().join("ca.pem");
    let port = free_port();
    let artifacts = workspace_root().join("e2e-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts");
    let _server = server::spawn(
        &dir.path().join("data"),
        port,
        &[
            (
                "WPPLAY_TLS_CERT",
                dir.path().join("server.pem").display().to_string(),
            ),
            (
                "WPPLAY_TLS_KEY",
                dir.path().join("server.key").display().to_string(),
            ),
        ],
        &artifacts.join("tls-server.log"),
    );
    let url = format!("https://localhost:{port}");
    let trusting = core(&dir.path().join("trusting"), Some(ca.clone()));
    let packages = eventually(
        "the HTTPS server to list its packages",
        Duration::from_secs(60),
        async || {
            trusting
                .list_packages(ServerArgs {
                    server_url: url.clone(),
                })
                .await
                .ok()
        },
    )
    .await;
    assert!(!packages.is_empty(), "the catalog came over HTTPS");
    let wrong = trusting
        .login(LoginArgs {
            server_url: url.clone(),
            username: "nobody".into(),
            password: "wrong-password".into(),
        })
        .await
        .expect_err("a wrong password");
    assert_ne!(
        wrong.code, "offline",
        "the sign-in reached the server: {wrong:?}"
    );

    let stranger = core(&dir.path().join("stranger"), None);
    let err = stranger
        .list_packages(ServerArgs {
            server_url: url.clone(),
        })
        .await
        .expect_err("an unknown CA is not trusted");
    assert_eq!(err.code, "untrusted_certificate", "{err:?}");
    assert!(err.message.contains("WPPLAY_CA_FILE"), "{}", err.message);

    let broken = core(
        &dir.path().join("broken"),
        Some(dir.path().join("missing.pem")),
    );
    let err = broken
        .list_packages(ServerArgs {
            server_url: url.clone(),
        })
        .await
        .expect_err("a CA file that is not there");
    assert_eq!(err.code, "ca_file_unreadable", "{err:?}");
    assert!(err.message.contains("missing.pem"), "{}", err.message);

    let err = trusting
        .list_packages(ServerArgs {
            server_url: "http://192.0.2.10:8750".into(),
        })
        .await
        .expect_err("plain http across the network");
    assert_eq!(err.code, "insecure_server_url", "{err:?}");
}
