//! Benchmark: the sync API under load, next to baselines measured in the same run.
//!
//!     cargo bench -p wpplay-desktop --bench api_load [-- SECONDS]
//!
//! A load generator (CONCURRENCY workers on kept-alive connections, on the same machine)
//! asks for as many answers as it gets in SECONDS (default 10) of:
//! - an authed `GET /api/v1/sync/pull` of a partner's first 100 changes, and an authed
//!   `POST /api/v1/sync/push` of one profile edit per request (each worker a device of
//!   its own), on a server on SQLite;
//! - baseline: a bare axum handler served by the same connection stack
//!   (`wpplay_server::net::serve`) answering the same bytes from memory;
//! - then on one PostgreSQL database: one server process, and two, each behind nginx
//!   (the deployment's reverse proxy), the authed pull and push again.
//!
//! Server processes are this benchmark's own executable started again with `--serve`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use wpplay_desktop::client::ApiClient;
use wpplay_wire::sync::{ClientMutation, Mutation, PushRequest};

mod common;
use common::partner;

const CONCURRENCY: usize = 16;

/// What the load generator asks for.
#[derive(Clone)]
enum Ask {
    Get(String),
    /// A profile edit pushed by worker `n`'s own device.
    Push(String),
}

/// Answers per second over `seconds` from `CONCURRENCY` workers; every answer must be
/// 200 and (for a pull) as long as `expect_len`.
async fn load(
    ask: Ask,
    token: &str,
    seconds: f64,
    expect_len: Option<usize>,
) -> anyhow::Result<f64> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()?;
    let done = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let mut workers = Vec::new();
    // Devices new to the server each time: a pushed edit is always applied, never a
    // retry answered from the record.
    let run = uuid::Uuid::new_v4().simple().to_string();
    for w in 0..CONCURRENCY {
        let run = run.clone();
        let (http, done, ask, token) = (http.clone(), done.clone(), ask.clone(), token.to_owned());
        workers.push(tokio::spawn(async move {
            let client_id = format!(
                "{}-{}-4{}-8{}-{w:012}",
                &run[..8],
                &run[8..12],
                &run[13..16],
                &run[17..20]
            );
            let mut next = 0_i64;
            while Instant::now() < until {
                let answer = match &ask {
                    Ask::Get(url) => http.get(url).bearer_auth(&token).send().await?,
                    Ask::Push(url) => {
                        next += 1;
                        let body = PushRequest {
                            client_id: client_id.clone(),
                            schema_version: wpplay_domain::sync::SCHEMA_VERSION,
                            mutations: vec![ClientMutation {
                                mutation_id: next,
                                mutation: Mutation::UpdateProfile {
                                    contact_person: format!("Person {w} {next}"),
                                    phone: "+381 64 123 4567".into(),
                                },
                            }],
                        };
                        http.post(url)
                            .bearer_auth(&token)
                            .json(&body)
                            .send()
                            .await?
                    }
                };
                anyhow::ensure!(answer.status() == 200, "answered {}", answer.status());
                let body = answer.bytes().await?;
                if let Some(len) = expect_len {
                    anyhow::ensure!(body.len() == len, "{} bytes, not {len}", body.len());
                }
                done.fetch_add(1, Ordering::Relaxed);
            }
            anyhow::Ok(())
        }));
    }
    for w in workers {
        w.await??;
    }
    Ok(done.load(Ordering::Relaxed) as f64 / seconds)
}

/// A bare axum handler answering `bytes` (any method) on the server's connection stack.
async fn bare(
    bytes: axum::body::Bytes,
) -> anyhow::Result<(String, tokio::sync::oneshot::Sender<()>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let app = axum::Router::new().fallback(move || {
        let bytes = bytes.clone();
        async move {
            (
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                bytes,
            )
        }
    });
    let limits = wpplay_server::Settings::load(None, |_| None)?.limits;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        wpplay_server::net::serve(listener, app, &limits, async {
            let _ = stopped.await;
        })
        .await
    });
    Ok((url, stop))
}

/// A partner with 100 dealers (so a pull of 100 changes is a full page), signed in.
async fn seeded_partner(api: &ApiClient, outbox: &std::path::Path) -> anyhow::Result<String> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let token = partner(api, outbox).await?;
    let hash = argon2::Argon2::default()
        .hash_password(b"Bench-pass-2026", &SaltString::generate(&mut OsRng))
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .to_string();
    let mutations = (1..=100)
        .map(|i| ClientMutation {
            mutation_id: i,
            mutation: Mutation::CreateDealer {
                dealer_id: uuid::Uuid::new_v4().to_string(),
                display_name: format!("Dealer {i}"),
                contact_email: None,
                contact_phone: None,
                username: format!("load.dealer.{i}"),
                password_hash: hash.clone(),
            },
        })
        .collect();
    let request = PushRequest {
        client_id: uuid::Uuid::new_v4().to_string(),
        schema_version: wpplay_domain::sync::SCHEMA_VERSION,
        mutations,
    };
    let answer: wpplay_wire::sync::PushResponse = api
        .post("/api/v1/sync/push", Some(&token), &request)
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    let refused = answer
        .results
        .iter()
        .filter(|r| r.outcome != wpplay_domain::sync::Outcome::Applied)
        .count();
    anyhow::ensure!(
        refused == 0,
        "{refused} dealers refused: {:?}",
        answer.results.first()
    );
    Ok(token)
}

const PULL: &str = "/api/v1/sync/pull?since=0&limit=100";

/// The bytes an authed pull answers, and a push's answer.
async fn sample_answers(
    url: &str,
    token: &str,
) -> anyhow::Result<(axum::body::Bytes, axum::body::Bytes)> {
    let http = reqwest::Client::new();
    // The push first: every pull after it answers the same bytes.
    let push = http
        .post(format!("{url}/api/v1/sync/push"))
        .bearer_auth(token)
        .json(&PushRequest {
            client_id: uuid::Uuid::new_v4().to_string(),
            schema_version: wpplay_domain::sync::SCHEMA_VERSION,
            mutations: vec![ClientMutation {
                mutation_id: 1,
                mutation: Mutation::UpdateProfile {
                    contact_person: "Sample".into(),
                    phone: "+381 64 123 4567".into(),
                },
            }],
        })
        .send()
        .await?
        .bytes()
        .await?;
    let pull = http
        .get(format!("{url}{PULL}"))
        .bearer_auth(token)
        .send()
        .await?
        .bytes()
        .await?;
    Ok((pull, push))
}

/// `--serve PORT DATA_DIR DATABASE_URL`: one server process (until killed).
async fn serve(args: &[String]) -> anyhow::Result<()> {
    let [port, data_dir, database_url] = args else {
        anyhow::bail!("--serve PORT DATA_DIR DATABASE_URL");
    };
    let mut settings = wpplay_server::Settings::load(None, |_| None)?;
    settings.data_dir = data_dir.into();
    settings.database_url = Some(wpplay_server::settings::Secret::new(database_url.clone()));
    settings.lifecycle_interval_secs = 0;
    settings.limits.max_changes_per_minute = 100_000_000;
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    wpplay_server::launch_with_listener(settings, listener, std::future::pending()).await
}

/// Server processes on `database_url` behind one nginx; dropped, they all stop.
struct Fleet {
    url: String,
    children: Vec<std::process::Child>,
}

impl Drop for Fleet {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

async fn fleet(
    dir: &std::path::Path,
    database_url: &str,
    processes: usize,
) -> anyhow::Result<Fleet> {
    let exe = std::env::current_exe()?;
    let mut children = Vec::new();
    let mut upstreams = String::new();
    for i in 0..processes {
        let port = free_port()?;
        let data = dir.join(format!("server-{i}"));
        std::fs::create_dir_all(&data)?;
        children.push(
            std::process::Command::new(&exe)
                .args([
                    "--serve",
                    &port.to_string(),
                    &data.display().to_string(),
                    database_url,
                ])
                .stdout(std::process::Stdio::null())
                .spawn()?,
        );
        upstreams.push_str(&format!("server 127.0.0.1:{port};\n"));
        // One at a time: the first runs the migrations.
        common::wait_healthy(&format!("http://127.0.0.1:{port}")).await?;
    }
    let port = free_port()?;
    let prefix = dir.join(format!("nginx-{processes}"));
    std::fs::create_dir_all(&prefix)?;
    let conf = format!(
        "worker_processes 1;\ndaemon off;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n access_log off;\n client_body_temp_path {p};\n proxy_temp_path {p};\n\
         fastcgi_temp_path {p};\n uwsgi_temp_path {p};\n scgi_temp_path {p};\n\
         upstream wpplay {{\n{upstreams} keepalive 64;\n }}\n\
         server {{\n  listen 127.0.0.1:{port};\n  location / {{\n   proxy_pass http://wpplay;\n\
         proxy_http_version 1.1;\n   proxy_set_header Connection \"\";\n   proxy_set_header Host $host;\n  }}\n }}\n}}\n",
        p = prefix.display()
    );
    std::fs::write(prefix.join("nginx.conf"), conf)?;
    children.push(
        std::process::Command::new("nginx")
            .args([
                "-p",
                &prefix.display().to_string(),
                "-c",
                &prefix.join("nginx.conf").display().to_string(),
            ])
            .spawn()?,
    );
    let url = format!("http://127.0.0.1:{port}");
    common::wait_healthy(&url).await?;
    Ok(Fleet { url, children })
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    // `args[0]` is the program's path.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve") {
        return serve(&args[2..]).await;
    }
    let seconds: f64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10.0);
    let dir = tempfile::tempdir()?;

    // SQLite, one process, against the bare handler.
    let server = common::BenchServer::start(&dir.path().join("sqlite")).await?;
    let token = seeded_partner(&server.api, &dir.path().join("sqlite/server/outbox")).await?;
    let (pull_bytes, push_bytes) = sample_answers(&server.url, &token).await?;
    let pull_len = pull_bytes.len();
    let (bare_url, stop_bare) = bare(pull_bytes).await?;
    let bare_pull = load(
        Ask::Get(format!("{bare_url}{PULL}")),
        &token,
        seconds,
        Some(pull_len),
    )
    .await?;
    let _ = stop_bare.send(());
    let pull = load(
        Ask::Get(format!("{}{PULL}", server.url)),
        &token,
        seconds,
        Some(pull_len),
    )
    .await?;
    let (bare_url, stop_bare) = bare(push_bytes).await?;
    let bare_push = load(
        Ask::Push(format!("{bare_url}/api/v1/sync/push")),
        &token,
        seconds,
        None,
    )
    .await?;
    let _ = stop_bare.send(());
    let push = load(
        Ask::Push(format!("{}/api/v1/sync/push", server.url)),
        &token,
        seconds,
        None,
    )
    .await?;
    server.stop().await?;

    let profile = if cfg!(debug_assertions) {
        "debug build"
    } else {
        "release build"
    };
    println!(
        "API load benchmark ({profile}, loopback, {CONCURRENCY} workers, {seconds} s each; a pull answer is {pull_len} bytes)"
    );
    let line = |what: &str, authed: f64, base: f64| {
        println!(
            "  {what:<42} {authed:>8.0} answers/s   bare axum, same bytes {base:>8.0}/s   {:>5.1} %",
            100.0 * authed / base
        );
    };
    line("SQLite: authed sync/pull (100 changes)", pull, bare_pull);
    line("SQLite: authed sync/push (one edit)", push, bare_push);

    // PostgreSQL: one server process, then two, behind nginx.
    let Some(db) = common::fresh_pg_database().await else {
        println!("  PostgreSQL: NOT MEASURED (unreachable)");
        return Ok(());
    };
    let result = async {
        let one = fleet(&dir.path().join("pg1"), &db, 1).await?;
        let api = ApiClient::new(&one.url, None).map_err(|e| anyhow::anyhow!("{e}"))?;
        let token = seeded_partner(&api, &dir.path().join("pg1/server-0/outbox")).await?;
        let pull_len = sample_answers(&one.url, &token).await?.0.len();
        let pull_one = load(
            Ask::Get(format!("{}{PULL}", one.url)),
            &token,
            seconds,
            Some(pull_len),
        )
        .await?;
        let push_one = load(
            Ask::Push(format!("{}/api/v1/sync/push", one.url)),
            &token,
            seconds,
            None,
        )
        .await?;
        drop(one);
        let two = fleet(&dir.path().join("pg2"), &db, 2).await?;
        // The pushes moved the feed's head (the answer says it): measure the page again.
        let pull_len = sample_answers(&two.url, &token).await?.0.len();
        let pull_two = load(
            Ask::Get(format!("{}{PULL}", two.url)),
            &token,
            seconds,
            Some(pull_len),
        )
        .await?;
        let push_two = load(
            Ask::Push(format!("{}/api/v1/sync/push", two.url)),
            &token,
            seconds,
            None,
        )
        .await?;
        drop(two);
        let line = |what: &str, one: f64, two: f64| {
            println!(
                "  {what:<42} one process {one:>8.0}/s   two processes {two:>8.0}/s   {:>5.2}x",
                two / one
            );
        };
        line(
            "PostgreSQL behind nginx: authed sync/pull",
            pull_one,
            pull_two,
        );
        line(
            "PostgreSQL behind nginx: authed sync/push",
            push_one,
            push_two,
        );
        anyhow::Ok(())
    }
    .await;
    common::drop_pg_database(&db).await;
    result
}
