//! Accounts and their changes made over the real HTTP API, as another device or another
//! person would: registration with the credentials read from the outbox, sign-in,
//! pushed mutations and authorized reads.

use super::ui::WAIT;
use super::world::World;
use crate::server;
pub use crate::server::{Account, new_id};

/// The password every account made here is given instead of its generated one.
pub const RESELLER_PASSWORD: &str = "Resell-pass-2026";

/// A reseller registered, signed in and with its own password, over the real API.
pub async fn reseller(world: &World, email: &str) -> Account {
    let company = format!("Resell {}", email.split('@').next().unwrap_or("co"));
    let form = serde_json::json!({"role": "reseller", "company": company, "contact_person": "Rade", "email": email,
        "phone": "+381 21 555 1234", "country": "RS", "credential_delivery": "email"});
    account(world, form).await
}

/// An account registered from `form` over the real API, signed in, with its password
/// changed to [`RESELLER_PASSWORD`].
pub async fn account(world: &World, form: serde_json::Value) -> Account {
    account_with_password(world, form, RESELLER_PASSWORD).await
}

/// An account registered from `form` over the real API, signed in, with its password
/// changed to `password`.
pub async fn account_with_password(
    world: &World,
    form: serde_json::Value,
    password: &str,
) -> Account {
    server::account(
        &reqwest::Client::new(),
        &world.server_url,
        &[&world.server_data],
        form,
        password,
        WAIT,
    )
    .await
}

/// Signs in over the API, as another device of the account; its access token.
pub async fn login(world: &World, username: &str, password: &str) -> String {
    server::login(&world.server_url, username, password).await
}

/// The signed-in account's id (`GET /api/v1/me`).
pub async fn account_id(world: &World, token: &str) -> i64 {
    let (_, me) = get(world, token, "/api/v1/me").await;
    me["account_id"].as_i64().expect("an account id")
}

/// Pushes one mutation over the real API, as a device seen once, and checks it was applied.
pub async fn push(world: &World, token: &str, mutation: serde_json::Value) {
    push_from(world, token, &new_id(), 1, mutation).await;
}

/// Pushes mutation number `mutation_id` of the device `client_id` and checks it was applied.
pub async fn push_from(
    world: &World,
    token: &str,
    client_id: &str,
    mutation_id: i64,
    mutation: serde_json::Value,
) {
    let device = Device {
        http: reqwest::Client::new(),
        token: token.to_owned(),
        client_id: client_id.to_owned(),
    };
    device.push(world, mutation_id, mutation).await;
}

/// Another device of an account: its own HTTP client (connections kept alive between
/// pushes, as an app's are), access token and client id.
pub struct Device {
    pub http: reqwest::Client,
    pub token: String,
    pub client_id: String,
}

impl Device {
    /// Signs in as `username` over the API, as a new device.
    pub async fn sign_in(world: &World, username: &str, password: &str) -> Self {
        Self {
            http: reqwest::Client::new(),
            token: login(world, username, password).await,
            client_id: new_id(),
        }
    }

    /// Pushes this device's mutation number `mutation_id` and checks it was applied.
    pub async fn push(&self, world: &World, mutation_id: i64, mutation: serde_json::Value) {
        let body = serde_json::json!({"client_id": self.client_id, "schema_version": 2,
            "mutations": [{"mutation_id": mutation_id, "mutation": mutation}]});
        let v: serde_json::Value = self
            .http
            .post(format!("{}/api/v1/sync/push", world.server_url))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("push")
            .json()
            .await
            .expect("json");
        assert_eq!(v["results"][0]["status"], "applied", "{v}");
    }
}

/// The reseller sends a Request for Partner to `partner_id`; returns the request's id.
pub async fn request_partner(world: &World, token: &str, partner_id: i64) -> String {
    let id = new_id();
    let m = serde_json::json!({"type": "request_partner", "request_id": id, "partner_id": partner_id,
        "message": "We would like to resell your streams."});
    push(world, token, m).await;
    id
}

/// GET with a token; the status and the JSON body.
pub async fn get(
    world: &World,
    token: &str,
    path: &str,
) -> (reqwest::StatusCode, serde_json::Value) {
    let r = reqwest::Client::new()
        .get(format!("{}{path}", world.server_url))
        .bearer_auth(token)
        .send()
        .await
        .expect("get");
    let status = r.status();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

/// POST with a token and a JSON body; the status and the JSON body.
pub async fn post(
    world: &World,
    token: &str,
    path: &str,
    body: serde_json::Value,
) -> (reqwest::StatusCode, serde_json::Value) {
    let r = reqwest::Client::new()
        .post(format!("{}{path}", world.server_url))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post");
    let status = r.status();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

/// WP Play's operator `username`, made with the server's command and signed in over the
/// API with the second factor operators must use (its codes at the server's time, which
/// the story may have moved); its access token.
pub async fn operator(world: &World, username: &str) -> String {
    let out = world.cli(&["operators", "add", username]);
    let password = out
        .rsplit(": ")
        .next()
        .expect("the password")
        .trim()
        .to_owned();
    let token = login(world, username, &password).await;
    let (status, enrol) = post(
        world,
        &token,
        "/api/v1/auth/second-factor/enrol",
        serde_json::json!({}),
    )
    .await;
    assert!(status.is_success(), "{enrol}");
    let secret = enrol["secret"].as_str().expect("a secret").to_owned();
    let offset: i64 = std::fs::read_to_string(&world.clock_offset)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let now = wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock).timestamp() + offset;
    let code = wpplay_domain::totp::code(&secret, wpplay_domain::totp::step_of(now))
        .expect("a base32 key");
    let (status, on) = post(
        world,
        &token,
        "/api/v1/auth/second-factor/confirm",
        serde_json::json!({"code": code}),
    )
    .await;
    assert!(status.is_success(), "{on}");
    token
}
