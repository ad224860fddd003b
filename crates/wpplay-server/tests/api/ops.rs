//! Running the server in production: throttles behind a trusted proxy, HTTPS served
//! directly, metrics that move, online backups that restore, and `check`.

use crate::harness::{Backend, TestServer, start_time};
use crate::links::push;
use reqwest::StatusCode;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use wpplay_server::Settings;

/// A wrong password for a made-up user, as if from `client` through the proxy.
async fn wrong_login(s: &TestServer, n: usize, forwarded_for: &str) -> StatusCode {
    s.http
        .post(format!("{}/api/v1/auth/login", s.url))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"username": format!("nobody-{n}"), "password": "wrong-password"}))
        .send()
        .await
        .expect("the server answers")
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_wrong_passwords_block_only_their_address() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.trusted_proxies = vec!["127.0.0.1".parse().expect("a network")];
    })
    .await
    else {
        return;
    };
    // Twenty wrong passwords from one client (a new user name each, so only the address
    // counts), with a spoofed entry in front that must not matter: the twentieth blocks.
    for n in 0..19 {
        let status = wrong_login(&s, n, &format!("10.9.9.{n}, 203.0.113.7")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    assert_eq!(
        wrong_login(&s, 100, "203.0.113.7").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the twentieth wrong password blocks that address"
    );
    assert_eq!(
        wrong_login(&s, 101, "203.0.113.8").await,
        StatusCode::UNAUTHORIZED,
        "another client behind the same proxy is not"
    );
    // IPv6 clients are grouped by /64: rotating inside one network does not help.
    for n in 0..19 {
        let status = wrong_login(&s, 200 + n, &format!("2001:db8:7:7::{:x}", n + 1)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "IPv6 attempt {n}");
    }
    assert_eq!(
        wrong_login(&s, 300, "2001:db8:7:7:ffff::1").await,
        StatusCode::TOO_MANY_REQUESTS,
        "another address of the same /64 is blocked"
    );
    assert_eq!(
        wrong_login(&s, 301, "2001:db8:7:8::1").await,
        StatusCode::UNAUTHORIZED,
        "the next /64 is not"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_forwarding_headers_are_ignored() {
    let Some(s) = TestServer::start(Backend::Sqlite).await else {
        return;
    };
    for n in 0..19 {
        // Each claims to be someone else; all come from 127.0.0.1.
        let status = wrong_login(&s, n, &format!("198.51.100.{n}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    assert_eq!(
        wrong_login(&s, 99, "198.51.100.200").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a forged header does not escape the block on the real address"
    );
    s.stop().await;
}

/// A test CA and a server certificate for 127.0.0.1/localhost signed by it
/// (`tests/fixtures/test-ca.sh`, with the openssl command).
pub(crate) fn test_ca(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/test-ca.sh"
    );
    let out = Command::new("bash")
        .arg(script)
        .arg(dir)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "test-ca.sh (needs openssl): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        dir.join("ca.pem"),
        dir.join("server.pem"),
        dir.join("server.key"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_is_served_directly_with_the_configured_certificate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ca, cert, key) = test_ca(dir.path());
    let mut settings = Settings::load(None, |_| None).expect("defaults");
    settings.data_dir = dir.path().join("data");
    settings.lifecycle_interval_secs = 0;
    settings.tls_cert = Some(cert);
    settings.tls_key = Some(key);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(wpplay_server::launch(
        settings,
        listener,
        Arc::new(wpplay_domain::clock::ManualClock::new(start_time())),
        async {
            let _ = rx.await;
        },
    ));
    // A client that holds a connection open without ever finishing its handshake must
    // not stop others from being served.
    let _silent = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    let ca = reqwest::Certificate::from_pem(&std::fs::read(&ca).expect("read the CA"))
        .expect("a PEM certificate");
    let https = reqwest::Client::builder()
        .add_root_certificate(ca)
        .build()
        .expect("client");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let body = loop {
        match https
            .get(format!("https://localhost:{port}/healthz"))
            .send()
            .await
        {
            Ok(r) if r.status().is_success() => break r.text().await.expect("body"),
            other => {
                assert!(
                    std::time::Instant::now() < deadline,
                    "HTTPS /healthz did not answer within 30 s: {other:?}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    };
    assert!(body.contains("\"ok\""), "{body}");
    // Without the CA the certificate is not trusted; plain HTTP gets no answer.
    let strict = reqwest::Client::new()
        .get(format!("https://localhost:{port}/healthz"))
        .send()
        .await;
    assert!(strict.is_err(), "an unknown CA is refused by the client");
    let plain = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .expect("client")
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .send()
        .await;
    assert!(
        plain.is_err() || !plain.as_ref().is_ok_and(|r| r.status().is_success()),
        "plain HTTP is not served on the HTTPS port"
    );
    let _ = tx.send(());
    task.await
        .expect("server task")
        .expect("server ran cleanly");
}

fn metric(text: &str, name_and_labels: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name_and_labels)?.trim().parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_move_with_requests_streams_the_outbox_and_the_scheduler() {
    let Some(off) = TestServer::start(Backend::Sqlite).await else {
        return;
    };
    assert_eq!(
        off.get("/metrics", None).await.0,
        StatusCode::NOT_FOUND,
        "metrics are off unless asked for"
    );
    off.stop().await;

    // SMTP points at a closed port, so messages wait in the outbox.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.metrics = true;
        st.lifecycle_interval_secs = 3600;
        st.smtp_url = Some(wpplay_server::settings::Secret::new(format!(
            "smtp://127.0.0.1:{closed}"
        )));
    })
    .await
    else {
        return;
    };
    let scrape = || async {
        let r = s
            .http
            .get(format!("{}/metrics", s.url))
            .send()
            .await
            .expect("metrics answer");
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap_or_default()
                .starts_with("text/plain"),
            "Prometheus text"
        );
        r.text().await.expect("body")
    };
    let health = "wpplay_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}";
    let before = metric(&scrape().await, health);
    for _ in 0..3 {
        assert_eq!(s.get("/healthz", None).await.0, StatusCode::OK);
    }
    let text = scrape().await;
    assert_eq!(metric(&text, health), before + 3.0, "{text}");
    assert!(
        metric(
            &text,
            "wpplay_http_request_duration_seconds_count{method=\"GET\",route=\"/healthz\"}"
        ) >= 3.0,
        "{text}"
    );
    // Ids in paths do not become labels: the matched pattern does.
    let _ = s.get("/api/v1/partners/12345/content", None).await;
    let text = scrape().await;
    assert!(
        text.contains("route=\"/api/v1/partners/{partner_id}/content\",status=\"401\""),
        "{text}"
    );
    assert!(!text.contains("12345"), "{text}");

    // The scheduler ran its first pass at start.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let text = scrape().await;
        if metric(&text, "wpplay_lifecycle_last_pass_timestamp_seconds") > 0.0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no lifecycle pass recorded within 30 s: {text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A registration queues its credentials; SMTP is down, so they wait and age.
    let (status, body) = s
        .post(
            "/api/v1/registrations",
            None,
            crate::harness::registration("metrics@example.com"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    s.clock.advance(chrono::Duration::seconds(90));
    let text = scrape().await;
    assert!(metric(&text, "wpplay_outbox_undelivered") >= 1.0, "{text}");
    assert!(
        metric(&text, "wpplay_outbox_oldest_undelivered_age_seconds") >= 90.0,
        "{text}"
    );

    // An open event stream counts while it is open.
    assert_eq!(metric(&text, "wpplay_event_streams_open"), 0.0, "{text}");
    let (_, token) = partner_token(&s).await;
    let stream = s
        .http
        .get(format!("{}/api/v1/events", s.url))
        .bearer_auth(&token)
        .send()
        .await
        .expect("the stream opens");
    assert_eq!(
        stream
            .headers()
            .get("x-accel-buffering")
            .map(|v| v.as_bytes()),
        Some(&b"no"[..]),
        "proxies are told not to buffer the stream"
    );
    assert_eq!(metric(&scrape().await, "wpplay_event_streams_open"), 1.0);
    drop(stream);
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while metric(&scrape().await, "wpplay_event_streams_open") != 0.0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the closed stream was still counted after 30 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    s.stop().await;
}

/// A partner signed in on a server whose e-mail goes nowhere: its credentials are read
/// from the database's outbox row instead of the file outbox.
async fn partner_token(s: &TestServer) -> (String, String) {
    use sea_orm::{ColumnTrait, Database, EntityTrait, QueryFilter};
    let db = Database::connect(s.database_url.expose())
        .await
        .expect("the database opens");
    let row = wpplay_server::db::entity::message::Entity::find()
        .filter(wpplay_server::db::entity::message::Column::Recipient.eq("metrics@example.com"))
        .one(&db)
        .await
        .expect("query")
        .expect("the credentials message is queued");
    let creds = crate::harness::parse_credentials(&row.body.unwrap_or_default());
    let (status, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{login}");
    let token = login["access_token"].as_str().expect("token").to_owned();
    let (status, body) = s
        .post(
            "/api/v1/auth/password",
            Some(&token),
            json!({"current_password": creds.password, "new_password": "A-much-better-pass-42"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (creds.username, token)
}

fn server_cli(data_dir: &Path, args: &[&str]) -> (bool, String) {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_online_backup_restores_every_committed_change() {
    let Some(s) = TestServer::start(Backend::Sqlite).await else {
        return;
    };
    let (_creds, token) = s.ready_partner("backup@example.com").await;
    let s = Arc::new(s);
    // A writer adds streams without pause; each one it saw applied is committed.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (s, stop, token) = (s.clone(), stop.clone(), token.clone());
        tokio::spawn(async move {
            let mut applied = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let name = format!("Backup channel {n}");
                let m = json!({"type": "add_stream", "stream_id": uuid::Uuid::new_v4().to_string(),
                    "name": name, "category": "News", "stream_url": format!("https://cdn.example/{n}.m3u8")});
                if push(&s, &token, m).await.0 == "applied" {
                    applied.push(name);
                }
            }
            applied
        })
    };
    // Let some writes land, then back up while the writer goes on.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let committed_before = loop {
        let names = committed_streams(&s, &token).await;
        if names.len() >= 5 {
            break names;
        }
        assert!(
            !writer.is_finished() && std::time::Instant::now() < deadline,
            "the writer did not commit 5 streams within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let backup_dir = tempfile::tempdir().expect("temp dir");
    let file = backup_dir.path().join("wpplay-backup.sqlite");
    let data_dir = s.data_dir.clone();
    let f = file.clone();
    let (ok, out) = tokio::task::spawn_blocking(move || {
        server_cli(&data_dir, &["backup", f.to_str().unwrap_or("")])
    })
    .await
    .expect("backup ran");
    assert!(ok, "backup while writing: {out}");
    let (ok, out) = server_cli(&s.data_dir, &["backup", file.to_str().unwrap_or("")]);
    assert!(
        !ok && out.contains("already exists"),
        "a backup never overwrites: {out}"
    );
    stop.store(true, Ordering::Relaxed);
    let applied = writer.await.expect("writer");
    assert!(
        applied.len() >= committed_before.len(),
        "the writer kept writing"
    );

    // Restoring over a running server's data is refused.
    let (ok, out) = server_cli(&s.data_dir, &["restore", file.to_str().unwrap_or("")]);
    assert!(!ok && out.contains("stop it first"), "{out}");

    // Restore into a new data folder and serve it.
    let restored_dir = tempfile::tempdir().expect("temp dir");
    let (ok, out) = server_cli(
        restored_dir.path(),
        &["restore", file.to_str().unwrap_or("")],
    );
    assert!(ok, "restore into a new data folder: {out}");
    let (ok, out) = server_cli(restored_dir.path(), &["restore", "/etc/hostname"]);
    assert!(!ok && out.contains("not a backup"), "{out}");
    let restored_data = restored_dir.path().to_owned();
    let r = TestServer::start_with(Backend::Sqlite, |st| st.data_dir = restored_data)
        .await
        .expect("a SQLite server starts");
    // The session is in the backup too: the same token reads the restored feed.
    let restored = committed_streams(&r, &token).await;
    for name in &committed_before {
        assert!(
            restored.contains(name),
            "{name} was committed before the backup began but is missing after the restore"
        );
    }
    assert!(
        restored.iter().all(|n| applied.contains(n)),
        "nothing appears that was never committed"
    );
    r.stop().await;
    if let Ok(s) = Arc::try_unwrap(s) {
        s.stop().await;
    }
}

/// Names of the partner's streams as its feed has them.
async fn committed_streams(s: &TestServer, token: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut since = 0;
    loop {
        let (status, page) = s
            .get(
                &format!("/api/v1/sync/pull?since={since}&limit=500"),
                Some(token),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for change in page["changes"].as_array().into_iter().flatten() {
            if let Some(name) = change["data"]["name"].as_str()
                && name.starts_with("Backup channel")
            {
                names.push(name.to_owned());
            }
        }
        since = page["cursor"].as_i64().unwrap_or(since);
        if !page["has_more"].as_bool().unwrap_or(false) {
            return names;
        }
    }
}

#[test]
fn check_reports_each_part_in_one_line_and_fails_on_what_is_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, out) = server_cli(dir.path(), &["check"]);
    assert!(ok, "a default configuration is ready: {out}");
    for part in [
        "data dir:",
        "database:",
        "e-mail:",
        "sms:",
        "payment webhook:",
        "tls:",
    ] {
        assert!(out.contains(part), "{part} is reported: {out}");
    }
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let out = Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .arg("check")
        .env("WPPLAY_DATA_DIR", dir.path())
        .env("WPPLAY_SMTP_URL", format!("smtp://127.0.0.1:{closed}"))
        .env(
            "WPPLAY_DATABASE_URL",
            "postgres://postgres@127.0.0.1:1/none",
        )
        .env("WPPLAY_PAYMENT_WEBHOOK_SECRET", "short")
        .env("WPPLAY_TLS_CERT", dir.path().join("nope.pem"))
        .env("WPPLAY_TLS_KEY", dir.path().join("nope.key"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    for part in ["database:", "e-mail:", "payment webhook:", "tls:"] {
        let line = text
            .lines()
            .find(|l| l.contains(part))
            .unwrap_or_else(|| panic!("{part} is reported: {text}"));
        assert!(line.starts_with("FAIL"), "{line}");
    }
    assert!(
        text.lines()
            .find(|l| l.contains("data dir:"))
            .is_some_and(|l| l.starts_with("ok")),
        "{text}"
    );
}

#[test]
fn serve_refuses_an_empty_webhook_secret_and_an_unreadable_tls_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let serve = |extra: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wpplay-server"));
        cmd.arg("serve")
            .env("WPPLAY_DATA_DIR", dir.path())
            .env("WPPLAY_LISTEN", format!("127.0.0.1:{port}"))
            .env_remove("WPPLAY_DATABASE_URL");
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, err) = serve(&[("WPPLAY_PAYMENT_WEBHOOK_SECRET", "")]);
    assert!(!ok && err.contains("webhook secret is empty"), "{err}");
    let key = dir.path().join("key.pem");
    let (_, cert, _) = test_ca(dir.path());
    std::fs::write(&key, "not a key").expect("write");
    let (ok, err) = serve(&[
        ("WPPLAY_TLS_CERT", cert.to_str().unwrap_or("")),
        ("WPPLAY_TLS_KEY", key.to_str().unwrap_or("")),
    ]);
    assert!(!ok && err.contains("key.pem"), "{err}");
}
