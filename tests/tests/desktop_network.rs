//! The partner's reseller network in the real desktop app (see `desktop.rs` for how these
//! scenarios run): Requests for Partner raised natively, also when they came while the
//! app was closed, and counted in the tray; the content catalog and the website shown to
//! resellers; accepting a request, the reseller's view of the link, removing it, and the
//! reseller asking again.

use wpplay_e2e::eventually;
use wpplay_e2e::story::api::{
    RESELLER_PASSWORD, account_id, get, login, request_partner, reseller,
};
use wpplay_e2e::story::artifacts;
use wpplay_e2e::story::partner;
use wpplay_e2e::story::tray::tray_click;
use wpplay_e2e::story::ui::{
    WAIT, attribute_is, click, element, fill, shot, sign_in_as, sign_out, text_of,
};
use wpplay_e2e::story::world::{World, raised};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_for_partner_are_raised_once_even_when_the_app_was_closed() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, desk_media) = partner::on_dashboard(&world).await;

    // A reseller's Request for Partner reaches the partner's app as a native notification.
    let partner_token = login(&world, &desk_media.username, partner::PASSWORD).await;
    let partner_id = account_id(&world, &partner_token).await;
    let first = reseller(&world, "rade@resell.rs").await;
    request_partner(&world, &first.token, partner_id).await;
    eventually("the native notification of the request", WAIT, async || {
        let r = raised(&world);
        (r.len() == 1 && r[0].starts_with("New Request for Partner: Resell rade")).then_some(())
    })
    .await;
    app.close().await;

    // While the app is closed another request arrives: after the restart it is raised once,
    // and the one already shown is not repeated.
    let second = reseller(&world, "mila@resell.rs").await;
    request_partner(&world, &second.token, partner_id).await;
    let app = world.open_app().await;
    text_of(&app, "[data-testid=sync-indicator]", "Online").await;
    eventually(
        "the notification of the request that came while closed",
        WAIT,
        async || (raised(&world).len() == 2).then_some(()),
    )
    .await;
    shot(&app, &shots, "10-after-restart-with-requests.png").await;
    // The tray counts them; its "Pending requests (2)" opens the Resellers page.
    click(&app, "[data-testid=nav-content]").await;
    tray_click(&world, "Pending requests (2)").await;
    element(&app, "[data-testid=request-row]").await;
    world.logged("pending requests opened from the tray").await;
    let all = raised(&world);
    assert!(
        all.len() == 2 && all[0].contains("Resell rade") && all[1].contains("Resell mila"),
        "each request raised once, the first not repeated on restart: {all:?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partner_links_a_reseller_shares_content_then_removes_it_and_is_asked_again() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, desk_media) = partner::on_dashboard(&world).await;
    let username = desk_media.username;

    // Two resellers have asked to work with the partner.
    let partner_id = account_id(&world, &desk_media.token).await;
    let (first, second) = tokio::join!(
        reseller(&world, "rade@resell.rs"),
        reseller(&world, "mila@resell.rs")
    );
    let first_request = request_partner(&world, &first.token, partner_id).await;
    request_partner(&world, &second.token, partner_id).await;
    eventually("the notifications of both requests", WAIT, async || {
        (raised(&world).len() == 2).then_some(())
    })
    .await;

    // The partner's content catalog, built in the app; nobody sees it before a link.
    click(&app, "[data-testid=nav-content]").await;
    click(&app, "[data-testid=add-stream]").await;
    fill(&app, "[data-testid=stream-name-input]", "Sport 1 HD").await;
    fill(&app, "[data-testid=stream-category-input]", "Sport").await;
    fill(
        &app,
        "[data-testid=stream-url-input]",
        "https://cdn.example/sport1.m3u8",
    )
    .await;
    click(&app, "[data-testid=stream-save]").await;
    attribute_is(&app, "[data-testid=catalog-row]", "data-sync", "synced").await;
    eventually("the Add stream window to close", WAIT, async || {
        app.find("[data-testid=stream-save]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    shot(&app, &shots, "11-content-catalog.png").await;
    let content = format!("/api/v1/partners/{partner_id}/content");
    assert_eq!(
        get(&world, &first.token, &content).await.0,
        reqwest::StatusCode::FORBIDDEN,
        "no content before the partner accepts"
    );

    // Settings → Reseller services: the website shown to resellers, previewed before saving.
    click(&app, "[data-testid=nav-settings]").await;
    fill(
        &app,
        "[data-testid=settings-website]",
        "https://deskmedia.rs",
    )
    .await;
    click(&app, "[data-testid=settings-visible-website]").await;
    text_of(
        &app,
        "[data-testid=settings-preview] [data-testid=directory-contact-website]",
        "deskmedia.rs",
    )
    .await;
    click(&app, "[data-testid=settings-save]").await;
    eventually("the settings to sync", WAIT, async || {
        app.find("[data-testid=settings-waiting]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    shot(&app, &shots, "12-settings-preview.png").await;

    // The partner accepts the first request on the Resellers page.
    click(&app, "[data-testid=nav-resellers]").await;
    let row = format!("[data-testid=request-row][data-request-id=\"{first_request}\"]");
    element(&app, &row).await;
    shot(&app, &shots, "13-resellers-requests.png").await;
    click(&app, &format!("{row} [data-testid=request-accept]")).await;
    let first_id = account_id(&world, &first.token).await;
    let link = format!("[data-testid=link-row][data-reseller-id=\"{first_id}\"]");
    element(&app, &link).await;
    shot(&app, &shots, "14-resellers-linked.png").await;
    app.close().await;

    // The app restarts signed in as the partner (keychain); the reseller signs in to the
    // same app: the acceptance that came meanwhile is raised once, and the content is there.
    let app = world.open_app().await;
    sign_out(&app).await;
    sign_in_as(&app, &first.username, RESELLER_PASSWORD).await;
    attribute_is(&app, "[data-testid=home-linked]", "data-count", "1").await;
    eventually(
        "the reseller's notification of the acceptance",
        WAIT,
        async || {
            raised(&world)
                .iter()
                .any(|n| n.starts_with("Request accepted"))
                .then_some(())
        },
    )
    .await;
    shot(&app, &shots, "16-reseller-home.png").await;
    click(&app, "[data-testid=nav-partners]").await;
    let listed = format!("[data-testid=directory-row][data-partner-id=\"{partner_id}\"]");
    attribute_is(&app, &listed, "data-relation", "linked").await;
    // (WebKit's WebDriver reads no text from cells cut with an ellipsis: the title has it.)
    attribute_is(
        &app,
        &format!("{listed} [data-testid=directory-contact-website]"),
        "title",
        "https://deskmedia.rs",
    )
    .await;
    shot(&app, &shots, "17-reseller-directory.png").await;
    click(&app, "[data-testid=nav-content]").await;
    click(
        &app,
        &format!("[data-testid=content-partner][data-partner-id=\"{partner_id}\"]"),
    )
    .await;
    text_of(&app, "[data-testid=stream-name]", "Sport 1 HD").await;
    shot(&app, &shots, "18-reseller-content.png").await;

    // The partner removes the reseller: a reason is required; both sides are told.
    sign_out(&app).await;
    sign_in_as(&app, &username, partner::PASSWORD).await;
    click(&app, "[data-testid=nav-resellers]").await;
    click(&app, &format!("{link} [data-testid=link-remove]")).await;
    fill(&app, "#remove-reason", "Contract ended").await;
    click(&app, "#remove-confirm").await;
    eventually("the link to go", WAIT, async || {
        app.find(&link).await.is_none().then_some(())
    })
    .await;
    eventually(
        "the partner's own native notification of the removal",
        WAIT,
        async || {
            raised(&world)
                .iter()
                .any(|n| n.starts_with("Reseller removed"))
                .then_some(())
        },
    )
    .await;
    assert_eq!(
        get(&world, &first.token, &content).await.0,
        reqwest::StatusCode::FORBIDDEN,
        "access ends with the link"
    );
    shot(&app, &shots, "19-reseller-removed.png").await;

    // The reseller is told natively too, finds the content closed, and asks again from the
    // directory in the app.
    sign_out(&app).await;
    sign_in_as(&app, &first.username, RESELLER_PASSWORD).await;
    eventually(
        "the reseller's notification of the removal",
        WAIT,
        async || {
            raised(&world)
                .iter()
                .any(|n| n.starts_with("Partner ended the collaboration"))
                .then_some(())
        },
    )
    .await;
    click(&app, "[data-testid=nav-content]").await;
    element(&app, "[data-testid=content-empty]").await;
    click(&app, "[data-testid=nav-partners]").await;
    attribute_is(&app, &listed, "data-relation", "none").await;
    click(&app, &format!("{listed} [data-testid=directory-request]")).await;
    fill(
        &app,
        "[data-testid=request-message]",
        "We would like to work together again.",
    )
    .await;
    click(&app, "[data-testid=request-send]").await;
    eventually("the request window to close", WAIT, async || {
        app.find("[data-testid=request-send]")
            .await
            .is_none()
            .then_some(())
    })
    .await;
    click(&app, "[data-testid=nav-requests]").await;
    attribute_is(
        &app,
        "[data-testid=outgoing-row][data-status=pending]",
        "data-waiting",
        "false",
    )
    .await;
    shot(&app, &shots, "20-reseller-requests.png").await;
    app.close().await;
}
