//! Benchmark: the lifecycle pass over 100,000 partners on SQLite, next to a baseline
//! measured in the same run: one plain SQL scan selecting the partners with something
//! due (`next_event_at` unknown or past, by its index), whole rows.
//!
//!     cargo bench -p wpplay-server --bench lifecycle_pass [-- PARTNERS]
//!
//! The scheduler is taken to have been running: every event due until ten minutes ago is
//! recorded already and each partner's `next_event_at` filled in (bulk-inserted, as the
//! passes would have left them). Then timed: a dry run (scan and plan only), the real
//! pass, which handles the events that fell due in the last ten minutes, and a steady
//! pass a minute later. Then the same partners after the scheduler was down for a day:
//! the backlog pass, written in batches of partners per transaction.

use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, Statement, TransactionTrait,
};
use std::collections::HashSet;
use std::time::Instant;
use wpplay_domain::billing::EventKind;
use wpplay_server::billing::lifecycle::run_pass;
use wpplay_server::db::entity::{account, lifecycle_event, partner};

/// A database of `n` partners registered evenly over the 60 days before `now`, with every
/// event due until `before` recorded and each partner's next event time kept.
async fn seed(
    dir: &std::path::Path,
    n: usize,
    now: DateTime<Utc>,
    before: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> anyhow::Result<(DatabaseConnection, usize, u64)> {
    let mut settings = wpplay_server::Settings::load(None, |_| None)?;
    settings.data_dir = dir.to_owned();
    let db = wpplay_server::db::connect(&settings.database_url(), now).await?;
    let at = |i: usize| {
        now - Duration::seconds(
            i64::try_from(i).unwrap_or(0) * 60 * 86_400 / i64::try_from(n).unwrap_or(1),
        )
    };
    let txn = db.begin().await?;
    let mut recorded = 0;
    for chunk in (0..n).collect::<Vec<_>>().chunks(1_000) {
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
        let mut partners = Vec::with_capacity(chunk.len());
        let mut events = Vec::new();
        for &i in chunk {
            let mut p = partner::Model {
                account_id: i64::try_from(i).unwrap_or(0) + 1,
                package_id: 2,
                company: format!("Bench {i:06}"),
                contact_person: "Bench".to_owned(),
                email: format!("bench{i:06}@bench.rs"),
                phone: "+381641234567".to_owned(),
                country: "RS".to_owned(),
                credential_channel: "email".to_owned(),
                offers_reseller_services: true,
                registered_at: at(i),
                trial_ends_at: at(i) + Duration::days(14),
                paid_through: None,
                version: 1,
                anchor_day: None,
                pending_package_id: None,
                dealers_need_second_factor: false,
                notification_preferences: None,
                next_event_at: None,
            };
            // What the passes until `before` recorded, and the next event they left. A
            // partner whose purge came is gone, with its records.
            let f = wpplay_server::billing::facts(&p, tz);
            let done = wpplay_domain::billing::plan(&f, tz, before, &HashSet::new());
            if done.iter().any(|a| a.event.kind == EventKind::Purge) {
                continue;
            }
            let mut seen = HashSet::new();
            for a in done {
                seen.insert((a.event.kind, a.event.key));
                events.push(lifecycle_event::ActiveModel {
                    partner_id: Set(p.account_id),
                    kind: Set(a.event.kind.as_str().to_owned()),
                    key_at: Set(a.event.key),
                    sent: Set(a.send),
                    at: Set(a.event.due_at),
                });
            }
            p.next_event_at = wpplay_domain::billing::next_due(&f, tz, &seen);
            partners.push(p);
        }
        if partners.is_empty() {
            continue;
        }
        partner::Entity::insert_many(partners.into_iter().map(|p| partner::ActiveModel {
            account_id: Set(p.account_id),
            package_id: Set(p.package_id),
            company: Set(p.company),
            contact_person: Set(p.contact_person),
            email: Set(p.email),
            phone: Set(p.phone),
            country: Set(p.country),
            credential_channel: Set(p.credential_channel),
            offers_reseller_services: Set(p.offers_reseller_services),
            registered_at: Set(p.registered_at),
            trial_ends_at: Set(p.trial_ends_at),
            paid_through: Set(p.paid_through),
            version: Set(p.version),
            anchor_day: Set(p.anchor_day),
            pending_package_id: Set(p.pending_package_id),
            dealers_need_second_factor: Set(p.dealers_need_second_factor),
            notification_preferences: Set(p.notification_preferences),
            next_event_at: Set(p.next_event_at),
        }))
        .exec_without_returning(&txn)
        .await?;
        recorded += events.len();
        for events in events.chunks(2_000) {
            lifecycle_event::Entity::insert_many(events.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
    }
    txn.commit().await?;
    let partners = partner::Entity::find().count(&db).await?;
    Ok((db, recorded, partners))
}

/// The baseline: one plain scan selecting the due partners' rows; the fastest of five.
async fn scan(db: &DatabaseConnection, at: DateTime<Utc>) -> anyhow::Result<(f64, usize)> {
    let mut best = f64::MAX;
    let mut rows = 0;
    for _ in 0..5 {
        let t = Instant::now();
        rows = db
            .query_all_raw(Statement::from_sql_and_values(
                db.get_database_backend(),
                "SELECT * FROM partners WHERE next_event_at IS NULL OR next_event_at <= $1",
                [at.into()],
            ))
            .await?
            .len();
        best = best.min(ms(t.elapsed()));
    }
    Ok((best, rows))
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    // The first number among the arguments (the program's path is never one).
    let n: usize = std::env::args()
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let tz = chrono_tz::Europe::Belgrade;
    let now = Utc
        .with_ymd_and_hms(2026, 6, 1, 7, 30, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir()?;
    let t = Instant::now();
    let (db, recorded, partners) = seed(
        &dir.path().join("steady"),
        n,
        now,
        now - Duration::minutes(10),
        tz,
    )
    .await?;
    println!(
        "seeded {partners} partners ({n} registered over 60 days, the rest purged) and {recorded} past events in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let (base, due) = scan(&db, now).await?;
    println!("baseline: one plain SQL scan selecting the {due} due partners: {base:.2} ms");
    // A dry run writes nothing, so it is timed like the baseline: the fastest of five.
    let mut dry_time = f64::MAX;
    let mut dry = None;
    for _ in 0..5 {
        let t = Instant::now();
        dry = Some(run_pass(&db, tz, now, true).await?);
        dry_time = dry_time.min(ms(t.elapsed()));
    }
    let dry = dry.ok_or_else(|| anyhow::anyhow!("no dry run"))?;
    println!(
        "dry-run pass over {n} partners (scan + plan, {} looked at, {} events due; the fastest of five): {dry_time:.2} ms = {:.1}x the baseline",
        dry.partners,
        dry.done.len(),
        dry_time / base
    );
    let t = Instant::now();
    let real = run_pass(&db, tz, now, false).await?;
    let real_time = ms(t.elapsed());
    println!(
        "pass over {n} partners writing {} events: {real_time:.1} ms = {:.1}x the baseline",
        real.done.len(),
        real_time / base
    );
    let later = now + Duration::minutes(1);
    let (steady_base, steady_due) = scan(&db, later).await?;
    let t = Instant::now();
    let steady = run_pass(&db, tz, later, false).await?;
    let steady_time = ms(t.elapsed());
    println!(
        "steady pass a minute later ({} looked at, {} events): {steady_time:.2} ms = {:.1}x its baseline ({steady_base:.2} ms, {steady_due} due)",
        steady.partners,
        steady.done.len(),
        steady_time / steady_base
    );
    let left = partner::Entity::find()
        .filter(partner::Column::NextEventAt.lte(later))
        .all(&db)
        .await?
        .len();
    anyhow::ensure!(left == 0, "{left} partners still due after the passes");
    db.close().await.ok();

    // The scheduler was down for a day: everything of the last day is due at once.
    let (db, _, _) = seed(
        &dir.path().join("backlog"),
        n,
        now,
        now - Duration::days(1),
        tz,
    )
    .await?;
    let (base, due) = scan(&db, now).await?;
    let t = Instant::now();
    let backlog = run_pass(&db, tz, now, false).await?;
    let backlog_time = t.elapsed();
    println!(
        "backlog pass after a day down: {} events of {due} partners in {:.0} ms ({:.0} events/s) = {:.0}x the scan of them ({base:.2} ms)",
        backlog.done.len(),
        ms(backlog_time),
        backlog.done.len() as f64 / backlog_time.as_secs_f64(),
        ms(backlog_time) / base
    );
    db.close().await.ok();
    Ok(())
}
