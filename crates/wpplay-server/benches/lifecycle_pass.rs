//! Benchmark: the lifecycle pass over 100,000 partners on SQLite, next to a baseline
//! measured in the same run: one plain SQL scan selecting the same candidate partners
//! (those whose trial or period ends within the reminder window, or ended already).
//!
//!     cargo bench -p wpplay-server --bench lifecycle_pass [-- PARTNERS]
//!
//! Three passes are timed: the first (catching up on every event due since the partners
//! registered: reminders, invoices, locks, purges, each written with its messages), a dry
//! run (scan and plan only, like for like with the baseline), and a steady pass a minute
//! later (nothing new is due: what the scheduler pays every few minutes).

use chrono::{Duration, TimeZone, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, Set, Statement, TransactionTrait};
use std::time::Instant;
use wpplay_server::billing::lifecycle::run_pass;
use wpplay_server::db::entity::{account, partner};

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
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    println!("seeded {n} partners in {:.1} s", t.elapsed().as_secs_f64());

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

    let t = Instant::now();
    let dry = run_pass(&db, tz, now, true).await?;
    let dry_time = t.elapsed();
    let t = Instant::now();
    let first = run_pass(&db, tz, now, false).await?;
    let first_time = t.elapsed();
    let later = now + Duration::minutes(1);
    let t = Instant::now();
    let steady = run_pass(&db, tz, later, false).await?;
    let steady_time = t.elapsed();
    let (b2, _) = baseline().await?;
    let base = b1.min(b2);

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "baseline: plain SQL scan of the {candidates} candidate partners: {:.1} ms",
        ms(base)
    );
    println!(
        "dry-run pass (scan + plan, {} events found): {:.1} ms — {:.1}x the baseline",
        dry.done.len(),
        ms(dry_time),
        ms(dry_time) / ms(base)
    );
    println!(
        "first pass (writes {} events for {} partners): {:.1} s, {:.0} events/s",
        first.done.len(),
        first
            .done
            .iter()
            .map(|d| d.partner_id)
            .collect::<std::collections::HashSet<_>>()
            .len(),
        first_time.as_secs_f64(),
        first.done.len() as f64 / first_time.as_secs_f64()
    );
    println!(
        "steady pass a minute later ({} events): {:.1} ms — {:.1}x the baseline",
        steady.done.len(),
        ms(steady_time),
        ms(steady_time) / ms(base)
    );
    db.close().await.ok();
    Ok(())
}
