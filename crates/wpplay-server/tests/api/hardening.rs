//! Hostile clients (issue "Hardening"): no request may crash or starve the server.

use crate::harness::{Backend, TestServer, eventually};
use crate::links::push;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use serde_json::json;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
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
    let held = [trickling_login(&s).await, trickling_login(&s).await];
    let busy = eventually(
        "a 503 while two requests are held",
        Duration::from_secs(120),
        || async {
            let r = s
                .http
                .get(format!("{}/api/v1/packages", s.url))
                .send()
                .await
                .expect("the server answers");
            (r.status() == StatusCode::SERVICE_UNAVAILABLE).then_some(r)
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
