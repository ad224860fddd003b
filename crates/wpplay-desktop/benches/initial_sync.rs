//! Benchmark: the first sync of a big partner (1,000 dealers, 100,000 subscribers) into an
//! empty client replica over loopback, next to a baseline measured in the same run: the
//! same rows bulk-inserted into an empty local SQLite file in one transaction.
//!
//!     cargo bench -p wpplay-desktop --bench initial_sync [-- DEALERS SUBSCRIBERS]
//!
//! The partner's change feed is filled directly in the server's database with the
//! entities the server would have written (the pull reads only the feed), so the setup
//! takes seconds instead of 101,000 pushes.

use sea_orm::{ConnectionTrait, Database, DbBackend, Statement, TransactionTrait};
use std::time::Instant;
use wpplay_desktop::replica::Replica;
use wpplay_wire::dealers::{Dealer, DealerState, LineStatus, Subscriber};
use wpplay_wire::sync::Entity;

mod common;
use common::partner;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let dealers = args.first().copied().unwrap_or(1_000);
    let subscribers = args.get(1).copied().unwrap_or(100_000);

    let dir = tempfile::tempdir()?;
    let server = common::BenchServer::start(dir.path()).await?;
    let (db_url, api) = (server.db_url.clone(), server.api.clone());
    let token = partner(&api, &dir.path().join("server/outbox")).await?;

    // The entities, as the server writes them to the feed.
    let expires = chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(21_000);
    let dealer_ids: Vec<String> = (0..dealers)
        .map(|_| uuid::Uuid::new_v4().to_string())
        .collect();
    let mut rows: Vec<(&'static str, String, String)> = Vec::with_capacity(dealers + subscribers);
    for (i, id) in dealer_ids.iter().enumerate() {
        let e = Entity::Dealer(Dealer {
            id: id.clone(),
            display_name: format!("Dealer {i}"),
            contact_email: Some(format!("dealer{i}@example.rs")),
            contact_phone: None,
            username: format!("bench.dealer.{i}"),
            status: DealerState::Active,
            version: 1,
        });
        rows.push(("dealer", id.clone(), serde_json::to_string(&e)?));
    }
    for i in 0..subscribers {
        let id = uuid::Uuid::new_v4().to_string();
        let e = Entity::Subscriber(Subscriber {
            id: id.clone(),
            dealer_id: Some(dealer_ids[i % dealers.max(1)].clone()),
            name: format!("Subscriber {i}"),
            line_username: format!("line{i}"),
            mac: format!(
                "02:00:{:02X}:{:02X}:{:02X}:{:02X}",
                (i >> 24) & 0xFF,
                (i >> 16) & 0xFF,
                (i >> 8) & 0xFF,
                i & 0xFF
            ),
            expires_at: expires,
            status: LineStatus::Active,
            version: 1,
        });
        rows.push(("subscriber", id, serde_json::to_string(&e)?));
    }
    let db = Database::connect(db_url.expose()).await?;
    let (partner_id, head): (i64, i64) = {
        let row = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT id, feed_seq FROM accounts WHERE role = 'partner'",
            ))
            .await?
            .ok_or_else(|| anyhow::anyhow!("no partner"))?;
        (row.try_get("", "id")?, row.try_get("", "feed_seq")?)
    };
    let txn = db.begin().await?;
    for (n, (kind, id, payload)) in rows.iter().enumerate() {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO change_feed (account_id, seq, entity, entity_id, payload, created_at) \
             VALUES (?, ?, ?, ?, ?, '2026-11-27 00:00:00+00:00')",
            [
                partner_id.into(),
                (head + 1 + n as i64).into(),
                (*kind).into(),
                id.clone().into(),
                payload.clone().into(),
            ],
        ))
        .await?;
    }
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "UPDATE accounts SET feed_seq = ? WHERE id = ?",
        [(head + rows.len() as i64).into(), partner_id.into()],
    ))
    .await?;
    txn.commit().await?;
    let total = head as usize + rows.len();

    // The first sync into an empty replica.
    let replica = Replica::open(&dir.path().join("client.sqlite"))
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let now = chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(20_600);
    const PULL: &str = "/api/v1/sync/pull";
    let server_before = server.seconds_in(PULL).await?;
    let t = Instant::now();
    let round = wpplay_desktop::sync::round(&api, &token, &replica, now)
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    let sync = t.elapsed();
    let server_share = (server.seconds_in(PULL).await? - server_before) / sync.as_secs_f64();
    anyhow::ensure!(
        round.pulled == total,
        "pulled {} of {total} changes",
        round.pulled
    );
    let held = replica
        .subscribers()
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?
        .len()
        + replica
            .dealers()
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?
            .len();
    anyhow::ensure!(
        held == rows.len(),
        "the replica holds {held} of {} rows",
        rows.len()
    );

    // Baseline: the same rows into an empty SQLite file, one transaction, plain inserts.
    let base_path = dir.path().join("baseline.sqlite");
    let base = Database::connect(format!("sqlite://{}?mode=rwc", base_path.display())).await?;
    base.execute_unprepared(
        "PRAGMA journal_mode=WAL; CREATE TABLE rows (entity TEXT NOT NULL, entity_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (entity, entity_id))",
    )
    .await?;
    let t = Instant::now();
    let txn = base.begin().await?;
    // Multi-row inserts, 200 rows a statement: about as fast as plain SQL gets.
    for chunk in rows.chunks(200) {
        let sql = format!(
            "INSERT INTO rows (entity, entity_id, data) VALUES {}",
            vec!["(?, ?, ?)"; chunk.len()].join(", ")
        );
        let values: Vec<sea_orm::Value> = chunk
            .iter()
            .flat_map(|(kind, id, payload)| {
                [(*kind).into(), id.clone().into(), payload.clone().into()]
            })
            .collect();
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            values,
        ))
        .await?;
    }
    txn.commit().await?;
    let baseline = t.elapsed();

    let profile = if cfg!(debug_assertions) {
        "debug build"
    } else {
        "release build"
    };
    let rate = |n: usize, d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!(
        "initial sync benchmark ({profile}, SQLite server and replica, loopback, {dealers} dealers + {subscribers} subscribers, {total} feed changes, pages of {})",
        wpplay_desktop::sync::PULL_PAGE
    );
    println!(
        "  first sync: {:>7.2} s  {:>8.0} rows/s   (replica holds {held} dealers and subscribers)",
        sync.as_secs_f64(),
        rate(total, sync)
    );
    println!(
        "  baseline:   {:>7.2} s  {:>8.0} rows/s   (the same rows bulk-inserted into an empty SQLite file, 200 a statement, one transaction)",
        baseline.as_secs_f64(),
        rate(rows.len(), baseline)
    );
    println!(
        "  ratio:      {:>7.1}x",
        sync.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  of the sync time, the server answering {PULL}: {:.0} % (the rest: HTTP, the client reading the pages and writing its replica)",
        100.0 * server_share
    );
    server.stop().await?;
    Ok(())
}
