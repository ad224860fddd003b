//! Abuse is rationed (issue "Hardening" §2): Requests for Partner per day, notice
//! e-mails in one digest, "username taken" answers, SMS caps and country codes,
//! plus-addressed registrations, one open invoice for a locked partner switching
//! packages, and operator output that cannot drive a terminal.

use crate::billing::{choose_package, db, pass, sign_in, utc};
use crate::harness::{TestServer, eventually, registration};
use crate::links::{push, ready_reseller};
use chrono::Duration;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use wpplay_domain::clock::Clock;
use wpplay_server::db::entity::{invoice, message, partner};

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn partner_id(s: &TestServer, email: &str) -> i64 {
    partner::Entity::find()
        .filter(partner::Column::Email.eq(email))
        .one(&db(s).await)
        .await
        .expect("query")
        .expect("the partner")
        .account_id
}

async fn mails_to(s: &TestServer, to: &str) -> Vec<message::Model> {
    message::Entity::find()
        .filter(message::Column::Recipient.eq(to))
        .order_by_asc(message::Column::Id)
        .all(&db(s).await)
        .await
        .expect("messages")
}

/// Forty request/withdraw cycles used to send the partner 81 e-mails. Now a reseller
/// sends at most 3 requests to one partner and 10 in all per day, and the partner's
/// notices leave in one digest.
async fn requests_for_partner_are_rationed_and_digested(s: &TestServer) {
    let mut partners = Vec::new();
    for n in 0..4 {
        let email = format!("p{n}@rations.rs");
        s.ready_partner(&email).await;
        partners.push((partner_id(s, &email).await, email));
    }
    let (_, reseller) = ready_reseller(s, "r@rations.rs", "Resell Rations").await;
    let (_, me) = s.get("/api/v1/me", Some(&reseller)).await;
    let reseller_name = me["username"].as_str().expect("username").to_owned();
    let request = |to: i64| json!({"type": "request_partner", "request_id": uuid(), "partner_id": to, "message": "Let us work together."});
    let applied = ("applied".to_owned(), String::new());

    let (first, first_email) = partners[0].clone();
    for cycle in 0..3 {
        let id = uuid();
        let m = json!({"type": "request_partner", "request_id": id, "partner_id": first, "message": "Again?"});
        assert_eq!(push(s, &reseller, m).await, applied, "request {cycle}");
        let w = json!({"type": "withdraw_request", "request_id": id});
        assert_eq!(push(s, &reseller, w).await, applied, "withdraw {cycle}");
    }
    assert_eq!(
        push(s, &reseller, request(first)).await,
        ("rejected".to_owned(), "too_many_requests".to_owned()),
        "a fourth request to the same partner waits a day"
    );
    // Six notices, one e-mail: the digest holds them all and leaves ten minutes later.
    let mails = mails_to(s, &first_email).await;
    let notices: Vec<&message::Model> = mails.iter().filter(|m| m.digest_key.is_some()).collect();
    assert_eq!(
        notices.len(),
        1,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_eq!(notices[0].digest_items, 6);
    assert_eq!(
        notices[0].subject,
        "WP Play: 6 updates from your partner network"
    );
    let body = notices[0].body.clone().unwrap_or_default();
    assert_eq!(
        body.matches("New Request for Partner: ").count(),
        3,
        "{body}"
    );
    assert_eq!(body.matches("Request withdrawn: ").count(), 3, "{body}");

    // Ten in all per day.
    for (to, _) in &partners[1..3] {
        for _ in 0..3 {
            let id = uuid();
            let m = json!({"type": "request_partner", "request_id": id, "partner_id": to, "message": "Hello"});
            assert_eq!(push(s, &reseller, m).await, applied);
            assert_eq!(
                push(
                    s,
                    &reseller,
                    json!({"type": "withdraw_request", "request_id": id})
                )
                .await,
                applied
            );
        }
    }
    let last = partners[3].0;
    let tenth = uuid();
    let m = json!({"type": "request_partner", "request_id": tenth, "partner_id": last, "message": "Hello"});
    assert_eq!(push(s, &reseller, m).await, applied, "the tenth");
    assert_eq!(
        push(
            s,
            &reseller,
            json!({"type": "withdraw_request", "request_id": tenth})
        )
        .await,
        applied
    );
    let (outcome, code) = push(s, &reseller, request(last)).await;
    assert_eq!(
        (outcome.as_str(), code.as_str()),
        ("rejected", "too_many_requests"),
        "the eleventh"
    );

    // The digest leaves once its ten minutes are over: one file in the outbox.
    s.clock.advance(Duration::minutes(11));
    let outbox = s.data_dir.join("outbox");
    let delivered = eventually(
        "the digest e-mail in the file outbox",
        std::time::Duration::from_secs(30),
        async || {
            let found: Vec<String> = std::fs::read_dir(&outbox)
                .ok()?
                .flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .filter(|t| {
                    t.contains(&format!("To: {first_email}"))
                        && t.contains("updates from your partner network")
                })
                .collect();
            (!found.is_empty()).then_some(found)
        },
    )
    .await;
    assert_eq!(delivered.len(), 1);

    // A day later the reseller may ask again.
    s.clock.advance(Duration::hours(24));
    let reseller = sign_in(s, &reseller_name, "Resell-pass-2026").await;
    assert_eq!(push(s, &reseller, request(first)).await, applied);
}
crate::on_both_backends!(requests_for_partner_are_rationed_and_digested);

/// "This username is taken" tells who has an account: a partner hears it 20 times a
/// day, then adding dealers waits (whatever the username), until the day is over.
async fn taken_usernames_are_rationed(s: &TestServer) {
    let (creds, token) = s.ready_partner("taken@rations.rs").await;
    let dealer = |username: &str| {
        json!({"type": "create_dealer", "dealer_id": uuid(), "display_name": "Shop",
               "contact_email": null, "contact_phone": null, "username": username,
               "password_hash": crate::dealers::hash("Dealer-pass-42")})
    };
    let taken = ("rejected".to_owned(), "dealer_username_taken".to_owned());
    for n in 0..wpplay_domain::dealer::MAX_TAKEN_USERNAMES_PER_DAY {
        assert_eq!(
            push(s, &token, dealer(&creds.username)).await,
            taken,
            "answer {n}"
        );
    }
    let rationed = ("rejected".to_owned(), "too_many_taken_usernames".to_owned());
    assert_eq!(push(s, &token, dealer(&creds.username)).await, rationed);
    assert_eq!(
        push(s, &token, dealer("surely.free.name")).await,
        rationed,
        "a free name is refused alike, so the answer tells nothing"
    );
    s.clock.advance(Duration::hours(24) + Duration::minutes(1));
    let token = sign_in(s, &creds.username, &creds.password).await;
    assert_eq!(
        push(s, &token, dealer("surely.free.name")).await,
        ("applied".to_owned(), String::new())
    );
}
crate::on_both_backends!(taken_usernames_are_rationed);

/// SMS cost is bounded: only to allowed country codes, a few per number and a ceiling
/// per day; a registration that could not get its SMS asks for e-mail instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_are_capped_per_number_per_day_and_by_country() {
    let s = TestServer::start_with(crate::harness::Backend::Sqlite, |settings| {
        settings.limits.max_sms_per_number_per_day = 1;
        settings.limits.max_sms_per_day = 2;
    })
    .await
    .expect("sqlite server");
    let by_sms = |email: &str, phone: &str| {
        let mut form = registration(email);
        form["credential_delivery"] = json!("sms");
        form["phone"] = json!(phone);
        form
    };
    let (status, v) = s
        .post(
            "/api/v1/registrations",
            None,
            by_sms("de@sms.rs", "+49 151 2345 6789"),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("sms_unavailable")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .is_some_and(|m| m.contains("+381") && m.contains("e-mail")),
        "{v}"
    );

    let (status, v) = s
        .post(
            "/api/v1/registrations",
            None,
            by_sms("one@sms.rs", "+381 64 100 0001"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (status, v) = s
        .post(
            "/api/v1/registrations",
            None,
            by_sms("two@sms.rs", "+381 64 100 0001"),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("sms_unavailable")),
        "one SMS per number per day here: {v}"
    );
    let (status, v) = s
        .post(
            "/api/v1/registrations",
            None,
            by_sms("three@sms.rs", "+381 64 100 0002"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (status, v) = s
        .post(
            "/api/v1/registrations",
            None,
            by_sms("four@sms.rs", "+381 64 100 0003"),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("sms_unavailable")),
        "two SMS in all per day here: {v}"
    );

    // Whatever queued an SMS, the worker checks again before paying for it.
    let db = db(&s).await;
    let queued = message::ActiveModel {
        account_id: Set(None),
        channel: Set("sms".into()),
        recipient: Set("+4915123456789".into()),
        subject: Set(String::new()),
        body: Set(Some("WP Play: reminder".into())),
        state: Set("pending".into()),
        attempts: Set(0),
        next_attempt_at: Set(s.clock.now()),
        created_at: Set(s.clock.now()),
        digest_items: Set(0),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("queued");
    let failed = eventually(
        "the foreign SMS marked as not sent",
        std::time::Duration::from_secs(30),
        async || {
            let m = message::Entity::find_by_id(queued.id)
                .one(&db)
                .await
                .ok()??;
            (m.state == "failed").then_some(m)
        },
    )
    .await;
    assert!(
        failed
            .last_error
            .as_deref()
            .is_some_and(|e| e.starts_with("not sent: SMS go only to numbers starting with +381")),
        "{failed:?}"
    );
    assert_eq!(failed.body, None, "what it held is forgotten");
    s.stop().await;
}

/// `ana+1@…`, `ana+2@…` are one mailbox: they share its registration quota.
async fn plus_addresses_share_a_quota(s: &TestServer) {
    for n in 1..=3 {
        let (status, v) = s
            .post(
                "/api/v1/registrations",
                None,
                registration(&format!("ana+{n}@plus.rs")),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
    }
    let (status, v) = s
        .post("/api/v1/registrations", None, registration("Ana+4@plus.rs"))
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (
            StatusCode::TOO_MANY_REQUESTS,
            Some("too_many_registrations")
        ),
        "{v}"
    );
}
crate::on_both_backends!(plus_addresses_share_a_quota);

/// A locked partner switching packages back and forth has one open invoice, rewritten
/// for the package chosen last, not a new invoice per click.
async fn a_locked_partner_switching_packages_has_one_open_invoice(s: &TestServer) {
    let (creds, _) = s.ready_partner("switch@rations.rs").await;
    let id = partner_id(s, "switch@rations.rs").await;
    let db = db(s).await;
    pass(&db, utc(3, 8, 7, 0)).await;
    s.clock.set(utc(3, 16, 10, 0));
    pass(&db, utc(3, 16, 10, 0)).await;
    let token = sign_in(s, &creds.username, &creds.password).await;
    let open = async || {
        invoice::Entity::find()
            .filter(invoice::Column::PartnerId.eq(id))
            .filter(invoice::Column::PaidMinor.eq(0))
            .all(&db)
            .await
            .expect("invoices")
    };
    let before = open().await;
    for (package, price) in [(1, 2_900), (3, 19_900), (1, 2_900), (2, 7_900), (1, 2_900)] {
        let answer = choose_package(s, &token, package).await;
        assert_eq!(answer["timing"], "now", "{answer}");
        let now_open = open().await;
        assert_eq!(
            now_open.len(),
            before.len().max(1),
            "still one open invoice: {now_open:?}"
        );
        let last = now_open.iter().max_by_key(|i| i.id).expect("one");
        assert_eq!((last.package_id, last.amount_minor), (package, price));
        assert_eq!(
            answer["invoice"]["number"],
            last.number.as_str(),
            "{answer}"
        );
    }
}
crate::on_both_backends!(a_locked_partner_switching_packages_has_one_open_invoice);

/// Operator output shows what a payer or partner wrote without letting it act on the
/// terminal: no escape sequence, carriage return or bidirectional override gets through.
async fn operator_output_cannot_drive_the_terminal(s: &TestServer) {
    use wpplay_server::operator;
    let db = db(s).await;
    let hostile = "97 12\u{1b}]0;pwned\u{7}\u{1b}[2J\rPAID\u{202e}";
    operator::payments_register(
        &db,
        chrono_tz::Europe::Belgrade,
        operator::ManualPayment {
            reference: hostile.to_owned(),
            amount_minor: 100,
            currency: "EUR".into(),
            received_at: s.clock.now(),
            id: Some("bank-\u{1b}[31mred".into()),
        },
        s.clock.now(),
    )
    .await
    .expect("registered");
    let out = operator::payments_list(&db, true).await.expect("list");
    assert!(
        !out.chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{out:?}"
    );
    assert!(out.contains("\\u{1b}]0;pwned"), "shown escaped: {out}");
    assert_eq!(out.lines().count(), 2, "one header, one row: {out}");
}
crate::on_both_backends!(operator_output_cannot_drive_the_terminal);
