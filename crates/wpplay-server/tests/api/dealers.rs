//! The dealer network through the sync spine: dealers, their logins and status rules,
//! subscribers, and deleting a dealer with all its subscribers.

use crate::harness::TestServer;
use crate::on_both_backends;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicI64, Ordering};
use wpplay_server::db::entity::{account, dealer, subscriber};

const DEALER: &str = "d0000000-0000-4000-8000-000000000001";
const LINE_1: &str = "50000000-0000-4000-8000-000000000001";
const LINE_2: &str = "50000000-0000-4000-8000-000000000002";
const OWN_LINE: &str = "50000000-0000-4000-8000-000000000003";

pub(crate) fn hash(password: &str) -> String {
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
        .expect("hash")
        .to_string()
}

/// A device of one account: pushes mutations with increasing ids.
struct Device<'a> {
    s: &'a TestServer,
    token: String,
    client: String,
    next: AtomicI64,
}

impl<'a> Device<'a> {
    fn new(s: &'a TestServer, token: &str, client: &str) -> Self {
        Self {
            s,
            token: token.to_owned(),
            client: client.to_owned(),
            next: AtomicI64::new(1),
        }
    }

    /// Pushes one mutation and returns `(status, code)` of its outcome.
    async fn push(&self, mutation: Value) -> (String, String) {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let body = json!({"client_id": self.client, "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
                          "mutations": [{"mutation_id": id, "mutation": mutation}]});
        let (status, v) = self
            .s
            .post("/api/v1/sync/push", Some(&self.token), body)
            .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        let r = &v["results"][0];
        (
            r["status"].as_str().unwrap_or("").to_owned(),
            r["code"].as_str().unwrap_or("").to_owned(),
        )
    }

    async fn feed(&self) -> Vec<Value> {
        let (status, v) = self
            .s
            .get("/api/v1/sync/pull?since=0&limit=1000", Some(&self.token))
            .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        v["changes"].as_array().cloned().unwrap_or_default()
    }
}

fn applied() -> (String, String) {
    ("applied".to_owned(), String::new())
}

fn rejected(code: &str) -> (String, String) {
    ("rejected".to_owned(), code.to_owned())
}

fn create_dealer(id: &str, username: &str, password_hash: &str) -> Value {
    json!({"type": "create_dealer", "dealer_id": id, "display_name": "Marko Electronics", "contact_email": "marko@shop.rs",
           "contact_phone": "+381 11 333 4444", "username": username, "password_hash": password_hash})
}

fn create_line(id: &str, dealer_id: Option<&str>, mac: &str) -> Value {
    json!({"type": "create_subscriber", "subscriber_id": id, "dealer_id": dealer_id, "name": "Line", "line_username": format!("line-{id}"),
           "mac": mac, "expires_at": "2026-03-20T00:00:00Z"})
}

fn latest<'v>(feed: &'v [Value], entity: &str, id: &str) -> Option<&'v Value> {
    feed.iter()
        .rev()
        .find(|c| c["entity"] == entity && c["data"]["id"] == id)
}

async fn login(s: &TestServer, username: &str, password: &str) -> (StatusCode, Value) {
    s.post(
        "/api/v1/auth/login",
        None,
        json!({"username": username, "password": password}),
    )
    .await
}

async fn dealer_network(s: &TestServer) {
    let (_, partner_token) = s.ready_partner("net@acme.rs").await;
    let partner = Device::new(s, &partner_token, "c0ffee00-0000-4000-8000-0000000000d1");
    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("connect");

    // Adding a dealer: refusals first, each leaving nothing behind.
    assert_eq!(
        partner
            .push(create_dealer(DEALER, "Marko!", &hash("Dealer-pass-2026")))
            .await,
        rejected("invalid_username")
    );
    assert_eq!(
        partner
            .push(create_dealer(DEALER, "marko", "Dealer-pass-2026"))
            .await,
        rejected("bad_password_hash"),
        "plain passwords are refused"
    );
    let weak = "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$WeR0j3nBf6gYtDpgCYxJ9hEY7bHcFpCCjw5r3cE1m4E";
    assert_eq!(
        partner.push(create_dealer(DEALER, "marko", weak)).await,
        rejected("weak_password_hash"),
        "cheap hashes are refused"
    );
    let creds_taken = s.credentials_for("net@acme.rs").await.username;
    assert_eq!(
        partner
            .push(create_dealer(
                DEALER,
                &creds_taken,
                &hash("Dealer-pass-2026")
            ))
            .await,
        rejected("dealer_username_taken")
    );
    assert_eq!(
        dealer::Entity::find().count(&db).await.expect("count"),
        0,
        "no refused dealer was written"
    );
    assert_eq!(
        partner
            .push(create_dealer(
                DEALER,
                "Marko.Shop",
                &hash("Dealer-pass-2026")
            ))
            .await,
        applied()
    );
    let feed = partner.feed().await;
    let d = latest(&feed, "dealer", DEALER).expect("the dealer is in the partner's feed");
    assert_eq!(
        (
            d["data"]["username"].as_str(),
            d["data"]["status"].as_str(),
            d["data"]["version"].as_i64()
        ),
        (Some("marko.shop"), Some("active"), Some(1))
    );
    assert!(
        !d.to_string().contains("argon2"),
        "the hash never travels back: {d}"
    );

    // The dealer signs in with the username and password the partner chose.
    let (status, dl) = login(s, "marko.shop", "Dealer-pass-2026").await;
    assert_eq!(status, StatusCode::OK, "{dl}");
    assert_eq!(dl["role"], "dealer");
    let dealer_token = dl["access_token"].as_str().expect("token").to_owned();
    let dealer_dev = Device::new(s, &dealer_token, "c0ffee00-0000-4000-8000-0000000000d2");

    // Subscribers: the dealer's own, and the partner's own.
    assert_eq!(
        dealer_dev
            .push(create_line(LINE_1, None, "00:1a:2b:3c:4d:01"))
            .await,
        applied()
    );
    assert_eq!(
        partner
            .push(create_line(LINE_2, Some(DEALER), "00-1A-2B-3C-4D-02"))
            .await,
        applied()
    );
    assert_eq!(
        partner
            .push(create_line(OWN_LINE, None, "001a2b3c4d03"))
            .await,
        applied()
    );
    assert_eq!(
        partner
            .push(create_line(
                "50000000-0000-4000-8000-000000000009",
                None,
                "00:1A:2B:3C:4D:01"
            ))
            .await,
        rejected("mac_taken"),
        "MACs are unique per partner"
    );
    assert_eq!(
        dealer_dev
            .push(create_line(
                "50000000-0000-4000-8000-00000000000a",
                None,
                "bad mac"
            ))
            .await,
        rejected("invalid_mac")
    );
    let dealer_feed = dealer_dev.feed().await;
    let lines: Vec<&str> = dealer_feed
        .iter()
        .filter(|c| c["entity"] == "subscriber")
        .filter_map(|c| c["data"]["id"].as_str())
        .collect();
    assert_eq!(
        lines,
        [LINE_1, LINE_2],
        "a dealer sees only its own subscribers"
    );
    assert!(
        !dealer_feed
            .iter()
            .any(|c| c.to_string().contains("net@acme.rs")),
        "nor anything of its partner's profile"
    );

    // What a dealer may not do.
    assert_eq!(dealer_dev.push(json!({"type": "set_dealer_status", "dealer_id": DEALER, "base_version": 1, "status": "inactive"})).await, rejected("forbidden"));
    assert_eq!(
        dealer_dev
            .push(
                json!({"type": "remove_subscriber", "subscriber_id": OWN_LINE, "base_version": 1})
            )
            .await,
        rejected("subscriber_not_found"),
        "the partner's own lines are invisible to dealers"
    );

    // Extending runs from the later of now (2026-03-01 09:30) and the old expiry (2026-03-20).
    assert_eq!(
        dealer_dev
            .push(json!({"type": "extend_subscriber", "subscriber_id": LINE_1, "days": 30}))
            .await,
        applied()
    );
    let f = partner.feed().await;
    assert_eq!(
        latest(&f, "subscriber", LINE_1).expect("line")["data"]["expires_at"],
        "2026-04-19T00:00:00Z"
    );

    // Edits name the version they were made on; a stale one is a conflict, not an overwrite.
    let edit = |v: i64, name: &str| json!({"type": "update_dealer", "dealer_id": DEALER, "base_version": v, "display_name": name, "contact_email": null, "contact_phone": null});
    assert_eq!(partner.push(edit(1, "Marko Shop")).await, applied());
    assert_eq!(
        partner.push(edit(1, "Other device's name")).await,
        rejected("version_conflict")
    );
    assert_eq!(
        latest(&partner.feed().await, "dealer", DEALER).expect("dealer")["data"]["display_name"],
        "Marko Shop"
    );

    // Inactive: sessions end at once, sign-in is refused with a clear reason, lines are suspended (derived).
    let status = |v: i64, st: &str| json!({"type": "set_dealer_status", "dealer_id": DEALER, "base_version": v, "status": st});
    assert_eq!(partner.push(status(2, "inactive")).await, applied());
    let (st, v) = s.get("/api/v1/me", Some(&dealer_token)).await;
    assert_eq!(
        st,
        StatusCode::UNAUTHORIZED,
        "the dealer's session ended at once: {v}"
    );
    let (st, v) = login(s, "marko.shop", "Dealer-pass-2026").await;
    assert_eq!(
        (st, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("dealer_inactive")),
        "a clear reason, not 'wrong password'"
    );
    let (st, v) = login(s, "marko.shop", "not-the-password").await;
    assert_eq!(
        (st, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("wrong_credentials")),
        "a stranger learns nothing"
    );
    let stored: Vec<String> = subscriber::Entity::find()
        .all(&db)
        .await
        .expect("lines")
        .into_iter()
        .map(|l| l.status)
        .collect();
    assert!(
        stored.iter().all(|s| s == "active"),
        "suspension is derived; stored statuses stay as they were: {stored:?}"
    );
    assert_eq!(partner.push(status(3, "active")).await, applied());
    let (st, _) = login(s, "marko.shop", "Dealer-pass-2026").await;
    assert_eq!(st, StatusCode::OK, "reactivated");

    // Delete: the confirmation's count must match; then the dealer and all its lines go at once.
    let delete = |count: i64| json!({"type": "delete_dealer", "dealer_id": DEALER, "base_version": 4, "subscriber_count": count});
    assert_eq!(
        partner.push(delete(1)).await,
        rejected("subscriber_count_changed")
    );
    let lines_before = subscriber::Entity::find().count(&db).await.expect("count");
    assert_eq!(lines_before, 3);
    assert_eq!(partner.push(delete(2)).await, applied());
    assert_eq!(
        subscriber::Entity::find().count(&db).await.expect("count"),
        1,
        "the dealer's two lines went; the partner's own stayed"
    );
    assert_eq!(dealer::Entity::find().count(&db).await.expect("count"), 0);
    assert_eq!(
        account::Entity::find()
            .filter(account::Column::Username.eq("marko.shop"))
            .count(&db)
            .await
            .expect("count"),
        0,
        "its login is gone too"
    );
    let (st, _) = login(s, "marko.shop", "Dealer-pass-2026").await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let f = partner.feed().await;
    let tail: Vec<(&str, &str)> = f
        .iter()
        .rev()
        .take(3)
        .map(|c| {
            (
                c["entity"].as_str().unwrap_or(""),
                c["data"]["id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        tail.contains(&("dealer_removed", DEALER))
            && tail.contains(&("subscriber_removed", LINE_1))
            && tail.contains(&("subscriber_removed", LINE_2)),
        "{tail:?}"
    );
    assert_eq!(
        partner.push(status(5, "inactive")).await,
        rejected("dealer_not_found"),
        "an edit to a deleted dealer is refused, not lost"
    );

    // The audit log: who, what, before and after; never a password hash.
    let (status, log) = s.get("/api/v1/audit?limit=500", Some(&partner_token)).await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let text = log.to_string();
    // (The word itself may name an event, e.g. `password_changed`; no field holds one.)
    assert!(
        !text.contains("argon2")
            && !text.contains("\"password\"")
            && !text.contains("password_hash")
            && !text.contains("Dealer-pass"),
        "no secret in the log: {text}"
    );
    let entries = log.as_array().expect("entries");
    let find = |action: &str| {
        entries
            .iter()
            .find(|e| e["action"] == action)
            .unwrap_or_else(|| panic!("{action} is logged: {text}"))
    };
    let edit = find("update_dealer");
    assert_eq!(
        (
            edit["before"]["display_name"].as_str(),
            edit["after"]["display_name"].as_str()
        ),
        (Some("Marko Electronics"), Some("Marko Shop"))
    );
    assert_eq!(edit["actor_role"], "partner");
    assert!(
        entries.iter().any(|e| e["action"] == "create_subscriber"
            && e["actor_role"] == "dealer"
            && e["actor_name"] == "marko.shop"),
        "changes by the dealer are in the partner's log: {text}"
    );
    let deleted = find("delete_dealer");
    assert!(
        deleted["before"].is_object() && deleted["after"].is_null(),
        "a deletion keeps what was deleted: {deleted}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .args(["audit", "list"])
        .env("WPPLAY_DATA_DIR", &s.data_dir)
        .env("WPPLAY_DATABASE_URL", s.database_url.expose())
        .output()
        .expect("audit list");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("delete_dealer") && listed.contains("marko.shop"),
        "the operator sees all: {listed}"
    );
}
on_both_backends!(dealer_network);

/// A partner gives its dealer a new password (hashed on the client, like a new dealer's):
/// the old one stops, the dealer's sessions end, and nobody else's dealer can be reset.
async fn a_partner_resets_a_dealers_password(s: &TestServer) {
    let (_, partner_token) = s.ready_partner("reset@acme.rs").await;
    let partner = Device::new(s, &partner_token, "c0ffee00-0000-4000-8000-0000000000e1");
    let reset = |hash: &str| json!({"type": "reset_dealer_password", "dealer_id": DEALER, "password_hash": hash});
    assert_eq!(
        partner.push(reset(&hash("Dealer-pass-2027"))).await,
        rejected("dealer_not_found"),
        "no such dealer yet"
    );
    let create = create_dealer(DEALER, "reset.me", &hash("Dealer-pass-2026"));
    assert_eq!(partner.push(create).await, applied());
    let (status, dl) = login(s, "reset.me", "Dealer-pass-2026").await;
    assert_eq!(status, StatusCode::OK, "{dl}");
    let dealer_token = dl["access_token"].as_str().expect("token").to_owned();

    assert_eq!(
        partner.push(reset("Dealer-pass-2027")).await,
        rejected("bad_password_hash"),
        "a plain password is refused"
    );
    // Another partner cannot reach this dealer.
    let (_, other_token) = s.ready_partner("reset-other@acme.rs").await;
    let other = Device::new(s, &other_token, "c0ffee00-0000-4000-8000-0000000000e2");
    assert_eq!(
        other.push(reset(&hash("Dealer-pass-2028"))).await,
        rejected("dealer_not_found")
    );
    assert_eq!(
        partner.push(reset(&hash("Dealer-pass-2027"))).await,
        applied()
    );
    let (status, _) = s.get("/api/v1/me", Some(&dealer_token)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the dealer's session ended"
    );
    let (status, _) = login(s, "reset.me", "Dealer-pass-2026").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password stopped");
    let (status, body) = login(s, "reset.me", "Dealer-pass-2027").await;
    assert_eq!(status, StatusCode::OK, "the new one works: {body}");
    let (status, _) = login(s, "reset.me", "Dealer-pass-2028").await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the other partner's try changed nothing"
    );
    let (_, log) = s.get("/api/v1/audit", Some(&partner_token)).await;
    assert!(
        log.as_array()
            .into_iter()
            .flatten()
            .any(|e| e["action"] == "reset_dealer_password" && e["entity_id"] == DEALER),
        "the reset is in the partner's activity log: {log}"
    );
    assert!(!log.to_string().contains("argon2"), "never the hash: {log}");
}
on_both_backends!(a_partner_resets_a_dealers_password);

/// One pushed batch that creates, edits, is refused and deletes the dealer it edited: what the batch writes together (feed, audit, outcomes) matches
/// what each mutation alone would have written, and the deleted dealer's own feed
/// entries go with it.
async fn one_batch_writes_what_its_mutations_would(s: &TestServer) {
    let (creds, token) = s.ready_partner("batch@acme.rs").await;
    let client = "c0000000-0000-4000-8000-0000000000b1";
    let dealer = "d0000000-0000-4000-8000-0000000000b1";
    let other = "d0000000-0000-4000-8000-0000000000b2";
    let edit = |v: i64, name: &str| json!({"type": "update_dealer", "dealer_id": dealer, "base_version": v, "display_name": name, "contact_email": null, "contact_phone": null});
    let mutations = json!([
        {"mutation_id": 1, "mutation": create_dealer(dealer, "batch.dealer.one", &hash("Dealer-one-2026"))},
        {"mutation_id": 2, "mutation": create_dealer(other, "batch.dealer.two", &hash("Dealer-two-2026"))},
        {"mutation_id": 3, "mutation": edit(1, "Renamed once")},
        {"mutation_id": 4, "mutation": edit(1, "Stale edit")},
        {"mutation_id": 5, "mutation": edit(2, "Renamed twice")},
        {"mutation_id": 6, "mutation": {"type": "delete_dealer", "dealer_id": dealer, "base_version": 3, "subscriber_count": 0}},
    ]);
    let body = json!({"client_id": client, "schema_version": wpplay_domain::sync::SCHEMA_VERSION, "mutations": mutations});
    let (status, v) = s.post("/api/v1/sync/push", Some(&token), body).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let outcomes: Vec<(i64, String, String)> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["mutation_id"].as_i64().unwrap_or(-1),
                r["status"].as_str().unwrap_or("").to_owned(),
                r["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let ok = |id: i64| (id, "applied".to_owned(), String::new());
    assert_eq!(
        outcomes,
        [
            ok(1),
            ok(2),
            ok(3),
            (4, "rejected".to_owned(), "version_conflict".to_owned()),
            ok(5),
            ok(6)
        ]
    );

    // The partner's feed: every change once, in order, numbered without gaps.
    let (_, page) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&token))
        .await;
    let changes = page["changes"].as_array().cloned().unwrap_or_default();
    let seqs: Vec<i64> = changes.iter().filter_map(|c| c["seq"].as_i64()).collect();
    assert_eq!(
        seqs,
        (1..=i64::try_from(seqs.len()).expect("len")).collect::<Vec<_>>(),
        "{page}"
    );
    let about = |id: &str| -> Vec<String> {
        changes
            .iter()
            .filter(|c| c["data"]["id"] == id)
            .map(|c| {
                format!(
                    "{}:{}",
                    c["entity"].as_str().unwrap_or(""),
                    c["data"]["display_name"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    assert_eq!(
        about(dealer),
        [
            "dealer:Marko Electronics",
            "dealer:Renamed once",
            "dealer:Renamed twice",
            "dealer_removed:"
        ]
    );
    assert_eq!(about(other), ["dealer:Marko Electronics"]);
    assert_eq!(
        page["cursor"], v["cursor"],
        "the push answers the feed's head"
    );

    // The second dealer signs in and sees itself in its own feed; the deleted one is gone.
    let db = crate::billing::db(s).await;
    let (status, _) = login(s, "batch.dealer.two", "Dealer-two-2026").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = login(s, "batch.dealer.one", "Dealer-one-2026").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // One audit entry per applied mutation, none for the refused one.
    let audited: Vec<String> = wpplay_server::db::entity::audit::Entity::find()
        .filter(wpplay_server::db::entity::audit::Column::ActorName.eq(creds.username.clone()))
        .all(&db)
        .await
        .expect("audit")
        .into_iter()
        .filter(|a| a.entity == "dealer")
        .map(|a| a.action)
        .collect();
    assert_eq!(
        audited,
        [
            "create_dealer",
            "create_dealer",
            "update_dealer",
            "update_dealer",
            "delete_dealer"
        ]
    );
    // The same batch again (a retry after a lost answer) changes nothing and answers the
    // recorded outcomes.
    let again = json!({"client_id": client, "schema_version": wpplay_domain::sync::SCHEMA_VERSION, "mutations": mutations});
    let (status, w) = s.post("/api/v1/sync/push", Some(&token), again).await;
    assert_eq!(status, StatusCode::OK, "{w}");
    assert_eq!(w["results"], v["results"]);
    assert_eq!(w["cursor"], v["cursor"]);
    db.close().await.ok();
}
on_both_backends!(one_batch_writes_what_its_mutations_would);

/// A run of dealer edits in one batch is decided together, yet each edit is judged as if
/// alone against what the edits before it left: versions chain, a refused edit in the
/// middle changes nothing, an Inactive switch ends the dealer's session at once, each
/// applied edit has its feed entries and an audit entry with the dealer before and after.
async fn a_run_of_dealer_edits_is_judged_edit_by_edit(s: &TestServer) {
    let (_, token) = s.ready_partner("run@acme.rs").await;
    let client = "c0000000-0000-4000-8000-0000000000c1";
    let (one, two) = (
        "d0000000-0000-4000-8000-0000000000c1",
        "d0000000-0000-4000-8000-0000000000c2",
    );
    let push = |mutations: Value| json!({"client_id": client, "schema_version": wpplay_domain::sync::SCHEMA_VERSION, "mutations": mutations});
    let (status, v) = s
        .post(
            "/api/v1/sync/push",
            Some(&token),
            push(json!([
                {"mutation_id": 1, "mutation": create_dealer(one, "run.dealer.one", &hash("Dealer-one-2026"))},
                {"mutation_id": 2, "mutation": create_dealer(two, "run.dealer.two", &hash("Dealer-two-2026"))},
            ])),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let (_, signed_in) = login(s, "run.dealer.two", "Dealer-two-2026").await;
    let dealer_token = signed_in["access_token"]
        .as_str()
        .expect("token")
        .to_owned();

    let edit = |id: &str, v: i64, name: &str, email: Option<&str>| json!({"type": "update_dealer", "dealer_id": id, "base_version": v, "display_name": name, "contact_email": email, "contact_phone": null});
    let status_of = |id: &str, v: i64, st: &str| json!({"type": "set_dealer_status", "dealer_id": id, "base_version": v, "status": st});
    let (status, v) = s
        .post(
            "/api/v1/sync/push",
            Some(&token),
            push(json!([
                {"mutation_id": 3, "mutation": edit(one, 1, "One renamed", None)},
                {"mutation_id": 4, "mutation": status_of(two, 1, "inactive")},
                {"mutation_id": 5, "mutation": edit(one, 2, "Bad e-mail", Some("not an address"))},
                {"mutation_id": 6, "mutation": edit("d0000000-0000-4000-8000-0000000000ff", 1, "Nobody", None)},
                {"mutation_id": 7, "mutation": status_of(one, 1, "inactive")},
                {"mutation_id": 8, "mutation": status_of(one, 2, "inactive")},
                {"mutation_id": 9, "mutation": edit(one, 3, "One renamed again", None)},
                {"mutation_id": 10, "mutation": status_of(two, 2, "active")},
            ])),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let codes: Vec<&str> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["code"].as_str().unwrap_or("applied"))
        .collect();
    assert_eq!(
        codes,
        [
            "applied",
            "applied",
            "invalid_email",
            "dealer_not_found",
            "version_conflict",
            "applied",
            "applied",
            "applied"
        ],
        "{v}"
    );

    // Switched off, the dealer's session ended at once, though the run switched it back.
    let (st, body) = s.get("/api/v1/me", Some(&dealer_token)).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");

    // Each dealer stored once, in the state the last of its edits left.
    let db = crate::billing::db(s).await;
    let stored = |id: &'static str| {
        let db = db.clone();
        async move {
            let d = dealer::Entity::find_by_id(id.to_owned())
                .one(&db)
                .await
                .expect("read")
                .expect("dealer");
            (d.display_name, d.status, d.version)
        }
    };
    assert_eq!(
        stored(one).await,
        ("One renamed again".to_owned(), "inactive".to_owned(), 4)
    );
    assert_eq!(
        stored(two).await,
        ("Marko Electronics".to_owned(), "active".to_owned(), 3)
    );

    // The partner's feed carries every applied edit, in order; the dealer's own feed its own.
    let (_, page) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&token))
        .await;
    let versions: Vec<(String, i64)> = page["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["entity"] == "dealer")
        .map(|c| {
            (
                c["data"]["id"].as_str().unwrap_or("").to_owned(),
                c["data"]["version"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    let v_of = |id: &str, n: i64| (id.to_owned(), n);
    assert_eq!(
        versions,
        [
            v_of(one, 1),
            v_of(two, 1),
            v_of(one, 2),
            v_of(two, 2),
            v_of(one, 3),
            v_of(one, 4),
            v_of(two, 3)
        ]
    );

    // One audit entry per applied edit, each before equal to the previous after.
    let audited: Vec<(String, Option<i64>, Option<i64>)> =
        wpplay_server::db::entity::audit::Entity::find()
            .filter(wpplay_server::db::entity::audit::Column::EntityId.eq(one))
            .all(&db)
            .await
            .expect("audit")
            .into_iter()
            .map(|a| {
                let version = |s: Option<String>| {
                    s.and_then(|s| serde_json::from_str::<Value>(&s).ok())
                        .and_then(|v| v["version"].as_i64())
                };
                (a.action, version(a.before), version(a.after))
            })
            .collect();
    assert_eq!(
        audited,
        [
            ("create_dealer".to_owned(), None, Some(1)),
            ("update_dealer".to_owned(), Some(1), Some(2)),
            ("set_dealer_status".to_owned(), Some(2), Some(3)),
            ("update_dealer".to_owned(), Some(3), Some(4)),
        ]
    );
    db.close().await.ok();
}
on_both_backends!(a_run_of_dealer_edits_is_judged_edit_by_edit);

/// New dealers in one batch are decided together, yet each as if alone: an id or a
/// username an earlier one of the batch took is refused like one taken before, every
/// "username taken" counts against the day's ration as it is heard, and once that is
/// used up even a free name waits. Only the dealers applied exist, each with its login.
async fn a_run_of_new_dealers_is_judged_dealer_by_dealer(s: &TestServer) {
    let (creds, token) = s.ready_partner("newrun@acme.rs").await;
    let hash = hash("Dealer-run-2026");
    let id = |n: u32| format!("d0000000-0000-4000-8000-0000000001{n:02}");
    let new = |n: u32, username: &str| {
        json!({"type": "create_dealer", "dealer_id": id(n), "display_name": format!("Shop {n}"), "contact_email": null,
               "contact_phone": null, "username": username, "password_hash": hash})
    };
    let max = u32::try_from(wpplay_domain::dealer::MAX_TAKEN_USERNAMES_PER_DAY).expect("small");
    let mut mutations = vec![
        new(1, "run.shop.one"),
        new(1, "run.shop.other"),
        new(2, "run.shop.one"),
        new(3, "run.shop.three"),
    ];
    // The partner's own username, taken: the rest of the day's ration.
    for n in 1..max {
        mutations.push(new(10 + n, &creds.username));
    }
    mutations.push(new(4, "run.shop.four"));
    let numbered: Vec<Value> = mutations
        .into_iter()
        .enumerate()
        .map(|(i, m)| json!({"mutation_id": i + 1, "mutation": m}))
        .collect();
    let body = json!({"client_id": "c0000000-0000-4000-8000-0000000001c1", "schema_version": wpplay_domain::sync::SCHEMA_VERSION, "mutations": numbered});
    let (status, v) = s.post("/api/v1/sync/push", Some(&token), body).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let codes: Vec<&str> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["code"].as_str().unwrap_or("applied"))
        .collect();
    let mut expected = vec![
        "applied",
        "dealer_exists",
        "dealer_username_taken",
        "applied",
    ];
    expected.extend((1..max).map(|_| "dealer_username_taken"));
    expected.push("too_many_taken_usernames");
    assert_eq!(codes, expected, "{v}");

    let db = crate::billing::db(s).await;
    let mut stored: Vec<(String, String)> = Vec::new();
    for d in dealer::Entity::find()
        .filter(dealer::Column::Id.is_in([id(1), id(2), id(3), id(4)]))
        .all(&db)
        .await
        .expect("dealers")
    {
        let login = account::Entity::find_by_id(d.account_id)
            .one(&db)
            .await
            .expect("read")
            .expect("each dealer has its login");
        stored.push((d.display_name, login.username));
    }
    stored.sort();
    assert_eq!(
        stored,
        [
            ("Shop 1".to_owned(), "run.shop.one".to_owned()),
            ("Shop 3".to_owned(), "run.shop.three".to_owned())
        ]
    );
    let (status, _) = login(s, "run.shop.three", "Dealer-run-2026").await;
    assert_eq!(status, StatusCode::OK, "the new dealer signs in");
    db.close().await.ok();
}
on_both_backends!(a_run_of_new_dealers_is_judged_dealer_by_dealer);
