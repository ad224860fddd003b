//! Benchmark: steady state. The time from a change on the server (another device of the
//! partner edits its profile) to this desktop core's replica holding it, with live
//! updates on (the server's event stream wakes the sync), next to two figures measured
//! in the same run:
//! - the floor: the same change, then this client syncing at once by itself (one push
//!   and one sync round, no waiting for a signal);
//! - periodic sync only (every 5 s, the app's interval, live updates off).
//!
//! Live updates and the floor are measured on SQLite (the process that wrote signals its
//! streams as the request ends) and on PostgreSQL (`NOTIFY` on commit, through the
//! server's `LISTEN` connection), each on a fresh database.
//!
//!     scripts/with-desktop-session.sh cargo bench -p wpplay-desktop --bench live_latency [-- N]
//!
//! The core keeps its session in the OS keychain, hence the desktop session wrapper.

use std::sync::Arc;
use std::time::{Duration, Instant};
use wpplay_clock::SystemClock;
use wpplay_desktop::client::ApiClient;
use wpplay_desktop::commands::LoginArgs;
use wpplay_desktop::{Core, CoreConfig};
use wpplay_wire::sync::{ClientMutation, Mutation, PushRequest, PushResponse};

mod common;
use common::{PARTNER_PASSWORD, partner, partner_username};

struct OtherDevice {
    api: ApiClient,
    token: String,
    next: i64,
}

impl OtherDevice {
    /// Changes the partner's contact person on the server; returns the new name.
    async fn edit(&mut self) -> anyhow::Result<String> {
        self.next += 1;
        let name = format!("Person {}", self.next);
        let request = PushRequest {
            client_id: "b0b0b0b0-0000-4000-8000-000000000001".into(),
            schema_version: wpplay_domain::sync::SCHEMA_VERSION,
            mutations: vec![ClientMutation {
                mutation_id: self.next,
                mutation: Mutation::UpdateProfile {
                    contact_person: name.clone(),
                    phone: "+381 64 123 4567".into(),
                },
            }],
        };
        let _: PushResponse = self
            .api
            .post("/api/v1/sync/push", Some(&self.token), &request)
            .await
            .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
        Ok(name)
    }
}

async fn holds(core: &Core, name: &str) -> bool {
    core.dashboard()
        .await
        .ok()
        .and_then(|d| d.profile)
        .is_some_and(|p| p.contact_person == name)
}

/// Waits until the core's replica holds `name`: looks again each time the core announces
/// a change (as the app's views do), so the wait itself takes nothing from the sync.
async fn until_held(
    core: &Core,
    name: &str,
    limit: Duration,
    changes: &mut wpplay_desktop::changes::Listener,
) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + limit;
    while !holds(core, name).await {
        tokio::time::timeout_at(deadline, changes.next())
            .await
            .map_err(|_| anyhow::anyhow!("{name} did not arrive in {limit:?}"))?;
    }
    Ok(())
}

fn core(dir: &std::path::Path, service: &str, url: &str, every: Duration) -> Arc<Core> {
    Arc::new(Core::new(CoreConfig {
        ca_file: None,
        data_dir: dir.to_owned(),
        export_dir: dir.join("exports"),
        default_server_url: url.to_owned(),
        keychain_service: service.to_owned(),
        sync_interval: every,
        clock: Arc::new(SystemClock),
        time_zone: chrono_tz::Europe::Belgrade,
        system_locale: "en_US.UTF-8".to_owned(),
    }))
}

/// A pause of up to `max`, so changes do not fall in step with the client's timers.
async fn out_of_step(max: Duration) {
    let r = u64::from(uuid::Uuid::new_v4().as_fields().0);
    tokio::time::sleep(Duration::from_millis(r % max.as_millis().max(1) as u64)).await;
}

fn summary(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p95 = v[((v.len() as f64 * 0.95).ceil() as usize).saturating_sub(1)];
    (ms(v[v.len() / 2]), ms(p95))
}

/// What one backend measured.
struct Figures {
    live: Vec<Duration>,
    floor: Vec<Duration>,
    /// Periodic sync only (measured on SQLite alone: it does not depend on the backend).
    polled: Option<Vec<Duration>>,
}

/// Measures live updates and the floor (and, if asked, periodic sync) against a server on
/// `database_url` (SQLite when `None`).
async fn measure(
    dir: &std::path::Path,
    database_url: Option<String>,
    n: usize,
    periodic_too: bool,
) -> anyhow::Result<Figures> {
    let server = common::BenchServer::start_on(dir, database_url).await?;
    let (url, api) = (server.url.clone(), server.api.clone());
    let outbox = dir.join("server/outbox");
    let token = partner(&api, &outbox).await?;
    let username = partner_username(&outbox).ok_or_else(|| anyhow::anyhow!("no username"))?;
    let mut other = OtherDevice {
        api: api.clone(),
        token,
        next: 0,
    };
    let service = format!("wpplay-bench-{}-{}", std::process::id(), n);
    let login = LoginArgs {
        server_url: url.clone(),
        username: username.clone(),
        password: PARTNER_PASSWORD.into(),
    };

    // Live updates on, periodic sync an hour away.
    let live = core(
        &dir.join("live"),
        &format!("{service}-live"),
        &url,
        Duration::from_secs(3600),
    );
    live.login(login.clone())
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    live.sync_now()
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let tasks = [
        tokio::spawn(live.clone().run_background_sync()),
        tokio::spawn(live.clone().run_live_updates()),
    ];
    // Warm-up (not measured): the stream connects and the first change arrives.
    let mut changes = live.changes().listen();
    let name = other.edit().await?;
    until_held(&live, &name, Duration::from_secs(10), &mut changes).await?;
    let mut with_live = Vec::with_capacity(n);
    for _ in 0..n {
        out_of_step(Duration::from_millis(250)).await;
        let mut changes = live.changes().listen();
        let t = Instant::now();
        let name = other.edit().await?;
        until_held(&live, &name, Duration::from_secs(10), &mut changes).await?;
        with_live.push(t.elapsed());
    }
    for t in tasks {
        t.abort();
    }

    // The floor: push, then this client syncs at once.
    let mut floor = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let name = other.edit().await?;
        live.sync_now()
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        anyhow::ensure!(holds(&live, &name).await, "a sync brings {name}");
        floor.push(t.elapsed());
    }

    let mut cores = vec![(format!("{service}-live"), live)];
    let polled = if periodic_too {
        let polled_n = (n / 5).max(3);
        let periodic = core(
            &dir.join("periodic"),
            &format!("{service}-periodic"),
            &url,
            Duration::from_secs(5),
        );
        periodic
            .login(login)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let task = tokio::spawn(periodic.clone().run_background_sync());
        let mut polled = Vec::with_capacity(polled_n);
        for _ in 0..polled_n {
            out_of_step(Duration::from_secs(5)).await;
            let mut changes = periodic.changes().listen();
            let t = Instant::now();
            let name = other.edit().await?;
            until_held(&periodic, &name, Duration::from_secs(15), &mut changes).await?;
            polled.push(t.elapsed());
        }
        task.abort();
        cores.push((format!("{service}-periodic"), periodic));
        Some(polled)
    } else {
        None
    };
    for (svc, c) in cores {
        let _ = c.logout().await;
        let _ = wpplay_desktop::keychain::delete(&svc, &url, &username);
    }
    server.stop().await?;
    Ok(Figures {
        live: with_live,
        floor,
        polled,
    })
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    // The first number among the arguments (the program's path is never one).
    let n: usize = std::env::args().find_map(|a| a.parse().ok()).unwrap_or(50);
    let dir = tempfile::tempdir()?;
    let sqlite = measure(&dir.path().join("sqlite"), None, n, true).await?;
    let postgres = match common::fresh_pg_database().await {
        Some(db) => {
            let f = measure(&dir.path().join("postgres"), Some(db.clone()), n, false).await;
            common::drop_pg_database(&db).await;
            Some(f?)
        }
        None => None,
    };

    let profile = if cfg!(debug_assertions) {
        "debug build"
    } else {
        "release build"
    };
    println!(
        "live update latency benchmark ({profile}, loopback): a change on the server until the client's replica holds it"
    );
    let print = |backend: &str, f: Figures| {
        let (lm, lp) = summary(f.live);
        let (fm, fp) = summary(f.floor);
        println!(
            "  {backend:<10} live updates (server-sent event, then sync): median {lm:>7.1} ms  p95 {lp:>7.1} ms  ({n} changes)"
        );
        println!(
            "  {backend:<10} floor (push, then an immediate sync round):  median {fm:>7.1} ms  p95 {fp:>7.1} ms  ({n} changes)"
        );
        print!("  {backend:<10} live / floor: {:.2}x", lm / fm);
        if let Some(polled) = f.polled {
            let polled_n = polled.len();
            let (pm, pp) = summary(polled);
            println!();
            println!(
                "  {backend:<10} periodic sync only (every 5 s):              median {pm:>7.1} ms  p95 {pp:>7.1} ms  ({polled_n} changes)"
            );
            print!("  {backend:<10} periodic / live: {:.0}x", pm / lm);
        }
        println!();
    };
    print("SQLite", sqlite);
    match postgres {
        Some(f) => print("PostgreSQL", f),
        None => println!("  PostgreSQL: NOT MEASURED (unreachable)"),
    }
    Ok(())
}
