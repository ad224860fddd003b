//! Package limits (issue "Hardening" §3): a package's subscriber lines and streams are
//! a ceiling the server holds, a package the data does not fit is refused with the
//! counts, and dealers are unlimited on every package.

use crate::harness::TestServer;
use crate::links::push;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use wpplay_domain::clock::Clock;
use wpplay_domain::package::PackageSpec;

fn line(n: u32) -> Value {
    json!({"type": "create_subscriber", "subscriber_id": format!("00000000-0000-4000-8000-00000000000{n}"),
           "dealer_id": null, "name": format!("Line {n}"), "line_username": format!("line{n}"),
           "mac": format!("00:1a:2b:3c:4d:0{n}"), "expires_at": "2026-03-20T00:00:00Z"})
}

fn stream(n: u32) -> Value {
    json!({"type": "add_stream", "stream_id": format!("00000000-0000-4000-8000-0000000005e{n}"),
           "name": format!("Channel {n}"), "category": "News", "stream_url": format!("https://cdn.example/{n}.m3u8")})
}

/// Pushes one mutation from device `client`, answering the whole response.
async fn push_from(
    s: &TestServer,
    token: &str,
    client: &str,
    mutation: Value,
) -> (StatusCode, Value) {
    let body = json!({"client_id": client, "schema_version": wpplay_domain::sync::SCHEMA_VERSION,
                      "mutations": [{"mutation_id": 1, "mutation": mutation}]});
    s.post("/api/v1/sync/push", Some(token), body).await
}

/// Adds a package the way the operator does, answering its id.
async fn package(s: &TestServer, code: &str, price: i64, lines: i32, streams: i32) -> i64 {
    let db = crate::billing::db(s).await;
    let spec = PackageSpec {
        code: code.into(),
        name: code.to_uppercase(),
        monthly_price_minor: price,
        currency: "EUR".into(),
        max_subscribers: lines,
        max_streams: streams,
        features: vec!["Unlimited dealers".into()],
    };
    wpplay_server::catalog::insert(&db, spec, s.clock.now())
        .await
        .expect("package added")
        .id
}

async fn package_limits_hold(s: &TestServer) {
    let tiny = package(s, "tiny", 900, 2, 1).await;
    let micro = package(s, "micro", 500, 1, 1).await;
    let (_, token) = s.ready_partner_on("limits@acme.rs", tiny).await;

    for n in 1..=2 {
        assert_eq!(
            push(s, &token, line(n)).await,
            ("applied".into(), String::new()),
            "line {n}"
        );
    }
    // The third line is over the package.
    let (status, v) = push_from(s, &token, "limits-client", line(3)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let outcome = &v["results"][0];
    assert_eq!(outcome["status"], "rejected", "{v}");
    assert_eq!(outcome["code"], "package_limit_reached", "{v}");
    assert!(
        outcome["message"]
            .as_str()
            .is_some_and(|m| m.contains("TINY package allows 2 subscriber lines; you have 2")),
        "the refusal names the limit: {v}"
    );
    assert_eq!(
        push(s, &token, stream(1)).await,
        ("applied".into(), String::new())
    );
    assert_eq!(
        push(s, &token, stream(2)).await,
        ("rejected".into(), "package_limit_reached".into()),
        "streams are limited too"
    );

    // Dealers are unlimited on every package: more dealers than the package has lines.
    for n in 0..3 {
        let id = format!("00000000-0000-4000-8000-0000000de{n:03}");
        let (outcome, code) = push(
            s,
            &token,
            json!({"type": "create_dealer", "dealer_id": id, "display_name": format!("Dealer {n}"),
                   "contact_email": null, "contact_phone": null, "username": format!("limitsdealer{n}"),
                   "password_hash": crate::dealers::hash("Dealer-pass-42")}),
        )
        .await;
        assert_eq!(
            (outcome.as_str(), code.as_str()),
            ("applied", ""),
            "dealer {n}"
        );
    }

    // A smaller package the data does not fit is refused with the counts.
    let (status, v) = s
        .post(
            "/api/v1/billing/package",
            Some(&token),
            json!({"package_id": micro}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["code"], "package_too_small", "{v}");
    assert!(
        v["message"].as_str().is_some_and(
            |m| m.contains("2 subscriber lines (it allows 1)") && !m.contains("stream")
        ),
        "names what is over, and only that: {v}"
    );
    // Once a line is removed, it fits.
    assert_eq!(
        push(
            s,
            &token,
            json!({"type": "remove_subscriber", "subscriber_id": "00000000-0000-4000-8000-000000000002", "base_version": 1}),
        )
        .await,
        ("applied".into(), String::new())
    );
    let (status, v) = s
        .post(
            "/api/v1/billing/package",
            Some(&token),
            json!({"package_id": micro}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(
        push(s, &token, line(4)).await,
        ("rejected".into(), "package_limit_reached".into()),
        "the new package's limit holds at once"
    );
}
crate::on_both_backends!(package_limits_hold);

/// Two devices adding the last free line at the same moment: one of them gets it.
async fn the_last_line_goes_once(s: &TestServer) {
    let one = package(s, "single", 300, 1, 1).await;
    let (_, token) = s.ready_partner_on("race-limit@acme.rs", one).await;
    let (a, b) = tokio::join!(
        push_from(s, &token, "device-a", line(1)),
        push_from(s, &token, "device-b", line(2))
    );
    let mut outcomes: Vec<String> = [a, b]
        .iter()
        .map(|(status, v)| {
            assert_eq!(*status, StatusCode::OK, "{v}");
            format!("{}:{}", v["results"][0]["status"], v["results"][0]["code"])
        })
        .collect();
    outcomes.sort();
    assert_eq!(
        outcomes,
        ["\"applied\":null", "\"rejected\":\"package_limit_reached\""],
        "exactly one line fits"
    );
}
crate::on_both_backends!(the_last_line_goes_once);

/// The seed promises partners unlimited dealers: no package says otherwise, in a new
/// catalog or in one seeded before the text was corrected.
async fn every_package_offers_unlimited_dealers(s: &TestServer) {
    let (status, packages) = s.get("/api/v1/packages", None).await;
    assert_eq!(status, StatusCode::OK);
    let packages = packages.as_array().expect("a list");
    assert_eq!(packages.len(), 3, "{packages:?}");
    for p in packages {
        let features = p["features"].as_array().expect("features");
        assert!(
            features.iter().any(|f| f == "Unlimited dealers")
                && !features
                    .iter()
                    .any(|f| f.as_str().is_some_and(|f| f.contains("Up to"))),
            "{p}"
        );
    }
}
crate::on_both_backends!(every_package_offers_unlimited_dealers);

#[tokio::test]
async fn a_catalog_seeded_before_is_corrected() {
    use wpplay_migrations::{MigratorTrait, ServerMigrator};
    let db = Database::connect("sqlite::memory:").await.expect("sqlite");
    // The schema as the first releases shipped it (up to the desktop releases table).
    ServerMigrator::up(&db, Some(9)).await.expect("old schema");
    db.execute_unprepared(
        "INSERT INTO packages (code, name, monthly_price_minor, currency, max_subscribers, max_streams, features, active, created_at) \
         VALUES ('starter', 'Starter', 2900, 'EUR', 100, 200, '[\"Up to 5 dealers\",\"Reseller network\",\"E-mail support\"]', true, '2026-11-26T00:00:00Z')",
    )
    .await
    .expect("an old catalog row");
    ServerMigrator::up(&db, None).await.expect("the rest");
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT features FROM packages WHERE code = 'starter'",
        ))
        .await
        .expect("query")
        .expect("the row");
    let features: String = row.try_get("", "features").expect("features");
    assert_eq!(
        features,
        r#"["Unlimited dealers","Reseller network","E-mail support"]"#
    );
}
