//! Password recovery: a single-use code by the account's own channel, the same answer
//! whether or not the account exists, throttles that hold when asked in parallel, and a
//! recovery that ends every other session.

use crate::harness::{TestServer, wait_for};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// The recovery messages to `to` in the file outbox, oldest first.
pub(crate) fn codes_sent(s: &TestServer, to: &str) -> Vec<String> {
    // Named by message id: their names sort in the order they were queued.
    let mut found: Vec<(std::ffi::OsString, String)> = std::fs::read_dir(s.data_dir.join("outbox"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            (text.contains(&format!("To: {to}")) && text.contains("recovery code"))
                .then(|| (e.file_name(), text))
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(_, text)| {
            let at = text
                .find("code is ")
                .map(|i| i + 8)
                .or_else(|| text.find("Your code: ").map(|i| i + 11));
            let code = at
                .map(|i| text[i..].chars().take(6).collect::<String>())
                .unwrap_or_default();
            assert!(
                code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()),
                "a six-digit code in {text}"
            );
            code
        })
        .collect()
}

/// Waits until `count` codes went to `to`, and answers the newest.
async fn nth_code(s: &TestServer, to: &str, count: usize) -> String {
    wait_for(Duration::from_secs(20), || {
        let sent = codes_sent(s, to);
        (sent.len() >= count).then(|| sent[count - 1].clone())
    })
    .await
    .unwrap_or_else(|| panic!("recovery code number {count} reaches {to}"))
}

async fn ask(s: &TestServer, login: &str) -> (StatusCode, Value) {
    s.post("/api/v1/auth/recovery", None, json!({ "login": login }))
        .await
}

async fn recover(s: &TestServer, login: &str, code: &str, password: &str) -> (StatusCode, Value) {
    s.post(
        "/api/v1/auth/recovery/confirm",
        None,
        json!({"login": login, "code": code, "new_password": password,
               "device": {"name": "ana-phone", "platform": "linux", "app_version": "0.1.0"}}),
    )
    .await
}

async fn a_forgotten_password_is_recovered_by_e_mail(s: &TestServer) {
    let (creds, old_session) = s.ready_partner("forgot@acme.rs").await;
    let user = creds.username.as_str();

    // The same answer, byte for byte, for an account and for no account.
    let known = ask(s, user).await;
    let unknown = ask(s, "nobody.here").await;
    let unknown_mail = ask(s, "nobody@nowhere.rs").await;
    assert_eq!(known.0, StatusCode::ACCEPTED, "{}", known.1);
    assert_eq!(known, unknown, "nothing tells whether the account exists");
    assert_eq!(known, unknown_mail);
    let code = nth_code(s, "forgot@acme.rs", 1).await;

    // A wrong code, or a code for no account, answer alike; a weak password keeps the code.
    let wrong = format!(
        "{:06}",
        (code.parse::<u32>().expect("digits") + 1) % 1_000_000
    );
    let (status, body) = recover(s, user, &wrong, "Brand-new-pass-77").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["code"], "wrong_recovery_code");
    let (status, nobody) = recover(s, "nobody.here", &code, "Brand-new-pass-77").await;
    assert_eq!(
        (status, &nobody["code"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &body["code"])
    );
    let (status, body) = recover(s, user, &code, "weakpass").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("password_too_weak")),
        "{body}"
    );

    // The e-mail address works as the login too; the code signs this device in and ends
    // every other session.
    let (status, body) = recover(
        s,
        "Forgot@Acme.rs",
        &format!(" {code} "),
        "Brand-new-pass-77",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["username"], user);
    let fresh = body["access_token"].as_str().expect("a session").to_owned();
    let (status, _) = s.get("/api/v1/me", Some(&old_session)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the other session ended");
    let (status, _) = s.get("/api/v1/me", Some(&fresh)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": user, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password stopped");
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": user, "password": "Brand-new-pass-77"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the new one works");

    // Single use.
    let (status, body) = recover(s, user, &code, "Another-pass-88").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("wrong_recovery_code")
        )
    );

    // A newer code replaces an older one.
    ask(s, user).await;
    let second = nth_code(s, "forgot@acme.rs", 2).await;
    ask(s, user).await;
    let third = nth_code(s, "forgot@acme.rs", 3).await;
    if second != third {
        let (status, _) = recover(s, user, &second, "Another-pass-88").await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the older code stopped"
        );
    }
    // Five wrong tries end a code, even the right one after them.
    for _ in 0..5 {
        let wrong = format!(
            "{:06}",
            (third.parse::<u32>().expect("digits") + 7) % 1_000_000
        );
        recover(s, user, &wrong, "Another-pass-88").await;
    }
    let (status, _) = recover(s, user, &third, "Another-pass-88").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code survives five wrong tries, no more"
    );

    // The account asked three times in the window: a fourth sends nothing, and says so
    // to nobody.
    assert_eq!(ask(s, user).await, known);
    let more = wait_for(Duration::from_secs(3), || {
        (codes_sent(s, "forgot@acme.rs").len() > 3).then_some(())
    })
    .await;
    assert!(more.is_none(), "at most three codes in the window");

    // In the activity log: asked and recovered, never the code.
    let (_, log) = s.get("/api/v1/audit", Some(&fresh)).await;
    let actions: Vec<&str> = log
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"password_recovery_requested"),
        "{actions:?}"
    );
    assert!(actions.contains(&"password_recovered"), "{actions:?}");
    assert!(!log.to_string().contains(&code), "never the code: {log}");
}
on_both_backends!(a_forgotten_password_is_recovered_by_e_mail);

/// A partner who chose SMS gets its code by SMS; a dealer without an e-mail gets none
/// (its partner resets its password), with the same answer.
async fn codes_go_by_the_accounts_own_channel(s: &TestServer) {
    let mut form = crate::harness::registration("sms-forgot@acme.rs");
    form["credential_delivery"] = json!("sms");
    let (status, body) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let creds = s.credentials_for("+381641234567").await;
    let (status, _) = ask(s, &creds.username).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let code = nth_code(s, "+381641234567", 1).await;
    let (status, body) = recover(s, &creds.username, &code, "Sms-new-pass-2027").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["must_change_password"], false,
        "the chosen password replaces the generated one"
    );
    assert!(
        codes_sent(s, "sms-forgot@acme.rs").is_empty(),
        "not by e-mail"
    );
}
on_both_backends!(codes_go_by_the_accounts_own_channel);

/// Fifteen requests from one address at once: exactly ten are taken.
async fn the_address_throttle_holds_in_parallel(s: &TestServer) {
    let asks = (0..15).map(|i| async move { ask(s, &format!("someone{i}")).await.0 });
    let statuses = futures_util::future::join_all(asks).await;
    let taken = statuses
        .iter()
        .filter(|st| **st == StatusCode::ACCEPTED)
        .count();
    let refused = statuses
        .iter()
        .filter(|st| **st == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((taken, refused), (10, 5), "{statuses:?}");
    let (status, body) = ask(s, &"x".repeat(255)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("field_too_long"))
    );
}
on_both_backends!(the_address_throttle_holds_in_parallel);
