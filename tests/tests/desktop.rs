//! The real desktop binary, driven through WebDriver (tauri-driver + WebKitWebDriver)
//! against the real server binary, one scenario per test, each in a world of its own
//! (`wpplay_e2e::story`): register in the app, read the credentials from the outbox, sign
//! in, change the password, see "14 days left", end another device's session, set up
//! two-factor sign-in and sign in again with a code; live in the tray and come back at
//! the remembered size, signed in through the keychain; stop the server and keep working
//! offline, give a dealer a new password there, and see the dealer set up the second
//! factor its partner requires; recover a forgotten password with the e-mailed code. The
//! partner's network, lines, billing and alerts are in `desktop_*.rs`.
//!
//! Needs a display, a D-Bus session and an unlocked keyring: the README's test command
//! runs it inside `scripts/with-desktop-session.sh --xvfb`. Screenshots go to
//! `e2e-artifacts/`, each scenario's logs to `e2e-artifacts/desktop/SCENARIO/`.

use wpplay_domain::totp;
use wpplay_e2e::eventually;
use wpplay_e2e::story::artifacts;
use wpplay_e2e::story::desktop::{x11_window, x11_window_resize};
use wpplay_e2e::story::partner;
use wpplay_e2e::story::tray::{tray_click, tray_item, tray_menu};
use wpplay_e2e::story::ui::{
    MARKO, WAIT, add_dealer, attribute_is, choose, click, element, fill, set_up_second_factor,
    shot, sign_in_as, sign_out, text_of,
};
use wpplay_e2e::story::world::World;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partner_registers_and_signs_in() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let app = world.open_app().await;

    // Register: choose a plan, fill the form.
    click(&app, "#go-register").await;
    click(&app, "[data-testid=choose-package-business]").await;
    fill(&app, "#reg-company", "Desk Media d.o.o.").await;
    fill(&app, "#reg-contact", "Jelena Jović").await;
    fill(&app, "#reg-email", partner::EMAIL).await;
    fill(&app, "#reg-phone", "+381 63 555 1234").await;
    click(&app, "#reg-delivery-email").await;
    shot(&app, &shots, "01-registration-form.png").await;
    click(&app, "#register-submit").await;
    text_of(
        &app,
        "[data-testid=registration-done]",
        "j*****@deskmedia.rs",
    )
    .await;
    shot(&app, &shots, "02-registration-done.png").await;

    // The credentials arrive in the server's outbox (no SMTP configured).
    let (username, password) = eventually("the credentials e-mail", WAIT, async || {
        world.credentials(partner::EMAIL)
    })
    .await;

    // Sign in with them; the app insists on a new password first.
    click(&app, "#go-login").await;
    fill(&app, "#username", &username).await;
    // With an account named, its data on this computer can be removed from here; there
    // is none yet, and the app says so.
    click(&app, "#forget-account").await;
    text_of(
        &app,
        "[data-testid=forget-dialog]",
        "Nothing changes on the server",
    )
    .await;
    shot(&app, &shots, "02b-forget-local-data.png").await;
    click(&app, "#forget-confirm").await;
    text_of(&app, "[data-testid=forget-notice]", "kept no data").await;
    fill(&app, "#password", "not-the-password").await;
    click(&app, "#login-submit").await;
    text_of(&app, "[data-testid=form-error]", "not right").await;
    fill(&app, "#password", &password).await;
    click(&app, "#login-submit").await;
    fill(&app, "#current-password", &password).await;
    fill(&app, "#new-password", partner::PASSWORD).await;
    fill(&app, "#confirm-password", partner::PASSWORD).await;
    shot(&app, &shots, "03-change-password.png").await;
    click(&app, "#change-password-submit").await;

    // The dashboard, from the local replica.
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    text_of(&app, "[data-testid=package-name]", "Business").await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    shot(&app, &shots, "04-dashboard.png").await;

    // "Download all data again" (asked first) rebuilds the local copy from the server.
    click(&app, "#resync-all").await;
    element(&app, "[data-testid=resync-dialog]").await;
    shot(&app, &shots, "04b-download-again.png").await;
    click(&app, "#resync-confirm").await;
    text_of(&app, ".toast.success", "All data downloaded again").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    text_of(&app, "[data-testid=package-name]", "Business").await;

    // The language applies at once, in either Serbian script, and comes back to English.
    choose(&app, "[data-testid=language-switch]", "sr-Latn").await;
    text_of(&app, "[data-testid=nav-dashboard]", "Početna").await;
    text_of(&app, "[data-testid=days-left]", "Preostalo je 14 dana").await;
    shot(&app, &shots, "04c-dashboard-serbian-latin.png").await;
    // Every section of the partner's app, in Serbian, for a look at each.
    for (section, ready) in [
        ("providers", "[data-testid=dealers-empty]"),
        ("subscribers", "[data-testid=subscribers-empty]"),
        ("resellers", "[data-testid=links-section]"),
        ("content", "[data-testid=catalog-empty]"),
        (
            "activity",
            "[data-testid=audit-empty], [data-testid=audit-changes], table",
        ),
        (
            "billing",
            "[data-testid=days-left], [data-testid=invoices-empty]",
        ),
        ("settings", "[data-testid=settings-page]"),
    ] {
        click(&app, &format!("[data-testid=nav-{section}]")).await;
        element(&app, ready).await;
        shot(&app, &shots, &format!("04s-{section}-serbian.png")).await;
        if section == "providers" {
            // What the form asks for, and what it refuses, in Serbian too (errors are
            // worded by their code, in the app's language).
            click(&app, "#add-dealer").await;
            fill(&app, "#dealer-email", "nije-adresa").await;
            click(&app, "#dealer-save").await;
            text_of(
                &app,
                "[data-testid=add-dealer-dialog]",
                "Unesite ime dilera.",
            )
            .await;
            text_of(
                &app,
                "[data-testid=add-dealer-dialog]",
                "Unesite ispravnu adresu e-pošte",
            )
            .await;
            shot(&app, &shots, "04s-providers-add-dealer-serbian.png").await;
            click(&app, "[data-testid=add-dealer-dialog] button.close").await;
        }
    }
    click(&app, "[data-testid=nav-dashboard]").await;
    choose(&app, "[data-testid=language-switch]", "sr-Cyrl").await;
    text_of(&app, "[data-testid=nav-dashboard]", "Почетна").await;
    text_of(&app, "[data-testid=days-left]", "Преостало је 14 дана").await;
    shot(&app, &shots, "04d-dashboard-serbian-cyrillic.png").await;
    choose(&app, "[data-testid=language-switch]", "en").await;
    text_of(&app, "[data-testid=nav-dashboard]", "Dashboard").await;

    // Devices: signed in elsewhere too (a script, here), the partner sees both in
    // Settings and signs the other one out; its token stops working at once.
    let other = wpplay_e2e::server::login(&world.server_url, &username, partner::PASSWORD).await;
    click(&app, "[data-testid=nav-settings]").await;
    text_of(&app, "[data-testid=sessions]", "This computer").await;
    text_of(&app, "[data-testid=sessions]", "A device without a name").await;
    app.execute(
        "document.querySelectorAll('.toast button').forEach((b) => b.click()); \
         document.querySelector('[data-testid=sessions]').scrollIntoView({block: 'center'});",
    )
    .await
    .expect("scroll to the devices");
    shot(&app, &shots, "04e-settings-devices.png").await;
    click(
        &app,
        "[data-testid=session][data-current=false] [data-testid=end-session]",
    )
    .await;
    text_of(&app, ".toast.success", "That device is signed out").await;
    let me = reqwest::Client::new()
        .get(format!("{}/api/v1/me", world.server_url))
        .bearer_auth(&other)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(
        me.status(),
        reqwest::StatusCode::UNAUTHORIZED,
        "the other session ended"
    );

    // Two-factor sign-in: set up in Settings with the key the app shows (what an
    // authenticator app reads from the QR code), confirmed by a code computed from it.
    click(&app, "#second-factor-enrol").await;
    let secret: String = text_of(&app, "[data-testid=second-factor-secret]", "")
        .await
        .split_whitespace()
        .collect();
    shot(&app, &shots, "04f-two-factor-setup.png").await;
    let code_now = || {
        let now = wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock);
        let step = totp::step_of(now.timestamp());
        (step, totp::code(&secret, step).expect("a base32 key"))
    };
    let (used_step, code) = code_now();
    fill(&app, "#second-factor-code", &code).await;
    click(&app, "#second-factor-confirm").await;
    text_of(&app, "[data-testid=recovery-codes]", "-").await;
    shot(&app, &shots, "04g-recovery-codes.png").await;
    click(&app, "#second-factor-done").await;
    text_of(
        &app,
        "[data-testid=second-factor-on]",
        "10 recovery codes left",
    )
    .await;

    // Signing in again asks for the code after the password; a code is taken once, so
    // the next one is due at the authenticator's next 30-second step.
    sign_out(&app).await;
    fill(&app, "#username", &username).await;
    fill(&app, "#password", partner::PASSWORD).await;
    click(&app, "#login-submit").await;
    element(&app, "[data-testid=login-second-factor]").await;
    shot(&app, &shots, "04h-sign-in-code.png").await;
    let code = eventually(
        "the authenticator's next code (a new one every 30 s)",
        std::time::Duration::from_secs(45),
        async || {
            let (step, code) = code_now();
            (step > used_step).then_some(code)
        },
    )
    .await;
    fill(&app, "#login-code", &code).await;
    click(&app, "#login-code-submit").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_lives_in_the_tray_and_comes_back_signed_in_at_its_size() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, _) = partner::on_dashboard(&world).await;

    // The app logs to the platform's log directory and has put its icon in the tray.
    // Closing the window (as the title bar's x does) keeps the app running in the tray; a
    // second launch hands over to it, which comes back to the front, and exits.
    world.logged("tray ready").await;
    let (_, _, item) = tray_item(&world).await;
    assert_eq!(item["Status"], "Active", "{item}");
    assert_eq!(
        item["icon_png_size"],
        serde_json::json!([64, 64]),
        "the tray shows its own 64 px mark (icons/tray.png): {item}"
    );
    // The status line names the company once the profile has synced (the user name
    // before that): wait for it rather than read the menu once.
    let menu = eventually(
        "the tray menu's status line to name the company",
        WAIT,
        async || {
            let menu = tray_menu(&world, "Sync now").await;
            menu[0]
                .0
                .starts_with("Desk Media d.o.o. · Online")
                .then_some(menu)
        },
    )
    .await;
    let labels: Vec<&str> = menu.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        &labels[1..],
        [
            "Open WP Play Partner Desk",
            "Sync now",
            "Pending requests",
            "Quit"
        ],
        "the tray menu: {menu:?}"
    );
    assert!(
        !menu[0].1,
        "the menu's status line (what a tooltip would say; Linux trays show none) does nothing when clicked: {menu:?}"
    );
    tray_click(&world, "Sync now").await;
    world.logged("sync requested from the tray").await;
    x11_window_resize(1100, 720);
    eventually("the window to take its new size", WAIT, async || {
        (x11_window("size") == "1100x720").then_some(())
    })
    .await;
    x11_window("close");
    eventually("the window to hide", WAIT, async || {
        (x11_window("state") == "unmapped").then_some(())
    })
    .await;
    world
        .logged("window closed: the app stays in the tray")
        .await;
    // The tray's Open brings it back; closed again, a second launch does the same below.
    tray_click(&world, "Open WP Play Partner Desk").await;
    eventually("the window to show from the tray", WAIT, async || {
        (x11_window("state") == "viewable").then_some(())
    })
    .await;
    // Just shown, the window may not take a close request yet (a loaded fresh-clone run
    // lost one): ask again until it is hidden.
    eventually("the window to hide again", WAIT, async || {
        if x11_window("state") == "unmapped" {
            return Some(());
        }
        x11_window("close");
        None
    })
    .await;
    let remembered: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&world.window_state).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(
        (&remembered["main"]["width"], &remembered["main"]["height"]),
        (&serde_json::json!(1100), &serde_json::json!(720)),
        "the window's size is remembered when it goes to the tray: {remembered}"
    );
    let mut second = std::process::Command::new(&world.app)
        .env(
            "XDG_DATA_HOME",
            world.app_log.ancestors().nth(3).expect("xdg dir"),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("a second launch");
    let status = eventually("the second launch to exit", WAIT, async || {
        second.try_wait().ok().flatten()
    })
    .await;
    assert!(
        status.success(),
        "the second launch exits cleanly: {status}"
    );
    world
        .logged("a second launch: the running app comes to the front")
        .await;
    eventually("the window to show again", WAIT, async || {
        (x11_window("state") == "viewable").then_some(())
    })
    .await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;

    // Restart the app: the keychain signs it in without the login screen.
    app.close().await;
    let app = world.open_app().await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    assert!(
        app.find("#login-submit").await.is_none(),
        "a restart goes straight to the dashboard"
    );
    eventually(
        "the window to come back at its remembered size",
        WAIT,
        async || (x11_window("size") == "1100x720").then_some(()),
    )
    .await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    // Back to the usual size for the screenshot, and forget it again.
    x11_window_resize(1280, 800);
    std::fs::remove_file(&world.window_state).expect("forget the window state");
    shot(&app, &shots, "05-dashboard-after-restart.png").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_made_offline_wait_and_sync_when_the_server_is_back() {
    let mut world = World::start().await;
    let shots = artifacts::shots();
    let (app, _) = partner::on_dashboard(&world).await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;

    // Stop the server: the dashboard stays, marked offline.
    world.server.kill();
    attribute_is(&app, "[data-testid=sync-indicator]", "data-online", "false").await;
    text_of(&app, "[data-testid=sync-indicator]", "Offline").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    shot(&app, &shots, "06-dashboard-offline.png").await;

    // An edit made offline waits, then syncs when the server is back.
    fill(&app, "#profile-contact", "Jelena J.").await;
    click(&app, "#profile-save").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "1").await;
    shot(&app, &shots, "07-edit-waiting-offline.png").await;

    // Still offline: add a dealer on the Providers page; it shows at once, waiting to sync.
    click(&app, "[data-testid=nav-providers]").await;
    add_dealer(&app, &MARKO).await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "pending").await;
    attribute_is(
        &app,
        "[data-testid=dealer-name]",
        "title",
        "Marko Electronics",
    )
    .await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "2").await;
    shot(&app, &shots, "08-dealer-added-offline.png").await;
    world.restart_server().await;
    click(&app, "#sync-now").await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "0").await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "synced").await;
    shot(&app, &shots, "09-providers-synced.png").await;

    // Offline again, the partner gives the dealer a new password: hashed in the app,
    // it waits like any edit; once applied the dealer signs in with it, not the old one.
    world.server.kill();
    text_of(&app, "[data-testid=sync-indicator]", "Offline").await;
    click(&app, "[data-testid=dealer-edit]").await;
    click(&app, "#dealer-reset-password").await;
    fill(&app, "#edit-dealer-password", NEW_DEALER_PASSWORD).await;
    fill(&app, "#edit-dealer-password-confirm", NEW_DEALER_PASSWORD).await;
    shot(&app, &shots, "09b-dealer-new-password.png").await;
    click(&app, "#edit-dealer-save").await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "pending").await;
    world.restart_server().await;
    click(&app, "#sync-now").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "0").await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "synced").await;

    // The partner requires two-factor sign-in of its dealers (Settings).
    click(&app, "[data-testid=nav-settings]").await;
    click(&app, "#dealers-second-factor").await;
    text_of(&app, ".toast.success", "dealers must now sign in").await;

    sign_out(&app).await;
    fill(&app, "#username", MARKO.username).await;
    fill(&app, "#password", MARKO.password).await;
    click(&app, "#login-submit").await;
    text_of(&app, "[data-testid=form-error]", "not right").await;
    sign_in_as(&app, MARKO.username, NEW_DEALER_PASSWORD).await;

    // The new password works, but the dealer must set up two-factor sign-in first.
    text_of(
        &app,
        "[data-testid=second-factor]",
        "must use two-factor sign-in",
    )
    .await;
    shot(&app, &shots, "09c-dealer-must-set-up-two-factor.png").await;
    set_up_second_factor(&app).await;
    element(&app, "[data-testid=subscribers-page]").await;
    app.close().await;
}

const NEW_DEALER_PASSWORD: &str = "Marko-reset-2027";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_recovered_with_a_code_from_the_e_mail() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, account) = partner::on_dashboard(&world).await;
    sign_out(&app).await;

    // "Forgot password?" on the sign-in screen: the e-mail address is enough.
    click(&app, "#forgot-password").await;
    fill(&app, "#recover-login", partner::EMAIL).await;
    shot(&app, &shots, "10a-recover-ask.png").await;
    click(&app, "#recover-send").await;
    text_of(&app, "[data-testid=recover-sent]", "15 minutes").await;
    let code = eventually("the recovery code e-mail", WAIT, async || {
        world.recovery_code(partner::EMAIL)
    })
    .await;
    fill(&app, "#recover-code", &code).await;
    fill(&app, "#recover-password", "Found-again-2027").await;
    fill(&app, "#recover-confirm", "Found-again-2027").await;
    shot(&app, &shots, "10b-recover-code.png").await;
    click(&app, "#recover-submit").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;

    // The new password is the one that works now.
    sign_out(&app).await;
    fill(&app, "#username", &account.username).await;
    fill(&app, "#password", partner::PASSWORD).await;
    click(&app, "#login-submit").await;
    text_of(&app, "[data-testid=form-error]", "not right").await;
    sign_in_as(&app, &account.username, "Found-again-2027").await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    app.close().await;
}
