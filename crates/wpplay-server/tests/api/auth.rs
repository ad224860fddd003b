//! Tokens, refresh, sign-out and throttling of wrong passwords.

use crate::harness::TestServer;
use crate::on_both_backends;
use chrono::Duration;
use reqwest::StatusCode;
use serde_json::json;

async fn tokens_refresh_expire_and_revoke(s: &TestServer) {
    let (creds, _) = s.ready_partner("tok@acme.rs").await;
    let (status, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{login}");
    let access = login["access_token"].as_str().expect("access").to_owned();
    let refresh = login["refresh_token"].as_str().expect("refresh").to_owned();

    s.clock.advance(Duration::minutes(16));
    let (status, v) = s.get("/api/v1/me", Some(&access)).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("token_expired")),
        "access tokens live 15 minutes"
    );

    let (status, renewed) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renewed}");
    let access2 = renewed["access_token"].as_str().expect("access").to_owned();
    let refresh2 = renewed["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();
    assert_ne!(refresh, refresh2, "refresh tokens rotate");
    let _ = access2;

    // The answer to a refresh can be lost on the way (here: nobody uses the new pair):
    // the app retries with the token it still has. Within two minutes that rotates the
    // session again, and the pair whose answer was lost dies.
    let refresh_with = async |token: &str| {
        s.post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": token}),
        )
        .await
    };
    let (status, again) = refresh_with(&refresh).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a retry after a lost answer: {again}"
    );
    let access2 = again["access_token"].as_str().expect("access").to_owned();
    let lost = refresh2;
    let refresh2 = again["refresh_token"].as_str().expect("refresh").to_owned();
    let (status, v) = refresh_with(&lost).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_refresh_token")),
        "the pair whose answer was lost is dead"
    );
    // Once the new pair is used, its answer evidently arrived: the previous token may
    // not rotate the session again, even within the grace (nor does trying end it).
    let (status, _) = s.get("/api/v1/me", Some(&access2)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, v) = refresh_with(&refresh).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_refresh_token")),
        "the previous token no longer rotates once the new pair is used"
    );
    let (status, _) = s.get("/api/v1/me", Some(&access2)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a late retry does not end the session"
    );

    let (status, _) = s
        .post("/api/v1/auth/logout", Some(&access2), json!({}))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = s.get("/api/v1/me", Some(&access2)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "sign-out ends the access token at once"
    );
    let (status, _) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh2}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "and its refresh token");

    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let refresh3 = login["refresh_token"].as_str().expect("refresh").to_owned();
    s.clock.advance(Duration::days(31));
    let (status, _) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh3}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "refresh tokens expire after 30 days"
    );
}
on_both_backends!(tokens_refresh_expire_and_revoke);

/// Two answers to refreshes lost in a row: the client still has only its first token,
/// and as long as none of the pairs it never received was used, that token retries.
async fn lost_answers_in_a_row_keep_the_session(s: &TestServer) {
    let (creds, _) = s.ready_partner("lost@acme.rs").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let kept = login["refresh_token"].as_str().expect("refresh").to_owned();
    // The first rotation: its answer is lost too.
    let (status, _) = s
        .post("/api/v1/auth/refresh", None, json!({"refresh_token": kept}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut last = serde_json::Value::Null;
    for attempt in 1..=3 {
        let (status, v) = s
            .post("/api/v1/auth/refresh", None, json!({"refresh_token": kept}))
            .await;
        assert_eq!(status, StatusCode::OK, "retry {attempt}: {v}");
        last = v;
    }
    let (status, _) = s.get("/api/v1/me", last["access_token"].as_str()).await;
    assert_eq!(status, StatusCode::OK, "the pair that arrived works");
    let (status, v) = s
        .post("/api/v1/auth/refresh", None, json!({"refresh_token": kept}))
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_refresh_token")),
        "used once, the pair ends the retries: {v}"
    );
    let (status, _) = s.get("/api/v1/me", last["access_token"].as_str()).await;
    assert_eq!(status, StatusCode::OK, "and the session lives on");
}
on_both_backends!(lost_answers_in_a_row_keep_the_session);

/// A refresh token used again after its rotation was copied: the whole session ends, the
/// real client's current tokens included (issue 11 §5).
async fn a_reused_refresh_token_ends_the_session(s: &TestServer) {
    let (creds, _) = s.ready_partner("reuse@acme.rs").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let stolen = login["refresh_token"].as_str().expect("refresh").to_owned();
    let refresh_with = async |token: &str| {
        s.post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": token}),
        )
        .await
    };
    // The real client refreshes twice, a few minutes apart.
    let (status, first) = refresh_with(&stolen).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    s.clock.advance(Duration::minutes(5));
    let (status, second) = refresh_with(first["refresh_token"].as_str().expect("refresh")).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    let live_access = second["access_token"].as_str().expect("access").to_owned();
    let live_refresh = second["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_owned();
    let (status, _) = s.get("/api/v1/me", Some(&live_access)).await;
    assert_eq!(status, StatusCode::OK);

    // The copy of the first token comes back.
    let (status, v) = refresh_with(&stolen).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("refresh_token_reused")),
        "{v}"
    );
    let (status, v) = s.get("/api/v1/me", Some(&live_access)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the real client's access token ends with the session: {v}"
    );
    let (status, v) = refresh_with(&live_refresh).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_refresh_token")),
        "and so does its refresh token: {v}"
    );
    // Signing in again opens a new session.
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}
on_both_backends!(a_reused_refresh_token_ends_the_session);

/// However often it is refreshed, a session ends 90 days after its sign-in, and its
/// tokens never outlive that end.
async fn a_session_has_an_absolute_lifetime(s: &TestServer) {
    let (creds, _) = s.ready_partner("ninety@acme.rs").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let mut refresh = login["refresh_token"].as_str().expect("refresh").to_owned();
    // Refreshed every 20 days: each refresh alone is well within the 30-day token life.
    for day in [20, 40, 60, 80] {
        s.clock.advance(Duration::days(20));
        let (status, v) = s
            .post(
                "/api/v1/auth/refresh",
                None,
                json!({"refresh_token": refresh}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "day {day}: {v}");
        refresh = v["refresh_token"].as_str().expect("refresh").to_owned();
    }
    // Day 89 + 23 h 50 min: the access token issued now ends with the session, in 10 min.
    s.clock
        .advance(Duration::days(9) + Duration::hours(23) + Duration::minutes(50));
    let (status, v) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["expires_in"], 600, "capped at the session's end: {v}");
    refresh = v["refresh_token"].as_str().expect("refresh").to_owned();
    s.clock.advance(Duration::minutes(11));
    let (status, v) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_refresh_token")),
        "day 90: the session is over: {v}"
    );
}
on_both_backends!(a_session_has_an_absolute_lifetime);

async fn wrong_passwords_are_throttled(s: &TestServer) {
    let (creds, _) = s.ready_partner("slow@acme.rs").await;
    let attempt = |password: &str| {
        s.post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": password}),
        )
    };
    for i in 1..=4 {
        let (status, _) = attempt("wrong-password-1").await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "attempt {i} is only refused"
        );
    }
    let (status, v) = attempt("wrong-password-1").await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_attempts")),
        "the 5th failure blocks the account: {v}"
    );
    let (status, _) = attempt(&creds.password).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits while blocked"
    );
    s.clock.advance(Duration::minutes(2));
    let (status, v) = attempt(&creds.password).await;
    assert_eq!(status, StatusCode::OK, "the block lifts after a while: {v}");

    // Per address: 20 failures from one address block it, whatever the account. Five were
    // already counted above, so the 15th guess at other accounts is the 20th failure.
    for i in 0..15 {
        let (status, _) = s
            .post(
                "/api/v1/auth/login",
                None,
                json!({"username": format!("guess{i}"), "password": "x-password-1"}),
            )
            .await;
        let expected = if i < 14 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(status, expected, "guess {i}");
    }
    let (status, v) = attempt(&creds.password).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too_many_attempts")),
        "the address is blocked for every account: {v}"
    );
}
on_both_backends!(wrong_passwords_are_throttled);

async fn parallel_guesses_cannot_pass_the_limit(s: &TestServer) {
    let (creds, _) = s.ready_partner("burst@acme.rs").await;
    let guesses = (0..12).map(|i| {
        let body = json!({"username": creds.username, "password": format!("guess-number-{i}")});
        s.post("/api/v1/auth/login", None, body)
    });
    let answers = futures_join_all(guesses).await;
    let refused_unchecked = answers
        .iter()
        .filter(|(st, _)| *st == StatusCode::TOO_MANY_REQUESTS)
        .count();
    let checked = answers
        .iter()
        .filter(|(st, _)| *st == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        checked <= 5,
        "at most 5 guesses are ever checked, even in parallel: {checked} were"
    );
    assert_eq!(
        checked + refused_unchecked,
        12,
        "every other guess is refused: {answers:?}"
    );
}
on_both_backends!(parallel_guesses_cannot_pass_the_limit);

async fn a_refresh_token_is_used_once_even_in_parallel(s: &TestServer) {
    let (creds, _) = s.ready_partner("race@acme.rs").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let refresh = login["refresh_token"].as_str().expect("refresh").to_owned();
    let answers = futures_join_all((0..4).map(|_| {
        s.post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
    }))
    .await;
    // Each either rotated the session or was told it ended; whatever the order, the
    // session ends up with exactly one live pair: the last rotation's.
    let issued: Vec<&serde_json::Value> = answers
        .iter()
        .filter(|(st, _)| *st == StatusCode::OK)
        .map(|(_, v)| v)
        .collect();
    assert!(!issued.is_empty(), "one refresh at least wins: {answers:?}");
    let mut working = Vec::new();
    for pair in &issued {
        let (status, _) = s.get("/api/v1/me", pair["access_token"].as_str()).await;
        if status == StatusCode::OK {
            working.push(pair["refresh_token"].as_str().expect("refresh").to_owned());
        }
    }
    assert_eq!(working.len(), 1, "exactly one pair works: {answers:?}");
    let (status, _) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": working[0]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "and its refresh token refreshes");
}
on_both_backends!(a_refresh_token_is_used_once_even_in_parallel);

/// Runs futures concurrently on the current task and collects their outputs in order.
async fn futures_join_all<F: std::future::Future>(
    futures: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    let handles: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs = Vec::with_capacity(handles.len());
    let mut pending: Vec<_> = handles.into_iter().map(Some).collect();
    let mut results: Vec<Option<F::Output>> = (0..pending.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut all_done = true;
        for (i, slot) in pending.iter_mut().enumerate() {
            if let Some(f) = slot {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => {
                        results[i] = Some(v);
                        *slot = None;
                    }
                    std::task::Poll::Pending => all_done = false,
                }
            }
        }
        if all_done {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    outputs.extend(results.into_iter().flatten());
    outputs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_sign_in_counters_are_swept() {
    use wpplay_domain::clock::Clock;
    let s = TestServer::start(crate::harness::Backend::Sqlite)
        .await
        .expect("server");
    for i in 0..3 {
        let (status, _) = s
            .post(
                "/api/v1/auth/login",
                None,
                json!({"username": format!("ghost{i}"), "password": "x-password-1"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let db = sea_orm::Database::connect(s.database_url.expose())
        .await
        .expect("connect");
    let swept_now = wpplay_server::auth::throttle::sweep(&db, s.clock.now())
        .await
        .expect("sweep");
    assert_eq!(swept_now, 0, "counters within their window stay");
    let later = s.clock.now() + Duration::hours(1);
    let swept = wpplay_server::auth::throttle::sweep(&db, later)
        .await
        .expect("sweep");
    assert_eq!(
        swept, 4,
        "three made-up accounts and the address are forgotten an hour later"
    );
    s.stop().await;
}
