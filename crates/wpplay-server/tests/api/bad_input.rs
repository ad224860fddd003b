//! Bad input of every kind gets a 4xx `{code, message}` and leaves nothing half-written.

use crate::harness::{TestServer, registration};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Sends a raw body and checks the status and code.
async fn check_raw(
    s: &TestServer,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
    status: u16,
    code: &str,
) {
    let resp = s
        .http
        .post(format!("{}{}", s.url, path))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("request sent");
    let got = resp.status().as_u16();
    let text = resp.text().await.expect("body");
    let v: Value = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("{path}: the error is JSON, got {text:?}"));
    crate::documented::check("POST", path, got, &v);
    assert_eq!(
        (got, v["code"].as_str()),
        (status, Some(code)),
        "{path}: {text}"
    );
    assert!(
        v["message"].as_str().is_some_and(|m| m.len() > 10),
        "a human message: {text}"
    );
}

fn with(field: &str, value: Value) -> Value {
    let mut f = registration("bad@acme.rs");
    f[field] = value;
    f
}

fn without(field: &str) -> Value {
    let mut f = registration("bad@acme.rs");
    f.as_object_mut().expect("object").remove(field);
    f
}

async fn bad_input_is_refused_cleanly(s: &TestServer) {
    let reg = "/api/v1/registrations";
    let json_ct = "application/json";
    check_raw(
        s,
        reg,
        json_ct,
        b"{\"package_id\": 1,".to_vec(),
        400,
        "malformed_json",
    )
    .await;
    check_raw(s, reg, json_ct, b"[1,2,3]".to_vec(), 422, "invalid_field").await;
    check_raw(
        s,
        reg,
        "text/plain",
        b"hello".to_vec(),
        415,
        "unsupported_media_type",
    )
    .await;
    let huge = format!("{{\"company\": \"{}\"}}", "x".repeat(100 * 1024));
    check_raw(s, reg, json_ct, huge.into_bytes(), 413, "payload_too_large").await;
    check_raw(
        s,
        "/api/v1/auth/login",
        json_ct,
        b"{}".to_vec(),
        422,
        "invalid_field",
    )
    .await;

    let cases: Vec<(Value, u16, &str)> = vec![
        (without("email"), 422, "invalid_field"),
        (without("credential_delivery"), 422, "invalid_field"),
        (
            with("credential_delivery", json!("pigeon")),
            422,
            "invalid_field",
        ),
        (with("package_id", json!("two")), 422, "invalid_field"),
        (with("unexpected", json!(1)), 422, "invalid_field"),
        (with("email", json!("not-an-email")), 422, "invalid_email"),
        (with("phone", json!("12345")), 422, "invalid_phone"),
        (with("country", json!("Serbia")), 422, "invalid_country"),
        (with("company", json!("   ")), 422, "missing_field"),
        (
            with("company", json!("x".repeat(300))),
            422,
            "field_too_long",
        ),
        (with("package_id", json!(999)), 422, "unknown_package"),
    ];
    for (body, status, code) in cases {
        let (got, v) = s.post(reg, None, body.clone()).await;
        assert_eq!(
            (got.as_u16(), v["code"].as_str()),
            (status, Some(code)),
            "{body} -> {v}"
        );
        assert!(v["message"].is_string(), "{v}");
    }
    assert_eq!(
        partner_count(s).await,
        0,
        "no refused registration left anything behind"
    );

    s.register("dup@acme.rs").await;
    // Answered like a new registration (hardening: the answer never tells whether an
    // address has an account); its owner is told by e-mail instead.
    let (status, _) = s.post(reg, None, registration("DUP@acme.rs")).await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "e-mail is unique, case-insensitively"
    );
    assert_eq!(
        partner_count(s).await,
        1,
        "the duplicate left nothing behind"
    );

    let (status, v) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": "nobody", "password": "whatever-123"}),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("wrong_credentials"))
    );
    let (status, v) = s.get("/api/v1/me", Some("forged-token-value")).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_token"))
    );
    let (status, v) = s.get("/api/v1/me", None).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthenticated"))
    );
    let (status, v) = s.get("/api/v1/nothing-here", None).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let (status, v) = s.call("DELETE", "/api/v1/packages", None, None).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, Some("method_not_allowed"))
    );

    let (_, token) = s.ready_partner("pull@acme.rs").await;
    for q in ["since=-1", "since=abc", "limit=0", "limit=5000"] {
        let (status, v) = s.get(&format!("/api/v1/sync/pull?{q}"), Some(&token)).await;
        assert_eq!(
            (status, v["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_query")),
            "{q}: {v}"
        );
    }
}
on_both_backends!(bad_input_is_refused_cleanly);

async fn partner_count(s: &TestServer) -> usize {
    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("connect");
    use sea_orm::{EntityTrait, PaginatorTrait};
    let n = wpplay_server::db::entity::partner::Entity::find()
        .count(&db)
        .await
        .expect("count");
    usize::try_from(n).expect("fits")
}
