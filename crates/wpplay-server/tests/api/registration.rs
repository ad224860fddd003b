//! Registration, first sign-in and the forced password change.

use crate::harness::{TestServer, start_time};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::json;

async fn register_sign_in_and_change_password(s: &TestServer) {
    let (status, packages) = s.get("/api/v1/packages", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        packages.as_array().map(Vec::len),
        Some(3),
        "three seeded packages: {packages}"
    );

    let (status, body) = s
        .post(
            "/api/v1/registrations",
            None,
            crate::harness::registration("ana@acme.rs"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["delivered_via"], "email");
    assert_eq!(
        body["destination"], "a**@acme.rs",
        "the answer names where, never what"
    );
    assert!(
        !body.to_string().contains("password"),
        "credentials never travel in the HTTP answer: {body}"
    );
    let trial_end = (start_time() + chrono::Duration::days(14))
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    assert_eq!(
        body["trial_ends_at"], trial_end,
        "a 14-day trial starts at registration"
    );

    let creds = s.credentials_for("ana@acme.rs").await;
    assert!(
        creds.username.starts_with("acmetvdoo"),
        "the username comes from the company: {}",
        creds.username
    );
    assert_eq!(creds.password.len(), 16, "a strong generated password");

    let (status, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{login}");
    assert_eq!(
        login["must_change_password"], true,
        "the generated password must be replaced"
    );
    assert_eq!(login["role"], "partner");
    let token = login["access_token"].as_str().expect("token").to_owned();

    for path in ["/api/v1/me", "/api/v1/sync/pull"] {
        let (status, body) = s.get(path, Some(&token)).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("password_change_required")),
            "{path} before the password change"
        );
    }

    let change =
        |current: &str, new: &str| json!({"current_password": current, "new_password": new});
    let (status, body) = s
        .post(
            "/api/v1/auth/password",
            Some(&token),
            change(&creds.password, "short"),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("password_too_weak"))
    );
    let (status, body) = s
        .post(
            "/api/v1/auth/password",
            Some(&token),
            change("not-the-password", "Another-good-pass-7"),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("wrong_current_password")
        )
    );
    let (status, me) = s
        .post(
            "/api/v1/auth/password",
            Some(&token),
            change(&creds.password, "Another-good-pass-7"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["must_change_password"], false);

    let (status, me) = s.get("/api/v1/me", Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["profile"]["company"], "Acme TV d.o.o.");
    assert_eq!(me["profile"]["phone"], "+381641234567", "stored normalised");
    assert_eq!(me["profile"]["offers_reseller_services"], true);
    assert_eq!(me["package"]["code"], "business");
    assert_eq!(me["subscription"]["state"], "trial");

    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the generated password no longer works"
    );
    let (status, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username.to_uppercase(), "password": "Another-good-pass-7"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "usernames are case-insensitive: {login}"
    );
    assert_eq!(login["must_change_password"], false);
}
on_both_backends!(register_sign_in_and_change_password);

async fn sms_delivery_and_reseller_opt_out(s: &TestServer) {
    let mut form = crate::harness::registration("sms@acme.rs");
    form["credential_delivery"] = json!("sms");
    form["no_reseller_services"] = json!(true);
    let (status, body) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["destination"], "+381*******67");
    let creds = s.credentials_for("+381641234567").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert!(
        login["access_token"].is_string(),
        "the SMS credentials work: {login}"
    );
}
on_both_backends!(sms_delivery_and_reseller_opt_out);

/// The credentials SMS is written in the language chosen at registration, Cyrillic too,
/// and the username in it is made of the company's letters transliterated.
async fn the_credentials_sms_speaks_the_chosen_language(s: &TestServer) {
    let mut form = crate::harness::registration("sms-cyrl@acme.rs");
    form["credential_delivery"] = json!("sms");
    form["language"] = json!("sr-Cyrl");
    form["company"] = json!("Ћирилица Медиа д.о.о.");
    form["phone"] = json!("+381 64 765 4321");
    let (status, body) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let text = crate::harness::wait_for(std::time::Duration::from_secs(20), || {
        std::fs::read_dir(s.data_dir.join("outbox"))
            .ok()?
            .flatten()
            .find_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                text.contains("To: +381647654321").then_some(text)
            })
    })
    .await
    .expect("the SMS is in the file outbox");
    let after = |label: &str| {
        text.split(label)
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(text.contains("ваш налог је спреман"), "{text}");
    let username = after("Корисничко име:");
    assert!(
        username.starts_with("cirilicamedi"),
        "Ćirilica, transliterated: {text}"
    );
    let (status, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": username, "password": after("Лозинка:")}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the SMS credentials work: {login}");
}
on_both_backends!(the_credentials_sms_speaks_the_chosen_language);

#[tokio::test]
async fn every_route_is_documented_in_openapi() {
    let Some(s) = TestServer::start(crate::harness::Backend::Sqlite).await else {
        return;
    };
    let (status, doc) = s.get("/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    for (method, path) in wpplay_server::ROUTES {
        let op = &doc["paths"][path][method.to_lowercase()];
        assert!(
            op.is_object(),
            "{method} {path} is missing from the OpenAPI document"
        );
    }
    let documented: usize = doc["paths"].as_object().map_or(0, |p| {
        p.values()
            .map(|v| v.as_object().map_or(0, |o| o.len()))
            .sum()
    });
    assert_eq!(
        documented,
        wpplay_server::ROUTES.len(),
        "the document lists exactly the routes served"
    );
    s.stop().await;
}
