//! Several server processes on one PostgreSQL database, as behind a load balancer.

use crate::harness::{TestServer, fresh_pg_database};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_one_postgres_database() {
    let Some((name, url)) = fresh_pg_database().await else {
        return;
    };
    // Both start at once on an empty database: one migrates and seeds, the other waits.
    let (a, b) = tokio::join!(
        TestServer::start_on(Some(url.clone()), |_| {}),
        TestServer::start_on(Some(url.clone()), |_| {})
    );
    let (_, packages) = b.get("/api/v1/packages", None).await;
    assert_eq!(
        packages.as_array().map(Vec::len),
        Some(3),
        "seeded once, not twice: {packages}"
    );

    let (creds, token_a) = a.ready_partner("shared@acme.rs").await;
    let (status, login) = b
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a partner registered through A signs in through B: {login}"
    );
    let token_b = login["access_token"].as_str().expect("token").to_owned();
    let (status, _) = b.get("/api/v1/me", Some(&token_a)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "sessions are shared: A's token works on B"
    );

    // Edits through both servers land in one feed without gaps or duplicates.
    let push = |client: &str, id: i64, person: &str| {
        json!({"client_id": client, "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
               "mutations": [{"mutation_id": id, "mutation": {"type": "update_profile", "contact_person": person, "phone": "+381112223333"}}]})
    };
    let (ra, rb) = tokio::join!(
        a.post(
            "/api/v1/sync/push",
            Some(&token_a),
            push("c0ffee00-0000-4000-8000-00000000000a", 1, "Via A")
        ),
        b.post(
            "/api/v1/sync/push",
            Some(&token_b),
            push("c0ffee00-0000-4000-8000-00000000000b", 1, "Via B")
        ),
    );
    assert_eq!(
        (ra.0, rb.0),
        (StatusCode::OK, StatusCode::OK),
        "{ra:?} {rb:?}"
    );
    let (_, feed) = a.get("/api/v1/sync/pull?since=0", Some(&token_a)).await;
    let seqs: Vec<i64> = feed["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["seq"].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(
        seqs,
        (1..=5).collect::<Vec<_>>(),
        "one gap-free feed: three at registration, one per edit"
    );
    let versions: Vec<i64> = feed["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["entity"] == "profile")
        .map(|c| c["data"]["version"].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(
        versions,
        [1, 2, 3],
        "concurrent edits never share a version"
    );

    a.stop().await;
    b.stop().await;
    if let Ok(admin) = sea_orm::Database::connect(crate::harness::PG_ADMIN_URL).await {
        let _ = sea_orm::ConnectionTrait::execute_unprepared(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_can_flood_a_phone_with_registrations() {
    let s = TestServer::start(crate::harness::Backend::Sqlite)
        .await
        .expect("server");
    for i in 0..4 {
        let mut form = crate::harness::registration(&format!("flood{i}@acme.rs"));
        form["credential_delivery"] = json!("sms");
        let (status, body) = s.post("/api/v1/registrations", None, form).await;
        if i < 3 {
            assert_eq!(status, StatusCode::CREATED, "registration {i}: {body}");
        } else {
            assert_eq!(
                (status, body["code"].as_str()),
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    Some("too_many_registrations")
                ),
                "the 4th SMS to one number in 15 minutes is refused"
            );
        }
    }
    s.stop().await;
}
