//! The lifecycle pass (reminders, invoices, locks, purges — each once), payments by
//! webhook and by the operator, and the purge that leaves nothing of a partner behind.

use crate::harness::{TestServer, WEBHOOK_SECRET, registration};
use crate::links::{push, ready_reseller};
use crate::on_both_backends;
use chrono::{DateTime, TimeZone, Utc};
use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement,
};
use serde_json::{Value, json};
use sha2::Sha256;
use wpplay_server::billing::lifecycle::run_pass;
use wpplay_server::billing::payments::{self, Incoming, Source};
use wpplay_server::db::entity::{invoice, lifecycle_event, message, partner};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Belgrade;

pub(crate) fn utc(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, min, 0)
        .single()
        .expect("valid time")
}

pub(crate) async fn db(s: &TestServer) -> DatabaseConnection {
    wpplay_server::db::connect(&s.database_url, utc(3, 1, 0, 0))
        .await
        .expect("connect")
}

/// One pass at `at`: the events it handled as `kind:sent|skipped`.
pub(crate) async fn pass(db: &DatabaseConnection, at: DateTime<Utc>) -> Vec<String> {
    run_pass(db, TZ, at, false)
        .await
        .expect("pass")
        .done
        .into_iter()
        .map(|d| {
            format!(
                "{}:{}",
                d.kind.as_str(),
                if d.sent { "sent" } else { "skipped" }
            )
        })
        .collect()
}

/// One pass at `at`: the events of one partner only.
async fn pass_for(db: &DatabaseConnection, at: DateTime<Utc>, partner_id: i64) -> Vec<String> {
    run_pass(db, TZ, at, false)
        .await
        .expect("pass")
        .done
        .into_iter()
        .filter(|d| d.partner_id == partner_id)
        .map(|d| {
            format!(
                "{}:{}",
                d.kind.as_str(),
                if d.sent { "sent" } else { "skipped" }
            )
        })
        .collect()
}

async fn messages_with(db: &DatabaseConnection, subject: &str) -> usize {
    message::Entity::find()
        .filter(message::Column::Subject.contains(subject))
        .all(db)
        .await
        .expect("messages")
        .len()
}

/// Posts a payment notice signed with `secret`.
pub(crate) async fn webhook(s: &TestServer, notice: &Value, secret: &str) -> (StatusCode, Value) {
    let body = notice.to_string();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(body.as_bytes());
    let sig = hex::encode(mac.finalize().into_bytes());
    let r = s
        .http
        .post(format!("{}/api/v1/payments/webhook", s.url))
        .header("content-type", "application/json")
        .header("x-signature", format!("sha256={sig}"))
        .body(body)
        .send()
        .await
        .expect("webhook");
    let status = r.status();
    let body = r.json().await.unwrap_or(Value::Null);
    crate::documented::check("POST", "/api/v1/payments/webhook", status.as_u16(), &body);
    (status, body)
}

pub(crate) async fn the_partner(db: &DatabaseConnection, email: &str) -> partner::Model {
    partner::Entity::find()
        .filter(partner::Column::Email.eq(email))
        .one(db)
        .await
        .expect("query")
        .expect("the partner")
}

/// Invoice `number` as the partner's billing shows it (its status and what is left to
/// pay), with the view's days until access ends and until the purge.
async fn shown(s: &TestServer, token: &str, number: &str) -> (String, i64, i64, i64) {
    let (status, billing) = s.get("/api/v1/billing", Some(token)).await;
    assert_eq!(status, StatusCode::OK, "{billing}");
    let inv = billing["invoices"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["number"] == number)
        .unwrap_or_else(|| panic!("invoice {number} is listed: {billing}"));
    (
        inv["status"].as_str().unwrap_or("missing").to_owned(),
        inv["due_minor"].as_i64().expect("due_minor"),
        billing["days_left"].as_i64().expect("days_left"),
        billing["days_to_purge"].as_i64().expect("days_to_purge"),
    )
}

async fn lifecycle_runs_each_event_once_and_payments_extend(s: &TestServer) {
    let (creds, token) = s.ready_partner("billing@acme.rs").await;
    let (_, me) = s.get("/api/v1/me", Some(&token)).await;
    let me = me["account_id"].as_i64().expect("id");
    let db = db(s).await;
    let (_, packages) = s.get("/api/v1/packages", None).await;
    let price = packages
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == 2))
        .and_then(|p| p["monthly_price_minor"].as_i64())
        .expect("the partner's package");
    // Registered 1 March 09:30 UTC: the trial ends 15 March 10:30 in Belgrade (CET).
    assert!(
        pass_for(&db, utc(3, 8, 6, 59), me).await.is_empty(),
        "nothing before 08:00 local, 7 days before"
    );
    assert_eq!(
        pass_for(&db, utc(3, 8, 7, 0), me).await,
        ["ends_in_7_days:sent", "invoice:sent"]
    );
    assert!(
        pass_for(&db, utc(3, 8, 7, 0), me).await.is_empty(),
        "a rerun does nothing"
    );
    assert!(pass_for(&db, utc(3, 9, 12, 0), me).await.is_empty());
    assert_eq!(
        messages_with(&db, "Your free trial ends in 7 days").await,
        1
    );
    assert_eq!(messages_with(&db, "Pro forma invoice 2026-000001").await, 1);
    let inv = invoice::Entity::find()
        .one(&db)
        .await
        .expect("query")
        .expect("the invoice");
    assert_eq!((inv.amount_minor, inv.kind.as_str()), (price, "period"));
    assert!(
        inv.reference.starts_with("97 "),
        "model 97 for a Serbian partner: {}",
        inv.reference
    );
    assert!(wpplay_domain::billing::model97_valid(
        inv.reference.trim_start_matches("97 ")
    ));
    assert_eq!(
        (inv.period_start, inv.period_end),
        (utc(3, 15, 9, 30), utc(4, 15, 8, 30)),
        "one calendar month, across the DST change"
    );

    // The invoice as a PDF, for its partner only; by e-mail with the PDF attached.
    let pdf = s
        .http
        .get(format!(
            "{}/api/v1/billing/invoices/{}/pdf",
            s.url, inv.number
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.expect("bytes");
    assert!(bytes.starts_with(b"%PDF-") && String::from_utf8_lossy(&bytes).contains(&inv.number));
    let (_, other) = s.ready_partner("other@acme.rs").await;
    let (status, _) = s
        .get(
            &format!("/api/v1/billing/invoices/{}/pdf", inv.number),
            Some(&other),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another partner's invoice does not exist for it"
    );
    // The partner switches its app to Serbian Cyrillic: the invoice follows, printed in
    // an embedded font a PDF reader reads back. A language nobody speaks is refused.
    assert_eq!(
        push(
            s,
            &token,
            json!({"type": "set_language", "language": "tlh"})
        )
        .await,
        ("rejected".to_owned(), "invalid_field".to_owned())
    );
    assert_eq!(
        push(
            s,
            &token,
            json!({"type": "set_language", "language": "sr-Cyrl"})
        )
        .await
        .0,
        "applied"
    );
    let pdf = s
        .http
        .get(format!(
            "{}/api/v1/billing/invoices/{}/pdf",
            s.url, inv.number
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("pdf");
    assert_eq!(
        pdf.headers()["content-disposition"],
        format!(
            "attachment; filename=\"WP-Play-profaktura-{}.pdf\"",
            inv.number
        )
    );
    let text = pdf_text(&pdf.bytes().await.expect("bytes"));
    assert!(
        text.contains("ПРОФАКТУРА")
            && text.contains("Како платити")
            && text.contains(&inv.reference),
        "{text}"
    );
    assert_eq!(
        push(s, &token, json!({"type": "set_language", "language": "en"}))
            .await
            .0,
        "applied"
    );
    s.clock.set(utc(3, 8, 7, 1));
    let token = sign_in(s, &creds.username, &creds.password).await;
    let eml = crate::harness::wait_for(std::time::Duration::from_secs(20), || {
        std::fs::read_dir(s.data_dir.join("outbox"))
            .ok()?
            .flatten()
            .find_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                text.contains("Pro forma invoice 2026-000001")
                    .then_some(text)
            })
    })
    .await
    .expect("the invoice e-mail is delivered");
    assert!(
        eml.contains("application/pdf") && eml.contains("WP-Play-pro-forma-2026-000001.pdf"),
        "with the PDF attached: {}",
        &eml[..eml.len().min(2000)]
    );

    // The scheduler was down until after the end: no stale reminders, just the lock.
    assert_eq!(
        pass_for(&db, utc(3, 15, 10, 0), me).await,
        [
            "ends_in_3_days:skipped",
            "ends_in_1_day:skipped",
            "ends_today:skipped",
            "locked:sent"
        ]
    );
    let (_, feed) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&token))
        .await;
    let kinds: Vec<&str> = feed["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["entity"] == "notification")
        .filter_map(|c| c["data"]["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["access_ending", "invoice_issued", "access_locked"],
        "in-app too"
    );

    // A bad signature is refused; a good one pays, once, from the payment date (locked).
    let notice = json!({"payment_id": "pp-1", "amount_minor": price, "currency": inv.currency,
        "reference": inv.reference, "paid_at": utc(3, 16, 12, 0)});
    let (status, body) = webhook(s, &notice, "not-the-secret").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("bad_signature"))
    );
    let (status, body) = webhook(s, &notice, WEBHOOK_SECRET).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"status": "applied", "duplicate": false})
        )
    );
    let (status, body) = webhook(s, &notice, WEBHOOK_SECRET).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"status": "applied", "duplicate": true})
        )
    );
    let p = the_partner(&db, "billing@acme.rs").await;
    assert_eq!(
        p.paid_through,
        Some(utc(4, 16, 11, 0)),
        "13:00 CET on 16 March to 13:00 CEST on 16 April"
    );
    assert!(
        pass_for(&db, utc(3, 16, 12, 5), me).await.is_empty(),
        "the new period starts a fresh plan"
    );

    // The next invoice, paid in two parts: the first waits for review, the second settles.
    assert_eq!(
        pass_for(&db, utc(4, 9, 6, 0), me).await,
        ["ends_in_7_days:sent", "invoice:sent"]
    );
    let second = invoice::Entity::find()
        .filter(invoice::Column::PartnerId.eq(me))
        .filter(invoice::Column::PeriodStart.eq(utc(4, 16, 11, 0)))
        .one(&db)
        .await
        .expect("query")
        .expect("the second invoice");
    s.clock.set(utc(4, 10, 8, 0));
    let token = sign_in(s, &creds.username, &creds.password).await;
    assert_eq!(
        shown(s, &token, &second.number).await,
        ("open".to_owned(), price, 7, 37),
        "nothing received: all of it due; 6 days 3 hours to 16 April 11:00 count as 7, \
         the purge is 30 days later"
    );
    assert_eq!(
        shown(s, &token, &inv.number).await,
        ("paid".to_owned(), 0, 7, 37),
        "the first invoice is paid: nothing left on it"
    );
    let part = |id: &str, amount: i64| Incoming {
        source: Source::Operator,
        external_id: id.to_owned(),
        amount_minor: amount,
        currency: second.currency.clone(),
        reference: second.reference.replace(' ', ""),
        received_at: utc(4, 10, 9, 0),
        bank: Default::default(),
    };
    let r = payments::record(&db, TZ, part("cash-1", price / 2), utc(4, 10, 9, 0))
        .await
        .expect("record");
    assert_eq!(
        (r.payment.status.as_str(), r.paid_through),
        ("partial", None)
    );
    let review = payments::for_review(&db).await.expect("review");
    assert_eq!(review.len(), 1, "a partial payment is kept for review");
    assert_eq!(
        shown(s, &token, &second.number).await,
        ("partial".to_owned(), price - price / 2, 7, 37),
        "half received: the rest is due, and access still ends on 16 April"
    );
    let r = payments::record(&db, TZ, part("cash-2", price - price / 2), utc(4, 10, 9, 5))
        .await
        .expect("record");
    assert_eq!(
        (r.payment.status.as_str(), r.paid_through),
        ("applied", Some(utc(5, 16, 11, 0))),
        "extended from the old end: nothing lost"
    );
    assert_eq!(
        shown(s, &token, &second.number).await,
        ("paid".to_owned(), 0, 37, 67),
        "settled: nothing due, and the days count to 16 May and the purge 30 days later"
    );
    let stray = payments::record(
        &db,
        TZ,
        Incoming {
            reference: "97 00-1111111111".into(),
            ..part("stray-1", 500)
        },
        utc(4, 11, 9, 0),
    )
    .await
    .expect("record");
    assert_eq!(stray.payment.status, "unmatched");
    assert_eq!(payments::for_review(&db).await.expect("review").len(), 2);
    db.close().await.ok();
}
on_both_backends!(lifecycle_runs_each_event_once_and_payments_extend);

/// A pass reads only partners with something due: each partner keeps when its next event
/// falls due, every write that moves its end makes it unknown (the next pass looks), and
/// a pass that handled a partner stores the next one.
async fn a_pass_looks_only_at_partners_with_something_due(s: &TestServer) {
    let db = db(s).await;
    s.ready_partner("due@acme.rs").await;
    s.ready_partner("quiet@acme.rs").await;
    let next = async |email: &str| the_partner(&db, email).await.next_event_at;
    assert_eq!(next("due@acme.rs").await, None, "new: unknown until a pass");
    // Registered 1 March 09:30 UTC: the trial ends 15 March 10:30 in Belgrade; the
    // 7-day reminder falls at 08:00 local on 8 March.
    let first = run_pass(&db, TZ, utc(3, 2, 12, 0), false)
        .await
        .expect("pass");
    assert_eq!(
        (first.partners, first.done.len()),
        (2, 0),
        "both looked at once"
    );
    assert_eq!(next("due@acme.rs").await, Some(utc(3, 8, 7, 0)));
    assert_eq!(next("quiet@acme.rs").await, Some(utc(3, 8, 7, 0)));
    let idle = run_pass(&db, TZ, utc(3, 7, 12, 0), false)
        .await
        .expect("pass");
    assert_eq!(idle.partners, 0, "nothing due: nobody is read");
    let due = run_pass(&db, TZ, utc(3, 8, 7, 0), false)
        .await
        .expect("pass");
    assert_eq!(
        (due.partners, due.done.len()),
        (2, 4),
        "reminder and invoice each"
    );
    // The next: the 3-day reminder, 08:00 local on 12 March.
    assert_eq!(next("due@acme.rs").await, Some(utc(3, 12, 7, 0)));

    // A payment moves the end: the next event is unknown until a pass.
    let inv = invoice::Entity::find()
        .filter(invoice::Column::PartnerId.eq(the_partner(&db, "due@acme.rs").await.account_id))
        .one(&db)
        .await
        .expect("query")
        .expect("the invoice");
    payments::record(
        &db,
        TZ,
        Incoming {
            source: Source::Operator,
            external_id: "due-1".to_owned(),
            amount_minor: inv.amount_minor,
            currency: inv.currency.clone(),
            reference: inv.reference.replace(' ', ""),
            received_at: utc(3, 9, 9, 0),
            bank: Default::default(),
        },
        utc(3, 9, 9, 0),
    )
    .await
    .expect("record");
    assert_eq!(next("due@acme.rs").await, None, "paid: looked at again");
    let after = run_pass(&db, TZ, utc(3, 9, 9, 1), false)
        .await
        .expect("pass");
    assert_eq!((after.partners, after.done.len()), (1, 0));
    // Paid through 15 April 10:30 local (CEST): the next reminder on 8 April 08:00 CEST.
    assert_eq!(next("due@acme.rs").await, Some(utc(4, 8, 6, 0)));
    assert_eq!(
        next("quiet@acme.rs").await,
        Some(utc(3, 12, 7, 0)),
        "the other partner's is untouched"
    );
    // The quiet partner's trial ends unpaid: reminders, then the lock, each once, and
    // every pass in between reads nobody.
    for (at, expected) in [
        (utc(3, 12, 7, 0), vec!["ends_in_3_days:sent"]),
        (utc(3, 13, 0, 0), vec![]),
        (utc(3, 14, 7, 0), vec!["ends_in_1_day:sent"]),
        (utc(3, 15, 7, 0), vec!["ends_today:sent"]),
        (utc(3, 15, 9, 30), vec!["locked:sent"]),
        (utc(3, 15, 9, 31), vec![]),
    ] {
        let r = run_pass(&db, TZ, at, false).await.expect("pass");
        let done: Vec<String> = r
            .done
            .iter()
            .map(|d| format!("{}:sent", d.kind.as_str()))
            .collect();
        assert_eq!(done, expected, "at {at}");
        assert_eq!(
            r.partners,
            usize::from(!expected.is_empty()),
            "read at {at}"
        );
    }
    db.close().await.ok();
}
on_both_backends!(a_pass_looks_only_at_partners_with_something_due);

async fn two_passes_at_once_do_each_event_once(s: &TestServer) {
    for i in 0..5 {
        s.register(&format!("twice{i}@acme.rs")).await;
    }
    let (a, b) = (db(s).await, db(s).await);
    let at = utc(3, 15, 10, 0);
    let (x, y) = tokio::join!(run_pass(&a, TZ, at, false), run_pass(&b, TZ, at, false));
    let handled = x.expect("pass").done.len() + y.expect("pass").done.len();
    // Per partner: the four reminders of the trial end, the invoice and the lock.
    assert_eq!(
        handled,
        5 * 6,
        "each event handled by exactly one of the passes"
    );
    let sent = lifecycle_event::Entity::find()
        .filter(lifecycle_event::Column::Sent.eq(true))
        .all(&a)
        .await
        .expect("events");
    assert_eq!(sent.len(), 5 * 2, "invoice and lock for each");
    assert_eq!(messages_with(&a, "Your access is locked").await, 5);
    assert_eq!(
        invoice::Entity::find()
            .all(&a)
            .await
            .expect("invoices")
            .len(),
        5
    );
    let mut numbers: Vec<String> = invoice::Entity::find()
        .all(&a)
        .await
        .expect("invoices")
        .into_iter()
        .map(|i| i.number)
        .collect();
    numbers.sort();
    assert_eq!(
        numbers,
        (1..=5).map(|n| format!("2026-{n:06}")).collect::<Vec<_>>(),
        "gap-free numbers"
    );
    a.close().await.ok();
    b.close().await.ok();
}
on_both_backends!(two_passes_at_once_do_each_event_once);

/// Every row of every table, as text, except the accounting records that stay.
async fn every_row(db: &DatabaseConnection) -> Vec<(String, String)> {
    let backend = db.get_database_backend();
    let tables_sql = match backend {
        sea_orm::DatabaseBackend::Postgres => {
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
        }
        _ => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    };
    let mut out = Vec::new();
    for row in db
        .query_all_raw(Statement::from_string(backend, tables_sql))
        .await
        .expect("tables")
    {
        let table: String = row.try_get("", "name").expect("name");
        let sql = match backend {
            sea_orm::DatabaseBackend::Postgres => {
                format!("SELECT row_to_json(t)::text AS r FROM \"{table}\" t")
            }
            _ => {
                let cols: Vec<String> = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("PRAGMA table_info(\"{table}\")"),
                    ))
                    .await
                    .expect("columns")
                    .into_iter()
                    .map(|c| c.try_get::<String>("", "name").expect("column"))
                    .collect();
                let pairs: Vec<String> = cols.iter().map(|c| format!("'{c}', \"{c}\"")).collect();
                format!(
                    "SELECT json_object({}) AS r FROM \"{table}\"",
                    pairs.join(", ")
                )
            }
        };
        for r in db
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .expect("rows")
        {
            out.push((table.clone(), r.try_get::<String>("", "r").expect("row")));
        }
    }
    out
}

async fn the_purge_leaves_nothing_of_the_partner(s: &TestServer) {
    let mut form = registration("purge@acme.rs");
    form["company"] = json!("Purge Me TV");
    form["phone"] = json!("+381 63 777 8899");
    let (status, _) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED);
    let creds = s.credentials_for("purge@acme.rs").await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    let t0 = login["access_token"].as_str().expect("token").to_owned();
    let (_, _) = s
        .post(
            "/api/v1/auth/password",
            Some(&t0),
            json!({"current_password": creds.password, "new_password": "Purge-pass-2026"}),
        )
        .await;
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": "Purge-pass-2026"}),
        )
        .await;
    let token = login["access_token"].as_str().expect("token").to_owned();
    let refresh = login["refresh_token"].as_str().expect("refresh").to_owned();
    let (_, me) = s.get("/api/v1/me", Some(&token)).await;
    let pid = me["account_id"].as_i64().expect("id");

    // The partner's world: a dealer with a line, a stream, a linked reseller, a pending request.
    let hash = {
        use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
        argon2::Argon2::default()
            .hash_password(b"Dealer-pass-2026", &SaltString::generate(&mut OsRng))
            .expect("hash")
            .to_string()
    };
    let dealer = uuid::Uuid::new_v4().to_string();
    for m in [
        json!({"type": "create_dealer", "dealer_id": dealer, "display_name": "Purge Dealer", "contact_email": "pd@purge.rs",
               "contact_phone": null, "username": "purge.dealer", "password_hash": hash}),
        json!({"type": "create_subscriber", "subscriber_id": uuid::Uuid::new_v4().to_string(), "dealer_id": dealer,
               "name": "Purge Line", "line_username": "purge.line", "mac": "0A:0B:0C:0D:0E:0F", "expires_at": "2026-06-01T00:00:00Z"}),
        json!({"type": "add_stream", "stream_id": uuid::Uuid::new_v4().to_string(), "name": "Purge Sport",
               "category": "Sport", "stream_url": "https://cdn.purge.example/sport.m3u8"}),
    ] {
        assert_eq!(push(s, &token, m).await.0, "applied");
    }
    let (_, dealer_login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": "purge.dealer", "password": "Dealer-pass-2026"}),
        )
        .await;
    assert!(dealer_login["access_token"].is_string(), "{dealer_login}");
    let (rid, linked) = ready_reseller(s, "linked@resell.rs", "Linked Resell").await;
    let (_, pending) = ready_reseller(s, "pending@resell.rs", "Pending Resell").await;
    // The pending reseller reads Serbian: what it is told of the purge is in Serbian.
    let serbian = json!({"type": "set_language", "language": "sr-Latn"});
    assert_eq!(push(s, &pending, serbian).await.0, "applied");
    let req = uuid::Uuid::new_v4().to_string();
    push(
        s,
        &linked,
        json!({"type": "request_partner", "request_id": req, "partner_id": pid, "message": "Hi"}),
    )
    .await;
    push(
        s,
        &token,
        json!({"type": "answer_request", "request_id": req, "accept": true, "reason": null}),
    )
    .await;
    push(s, &pending, json!({"type": "request_partner", "request_id": uuid::Uuid::new_v4().to_string(), "partner_id": pid, "message": "Hello"})).await;
    // Asking again is refused with the partner's name, kept on the reseller's device list.
    assert_eq!(
        push(s, &pending, json!({"type": "request_partner", "request_id": uuid::Uuid::new_v4().to_string(), "partner_id": pid, "message": "Again"})).await.1,
        "request_pending"
    );
    let _ = rid;
    // A reseller linked earlier and removed, with a reason the partner wrote; and one
    // rejected with a reason.
    for (email, company, accept, reason) in [
        (
            "removed@resell.rs",
            "Removed Resell",
            true,
            "Purgewritten removal reason",
        ),
        (
            "rejected@resell.rs",
            "Rejected Resell",
            false,
            "Purgewritten rejection reason",
        ),
    ] {
        let (other_id, other) = ready_reseller(s, email, company).await;
        let req = uuid::Uuid::new_v4().to_string();
        assert_eq!(
            push(s, &other, json!({"type": "request_partner", "request_id": req, "partner_id": pid, "message": "Hi"})).await.0,
            "applied"
        );
        let answer = json!({"type": "answer_request", "request_id": req, "accept": accept,
                            "reason": (!accept).then_some(reason)});
        assert_eq!(push(s, &token, answer).await.0, "applied");
        if accept {
            let removal =
                json!({"type": "remove_reseller", "reseller_id": other_id, "reason": reason});
            assert_eq!(push(s, &token, removal).await.0, "applied");
        }
    }

    // Unpaid: locked at the trial end (pending requests cancelled), purged 30 days later.
    let db = db(s).await;
    assert!(
        pass(&db, utc(3, 15, 10, 0))
            .await
            .contains(&"locked:sent".to_owned())
    );
    let before = every_row(&db).await.len();
    assert_eq!(
        pass(&db, utc(4, 14, 9, 30)).await,
        [
            "purge_in_7_days:skipped",
            "purge_in_1_day:skipped",
            "purge:sent"
        ]
    );
    assert!(pass(&db, utc(4, 14, 9, 31)).await.is_empty(), "once");
    let rows = every_row(&db).await;
    assert!(
        rows.len() < before,
        "rows went: {} → {}",
        before,
        rows.len()
    );
    let traces = [
        "purge@acme.rs",
        creds.username.as_str(),
        "purge.dealer",
        "Purge Me TV",
        "Purge Dealer",
        "pd@purge.rs",
        "0A:0B:0C:0D:0E:0F",
        "cdn.purge.example",
        "Purge-pass",
        "+381637778899",
        "Purgewritten",
    ];
    for (table, row) in &rows {
        let accounting = table == "invoices" || table == "payments";
        for t in traces {
            assert!(
                accounting || !row.contains(t),
                "{table} still holds {t:?} after the purge: {row}"
            );
        }
    }
    let invoices = rows.iter().filter(|(t, _)| t == "invoices").count();
    assert_eq!(
        invoices, 1,
        "the invoice stays: it is the operator's accounting record"
    );
    let audit: Vec<&String> = rows
        .iter()
        .filter(|(t, r)| t == "audit_log" && r.contains("purge_partner"))
        .map(|(_, r)| r)
        .collect();
    assert_eq!(audit.len(), 1, "the purge is audited once");

    // The linked reseller is told, and the content is closed; the dealer cannot sign in.
    let (_, feed) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&linked))
        .await;
    let changes = feed["changes"].as_array().cloned().unwrap_or_default();
    assert!(
        changes.iter().any(|c| c["entity"] == "link_ended"),
        "{feed}"
    );
    assert!(
        changes
            .iter()
            .any(|c| c["entity"] == "notification" && c["data"]["kind"] == "partner_purged")
    );
    assert!(
        !feed.to_string().contains("Purge Me TV"),
        "nothing of the partner in the reseller's feed: {feed}"
    );
    assert!(
        changes.iter().any(|c| c["entity"] == "link_ended"
            && c["data"]["reason"] == "The partner's account was closed."),
        "{feed}"
    );
    let (_, feed) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&pending))
        .await;
    let named = |entity: &str| {
        feed["changes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["entity"] == entity)
            .map(|c| c["data"].to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        named("partner_request")
            .iter()
            .any(|r| r.contains("\"partner_company\":\"Bivši partner\"")),
        "the purged partner, named in the reseller's language: {feed}"
    );
    let (status, _) = s
        .get(&format!("/api/v1/partners/{pid}/content"), Some(&linked))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": "purge.dealer", "password": "Dealer-pass-2026"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The partner's desktop coming back is told the account is gone, so it removes its
    // local copy.
    let (status, v) = s
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("account_deleted")),
        "{v}"
    );
    db.close().await.ok();
}
on_both_backends!(the_purge_leaves_nothing_of_the_partner);

/// A fresh access token (after the test moved the clock past the old one's life).
pub(crate) async fn sign_in(s: &TestServer, username: &str, password: &str) -> String {
    let (status, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": username, "password": password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{login}");
    login["access_token"].as_str().expect("token").to_owned()
}

async fn a_locked_partner_keeps_only_billing_and_pays_its_way_back(s: &TestServer) {
    let (creds, token) = s.ready_partner("locked@acme.rs").await;
    let hash = {
        use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
        argon2::Argon2::default()
            .hash_password(b"Dealer-pass-2026", &SaltString::generate(&mut OsRng))
            .expect("hash")
            .to_string()
    };
    let m = json!({"type": "create_dealer", "dealer_id": uuid::Uuid::new_v4().to_string(), "display_name": "Locked Dealer",
        "contact_email": null, "contact_phone": null, "username": "locked.dealer", "password_hash": hash});
    assert_eq!(push(s, &token, m).await.0, "applied");
    let (_, login) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": "locked.dealer", "password": "Dealer-pass-2026"}),
        )
        .await;
    assert!(
        login["access_token"].is_string(),
        "the dealer works before the lock: {login}"
    );
    let db = db(s).await;
    pass(&db, utc(3, 8, 7, 0)).await;
    s.clock.set(utc(3, 15, 10, 0));
    pass(&db, utc(3, 15, 10, 0)).await;
    let token = sign_in(s, &creds.username, &creds.password).await;
    let dealer = sign_in(s, "locked.dealer", "Dealer-pass-2026").await;
    let push_body = json!({"client_id": "locked-client-1", "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
        "mutations": [{"mutation_id": 1, "mutation": {"type": "update_profile", "contact_person": "Ana", "phone": "+381641234567"}}]});
    for (who, t) in [("partner", &token), ("dealer", &dealer)] {
        let (status, body) = s
            .post("/api/v1/sync/push", Some(t), push_body.clone())
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::PAYMENT_REQUIRED, Some("partner_locked")),
            "{who} push: {body}"
        );
    }
    let (status, body) = s.get("/api/v1/audit", Some(&token)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYMENT_REQUIRED, Some("partner_locked"))
    );
    let (status, body) = s.get("/api/v1/sync/pull?since=0", Some(&dealer)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYMENT_REQUIRED, Some("partner_locked")),
        "the dealer is closed out too"
    );
    // What it needs to pay stays open.
    let (status, _) = s.get("/api/v1/sync/pull?since=0", Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, billing) = s.get("/api/v1/billing", Some(&token)).await;
    assert_eq!(
        (status, billing["state"].as_str()),
        (StatusCode::OK, Some("locked")),
        "{billing}"
    );
    let inv = billing["invoices"][0].clone();
    assert_eq!(
        billing["purge_at"],
        json!(utc(4, 14, 9, 30)),
        "30 days after locking"
    );
    let number = inv["number"].as_str().expect("number");
    assert_eq!(
        shown(s, &token, number).await,
        (
            "open".to_owned(),
            inv["amount_minor"].as_i64().expect("amount"),
            0,
            30
        ),
        "locked: no day of access left, 29 days 23.5 hours to the purge count as 30"
    );
    let notice = json!({"payment_id": "pp-locked", "amount_minor": inv["amount_minor"], "currency": inv["currency"],
        "reference": inv["reference"], "paid_at": utc(3, 15, 10, 0)});
    assert_eq!(webhook(s, &notice, WEBHOOK_SECRET).await.0, StatusCode::OK);
    let (status, body) = s.post("/api/v1/sync/push", Some(&token), push_body).await;
    assert_eq!(
        (status, body["results"][0]["status"].as_str()),
        (StatusCode::OK, Some("applied")),
        "back in: {body}"
    );
    let (status, _) = s.get("/api/v1/sync/pull?since=0", Some(&dealer)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "its dealer too, with every piece of data intact"
    );
    let (_, billing) = s.get("/api/v1/billing", Some(&token)).await;
    assert_eq!(billing["state"], "active");
    assert_eq!(
        (
            billing["invoices"][0]["status"].as_str(),
            billing["invoices"][0]["due_minor"].as_i64()
        ),
        (Some("paid"), Some(0)),
        "the invoice it paid shows as paid with nothing due: {billing}"
    );
    assert_eq!(
        (
            billing["payments"][0]["status"].as_str(),
            billing["payments"][0]["invoice_number"].as_str()
        ),
        (Some("applied"), inv["number"].as_str()),
        "the payment is listed with its invoice: {billing}"
    );

    // The activity log has what the server did to the account: the invoice, the lock,
    // the payment (with its source) and the unlock; narrowed by action, actor and time.
    let (_, log) = s.get("/api/v1/audit?limit=500", Some(&token)).await;
    let actions: Vec<&str> = log
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for expected in [
        "invoice_issued",
        "lifecycle_locked",
        "payment_recorded",
        "lifecycle_unlocked",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    let (_, paid) = s
        .get("/api/v1/audit?action=payment_recorded", Some(&token))
        .await;
    let paid = paid.as_array().expect("entries");
    assert_eq!(paid.len(), 1, "{paid:?}");
    assert_eq!(
        (
            paid[0]["actor_role"].as_str(),
            paid[0]["after"]["source"].as_str(),
            paid[0]["after"]["invoice"].as_str()
        ),
        (Some("system"), Some("webhook"), inv["number"].as_str())
    );
    let (_, by_server) = s.get("/api/v1/audit?actor=WP%20Play", Some(&token)).await;
    assert!(
        by_server
            .as_array()
            .expect("entries")
            .iter()
            .all(|e| e["actor_name"] == "WP Play"),
        "{by_server}"
    );
    let (_, before_lock) = s
        .get(
            "/api/v1/audit?until=2026-03-15T09:00:00Z&action=lifecycle_locked",
            Some(&token),
        )
        .await;
    assert_eq!(before_lock, json!([]), "the lock came after");
    let (_, after_lock) = s
        .get(
            "/api/v1/audit?since=2026-03-15T09:00:00Z&action=lifecycle_locked",
            Some(&token),
        )
        .await;
    assert_eq!(after_lock.as_array().map(Vec::len), Some(1), "{after_lock}");
    for bad in [
        "/api/v1/audit?since=yesterday",
        "/api/v1/audit?until=2026-13-01T00:00:00Z",
    ] {
        let (status, body) = s.get(bad, Some(&token)).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_query")),
            "{bad}: {body}"
        );
    }
    let (status, body) = s
        .get(
            &format!("/api/v1/audit?action={}", "x".repeat(41)),
            Some(&token),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_query"))
    );
    db.close().await.ok();
}
on_both_backends!(a_locked_partner_keeps_only_billing_and_pays_its_way_back);

pub(crate) async fn choose_package(s: &TestServer, token: &str, id: i64) -> Value {
    let (status, body) = s
        .post(
            "/api/v1/billing/package",
            Some(token),
            json!({"package_id": id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn package_changes_follow_the_rule(s: &TestServer) {
    let (creds, token) = s.ready_partner("switch@acme.rs").await;
    let db = db(s).await;
    // In the trial: at once, and the trial end stays.
    let r = choose_package(s, &token, 1).await;
    assert_eq!(r["timing"], "now");
    let (_, changed) = s
        .get("/api/v1/audit?action=change_package", Some(&token))
        .await;
    assert_eq!(
        (
            changed[0]["actor_name"].as_str(),
            changed[0]["after"]["timing"].as_str()
        ),
        (Some(creds.username.as_str()), Some("now")),
        "the change is in the log, by the partner: {changed}"
    );
    let (_, billing) = s.get("/api/v1/billing", Some(&token)).await;
    assert_eq!(
        (billing["package"]["id"].as_i64(), &billing["trial_ends_at"]),
        (Some(1), &json!(utc(3, 15, 9, 30)))
    );
    let (status, body) = s
        .post(
            "/api/v1/billing/package",
            Some(&token),
            json!({"package_id": 1}),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("same_package"))
    );
    // Paid from the trial end: 15 March to 15 April.
    pass(&db, utc(3, 8, 7, 0)).await;
    let first = invoice::Entity::find()
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    assert_eq!(
        first.amount_minor, 2_900,
        "the invoice is for the package chosen"
    );
    payments::record(
        &db,
        TZ,
        Incoming {
            source: Source::Bank,
            external_id: "e-1".into(),
            amount_minor: 2_900,
            currency: "EUR".into(),
            reference: first.reference.clone(),
            received_at: utc(3, 10, 9, 0),
            bank: Default::default(),
        },
        utc(3, 10, 9, 0),
    )
    .await
    .expect("paid");
    // An upgrade halfway through: at once, with the difference prorated.
    let (start, end) = (utc(3, 15, 9, 30), utc(4, 15, 8, 30));
    let mid = start + (end - start) / 2;
    s.clock.set(mid);
    let token = sign_in(s, &creds.username, &creds.password).await;
    let r = choose_package(s, &token, 2).await;
    let expected = wpplay_domain::billing::prorated_minor(2_900, 7_900, start, end, mid);
    assert_eq!(
        (
            r["timing"].as_str(),
            r["invoice"]["amount_minor"].as_i64(),
            r["invoice"]["kind"].as_str()
        ),
        (Some("now_prorated"), Some(expected), Some("proration")),
        "{r}"
    );
    assert_eq!(expected, 2_500);
    // A downgrade: from the next period.
    let r = choose_package(s, &token, 1).await;
    assert_eq!(
        (r["timing"].as_str(), &r["effective_at"]),
        (Some("next_period"), &json!(end))
    );
    let (_, billing) = s.get("/api/v1/billing", Some(&token)).await;
    assert_eq!(
        (
            billing["package"]["id"].as_i64(),
            billing["next_package"]["id"].as_i64()
        ),
        (Some(2), Some(1))
    );
    // The next month's invoice is for the cheaper package, which starts when it is paid.
    pass(&db, utc(4, 8, 6, 0)).await;
    let next = invoice::Entity::find()
        .filter(invoice::Column::PeriodStart.eq(end))
        .one(&db)
        .await
        .expect("q")
        .expect("the next invoice");
    assert_eq!(next.amount_minor, 2_900);
    payments::record(
        &db,
        TZ,
        Incoming {
            source: Source::Bank,
            external_id: "e-2".into(),
            amount_minor: 2_900,
            currency: "EUR".into(),
            reference: next.reference.clone(),
            received_at: utc(4, 9, 9, 0),
            bank: Default::default(),
        },
        utc(4, 9, 9, 0),
    )
    .await
    .expect("paid");
    let (_, billing) = s.get("/api/v1/billing", Some(&token)).await;
    assert_eq!(
        (billing["package"]["id"].as_i64(), &billing["next_package"]),
        (Some(1), &Value::Null)
    );
    assert_eq!(billing["paid_through"], json!(utc(5, 15, 8, 30)));
    db.close().await.ok();
}
on_both_backends!(package_changes_follow_the_rule);

/// The operator's command, as the real binary against the test's database.
pub(crate) fn operator(s: &TestServer, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .args(args)
        .env("WPPLAY_DATA_DIR", &s.data_dir)
        .env("WPPLAY_DATABASE_URL", s.database_url.expose())
        .output()
        .expect("wpplay-server runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

async fn the_operator_runs_passes_and_imports_bank_statements(s: &TestServer) {
    s.register("bank@acme.rs").await;
    let (ok, out) = operator(
        s,
        &[
            "lifecycle",
            "run",
            "--at",
            "2026-03-08T08:00:00+01:00",
            "--dry-run",
        ],
    );
    assert!(
        ok && out.contains("invoice") && out.contains("nothing written"),
        "{out}"
    );
    let db = db(s).await;
    assert!(
        invoice::Entity::find()
            .all(&db)
            .await
            .expect("q")
            .is_empty(),
        "a dry run writes nothing"
    );
    let (ok, out) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(
        ok && out.contains("ends_in_7_days") && out.contains("sent"),
        "{out}"
    );
    let inv = invoice::Entity::find()
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    let amount = format!("{}.{:02}", inv.amount_minor / 100, inv.amount_minor % 100);
    let camt = format!(
        r#"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
        <Ntry><Amt Ccy="{cur}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-10</Dt></BookgDt><AcctSvcrRef>B-1</AcctSvcrRef>
          <NtryDtls><TxDtls><RmtInf><Ustrd>Uplata {reference}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-10</Dt></BookgDt><AcctSvcrRef>B-2</AcctSvcrRef>
          <NtryDtls><TxDtls><RmtInf><Ustrd>no reference</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        </Stmt></BkToCstmrStmt></Document>"#,
        cur = inv.currency,
        reference = inv.reference
    );
    let file = s.data_dir.join("statement.xml");
    std::fs::write(&file, camt).expect("write");
    let path = file.display().to_string();
    let (ok, out) = operator(s, &["payments", "import", &path]);
    assert!(
        ok && out.contains("2 recorded") && out.contains("1 waiting for review"),
        "{out}"
    );
    let p = the_partner(&db, "bank@acme.rs").await;
    assert_eq!(
        p.paid_through,
        Some(utc(4, 15, 8, 30)),
        "paid from the trial end"
    );
    let (ok, out) = operator(s, &["payments", "import", &path]);
    assert!(
        ok && out.contains("0 recorded, 2 already known"),
        "importing again changes nothing: {out}"
    );
    assert_eq!(
        the_partner(&db, "bank@acme.rs").await.paid_through,
        p.paid_through
    );
    let (ok, out) = operator(s, &["payments", "unmatched"]);
    assert!(ok && out.contains("B-2") && !out.contains("B-1"), "{out}");
    let broken = s.data_dir.join("broken.csv");
    std::fs::write(&broken, "entry_id,date,amount,currency,reference\nC-1,2026-03-10,5.00,EUR,x\nC-2,yesterday,5.00,EUR,y\n").expect("write");
    let (ok, out) = operator(s, &["payments", "import", &broken.display().to_string()]);
    assert!(
        !ok && out.contains("line 3") && out.contains("Nothing was recorded"),
        "{out}"
    );
    let (_, out) = operator(s, &["payments", "list"]);
    assert!(!out.contains("C-1"), "a broken file records nothing: {out}");
    let (ok, out) = operator(s, &["invoices", "list"]);
    assert!(
        ok && out.contains(&inv.number) && out.contains("2026-03-10"),
        "{out}"
    );
    // The operator's imports are in the log, by the command line.
    let (ok, out) = operator(s, &["audit", "list"]);
    assert!(
        ok && out
            .lines()
            .any(|l| l.contains("payment_recorded") && l.contains("command line")),
        "{out}"
    );
    db.close().await.ok();
}
on_both_backends!(the_operator_runs_passes_and_imports_bank_statements);

/// A statement fixture (tests/fixtures/statements) with an invoice's amount and reference.
pub(crate) fn statement(
    s: &TestServer,
    name: &str,
    inv: &invoice::Model,
    batch_total_minor: i64,
) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/statements/");
    let text = std::fs::read_to_string(format!("{dir}{name}")).expect("fixture");
    let decimal = |m: i64| format!("{}.{:02}", m / 100, m % 100);
    let text = text
        .replace("{currency}", &inv.currency)
        .replace("{amount}", &decimal(inv.amount_minor))
        .replace("{reference}", &inv.reference)
        .replace("{batch_total}", &decimal(batch_total_minor));
    let file = s.data_dir.join(name);
    std::fs::write(&file, text).expect("write");
    file.display().to_string()
}

/// Real banks' shapes: a batch entry is one payment per transaction (the invoice's paid,
/// the others wait for review with who paid them), a pending entry is not money, a
/// reversal the next day is recorded once naming the payment it takes back, and credits
/// without any bank reference are recorded once each, however often the file is read.
async fn real_bank_statements_batches_pending_reversals_and_no_references(s: &TestServer) {
    let (_, token) = s.ready_partner("banks@acme.rs").await;
    let (ok, out) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{out}");
    let db = db(s).await;
    let inv = invoice::Entity::find()
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    assert_eq!(inv.currency, "EUR", "the batch fixture is in euros");

    let batch = statement(s, "camt053-v08-batch.xml", &inv, inv.amount_minor + 3_000);
    let (ok, out) = operator(s, &["payments", "import", &batch]);
    assert!(
        ok && out.contains("4 lines")
            && out.contains("3 recorded, 0 already known, 1 skipped, 2 waiting for review")
            && out.contains("skipped: pending")
            && out.contains(&format!("applied (invoice {})", inv.number)),
        "{out}"
    );
    assert!(
        the_partner(&db, "banks@acme.rs")
            .await
            .paid_through
            .is_some(),
        "the partner's transaction in the batch paid the invoice"
    );
    let (ok, out) = operator(s, &["payments", "import", &batch]);
    assert!(
        ok && out.contains("0 recorded, 3 already known, 1 skipped"),
        "{out}"
    );
    let (ok, out) = operator(s, &["payments", "unmatched"]);
    assert!(
        ok && out.contains("tx:E2E-BETA-0311")
            && out.contains("Beta Kabel · RS35265000000001234511 · Uplata za februar")
            && out.contains("tx:TX-77002")
            && !out.contains("E2E-ACME-0311"),
        "{out}"
    );

    // The next day the bank reverses Beta's credit and returns Acme's: both are taken
    // back, Acme's invoice is open again and its paid-through date is gone.
    let paid_through = the_partner(&db, "banks@acme.rs").await.paid_through;
    let reversal = statement(s, "camt053-v08-reversal.xml", &inv, 0);
    let (ok, out) = operator(s, &["payments", "import", &reversal]);
    assert!(
        ok && out.contains("2 recorded, 0 already known, 0 skipped, 0 waiting")
            && out.contains("took back tx:E2E-BETA-0311")
            && out.contains(&format!(
                "took back tx:E2E-ACME-0311 (invoice {})",
                inv.number
            )),
        "{out}"
    );
    assert_eq!(
        the_partner(&db, "banks@acme.rs").await.paid_through,
        None,
        "the payment that paid from the trial's end is taken back (it was {paid_through:?})"
    );
    let inv_after = invoice::Entity::find_by_id(inv.id)
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    assert_eq!(
        (inv_after.paid_minor, inv_after.paid_at),
        (0, None),
        "the invoice is open again"
    );
    let (ok, out) = operator(s, &["payments", "import", &reversal]);
    assert!(ok && out.contains("0 recorded, 2 already known"), "{out}");
    let (ok, out) = operator(s, &["payments", "list"]);
    assert!(
        ok && out.contains(&format!(
            "Took back payment tx:E2E-ACME-0311 ({}.{:02} EUR) for invoice {}; the partner is back on its trial's end.",
            inv.amount_minor / 100, inv.amount_minor % 100, inv.number
        )) && out.matches(" reversed ").count() == 2,
        "{out}"
    );
    let (ok, out) = operator(s, &["payments", "unmatched"]);
    assert!(
        ok && !out.contains("E2E-BETA-0311") && !out.contains("RVSL-0312-1"),
        "a taken-back payment no longer waits for review: {out}"
    );
    let (_, out) = operator(s, &["audit", "list"]);
    assert!(out.contains("payment_reversed"), "{out}");
    // The partner sees its payment taken back, not the bank's bookkeeping of it.
    let (_, billing) = s.get("/api/v1/billing", Some(&token)).await;
    let statuses: Vec<&str> = billing["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .filter_map(|p| p["status"].as_str())
        .collect();
    assert_eq!(statuses, ["reversed"], "{billing}");

    let no_refs = statement(s, "camt054-v04-no-refs.xml", &inv, 0);
    let (ok, out) = operator(s, &["payments", "import", &no_refs]);
    assert!(
        ok && out.contains("2 recorded, 0 already known, 1 skipped"),
        "{out}"
    );
    let (ok, out) = operator(s, &["payments", "import", &no_refs]);
    assert!(
        ok && out.contains("0 recorded, 2 already known, 1 skipped"),
        "{out}"
    );
    let (ok, out) = operator(s, &["payments", "unmatched"]);
    assert_eq!(
        out.matches("Petar Petrovic PR").count(),
        2,
        "two identical credits are two payments, each waiting with its payer: {out}"
    );
    assert!(ok);

    // A statement with an amount of three decimals records nothing and names the entry.
    let text = std::fs::read_to_string(&batch).expect("read");
    std::fs::write(&batch, text.replace(">25.00<", ">25.005<")).expect("write");
    let (ok, out) = operator(s, &["payments", "import", &batch]);
    assert!(
        !ok && out.contains("entry 1, transaction 2: the amount 25.005 has more than two decimals"),
        "{out}"
    );
    db.close().await.ok();
}
on_both_backends!(real_bank_statements_batches_pending_reversals_and_no_references);

/// A PDF's text as a real reader extracts it (poppler's pdftotext, installed by
/// scripts/setup.sh).
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("invoice.pdf");
    std::fs::write(&file, bytes).expect("write");
    let out = std::process::Command::new("pdftotext")
        .args([file.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext is missing: run scripts/setup.sh (it installs poppler-utils)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// An operator's access token: the account made by `operators add`, signed in, with its
/// required second factor set up.
pub(crate) async fn operator_token(s: &TestServer, name: &str) -> String {
    let (ok, out) = operator(s, &["operators", "add", name]);
    assert!(ok, "{out}");
    let password = out.rsplit(": ").next().expect("password").trim().to_owned();
    let (status, v) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": name, "password": password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let token = v["access_token"].as_str().expect("token").to_owned();
    crate::second_factor::enrol(s, &token).await;
    token
}

/// The operator resolves what the server could not: lists the payments waiting with who
/// paid them, assigns one to the invoice it was for (the partner's package is paid), marks
/// another as not WP Play's; each once, with a note, in the audit log.
async fn the_operator_resolves_payments_waiting_for_review(s: &TestServer) {
    s.register("desk@acme.rs").await;
    let (ok, out) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{out}");
    let db = db(s).await;
    let inv = invoice::Entity::find()
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    let op = operator_token(s, "ops.desk").await;

    // A transfer of the invoice's amount without its reference, and a batch whose other
    // transactions carry none either.
    let mut plain = inv.clone();
    plain.reference = "bez poziva na broj".into();
    let file = statement(s, "camt053-v02-model97.xml", &plain, 0);
    let (ok, out) = operator(s, &["payments", "import", &file]);
    assert!(ok && out.contains("1 waiting for review"), "{out}");
    let batch = statement(s, "camt053-v08-batch.xml", &plain, inv.amount_minor + 3_000);
    let (ok, out) = operator(s, &["payments", "import", &batch]);
    assert!(ok && out.contains("3 waiting for review"), "{out}");

    let (status, list) = s.get("/api/v1/operator/payments", Some(&op)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let waiting = list.as_array().expect("list");
    let find = |external: &str| {
        waiting
            .iter()
            .find(|p| p["external_id"] == external)
            .unwrap_or_else(|| panic!("{external} waits: {list}"))
            .clone()
    };
    let acme = find("20260310-000117");
    assert_eq!(
        (
            acme["status"].as_str(),
            acme["payer_name"].as_str(),
            acme["amount_minor"].as_i64()
        ),
        (
            Some("unmatched"),
            Some("ACME MEDIA DOO CACAK"),
            Some(inv.amount_minor)
        )
    );
    let beta = find("tx:E2E-BETA-0311");
    assert_eq!(
        waiting.len(),
        4,
        "Acme's two transfers, Beta's and Gama's: {list}"
    );
    let acme_id = acme["id"].as_i64().expect("id");
    let resolve = |id: i64, body: Value| {
        let op = op.clone();
        async move {
            s.post(
                &format!("/api/v1/operator/payments/{id}/resolve"),
                Some(&op),
                body,
            )
            .await
        }
    };

    // Refusals first: nothing changes.
    let (status, v) = resolve(
        acme_id,
        json!({"action": "assign", "invoice": inv.number, "note": "  "}),
    )
    .await;
    assert_eq!(
        (status, v["code"].as_str(), v["field"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("invalid_text"),
            Some("note")
        ),
        "{v}"
    );
    let (status, v) = resolve(acme_id, json!({"action": "assign", "note": "theirs"})).await;
    assert_eq!(
        (status, v["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invoice")),
        "{v}"
    );
    let (status, v) = resolve(
        acme_id,
        json!({"action": "assign", "invoice": "2026-999999", "note": "theirs"}),
    )
    .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found")),
        "{v}"
    );
    assert_eq!(the_partner(&db, "desk@acme.rs").await.paid_through, None);

    // A part payment by the operator's hand, then refunded: off the invoice again.
    let (ok, out) = operator(
        s,
        &[
            "payments",
            "register",
            "--reference",
            &inv.reference,
            "--amount",
            "10.00",
            "--id",
            "cash-1",
        ],
    );
    assert!(ok && out.contains("partial"), "{out}");
    let (_, list) = s.get("/api/v1/operator/payments", Some(&op)).await;
    let cash = list
        .as_array()
        .and_then(|l| l.iter().find(|p| p["external_id"] == "cash-1"))
        .unwrap_or_else(|| panic!("the part payment waits: {list}"))["id"]
        .as_i64()
        .expect("id");
    let (status, v) = resolve(
        cash,
        json!({"action": "assign", "invoice": inv.number, "note": "no"}),
    )
    .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("payment_not_for_review")),
        "assign is for unmatched ones: {v}"
    );
    let (status, v) = resolve(
        cash,
        json!({"action": "refunded", "note": "Returned in cash at the office"}),
    )
    .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("refunded")),
        "{v}"
    );
    let open = invoice::Entity::find_by_id(inv.id)
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    assert_eq!(open.paid_minor, 0, "the refund is off the invoice");

    // Acme's transfer is its invoice: paid, the package runs.
    let (status, v) = resolve(
        acme_id,
        json!({"action": "assign", "invoice": inv.number, "note": "Acme's accountant confirmed by phone"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(
        (v["status"].as_str(), v["invoice_number"].as_str()),
        (Some("applied"), Some(inv.number.as_str()))
    );
    assert!(
        v["note"]
            .as_str()
            .is_some_and(|n| n.contains("Acme's accountant confirmed by phone")),
        "{v}"
    );
    assert!(
        the_partner(&db, "desk@acme.rs")
            .await
            .paid_through
            .is_some(),
        "the invoice paid extends the package"
    );
    let (status, v) = resolve(acme_id, json!({"action": "not_ours", "note": "twice"})).await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("payment_not_for_review")),
        "{v}"
    );

    // Beta's money is not WP Play's.
    let beta_id = beta["id"].as_i64().expect("id");
    let (status, v) = resolve(
        beta_id,
        json!({"action": "not_ours", "note": "Beta Kabel paid the wrong company"}),
    )
    .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("not_ours")),
        "{v}"
    );

    let (_, list) = s.get("/api/v1/operator/payments", Some(&op)).await;
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(2),
        "Acme's second transfer and Gama's wait: {list}"
    );
    let (_, all) = s
        .get("/api/v1/operator/payments?status=all&limit=500", Some(&op))
        .await;
    assert!(all.as_array().is_some_and(|a| a.len() >= 4), "{all}");
    for bad in ["?limit=0", "?limit=501", "?status=everything"] {
        let (status, v) = s
            .get(&format!("/api/v1/operator/payments{bad}"), Some(&op))
            .await;
        assert_eq!(
            (status, v["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_query")),
            "{bad}: {v}"
        );
    }
    let (_, out) = operator(s, &["audit", "list"]);
    assert_eq!(out.matches("payment_resolved").count(), 3, "{out}");
    db.close().await.ok();
}
on_both_backends!(the_operator_resolves_payments_waiting_for_review);

/// A statement file as the app uploads it.
fn upload(name: &str, bytes: &[u8]) -> Value {
    use base64::Engine;
    json!({"file_name": name, "content_base64": base64::engine::general_purpose::STANDARD.encode(bytes)})
}

/// The operator uploads a statement from the app: the preview says what each line would
/// do and writes nothing; the import does it once (again: all already recorded); a broken
/// file, a file too large or not base64 is refused whole, naming what is wrong.
async fn the_operator_previews_and_imports_a_statement_over_the_api(s: &TestServer) {
    s.register("upload@acme.rs").await;
    let (ok, out) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{out}");
    let db = db(s).await;
    let inv = invoice::Entity::find()
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    let op = operator_token(s, "ops.upload").await;
    let path = statement(s, "camt053-v08-batch.xml", &inv, inv.amount_minor + 3_000);
    let file = std::fs::read(&path).expect("read");

    let (status, v) = s
        .post(
            "/api/v1/operator/statements/preview",
            Some(&op),
            upload("march.xml", &file),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let outcomes: Vec<&str> = v["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l["outcome"].as_str())
        .collect();
    assert_eq!(
        outcomes,
        ["will_apply", "will_wait", "will_wait", "skipped"],
        "{v}"
    );
    assert_eq!(v["lines"][0]["invoice_number"], inv.number.as_str());
    assert_eq!(v["lines"][3]["note"], "pending");
    assert_eq!(
        (
            v["new"].as_u64(),
            v["waiting"].as_u64(),
            v["imported"].as_bool()
        ),
        (Some(3), Some(2), Some(false))
    );
    assert_eq!(
        the_partner(&db, "upload@acme.rs").await.paid_through,
        None,
        "a preview writes nothing"
    );

    let (status, v) = s
        .post(
            "/api/v1/operator/statements/import",
            Some(&op),
            upload("march.xml", &file),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let outcomes: Vec<&str> = v["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l["outcome"].as_str())
        .collect();
    assert_eq!(
        outcomes,
        ["applied", "unmatched", "unmatched", "skipped"],
        "{v}"
    );
    assert!(
        the_partner(&db, "upload@acme.rs")
            .await
            .paid_through
            .is_some(),
        "the invoice is paid"
    );
    let (_, v) = s
        .post(
            "/api/v1/operator/statements/import",
            Some(&op),
            upload("march.xml", &file),
        )
        .await;
    assert_eq!(
        (v["new"].as_u64(), v["already_recorded"].as_u64()),
        (Some(0), Some(3)),
        "{v}"
    );
    let (_, v) = s
        .post(
            "/api/v1/operator/statements/preview",
            Some(&op),
            upload("march.xml", &file),
        )
        .await;
    assert_eq!(v["already_recorded"].as_u64(), Some(3), "{v}");

    // Refused whole.
    let broken = String::from_utf8(file.clone())
        .expect("utf-8")
        .replace(">25.00<", ">25.005<");
    let (status, v) = s
        .post(
            "/api/v1/operator/statements/import",
            Some(&op),
            upload("broken.xml", broken.as_bytes()),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_statement")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .is_some_and(|m| m.contains("entry 1, transaction 2")),
        "{v}"
    );
    let (status, v) = s
        .post(
            "/api/v1/operator/statements/preview",
            Some(&op),
            json!({"file_name": "x.csv", "content_base64": "***"}),
        )
        .await;
    assert_eq!(
        (status, v["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("content_base64")),
        "{v}"
    );
    let big = vec![b'a'; 4 * 1024 * 1024 + 1];
    let (status, v) = s
        .post(
            "/api/v1/operator/statements/preview",
            Some(&op),
            upload("big.csv", &big),
        )
        .await;
    assert_eq!(
        (status, v["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large")),
        "{v}"
    );
    let (_, out) = operator(s, &["audit", "list"]);
    assert_eq!(out.matches("statement_imported").count(), 2, "{out}");
    // What the import recorded is the operator's, not the command line's.
    let recorded: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("payment_recorded"))
        .collect();
    assert!(
        !recorded.is_empty() && recorded.iter().all(|l| l.contains("ops.upload")),
        "{out}"
    );
    db.close().await.ok();
}
on_both_backends!(the_operator_previews_and_imports_a_statement_over_the_api);

/// The operator's partners table: newest first, each in its lifecycle state (the domain's
/// rule), with its package and its dealers and lines counted; searched by e-mail or
/// company, narrowed to a state, paged, and bounded.
async fn the_operator_lists_partners_by_state_and_search(s: &TestServer) {
    let (_, trial) = s.ready_partner("trial@alfa.rs").await;
    s.register("paid@beta.rs").await;
    s.register("late@gama.rs").await;
    let db = db(s).await;
    use sea_orm::ActiveModelTrait;
    let now = wpplay_domain::clock::Clock::now(&s.clock);
    let mut paid: partner::ActiveModel = the_partner(&db, "paid@beta.rs").await.into();
    paid.paid_through = sea_orm::Set(Some(now + chrono::Duration::days(400)));
    paid.update(&db).await.expect("paid");
    let mut late: partner::ActiveModel = the_partner(&db, "late@gama.rs").await.into();
    late.trial_ends_at = sea_orm::Set(now - chrono::Duration::days(1));
    late.update(&db).await.expect("late");
    let hash = {
        use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
        argon2::Argon2::default()
            .hash_password(b"Dealer-pass-2026", &SaltString::generate(&mut OsRng))
            .expect("hash")
            .to_string()
    };
    let dealer = uuid::Uuid::new_v4().to_string();
    for m in [
        json!({"type": "create_dealer", "dealer_id": dealer, "display_name": "Alfa Shop", "contact_email": null,
               "contact_phone": null, "username": "alfa.shop", "password_hash": hash}),
        json!({"type": "create_subscriber", "subscriber_id": uuid::Uuid::new_v4().to_string(), "dealer_id": dealer,
               "name": "Alfa Line", "line_username": "alfa.line", "mac": "0A:0B:0C:0D:0E:01", "expires_at": "2027-06-01T00:00:00Z"}),
    ] {
        assert_eq!(push(s, &trial, m).await.0, "applied");
    }
    let op = operator_token(s, "ops.partners").await;
    let emails = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("a list")
            .iter()
            .map(|p| p["email"].as_str().unwrap_or_default().to_owned())
            .collect()
    };

    let (status, all) = s.get("/api/v1/operator/partners", Some(&op)).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert_eq!(
        emails(&all),
        ["late@gama.rs", "paid@beta.rs", "trial@alfa.rs"],
        "newest first"
    );
    let states: Vec<&str> = all
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|p| p["state"].as_str())
        .collect();
    assert_eq!(states, ["locked", "active", "trial"]);
    assert_eq!(
        (
            all[2]["dealers"].as_u64(),
            all[2]["lines"].as_u64(),
            all[2]["package_name"].as_str()
        ),
        (Some(1), Some(1), Some("Business"))
    );
    assert_eq!(
        (all[0]["dealers"].as_u64(), all[0]["lines"].as_u64()),
        (Some(0), Some(0))
    );
    for (state, email) in [
        ("trial", "trial@alfa.rs"),
        ("active", "paid@beta.rs"),
        ("locked", "late@gama.rs"),
    ] {
        let (_, v) = s
            .get(
                &format!("/api/v1/operator/partners?state={state}"),
                Some(&op),
            )
            .await;
        assert_eq!(emails(&v), [email], "{state}: {v}");
    }
    let (_, v) = s
        .get("/api/v1/operator/partners?q=BETA.RS", Some(&op))
        .await;
    assert_eq!(emails(&v), ["paid@beta.rs"], "search, any case: {v}");
    // By when access ends (those ended already included) and by package.
    for (query, expected) in [
        ("ends_within_days=0", vec!["late@gama.rs"]),
        ("ends_within_days=30", vec!["late@gama.rs", "trial@alfa.rs"]),
        (
            "package=2",
            vec!["late@gama.rs", "paid@beta.rs", "trial@alfa.rs"],
        ),
        ("package=1", vec![]),
        ("package=2&state=active", vec!["paid@beta.rs"]),
    ] {
        let (_, v) = s
            .get(&format!("/api/v1/operator/partners?{query}"), Some(&op))
            .await;
        assert_eq!(emails(&v), expected, "{query}: {v}");
    }
    let (_, v) = s.get("/api/v1/operator/partners?q=100%25", Some(&op)).await;
    assert_eq!(
        emails(&v).len(),
        0,
        "a percent sign is text, not a wildcard: {v}"
    );
    let before = all[0]["account_id"].as_i64().expect("id");
    let (_, v) = s
        .get(
            &format!("/api/v1/operator/partners?limit=1&before={before}"),
            Some(&op),
        )
        .await;
    assert_eq!(emails(&v), ["paid@beta.rs"], "the next page: {v}");
    let long = "x".repeat(101);
    for bad in [
        "limit=0".to_owned(),
        "limit=201".to_owned(),
        "state=gone".to_owned(),
        "ends_within_days=367".to_owned(),
        "ends_within_days=-1".to_owned(),
        "package=x".to_owned(),
        format!("q={long}"),
    ] {
        let (status, v) = s
            .get(&format!("/api/v1/operator/partners?{bad}"), Some(&op))
            .await;
        assert_eq!(
            (status, v["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_query")),
            "{bad}: {v}"
        );
    }
    db.close().await.ok();
}
on_both_backends!(the_operator_lists_partners_by_state_and_search);
