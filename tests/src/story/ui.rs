//! The app's pages as a person uses them, over WebDriver: waiting for what shows, clicking,
//! typing, choosing, reading, signing in and out, and screenshots taken once painted.
//! Every wait has a deadline and, when it passes, leaves the page's picture and source in
//! the scenario's artifacts folder.

use crate::eventually;
use crate::webdriver::{Element, Session};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a step may take before the story fails.
pub const WAIT: Duration = Duration::from_secs(30);

/// Saves what the page looks like now as the scenario's `failure.png` (and, with
/// `source`, `failure.html`); returns where to look.
async fn keep_failure(app: &Session, source: bool) -> String {
    let dir = super::artifacts::scenario();
    let _ = app.screenshot(&dir.join("failure.png")).await;
    if source
        && let Ok(src) = app
            .execute("return document.documentElement.outerHTML")
            .await
    {
        let _ = std::fs::write(dir.join("failure.html"), src.as_str().unwrap_or_default());
    }
    dir.join("failure.png").display().to_string()
}

/// Waits for an element; on timeout saves a screenshot and the page source, then fails.
pub async fn element<'a>(app: &'a Session, css: &str) -> Element<'a> {
    element_within(app, css, WAIT).await
}

/// [`element`], waiting up to `limit`.
pub async fn element_within<'a>(app: &'a Session, css: &str, limit: Duration) -> Element<'a> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(el) = app.find(css).await {
            return el;
        }
        if Instant::now() > deadline {
            let picture = keep_failure(app, true).await;
            panic!("timed out after {limit:?} waiting for {css}; see {picture}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// What a step does to an element.
enum Act<'t> {
    Click,
    Fill(&'t str),
}

/// Does `act` to the element `css`. A dialog closing or a toast sliding away may cover
/// it for a moment, a sticky bar or a tall window's fold may hide it: a user scrolls it
/// into view and tries again a moment later, and so does this, until [`WAIT`] passes.
async fn act_on(app: &Session, css: &str, act: Act<'_>) {
    let deadline = Instant::now() + WAIT;
    loop {
        let el = element(app, css).await;
        let done = match act {
            Act::Click => el.click().await,
            Act::Fill(text) => el.fill(text).await,
        };
        match done {
            Ok(()) => return,
            Err(e)
                if Instant::now() < deadline
                    && (e.to_string().contains("intercepted")
                        || e.to_string().contains("not interactable")) =>
            {
                scroll_to(app, css).await;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => {
                let picture = keep_failure(app, false).await;
                panic!(
                    "{} {css}: {e}; see {picture}",
                    match act {
                        Act::Click => "clicking",
                        Act::Fill(_) => "typing into",
                    }
                );
            }
        }
    }
}

pub async fn click(app: &Session, css: &str) {
    act_on(app, css, Act::Click).await;
}

pub async fn fill(app: &Session, css: &str, text: &str) {
    act_on(app, css, Act::Fill(text)).await;
}

/// Scrolls the first element `css` matches to the middle of its scrolling box.
async fn scroll_to(app: &Session, css: &str) {
    let script = format!(
        "document.querySelector({})?.scrollIntoView({{block: 'center'}}); return true;",
        serde_json::to_string(css).unwrap_or_default()
    );
    let _ = app.execute(&script).await;
}

/// Waits until an element's attribute has the expected value.
pub async fn attribute_is(app: &Session, css: &str, name: &str, expected: &str) {
    eventually(
        &format!("{css} to have {name}={expected:?}"),
        WAIT,
        async || {
            let value = app.find(css).await?.attribute(name).await.ok()??;
            (value == expected).then_some(())
        },
    )
    .await;
}

/// Waits until an element's text contains `expected`; returns the whole text.
pub async fn text_of(app: &Session, css: &str, expected: &str) -> String {
    text_within(app, css, expected, WAIT).await
}

/// [`text_of`], waiting up to `limit`.
pub async fn text_within(app: &Session, css: &str, expected: &str, limit: Duration) -> String {
    let deadline = Instant::now() + limit;
    let mut last = String::new();
    loop {
        last = element_within(app, css, limit)
            .await
            .text()
            .await
            .unwrap_or(last);
        if last.is_empty() {
            // WebKit's WebDriver reads no text from an element cut with an ellipsis; the
            // DOM still has it.
            last = app
                .execute(&format!(
                    "return document.querySelector({css:?})?.textContent ?? '';"
                ))
                .await
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
        }
        if last.contains(expected) {
            return last;
        }
        if Instant::now() > deadline {
            let picture = keep_failure(app, false).await;
            panic!("{css} reads {last:?}, not {expected:?}, after {limit:?}; see {picture}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Saves a screenshot once the page has painted what the DOM holds (two animation frames
/// later, and after dialogs finished closing): a WebKit screenshot shows the last frame
/// painted, which can lag behind the DOM the test just checked.
pub async fn shot(app: &Session, dir: &Path, name: &str) {
    let _ = app
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        )
        .await;
    app.screenshot(&dir.join(name)).await.expect("screenshot");
}

/// A dealer as the Add dealer window asks for it.
pub struct NewDealer<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub username: &'a str,
    pub password: &'a str,
}

/// Marko's shop, the dealer of the stories.
pub const MARKO: NewDealer<'static> = NewDealer {
    name: "Marko Electronics",
    email: "marko@shop.rs",
    phone: "+381 11 333 4444",
    username: "marko.shop",
    password: "Dealer-pass-2026",
};

/// Adds a dealer on the Providers page (already open), as a partner would type it.
pub async fn add_dealer(app: &Session, dealer: &NewDealer<'_>) {
    click(app, "#add-dealer").await;
    fill(app, "#dealer-name", dealer.name).await;
    fill(app, "#dealer-email", dealer.email).await;
    fill(app, "#dealer-phone", dealer.phone).await;
    fill(app, "#dealer-username", dealer.username).await;
    fill(app, "#dealer-password", dealer.password).await;
    fill(app, "#dealer-password-confirm", dealer.password).await;
    click(app, "#dealer-save").await;
}

/// Adds a line on the Subscribers page (`dealer_id` empty: the partner's own line).
pub async fn add_line(app: &Session, name: &str, mac: &str, dealer_id: &str) {
    click(app, "[data-testid=add-subscriber]").await;
    fill(app, "[data-testid=sub-name]", name).await;
    fill(
        app,
        "[data-testid=sub-line-username]",
        &name.to_lowercase().replace(' ', "."),
    )
    .await;
    fill(app, "[data-testid=sub-mac]", mac).await;
    choose(app, "[data-testid=sub-dealer]", dealer_id).await;
    click(app, "[data-testid=sub-save]").await;
    eventually("the window to close", WAIT, async || {
        app.find("[data-testid=sub-save]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
}

/// Picks an option of a `<select>` by value, as a user's choice would (a change event).
pub async fn choose(app: &Session, css: &str, value: &str) {
    element(app, css).await;
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; \
         el.dispatchEvent(new Event('change', {{bubbles: true}})); return el.value;"
    );
    let chosen = app.execute(&script).await.expect("script");
    assert_eq!(
        chosen.as_str(),
        Some(value),
        "{css} has an option {value:?}"
    );
}

/// How many elements match.
pub async fn count(app: &Session, css: &str) -> usize {
    app.execute(&format!(
        "return document.querySelectorAll({css:?}).length;"
    ))
    .await
    .ok()
    .and_then(|v| v.as_u64())
    .and_then(|n| usize::try_from(n).ok())
    .unwrap_or(0)
}

pub async fn sign_out(app: &Session) {
    click(app, "#logout").await;
    element(app, "#login-submit").await;
}

pub async fn sign_in_as(app: &Session, username: &str, password: &str) {
    fill(app, "#username", username).await;
    fill(app, "#password", password).await;
    click(app, "#login-submit").await;
    eventually("the sign-in to finish", WAIT, async || {
        app.find("#login-submit").await.is_none().then_some(())
    })
    .await;
}

/// On the screen that asks an account to set up two-factor sign-in (a dealer whose
/// partner requires it, an operator): turns it on with the key the app shows and the
/// code an authenticator app would show now, then goes past the recovery codes.
pub async fn set_up_second_factor(app: &Session) {
    click(app, "#second-factor-enrol").await;
    let secret: String = text_of(app, "[data-testid=second-factor-secret]", "")
        .await
        .split_whitespace()
        .collect();
    let now = wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock);
    let step = wpplay_domain::totp::step_of(now.timestamp());
    let code = wpplay_domain::totp::code(&secret, step).expect("a base32 key");
    fill(app, "#second-factor-code", &code).await;
    click(app, "#second-factor-confirm").await;
    text_of(app, "[data-testid=recovery-codes]", "-").await;
    click(app, "#second-factor-done").await;
}
