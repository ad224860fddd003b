//! The authorization matrix: every route, and every kind of pushed mutation, called as
//! every kind of actor, with the exact expected answer, and a scan of every answer for
//! data of accounts the actor must not see. A route missing here fails the test.

use crate::harness::{Backend, TestServer, registration};
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Actor {
    Anonymous,
    Operator,
    PartnerA,
    PartnerB,
    ResellerLinked,
    ResellerUnlinked,
    DealerA,
    DealerAInactive,
    DealerB,
}
use Actor::*;

const ACTORS: [Actor; 9] = [
    Anonymous,
    Operator,
    PartnerA,
    PartnerB,
    ResellerLinked,
    ResellerUnlinked,
    DealerA,
    DealerAInactive,
    DealerB,
];

/// Strings that belong to one account, and who may ever see them.
const MARKERS: &[(&str, &[Actor])] = &[
    ("Secret-A", &[PartnerA, Operator]),
    ("Secret-B", &[PartnerB, Operator]),
    ("b@matrix.rs", &[PartnerB, Operator]),
    ("Line-DA", &[PartnerA, DealerA, Operator]),
    ("Line-DB", &[PartnerB, DealerB, Operator]),
    // The unlinked reseller sends A a request in the mutation matrix: then A knows it.
    ("Resell-Unlinked", &[ResellerUnlinked, Operator, PartnerA]),
    ("Own-Line-A", &[PartnerA, Operator]),
];

struct World {
    s: TestServer,
    tokens: BTreeMap<Actor, String>,
    passwords: BTreeMap<Actor, (String, String)>,
    a_id: i64,
    rl_id: i64,
    dealer_a: String,
    /// A's switched-off dealer: a password reset ends its sessions, and it has none to
    /// lose, so the other actors' tokens stay good.
    dealer_off: String,
    line_da: String,
    /// A's stream, a pending request of the linked reseller to a third partner, and one of
    /// a third reseller to A (neither third party is an actor): the real targets of the
    /// request and content kinds.
    stream_a: String,
    rl_to_c: String,
    third_to_a: String,
    /// The operator's recovery codes, for its fresh sign-ins.
    op_codes: Vec<String>,
}

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn hash(p: &str) -> String {
    argon2::Argon2::default()
        .hash_password(p.as_bytes(), &SaltString::generate(&mut OsRng))
        .expect("hash")
        .to_string()
}

async fn push(s: &TestServer, token: Option<&str>, m: Value) -> (StatusCode, Value) {
    let body = json!({"client_id": uuid(), "schema_version": wpplay_domain::sync::SCHEMA_VERSION, "mutations": [{"mutation_id": 1, "mutation": m}]});
    s.post("/api/v1/sync/push", token, body).await
}

async fn applied(s: &TestServer, token: &str, m: Value) {
    let (status, v) = push(s, Some(token), m.clone()).await;
    assert_eq!(
        (status, v["results"][0]["status"].as_str()),
        (StatusCode::OK, Some("applied")),
        "setup {m}: {v}"
    );
}

async fn login(s: &TestServer, username: &str, password: &str) -> String {
    let (status, v) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": username, "password": password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{username}: {v}");
    v["access_token"].as_str().expect("token").to_owned()
}

async fn reseller(s: &TestServer, email: &str, company: &str) -> (i64, String, (String, String)) {
    let mut form = registration(email);
    form.as_object_mut().expect("object").remove("package_id");
    form["role"] = json!("reseller");
    form["company"] = json!(company);
    let (status, v) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let c = s.credentials_for(email).await;
    let t = login(s, &c.username, &c.password).await;
    let (_, me) = s
        .post(
            "/api/v1/auth/password",
            Some(&t),
            json!({"current_password": c.password, "new_password": "Resell-pass-2026"}),
        )
        .await;
    (
        me["account_id"].as_i64().expect("id"),
        t,
        (c.username, "Resell-pass-2026".to_owned()),
    )
}

async fn world(backend: Backend) -> Option<World> {
    let s = TestServer::start(backend).await?;
    let mut tokens = BTreeMap::new();
    let mut passwords = BTreeMap::new();
    // Partners: B opted out of reseller services, so its contacts are never public.
    let (ca, a) = s.ready_partner("a@matrix.rs").await;
    let mut b_form = registration("b@matrix.rs");
    b_form["no_reseller_services"] = json!(true);
    let (status, _) = s.post("/api/v1/registrations", None, b_form).await;
    assert_eq!(status, StatusCode::CREATED);
    let cb = s.credentials_for("b@matrix.rs").await;
    let b0 = login(&s, &cb.username, &cb.password).await;
    s.post(
        "/api/v1/auth/password",
        Some(&b0),
        json!({"current_password": cb.password, "new_password": "Partner-B-2026"}),
    )
    .await;
    let b = login(&s, &cb.username, "Partner-B-2026").await;
    let profile = |name: &str| json!({"type": "update_profile", "contact_person": name, "phone": "+381 64 111 2222"});
    applied(&s, &a, profile("Ana Secret-A")).await;
    applied(&s, &b, profile("Bojan Secret-B")).await;
    let (_, me) = s.get("/api/v1/me", Some(&a)).await;
    let a_id = me["account_id"].as_i64().expect("id");

    // The operator, created with the operator's own command.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .args(["operators", "add", "ops.one"])
        .env("WPPLAY_DATA_DIR", &s.data_dir)
        .env("WPPLAY_DATABASE_URL", s.database_url.expose())
        .output()
        .expect("operators add");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let op_password = text
        .rsplit(": ")
        .next()
        .expect("password")
        .trim()
        .to_owned();
    let op = login(&s, "ops.one", &op_password).await;
    // Operators must sign in with a second factor: set up at once (its further sign-ins
    // below use the recovery codes, one each).
    let (_, op_codes) = crate::second_factor::enrol(&s, &op).await;
    tokens.insert(Operator, op);

    // Dealers of A (one to be switched off) and of B, each with a line.
    let dealer_a = uuid();
    let dealer_off = uuid();
    let dealer_b = uuid();
    let dealer = |id: &str, user: &str| {
        json!({"type": "create_dealer", "dealer_id": id, "display_name": user, "contact_email": null,
        "contact_phone": null, "username": user, "password_hash": hash("Dealer-pass-2026")})
    };
    applied(&s, &a, dealer(&dealer_a, "dealer.a")).await;
    applied(&s, &a, dealer(&dealer_off, "dealer.off")).await;
    applied(&s, &b, dealer(&dealer_b, "dealer.b")).await;
    let line = |id: &str, d: Option<&str>, name: &str, mac: &str| {
        json!({"type": "create_subscriber", "subscriber_id": id, "dealer_id": d,
        "name": name, "line_username": name, "mac": mac, "expires_at": "2026-06-01T00:00:00Z"})
    };
    let line_da = uuid();
    applied(
        &s,
        &a,
        line(&line_da, Some(&dealer_a), "Line-DA", "02:00:00:00:00:01"),
    )
    .await;
    applied(
        &s,
        &a,
        line(&uuid(), None, "Own-Line-A", "02:00:00:00:00:02"),
    )
    .await;
    applied(
        &s,
        &b,
        line(&uuid(), Some(&dealer_b), "Line-DB", "02:00:00:00:00:03"),
    )
    .await;
    tokens.insert(DealerA, login(&s, "dealer.a", "Dealer-pass-2026").await);
    tokens.insert(DealerB, login(&s, "dealer.b", "Dealer-pass-2026").await);
    tokens.insert(
        DealerAInactive,
        login(&s, "dealer.off", "Dealer-pass-2026").await,
    );
    applied(&s, &a, json!({"type": "set_dealer_status", "dealer_id": dealer_off, "base_version": 1, "status": "inactive"})).await;
    for (actor, user) in [
        (DealerA, "dealer.a"),
        (DealerB, "dealer.b"),
        (DealerAInactive, "dealer.off"),
    ] {
        passwords.insert(actor, (user.to_owned(), "Dealer-pass-2026".to_owned()));
    }

    // Resellers: one linked to A, one not; A has content.
    let (rl_id, rl, rl_pw) = reseller(&s, "rl@resell.rs", "Resell-Linked").await;
    let (_, rn, rn_pw) = reseller(&s, "rn@resell.rs", "Resell-Unlinked").await;
    let req = uuid();
    applied(
        &s,
        &rl,
        json!({"type": "request_partner", "request_id": req, "partner_id": a_id, "message": "Hi"}),
    )
    .await;
    applied(
        &s,
        &a,
        json!({"type": "answer_request", "request_id": req, "accept": true, "reason": null}),
    )
    .await;
    let stream_a = uuid();
    applied(&s, &a, json!({"type": "add_stream", "stream_id": stream_a, "name": "News", "category": "News", "stream_url": "https://cdn.example/news"})).await;
    let (_, c) = s.ready_partner("c@matrix.rs").await;
    let (_, me_c) = s.get("/api/v1/me", Some(&c)).await;
    let c_id = me_c["account_id"].as_i64().expect("id");
    let rl_to_c = uuid();
    applied(
        &s,
        &rl,
        json!({"type": "request_partner", "request_id": rl_to_c, "partner_id": c_id, "message": "Hi C"}),
    )
    .await;
    let (_, third, _) = reseller(&s, "rt@resell.rs", "Resell-Third").await;
    let third_to_a = uuid();
    applied(
        &s,
        &third,
        json!({"type": "request_partner", "request_id": third_to_a, "partner_id": a_id, "message": "Hi A"}),
    )
    .await;

    passwords.insert(PartnerA, (ca.username, ca.password));
    passwords.insert(PartnerB, (cb.username, "Partner-B-2026".to_owned()));
    passwords.insert(ResellerLinked, rl_pw);
    passwords.insert(ResellerUnlinked, rn_pw);
    passwords.insert(Operator, ("ops.one".to_owned(), op_password));
    tokens.insert(PartnerA, a);
    tokens.insert(PartnerB, b);
    tokens.insert(ResellerLinked, rl);
    tokens.insert(ResellerUnlinked, rn);
    Some(World {
        s,
        tokens,
        passwords,
        a_id,
        rl_id,
        dealer_a,
        dealer_off,
        line_da,
        stream_a,
        rl_to_c,
        third_to_a,
        op_codes,
    })
}

/// Every answer is scanned for data the actor must never see.
fn scan(actor: Actor, what: &str, body: &Value) {
    let text = body.to_string();
    for (marker, allowed) in MARKERS {
        assert!(
            allowed.contains(&actor) || !text.contains(marker),
            "{what} as {actor:?} leaked {marker}: {text}"
        );
    }
}

/// The event stream never ends by itself: read its status, and when it opened, its first
/// event (which must be `ready`); the body of a refusal as usual.
async fn event_stream_opens(s: &TestServer, token: Option<&str>) -> (reqwest::StatusCode, Value) {
    let mut req = reqwest::Client::new().get(format!("{}/api/v1/events", s.url));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let mut resp = req.send().await.expect("events");
    let status = resp.status();
    if !status.is_success() {
        let body = resp.json().await.unwrap_or(Value::Null);
        crate::documented::check("GET", "/api/v1/events", status.as_u16(), &body);
        return (status, body);
    }
    let first = tokio::time::timeout(std::time::Duration::from_secs(10), resp.chunk())
        .await
        .expect("the first event within 10 s")
        .expect("a chunk")
        .expect("not the end");
    let text = String::from_utf8_lossy(&first);
    assert!(text.contains("event: ready"), "{text}");
    (status, Value::Null)
}

fn expected_status(method: &str, path: &str, actor: Actor) -> u16 {
    let signed_in = !matches!(actor, Anonymous | DealerAInactive);
    match (method, path) {
        // The second step of a sign-in, with a made-up challenge: nobody's.
        ("POST", "/api/v1/auth/second-factor") => return 401,
        ("GET", "/api/v1/auth/second-factor") => return if signed_in { 200 } else { 401 },
        _ => {}
    }
    match path {
        // Setting up (again): the operator has it on already; everyone else gets a new
        // secret, which a made-up code does not confirm.
        p if p.starts_with("/api/v1/auth/second-factor/") && !signed_in => 401,
        "/api/v1/partner/dealer-second-factor" if !signed_in => 401,
        "/api/v1/auth/second-factor/enrol" => match actor {
            Operator => 409,
            _ => 200,
        },
        "/api/v1/auth/second-factor/confirm" => match actor {
            Operator => 409,
            _ => 422,
        },
        // Off for everyone but the operator, who must keep it.
        "/api/v1/auth/second-factor/disable" => match actor {
            Operator => 403,
            _ => 409,
        },
        "/api/v1/partner/dealer-second-factor" => match actor {
            PartnerA | PartnerB => 200,
            _ => 403,
        },
        "/healthz" | "/api/openapi.json" | "/api/v1/packages" => 200,
        // Off unless the operator turns it on (`ops.rs` tests it on).
        "/metrics" => 404,
        // Public: nothing is recorded for the made-up target and version.
        "/api/v1/desktop/updates/{target}/{current_version}" => 204,
        "/api/v1/desktop/releases/{target}/{version}/{file}" => 404,
        "/api/v1/registrations" => 422,
        "/api/v1/auth/login" | "/api/v1/auth/refresh" => 401,
        // Public and the same for everyone; a login longer than any is refused.
        "/api/v1/auth/recovery" => 202,
        "/api/v1/auth/recovery/confirm" => 422,
        // Only the payment provider's signature opens it; no token does.
        "/api/v1/payments/webhook" => 401,
        _ if !signed_in => 401,
        "/api/v1/auth/logout" => 204,
        "/api/v1/auth/password" => 422,
        "/api/v1/me" | "/api/v1/sync/pull" | "/api/v1/sync/push" | "/api/v1/events" => 200,
        // Everyone has sessions of their own; a made-up one is nobody's. Ending the others
        // keeps the one asking (the actor's main token).
        "/api/v1/sessions" | "/api/v1/sessions/end-others" => 200,
        "/api/v1/sessions/{id}" => 404,
        "/api/v1/audit" => match actor {
            Operator | PartnerA | PartnerB => 200,
            _ => 403,
        },
        // An amount of nothing: refused before anything is recorded.
        "/api/v1/operator/payments" if method == "POST" => match actor {
            Operator => 422,
            _ => 403,
        },
        // A pass at the matrix's time finds nothing due, so it changes nobody's state.
        "/api/v1/operator/partners"
        | "/api/v1/operator/payments"
        | "/api/v1/operator/deliveries"
        | "/api/v1/operator/invoices"
        | "/api/v1/operator/lifecycle/upcoming"
        | "/api/v1/operator/lifecycle/run" => match actor {
            Operator => 200,
            _ => 403,
        },
        "/api/v1/operator/packages" if method == "GET" => match actor {
            Operator => 200,
            _ => 403,
        },
        // The new package's code is not one; the changed package and the message do not
        // exist.
        "/api/v1/operator/packages" => match actor {
            Operator => 422,
            _ => 403,
        },
        "/api/v1/operator/packages/{id}"
        | "/api/v1/operator/deliveries/{id}/retry"
        | "/api/v1/operator/partners/{id}" => match actor {
            Operator => 404,
            _ => 403,
        },
        // A made-up payment: nobody's to resolve.
        "/api/v1/operator/payments/{id}/resolve" => match actor {
            Operator => 404,
            _ => 403,
        },
        // An empty file: not a statement.
        "/api/v1/operator/statements/preview" | "/api/v1/operator/statements/import" => match actor
        {
            Operator => 422,
            _ => 403,
        },
        "/api/v1/partners" => match actor {
            Operator | ResellerLinked | ResellerUnlinked => 200,
            _ => 403,
        },
        "/api/v1/billing" => match actor {
            PartnerA | PartnerB => 200,
            _ => 403,
        },
        // A number nobody has: partners are told it is not theirs, others not to ask.
        "/api/v1/billing/invoices/{number}/pdf" => match actor {
            PartnerA | PartnerB => 404,
            _ => 403,
        },
        // The body names a package that does not exist.
        "/api/v1/billing/package" => match actor {
            PartnerA | PartnerB => 422,
            _ => 403,
        },
        "/api/v1/partners/{partner_id}/content" => match actor {
            Operator | PartnerA | ResellerLinked => 200,
            _ => 403,
        },
        other => panic!("the matrix has no row for {other}: add it"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_as_every_actor_sqlite() {
    every_route_as_every_actor(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_as_every_actor_postgres() {
    every_route_as_every_actor(Backend::Postgres).await;
}

async fn every_route_as_every_actor(backend: Backend) {
    let Some(w) = world(backend).await else {
        return;
    };
    let mut op_codes = w.op_codes.iter();
    for (method, path) in wpplay_server::ROUTES {
        for actor in ACTORS {
            let mut token = w.tokens.get(&actor).cloned();
            if *path == "/api/v1/auth/logout" && actor != Anonymous && actor != DealerAInactive {
                // Sign out a fresh session, so the actor's main token stays usable.
                let (user, pw) = &w.passwords[&actor];
                token = Some(if actor == Operator {
                    let code = op_codes.next().expect("a recovery code left");
                    crate::second_factor::sign_in_with_recovery_code(&w.s, user, pw, code).await
                } else {
                    login(&w.s, user, pw).await
                });
            }
            let concrete = path
                .replace("{partner_id}", &w.a_id.to_string())
                .replace("{number}", "2026-999999")
                .replace("{target}", "linux-x86_64-deb")
                .replace("{current_version}", "0.1.0")
                .replace("{version}", "0.2.0")
                .replace("{file}", "app.deb")
                .replace("{id}", "999999999");
            let body = match *path {
                "/api/v1/registrations" => Some(
                    json!({"company": "X", "contact_person": "Y", "email": "not-an-email", "phone": "+381641234567",
                    "country": "RS", "credential_delivery": "email", "package_id": 1}),
                ),
                // One made-up name per actor, so the per-account throttle stays out of the way.
                "/api/v1/auth/login" => Some(
                    json!({"username": format!("nobody.{actor:?}"), "password": "wrong-pass-123"}),
                ),
                "/api/v1/auth/refresh" => Some(json!({"refresh_token": "bogus"})),
                "/api/v1/auth/recovery" => Some(json!({"login": format!("nobody.{actor:?}")})),
                // A login longer than any: refused before it is looked up, so the address's
                // throttle (which the wrong passwords above fill) stays out of the way.
                "/api/v1/auth/recovery/confirm" => Some(
                    json!({"login": "x".repeat(255), "code": "000000", "new_password": "Another-pass-2026"}),
                ),
                "/api/v1/billing/package" => Some(json!({"package_id": 999_999})),
                "/api/v1/auth/password" => Some(
                    json!({"current_password": "wrong-pass-123", "new_password": "Another-pass-2026"}),
                ),
                "/api/v1/sync/push" => Some(
                    json!({"client_id": uuid(), "schema_version": wpplay_domain::sync::SCHEMA_VERSION, "mutations": []}),
                ),
                "/api/v1/auth/logout" => Some(json!({})),
                "/api/v1/auth/second-factor" if *method == "POST" => {
                    Some(json!({"challenge": "made-up", "code": "123456"}))
                }
                "/api/v1/auth/second-factor/enrol" => Some(json!({})),
                "/api/v1/auth/second-factor/confirm" | "/api/v1/auth/second-factor/disable" => {
                    Some(json!({"code": "000000"}))
                }
                "/api/v1/partner/dealer-second-factor" => Some(json!({"required": false})),
                "/api/v1/operator/statements/preview" | "/api/v1/operator/statements/import" => {
                    Some(json!({"file_name": "empty.csv", "content_base64": ""}))
                }
                "/api/v1/operator/payments/{id}/resolve" => {
                    Some(json!({"action": "not_ours", "note": "a mistaken transfer"}))
                }
                "/api/v1/operator/packages" if *method == "POST" => Some(
                    json!({"code": "Not A Code", "name": "X", "monthly_price_minor": 100, "currency": "EUR",
                    "max_subscribers": 1, "max_streams": 1}),
                ),
                "/api/v1/operator/packages/{id}" => Some(json!({"monthly_price_minor": 100})),
                "/api/v1/operator/payments" if *method == "POST" => Some(
                    json!({"id": "matrix-1", "reference": "97 00-0", "amount_minor": 0, "currency": "EUR",
                    "received_at": "2026-03-01T00:00:00Z"}),
                ),
                _ => None,
            };
            let (status, v) = if *path == "/api/v1/events" {
                event_stream_opens(&w.s, token.as_deref()).await
            } else {
                w.s.call(method, &concrete, token.as_deref(), body).await
            };
            assert_eq!(
                status.as_u16(),
                expected_status(method, path, actor),
                "{method} {path} as {actor:?}: {v}"
            );
            scan(actor, path, &v);
        }
    }
    w.s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_mutation_kind_as_every_actor_sqlite() {
    every_mutation_kind_as_every_actor(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_mutation_kind_as_every_actor_postgres() {
    every_mutation_kind_as_every_actor(Backend::Postgres).await;
}

/// Who may apply each kind of mutation to partner A's data.
async fn every_mutation_kind_as_every_actor(backend: Backend) {
    let Some(w) = world(backend).await else {
        return;
    };
    let a_and_dealer: &[Actor] = &[PartnerA, DealerA];
    let resellers: &[Actor] = &[ResellerUnlinked];
    // (kind, builder, who may apply it). Kinds that create build fresh ids, so an allowed
    // actor's success never changes what the next actor meets; kinds that act on a row name
    // a real one of A's (or the linked reseller's), so a refusal is about who asks.
    type Build = Box<dyn Fn(&World) -> Value>;
    let kinds: Vec<(&str, Build, &[Actor])> = vec![
        (
            "update_profile",
            Box::new(
                |_| json!({"type": "update_profile", "contact_person": "Matrix", "phone": "+381641112222"}),
            ),
            &[PartnerA, PartnerB],
        ),
        (
            "set_notification_preferences",
            Box::new(|_| {
                let all = json!({"email": true, "sms": false, "in_app": true});
                json!({"type": "set_notification_preferences",
                    "preferences": {"reminders": all, "billing": all, "network": all}})
            }),
            &[PartnerA, PartnerB],
        ),
        (
            "set_language",
            Box::new(|_| json!({"type": "set_language", "language": "sr-Latn"})),
            &[
                Operator,
                PartnerA,
                PartnerB,
                ResellerLinked,
                ResellerUnlinked,
                DealerA,
                DealerB,
            ],
        ),
        (
            "create_dealer",
            Box::new(|_| {
                json!({"type": "create_dealer", "dealer_id": uuid(), "display_name": "N", "contact_email": null, "contact_phone": null,
            "username": format!("u{}", &uuid()[..8]), "password_hash": hash("Dealer-pass-2026")})
            }),
            &[PartnerA, PartnerB],
        ),
        (
            "reset_dealer_password",
            Box::new(
                |w| json!({"type": "reset_dealer_password", "dealer_id": w.dealer_off, "password_hash": hash("Dealer-pass-2027")}),
            ),
            &[PartnerA],
        ),
        (
            "update_dealer",
            Box::new(
                |w| json!({"type": "update_dealer", "dealer_id": w.dealer_a, "base_version": 0, "display_name": "X", "contact_email": null, "contact_phone": null}),
            ),
            &[],
        ),
        (
            "set_dealer_status",
            Box::new(
                |w| json!({"type": "set_dealer_status", "dealer_id": w.dealer_a, "base_version": 0, "status": "inactive"}),
            ),
            &[],
        ),
        (
            "delete_dealer",
            Box::new(
                |w| json!({"type": "delete_dealer", "dealer_id": w.dealer_a, "base_version": 0, "subscriber_count": 1}),
            ),
            &[],
        ),
        (
            "create_subscriber",
            Box::new(|_| {
                json!({"type": "create_subscriber", "subscriber_id": uuid(), "dealer_id": null, "name": "N", "line_username": "n",
            "mac": format!("0A:00:00:{}:{}:{}", &uuid()[..2], &uuid()[..2], &uuid()[..2]), "expires_at": "2026-06-01T00:00:00Z"})
            }),
            &[PartnerA, PartnerB, DealerA, DealerB],
        ),
        (
            "update_subscriber",
            Box::new(|w| {
                json!({"type": "update_subscriber", "subscriber_id": w.line_da, "base_version": 0, "name": "X", "line_username": "x",
            "mac": "02:00:00:00:00:01", "status": "active"})
            }),
            &[],
        ),
        (
            "extend_subscriber",
            Box::new(
                |w| json!({"type": "extend_subscriber", "subscriber_id": w.line_da, "days": 1}),
            ),
            a_and_dealer,
        ),
        (
            "remove_subscriber",
            Box::new(
                |w| json!({"type": "remove_subscriber", "subscriber_id": w.line_da, "base_version": 0}),
            ),
            &[],
        ),
        (
            "update_reseller_settings",
            Box::new(|_| {
                json!({"type": "update_reseller_settings", "base_version": 99, "offers_reseller_services": true, "website": null,
            "messenger": null, "address": null, "note": null, "visible": {"email": true, "phone": true, "website": false, "messenger": false, "address": false, "note": false}})
            }),
            &[],
        ),
        (
            "request_partner",
            Box::new(
                |w| json!({"type": "request_partner", "request_id": uuid(), "partner_id": w.a_id, "message": "Hi"}),
            ),
            resellers,
        ),
        (
            "withdraw_request",
            Box::new(|w| json!({"type": "withdraw_request", "request_id": w.rl_to_c})),
            &[ResellerLinked],
        ),
        (
            "answer_request",
            Box::new(
                |w| json!({"type": "answer_request", "request_id": w.third_to_a, "accept": false, "reason": null}),
            ),
            &[PartnerA],
        ),
        (
            "remove_reseller",
            Box::new(|w| json!({"type": "remove_reseller", "reseller_id": w.rl_id, "reason": "x"})),
            &[PartnerA],
        ),
        (
            "add_stream",
            Box::new(
                |_| json!({"type": "add_stream", "stream_id": uuid(), "name": "S", "category": "C", "stream_url": "https://cdn.example/s"}),
            ),
            &[PartnerA, PartnerB],
        ),
        (
            "remove_stream",
            Box::new(|w| json!({"type": "remove_stream", "stream_id": w.stream_a})),
            &[PartnerA],
        ),
    ];
    for (kind, build, allowed) in &kinds {
        for actor in ACTORS {
            let (status, v) = push(&w.s, w.tokens.get(&actor).map(String::as_str), build(&w)).await;
            scan(actor, kind, &v);
            if matches!(actor, Anonymous | DealerAInactive) {
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{kind} as {actor:?}: {v}");
                continue;
            }
            assert_eq!(status, StatusCode::OK, "{kind} as {actor:?}: {v}");
            let outcome = v["results"][0]["status"].as_str().unwrap_or("");
            let expected = if allowed.contains(&actor) {
                "applied"
            } else {
                "rejected"
            };
            assert_eq!(outcome, expected, "{kind} as {actor:?}: {v}");
            // Someone else's rows are invisible: refused as unknown or forbidden, never as a
            // version conflict (which would tell the row exists and was reached).
            let code = v["results"][0]["code"].as_str().unwrap_or("");
            let targets_a = [
                "update_dealer",
                "set_dealer_status",
                "delete_dealer",
                "update_subscriber",
                "extend_subscriber",
                "remove_subscriber",
            ]
            .contains(kind);
            if targets_a && !matches!(actor, PartnerA | DealerA) {
                assert_ne!(
                    code, "version_conflict",
                    "{kind} as {actor:?} reached A's data: {v}"
                );
            }
        }
    }
    // The pulls after all of it still leak nothing.
    for actor in ACTORS {
        let (_, v) =
            w.s.get(
                "/api/v1/sync/pull?since=0&limit=1000",
                w.tokens.get(&actor).map(String::as_str),
            )
            .await;
        scan(actor, "pull", &v);
    }
    w.s.stop().await;
}
