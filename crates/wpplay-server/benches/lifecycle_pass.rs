//! Benchmark: the lifecycle pass over 100,000 partners on SQLite, next to a baseline
//! measured in the same run: one plain SQL scan selecting the same candidate partners
//! (those whose trial or period ends within the reminder window, or ended already).
//!
//!     cargo bench -p wpplay-server --bench lifecycle_pass [-- PARTNERS]
//!
//! The scheduler is taken to have been running: every event due until ten minutes ago is
//! recorded already (bulk-inserted, as the passes would have left them). Then timed: a dry
//! run (scan and plan only, like for like with the baseline) and the real pass, which
//! handles the events that fell due in the last ten minutes (each written with its
//! messages in its own transaction), and a steady pass a minute later.

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, Set, Statement, TransactionTrait};
use std::time::Instant;
use wpplay_server::billing::lifecycle::run_pass;
use wpplay_server::db::entity::{account, lifecycle_event, partner};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let tz = chrono_tz::Europe::Belgrade;
    let now = Utc
        .with_ymd_and_hms(2026, 6, 1, 7, 30, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir()?;
    let mut settings = wpplay_server::Settings::load(None, |_| None)?;
    settings.data_dir = dir.path().to_owned();
    let db = wpplay_server::db::connect(&settings.database_url(), now).await?;

    // Partners registered evenly over the last 60 days: some in their trial, some about
    // to end, some locked, some due for the purge.
    let t = Instant::now();
    let txn = db.begin().await?;
    for chunk in (0..n).collect::<Vec<_>>().chunks(1_000) {
        let at = |i: usize| {
            now - Duration::seconds(
                i64::try_from(i).unwrap_or(0) * 60 * 86_400 / i64::try_from(n).unwrap_or(1),
            )
        };
        account::Entity::insert_many(chunk.iter().map(|&i| account::ActiveModel {
            id: Set(i64::try_from(i).unwrap_or(0) + 1),
            username: Set(format!("bench{i:06}")),
            role: Set("partner".to_owned()),
            password_hash: Set("x".to_owned()),
            must_change_password: Set(false),
            feed_seq: Set(0),
            language: Set("en".to_owned()),
            totp_secret: Set(None),
            totp_pending_secret: Set(None),
            totp_enabled_at: Set(None),
            totp_last_step: Set(None),
            created_at: Set(at(i)),
            updated_at: Set(at(i)),
        }))
        .exec_without_returning(&txn)
        .await?;
        partner::Entity::insert_many(chunk.iter().map(|&i| partner::ActiveModel {
            account_id: Set(i64::try_from(i).unwrap_or(0) + 1),
            package_id: Set(2),
            company: Set(format!("Bench {i:06}")),
            contact_person: Set("Bench".to_owned()),
            email: Set(format!("bench{i:06}@bench.rs")),
            phone: Set("+381641234567".to_owned()),
            country: Set("RS".to_owned()),
            credential_channel: Set("email".to_owned()),
            offers_reseller_services: Set(true),
            registered_at: Set(at(i)),
            trial_ends_at: Set(at(i) + Duration::days(14)),
            paid_through: Set(None),
            version: Set(1),
            anchor_day: Set(None),
            pending_package_id: Set(None),
            dealers_need_second_factor: Set(false),
            notification_preferences: Set(None),
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    // Everything due until ten minutes ago happened already.
    let before = now - Duration::minutes(10);
    let txn = db.begin().await?;
    let partners = partner::Entity::find().all(&txn).await?;
    let mut rows = Vec::new();
    for p in &partners {
        let f = wpplay_server::billing::facts(p, tz);
        for a in wpplay_domain::billing::plan(&f, tz, before, &std::collections::HashSet::new()) {
            rows.push(lifecycle_event::ActiveModel {
                partner_id: Set(p.account_id),
                kind: Set(a.event.kind.as_str().to_owned()),
                key_at: Set(a.event.key),
                sent: Set(a.send),
                at: Set(a.event.due_at),
            });
        }
    }
    let recorded = rows.len();
    for chunk in rows.chunks(2_000) {
        lifecycle_event::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    println!(
        "seeded {n} partners and {recorded} past events in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    // The baseline: one plain scan selecting the candidates of a pass.
    let window_end = now + Duration::days(8);
    let baseline = || async {
        let t = Instant::now();
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                db.get_database_backend(),
                "SELECT account_id, trial_ends_at, paid_through FROM partners \
                 WHERE COALESCE(paid_through, trial_ends_at) <= $1",
                [window_end.into()],
            ))
            .await?;
        anyhow::Ok((t.elapsed(), rows.len()))
    };
    let (b1, candidates) = baseline().await?;
    let (b2, _) = baseline().await?;
    let base = b1.min(b2);
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "baseline: one plain SQL scan selecting the {candidates} candidate partners: {:.1} ms",
        ms(base)
    );
    let t = Instant::now();
    let dry = run_pass(&db, tz, now, true).await?;
    let dry_time = t.elapsed();
    println!(
        "dry-run pass over {n} partners (scan + plan, {} events due): {:.1} ms = {:.1}x the baseline",
        dry.done.len(),
        ms(dry_time),
        ms(dry_time) / ms(base)
    );
    let t = Instant::now();
    let real = run_pass(&db, tz, now, false).await?;
    let real_time = t.elapsed();
    println!(
        "pass over {n} partners writing {} events: {:.1} ms = {:.1}x the baseline",
        real.done.len(),
        ms(real_time),
        ms(real_time) / ms(base)
    );
    let t = Instant::now();
    let steady = run_pass(&db, tz, now + Duration::minutes(1), false).await?;
    let steady_time = t.elapsed();
    println!(
        "steady pass a minute later ({} events): {:.1} ms = {:.1}x the baseline",
        steady.done.len(),
        ms(steady_time),
        ms(steady_time) / ms(base)
    );
    db.close().await.ok();
    Ok(())
}
