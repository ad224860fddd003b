//! How long a change made on another device takes to reach the real desktop app's screen
//! (see `desktop.rs` for how these scenarios run). The app is signed in as the partner on
//! My Dealers; the test, as another device of the same account, pushes new dealers over
//! the HTTP API. The time the push's answer arrives (the server has committed and
//! signalled) is taken here; in the page a MutationObserver takes `Date.now()` when the
//! dealer's row first appears. Both clocks are this machine's wall clock.
//!
//! Beside it, in the same run: the push's own round trip, and the same change made in the
//! app (from the click on Save to the row). Only a generous bound is asserted, so that a
//! broken live path fails instead of hanging; the figures are printed and written to
//! `e2e-artifacts/desktop/SCENARIO/latency.txt` (`BENCHMARKS.md` keeps them).

use base64::Engine;
use std::time::Duration;
use wpplay_e2e::eventually;
use wpplay_e2e::story::api::{Device, new_id};
use wpplay_e2e::story::partner;
use wpplay_e2e::story::ui::{NewDealer, add_dealer, click, element, text_of};
use wpplay_e2e::story::world::World;
use wpplay_e2e::webdriver::Session;

/// Changes pushed from the other device.
const REMOTE_ROUNDS: i64 = 12;
/// The same change made in the app, for the baseline.
const LOCAL_ROUNDS: usize = 10;
/// Far beyond any healthy figure: a live path that does not deliver fails here.
const BOUND: Duration = Duration::from_secs(10);
const DEALER_PASSWORD: &str = "Dealer-pass-2026";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_on_another_device_reaches_the_screen() {
    let world = World::start().await;
    let (app, desk_media) = partner::on_dashboard(&world).await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    click(&app, "[data-testid=nav-providers]").await;
    element(&app, "#add-dealer").await;

    // The other device: signed in on its own, pushing as a client of its own over one
    // HTTP client (its connection kept alive between pushes, as an app's is).
    let device = Device::sign_in(&world, &desk_media.username, partner::PASSWORD).await;
    // A client hashes a new dealer's password itself (argon2id, the product's cost); one
    // hash serves every dealer here, made before anything is timed.
    let password_hash = dealer_password_hash(DEALER_PASSWORD);

    let mut live = Vec::new();
    let mut round_trips = Vec::new();
    for round in 1..=REMOTE_ROUNDS {
        let name = format!("Live dealer {round:02}");
        watch_for_dealer(&app, &name).await;
        let mutation = serde_json::json!({"type": "create_dealer", "dealer_id": new_id(),
            "display_name": name, "contact_email": null, "contact_phone": null,
            "username": format!("live.{round:02}"), "password_hash": password_hash});
        let sent = now_ms();
        device.push(&world, round, mutation).await;
        let pushed = now_ms();
        let seen = seen_at(&app, &format!("{name}, pushed from another device")).await;
        live.push(seen - pushed);
        round_trips.push(pushed - sent);
    }

    // The baseline: the same change made in the app, from the click on Save to the row.
    app.execute(
        "document.addEventListener('click', (e) => { \
           if (window.__clicked === null && e.target.closest('#dealer-save')) \
             window.__clicked = Date.now(); }, {capture: true});",
    )
    .await
    .expect("listen for clicks on Save");
    let mut local = Vec::new();
    for round in 1..=LOCAL_ROUNDS {
        let name = format!("Local dealer {round:02}");
        watch_for_dealer(&app, &name).await;
        app.execute("window.__clicked = null;")
            .await
            .expect("forget the last click");
        let username = format!("local.{round:02}");
        let email = format!("{username}@shop.rs");
        add_dealer(
            &app,
            &NewDealer {
                name: &name,
                email: &email,
                phone: "+381 11 333 4444",
                username: &username,
                password: DEALER_PASSWORD,
            },
        )
        .await;
        let seen = seen_at(&app, &format!("{name}, added in the app")).await;
        let clicked = app
            .execute("return window.__clicked;")
            .await
            .ok()
            .and_then(|v| v.as_i64())
            .expect("the click on Save was heard");
        local.push(seen - clicked);
    }

    let report = format!(
        "another device's change, from the push's answer to the row on screen: {}\n\
         baseline, the push's own round trip: {}\n\
         baseline, the same change made in the app, from the click on Save to the row: {}\n\
         live / round trip (medians): {:.1}x; live / in-app (medians): {:.1}x\n",
        summary(&live),
        summary(&round_trips),
        summary(&local),
        ratio(&live, &round_trips),
        ratio(&live, &local),
    );
    println!("{report}");
    std::fs::write(world.artifacts.join("latency.txt"), &report).expect("write the figures");
    let bound = i64::try_from(BOUND.as_millis()).expect("ms");
    for (what, figures) in [("live", &live), ("push", &round_trips), ("in-app", &local)] {
        assert!(
            figures.iter().all(|&ms| (0..bound).contains(&ms)),
            "every {what} figure within 0..{bound} ms: {figures:?}"
        );
    }
    app.close().await;
}

/// A PHC string of `password` as a client makes it (`wpplay_domain::password_hash`).
fn dealer_password_hash(password: &str) -> String {
    use wpplay_domain::password_hash::{ITERATIONS, MEMORY_KIB, OUTPUT_LEN, PARALLELISM};
    let salt = b"live-latency-salt";
    let mut out = [0u8; OUTPUT_LEN];
    wpplay_domain::password_hash::hasher()
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .expect("a hash");
    let b64 = base64::engine::general_purpose::STANDARD_NO_PAD;
    format!(
        "$argon2id$v=19$m={MEMORY_KIB},t={ITERATIONS},p={PARALLELISM}${}${}",
        b64.encode(salt),
        b64.encode(out)
    )
}

/// The wall clock in milliseconds since the epoch, as the page's `Date.now()` reads it.
fn now_ms() -> i64 {
    wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock).timestamp_millis()
}

/// Starts watching the page for the first dealer row named `name`: a MutationObserver
/// keeps `Date.now()` of the first DOM change that shows it in `window.__seen`.
async fn watch_for_dealer(app: &Session, name: &str) {
    let script = format!(
        "const want = {name:?}; \
         const shown = () => [...document.querySelectorAll('[data-testid=dealer-name]')] \
           .some((el) => el.title === want); \
         if (window.__watch) window.__watch.disconnect(); \
         window.__seen = null; \
         if (shown()) return 'shown already'; \
         window.__watch = new MutationObserver(() => {{ \
           if (window.__seen === null && shown()) {{ \
             window.__seen = Date.now(); window.__watch.disconnect(); }} }}); \
         window.__watch.observe(document.body, \
           {{subtree: true, childList: true, characterData: true, attributes: true}}); \
         return 'watching';"
    );
    let answer = app.execute(&script).await.expect("install the observer");
    assert_eq!(answer, "watching", "{name} is new to the page");
}

/// When the watched row appeared (the page's `Date.now()`), waiting at most [`BOUND`].
async fn seen_at(app: &Session, what: &str) -> i64 {
    eventually(&format!("the row of {what} to appear"), BOUND, async || {
        app.execute("return window.__seen;").await.ok()?.as_i64()
    })
    .await
}

/// "median M ms, max X ms (n N)".
fn summary(figures: &[i64]) -> String {
    format!(
        "median {} ms, max {} ms (n {})",
        median(figures),
        figures.iter().max().copied().unwrap_or_default(),
        figures.len()
    )
}

fn median(figures: &[i64]) -> i64 {
    let mut sorted = figures.to_vec();
    sorted.sort_unstable();
    match sorted.len() {
        0 => 0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

fn ratio(a: &[i64], b: &[i64]) -> f64 {
    median(a) as f64 / median(b).max(1) as f64
}
