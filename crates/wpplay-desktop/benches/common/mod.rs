//! What the benchmarks share: a server on loopback and a partner signed in to it.

#![allow(dead_code)]

use std::time::{Duration, Instant};
use wpplay_desktop::client::ApiClient;
use wpplay_wire::auth::TokenResponse;

pub async fn wait_healthy(url: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while reqwest::get(format!("{url}/healthz")).await.is_err() {
        anyhow::ensure!(Instant::now() < deadline, "server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// A registered partner with its own password; returns an access token.
pub async fn partner(api: &ApiClient, outbox: &std::path::Path) -> anyhow::Result<String> {
    let form = serde_json::json!({"package_id": 2, "company": "Bench Media", "contact_person": "B", "email": "bench@media.rs",
        "phone": "+381641234567", "country": "RS", "credential_delivery": "email"});
    let _: serde_json::Value = api
        .post("/api/v1/registrations", None, &form)
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    let deadline = Instant::now() + Duration::from_secs(20);
    let text = loop {
        if let Some(t) = std::fs::read_dir(outbox).ok().and_then(|d| {
            d.flatten()
                .find_map(|e| std::fs::read_to_string(e.path()).ok())
        }) {
            break t;
        }
        anyhow::ensure!(Instant::now() < deadline, "no credentials");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let field = |n: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(n).map(|v| v.trim().to_owned()))
            .unwrap_or_default()
    };
    let (user, pw) = (field("Username:"), field("Password:"));
    let login: TokenResponse = api
        .post(
            "/api/v1/auth/login",
            None,
            &serde_json::json!({"username": user, "password": pw}),
        )
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    let _: serde_json::Value = api
        .post(
            "/api/v1/auth/password",
            Some(&login.access_token),
            &serde_json::json!({"current_password": pw, "new_password": "Bench-Media-2026"}),
        )
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    Ok(login.access_token)
}

/// The partner's password after [`partner`] changed it.
pub const PARTNER_PASSWORD: &str = "Bench-Media-2026";

/// The username [`partner`] registered (read back from the outbox).
pub fn partner_username(outbox: &std::path::Path) -> Option<String> {
    std::fs::read_dir(outbox).ok()?.flatten().find_map(|e| {
        std::fs::read_to_string(e.path())
            .ok()?
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("Username:")
                    .map(|v| v.trim().to_owned())
            })
    })
}

/// An in-process server on SQLite in `dir/server`, listening on loopback until `stop`.
pub struct BenchServer {
    pub url: String,
    pub db_url: wpplay_server::settings::Secret,
    pub api: ApiClient,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl BenchServer {
    /// Starts it (the lifecycle scheduler off) and waits until it answers.
    pub async fn start(dir: &std::path::Path) -> anyhow::Result<Self> {
        Self::start_on(dir, None).await
    }

    /// [`BenchServer::start`] on `database_url` (PostgreSQL), or SQLite in `dir/server`.
    pub async fn start_on(
        dir: &std::path::Path,
        database_url: Option<String>,
    ) -> anyhow::Result<Self> {
        let mut settings = wpplay_server::Settings::load(None, |_| None)?;
        settings.database_url = database_url.map(wpplay_server::settings::Secret::new);
        // The benchmarks push tens of thousands of changes at once: no ration.
        settings.limits.max_changes_per_minute = 100_000_000;
        settings.data_dir = dir.join("server");
        settings.lifecycle_interval_secs = 0;
        // The benchmarks read the server's own request timings.
        settings.metrics = true;
        let db_url = settings.database_url();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(wpplay_server::launch_with_listener(
            settings,
            listener,
            async {
                let _ = stopped.await;
            },
        ));
        let api = ApiClient::new(&url, None).map_err(|e| anyhow::anyhow!("{e}"))?;
        wait_healthy(&url).await?;
        Ok(Self {
            url,
            db_url,
            api,
            stop,
            task,
        })
    }

    /// Seconds the server spent answering `route` so far (its `/metrics` histogram sum).
    pub async fn seconds_in(&self, route: &str) -> anyhow::Result<f64> {
        let text = reqwest::get(format!("{}/metrics", self.url))
            .await?
            .text()
            .await?;
        let label = format!("route=\"{route}\"");
        Ok(text
            .lines()
            .filter(|l| {
                l.starts_with("wpplay_http_request_duration_seconds_sum{") && l.contains(&label)
            })
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum())
    }

    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.stop.send(());
        self.task.await?
    }
}

/// Where the benchmarks find PostgreSQL (the machine's, trust auth).
pub const PG_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A fresh, empty PostgreSQL database's URL, or `None` with a loud note when PostgreSQL
/// is unreachable.
pub async fn fresh_pg_database() -> Option<String> {
    use sea_orm::ConnectionTrait;
    let admin = match sea_orm::Database::connect(PG_ADMIN_URL).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("\n*** SKIPPED: PostgreSQL at {PG_ADMIN_URL} is unreachable ({e}) ***\n");
            return None;
        }
    };
    let name = format!("wpplay_bench_{}", uuid::Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .ok()?;
    Some(format!("postgres://postgres@127.0.0.1:5432/{name}"))
}

/// Drops a database [`fresh_pg_database`] made.
pub async fn drop_pg_database(url: &str) {
    use sea_orm::ConnectionTrait;
    let Some(name) = url.rsplit('/').next() else {
        return;
    };
    if let Ok(admin) = sea_orm::Database::connect(PG_ADMIN_URL).await {
        let _ = admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await;
    }
}
