//! Devices and sessions: where an account is signed in, ending one or all the others, and
//! the e-mail about a sign-in from a device the account never used.

use crate::harness::{TestServer, wait_for};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

async fn login(s: &TestServer, username: &str, password: &str, device: Value) -> String {
    let (status, body) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": username, "password": password, "device": device}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_owned()
}

fn device(name: &str) -> Value {
    json!({"name": name, "platform": "linux", "app_version": "0.1.0"})
}

/// The e-mails to `to` in the file outbox whose subject says `subject`.
fn mails(s: &TestServer, to: &str, subject: &str) -> Vec<String> {
    std::fs::read_dir(s.data_dir.join("outbox"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter(|t| t.contains(&format!("To: {to}")) && t.contains(subject))
        .collect()
}

async fn sessions_list_end_and_tell_of_new_devices(s: &TestServer) {
    let (creds, first) = s.ready_partner("devices@acme.rs").await;
    let (user, pass) = (creds.username.as_str(), creds.password.as_str());
    let laptop = login(s, user, pass, device("ana-laptop")).await;
    let office = login(s, user, pass, device("office-pc")).await;
    // Another account's sessions are none of this one's business.
    let (_, other) = s.ready_partner("someone-else@acme.rs").await;

    let (status, list) = s.get("/api/v1/sessions", Some(&laptop)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let list = list.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 3, "the first sign-in and two devices: {list:?}");
    let mine = |name: &str| {
        list.iter()
            .find(|x| x["device"]["name"] == name)
            .unwrap_or_else(|| panic!("{name} is listed: {list:?}"))
            .clone()
    };
    assert_eq!(mine("ana-laptop")["current"], true);
    assert_eq!(mine("office-pc")["current"], false);
    assert_eq!(mine("office-pc")["device"]["platform"], "linux");
    assert_eq!(mine("office-pc")["last_ip"], "127.0.0.1");
    let office_id = mine("office-pc")["id"].as_i64().expect("id");

    // A new device is told by e-mail, once; the first sign-in after registering is not.
    let told = wait_for(Duration::from_secs(20), || {
        let m = mails(s, "devices@acme.rs", "New sign-in");
        (m.len() == 2).then_some(m)
    })
    .await
    .expect("one e-mail for each new device");
    assert!(
        told.iter()
            .any(|m| m.contains("office-pc (linux)") && m.contains("127.0.0.1")),
        "{told:?}"
    );
    login(s, user, pass, device("office-pc")).await;
    assert_eq!(
        mails(s, "devices@acme.rs", "New sign-in").len(),
        2,
        "a known device is not news"
    );

    // Ending one: its tokens stop at once; ending it again, or another account's
    // session, is not found.
    let (status, _) = s
        .call(
            "DELETE",
            &format!("/api/v1/sessions/{office_id}"),
            Some(&laptop),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = s.get("/api/v1/me", Some(&office)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, _) = s
        .call(
            "DELETE",
            &format!("/api/v1/sessions/{office_id}"),
            Some(&laptop),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = s
        .call(
            "DELETE",
            &format!("/api/v1/sessions/{office_id}"),
            Some(&other),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = s
        .call(
            "DELETE",
            "/api/v1/sessions/not-a-number",
            Some(&laptop),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // Ending all the others leaves only the one asking.
    let (status, ended) = s
        .post("/api/v1/sessions/end-others", Some(&laptop), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{ended}");
    assert_eq!(
        ended["ended"], 2,
        "the first session and the second office one"
    );
    let (status, _) = s.get("/api/v1/me", Some(&first)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, list) = s.get("/api/v1/sessions", Some(&laptop)).await;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    let (_, list) = s.get("/api/v1/sessions", Some(&other)).await;
    assert!(
        !list.to_string().contains("ana-laptop"),
        "no answer shows another account's sessions: {list}"
    );

    // The audit log has all of it: sign-ins with their device and address, the password
    // change, the ended sessions, a wrong password; never a password or token.
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": user, "password": "Not-the-password-1", "device": device("thief-pc")}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let log = loop {
        let (_, v) = s.get("/api/v1/audit?limit=200", Some(&laptop)).await;
        let log = v.as_array().cloned().unwrap_or_default();
        if log.iter().any(|e| e["action"] == "sign_in_failed") {
            break log;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the wrong password is journaled within 20 s: {log:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let actions: Vec<&str> = log.iter().filter_map(|e| e["action"].as_str()).collect();
    for expected in [
        "sign_in",
        "password_changed",
        "session_ended",
        "other_sessions_ended",
        "sign_in_failed",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} is missing: {actions:?}"
        );
    }
    let failed = log
        .iter()
        .find(|e| e["action"] == "sign_in_failed")
        .expect("failed");
    assert_eq!(failed["after"]["device"]["name"], "thief-pc");
    assert_eq!(failed["after"]["address"], "127.0.0.1");
    let text = serde_json::to_string(&log).expect("json");
    assert!(
        !text.contains(pass) && !text.contains("Not-the-password-1") && !text.contains(&laptop),
        "no secret in the log"
    );

    // A device's description is bounded text.
    for bad in [
        json!({"name": "x".repeat(101), "platform": "linux", "app_version": "1"}),
        json!({"name": "ok", "platform": "", "app_version": "1"}),
        json!({"name": "bad\u{0007}bell", "platform": "linux", "app_version": "1"}),
    ] {
        let (status, body) = s
            .post(
                "/api/v1/auth/login",
                None,
                json!({"username": user, "password": pass, "device": bad}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["code"].is_string(), "{body}");
    }
}
on_both_backends!(sessions_list_end_and_tell_of_new_devices);
