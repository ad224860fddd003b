//! Request for Partner, accept/reject/withdraw, content access, Remove My Reseller and the
//! notifications of each step.

use crate::harness::{TestServer, registration};
use crate::on_both_backends;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use wpplay_server::db::entity::message;

const STREAM: &str = "57000000-0000-4000-8000-000000000001";

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub(crate) async fn push(s: &TestServer, token: &str, mutation: Value) -> (String, String) {
    let body = json!({"client_id": uuid(), "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
                      "mutations": [{"mutation_id": 1, "mutation": mutation}]});
    let (status, v) = s.post("/api/v1/sync/push", Some(token), body).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    (
        v["results"][0]["status"].as_str().unwrap_or("").to_owned(),
        v["results"][0]["code"].as_str().unwrap_or("").to_owned(),
    )
}

fn ok() -> (String, String) {
    ("applied".into(), String::new())
}

fn no(code: &str) -> (String, String) {
    ("rejected".into(), code.into())
}

pub(crate) async fn ready_reseller(s: &TestServer, email: &str, company: &str) -> (i64, String) {
    let mut form = registration(email);
    form.as_object_mut().expect("object").remove("package_id");
    form["role"] = json!("reseller");
    form["company"] = json!(company);
    let (status, v) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let creds = s.credentials_for(email).await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let token = login["access_token"].as_str().expect("token").to_owned();
    let (_, me) = s
        .post(
            "/api/v1/auth/password",
            Some(&token),
            json!({"current_password": creds.password, "new_password": "Resell-pass-2026"}),
        )
        .await;
    (me["account_id"].as_i64().expect("id"), token)
}

async fn feed(s: &TestServer, token: &str) -> Vec<Value> {
    let (_, v) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(token))
        .await;
    v["changes"].as_array().cloned().unwrap_or_default()
}

fn notifications(feed: &[Value]) -> Vec<String> {
    feed.iter()
        .filter(|c| c["entity"] == "notification")
        .filter_map(|c| c["data"]["kind"].as_str().map(str::to_owned))
        .collect()
}

async fn content(s: &TestServer, token: &str, partner: i64) -> (StatusCode, Value) {
    s.get(&format!("/api/v1/partners/{partner}/content"), Some(token))
        .await
}

async fn requests_links_and_content(s: &TestServer) {
    let (_, a) = s.ready_partner("a@partner.rs").await;
    let (_, me) = s.get("/api/v1/me", Some(&a)).await;
    let a_id = me["account_id"].as_i64().expect("id");
    let (r_id, r) = ready_reseller(s, "r@resell.rs", "Resell One").await;
    let (_, r2) = ready_reseller(s, "r2@resell.rs", "Resell Two").await;
    let stream = json!({"type": "add_stream", "stream_id": STREAM, "name": "Sport 1 HD", "category": "Sport", "stream_url": "https://cdn.example/sport1.m3u8"});
    assert_eq!(push(s, &a, stream).await, ok());
    assert_eq!(push(s, &r, json!({"type": "add_stream", "stream_id": uuid(), "name": "X", "category": "X", "stream_url": "https://x"})).await, no("forbidden"));
    let nul = json!({"type": "add_stream", "stream_id": uuid(), "name": "Bad", "category": "X", "stream_url": "https://cdn.example/a\u{0}b"});
    assert_eq!(
        push(s, &a, nul).await,
        no("invalid_stream_url"),
        "control characters are refused, not stored"
    );
    let (status, v) = content(s, &r, a_id).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("not_linked")),
        "no content before linking"
    );

    // (1) The reseller sends a Request for Partner; one pending per pair.
    let req = uuid();
    assert_eq!(push(s, &r, json!({"type": "request_partner", "request_id": req, "partner_id": a_id, "message": "We sell in Novi Sad."})).await, ok());
    assert_eq!(push(s, &r, json!({"type": "request_partner", "request_id": uuid(), "partner_id": a_id, "message": "Again"})).await, no("request_pending"));
    assert_eq!(push(s, &a, json!({"type": "request_partner", "request_id": uuid(), "partner_id": a_id, "message": "Me"})).await, no("forbidden"));
    let a_feed = feed(s, &a).await;
    assert!(a_feed.iter().any(|c| c["entity"] == "partner_request"
        && c["data"]["status"] == "pending"
        && c["data"]["reseller_company"] == "Resell One"));
    assert_eq!(
        notifications(&a_feed),
        ["request_received"],
        "the partner is told"
    );
    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("db");
    let mails = message::Entity::find()
        .filter(message::Column::Recipient.eq("a@partner.rs"))
        .all(&db)
        .await
        .expect("mails");
    assert!(
        mails
            .iter()
            .any(|m| m.subject == "WP Play: New Request for Partner"),
        "and e-mailed: {:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );

    // A second reseller withdraws its request; a withdrawn request cannot be answered.
    let req2 = uuid();
    assert_eq!(push(s, &r2, json!({"type": "request_partner", "request_id": req2, "partner_id": a_id, "message": "Hello"})).await, ok());
    assert_eq!(
        push(
            s,
            &r2,
            json!({"type": "withdraw_request", "request_id": req2})
        )
        .await,
        ok()
    );
    assert_eq!(
        push(
            s,
            &a,
            json!({"type": "answer_request", "request_id": req2, "accept": true, "reason": null})
        )
        .await,
        no("request_not_pending")
    );

    // (2) The partner accepts; (3) they are linked and the content opens.
    assert_eq!(
        push(
            s,
            &a,
            json!({"type": "answer_request", "request_id": req, "accept": true, "reason": null})
        )
        .await,
        ok()
    );
    let r_feed = feed(s, &r).await;
    assert!(
        r_feed
            .iter()
            .any(|c| c["entity"] == "link" && c["data"]["partner_id"] == a_id)
    );
    assert_eq!(notifications(&r_feed), ["request_accepted"]);
    let (status, streams) = content(s, &r, a_id).await;
    assert_eq!(status, StatusCode::OK, "{streams}");
    assert_eq!(streams[0]["name"], "Sport 1 HD");
    let (status, _) = content(s, &r2, a_id).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an unlinked reseller still sees nothing"
    );
    assert_eq!(push(s, &r, json!({"type": "request_partner", "request_id": uuid(), "partner_id": a_id, "message": "Again"})).await, no("already_linked"));

    // Remove My Reseller: a reason is required; both sides are told; access ends at once.
    assert_eq!(
        push(
            s,
            &a,
            json!({"type": "remove_reseller", "reseller_id": r_id, "reason": "  "})
        )
        .await,
        no("missing_field")
    );
    assert_eq!(
        push(
            s,
            &a,
            json!({"type": "remove_reseller", "reseller_id": r_id, "reason": "Contract ended"})
        )
        .await,
        ok()
    );
    let (status, _) = content(s, &r, a_id).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the content closes in the same transaction"
    );
    assert!(notifications(&feed(s, &r).await).contains(&"reseller_removed".to_owned()));
    assert!(
        notifications(&feed(s, &a).await).contains(&"reseller_removed".to_owned()),
        "the partner is told too"
    );
    assert_eq!(
        push(
            s,
            &a,
            json!({"type": "remove_reseller", "reseller_id": r_id, "reason": "Twice"})
        )
        .await,
        no("not_linked")
    );

    // A rejection carries its reason; opting out cancels what is still pending.
    let req3 = uuid();
    assert_eq!(push(s, &r, json!({"type": "request_partner", "request_id": req3, "partner_id": a_id, "message": "Once more"})).await, ok());
    assert_eq!(push(s, &a, json!({"type": "answer_request", "request_id": req3, "accept": false, "reason": "Not now"})).await, ok());
    let rejected = feed(s, &r)
        .await
        .into_iter()
        .rev()
        .find(|c| c["entity"] == "partner_request" && c["data"]["id"] == req3.as_str())
        .expect("request");
    assert_eq!(
        (
            rejected["data"]["status"].as_str(),
            rejected["data"]["reason"].as_str()
        ),
        (Some("rejected"), Some("Not now"))
    );
    let req4 = uuid();
    assert_eq!(push(s, &r2, json!({"type": "request_partner", "request_id": req4, "partner_id": a_id, "message": "Me again"})).await, ok());
    let opt_out = json!({"type": "update_reseller_settings", "base_version": 0, "offers_reseller_services": false, "website": null,
                         "messenger": null, "address": null, "note": null,
                         "visible": {"email": true, "phone": true, "website": false, "messenger": false, "address": false, "note": false}});
    assert_eq!(push(s, &a, opt_out).await, ok());
    let r2_feed = feed(s, &r2).await;
    let cancelled = r2_feed
        .iter()
        .rev()
        .find(|c| c["entity"] == "partner_request" && c["data"]["id"] == req4.as_str())
        .expect("request");
    assert_eq!(cancelled["data"]["status"], "cancelled");
    assert!(notifications(&r2_feed).contains(&"request_cancelled".to_owned()));
    assert_eq!(push(s, &r2, json!({"type": "request_partner", "request_id": uuid(), "partner_id": a_id, "message": "?"})).await, no("partner_unavailable"));
}
on_both_backends!(requests_links_and_content);

async fn partners_see_resellers_by_company_in_their_log(s: &TestServer) {
    let (_, a) = s.ready_partner("log@partner.rs").await;
    let (_, me) = s.get("/api/v1/me", Some(&a)).await;
    let a_id = me["account_id"].as_i64().expect("id");
    let (_, r) = ready_reseller(s, "log@resell.rs", "Resell Log").await;
    let req = uuid();
    assert_eq!(push(s, &r, json!({"type": "request_partner", "request_id": req, "partner_id": a_id, "message": "Hi"})).await, ok());
    let (status, log) = s.get("/api/v1/audit", Some(&a)).await;
    assert_eq!(status, StatusCode::OK);
    let entry = log
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["action"] == "request_partner")
        .cloned()
        .expect("logged");
    assert_eq!(
        (entry["actor_role"].as_str(), entry["actor_name"].as_str()),
        (Some("reseller"), Some("Resell Log")),
        "named by company, not login"
    );
    let (status, v) = s.get("/api/v1/audit", Some(&r)).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden")),
        "resellers have no audit view"
    );
}
on_both_backends!(partners_see_resellers_by_company_in_their_log);
