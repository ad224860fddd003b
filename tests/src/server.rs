//! The real server binary as the tests start it, and what they do over its HTTP API as a
//! person or another device would: accounts registered with the credentials read from the
//! server's file outbox, sign-ins and reads of the sync feed.

use crate::process::Proc;
use crate::{eventually, free_port, workspace_binary};
use std::path::Path;
use std::time::Duration;

/// Starts `wpplay-server serve` on 127.0.0.1:`port` with its data (and file outbox) in
/// `data` and `env` besides; its output goes to `log`. It answers once [`healthy`].
pub fn spawn(data: &Path, port: u16, env: &[(&str, String)], log: &Path) -> Proc {
    let mut all = vec![
        ("WPPLAY_DATA_DIR", data.display().to_string()),
        ("WPPLAY_LISTEN", format!("127.0.0.1:{port}")),
    ];
    all.extend(env.iter().cloned());
    Proc::spawn(
        "wpplay-server",
        &workspace_binary("wpplay-server"),
        &["serve"],
        &all,
        log,
    )
}

/// Starts the server (as [`spawn`] does) on a free port and waits up to `limit` until it
/// answers; the process and its port.
pub async fn start(
    data: &Path,
    env: &[(&str, String)],
    log: &Path,
    limit: Duration,
) -> (Proc, u16) {
    let port = free_port();
    let server = spawn(data, port, env, log);
    eventually(
        &format!("the server ({}) to answer /healthz", log.display()),
        limit,
        async || healthy(&url(port)).await,
    )
    .await;
    (server, port)
}

/// The URL of a server (or a proxy) listening on 127.0.0.1:`port`.
pub fn url(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

/// `Some` once the server at `url` answers `/healthz` with success.
pub async fn healthy(url: &str) -> Option<()> {
    reqwest::get(format!("{url}/healthz"))
        .await
        .ok()
        .filter(|r| r.status().is_success())
        .map(|_| ())
}

/// The username and password e-mailed to `recipient`, from the file outbox in the
/// server's data folder `data`.
pub fn credentials(data: &Path, recipient: &str) -> Option<(String, String)> {
    let dir = std::fs::read_dir(data.join("outbox")).ok()?;
    dir.flatten().find_map(|e| {
        let text = std::fs::read_to_string(e.path()).ok()?;
        if !text.contains(&format!("To: {recipient}")) {
            return None;
        }
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_owned()))
        };
        Some((field("Username:")?, field("Password:")?))
    })
}

/// The six-digit code of the newest password recovery message to `recipient` in the
/// outbox of the server whose data folder is `data`.
pub fn recovery_code(data: &Path, recipient: &str) -> Option<String> {
    let mut found: Vec<(std::ffi::OsString, String)> = std::fs::read_dir(data.join("outbox"))
        .ok()?
        .flatten()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            let at = text.find("Your code: ")? + "Your code: ".len();
            text.contains(&format!("To: {recipient}"))
                .then(|| (e.file_name(), text[at..].chars().take(6).collect()))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, code)| code)
}

/// An account registered, signed in and with its own password, over the real API.
pub struct Account {
    pub username: String,
    pub token: String,
    /// A partner's trial end, as the registration answered.
    pub trial_ends_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Registers an account from `form` through `http` at `server_url`, waits up to `limit`
/// for its credentials in one of the servers' `outboxes` (their data folders), signs in
/// and changes the password to `password`. The access token is the sign-in's.
pub async fn account(
    http: &reqwest::Client,
    server_url: &str,
    outboxes: &[&Path],
    form: serde_json::Value,
    password: &str,
    limit: Duration,
) -> Account {
    let email = form["email"]
        .as_str()
        .expect("the form has an e-mail")
        .to_owned();
    let r = http
        .post(format!("{server_url}/api/v1/registrations"))
        .json(&form)
        .send()
        .await
        .expect("register");
    assert_eq!(
        r.status(),
        reqwest::StatusCode::CREATED,
        "registering {email}"
    );
    let registered: serde_json::Value = r.json().await.expect("json");
    let trial_ends_at = registered["trial_ends_at"]
        .as_str()
        .map(|t| t.parse().expect("an RFC 3339 time"));
    let (user, pw) = eventually("the new account's credentials", limit, async || {
        outboxes.iter().find_map(|data| credentials(data, &email))
    })
    .await;
    let token = login_through(http, server_url, &user, &pw).await;
    let r = http
        .post(format!("{server_url}/api/v1/auth/password"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"current_password": pw, "new_password": password}))
        .send()
        .await
        .expect("password");
    assert_eq!(
        r.status(),
        reqwest::StatusCode::OK,
        "changing {user}'s password"
    );
    Account {
        username: user,
        token,
        trial_ends_at,
    }
}

/// Signs in at `server_url`, as another device of the account; its access token.
pub async fn login(server_url: &str, username: &str, password: &str) -> String {
    login_through(&reqwest::Client::new(), server_url, username, password).await
}

/// [`login`] through `http` (its connections, from its address).
async fn login_through(
    http: &reqwest::Client,
    server_url: &str,
    username: &str,
    password: &str,
) -> String {
    let v: serde_json::Value = http
        .post(format!("{server_url}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json");
    v["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("{username} signs in: {v}"))
        .to_owned()
}

/// One page of the account's sync feed after cursor `since` (up to 500 changes).
pub async fn pull_page<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    server_url: &str,
    token: &str,
    since: i64,
) -> T {
    http.get(format!(
        "{server_url}/api/v1/sync/pull?since={since}&limit=500"
    ))
    .bearer_auth(token)
    .send()
    .await
    .expect("pull")
    .json()
    .await
    .expect("a page of the feed")
}

/// A fresh id for a client, a request or a new entity (a v4 UUID).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
