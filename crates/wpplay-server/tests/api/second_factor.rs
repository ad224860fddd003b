//! Two-factor sign-in: enrolment confirmed by a first code, the code after the password
//! (computed here from the secret, as an authenticator app does), no replay, single-use
//! recovery codes, throttles that hold in parallel, and the accounts that must use it.

use crate::harness::{TestServer, wait_for};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;
use wpplay_domain::clock::Clock;
use wpplay_domain::totp;

/// The code an authenticator app shows now (by the server's clock).
pub(crate) fn code_now(s: &TestServer, secret: &str) -> String {
    totp::code(secret, totp::step_of(s.clock.now().timestamp())).expect("a base32 secret")
}

/// Moves the server's clock to the next 30-second step, where a new code is due.
pub(crate) fn next_step(s: &TestServer) {
    s.clock.advance(chrono::Duration::seconds(totp::STEP_SECS));
}

/// Switches two-factor sign-in on for the account of `token`: its secret and its ten
/// recovery codes.
pub(crate) async fn enrol(s: &TestServer, token: &str) -> (String, Vec<String>) {
    let (status, e) = s
        .post("/api/v1/auth/second-factor/enrol", Some(token), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{e}");
    let secret = e["secret"].as_str().expect("secret").to_owned();
    let (status, on) = s
        .post(
            "/api/v1/auth/second-factor/confirm",
            Some(token),
            json!({"code": code_now(s, &secret)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{on}");
    let codes = on["recovery_codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("text").to_owned())
        .collect();
    (secret, codes)
}

async fn password_step(s: &TestServer, user: &str, password: &str) -> (StatusCode, Value) {
    s.post(
        "/api/v1/auth/login",
        None,
        json!({"username": user, "password": password}),
    )
    .await
}

/// The password step of a sign-in that asks for a second factor: its challenge.
pub(crate) async fn challenge(s: &TestServer, user: &str, password: &str) -> String {
    let (status, body) = password_step(s, user, password).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("second_factor_required")),
        "{body}"
    );
    assert!(body.get("access_token").is_none(), "no session yet: {body}");
    body["challenge"].as_str().expect("a challenge").to_owned()
}

pub(crate) async fn second_step(
    s: &TestServer,
    challenge: &str,
    code: &str,
) -> (StatusCode, Value) {
    s.post(
        "/api/v1/auth/second-factor",
        None,
        json!({"challenge": challenge, "code": code}),
    )
    .await
}

/// Signs in with password and a recovery code: the access token.
pub(crate) async fn sign_in_with_recovery_code(
    s: &TestServer,
    user: &str,
    password: &str,
    code: &str,
) -> String {
    let challenge = challenge(s, user, password).await;
    let (status, body) = second_step(s, &challenge, code).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_owned()
}

fn wrong_code(body: &Value) -> Option<&str> {
    body["code"].as_str()
}

async fn a_partner_signs_in_with_a_code_after_the_password(s: &TestServer) {
    let (creds, token) = s.ready_partner("twofa@acme.rs").await;
    let (user, password) = (creds.username.as_str(), creds.password.as_str());
    let (_, off) = s.get("/api/v1/auth/second-factor", Some(&token)).await;
    assert_eq!(
        (&off["enabled"], &off["required"], &off["dealers_required"]),
        (&json!(false), &json!(false), &json!(false)),
        "{off}"
    );

    // Set up: a secret shown once, confirmed by its first code; a wrong one changes nothing.
    let (status, e) = s
        .post("/api/v1/auth/second-factor/enrol", Some(&token), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{e}");
    let secret = e["secret"].as_str().expect("secret").to_owned();
    assert_eq!(secret.len(), 32, "160 bits in base32");
    let uri = e["otpauth_uri"].as_str().expect("uri");
    assert!(
        uri.starts_with("otpauth://totp/WP%20Play:") && uri.contains(&secret),
        "{uri}"
    );
    let good = code_now(s, &secret);
    let bad = format!(
        "{:06}",
        (good.parse::<u32>().expect("digits") + 1) % 1_000_000
    );
    let (status, body) = s
        .post(
            "/api/v1/auth/second-factor/confirm",
            Some(&token),
            json!({"code": bad}),
        )
        .await;
    assert_eq!(
        (status, wrong_code(&body), body["field"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("wrong_second_factor_code"),
            Some("code")
        )
    );
    let (_, still_off) = password_step(s, user, password).await;
    assert!(
        still_off["access_token"].is_string(),
        "not on until confirmed: {still_off}"
    );
    let (status, on) = s
        .post(
            "/api/v1/auth/second-factor/confirm",
            Some(&token),
            json!({"code": good}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{on}");
    let recovery: Vec<String> = on["recovery_codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("text").to_owned())
        .collect();
    assert_eq!(recovery.len(), 10);
    let distinct: std::collections::BTreeSet<_> = recovery.iter().collect();
    assert_eq!(distinct.len(), 10, "{recovery:?}");
    assert!(
        recovery
            .iter()
            .all(|c| c.len() == 9 && c.as_bytes()[4] == b'-'),
        "{recovery:?}"
    );
    let (status, body) = s
        .post("/api/v1/auth/second-factor/enrol", Some(&token), json!({}))
        .await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::CONFLICT, Some("second_factor_already_on"))
    );

    // The password alone opens nothing; the code used to confirm is not taken again.
    let first = challenge(s, user, password).await;
    let (status, body) = second_step(s, &first, &good).await;
    assert_eq!(
        (status, wrong_code(&body)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("wrong_second_factor_code")
        ),
        "a replay: {body}"
    );
    next_step(s);
    let now = code_now(s, &secret);
    let (status, body) = second_step(s, &first, &now).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["access_token"].is_string());
    let (status, body) = second_step(s, &first, &now).await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::UNAUTHORIZED, Some("challenge_expired")),
        "a challenge is used once"
    );
    let again = challenge(s, user, password).await;
    let (status, _) = second_step(s, &again, &now).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same code in its window is a replay"
    );

    // A recovery code works once, however typed.
    let (status, _) = second_step(s, &again, &recovery[0].to_uppercase().replace('-', " ")).await;
    assert_eq!(status, StatusCode::OK);
    let third = challenge(s, user, password).await;
    let (status, _) = second_step(s, &third, &recovery[0]).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a recovery code is single-use"
    );
    let (_, status_now) = s.get("/api/v1/auth/second-factor", Some(&token)).await;
    assert_eq!(
        (&status_now["enabled"], &status_now["recovery_codes_left"]),
        (&json!(true), &json!(9))
    );

    // A challenge lives five minutes.
    s.clock.advance(chrono::Duration::minutes(6));
    let (status, body) = second_step(s, &third, &code_now(s, &secret)).await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::UNAUTHORIZED, Some("challenge_expired"))
    );
    let (status, _) = second_step(s, &"x".repeat(43), "123456").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The server's sweep removes challenges past their time.
    let db = crate::billing::db(s).await;
    let removed = wpplay_server::auth::second_factor::sweep(&db, s.clock.now())
        .await
        .expect("sweep");
    assert!(removed >= 1, "the expired challenges go");
    db.close().await.ok();

    // A password recovery asks for the second factor too.
    s.clock.advance(chrono::Duration::minutes(16));
    let (status, _) = s
        .post("/api/v1/auth/recovery", None, json!({"login": user}))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let code = wait_for(Duration::from_secs(20), || {
        crate::recovery::codes_sent(s, "twofa@acme.rs").pop()
    })
    .await
    .expect("a recovery code reaches the partner");
    let (status, body) = s
        .post(
            "/api/v1/auth/recovery/confirm",
            None,
            json!({"login": user, "code": code, "new_password": "Recovered-2026-pass"}),
        )
        .await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::UNAUTHORIZED, Some("second_factor_required")),
        "{body}"
    );
    let (status, body) = second_step(
        s,
        body["challenge"].as_str().expect("challenge"),
        &code_now(s, &secret),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let token = body["access_token"].as_str().expect("token").to_owned();

    // Switching off needs a current code.
    let (status, body) = s
        .post(
            "/api/v1/auth/second-factor/disable",
            Some(&token),
            json!({"code": "000000"}),
        )
        .await;
    assert_eq!(
        (status, wrong_code(&body)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("wrong_second_factor_code")
        )
    );
    next_step(s);
    let (status, body) = s
        .post(
            "/api/v1/auth/second-factor/disable",
            Some(&token),
            json!({"code": code_now(s, &secret)}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, plain) = password_step(s, user, "Recovered-2026-pass").await;
    assert!(plain["access_token"].is_string(), "off again: {plain}");

    // In the activity log, never a secret or a code.
    let (_, log) = s.get("/api/v1/audit", Some(&token)).await;
    let actions: Vec<&str> = log
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for expected in [
        "second_factor_enabled",
        "second_factor_failed",
        "recovery_code_used",
        "second_factor_disabled",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    let text = log.to_string();
    assert!(
        !text.contains(&secret) && !text.contains(&recovery[1]),
        "{text}"
    );
}
on_both_backends!(a_partner_signs_in_with_a_code_after_the_password);

/// Eight wrong codes at once for one account: at most five are judged, the rest refused
/// as too many, and then even the right code waits.
async fn wrong_codes_are_throttled_like_passwords_in_parallel(s: &TestServer) {
    let (creds, token) = s.ready_partner("twofa-flood@acme.rs").await;
    let password = creds.password.as_str();
    let (secret, _) = enrol(s, &token).await;
    let user = creds.username.as_str();
    let mut challenges = Vec::new();
    for _ in 0..8 {
        challenges.push(challenge(s, user, password).await);
    }
    let right = {
        next_step(s);
        code_now(s, &secret)
    };
    let wrong = format!(
        "{:06}",
        (right.parse::<u32>().expect("digits") + 7) % 1_000_000
    );
    let tries = challenges.iter().map(|c| {
        let wrong = wrong.clone();
        async move { second_step(s, c, &wrong).await.0 }
    });
    let statuses = futures_util::future::join_all(tries).await;
    let judged = statuses
        .iter()
        .filter(|st| **st == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let refused = statuses
        .iter()
        .filter(|st| **st == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(judged <= 5 && judged + refused == 8, "{statuses:?}");
    let (status, body) = second_step(s, &challenges[0], &right).await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_attempts")),
        "blocked like a guessed password: {body}"
    );
}
on_both_backends!(wrong_codes_are_throttled_like_passwords_in_parallel);

/// A partner can require it of its dealers, and operators must use it: without it such
/// an account signs in, but may only set it up, and cannot switch it off.
async fn operators_and_required_dealers_must_use_it(s: &TestServer) {
    let (_, partner) = s.ready_partner("twofa-dealers@acme.rs").await;
    let dealer = json!({"type": "create_dealer", "dealer_id": uuid::Uuid::new_v4().to_string(),
        "display_name": "Two Factor Dealer", "contact_email": null, "contact_phone": null,
        "username": "twofa.dealer", "password_hash": crate::dealers::hash("Twofa-dealer-2026")});
    assert_eq!(crate::links::push(s, &partner, dealer).await.0, "applied");
    let (status, body) = password_step(s, "twofa.dealer", "Twofa-dealer-2026").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["second_factor_setup_required"], false);
    let dealer_token = body["access_token"].as_str().expect("token").to_owned();

    let (status, body) = s
        .call(
            "PUT",
            "/api/v1/partner/dealer-second-factor",
            Some(&dealer_token),
            Some(json!({"required": false})),
        )
        .await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::FORBIDDEN, Some("forbidden"))
    );
    let (status, rule) = s
        .call(
            "PUT",
            "/api/v1/partner/dealer-second-factor",
            Some(&partner),
            Some(json!({"required": true})),
        )
        .await;
    assert_eq!(
        (status, &rule["dealers_required"]),
        (StatusCode::OK, &json!(true)),
        "{rule}"
    );

    // The dealer's session is held at the door until it sets it up.
    let (status, body) = s.get("/api/v1/me", Some(&dealer_token)).await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::FORBIDDEN, Some("second_factor_mandatory"))
    );
    let (status, body) = password_step(s, "twofa.dealer", "Twofa-dealer-2026").await;
    assert_eq!(
        (status, &body["second_factor_setup_required"]),
        (StatusCode::OK, &json!(true))
    );
    let (_, st) = s
        .get("/api/v1/auth/second-factor", Some(&dealer_token))
        .await;
    assert_eq!(
        (&st["required"], &st["enabled"]),
        (&json!(true), &json!(false)),
        "{st}"
    );
    let (secret, _) = enrol(s, &dealer_token).await;
    let (status, _) = s.get("/api/v1/me", Some(&dealer_token)).await;
    assert_eq!(status, StatusCode::OK, "set up, it works again");
    next_step(s);
    let (status, body) = s
        .post(
            "/api/v1/auth/second-factor/disable",
            Some(&dealer_token),
            json!({"code": code_now(s, &secret)}),
        )
        .await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::FORBIDDEN, Some("second_factor_mandatory"))
    );

    // An operator, created by the operator's command.
    let db = crate::billing::db(s).await;
    let created = wpplay_server::operator::operators_add(&db, "twofa.operator", s.clock.now())
        .await
        .expect("operator");
    let op_password = created
        .rsplit("): ")
        .next()
        .expect("password")
        .trim()
        .to_owned();
    let (status, body) = password_step(s, "twofa.operator", &op_password).await;
    assert_eq!(
        (status, &body["second_factor_setup_required"]),
        (StatusCode::OK, &json!(true))
    );
    let op = body["access_token"].as_str().expect("token").to_owned();
    let (status, body) = s.get("/api/v1/audit", Some(&op)).await;
    assert_eq!(
        (status, wrong_code(&body)),
        (StatusCode::FORBIDDEN, Some("second_factor_mandatory"))
    );
    let (_, codes) = enrol(s, &op).await;
    let (status, _) = s.get("/api/v1/audit", Some(&op)).await;
    assert_eq!(status, StatusCode::OK);
    let op = sign_in_with_recovery_code(s, "twofa.operator", &op_password, &codes[3]).await;
    let (status, _) = s.get("/api/v1/audit", Some(&op)).await;
    assert_eq!(status, StatusCode::OK);
}
on_both_backends!(operators_and_required_dealers_must_use_it);
