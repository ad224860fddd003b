//! The operator's desk beyond payments, over HTTP: the catalog, the lifecycle's next days
//! and a pass run now, and the outbox's deliveries with a retry.

use crate::billing::{db, operator, operator_token, the_partner};
use crate::delivery::SmtpSink;
use crate::harness::{Backend, TestServer, eventually, registration, wait_for};
use crate::on_both_backends;
use chrono::TimeZone;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};
use std::time::Duration;
use wpplay_server::db::entity::{invoice, partner};

fn actions(log: &Value) -> Vec<(String, String, String)> {
    log.as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap_or("").to_owned(),
                e["actor_name"].as_str().unwrap_or("").to_owned(),
                e["entity_id"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The operator adds a package and changes one: the price is charged from the partner's
/// next invoice (the one issued keeps its own), the partner's replica learns of it, a
/// disabled package is no longer offered, and every change is in the audit log.
async fn the_operator_runs_the_catalog(s: &TestServer) {
    let (_, partner_token) = s.ready_partner("catalog@acme.rs").await;
    let op = operator_token(s, "ops.catalog").await;

    let (status, list) = s.get("/api/v1/operator/packages", Some(&op)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let standard = list
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["id"] == 2)
        .expect("package 2")
        .clone();
    assert_eq!(
        standard["partners"], 1,
        "the partner is on package 2: {list}"
    );
    assert_eq!(list.as_array().expect("packages").len(), 3);

    // A new package; its code is its own.
    let new = json!({"code": "hotel-50", "name": "Hotel 50", "monthly_price_minor": 4900,
        "currency": "EUR", "max_subscribers": 50, "max_streams": 20, "features": ["Hotel TV"]});
    let (status, added) = s
        .post("/api/v1/operator/packages", Some(&op), new.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["partners"], 0);
    assert_eq!(added["active"], true);
    let (status, again) = s
        .post("/api/v1/operator/packages", Some(&op), new.clone())
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    assert_eq!(again["code"], "package_code_taken");
    // Bounds: every number and list the operator types.
    for (field, value) in [
        ("monthly_price_minor", json!(-1)),
        ("monthly_price_minor", json!(1_000_000_000_001_i64)),
        ("max_subscribers", json!(0)),
        ("max_streams", json!(1_000_001)),
        ("features", json!(vec!["x"; 21])),
        ("features", json!(["x".repeat(101)])),
    ] {
        let mut bad = new.clone();
        bad["code"] = json!("other");
        bad[field] = value;
        let (status, body) = s.post("/api/v1/operator/packages", Some(&op), bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {body}");
        assert_eq!(body["field"], field, "{body}");
    }

    // The first invoice is issued at the old price (by the server's own pass, at 8 March;
    // the clock stays, so the tokens do).
    let price = standard["monthly_price_minor"].as_i64().expect("price");
    let (ok, run) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{run}");
    let db = db(s).await;
    let first = invoice::Entity::find().all(&db).await.expect("invoices");
    assert_eq!(first.len(), 1, "the pass issued the invoice");
    assert_eq!(first[0].amount_minor, price);

    // A new price, for new periods.
    let (status, changed) = s
        .call(
            "PATCH",
            "/api/v1/operator/packages/2",
            Some(&op),
            Some(json!({"monthly_price_minor": price + 500, "max_subscribers": 250})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["monthly_price_minor"], price + 500);
    assert_eq!(changed["max_subscribers"], 250);
    assert_eq!(changed["name"], standard["name"], "the rest stays");
    assert_eq!(changed["partners"], 1);
    let issued = invoice::Entity::find_by_id(first[0].id)
        .one(&db)
        .await
        .expect("query")
        .expect("invoice");
    assert_eq!(
        issued.amount_minor, price,
        "an issued invoice keeps its price"
    );
    // The partner's replica hears of it.
    let (status, feed) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&partner_token))
        .await;
    assert_eq!(status, StatusCode::OK, "{feed}");
    let seen = feed["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .any(|c| c["entity"] == "package" && c["data"]["max_subscribers"] == 250);
    assert!(seen, "the new limits reach the partner's feed: {feed}");
    // The next period's invoice is at the new price: pay the first, reach the next.
    let mut p: partner::ActiveModel = the_partner(&db, "catalog@acme.rs").await.into();
    p.paid_through = Set(Some(
        chrono::Utc.with_ymd_and_hms(2026, 4, 15, 0, 0, 0).unwrap(),
    ));
    p.update(&db).await.expect("paid");
    let (ok, run) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-04-08T08:00:00+02:00"],
    );
    assert!(ok, "{run}");
    let invoices = invoice::Entity::find().all(&db).await.expect("invoices");
    let next = invoices
        .iter()
        .max_by_key(|i| i.id)
        .expect("the next invoice");
    assert_ne!(next.id, first[0].id, "a second invoice: {run}");
    assert_eq!(
        next.amount_minor,
        price + 500,
        "the next period costs the new price"
    );

    // The app sends every field: an unchanged "offered" is no enabling.
    let (status, renamed) = s
        .call(
            "PATCH",
            "/api/v1/operator/packages/2",
            Some(&op),
            Some(json!({"name": "Business Plus", "active": true})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renamed}");
    assert_eq!(renamed["name"], "Business Plus");

    // Disabled: not offered, kept for the partner on it.
    let (status, off) = s
        .call(
            "PATCH",
            "/api/v1/operator/packages/2",
            Some(&op),
            Some(json!({"active": false})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{off}");
    assert_eq!(off["active"], false);
    let (_, offered) = s.get("/api/v1/packages", None).await;
    assert!(
        offered
            .as_array()
            .expect("offered")
            .iter()
            .all(|p| p["id"] != 2),
        "{offered}"
    );
    let (status, bad) = s
        .call(
            "PATCH",
            "/api/v1/operator/packages/2",
            Some(&op),
            Some(json!({"name": "  "})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    // A body is an object, never the fields in a row.
    for body in [json!([null, null]), json!(["Name", 100]), json!("text")] {
        let (status, v) = s
            .call(
                "PATCH",
                "/api/v1/operator/packages/2",
                Some(&op),
                Some(body.clone()),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
    }
    let (status, _) = s
        .call(
            "PATCH",
            "/api/v1/operator/packages/424242",
            Some(&op),
            Some(json!({"active": true})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, log) = s.get("/api/v1/audit?limit=500", Some(&op)).await;
    let log = actions(&log);
    assert!(
        !log.iter().any(|(a, _, _)| a == "package_enabled"),
        "nothing was offered again: {log:?}"
    );
    assert_eq!(
        log.iter()
            .filter(|(a, _, id)| a == "package_changed" && id == "business")
            .count(),
        2,
        "the price and the name: {log:?}"
    );
    for (action, code) in [
        ("package_added", "hotel-50"),
        ("package_changed", "business"),
        ("package_disabled", "business"),
    ] {
        assert!(
            log.iter()
                .any(|(a, who, id)| a == action && who == "ops.catalog" && id.contains(code)),
            "{action} {code} by ops.catalog in {log:?}"
        );
    }
}
on_both_backends!(the_operator_runs_the_catalog);

/// The operator sees the lifecycle's next days, day by day in the server's time zone, and
/// what is due already; "Run now" does those once.
async fn the_operator_sees_the_days_ahead_and_runs_a_pass(s: &TestServer) {
    s.register("soon@acme.rs").await;
    s.register("later@acme.rs").await;
    let db = db(s).await;
    let mut far: partner::ActiveModel = the_partner(&db, "later@acme.rs").await.into();
    far.paid_through = Set(Some(
        chrono::Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap(),
    ));
    far.update(&db).await.expect("paid");
    let soon = the_partner(&db, "soon@acme.rs").await.account_id;
    let later = the_partner(&db, "later@acme.rs").await.account_id;

    let early = operator_token(s, "ops.early").await;
    for bad in ["days=0", "days=32", "days=x"] {
        let (status, body) = s
            .get(
                &format!("/api/v1/operator/lifecycle/upcoming?{bad}"),
                Some(&early),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }

    // The trial ends on 15 March: the 7-day reminder and the invoice fall on 8 March.
    // (A session lasts minutes: the operator signs in after each move of the clock.)
    s.clock
        .set(chrono::Utc.with_ymd_and_hms(2026, 3, 5, 12, 0, 0).unwrap());
    let op = operator_token(s, "ops.days").await;
    let (status, up) = s
        .get("/api/v1/operator/lifecycle/upcoming", Some(&op))
        .await;
    assert_eq!(status, StatusCode::OK, "{up}");
    let days = up["days"].as_array().expect("days");
    assert_eq!(days.len(), 7, "{up}");
    assert_eq!(days[0]["day"], "2026-03-05");
    assert_eq!(days[6]["day"], "2026-03-11");
    assert_eq!(up["due_now_total"], 0, "{up}");
    let on = |day: &str| -> Vec<(i64, String)> {
        days.iter()
            .find(|d| d["day"] == day)
            .map(|d| {
                d["events"]
                    .as_array()
                    .expect("events")
                    .iter()
                    .map(|e| {
                        (
                            e["partner_id"].as_i64().unwrap_or(0),
                            e["kind"].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        on("2026-03-08"),
        [
            (soon, "ends_in_7_days".to_owned()),
            (soon, "invoice".to_owned())
        ],
        "{up}"
    );
    assert!(on("2026-03-06").is_empty(), "{up}");
    assert!(
        days.iter()
            .flat_map(|d| d["events"].as_array().cloned().unwrap_or_default())
            .all(|e| e["partner_id"] != later),
        "a partner paid for a year has nothing ahead: {up}"
    );

    // Past 8 March, 08:00 local: due now, until a pass runs.
    s.clock
        .set(chrono::Utc.with_ymd_and_hms(2026, 3, 8, 9, 0, 0).unwrap());
    let op = operator_token(s, "ops.run").await;
    let (_, up) = s
        .get("/api/v1/operator/lifecycle/upcoming?days=1", Some(&op))
        .await;
    assert_eq!(up["due_now_total"], 2, "{up}");
    assert_eq!(up["days"].as_array().expect("days").len(), 1);
    let (status, run) = s
        .post("/api/v1/operator/lifecycle/run", Some(&op), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{run}");
    let kinds: Vec<&str> = run["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["ends_in_7_days", "invoice"], "{run}");
    let (_, up) = s
        .get("/api/v1/operator/lifecycle/upcoming?days=1", Some(&op))
        .await;
    assert_eq!(up["due_now_total"], 0, "each event once: {up}");
    let (_, again) = s
        .post("/api/v1/operator/lifecycle/run", Some(&op), json!({}))
        .await;
    assert_eq!(again["events"], json!([]), "nothing twice: {again}");
    let (_, log) = s.get("/api/v1/audit?limit=500", Some(&op)).await;
    let runs = actions(&log)
        .into_iter()
        .filter(|(a, who, _)| a == "lifecycle_run" && who == "ops.run")
        .count();
    assert_eq!(runs, 2, "each pass run by hand is in the audit log: {log}");
}
on_both_backends!(the_operator_sees_the_days_ahead_and_runs_a_pass);

/// A message the mail server refused waits for its next attempt; the operator sees it with
/// the error (never its text, which holds credentials), sends it now, and cannot send it
/// twice.
async fn the_operator_retries_a_waiting_delivery(backend: Backend) {
    let sink = SmtpSink::start(1).await;
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let Some(s) = TestServer::start_with(backend, |st| {
        st.smtp_url = Some(wpplay_server::settings::Secret::new(smtp))
    })
    .await
    else {
        return;
    };
    let (status, body) = s
        .post("/api/v1/registrations", None, registration("retry@acme.rs"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let op = operator_token(&s, "ops.mail").await;
    let waiting = eventually(
        "the failed first attempt under trouble",
        Duration::from_secs(20),
        async || {
            let (_, list) = s.get("/api/v1/operator/deliveries", Some(&op)).await;
            list.as_array().and_then(|l| l.first()).cloned()
        },
    )
    .await;
    assert_eq!(waiting["state"], "pending");
    assert_eq!(waiting["attempts"], 1);
    assert_eq!(waiting["recipient"], "retry@acme.rs");
    assert!(
        waiting["last_error"].as_str().unwrap_or("").contains("451"),
        "{waiting}"
    );
    assert!(
        waiting.get("body").is_none(),
        "the text is never shown: {waiting}"
    );
    assert!(sink.messages().is_empty());

    let id = waiting["id"].as_i64().expect("id");
    let (status, retried) = s
        .post(
            &format!("/api/v1/operator/deliveries/{id}/retry"),
            Some(&op),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{retried}");
    // Sent now, without waiting out the back-off (the clock does not move).
    let mail = wait_for(Duration::from_secs(30), || {
        sink.messages().into_iter().next()
    })
    .await
    .expect("the retried message is delivered within 30 s");
    assert!(mail.contains("To: retry@acme.rs"), "{mail}");
    let sent = eventually(
        "the message to show as sent",
        Duration::from_secs(20),
        async || {
            let (_, list) = s
                .get("/api/v1/operator/deliveries?state=sent", Some(&op))
                .await;
            list.as_array()
                .and_then(|l| l.iter().find(|m| m["id"] == id))
                .cloned()
        },
    )
    .await;
    assert_eq!(sent["attempts"], 2);
    let (status, body) = s
        .post(
            &format!("/api/v1/operator/deliveries/{id}/retry"),
            Some(&op),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "delivery_not_retryable");
    let (status, _) = s
        .post(
            "/api/v1/operator/deliveries/987654/retry",
            Some(&op),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for bad in ["state=lost", "limit=0", "limit=501"] {
        let (status, _) = s
            .get(&format!("/api/v1/operator/deliveries?{bad}"), Some(&op))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let (_, trouble) = s.get("/api/v1/operator/deliveries", Some(&op)).await;
    assert_eq!(trouble, json!([]), "nothing left in trouble");
    let (_, log) = s.get("/api/v1/audit?limit=500", Some(&op)).await;
    assert!(
        actions(&log)
            .iter()
            .any(|(a, who, e)| a == "delivery_retried"
                && who == "ops.mail"
                && *e == id.to_string()),
        "{log}"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_retries_a_waiting_delivery_sqlite() {
    the_operator_retries_a_waiting_delivery(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_retries_a_waiting_delivery_postgres() {
    the_operator_retries_a_waiting_delivery(Backend::Postgres).await;
}

/// The operator opens one partner: profile and sign-in name, where it stands, its
/// package, invoices and payments, and its newest activity; no other account is one.
async fn the_operator_opens_a_partner(s: &TestServer) {
    let (creds, _) = s.ready_partner("open@acme.rs").await;
    s.register("other@acme.rs").await;
    let (ok, run) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{run}");
    let db = db(s).await;
    let id = the_partner(&db, "open@acme.rs").await.account_id;
    let op = operator_token(s, "ops.open").await;
    let (status, detail) = s
        .get(&format!("/api/v1/operator/partners/{id}"), Some(&op))
        .await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["partner"]["account_id"], id);
    assert_eq!(detail["partner"]["email"], "open@acme.rs");
    assert_eq!(detail["partner"]["state"], "trial");
    assert_eq!(detail["username"], creds.username.as_str());
    assert_eq!(detail["billing"]["package"]["id"], 2);
    let invoices = detail["billing"]["invoices"].as_array().expect("invoices");
    assert_eq!(invoices.len(), 1, "the pass's invoice: {detail}");
    let activity = detail["activity"].as_array().expect("activity");
    assert!(
        activity.iter().any(|e| e["action"] == "invoice_issued"),
        "{detail}"
    );
    assert!(
        activity
            .iter()
            .all(|e| e["entity_id"] != "other@acme.rs" && e["after"]["email"] != "other@acme.rs"),
        "only this partner's activity: {detail}"
    );
    // Not partners: an operator's own account, and nobody.
    let ops = wpplay_server::db::entity::account::Entity::find()
        .all(&db)
        .await
        .expect("accounts")
        .into_iter()
        .find(|a| a.username == "ops.open")
        .expect("the operator")
        .id;
    for other in [ops, 987_654] {
        let (status, body) = s
            .get(&format!("/api/v1/operator/partners/{other}"), Some(&op))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{other}: {body}");
    }
    let (status, _) = s.get("/api/v1/operator/partners/x", Some(&op)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
on_both_backends!(the_operator_opens_a_partner);

/// One transfer paid two partners' invoices: the operator splits it, each part pays its
/// invoice and extends its partner; the parts must add up, each on another invoice. When
/// the bank returns the transfer, every part is taken back.
async fn the_operator_splits_a_payment_across_invoices(s: &TestServer) {
    use crate::billing::statement;
    s.register("one@split.rs").await;
    s.register("two@split.rs").await;
    let (ok, run) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{run}");
    let db = db(s).await;
    let invoices = invoice::Entity::find().all(&db).await.expect("invoices");
    assert_eq!(invoices.len(), 2, "{run}");
    let (one, two) = (invoices[0].clone(), invoices[1].clone());
    let amount = one.amount_minor;
    assert_eq!(two.amount_minor, amount);
    // The batch's ACME transfer carries both invoices' money and no reference.
    let mut both = one.clone();
    both.amount_minor = 2 * amount;
    both.reference = "za dva racuna".into();
    let file = statement(s, "camt053-v08-batch.xml", &both, 2 * amount + 3_000);
    let (ok, out) = operator(s, &["payments", "import", &file]);
    assert!(ok && out.contains("3 waiting for review"), "{out}");
    let op = operator_token(s, "ops.split").await;
    let (_, list) = s.get("/api/v1/operator/payments", Some(&op)).await;
    let acme = list
        .as_array()
        .expect("list")
        .iter()
        .find(|p| p["external_id"] == "tx:E2E-ACME-0311")
        .unwrap_or_else(|| panic!("ACME's transfer waits: {list}"))
        .clone();
    assert_eq!(acme["amount_minor"], 2 * amount);
    let id = acme["id"].as_i64().expect("id");
    let split = |parts: Value| {
        let op = op.clone();
        async move {
            s.post(
                &format!("/api/v1/operator/payments/{id}/resolve"),
                Some(&op),
                json!({"action": "split", "parts": parts, "note": "Two partners, one accountant"}),
            )
            .await
        }
    };
    let part = |inv: &str, minor: i64| json!({"invoice": inv, "amount_minor": minor});
    for (parts, status, code) in [
        (json!([part(&one.number, 2 * amount)]), 422, "invalid_field"),
        (
            json!([part(&one.number, amount), part(&one.number, amount)]),
            422,
            "invalid_field",
        ),
        (
            json!([part(&one.number, amount), part(&two.number, amount - 1)]),
            422,
            "invalid_field",
        ),
        (
            json!([part(&one.number, 2 * amount), part(&two.number, 0)]),
            422,
            "invalid_field",
        ),
        (
            json!([part(&one.number, amount), part("2026-999999", amount)]),
            404,
            "not_found",
        ),
        (json!(null), 422, "invalid_field"),
    ] {
        let (got, body) = split(parts.clone()).await;
        assert_eq!(
            (got.as_u16(), body["code"].as_str()),
            (status, Some(code)),
            "{parts}: {body}"
        );
    }
    let untouched = invoice::Entity::find_by_id(one.id)
        .one(&db)
        .await
        .expect("q")
        .expect("inv");
    assert_eq!(untouched.paid_minor, 0, "a refused split changes nothing");

    let (status, done) = split(json!([
        part(&one.number, amount),
        part(&two.number, amount)
    ]))
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["status"], "split");
    let note = done["note"].as_str().unwrap_or("");
    assert!(
        note.contains(&one.number) && note.contains(&two.number),
        "{note}"
    );
    let (status, again) = split(json!([
        part(&one.number, amount),
        part(&two.number, amount)
    ]))
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "once: {again}");
    for inv in [&one, &two] {
        let now = invoice::Entity::find_by_id(inv.id)
            .one(&db)
            .await
            .expect("q")
            .expect("inv");
        assert_eq!(now.paid_minor, amount, "invoice {} is paid", inv.number);
        let p = partner::Entity::find_by_id(inv.partner_id)
            .one(&db)
            .await
            .expect("q")
            .expect("partner");
        assert!(p.paid_through.is_some(), "partner {} runs on", p.email);
    }
    let (_, all) = s
        .get("/api/v1/operator/payments?status=all", Some(&op))
        .await;
    let parts: Vec<(String, String)> = all
        .as_array()
        .expect("all")
        .iter()
        .filter(|p| {
            p["external_id"]
                .as_str()
                .is_some_and(|e| e.starts_with("tx:E2E-ACME-0311#"))
        })
        .map(|p| {
            (
                p["status"].as_str().unwrap_or("").to_owned(),
                p["invoice_number"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(parts.len(), 2, "{all}");
    assert!(
        parts.iter().all(|(status, _)| status == "applied"),
        "{parts:?}"
    );
    let open_numbers = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("invoices")
            .iter()
            .map(|i| i["invoice"]["number"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let (status, open) = s
        .get("/api/v1/operator/invoices?status=open", Some(&op))
        .await;
    assert_eq!(status, StatusCode::OK, "{open}");
    assert!(open_numbers(&open).is_empty(), "both paid: {open}");
    let (_, every) = s.get("/api/v1/operator/invoices", Some(&op)).await;
    assert_eq!(open_numbers(&every).len(), 2, "{every}");
    assert!(
        every
            .as_array()
            .expect("invoices")
            .iter()
            .all(|i| i["company"].as_str().is_some_and(|c| !c.is_empty())
                && i["invoice"]["status"] == "paid"),
        "{every}"
    );
    for bad in ["status=paid", "limit=0", "limit=501", "before=x"] {
        let (status, _) = s
            .get(&format!("/api/v1/operator/invoices?{bad}"), Some(&op))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }

    // The bank returns the transfer: both parts are taken back.
    let back = statement(s, "camt053-v08-reversal.xml", &both, 0);
    let (ok, out) = operator(s, &["payments", "import", &back]);
    assert!(ok, "{out}");
    for inv in [&one, &two] {
        let now = invoice::Entity::find_by_id(inv.id)
            .one(&db)
            .await
            .expect("q")
            .expect("inv");
        assert_eq!(
            now.paid_minor, 0,
            "invoice {} is open again: {out}",
            inv.number
        );
        let p = partner::Entity::find_by_id(inv.partner_id)
            .one(&db)
            .await
            .expect("q")
            .expect("partner");
        assert_eq!(
            p.paid_through, None,
            "partner {} is back to its trial",
            p.email
        );
    }
    let (_, all) = s
        .get("/api/v1/operator/payments?status=all", Some(&op))
        .await;
    let reversed = all
        .as_array()
        .expect("all")
        .iter()
        .filter(|p| {
            p["external_id"]
                .as_str()
                .is_some_and(|e| e.starts_with("tx:E2E-ACME-0311"))
        })
        .all(|p| p["status"] == "reversed");
    assert!(reversed, "the transfer and both parts are reversed: {all}");
    let (_, open) = s
        .get("/api/v1/operator/invoices?status=open", Some(&op))
        .await;
    assert_eq!(open_numbers(&open).len(), 2, "both open again: {open}");
}
on_both_backends!(the_operator_splits_a_payment_across_invoices);

/// A partner chooses how news reaches it: reminders by SMS only, invoices in the app
/// only. The lifecycle's reminder goes out as an SMS and no e-mail, the invoice without
/// its e-mail; a partner with the defaults gets both e-mails. Reminders that could reach
/// the partner no way are refused; the choice is in the partner's feed.
async fn a_partner_chooses_how_news_reaches_it(s: &TestServer) {
    use crate::links::push;
    use wpplay_server::db::entity::message;
    let (_, token) = s.ready_partner("quiet@acme.rs").await;
    s.register("plain@acme.rs").await;
    let ways = |email: bool, sms: bool, in_app: bool| json!({"email": email, "sms": sms, "in_app": in_app});
    let choose = |reminders: Value, billing: Value| {
        json!({"type": "set_notification_preferences",
            "preferences": {"reminders": reminders, "billing": billing, "network": ways(true, false, true)}})
    };
    assert_eq!(
        push(
            s,
            &token,
            choose(ways(false, false, false), ways(true, false, true))
        )
        .await,
        ("rejected".to_owned(), "invalid_field".to_owned()),
        "reminders must reach the partner one way"
    );
    assert_eq!(
        push(
            s,
            &token,
            choose(ways(false, true, false), ways(false, false, true))
        )
        .await
        .0,
        "applied"
    );
    let (_, feed) = s
        .get("/api/v1/sync/pull?since=0&limit=1000", Some(&token))
        .await;
    let profile = feed["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .rev()
        .find(|c| c["entity"] == "profile")
        .expect("the profile")
        .clone();
    assert_eq!(
        profile["data"]["notifications"]["reminders"],
        ways(false, true, false),
        "{profile}"
    );

    let db = db(s).await;
    let last_before = message::Entity::find()
        .all(&db)
        .await
        .expect("messages")
        .iter()
        .map(|m| m.id)
        .max()
        .unwrap_or(0);
    let (ok, run) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok && run.contains("ends_in_7_days"), "{run}");
    let sent: Vec<message::Model> = message::Entity::find()
        .all(&db)
        .await
        .expect("messages")
        .into_iter()
        .filter(|m| m.id > last_before)
        .collect();
    let to = |who: &str, channel: &str| {
        sent.iter()
            .filter(|m| m.recipient.replace(' ', "").contains(who) && m.channel == channel)
            .count()
    };
    assert_eq!(to("quiet@acme.rs", "email"), 0, "no e-mail: {sent:?}");
    assert_eq!(
        to("+381641234567", "sms"),
        1,
        "the reminder by SMS: {sent:?}"
    );
    assert_eq!(
        to("plain@acme.rs", "email"),
        2,
        "the defaults: the reminder and the invoice by e-mail: {sent:?}"
    );
}
on_both_backends!(a_partner_chooses_how_news_reaches_it);

/// Money received another way (cash at the office) is registered by the operator in the
/// app: matched by its reference, the invoice is paid and the partner runs on; the same
/// id again changes nothing; every field is bounded; the audit log names the operator.
async fn the_operator_registers_a_payment_by_hand(s: &TestServer) {
    s.register("cash@acme.rs").await;
    let (ok, run) = operator(
        s,
        &["lifecycle", "run", "--at", "2026-03-08T08:00:00+01:00"],
    );
    assert!(ok, "{run}");
    let db = db(s).await;
    let inv = invoice::Entity::find()
        .one(&db)
        .await
        .expect("q")
        .expect("invoice");
    let op = operator_token(s, "ops.cash").await;
    let now = wpplay_domain::clock::Clock::now(&s.clock);
    let payment = json!({"id": "cash-0001", "reference": inv.reference, "amount_minor": inv.amount_minor,
        "currency": inv.currency, "received_at": now});
    let mut bad_cases = Vec::new();
    for (field, value) in [
        ("id", json!("")),
        ("id", json!("x".repeat(65))),
        ("reference", json!("two\nlines")),
        ("amount_minor", json!(0)),
        ("amount_minor", json!(-5)),
        ("currency", json!("euro")),
        ("received_at", json!(now + chrono::Duration::days(2))),
        ("received_at", json!(now - chrono::Duration::days(400))),
    ] {
        let mut bad = payment.clone();
        bad[field] = value;
        bad_cases.push((field, bad));
    }
    for (field, bad) in bad_cases {
        let (status, v) = s.post("/api/v1/operator/payments", Some(&op), bad).await;
        assert_eq!(
            (status, v["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{v}"
        );
    }
    let (status, done) = s
        .post("/api/v1/operator/payments", Some(&op), payment.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    assert_eq!(done["payment"]["status"], "applied", "{done}");
    assert_eq!(done["payment"]["invoice_number"], inv.number.as_str());
    assert_eq!(done["duplicate"], false);
    let (status, again) = s
        .post("/api/v1/operator/payments", Some(&op), payment)
        .await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["duplicate"], true);
    let p = partner::Entity::find_by_id(inv.partner_id)
        .one(&db)
        .await
        .expect("q")
        .expect("partner");
    assert!(p.paid_through.is_some(), "the package runs on");
    let (_, log) = s
        .get("/api/v1/audit?action=payment_recorded", Some(&op))
        .await;
    assert!(
        actions(&log)
            .iter()
            .any(|(a, who, id)| a == "payment_recorded" && who == "ops.cash" && id == "cash-0001"),
        "{log}"
    );
}
on_both_backends!(the_operator_registers_a_payment_by_hand);
