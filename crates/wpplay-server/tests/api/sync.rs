//! The sync spine: the change feed and exactly-once client mutations.

use crate::harness::TestServer;
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn push_body(client_id: &str, mutations: &[(i64, &str, &str)]) -> Value {
    json!({
        "client_id": client_id,
        "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
        "mutations": mutations.iter().map(|(id, person, phone)| json!({
            "mutation_id": id,
            "mutation": {"type": "update_profile", "contact_person": person, "phone": phone}
        })).collect::<Vec<_>>()
    })
}

async fn pull(s: &TestServer, token: &str, since: i64) -> Value {
    let (status, v) = s
        .get(&format!("/api/v1/sync/pull?since={since}"), Some(token))
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v
}

async fn feed_and_exactly_once_push(s: &TestServer) {
    let (_, a) = s.ready_partner("a@acme.rs").await;
    let (_, b) = s.ready_partner("b@acme.rs").await;

    let first = pull(s, &a, 0).await;
    let entities: Vec<&str> = first["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["entity"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        entities,
        ["profile", "package", "subscription"],
        "a new partner's feed: {first}"
    );
    let seqs: Vec<i64> = first["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["seq"].as_i64().unwrap_or(0))
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "strictly increasing: {seqs:?}"
    );
    let cursor = first["cursor"].as_i64().expect("cursor");
    assert_eq!(
        cursor,
        *seqs.last().expect("some"),
        "the cursor is the last change"
    );
    assert_eq!(first["has_more"], false);
    assert_eq!(first["changes"][2]["data"]["state"], "trial");
    assert_eq!(
        pull(s, &a, cursor).await["changes"]
            .as_array()
            .map(Vec::len),
        Some(0),
        "nothing after the cursor yet"
    );

    // A batch retried three times (as after lost answers) is applied once.
    let client = "c0ffee00-0000-4000-8000-000000000001";
    let body = push_body(
        client,
        &[
            (1, "Marko Marković", "+381 11 222 3333"),
            (2, "Marko M.", "+381 11 222 4444"),
        ],
    );
    let mut answers = Vec::new();
    for _ in 0..3 {
        let (status, v) = s.post("/api/v1/sync/push", Some(&a), body.clone()).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        answers.push(v["results"].clone());
    }
    assert!(
        answers.iter().all(|r| r == &answers[0]),
        "every retry gets the same answer: {answers:?}"
    );
    assert_eq!(answers[0][0]["status"], "applied");
    let after = pull(s, &a, cursor).await;
    let changes = after["changes"].as_array().expect("changes");
    assert_eq!(
        changes.len(),
        2,
        "two edits, each applied once despite three pushes: {after}"
    );
    assert_eq!(changes[1]["data"]["contact_person"], "Marko M.");
    assert_eq!(changes[1]["data"]["phone"], "+381112224444");
    assert_eq!(
        changes[1]["data"]["version"], 3,
        "the profile version moved twice (1 → 3)"
    );

    // Pull after N returns exactly the later changes.
    let mid = changes[0]["seq"].as_i64().expect("seq");
    let later = pull(s, &a, mid).await;
    assert_eq!(later["changes"].as_array().map(Vec::len), Some(1));
    assert_eq!(later["changes"][0]["seq"], changes[1]["seq"]);

    // Another account never sees them.
    let theirs = pull(s, &b, 0).await;
    let text = theirs.to_string();
    assert!(
        !text.contains("Marko") && !text.contains("a@acme.rs"),
        "B's feed holds nothing of A: {text}"
    );
    assert_eq!(theirs["changes"][0]["data"]["email"], "b@acme.rs");
    let (status, v) = s
        .post(
            "/api/v1/sync/push",
            Some(&b),
            push_body(client, &[(3, "Eve", "+381 11 222 5555")]),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("client_id_taken")),
        "a client id is bound to its account"
    );

    // A refused edit is recorded with its reason and refused the same way on retry.
    let bad = push_body(
        client,
        &[
            (3, "Marko", "not a phone"),
            (4, "Marko Markovic", "+381 11 222 6666"),
        ],
    );
    for _ in 0..2 {
        let (status, v) = s.post("/api/v1/sync/push", Some(&a), bad.clone()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(v["results"][0]["status"], "rejected");
        assert_eq!(v["results"][0]["code"], "invalid_phone");
        assert_eq!(
            v["results"][1]["status"], "applied",
            "a rejection never blocks the rest of the queue"
        );
    }
    let (_, me) = s.get("/api/v1/me", Some(&a)).await;
    assert_eq!(me["profile"]["contact_person"], "Marko Markovic");
    assert_eq!(me["profile"]["version"], 4);

    // Malformed pushes.
    let mut old = push_body(client, &[(9, "X", "+381112223333")]);
    old["schema_version"] = json!(0);
    let (status, v) = s.post("/api/v1/sync/push", Some(&a), old).await;
    assert_eq!(
        (status.as_u16(), v["code"].as_str()),
        (426, Some("client_outdated"))
    );
    let (status, v) = s
        .post(
            "/api/v1/sync/push",
            Some(&a),
            push_body(
                client,
                &[(9, "X", "+381112223333"), (8, "Y", "+381112223333")],
            ),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_batch"))
    );
    let (status, v) = s
        .post(
            "/api/v1/sync/push",
            Some(&a),
            push_body("x", &[(9, "X", "+381112223333")]),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_client_id"))
    );
    let (status, v) = s.get("/api/v1/sync/pull?since=100000", Some(&a)).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("resync_required"))
    );
}
on_both_backends!(feed_and_exactly_once_push);

async fn paging_through_a_long_feed(s: &TestServer) {
    let (_, a) = s.ready_partner("long@acme.rs").await;
    let client = "c0ffee00-0000-4000-8000-000000000002";
    let edits: Vec<(i64, String)> = (1..=30).map(|i| (i, format!("Person {i}"))).collect();
    let refs: Vec<(i64, &str, &str)> = edits
        .iter()
        .map(|(i, p)| (*i, p.as_str(), "+381 11 222 3333"))
        .collect();
    let (status, _) = s
        .post("/api/v1/sync/push", Some(&a), push_body(client, &refs))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (mut cursor, mut seen) = (0, Vec::new());
    loop {
        let (status, page) = s
            .get(
                &format!("/api/v1/sync/pull?since={cursor}&limit=7"),
                Some(&a),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            page["head"], 33,
            "every page says how long the feed is, for a progress bar"
        );
        for c in page["changes"].as_array().expect("changes") {
            seen.push(c["seq"].as_i64().expect("seq"));
        }
        cursor = page["cursor"].as_i64().expect("cursor");
        if page["has_more"] == false {
            break;
        }
    }
    assert_eq!(
        seen,
        (1..=33).collect::<Vec<_>>(),
        "pages cover every change once, without gaps"
    );
    // The schema version travels with the pull too: an outdated app is told to update.
    let (status, v) = s
        .get("/api/v1/sync/pull?since=0&schema_version=1", Some(&a))
        .await;
    assert_eq!(
        (status.as_u16(), v["code"].as_str()),
        (426, Some("client_outdated"))
    );
    let (status, _) = s
        .get(
            &format!(
                "/api/v1/sync/pull?since=0&schema_version={}",
                wpplay_domain::sync::SCHEMA_VERSION
            ),
            Some(&a),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}
on_both_backends!(paging_through_a_long_feed);
