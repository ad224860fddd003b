//! The operator's command line, run as the real binary.

use crate::harness::{Backend, TestServer};
use std::path::Path;
use std::process::Command;

fn cli(data_dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .args(args)
        .env("WPPLAY_DATA_DIR", data_dir)
        .env_remove("WPPLAY_DATABASE_URL")
        .output()
        .expect("wpplay-server runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn the_package_catalog_is_managed_from_the_command_line() {
    let dir = tempfile::tempdir().expect("dir");
    let (ok, list) = cli(dir.path(), &["packages", "list"]);
    assert!(ok, "{list}");
    for name in ["Starter", "Business", "Enterprise"] {
        assert!(
            list.contains(name),
            "the seeded catalog lists {name}: {list}"
        );
    }
    let add = [
        "packages",
        "add",
        "--code",
        "premium",
        "--name",
        "Premium",
        "--price",
        "49.5",
        "--currency",
        "eur",
        "--max-subscribers",
        "5000",
        "--max-streams",
        "2000",
        "--feature",
        "Unlimited dealers",
    ];
    let (ok, out) = cli(dir.path(), &add);
    assert!(ok && out.contains("added package Premium"), "{out}");
    let (_, list) = cli(dir.path(), &["packages", "list"]);
    assert!(
        list.lines().any(|l| l.contains("premium")
            && l.contains("49.50")
            && l.contains("EUR")
            && l.contains("active")),
        "{list}"
    );
    let (ok, out) = cli(dir.path(), &add);
    assert!(
        !ok && out.contains("already used"),
        "a duplicate code is refused: {out}"
    );
    let (ok, out) = cli(
        dir.path(),
        &[
            "packages",
            "add",
            "--code",
            "x",
            "--name",
            "X",
            "--price",
            "abc",
            "--max-subscribers",
            "1",
            "--max-streams",
            "1",
        ],
    );
    assert!(!ok && out.contains("not a price"), "{out}");
    let (ok, out) = cli(dir.path(), &["packages", "disable", "premium"]);
    assert!(ok, "{out}");
    let (_, list) = cli(dir.path(), &["packages", "list"]);
    assert!(
        list.lines()
            .any(|l| l.contains("premium") && l.contains("disabled")),
        "{list}"
    );
    let (ok, out) = cli(dir.path(), &["packages", "disable", "nothing"]);
    assert!(!ok && out.contains("no package"), "{out}");
}

#[test]
fn config_prints_settings_with_secrets_redacted() {
    let out = Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .arg("config")
        .env(
            "WPPLAY_DATABASE_URL",
            "postgres://wp:s3cret-pw@db.example/wpplay",
        )
        .env("WPPLAY_SMTP_URL", "smtps://mailer:mail-pw@mail.example")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        !text.contains("s3cret-pw") && !text.contains("mail-pw"),
        "no secret is printed: {text}"
    );
    assert!(
        text.contains("postgres://wp:***@db.example/wpplay"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partners_and_outbox_are_listed_without_credentials() {
    let s = TestServer::start(Backend::Sqlite).await.expect("server");
    let creds = s.register("list@acme.rs").await;
    let data = s.data_dir.clone();
    let (ok, partners) = tokio::task::spawn_blocking(move || cli(&data, &["partners", "list"]))
        .await
        .expect("join");
    // The test server's clock is in March 2026 while the command reads the real one, so
    // only the stored facts are compared: the trial ends 14 days after registration.
    assert!(
        ok && partners.lines().any(|l| l.contains("list@acme.rs")
            && l.contains(&creds.username)
            && l.contains("2026-03-15")),
        "{partners}"
    );
    let data = s.data_dir.clone();
    let (ok, outbox) = tokio::task::spawn_blocking(move || cli(&data, &["outbox", "list"]))
        .await
        .expect("join");
    assert!(
        ok && outbox
            .lines()
            .any(|l| l.contains("list@acme.rs") && l.contains("sent")),
        "{outbox}"
    );
    assert!(
        !outbox.contains(&creds.password),
        "the outbox listing never shows a message body"
    );
    s.stop().await;
}
