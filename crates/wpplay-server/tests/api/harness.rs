//! A real server on a free port, on SQLite or on PostgreSQL, with a movable clock. Every
//! answer read through [`TestServer::call`] is checked against the OpenAPI document
//! (`documented.rs`).

use chrono::{DateTime, TimeZone, Utc};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wpplay_domain::clock::ManualClock;
use wpplay_server::Settings;
use wpplay_server::settings::Secret;

pub const PG_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A running server and what a test needs to talk to it.
pub struct TestServer {
    pub url: String,
    pub data_dir: PathBuf,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    pub database_url: Secret,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _dir: tempfile::TempDir,
    pg_db: Option<String>,
}

pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0)
        .single()
        .expect("valid date")
}

/// A fresh PostgreSQL database, or `None` (with a loud note) when PostgreSQL is unreachable.
pub async fn fresh_pg_database() -> Option<(String, String)> {
    let admin = match Database::connect(PG_ADMIN_URL).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!(
                "\n*** SKIPPED: PostgreSQL at {PG_ADMIN_URL} is unreachable ({e}); the PostgreSQL suite did not run ***\n"
            );
            return None;
        }
    };
    let name = format!("wpplay_t_{}", uuid::Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create a test database");
    Some((
        name.clone(),
        format!("postgres://postgres@127.0.0.1:5432/{name}"),
    ))
}

/// The payment webhook's shared secret in tests.
pub const WEBHOOK_SECRET: &str = "test-webhook-secret";

impl TestServer {
    /// Starts a server; `None` only when PostgreSQL was asked for and is unreachable.
    pub async fn start(backend: Backend) -> Option<Self> {
        Self::start_with(backend, |_| {}).await
    }

    pub async fn start_with(backend: Backend, tweak: impl FnOnce(&mut Settings)) -> Option<Self> {
        let mut pg_db = None;
        let mut url = None;
        if backend == Backend::Postgres {
            let (name, u) = fresh_pg_database().await?;
            url = Some(u);
            pg_db = Some(name);
        }
        let mut server = Self::start_on(url, tweak).await;
        server.pg_db = pg_db;
        Some(server)
    }

    /// Starts a server on the given database URL (or a fresh SQLite file); the caller owns
    /// the database.
    pub async fn start_on(database_url: Option<String>, tweak: impl FnOnce(&mut Settings)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = Settings::load(None, |_| None).expect("default settings");
        settings.data_dir = dir.path().join("data");
        settings.database_url = database_url.map(Secret::new);
        // Tests run lifecycle passes themselves, at the times they choose.
        settings.lifecycle_interval_secs = 0;
        settings.payment_webhook_secret = Some(Secret::new(WEBHOOK_SECRET));
        let pg_db = None;
        tweak(&mut settings);
        let database_url = settings.database_url();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a free port");
        let url = format!("http://{}", listener.local_addr().expect("local addr"));
        let clock = ManualClock::new(start_time());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let data_dir = settings.data_dir.clone();
        let task = tokio::spawn(wpplay_server::launch(
            settings,
            listener,
            Arc::new(clock.clone()),
            async {
                let _ = rx.await;
            },
        ));
        let server = Self {
            url,
            data_dir,
            clock,
            http: reqwest::Client::new(),
            database_url,
            shutdown: Some(tx),
            task: Some(task),
            _dir: dir,
            pg_db,
        };
        server.wait_healthy().await;
        server
    }

    async fn wait_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(r) = self.http.get(format!("{}/healthz", self.url)).send().await
                && r.status().is_success()
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not become healthy within 30 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await
                .expect("server task")
                .expect("server ran cleanly");
        }
        if let Some(name) = self.pg_db.take()
            && let Ok(admin) = Database::connect(PG_ADMIN_URL).await
        {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }

    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.http.request(
            method.parse().expect("method"),
            format!("{}{}", self.url, path),
        );
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request reaches the server");
        let status = resp.status();
        let text = resp.text().await.expect("body");
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        // Every error answer a test meets must be one the OpenAPI document lists.
        crate::documented::check(method, path, status.as_u16(), &value);
        (status, value)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.call("GET", path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.call("POST", path, token, Some(body)).await
    }

    /// Registers a partner and returns the credentials read back from the delivered message.
    pub async fn register(&self, email: &str) -> Credentials {
        self.register_on(email, 2).await
    }

    /// Registers a partner on package `package_id`.
    pub async fn register_on(&self, email: &str, package_id: i64) -> Credentials {
        let mut form = registration(email);
        form["package_id"] = json!(package_id);
        let (status, body) = self.post("/api/v1/registrations", None, form).await;
        assert_eq!(
            status,
            StatusCode::CREATED,
            "registration of {email} is accepted: {body}"
        );
        self.credentials_for(email).await
    }

    /// Waits for the credentials message to `recipient` in the file outbox.
    pub async fn credentials_for(&self, recipient: &str) -> Credentials {
        let text = wait_for(Duration::from_secs(20), || {
            let dir = self.data_dir.join("outbox");
            std::fs::read_dir(&dir).ok()?.flatten().find_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                text.contains(&format!("To: {recipient}")).then_some(text)
            })
        })
        .await
        .unwrap_or_else(|| panic!("a message to {recipient} appears in the file outbox"));
        parse_credentials(&text)
    }

    /// Registers, signs in and replaces the generated password: a partner ready to work.
    pub async fn ready_partner(&self, email: &str) -> (Credentials, String) {
        self.ready_partner_on(email, 2).await
    }

    /// A partner ready to work on package `package_id`.
    pub async fn ready_partner_on(&self, email: &str, package_id: i64) -> (Credentials, String) {
        let creds = self.register_on(email, package_id).await;
        let (status, login) = self
            .post(
                "/api/v1/auth/login",
                None,
                json!({"username": creds.username, "password": creds.password}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{login}");
        let token = login["access_token"]
            .as_str()
            .expect("access token")
            .to_owned();
        let new_password = "A-much-better-pass-42".to_owned();
        let (status, body) = self
            .post(
                "/api/v1/auth/password",
                Some(&token),
                json!({"current_password": creds.password, "new_password": new_password}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        (
            Credentials {
                username: creds.username,
                password: new_password,
            },
            token,
        )
    }
}

#[derive(Debug, Clone)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

pub fn parse_credentials(text: &str) -> Credentials {
    let field = |name: &str| {
        text.split(['\n', ' '])
            .collect::<Vec<_>>()
            .windows(2)
            .find(|w| w[0] == format!("{name}:"))
            .map(|w| w[1].trim().to_owned())
            .unwrap_or_else(|| panic!("the message names the {name}: {text}"))
    };
    Credentials {
        username: field("Username"),
        password: field("Password"),
    }
}

pub fn registration(email: &str) -> Value {
    json!({
        "package_id": 2,
        "company": "Acme TV d.o.o.",
        "contact_person": "Ana Anić",
        "email": email,
        "phone": "+381 64 123 4567",
        "country": "RS",
        "credential_delivery": "email",
        "no_reseller_services": false
    })
}

/// Polls the async `f` until it returns `Some`; after `limit` fails the test, naming
/// what was awaited.
pub async fn eventually<T>(
    what: &str,
    limit: Duration,
    mut f: impl AsyncFnMut() -> Option<T>,
) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "gave up after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Polls `f` until it returns `Some`, or gives up after `limit`.
pub async fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
