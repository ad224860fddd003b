//! Production's shape: nginx (Debian's package) in front of two `wpplay-server` processes
//! on one PostgreSQL, with the README's site configuration (`tests/fixtures/nginx.conf`).
//! Clients come from different loopback addresses (127.0.0.2, 127.0.0.3, …), so the
//! servers see them only through nginx's `X-Forwarded-For`.

use serde_json::{Value, json};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use wpplay_e2e::process::Proc;
use wpplay_e2e::server::{self, healthy, new_id};
use wpplay_e2e::{eventually, free_port, workspace_root};

const WAIT: Duration = Duration::from_secs(60);

struct Site {
    url: String,
    servers: Vec<(Proc, u16, PathBuf)>,
    database_url: String,
    logs: PathBuf,
    _nginx: Proc,
    _dir: tempfile::TempDir,
}

/// A fresh PostgreSQL database, or `None` (said loudly) when PostgreSQL is unreachable.
fn fresh_database() -> Option<String> {
    let psql = |sql: &str| {
        Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "test",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ])
            .output()
    };
    match psql("SELECT 1") {
        Ok(o) if o.status.success() => {}
        other => {
            eprintln!(
                "\n*** SKIPPED: PostgreSQL at 127.0.0.1:5432 is unreachable ({other:?}); the reverse-proxy suite did not run ***\n"
            );
            return None;
        }
    }
    let name = format!("wpplay_proxy_{}", std::process::id());
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        let out = psql(&sql).expect("psql runs");
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Some(format!("postgres://postgres@127.0.0.1:5432/{name}"))
}

/// A server's environment behind nginx, on the site's database.
fn server_env(database_url: &str) -> [(&'static str, String); 4] {
    [
        ("WPPLAY_DATABASE_URL", database_url.to_owned()),
        ("WPPLAY_TRUSTED_PROXIES", "127.0.0.1".to_owned()),
        ("WPPLAY_LIFECYCLE_INTERVAL_SECS", "0".to_owned()),
        ("WPPLAY_LOG_FORMAT", "json".to_owned()),
    ]
}

impl Site {
    async fn start() -> Option<Self> {
        let database_url = fresh_database()?;
        let dir = tempfile::tempdir().expect("temp dir");
        let logs = workspace_root().join("e2e-artifacts/proxy");
        std::fs::create_dir_all(&logs).expect("logs folder");
        let mut servers = Vec::new();
        for name in ["a", "b"] {
            let data = dir.path().join(format!("data-{name}"));
            let (proc, port) = server::start(
                &data,
                &server_env(&database_url),
                &logs.join(format!("server-{name}.log")),
                WAIT,
            )
            .await;
            servers.push((proc, port, data));
        }
        let prefix = dir.path().join("nginx");
        std::fs::create_dir_all(&prefix).expect("nginx prefix");
        let listen = free_port();
        let mut conf = std::fs::read_to_string(workspace_root().join("tests/fixtures/nginx.conf"))
            .expect("the nginx fixture")
            .replace("{PREFIX}", &prefix.display().to_string())
            .replace("{LISTEN}", &format!("127.0.0.1:{listen}"))
            .replace("{UPSTREAM_A}", &format!("127.0.0.1:{}", servers[0].1))
            .replace("{UPSTREAM_B}", &format!("127.0.0.1:{}", servers[1].1));
        if running_as_root() {
            // Workers would otherwise run as nobody, who cannot enter the test's folders.
            conf = format!("user root;\n{conf}");
        }
        let conf_path = prefix.join("nginx.conf");
        std::fs::write(&conf_path, conf).expect("write nginx.conf");
        let nginx = Proc::spawn(
            "nginx",
            Path::new("/usr/sbin/nginx"),
            &[
                "-p",
                &prefix.display().to_string(),
                "-c",
                &conf_path.display().to_string(),
            ],
            &[],
            &logs.join("nginx.log"),
        );
        let url = server::url(listen);
        eventually("nginx to pass /healthz through", WAIT, async || {
            healthy(&url).await
        })
        .await;
        Some(Self {
            url,
            servers,
            database_url,
            logs,
            _nginx: nginx,
            _dir: dir,
        })
    }

    /// Restarts server `i` (graceful stop, then start again on the same port).
    async fn restart(&mut self, i: usize) {
        let (proc, port, data) = &mut self.servers[i];
        let pid = proc.pid();
        let _ = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
        eventually(
            &format!("server {i} to stop on SIGTERM"),
            WAIT,
            async || (!proc.is_running()).then_some(()),
        )
        .await;
        let port = *port;
        *proc = server::spawn(
            data,
            port,
            &server_env(&self.database_url),
            &self.logs.join(format!("server-{i}-restarted.log")),
        );
        eventually(&format!("server {i} to answer again"), WAIT, async || {
            healthy(&server::url(port)).await
        })
        .await;
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(name) = self.database_url.rsplit('/').next() {
            let _ = Command::new("psql")
                .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c"])
                .arg(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .output();
        }
    }
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// An HTTP client whose connections come from `from` (an address of 127.0.0.0/8).
fn client_from(from: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(from.parse::<IpAddr>().expect("an address"))
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

async fn post(http: &reqwest::Client, url: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut req = http.post(url).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    match req.send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            (status, r.json().await.unwrap_or(Value::Null))
        }
        Err(e) => (0, json!({"error": e.to_string()})),
    }
}

/// Registers a partner through the site, signs in and replaces the password; the
/// sign-in's token. The credentials come from whichever server delivered them.
async fn ready_partner(site: &Site, http: &reqwest::Client, email: &str) -> String {
    let form = json!({"package_id": 2, "company": "Proxy TV d.o.o.", "contact_person": "Ana Anić",
        "email": email, "phone": "+381 64 123 4567", "country": "RS",
        "credential_delivery": "email", "no_reseller_services": false});
    let outboxes: Vec<&Path> = site
        .servers
        .iter()
        .map(|(_, _, data)| data.as_path())
        .collect();
    server::account(
        http,
        &site.url,
        &outboxes,
        form,
        "A-much-better-pass-42",
        WAIT,
    )
    .await
    .token
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_behind_nginx_throttle_by_client_stream_at_once_and_survive_a_restart() {
    let Some(mut site) = Site::start().await else {
        return;
    };

    // Wrong passwords from one client address block that address only.
    let mallory = client_from("127.0.0.2");
    let alice = client_from("127.0.0.3");
    let login = format!("{}/api/v1/auth/login", site.url);
    for n in 0..19 {
        let (status, body) = post(
            &mallory,
            &login,
            None,
            json!({"username": format!("guess-{n}"), "password": "wrong-password"}),
        )
        .await;
        assert_eq!(status, 401, "attempt {n}: {body}");
    }
    let (status, _) = post(
        &mallory,
        &login,
        None,
        json!({"username": "guess-x", "password": "wrong"}),
    )
    .await;
    assert_eq!(status, 429, "the twentieth wrong password blocks 127.0.0.2");
    let (status, _) = post(
        &alice,
        &login,
        None,
        json!({"username": "someone", "password": "wrong"}),
    )
    .await;
    assert_eq!(
        status, 401,
        "127.0.0.3, behind the same nginx, is not blocked"
    );

    // The event stream passes through nginx unbuffered: a change made through the
    // site (either server) reaches the stream at once.
    let token = ready_partner(&site, &alice, "proxy@example.com").await;
    let mut stream = alice
        .get(format!("{}/api/v1/events", site.url))
        .bearer_auth(&token)
        .timeout(Duration::from_secs(3600))
        .send()
        .await
        .expect("the event stream opens through nginx");
    assert_eq!(stream.status().as_u16(), 200);
    let mut seen = String::new();
    let ready_by = Instant::now() + WAIT;
    while !seen.contains("event: ready") {
        let left = ready_by.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.chunk()).await {
            Ok(Ok(Some(chunk))) => seen.push_str(&String::from_utf8_lossy(&chunk)),
            other => panic!("no `ready` event through nginx within 60 s: {other:?}; got {seen:?}"),
        }
    }
    let client_id = new_id();
    let pushed = Instant::now();
    push_until_applied(&alice, &site.url, &token, &client_id, 1, "Live 1").await;
    let mut after = String::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !after.contains("event: changed") {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.chunk()).await {
            Ok(Ok(Some(chunk))) => after.push_str(&String::from_utf8_lossy(&chunk)),
            other => panic!(
                "the change did not come through nginx within 10 s (buffered?): {other:?}; got {after:?}"
            ),
        }
    }
    let latency = pushed.elapsed();
    eprintln!("a change reached the client through nginx {latency:?} after the push was answered");
    drop(stream);

    // One server restarts while two clients push and pull through nginx: every edit is
    // applied exactly once and both clients read the same feed.
    let stop = Arc::new(AtomicBool::new(false));
    let applied = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut writers = Vec::new();
    for (w, from) in ["127.0.0.4", "127.0.0.5"].into_iter().enumerate() {
        let (url, token, stop, applied) = (
            site.url.clone(),
            token.clone(),
            stop.clone(),
            applied.clone(),
        );
        writers.push(tokio::spawn(async move {
            let http = client_from(from);
            let client_id = new_id();
            let mut names = Vec::new();
            let mut id = 0;
            while !stop.load(Ordering::Relaxed) || id < 20 {
                id += 1;
                let name = format!("Restart {w}-{id}");
                push_until_applied(&http, &url, &token, &client_id, id, &name).await;
                applied.fetch_add(1, Ordering::Relaxed);
                names.push(name);
                // Pull as a client would between pushes; failures during the restart are retried.
                let _ = http
                    .get(format!("{url}/api/v1/sync/pull?since=0&limit=50"))
                    .bearer_auth(&token)
                    .send()
                    .await;
            }
            names
        }));
    }
    // Each restart comes while the writers are at it: five more edits applied first.
    for server in 0..2 {
        let before = applied.load(Ordering::Relaxed);
        eventually("five more edits applied through nginx", WAIT, async || {
            (applied.load(Ordering::Relaxed) >= before + 5).then_some(())
        })
        .await;
        site.restart(server).await;
    }
    stop.store(true, Ordering::Relaxed);
    let mut expected = vec!["Live 1".to_owned()];
    for w in writers {
        expected.extend(w.await.expect("writer"));
    }
    let mut names = feed_stream_names(&alice, &site.url, &token).await;
    names.sort();
    expected.sort();
    assert_eq!(
        names, expected,
        "every applied edit is in the feed exactly once, and nothing else"
    );
}

/// Pushes one `add_stream` until the server answers with its outcome; a retry carries the
/// same client and mutation id, so the server applies it once however often it arrives.
async fn push_until_applied(
    http: &reqwest::Client,
    url: &str,
    token: &str,
    client_id: &str,
    mutation_id: i64,
    name: &str,
) {
    let stream_id = format!("00000000-0000-4000-8000-{:012x}", name_hash(name));
    let body = json!({"client_id": client_id, "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
        "mutations": [{"mutation_id": mutation_id, "mutation": {"type": "add_stream", "stream_id": stream_id,
            "name": name, "category": "News", "stream_url": "https://cdn.example/live.m3u8"}}]});
    let deadline = Instant::now() + WAIT;
    loop {
        let (status, v) = post(
            http,
            &format!("{url}/api/v1/sync/push"),
            Some(token),
            body.clone(),
        )
        .await;
        if status == 200 {
            assert_eq!(v["results"][0]["status"], "applied", "{name}: {v}");
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{name} was not answered within 60 s; last: {status} {v}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) & 0xffff_ffff_ffff
}

/// The partner's streams as its feed has them (every `stream` change, by name).
async fn feed_stream_names(http: &reqwest::Client, url: &str, token: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut since = 0;
    loop {
        let page: Value = server::pull_page(http, url, token, since).await;
        for change in page["changes"].as_array().into_iter().flatten() {
            if change["entity"] == "stream"
                && let Some(name) = change["data"]["name"].as_str()
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
