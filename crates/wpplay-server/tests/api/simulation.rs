//! Time travel: 1,000 partners over 120 simulated days (31 January, 29 February 2028 and
//! the spring DST change in Belgrade included), with payments on time, late, partial and
//! never, package changes and scheduler outages, on SQLite and PostgreSQL. After every
//! simulated day the invariants are checked. Seeded: a failure prints the seed to replay
//! with `WPPLAY_SIM_SEED=<seed>`.

use crate::harness::{Backend, TestServer};
use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_server::billing::lifecycle::run_pass;
use wpplay_server::billing::payments::{self, Incoming, Source};
use wpplay_server::billing::{change_package, facts};
use wpplay_server::db::entity::{account, audit, invoice, lifecycle_event, message, partner};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Belgrade;
const PARTNERS: usize = 1_000;
const DAYS: i64 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    /// Pays each invoice 1-5 days after it is issued: never locked.
    OnTime,
    /// Pays 1-25 days after being locked: locked for a while, never purged.
    Late,
    /// Pays half at once, the rest 1-10 days later.
    Partial,
    /// Never pays: locked at the trial end, purged 30 days later.
    Never,
    /// On time, and chooses another package now and then.
    Changer,
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2028, 1, 10, 0, 0, 0)
        .single()
        .expect("start")
}

async fn seed_partners(db: &DatabaseConnection, rng: &mut StdRng) -> BTreeMap<i64, Habit> {
    let mut habits = BTreeMap::new();
    let txn = db.begin().await.expect("txn");
    for i in 0..PARTNERS {
        // Registered at a random time in the first 60 days.
        let registered = start() + Duration::minutes(rng.gen_range(0..60 * 24 * 60));
        let acct = account::ActiveModel {
            username: Set(format!("sim{i:04}")),
            role: Set("partner".to_owned()),
            password_hash: Set("not-a-login".to_owned()),
            must_change_password: Set(false),
            feed_seq: Set(0),
            created_at: Set(registered),
            updated_at: Set(registered),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .expect("account");
        let facts = LifecycleFacts::new_trial(registered);
        partner::ActiveModel {
            account_id: Set(acct.id),
            package_id: Set(rng.gen_range(1..=2)),
            company: Set(format!("Sim {i:04} d.o.o.")),
            contact_person: Set("Sim".to_owned()),
            email: Set(format!("sim{i:04}@sim.rs")),
            phone: Set(format!("+3816{i:07}")),
            country: Set(if i % 5 == 0 { "DE" } else { "RS" }.to_owned()),
            credential_channel: Set(if i % 7 == 0 { "sms" } else { "email" }.to_owned()),
            offers_reseller_services: Set(true),
            registered_at: Set(registered),
            trial_ends_at: Set(facts.trial_ends_at),
            paid_through: Set(None),
            version: Set(1),
            anchor_day: Set(None),
            pending_package_id: Set(None),
            dealers_need_second_factor: Set(false),
            notification_preferences: Set(None),
            next_event_at: Set(None),
        }
        .insert(&txn)
        .await
        .expect("partner");
        let habit = match rng.gen_range(0..100) {
            0..35 => Habit::OnTime,
            35..55 => Habit::Late,
            55..70 => Habit::Partial,
            70..90 => Habit::Never,
            _ => Habit::Changer,
        };
        habits.insert(acct.id, habit);
    }
    txn.commit().await.expect("commit");
    habits
}

/// What each partner pays today, by its habit.
async fn pay_today(
    db: &DatabaseConnection,
    rng: &mut StdRng,
    habits: &BTreeMap<i64, Habit>,
    plans: &mut HashMap<String, DateTime<Utc>>,
    paid_before_purge: &mut HashSet<i64>,
    day_start: DateTime<Utc>,
) {
    // In a fixed order, so a seed replays the same story on either backend.
    let open = invoice::Entity::find()
        .filter(invoice::Column::PaidAt.is_null())
        .filter(invoice::Column::Kind.eq("period"))
        .order_by_asc(invoice::Column::Id)
        .all(db)
        .await
        .expect("invoices");
    for inv in open {
        let Some(habit) = habits.get(&inv.partner_id).copied() else {
            continue;
        };
        let Some(p) = partner::Entity::find_by_id(inv.partner_id)
            .one(db)
            .await
            .expect("partner")
        else {
            continue;
        };
        let end = facts(&p, TZ).lifecycle.access_ends_at();
        // When this partner pays this invoice, decided once.
        let when = *plans
            .entry(inv.number.clone())
            .or_insert_with(|| match habit {
                // By the day before the end when the invoice leaves time for it.
                Habit::OnTime | Habit::Changer => (inv.issued_at
                    + Duration::days(rng.gen_range(1..=5)))
                .min(end - Duration::days(1))
                .max(inv.issued_at),
                Habit::Partial => inv.issued_at + Duration::days(rng.gen_range(1..=5)),
                Habit::Late => end + Duration::days(rng.gen_range(1..=25)),
                Habit::Never => end + Duration::days(10_000),
            });
        let pay_at = day_start + Duration::hours(rng.gen_range(9..17));
        if when > pay_at {
            continue;
        }
        let owed = inv.amount_minor - inv.paid_minor;
        let amount = if habit == Habit::Partial && inv.paid_minor == 0 {
            // Half now; the rest on a later day.
            plans.insert(
                inv.number.clone(),
                pay_at + Duration::days(rng.gen_range(1..=10)),
            );
            owed / 2
        } else {
            owed
        };
        let r = payments::record(
            db,
            TZ,
            Incoming {
                source: Source::Bank,
                external_id: format!("{}-{}", inv.number, inv.paid_minor),
                amount_minor: amount,
                currency: inv.currency.clone(),
                reference: inv.reference.clone(),
                received_at: pay_at,
                bank: Default::default(),
            },
            pay_at,
        )
        .await
        .expect("payment");
        if r.paid_through.is_some() {
            paid_before_purge.insert(inv.partner_id);
        }
    }
}

async fn changes_today(
    db: &DatabaseConnection,
    rng: &mut StdRng,
    habits: &BTreeMap<i64, Habit>,
    at: DateTime<Utc>,
) {
    for (&id, _) in habits.iter().filter(|(_, h)| **h == Habit::Changer) {
        if rng.gen_bool(0.03) {
            let _ = change_package(db, TZ, id, rng.gen_range(1..=3), at)
                .await
                .expect("change");
        }
    }
}

/// The invariants, after a simulated day that ended at `now`.
async fn check(
    db: &DatabaseConnection,
    habits: &BTreeMap<i64, Habit>,
    paid_before_purge: &HashSet<i64>,
    last_pass: DateTime<Utc>,
    now: DateTime<Utc>,
    seed: u64,
) {
    let fail = |what: String| -> ! {
        panic!("{what}\n  (replay with WPPLAY_SIM_SEED={seed}, simulated time {now})")
    };
    let partners: HashMap<i64, partner::Model> = partner::Entity::find()
        .all(db)
        .await
        .expect("partners")
        .into_iter()
        .map(|p| (p.account_id, p))
        .collect();
    let purged: HashMap<i64, DateTime<Utc>> = audit::Entity::find()
        .filter(audit::Column::Action.eq("purge_partner"))
        .all(db)
        .await
        .expect("audit")
        .into_iter()
        .filter_map(|a| a.partner_id.map(|p| (p, a.at)))
        .collect();
    for (id, habit) in habits {
        match (partners.get(id), purged.get(id)) {
            (Some(p), None) => {
                let f = facts(p, TZ).lifecycle;
                let state = f.state_at(now);
                if matches!(habit, Habit::OnTime | Habit::Changer) && state == PartnerState::Locked
                {
                    // Only a scheduler outage that delayed the invoice to the last days may
                    // make an on-time payer late.
                    let end = f.access_ends_at();
                    let timely = invoice::Entity::find()
                        .filter(invoice::Column::PartnerId.eq(*id))
                        .filter(invoice::Column::PeriodStart.eq(end))
                        .one(db)
                        .await
                        .expect("invoice")
                        .is_some_and(|i| i.issued_at < end - Duration::days(2));
                    if timely {
                        let invs: Vec<String> = invoice::Entity::find()
                            .filter(invoice::Column::PartnerId.eq(*id))
                            .all(db)
                            .await
                            .expect("invoices")
                            .into_iter()
                            .map(|i| {
                                format!(
                                    "{} {}..{} issued {} paid {}/{} at {:?}",
                                    i.number,
                                    i.period_start,
                                    i.period_end,
                                    i.issued_at,
                                    i.paid_minor,
                                    i.amount_minor,
                                    i.paid_at
                                )
                            })
                            .collect();
                        fail(format!(
                            "partner {id} ({habit:?}) paid on time but is locked: trial end {}, paid through {:?}; invoices {invs:#?}",
                            p.trial_ends_at, p.paid_through
                        ));
                    }
                }
                // Purged at the first pass after its purge time, never later.
                if f.purge_at() <= last_pass {
                    fail(format!(
                        "partner {id} ({habit:?}) should have been purged at {}",
                        f.purge_at()
                    ));
                }
            }
            (None, Some(at)) => {
                if *habit != Habit::Never && paid_before_purge.contains(id) {
                    fail(format!(
                        "partner {id} ({habit:?}) paid and was purged anyway at {at}"
                    ));
                }
            }
            (Some(_), Some(_)) => fail(format!("partner {id} is purged and still there")),
            (None, None) => fail(format!("partner {id} vanished without a purge entry")),
        }
    }
    // Each invoice and reminder exactly once: one message per recorded event, one invoice
    // per recorded invoice event, each invoice for the period of the end it belongs to.
    let events = lifecycle_event::Entity::find()
        .filter(lifecycle_event::Column::Sent.eq(true))
        .all(db)
        .await
        .expect("events");
    let invoices = invoice::Entity::find()
        .filter(invoice::Column::Kind.eq("period"))
        .all(db)
        .await
        .expect("invoices");
    let invoice_events: HashSet<(i64, DateTime<Utc>)> = events
        .iter()
        .filter(|e| e.kind == "invoice")
        .map(|e| (e.partner_id, e.key_at))
        .collect();
    let mut periods = HashSet::new();
    for inv in &invoices {
        if !partners.contains_key(&inv.partner_id) {
            continue;
        }
        let days = (inv.period_end - inv.period_start).num_hours();
        if !(28 * 24 - 1..=31 * 24 + 1).contains(&days) {
            fail(format!("invoice {} covers {days} hours", inv.number));
        }
        if !periods.insert((inv.partner_id, inv.period_start)) {
            fail(format!(
                "partner {} has two invoices for the period from {}",
                inv.partner_id, inv.period_start
            ));
        }
        if !invoice_events.contains(&(inv.partner_id, inv.period_start)) {
            fail(format!(
                "invoice {} has no matching period (no invoice event for the end it starts at)",
                inv.number
            ));
        }
    }
    let mut sent_by_kind: HashMap<(i64, &str), usize> = HashMap::new();
    for e in &events {
        if partners.contains_key(&e.partner_id) {
            *sent_by_kind
                .entry((e.partner_id, e.kind.as_str()))
                .or_default() += 1;
        }
    }
    let mut mails: HashMap<(i64, &str), usize> = HashMap::new();
    for m in message::Entity::find()
        .filter(message::Column::Channel.eq("email"))
        .all(db)
        .await
        .expect("messages")
    {
        let Some(id) = m.account_id.filter(|id| partners.contains_key(id)) else {
            continue;
        };
        let kind = if m.subject.contains("Pro forma invoice") {
            "invoice"
        } else if m.subject.contains("ends in 7 days") {
            "ends_in_7_days"
        } else if m.subject.contains("ends today") {
            "ends_today"
        } else if m.subject.contains("access is locked") {
            "locked"
        } else {
            continue;
        };
        *mails.entry((id, kind)).or_default() += 1;
    }
    const MAILED: [&str; 4] = ["invoice", "ends_in_7_days", "ends_today", "locked"];
    let keys: HashSet<(i64, &str)> = mails
        .keys()
        .copied()
        .chain(
            sent_by_kind
                .keys()
                .copied()
                .filter(|(_, k)| MAILED.contains(k)),
        )
        .collect();
    for (id, kind) in keys {
        let n = mails.get(&(id, kind)).copied().unwrap_or(0);
        let recorded = sent_by_kind.get(&(id, kind)).copied().unwrap_or(0);
        if n != recorded {
            fail(format!(
                "partner {id}: {n} '{kind}' e-mails for {recorded} recorded events"
            ));
        }
    }
}

async fn simulate(backend: Backend) {
    let Some(s) = TestServer::start(backend).await else {
        return;
    };
    let seed: u64 = std::env::var("WPPLAY_SIM_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_280_110);
    eprintln!("simulation seed {seed} ({backend:?})");
    let mut rng = StdRng::seed_from_u64(seed);
    let db = wpplay_server::db::connect(&s.database_url, start())
        .await
        .expect("connect");
    let habits = seed_partners(&db, &mut rng).await;
    let mut plans = HashMap::new();
    let mut paid = HashSet::new();
    let mut last_pass = start();
    let mut outage = 0;
    let mut passes = 0;
    for day in 0..DAYS {
        let day_start = start() + Duration::days(day);
        pay_today(&db, &mut rng, &habits, &mut plans, &mut paid, day_start).await;
        changes_today(&db, &mut rng, &habits, day_start + Duration::hours(12)).await;
        // Now and then the scheduler is down for a few days.
        if outage == 0 && rng.gen_bool(0.04) {
            outage = rng.gen_range(1..=6);
        }
        if outage > 0 {
            outage -= 1;
        } else {
            // Two passes a day at random times (07:00 and 08:00 UTC straddle 08:00 local).
            for hour in [rng.gen_range(0..8), rng.gen_range(8..24)] {
                let at =
                    day_start + Duration::hours(hour) + Duration::minutes(rng.gen_range(0..60));
                run_pass(&db, TZ, at, false).await.expect("pass");
                last_pass = at;
                passes += 1;
            }
        }
        check(
            &db,
            &habits,
            &paid,
            last_pass,
            day_start + Duration::days(1),
            seed,
        )
        .await;
    }
    let purged = audit::Entity::find()
        .filter(audit::Column::Action.eq("purge_partner"))
        .all(&db)
        .await
        .expect("audit")
        .len();
    let invoices = invoice::Entity::find()
        .all(&db)
        .await
        .expect("invoices")
        .len();
    eprintln!(
        "simulated {DAYS} days, {passes} passes: {invoices} invoices, {purged} partners purged"
    );
    assert!(purged > 50, "the never-payers were purged: {purged}");
    assert!(invoices > PARTNERS, "invoices were issued: {invoices}");
    db.close().await.ok();
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_partners_over_120_days_sqlite() {
    simulate(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_partners_over_120_days_postgres() {
    simulate(Backend::Postgres).await;
}
