//! Benchmark: pushing queued dealer edits from a client replica to a server on loopback,
//! each next to a like-for-like baseline measured in the same run (the same row changes
//! written straight into the server's SQLite in one transaction).
//!
//!     cargo bench -p wpplay-desktop --bench dealer_push [-- EDITS CREATES]
//!
//! Creates are reported apart from plain edits and status changes: each create carries an
//! argon2id hash made on the client (a deliberate security cost, timed separately here).

use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement, TransactionTrait};
use std::time::{Duration, Instant};
use wpplay_desktop::replica::Replica;
use wpplay_wire::dealers::DealerState;
use wpplay_wire::sync::Mutation;

mod common;
use common::partner;

const DEALERS: usize = 100;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let edits = args.first().copied().unwrap_or(10_000);
    let creates = args.get(1).copied().unwrap_or(1_000);

    let dir = tempfile::tempdir()?;
    let server = common::BenchServer::start(dir.path()).await?;
    let (db_url, api) = (server.db_url.clone(), server.api.clone());
    let token = partner(&api, &dir.path().join("server/outbox")).await?;

    // One hash, measured, reused for every create: the push is what is timed.
    let t = Instant::now();
    let hash = argon2::Argon2::default()
        .hash_password(b"Bench-pass-2026", &SaltString::generate(&mut OsRng))
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .to_string();
    let hash_cost = t.elapsed();

    let replica = Replica::open(&dir.path().join("client.sqlite"))
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let now = chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(20_500);
    let ids: Vec<String> = (0..DEALERS)
        .map(|_| uuid::Uuid::new_v4().to_string())
        .collect();

    // Creates.
    let mut create_ids = ids.clone();
    create_ids.extend((DEALERS..creates.max(DEALERS)).map(|_| uuid::Uuid::new_v4().to_string()));
    for (i, id) in create_ids.iter().enumerate() {
        let m = Mutation::CreateDealer {
            dealer_id: id.clone(),
            display_name: format!("Dealer {i}"),
            contact_email: None,
            contact_phone: None,
            username: format!("bench.dealer.{i}"),
            password_hash: hash.clone(),
        };
        replica
            .enqueue(&m, "bench", now)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    const PUSH: &str = "/api/v1/sync/push";
    let server_before = server.seconds_in(PUSH).await?;
    let t = Instant::now();
    wpplay_desktop::sync::round(&api, &token, &replica, now)
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    let create_push = t.elapsed();
    let create_server = server.seconds_in(PUSH).await? - server_before;
    check_empty(&replica).await?;

    // Plain edits and status changes, spread over the first DEALERS dealers.
    let mut versions = vec![1_i64; DEALERS];
    for i in 0..edits {
        let d = i % DEALERS;
        let m = if i % 2 == 0 {
            Mutation::UpdateDealer {
                dealer_id: ids[d].clone(),
                base_version: versions[d],
                display_name: format!("Dealer {d} v{}", versions[d] + 1),
                contact_email: None,
                contact_phone: None,
            }
        } else {
            Mutation::SetDealerStatus {
                dealer_id: ids[d].clone(),
                base_version: versions[d],
                status: if versions[d] % 2 == 0 {
                    DealerState::Active
                } else {
                    DealerState::Inactive
                },
            }
        };
        versions[d] += 1;
        replica
            .enqueue(&m, "bench", now)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    let server_before = server.seconds_in(PUSH).await?;
    let t = Instant::now();
    wpplay_desktop::sync::round(&api, &token, &replica, now)
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.body()))?;
    let edit_push = t.elapsed();
    let edit_server = server.seconds_in(PUSH).await? - server_before;
    check_empty(&replica).await?;

    // Baselines: the same row changes straight into the server's SQLite, one transaction.
    let db = Database::connect(db_url.expose()).await?;
    let partner_id: i64 = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT id FROM accounts WHERE role = 'partner'",
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no partner"))?
        .try_get("", "id")?;
    let t = Instant::now();
    let txn = db.begin().await?;
    for i in 0..create_ids.len() {
        let sql = "INSERT INTO accounts (username, role, password_hash, must_change_password, feed_seq, created_at, updated_at) \
                   VALUES (?, 'dealer', ?, false, 0, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00')";
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            [format!("base.dealer.{i}").into(), hash.clone().into()],
        ))
        .await?;
        let sql = "INSERT INTO dealers (id, partner_id, account_id, display_name, status, version, created_at, updated_at) \
                   VALUES (?, ?, last_insert_rowid(), ?, 'active', 1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00')";
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            [
                uuid::Uuid::new_v4().to_string().into(),
                partner_id.into(),
                format!("Base {i}").into(),
            ],
        ))
        .await?;
    }
    txn.commit().await?;
    let create_base = t.elapsed();
    let t = Instant::now();
    let txn = db.begin().await?;
    for i in 0..edits {
        let sql = "UPDATE dealers SET display_name = ?, version = version + 1 WHERE id = ?";
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            [
                format!("Base edit {i}").into(),
                ids[i % DEALERS].clone().into(),
            ],
        ))
        .await?;
    }
    txn.commit().await?;
    let edit_base = t.elapsed();

    let rate = |n: usize, d: Duration| n as f64 / d.as_secs_f64();
    let profile = if cfg!(debug_assertions) {
        "debug build"
    } else {
        "release build"
    };
    println!(
        "dealer push benchmark ({profile}, SQLite, loopback, {} creates, {edits} edits)",
        create_ids.len()
    );
    println!(
        "  creates: push {:>9.0} ops/s   baseline {:>9.0} rows/s   ratio {:>6.1}x",
        rate(create_ids.len(), create_push),
        rate(create_ids.len(), create_base),
        create_push.as_secs_f64() / create_base.as_secs_f64()
    );
    println!(
        "  edits:   push {:>9.0} ops/s   baseline {:>9.0} rows/s   ratio {:>6.1}x",
        rate(edits, edit_push),
        rate(edits, edit_base),
        edit_push.as_secs_f64() / edit_base.as_secs_f64()
    );
    let share = |server: f64, total: Duration| 100.0 * server / total.as_secs_f64();
    println!(
        "  of the push time, the server answering /api/v1/sync/push: creates {:.0} %, edits {:.0} % (the rest: the client reading its outbox, settling the answers, pulling, and HTTP)",
        share(create_server, create_push),
        share(edit_server, edit_push)
    );
    println!(
        "  client-side argon2id hash per created dealer: {:.1} ms",
        hash_cost.as_secs_f64() * 1000.0
    );
    server.stop().await?;
    Ok(())
}

async fn check_empty(replica: &Replica) -> anyhow::Result<()> {
    let left = replica
        .pending_count()
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let refused = replica
        .rejected()
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    anyhow::ensure!(
        left == 0 && refused.is_empty(),
        "{left} edits left, {} refused: {:?}",
        refused.len(),
        refused.first()
    );
    Ok(())
}
