//! The partner's business in the real desktop app (see `desktop.rs` for how these
//! scenarios run): subscriber lines with a CSV export of the filtered view and the dealer
//! who sees only its own; the pro forma invoice, a package change and the payment; and a
//! trial moved through its calendar (alerts, the locked screen, the payment that opens it).

use wpplay_e2e::eventually;
use wpplay_e2e::story::api::{RESELLER_PASSWORD, account};
use wpplay_e2e::story::artifacts;
use wpplay_e2e::story::desktop::x11_window;
use wpplay_e2e::story::partner;
use wpplay_e2e::story::tray::tray_click;
use wpplay_e2e::story::ui::{
    MARKO, WAIT, add_dealer, add_line, attribute_is, choose, click, count, element, fill,
    set_up_second_factor, shot, sign_in_as, sign_out, text_of,
};
use wpplay_e2e::story::world::{World, raised};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lines_export_their_filtered_view_and_the_dealer_sees_only_its_own() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, _) = partner::on_dashboard(&world).await;

    // Marko's shop, a dealer with its own sign-in, added on the Providers page.
    click(&app, "[data-testid=nav-providers]").await;
    add_dealer(&app, &MARKO).await;
    attribute_is(&app, "[data-testid=dealer-row]", "data-sync", "synced").await;

    // Subscribers: a line for Marko's shop and one of the partner's own; the CSV export
    // holds exactly the filtered view.
    let dealer_id = element(&app, "[data-testid=dealer-row]")
        .await
        .attribute("data-dealer-id")
        .await
        .expect("attribute")
        .expect("dealer id");
    click(&app, "[data-testid=nav-subscribers]").await;
    add_line(&app, "Petar Home", "00:1a:2b:3c:4d:5e", &dealer_id).await;
    add_line(&app, "Office TV", "00-1A-2B-3C-4D-5F", "").await;
    eventually("both lines to sync", WAIT, async || {
        (count(&app, "[data-testid=subscriber-row][data-sync=synced]").await == 2).then_some(())
    })
    .await;
    text_of(&app, "[data-testid=subscribers-allowance]", "2 of 1").await;
    shot(&app, &shots, "15-subscribers.png").await;
    fill(&app, "[data-testid=subscriber-search]", "petar").await;
    eventually("the search to filter", WAIT, async || {
        (count(&app, "[data-testid=subscriber-row]").await == 1).then_some(())
    })
    .await;
    click(&app, "[data-testid=export-subscribers]").await;
    let csv = eventually("the CSV export", WAIT, async || {
        let file = std::fs::read_dir(&world.exports)
            .ok()?
            .flatten()
            .find(|e| {
                e.file_name().to_string_lossy().starts_with("subscribers-")
                    && e.path().extension().is_some_and(|x| x == "csv")
            })?;
        std::fs::read_to_string(file.path()).ok()
    })
    .await;
    let rows: Vec<&str> = csv.trim_end().split("\r\n").skip(1).collect();
    assert_eq!(rows.len(), 1, "exactly the filtered view: {csv}");
    assert!(
        rows[0].starts_with("Petar Home,") && rows[0].contains("Marko Electronics"),
        "{csv}"
    );

    // The dealer signs in to the same app with the username and password the partner
    // chose, and sees only its own subscribers.
    sign_out(&app).await;
    sign_in_as(&app, MARKO.username, MARKO.password).await;
    element(&app, "[data-testid=subscribers-page]").await;
    eventually("the dealer's lines", WAIT, async || {
        (count(&app, "[data-testid=subscriber-row]").await == 1).then_some(())
    })
    .await;
    text_of(&app, "[data-testid=subscriber-name]", "Petar Home").await;
    shot(&app, &shots, "21-dealer-subscribers.png").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pro_forma_is_paid_after_a_package_change_and_the_account_is_active() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, _) = partner::on_dashboard(&world).await;

    // Billing: the operator's pass issues the pro forma 7 days before the trial ends; the
    // partner sees it with its payment reference, saves the PDF, chooses a cheaper package
    // (during the trial: at once, the trial end stays) and the payment registered by the
    // operator makes the account active.
    let at = (wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock)
        + chrono::Duration::days(8))
    .to_rfc3339();
    let out = world.cli(&["lifecycle", "run", "--at", &at]);
    assert!(out.contains("invoice") && out.contains("sent"), "{out}");
    click(&app, "[data-testid=nav-billing]").await;
    attribute_is(&app, "[data-testid=invoice-row]", "data-status", "open").await;
    let reference = text_of(&app, "[data-testid=payment-reference]", "97 ").await;
    shot(&app, &shots, "22-billing.png").await;
    click(&app, "[data-testid=invoice-pdf]").await;
    eventually("the invoice PDF", WAIT, async || {
        let file = std::fs::read_dir(&world.exports)
            .ok()?
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("WP-Play-pro-forma-")
            })?;
        std::fs::read(file.path())
            .ok()
            .filter(|b| b.starts_with(b"%PDF-"))
            .map(|_| ())
    })
    .await;
    click(&app, "[data-testid=change-package]").await;
    click(&app, "[data-testid=package-option][data-package-id=\"1\"]").await;
    text_of(&app, "[data-testid=package-rule]", "trial").await;
    shot(&app, &shots, "23-change-package.png").await;
    click(&app, "[data-testid=package-confirm]").await;
    text_of(&app, "[data-testid=billing-package-name]", "Starter").await;
    let out = world.cli(&[
        "payments",
        "register",
        "--reference",
        reference.trim(),
        "--amount",
        "79.00",
        "--currency",
        "EUR",
    ]);
    assert!(out.contains("applied"), "{out}");
    click(&app, "[data-testid=billing-refresh]").await;
    attribute_is(&app, "[data-testid=invoice-row]", "data-status", "paid").await;
    attribute_is(&app, "[data-testid=billing-state]", "data-state", "active").await;
    attribute_is(&app, "[data-testid=payment-row]", "data-status", "applied").await;
    shot(&app, &shots, "24-billing-paid.png").await;

    // The activity log has what happened to the account's billing, and exports as shown.
    click(&app, "[data-testid=nav-activity]").await;
    text_of(&app, "[data-testid=activity-page]", "Payment recorded").await;
    text_of(
        &app,
        "[data-testid=activity-page]",
        "Pro forma invoice issued",
    )
    .await;
    text_of(&app, "[data-testid=activity-page]", "Chose another package").await;
    shot(&app, &shots, "25-activity-billing.png").await;
    click(&app, "#audit-export").await;
    let csv = eventually("the activity log's CSV", WAIT, async || {
        let file = std::fs::read_dir(&world.exports)
            .ok()?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("activity-log-"))?;
        std::fs::read_to_string(file.path()).ok()
    })
    .await;
    assert!(
        csv.contains("Payment recorded") && csv.contains("command line"),
        "{csv}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trial_warns_locks_and_opens_again_after_payment() {
    let world = World::start().await;
    let shots = artifacts::shots();

    // The calendar moves (server, operator commands and app together). A new partner in
    // its trial hears from the app itself, computed from its replica with its own clock:
    // 7 days before the end, then on the day the trial ends unpaid the account locks and
    // the admin pages give way to the locked screen that leads to Billing. Each alert
    // comes once, across a restart too. A bank transfer without the reference, imported
    // and assigned to the invoice by WP Play's operator, opens the pages again at once,
    // without a click, data intact.
    let (trial, app) = tokio::join!(
        account(
            &world,
            serde_json::json!({"package_id": 1, "company": "Nova TV", "contact_person": "Ana Nikolić",
                "email": "ana@novatv.rs", "phone": "+381 64 555 7788", "country": "RS",
                "credential_delivery": "email"}),
        ),
        world.open_app()
    );
    sign_in_as(&app, &trial.username, RESELLER_PASSWORD).await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    let before = raised(&world).len();
    let alerts_about = |what: &str| {
        raised(&world)
            .into_iter()
            .skip(before)
            .filter(|n| n.contains(what))
            .count()
    };

    // Reminders go out at 08:00 on their day in the server's zone: travel to 09:00.
    let tz = chrono_tz::Europe::Belgrade;
    let nine_on_day_before = |end: chrono::DateTime<chrono::Utc>, days: i64| {
        let day = end.with_timezone(&tz).date_naive() - chrono::Duration::days(days);
        wpplay_domain::billing::from_local(tz, day.and_hms_opt(9, 0, 0).expect("09:00"))
    };
    let end = trial.trial_ends_at.expect("a partner has a trial");
    let seven_before = nine_on_day_before(end, 7);
    world.travel_to(seven_before);
    let out = world.cli(&["lifecycle", "run"]);
    assert!(
        out.contains("invoice") && out.contains("ends_in_7_days"),
        "{out}"
    );
    eventually("the 7-day trial alert", WAIT, async || {
        (alerts_about("Your free trial ends in 7 days") == 1).then_some(())
    })
    .await;
    let left = wpplay_domain::lifecycle::days_left(end, seven_before);
    text_of(
        &app,
        "[data-testid=days-left]",
        &format!("{left} days left"),
    )
    .await;
    shot(&app, &shots, "25-trial-ending.png").await;

    click(&app, "[data-testid=nav-providers]").await;
    world.travel_to(end + chrono::Duration::hours(1));
    element(&app, "[data-testid=locked-screen]").await;
    eventually("the locked alert", WAIT, async || {
        (alerts_about("Your account is locked") == 1).then_some(())
    })
    .await;
    // The tray counts the lock as an alert (a trial counts only under 7 days left, so
    // not at the 7-day reminder, which comes 7 days and some hours before the end).
    world.logged("tray updated alerts=1").await;
    let out = world.cli(&["lifecycle", "run"]);
    assert!(out.contains("locked"), "{out}");
    shot(&app, &shots, "26-locked.png").await;

    // A restart raises nothing again; the next alert (deletion in 7 days) still comes.
    app.close().await;
    let app = world.open_app().await;
    click(&app, "[data-testid=nav-providers]").await;
    element(&app, "[data-testid=locked-screen]").await;
    let purge_warning = nine_on_day_before(end + chrono::Duration::days(30), 7);
    world.travel_to(purge_warning);
    eventually("the deletion warning", WAIT, async || {
        (alerts_about("Your data is deleted in 7 days") == 1).then_some(())
    })
    .await;
    assert_eq!(
        alerts_about("Your account is locked"),
        1,
        "{:?}",
        raised(&world)
    );
    assert_eq!(alerts_about("ends in 7 days"), 1, "{:?}", raised(&world));

    // The locked screen leads to Billing; the open invoice is paid, the account is active.
    click(&app, "[data-testid=locked-go-billing]").await;
    let reference = text_of(&app, "[data-testid=payment-reference]", "97 ").await;
    // The days to the deletion come counted from the core, by the dashboard's rule.
    let to_purge =
        wpplay_domain::lifecycle::days_left(end + chrono::Duration::days(30), purge_warning);
    text_of(
        &app,
        "[data-testid=billing-locked-dates]",
        &format!("({to_purge} days from now)"),
    )
    .await;
    shot(&app, &shots, "26b-billing-locked.png").await;
    let invoices = world.cli(&["invoices", "list"]);
    let line = invoices
        .lines()
        .find(|l| l.contains(reference.trim()))
        .unwrap_or_else(|| panic!("the invoice for {reference} in {invoices}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let amount = words
        .windows(2)
        .find(|w| w[1] == "EUR" && w[0].parse::<f64>().is_ok())
        .map(|w| w[0].to_owned())
        .unwrap_or_else(|| panic!("the amount in {line}"));
    let number = words
        .iter()
        .find(|w| w.len() == 11 && w.as_bytes()[4] == b'-')
        .unwrap_or_else(|| panic!("the number in {line}"))
        .to_string();

    // Ana pays by bank transfer without the reference. WP Play's operator imports the
    // bank's statement over the API and assigns the transfer to her invoice; her app,
    // still on the locked Billing page, opens by itself.
    let today = purge_warning.with_timezone(&tz).date_naive().to_string();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../crates/wpplay-server/tests/fixtures/statements/camt053-v02-model97.xml"
    );
    let statement = std::fs::read_to_string(fixture)
        .expect("the statement fixture")
        .replace("2026-03-10", &today)
        .replace("{currency}", "EUR")
        .replace("{amount}", &amount)
        .replace("{reference}", "Nova TV, pretplata");
    let ops = wpplay_e2e::story::api::operator(&world, "ops.bank").await;
    let upload = {
        use base64::Engine;
        serde_json::json!({"file_name": "izvod.xml",
            "content_base64": base64::engine::general_purpose::STANDARD.encode(statement)})
    };
    let (status, report) =
        wpplay_e2e::story::api::post(&world, &ops, "/api/v1/operator/statements/import", upload)
            .await;
    assert!(status.is_success() && report["waiting"] == 1, "{report}");
    let (_, waiting) = wpplay_e2e::story::api::get(&world, &ops, "/api/v1/operator/payments").await;
    let id = waiting[0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{waiting}"));
    attribute_is(&app, "[data-testid=billing-state]", "data-state", "locked").await;
    let (status, resolved) = wpplay_e2e::story::api::post(
        &world,
        &ops,
        &format!("/api/v1/operator/payments/{id}/resolve"),
        serde_json::json!({"action": "assign", "invoice": number,
            "note": "Ana called: the transfer is for Nova TV's invoice"}),
    )
    .await;
    assert!(
        status.is_success() && resolved["status"] == "applied",
        "{resolved}"
    );
    // No click: the app hears of it and reads its billing again.
    attribute_is(&app, "[data-testid=billing-state]", "data-state", "active").await;
    click(&app, "[data-testid=nav-providers]").await;
    element(&app, "[data-testid=export-dealers]").await;
    assert!(app.find("[data-testid=locked-screen]").await.is_none());
    shot(&app, &shots, "27-unlocked.png").await;
    // Quit in the tray ends the app.
    tray_click(&world, "Quit").await;
    eventually("the app to quit from the tray", WAIT, async || {
        (x11_window("state") == "missing").then_some(())
    })
    .await;
    app.close().await;
}

/// The operator's desk: the operator signs in to the same app (setting up the second
/// factor operators must use), imports the bank's statement (previewed line by line
/// first), finds its transfer of a partner's invoice amount without the reference waiting
/// under Payments with who paid, and assigns it to the invoice with a note. The payment
/// is applied and the partner's package runs on: Partners shows it active.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_assigns_a_payment_without_its_reference_to_the_invoice() {
    let world = World::start().await;
    let shots = artifacts::shots();
    let (app, _) = partner::on_dashboard(&world).await;
    // The partner chooses its notifications: reminders by SMS too, the reseller network
    // not as the app's notifications; saved, synced, in the server's audit log.
    click(&app, "[data-testid=nav-settings]").await;
    click(&app, "[data-testid=notify-reminders-sms]").await;
    click(&app, "[data-testid=notify-network-in_app]").await;
    shot(&app, &shots, "28b-notifications.png").await;
    click(&app, "[data-testid=notify-save]").await;
    text_of(&app, ".toast.success", "Notifications saved").await;
    attribute_is(&app, "[data-testid=pending-changes]", "data-count", "0").await;
    let at = (wpplay_domain::clock::Clock::now(&wpplay_clock::SystemClock)
        + chrono::Duration::days(8))
    .to_rfc3339();
    let out = world.cli(&["lifecycle", "run", "--at", &at]);
    assert!(out.contains("invoice"), "{out}");
    let invoices = world.cli(&["invoices", "list"]);
    let number = invoices
        .split_whitespace()
        .find(|w| w.len() == 11 && w.as_bytes()[4] == b'-' && w[..4].parse::<u32>().is_ok())
        .unwrap_or_else(|| panic!("an invoice number in: {invoices}"))
        .to_owned();

    // The bank's statement: the invoice's amount, the payer's own words, no reference.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../crates/wpplay-server/tests/fixtures/statements/camt053-v02-model97.xml"
    );
    let statement = std::fs::read_to_string(fixture)
        .expect("the statement fixture")
        .replace("{currency}", "EUR")
        .replace("{amount}", "79.00")
        .replace("{reference}", "za mart, hvala");

    // The operator, made on the server's machine, signs in to the app.
    let out = world.cli(&["operators", "add", "ops.desk"]);
    let password = out
        .rsplit(": ")
        .next()
        .expect("the password")
        .trim()
        .to_owned();
    sign_out(&app).await;
    sign_in_as(&app, "ops.desk", &password).await;
    text_of(
        &app,
        "[data-testid=second-factor]",
        "must use two-factor sign-in",
    )
    .await;
    set_up_second_factor(&app).await;

    // Payments, where the operator lands: nothing waits yet. The bank's statement is
    // chosen in the Import window, which says what each line would do before anything
    // is recorded.
    element(&app, "[data-testid=review-empty]").await;
    click(&app, "#import-statement").await;
    let script = format!(
        "const input = document.querySelector('[data-testid=import-file]'); \
         const files = new DataTransfer(); \
         files.items.add(new File([{}], 'izvod-2026-069.xml', {{type: 'text/xml'}})); \
         input.files = files.files; \
         input.dispatchEvent(new Event('change', {{bubbles: true}})); return true;",
        serde_json::to_string(&statement).expect("a JSON string")
    );
    app.execute(&script).await.expect("the file chosen");
    text_of(
        &app,
        "[data-testid=import-summary]",
        "1 to record (1 of them for review)",
    )
    .await;
    attribute_is(
        &app,
        "[data-testid=import-line]",
        "data-outcome",
        "will_wait",
    )
    .await;
    shot(&app, &shots, "29-operator-import-preview.png").await;
    click(&app, "#import-confirm").await;
    text_of(&app, ".toast.success", "1 payment recorded").await;

    // The transfer waits, with who paid and what they wrote.
    attribute_is(&app, "[data-testid=review-row]", "data-status", "unmatched").await;
    text_of(&app, "[data-testid=review-payer]", "ACME MEDIA DOO CACAK").await;
    shot(&app, &shots, "30-operator-payments.png").await;
    click(&app, "[data-testid=review-resolve]").await;
    // A split is offered for an unmatched transfer; the window counts what is left.
    click(&app, "[data-testid=resolve-split]").await;
    fill(&app, "#split-invoice-0", &number).await;
    fill(
        &app,
        "[data-testid=split-parts] .part:nth-of-type(1) [data-testid=split-amount]",
        "50.00",
    )
    .await;
    text_of(&app, "[data-testid=split-left]", "29.00 left to assign").await;
    shot(&app, &shots, "31a-operator-split.png").await;
    click(&app, "[data-testid=resolve-assign]").await;
    fill(&app, "#resolve-invoice", &number).await;
    fill(
        &app,
        "#resolve-note",
        "Confirmed with Desk Media's accountant by phone",
    )
    .await;
    shot(&app, &shots, "31-operator-resolve.png").await;
    click(&app, "#resolve-save").await;
    text_of(&app, ".toast.success", "resolved").await;
    element(&app, "[data-testid=review-empty]").await;
    choose(&app, "#review-show", "all").await;
    attribute_is(&app, "[data-testid=review-row]", "data-status", "applied").await;
    text_of(&app, "[data-testid=review-row]", &number).await;
    shot(&app, &shots, "32-operator-payment-applied.png").await;
    // The payments as shown, and every invoice, to CSV for the accountant.
    for (button, stem, expected) in [
        ("#payments-export", "payments-", "Applied"),
        ("#invoices-export", "invoices-", "Paid"),
    ] {
        click(&app, button).await;
        let csv = eventually(&format!("the {stem} CSV"), WAIT, async || {
            let file = std::fs::read_dir(&world.exports)
                .ok()?
                .flatten()
                .find(|e| e.file_name().to_string_lossy().starts_with(stem))?;
            std::fs::read_to_string(file.path()).ok()
        })
        .await;
        assert!(
            csv.contains(&number) && csv.contains("79.00") && csv.contains(expected),
            "{stem}: {csv}"
        );
    }

    // Cash at the office, with no reference: registered by hand, it waits for review.
    click(&app, "#register-payment").await;
    fill(&app, "#register-amount", "10.00").await;
    fill(&app, "#register-reference", "cash, no reference").await;
    shot(&app, &shots, "32b-operator-register-payment.png").await;
    click(&app, "#register-save").await;
    text_of(&app, ".toast.success", "registered").await;
    attribute_is(
        &app,
        "[data-testid=review-row]:first-child",
        "data-status",
        "unmatched",
    )
    .await;

    // Partners: Desk Media is active now, with its package.
    click(&app, "[data-testid=nav-partners]").await;
    attribute_is(
        &app,
        "[data-testid=desk-partner-row]",
        "data-state",
        "active",
    )
    .await;
    text_of(&app, "[data-testid=desk-partner-row]", "Desk Media d.o.o.").await;
    choose(&app, "#desk-partners-state", "locked").await;
    element(&app, "[data-testid=desk-partners-empty]").await;
    choose(&app, "#desk-partners-state", "").await;
    // Paid for a month and more: its access does not end within 30 days.
    choose(&app, "#desk-partners-ends", "30").await;
    element(&app, "[data-testid=desk-partners-empty]").await;
    choose(&app, "#desk-partners-ends", "").await;
    attribute_is(
        &app,
        "[data-testid=desk-partner-row]",
        "data-state",
        "active",
    )
    .await;
    shot(&app, &shots, "33-operator-partners.png").await;

    // Desk Media opened: where it stands, its paid invoice and the payment, its activity.
    click(&app, "[data-testid=desk-partner-open]").await;
    text_of(&app, "[data-testid=partner-detail-email]", "@").await;
    attribute_is(
        &app,
        "[data-testid=partner-detail] [data-testid=invoice-row]",
        "data-status",
        "paid",
    )
    .await;
    text_of(&app, "[data-testid=partner-detail]", "Payment resolved").await;
    shot(&app, &shots, "34-operator-partner-detail.png").await;
    click(&app, "[data-testid=partner-detail-back]").await;
    element(&app, "[data-testid=desk-partner-row]").await;

    // Packages: Starter costs 12.50 from each partner's next invoice.
    click(&app, "[data-testid=nav-packages]").await;
    text_of(&app, "[data-code=business]", "1").await;
    click(&app, "[data-code=starter] [data-testid=package-edit]").await;
    fill(&app, "#package-price", "12.50").await;
    text_of(
        &app,
        "[data-testid=package-window]",
        "from each partner's next invoice",
    )
    .await;
    shot(&app, &shots, "35-operator-package-window.png").await;
    click(&app, "#package-save").await;
    text_of(&app, ".toast.success", "Starter saved").await;
    text_of(
        &app,
        "[data-code=starter] [data-testid=package-price-shown]",
        "12.50",
    )
    .await;
    shot(&app, &shots, "36-operator-packages.png").await;

    // Upcoming: the lifecycle's next days; a pass run by hand finds nothing left to do
    // (the invoice went out above).
    click(&app, "[data-testid=nav-lifecycle]").await;
    text_of(&app, "[data-testid=lifecycle-due]", "Nothing due now").await;
    click(&app, "[data-testid=lifecycle-run]").await;
    text_of(&app, ".toast.success", "Pass done").await;
    choose(&app, "#lifecycle-days", "31").await;
    text_of(
        &app,
        "[data-testid=lifecycle-empty]",
        "Nothing in the next 31 days",
    )
    .await;
    shot(&app, &shots, "37-operator-upcoming.png").await;

    // Deliveries: nothing in trouble; every message the partner got was sent.
    click(&app, "[data-testid=nav-deliveries]").await;
    element(&app, "[data-testid=deliveries-empty]").await;
    choose(&app, "#deliveries-show", "all").await;
    attribute_is(&app, "[data-testid=delivery-row]", "data-state", "sent").await;
    shot(&app, &shots, "38-operator-deliveries.png").await;
    app.close().await;

    let out = world.cli(&["payments", "list"]);
    assert!(
        out.contains("applied") && out.contains("Confirmed with Desk Media's accountant"),
        "{out}"
    );
    let out = world.cli(&["audit", "list"]);
    assert!(
        out.lines()
            .any(|l| l.contains("set_notification_preferences")),
        "the partner's choice reached the server: {out}"
    );
    for action in ["payment_resolved", "package_changed", "lifecycle_run"] {
        assert!(
            out.lines()
                .any(|l| l.contains(action) && l.contains("ops.desk")),
            "{action} by ops.desk in: {out}"
        );
    }
    let out = world.cli(&["packages", "list"]);
    assert!(
        out.lines()
            .any(|l| l.contains("starter") && l.contains("12.50")),
        "{out}"
    );
}
