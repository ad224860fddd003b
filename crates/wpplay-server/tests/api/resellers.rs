//! Resellers: registration, the partner directory, contact visibility and opting out.

use crate::harness::{TestServer, registration};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn settings(base: i64, offers: bool, show_phone: bool, website: Option<&str>) -> Value {
    // A fresh device each time, so every call is a new mutation rather than a retry.
    json!({"client_id": uuid::Uuid::new_v4().to_string(),
           "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
           "mutations": [{"mutation_id": 1, "mutation": {"type": "update_reseller_settings", "base_version": base,
               "offers_reseller_services": offers, "website": website, "messenger": "Viber +381 64 000 0000", "address": null,
               "note": "Write first, call after.", "visible": {"email": true, "phone": show_phone, "website": website.is_some(),
               "messenger": false, "address": false, "note": true}}}]})
}

async fn outcome(s: &TestServer, token: &str, body: Value) -> (String, String) {
    let (status, v) = s.post("/api/v1/sync/push", Some(token), body).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    (
        v["results"][0]["status"].as_str().unwrap_or("").to_owned(),
        v["results"][0]["code"].as_str().unwrap_or("").to_owned(),
    )
}

async fn directory(s: &TestServer, token: &str) -> Value {
    let (status, v) = s.get("/api/v1/partners", Some(token)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v
}

async fn resellers_and_the_directory(s: &TestServer) {
    let (_, a) = s.ready_partner("a@partners.rs").await;
    let mut b_form = registration("b@hidden.rs");
    b_form["company"] = json!("Hidden Streams");
    b_form["phone"] = json!("+381 65 999 8888");
    b_form["no_reseller_services"] = json!(true);
    let (status, v) = s.post("/api/v1/registrations", None, b_form).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");

    // A reseller registers through the same route: no package, no trial.
    let mut r_form = registration("reseller@resell.rs");
    r_form.as_object_mut().expect("object").remove("package_id");
    r_form["role"] = json!("reseller");
    r_form["company"] = json!("Resell Co");
    let mut with_package = r_form.clone();
    with_package["package_id"] = json!(1);
    let (status, v) = s.post("/api/v1/registrations", None, with_package).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_field")),
        "resellers choose no package"
    );
    let mut partner_without = registration("nopkg@acme.rs");
    partner_without
        .as_object_mut()
        .expect("object")
        .remove("package_id");
    let (status, v) = s.post("/api/v1/registrations", None, partner_without).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("missing_field")),
        "partners must choose one"
    );
    let (status, v) = s.post("/api/v1/registrations", None, r_form).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    assert_eq!(v["trial_ends_at"], Value::Null, "resellers have no trial");
    let creds = s.credentials_for("reseller@resell.rs").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(login["role"], "reseller");
    let token = login["access_token"].as_str().expect("token").to_owned();
    let (status, _) = s
        .post(
            "/api/v1/auth/password",
            Some(&token),
            json!({"current_password": creds.password, "new_password": "Resell-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, me) = s.get("/api/v1/me", Some(&token)).await;
    assert_eq!(
        (me["role"].as_str(), me["profile"]["company"].as_str()),
        (Some("reseller"), Some("Resell Co"))
    );
    assert_eq!(
        (me["package"].clone(), me["subscription"].clone()),
        (Value::Null, Value::Null)
    );

    // The directory: only partners serving resellers, only what each made visible.
    let list = directory(s, &token).await;
    let text = list.to_string();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list[0]["contacts"]["email"], "a@partners.rs");
    assert_eq!(
        list[0]["contacts"]["phone"], "+381641234567",
        "e-mail and phone are visible by default"
    );
    for secret in ["Hidden Streams", "b@hidden.rs", "+381659998888"] {
        assert!(
            !text.contains(secret),
            "an opted-out partner's {secret} is never returned: {text}"
        );
    }
    let (status, v) = s.get("/api/v1/partners", Some(&a)).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden")),
        "partners do not browse each other"
    );

    // A partner chooses what resellers see.
    assert_eq!(
        outcome(s, &a, settings(0, true, false, Some("https://a.example"))).await,
        ("applied".into(), String::new())
    );
    let list = directory(s, &token).await;
    let c = &list[0]["contacts"];
    assert_eq!(
        (
            c["phone"].clone(),
            c["website"].as_str(),
            c["note"].as_str()
        ),
        (
            Value::Null,
            Some("https://a.example"),
            Some("Write first, call after.")
        )
    );
    assert_eq!(c["messenger"], Value::Null, "hidden details stay hidden");
    assert_eq!(
        outcome(s, &a, settings(0, true, true, None)).await.1,
        "version_conflict",
        "settings edits are versioned too"
    );

    // Opting out later hides the partner; opting in shows it.
    assert_eq!(
        outcome(s, &a, settings(1, false, true, None)).await.0,
        "applied"
    );
    let list = directory(s, &token).await;
    assert_eq!(list.as_array().map(Vec::len), Some(0), "{list}");
    assert!(!list.to_string().contains("a@partners.rs"));
    let (_, a_feed) = s.get("/api/v1/sync/pull?since=0", Some(&a)).await;
    let last_profile = a_feed["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .rev()
        .find(|c| c["entity"] == "profile")
        .cloned()
        .expect("profile");
    assert_eq!(
        last_profile["data"]["offers_reseller_services"], false,
        "the partner's own replica learns of the switch"
    );
}
on_both_backends!(resellers_and_the_directory);
