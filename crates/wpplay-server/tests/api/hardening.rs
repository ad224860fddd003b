//! Hostile clients (issue "Hardening"): no request may crash or starve the server.

use crate::harness::{Backend, TestServer, eventually};
use crate::links::push;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use wpplay_domain::clock::Clock;
use wpplay_server::db::entity::dealer;

const SALT_AND_OUTPUT: &str = "c29tZXNhbHRzb21lc2FsdA$WeR0j3nBf6gYtDpgCYxJ9hEY7bHcFpCCjw5r3cE1m4E";

fn create_dealer(id: &str, username: &str, password_hash: &str) -> serde_json::Value {
    json!({"type": "create_dealer", "dealer_id": id, "display_name": "Marko Electronics",
           "contact_email": null, "contact_phone": null, "username": username,
           "password_hash": password_hash})
}

/// A dealer hash chosen by a hostile client is refused by its cost; one already stored
/// (written before this rule) is never verified, so signing in as that dealer answers
/// at once and the server keeps serving.
async fn hostile_password_hashes(s: &TestServer) {
    let (_, token) = s.ready_partner("hash@acme.rs").await;
    let hostile = [
        (
            format!("$argon2id$v=19$m=4294967295,t=2,p=1${SALT_AND_OUTPUT}"),
            "bad_password_hash",
        ),
        (
            format!("$argon2id$v=19$m=19456,t=4294967295,p=1${SALT_AND_OUTPUT}"),
            "bad_password_hash",
        ),
        (
            format!("$argon2id$v=19$m=19456,t=2,p=16777215${SALT_AND_OUTPUT}"),
            "bad_password_hash",
        ),
        (
            format!("$argon2i$v=19$m=19456,t=2,p=1${SALT_AND_OUTPUT}"),
            "bad_password_hash",
        ),
        (
            format!("$argon2id$v=19$m=4096,t=1,p=1${SALT_AND_OUTPUT}"),
            "weak_password_hash",
        ),
    ];
    for (n, (hash, code)) in hostile.iter().enumerate() {
        let id = format!("0000000{n}-0000-4000-8000-00000000dea1");
        assert_eq!(
            push(s, &token, create_dealer(&id, &format!("hostile{n}"), hash)).await,
            ("rejected".to_owned(), (*code).to_owned()),
            "{hash}"
        );
    }
    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("connect");
    assert_eq!(
        dealer::Entity::find().count(&db).await.expect("count"),
        0,
        "no refused dealer was written"
    );

    // A row from before the rule: a dealer whose stored hash asks for 4 TiB.
    let id = "00000009-0000-4000-8000-00000000dea1";
    assert_eq!(
        push(s, &token, create_dealer(id, "oldrow", &wpplay_test_hash())).await,
        ("applied".to_owned(), String::new())
    );
    db.execute_unprepared(&format!(
        "UPDATE accounts SET password_hash = '$argon2id$v=19$m=4294967295,t=4294967295,p=1${SALT_AND_OUTPUT}' \
         WHERE id = (SELECT account_id FROM dealers WHERE id = '{id}')"
    ))
    .await
    .expect("plant the hostile row");
    let (status, body) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": "oldrow", "password": "Dealer-pass-2026"}),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("wrong_credentials")),
        "{body}"
    );
    let (status, _) = s.get("/healthz", None).await;
    assert_eq!(status, StatusCode::OK, "the server still serves");
}
crate::on_both_backends!(hostile_password_hashes);

/// A dealer password hashed as the desktop does.
fn wpplay_test_hash() -> String {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    wpplay_domain::password_hash::hasher()
        .hash_password(b"Dealer-pass-2026", &SaltString::generate(&mut OsRng))
        .expect("hash")
        .to_string()
}

/// A raw connection to the test server, for clients no library would be.
async fn raw(s: &TestServer) -> tokio::net::TcpStream {
    let addr = s.url.trim_start_matches("http://");
    tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect to the server")
}

/// Reads until the server closes the connection (or `limit` passes: then fails).
async fn read_to_close(conn: &mut tokio::net::TcpStream, limit: Duration, what: &str) -> String {
    use tokio::io::AsyncReadExt;
    let mut got = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match conn.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "the server kept the connection open for {limit:?}: {what}; got so far {:?}",
        String::from_utf8_lossy(&got)
    );
    String::from_utf8_lossy(&got).into_owned()
}

/// A client that starts a request's headers and never finishes them is cut off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_are_cut_off() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.limits.header_timeout_secs = 1;
    })
    .await
    else {
        return;
    };
    let mut conn = raw(&s).await;
    conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: slow\r\nX-Trickle: a")
        .await
        .expect("send part of the headers");
    read_to_close(
        &mut conn,
        Duration::from_secs(30),
        "headers never finished (header_timeout_secs = 1)",
    )
    .await;
    // An idle connection that never sends anything is closed too.
    let mut idle = raw(&s).await;
    read_to_close(&mut idle, Duration::from_secs(30), "a silent connection").await;
    let (status, _) = s.get("/healthz", None).await;
    assert_eq!(status, StatusCode::OK);
    s.stop().await;
}

/// The start of a login whose body never completes.
async fn trickling_login(s: &TestServer) -> tokio::net::TcpStream {
    let mut conn = raw(s).await;
    conn.write_all(
        b"POST /api/v1/auth/login HTTP/1.1\r\nHost: slow\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":",
    )
    .await
    .expect("send the start of a request");
    conn
}

/// A client that sends its headers and trickles its body is answered 408 within the
/// request deadline; nothing of it stays behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trickled_body_is_answered_with_a_timeout() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.limits.request_timeout_secs = 1;
    })
    .await
    else {
        return;
    };
    let mut conn = trickling_login(&s).await;
    let answer = read_to_close(
        &mut conn,
        Duration::from_secs(30),
        "a body that never completes (request_timeout_secs = 1)",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"request_timeout\""), "{answer}");
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    let body: serde_json::Value = serde_json::from_str(body).expect("a JSON error");
    crate::documented::check("POST", "/api/v1/auth/login", 408, &body);
    s.stop().await;
}

/// Beyond the requests in flight the server answers 503 server_busy with Retry-After at
/// once (monitoring still answers), and serves again when they are gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_requests_in_flight_are_answered_busy() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.limits.max_requests_in_flight = 2;
        // The held requests stay held for the whole test, however loaded the machine.
        st.limits.request_timeout_secs = 600;
    })
    .await
    else {
        return;
    };
    // A probe that reaches the server while a held request is being dispatched can take
    // its place, and that held request is answered 503 instead: such a one is replaced.
    let mut held = vec![trickling_login(&s).await, trickling_login(&s).await];
    let busy = eventually(
        "a 503 while two requests are held",
        Duration::from_secs(120),
        async || {
            for conn in &mut held {
                let mut buf = [0u8; 64];
                if conn.try_read(&mut buf).is_ok() {
                    *conn = trickling_login(&s).await;
                }
            }
            let probe = s
                .http
                .get(format!("{}/api/v1/packages", s.url))
                .timeout(Duration::from_secs(10))
                .send()
                .await;
            match probe {
                Ok(r) if r.status() == StatusCode::SERVICE_UNAVAILABLE => Some(r),
                // Printed with the failure if no 503 ever comes.
                Ok(r) => {
                    eprintln!("probe: {}", r.status());
                    None
                }
                Err(e) => {
                    eprintln!("probe: {e}");
                    None
                }
            }
        },
    )
    .await;
    assert_eq!(
        busy.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    let body: serde_json::Value = busy.json().await.expect("a JSON error");
    assert_eq!(body["code"], "server_busy", "{body}");
    crate::documented::check("GET", "/api/v1/packages", 503, &body);
    let (status, _) = s.get("/healthz", None).await;
    assert_eq!(status, StatusCode::OK, "monitoring answers while busy");
    drop(held);
    eventually(
        "the server to serve again once the held requests are gone",
        Duration::from_secs(30),
        || async {
            let (status, _) = s.get("/api/v1/packages", None).await;
            (status == StatusCode::OK).then_some(())
        },
    )
    .await;
    s.stop().await;
}

/// Opens a live event stream; the response while it is open.
async fn open_stream(s: &TestServer, token: &str) -> reqwest::Response {
    s.http
        .get(format!("{}/api/v1/events", s.url))
        .bearer_auth(token)
        .send()
        .await
        .expect("the server answers")
}

/// Event streams are capped per account (429 too_many_streams) and in all (503
/// server_busy); a closed stream frees its place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_streams_are_capped_per_account_and_in_all() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.limits.max_event_streams_per_account = 2;
        st.limits.max_event_streams = 3;
    })
    .await
    else {
        return;
    };
    let (_, a) = s.ready_partner("streams-a@acme.rs").await;
    let (_, b) = s.ready_partner("streams-b@acme.rs").await;
    let mut a_streams = vec![open_stream(&s, &a).await, open_stream(&s, &a).await];
    assert!(a_streams.iter().all(|r| r.status() == StatusCode::OK));
    let third = open_stream(&s, &a).await;
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(third.headers().contains_key("retry-after"));
    let body: serde_json::Value = third.json().await.expect("a JSON error");
    assert_eq!(body["code"], "too_many_streams", "{body}");
    crate::documented::check("GET", "/api/v1/events", 429, &body);

    let b_first = open_stream(&s, &b).await;
    assert_eq!(
        b_first.status(),
        StatusCode::OK,
        "another account has its own places"
    );
    let b_second = open_stream(&s, &b).await;
    assert_eq!(b_second.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = b_second.json().await.expect("a JSON error");
    assert_eq!(body["code"], "server_busy", "{body}");
    crate::documented::check("GET", "/api/v1/events", 503, &body);

    drop(a_streams.pop());
    let again = eventually(
        "a closed stream to free its place",
        Duration::from_secs(40),
        || async {
            let r = open_stream(&s, &a).await;
            (r.status() == StatusCode::OK).then_some(r)
        },
    )
    .await;
    drop((again, a_streams, b_first));
    s.stop().await;
}

/// A flood of sign-ins is answered (each a plain refusal), with never more password
/// hashes running at once than the machine has cores.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_sign_ins_queues_for_the_hashing_pool() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.trusted_proxies = vec!["127.0.0.1".parse().expect("a network")];
    })
    .await
    else {
        return;
    };
    let attempts = (0..48).map(|n| {
        let s = &s;
        async move {
            s.http
                .post(format!("{}/api/v1/auth/login", s.url))
                // Each from its own address, so no throttle answers before the hash.
                .header("x-forwarded-for", format!("203.0.113.{n}"))
                .json(&json!({"username": format!("flood{n}"), "password": "Wrong-pass-2026"}))
                .send()
                .await
                .expect("the server answers")
                .status()
        }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    assert!(
        statuses.iter().all(|st| *st == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    let peak = wpplay_server::auth::password::peak_running();
    assert!(
        (1..=wpplay_server::auth::password::pool_size()).contains(&peak),
        "at most {} hashes at once, saw {peak}",
        wpplay_server::auth::password::pool_size()
    );
    s.stop().await;
}

fn create_line(id: &str, expires_at: chrono::DateTime<chrono::Utc>) -> serde_json::Value {
    json!({"type": "create_subscriber", "subscriber_id": id, "dealer_id": null, "name": "Line",
           "line_username": format!("line-{}", &id[id.len() - 4..]),
           "mac": format!("02:00:00:00:{}:{}", &id[id.len() - 4..id.len() - 2], &id[id.len() - 2..]),
           "expires_at": expires_at})
}

fn extend(id: &str, days: i64) -> serde_json::Value {
    json!({"type": "extend_subscriber", "subscriber_id": id, "days": days})
}

/// A line is paid at most one longest extension (1,098 days) ahead: on creation and
/// however extensions add up.
async fn line_expiry_is_bounded(s: &TestServer) {
    use chrono::Duration as Days;
    let (_, token) = s.ready_partner("expiry@acme.rs").await;
    let now = s.clock.now();
    let max = wpplay_domain::dealer::MAX_EXTENSION_DAYS;
    let far = "a0000000-0000-4000-8000-000000000001";
    for at in [
        chrono::DateTime::<chrono::Utc>::MAX_UTC,
        now + Days::days(max + 2),
        now - Days::days(max + 2),
    ] {
        assert_eq!(
            push(s, &token, create_line(far, at)).await,
            ("rejected".to_owned(), "invalid_expiry".to_owned()),
            "{at}"
        );
    }
    let line = "a0000000-0000-4000-8000-000000000002";
    assert_eq!(
        push(s, &token, create_line(line, now + Days::days(30))).await,
        ("applied".to_owned(), String::new())
    );
    assert_eq!(
        push(s, &token, extend(line, max)).await,
        ("rejected".to_owned(), "extension_too_long".to_owned()),
        "30 days left + 1,098 is past the limit"
    );
    assert_eq!(
        push(s, &token, extend(line, max - 30)).await,
        ("applied".to_owned(), String::new())
    );
    for days in [1, i64::MAX] {
        assert_ne!(
            push(s, &token, extend(line, days)).await.0,
            "applied",
            "a line paid 1,098 days ahead takes no more ({days})"
        );
    }
    let (_, feed) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&token))
        .await;
    let expires = feed["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .rev()
        .find(|c| c["entity"] == "subscriber" && c["data"]["id"] == line)
        .and_then(|c| c["data"]["expires_at"].as_str())
        .and_then(|t| t.parse::<chrono::DateTime<chrono::Utc>>().ok())
        .expect("the line in the feed");
    assert_eq!(expires, now + Days::days(max));
}
crate::on_both_backends!(line_expiry_is_bounded);

/// Payment amounts are bounded at the door and their sums added with a check: no
/// payment can overflow an invoice's paid sum or take the server down.
async fn money_sums_are_bounded(s: &TestServer) {
    use crate::billing::{db, utc, webhook};
    use crate::harness::WEBHOOK_SECRET;
    let (_, token) = s.ready_partner("money@acme.rs").await;
    let (_, me) = s.get("/api/v1/me", Some(&token)).await;
    let me = me["account_id"].as_i64().expect("id");
    let db = db(s).await;
    wpplay_server::billing::lifecycle::run_pass(
        &db,
        chrono_tz::Europe::Belgrade,
        utc(3, 8, 7, 0),
        false,
    )
    .await
    .expect("a pass issues the first invoice");
    let inv = wpplay_server::db::entity::invoice::Entity::find()
        .filter(wpplay_server::db::entity::invoice::Column::PartnerId.eq(me))
        .one(&db)
        .await
        .expect("query")
        .expect("the partner's invoice");
    let notice = |id: &str, amount: i64| {
        json!({"payment_id": id, "amount_minor": amount, "currency": inv.currency,
               "reference": inv.reference, "paid_at": utc(3, 9, 12, 0)})
    };
    for amount in [i64::MAX, wpplay_domain::billing::MAX_AMOUNT_MINOR + 1] {
        let (status, body) = webhook(s, &notice("too-much", amount), WEBHOOK_SECRET).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_body")),
            "{amount}: {body}"
        );
    }
    let most = wpplay_domain::billing::MAX_AMOUNT_MINOR;
    for (n, expected) in [(1, "overpaid"), (2, "overpaid")] {
        let (status, body) = webhook(s, &notice(&format!("big-{n}"), most), WEBHOOK_SECRET).await;
        assert_eq!(
            (status, body["status"].as_str()),
            (StatusCode::OK, Some(expected)),
            "{body}"
        );
    }
    let paid = wpplay_server::db::entity::invoice::Entity::find_by_id(inv.id)
        .one(&db)
        .await
        .expect("query")
        .expect("the invoice")
        .paid_minor;
    assert_eq!(paid, 2 * most, "both recorded, nothing wrapped");
    // The largest paid sum an invoice can hold, and one more payment on top of it: the
    // payment is kept for a person, the sum untouched.
    db.execute_unprepared(&format!(
        "UPDATE invoices SET paid_minor = {} WHERE id = {}",
        i64::MAX - 1,
        inv.id
    ))
    .await
    .expect("an extreme paid sum");
    let (status, body) = webhook(s, &notice("on-top", most), WEBHOOK_SECRET).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("unmatched")),
        "{body}"
    );
}
crate::on_both_backends!(money_sums_are_bounded);

/// Good sign-ins from an address never buy its guesser more tries: a success gives back
/// only the slot its own attempt took, never an earlier failure, so the address's 20th
/// failure in the window blocks it however many good sign-ins came between.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn good_sign_ins_do_not_refund_an_addresss_guesses() {
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.trusted_proxies = vec!["127.0.0.1".parse().expect("a network")];
    })
    .await
    else {
        return;
    };
    let (creds, _) = s.ready_partner("guesser@acme.rs").await;
    let attempt = async |username: &str, password: &str| {
        s.http
            .post(format!("{}/api/v1/auth/login", s.url))
            .header("x-forwarded-for", "198.51.100.23")
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .expect("the server answers")
            .status()
    };
    let mut failures = 0;
    for n in 0..19 {
        assert_eq!(
            attempt(&format!("victim{n}"), "Guess-pass-2026").await,
            StatusCode::UNAUTHORIZED,
            "failure {}",
            n + 1
        );
        failures += 1;
        // The guesser's own account, between every two guesses.
        assert_eq!(
            attempt(&creds.username, &creds.password).await,
            StatusCode::OK
        );
    }
    assert_eq!(failures, 19);
    assert_eq!(
        attempt("victim-last", "Guess-pass-2026").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the 20th failure blocks the address, nineteen good sign-ins notwithstanding"
    );
    assert_eq!(
        attempt(&creds.username, &creds.password).await,
        StatusCode::TOO_MANY_REQUESTS,
        "and while blocked, nobody signs in from it"
    );
    s.stop().await;
}

/// Registering an address that has an account answers exactly like a new registration,
/// makes nothing, and tells the address's owner (with their username) instead.
async fn registration_does_not_reveal_registered_addresses(s: &TestServer) {
    use crate::harness::registration;
    let (first, _) = s.ready_partner("known@acme.rs").await;
    let (status, again) = s
        .post("/api/v1/registrations", None, registration("Known@Acme.rs"))
        .await;
    let (new_status, fresh) = s
        .post(
            "/api/v1/registrations",
            None,
            registration("unknown@acme.rs"),
        )
        .await;
    assert_eq!(
        (status, new_status),
        (StatusCode::CREATED, StatusCode::CREATED)
    );
    let shape = |v: &serde_json::Value| {
        let mut keys: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        keys.sort();
        (keys, v["delivered_via"].clone(), v["trial_ends_at"].clone())
    };
    assert_eq!(shape(&again), shape(&fresh), "{again} vs {fresh}");
    assert_eq!(again["destination"], "k****@acme.rs");

    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("connect");
    let partners = wpplay_server::db::entity::partner::Entity::find()
        .filter(wpplay_server::db::entity::partner::Column::Email.eq("known@acme.rs"))
        .count(&db)
        .await
        .expect("count");
    assert_eq!(partners, 1, "no second account");
    let notice = crate::harness::wait_for(Duration::from_secs(30), || {
        let dir = s.data_dir.join("outbox");
        std::fs::read_dir(&dir).ok()?.flatten().find_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            (text.contains("To: known@acme.rs") && text.contains("already exists")).then_some(text)
        })
    })
    .await
    .expect("the owner is told, in the file outbox");
    assert!(notice.contains(&first.username), "{notice}");
    assert!(!notice.contains("Password:"), "no credentials: {notice}");
}
crate::on_both_backends!(registration_does_not_reveal_registered_addresses);

/// Pushes beyond the account's ration of changes per minute are refused whole with
/// `429 too_many_changes` and `Retry-After`; nothing of the refused batch is written, and
/// another account is not affected.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushes_are_rationed_per_account() {
    const CLIENT_A: &str = "0000000a-0000-4000-8000-000000000001";
    const CLIENT_B: &str = "0000000b-0000-4000-8000-000000000001";
    let Some(s) = TestServer::start_with(Backend::Sqlite, |st| {
        st.limits.max_changes_per_minute = 3;
    })
    .await
    else {
        return;
    };
    let (_, a) = s.ready_partner("ration-a@acme.rs").await;
    let (_, b) = s.ready_partner("ration-b@acme.rs").await;
    let batch = |client: &str, ids: std::ops::Range<i64>| {
        json!({"client_id": client,
               "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
               "mutations": ids.map(|n| json!({"mutation_id": n, "mutation":
                   create_line(&format!("b0000000-0000-4000-8000-00000000{n:04}"), s.clock.now() + chrono::Duration::days(30))}))
                   .collect::<Vec<_>>()})
    };
    let (status, body) = s
        .post("/api/v1/sync/push", Some(&a), batch(CLIENT_A, 1..4))
        .await;
    assert_eq!(status, StatusCode::OK, "three changes fit: {body}");
    let r = s
        .http
        .post(format!("{}/api/v1/sync/push", s.url))
        .bearer_auth(&a)
        .json(&batch(CLIENT_A, 4..6))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    let body: serde_json::Value = r.json().await.expect("a JSON error");
    assert_eq!(body["code"], "too_many_changes", "{body}");
    crate::documented::check("POST", "/api/v1/sync/push", 429, &body);
    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("connect");
    let lines = wpplay_server::db::entity::subscriber::Entity::find()
        .count(&db)
        .await
        .expect("count");
    assert_eq!(lines, 3, "nothing of the refused batch was written");
    let (status, body) = s
        .post("/api/v1/sync/push", Some(&b), batch(CLIENT_B, 1..2))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "another account has its own ration: {body}"
    );
    s.stop().await;
}

/// The server's data folder, its SQLite database and the file outbox's messages (which
/// hold passwords) are its user's alone from the moment they exist.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_servers_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let s = TestServer::start(Backend::Sqlite)
        .await
        .expect("sqlite server");
    s.register("modes@acme.rs").await;
    let mode = |p: &std::path::Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&s.data_dir), 0o700, "the data folder");
    assert_eq!(
        mode(&s.data_dir.join("wpplay.sqlite")),
        0o600,
        "the database"
    );
    let outbox = s.data_dir.join("outbox");
    assert_eq!(mode(&outbox), 0o700, "the outbox folder");
    let messages: Vec<_> = std::fs::read_dir(&outbox)
        .expect("outbox")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(!messages.is_empty());
    for m in messages {
        assert_eq!(mode(&m), 0o600, "{}", m.display());
    }
    s.stop().await;
}
