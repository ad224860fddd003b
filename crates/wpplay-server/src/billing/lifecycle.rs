//! The lifecycle pass: for every partner, what `wpplay_domain::billing::plan` says is due,
//! each event recorded in `lifecycle_events` in the same transaction as its effects, so it
//! happens once however often the pass runs and however many processes run it.

use super::{InvoiceKind, facts, issue_invoice};
use crate::db::entity::{lifecycle_event, package, partner};
use crate::db::txn::write_txn;
use crate::delivery::{Channel, NewMessage};
use crate::feed;
use crate::mutations::links::{Cancelled, Notice, cancel_pending, in_app, notify, sms_notice};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};
use wpplay_domain::billing::{Action, EventKind, next_due, next_period_end, plan};
use wpplay_domain::ids::AccountId;
use wpplay_domain::lifecycle::PURGE_AFTER_DAYS;
use wpplay_i18n::{Lang, args, format};
use wpplay_wire::sync::Entity;

/// One event the pass handled (or, in a dry run, would handle).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub partner_id: i64,
    pub company: String,
    pub kind: EventKind,
    pub key: DateTime<Utc>,
    /// `false`: recorded as skipped.
    pub sent: bool,
}

/// What one pass did.
#[derive(Debug, Default)]
pub struct Report {
    /// Partners looked at: those whose next event was due or unknown.
    pub partners: usize,
    pub done: Vec<Done>,
}

/// Partners whose due events one transaction writes: after a long outage the backlog
/// goes in batches, not a commit per partner (each partner still under its row lock,
/// each event still once).
const PARTNERS_PER_TRANSACTION: usize = 64;

/// Runs one pass at `now`. With `dry_run`, nothing is written: the report says what would
/// happen.
///
/// Reads only the partners whose `next_event_at` is unknown or past (an index range),
/// with the events recorded for their current ends. Partners with something due are
/// handled in batches; the others (looked at because a write made their next event
/// unknown) get their `next_event_at` filled in.
pub async fn run_pass(
    db: &DatabaseConnection,
    tz: Tz,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Report, DbErr> {
    let (partners, by_partner) = due_for_a_look(db, now).await?;
    let mut report = Report {
        partners: partners.len(),
        done: Vec::new(),
    };
    let none = HashSet::new();
    let mut due_ids = Vec::new();
    let mut settled = Vec::new();
    for p in partners {
        let f = facts(&p, tz);
        let seen = by_partner.get(&p.account_id).unwrap_or(&none);
        let due = plan(&f, tz, now, seen);
        if due.is_empty() {
            let next = next_due(&f, tz, seen);
            if next != p.next_event_at {
                settled.push((p, next));
            }
            continue;
        }
        if dry_run {
            report.done.extend(due.iter().map(|a| done(&p, a)));
            continue;
        }
        due_ids.push(p.account_id);
    }
    if dry_run {
        return Ok(report);
    }
    due_ids.sort_unstable();
    for batch in settled.chunks(500) {
        let txn = write_txn(db).await?;
        for (p, next) in batch {
            set_next_event_at(&txn, p, *next).await?;
        }
        txn.commit().await?;
    }
    for batch in due_ids.chunks(PARTNERS_PER_TRANSACTION) {
        report
            .done
            .extend(handle_partners(db, batch, tz, now).await?);
    }
    Ok(report)
}

/// Stores when `p`'s next event falls due, unless its lifecycle facts changed since `p`
/// was read (then the write that changed them left it unknown, and the next pass looks).
async fn set_next_event_at(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    next: Option<DateTime<Utc>>,
) -> Result<(), DbErr> {
    let same = |c: partner::Column, v: Option<sea_orm::Value>| match v {
        Some(v) => c.eq(v),
        None => c.is_null(),
    };
    partner::Entity::update_many()
        .col_expr(
            partner::Column::NextEventAt,
            sea_orm::sea_query::Expr::value(next),
        )
        .filter(partner::Column::AccountId.eq(p.account_id))
        .filter(partner::Column::TrialEndsAt.eq(p.trial_ends_at))
        .filter(same(
            partner::Column::PaidThrough,
            p.paid_through.map(Into::into),
        ))
        .filter(same(
            partner::Column::AnchorDay,
            p.anchor_day.map(Into::into),
        ))
        .exec(db)
        .await?;
    Ok(())
}

/// The partners a pass at `now` looks at (next event unknown or due) and what they have
/// recorded for recent ends, in two index reads. The pass makes its plan again from the
/// database under each partner's lock, so this read only saves work, it never decides.
async fn due_for_a_look(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<(Vec<partner::Model>, Recorded), DbErr> {
    let due = || {
        Condition::any()
            .add(partner::Column::NextEventAt.is_null())
            .add(partner::Column::NextEventAt.lte(now))
    };
    let partners = partner::Entity::find().filter(due()).all(db).await?;
    if partners.is_empty() {
        return Ok((partners, HashMap::new()));
    }
    let recent = now - chrono::Duration::days(2 * PURGE_AFTER_DAYS + 2);
    let events = || {
        lifecycle_event::Entity::find()
            .select_only()
            .columns([
                lifecycle_event::Column::PartnerId,
                lifecycle_event::Column::Kind,
                lifecycle_event::Column::KeyAt,
            ])
            .filter(lifecycle_event::Column::KeyAt.gte(recent))
    };
    // A few due partners (every pass but the first after an outage or a migration):
    // their events by id, without planning the due partners' read again. Many: by the
    // same condition, in one read.
    let mut recorded: Vec<(i64, String, DateTime<Utc>)> = Vec::new();
    if partners.len() <= 2_000 {
        let ids: Vec<i64> = partners.iter().map(|p| p.account_id).collect();
        for chunk in ids.chunks(500) {
            recorded.extend(
                events()
                    .filter(lifecycle_event::Column::PartnerId.is_in(chunk.iter().copied()))
                    .into_tuple::<(i64, String, DateTime<Utc>)>()
                    .all(db)
                    .await?,
            );
        }
    } else {
        recorded = events()
            .filter(
                lifecycle_event::Column::PartnerId.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(partner::Column::AccountId)
                        .from(partner::Entity)
                        .cond_where(due())
                        .to_owned(),
                ),
            )
            .into_tuple()
            .all(db)
            .await?;
    }
    let mut by_partner: Recorded = HashMap::new();
    for (partner_id, kind, key_at) in recorded {
        if let Some(k) = EventKind::parse(&kind) {
            by_partner
                .entry(partner_id)
                .or_default()
                .insert((k, key_at));
        }
    }
    Ok((partners, by_partner))
}

/// What each partner has recorded already, as `(kind, key)` pairs.
type Recorded = HashMap<i64, HashSet<(EventKind, DateTime<Utc>)>>;

/// The partners something may be due for before `horizon` (nothing is due for a partner
/// whose trial or period ends more than 8 days after it: the first event, the 7-day
/// reminder, falls at 08:00 local 7 calendar days before the end; a paid-through date is
/// never before the trial end), and what they have recorded for recent ends, in one
/// read: what the operator's look ahead plans from (a pass reads only the partners with
/// something due, [`due_for_a_look`]).
async fn near_their_end(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    horizon: DateTime<Utc>,
) -> Result<(Vec<partner::Model>, Recorded), DbErr> {
    let partners = partner::Entity::find()
        .filter(
            Condition::any()
                .add(partner::Column::PaidThrough.lte(horizon))
                .add(
                    Condition::all()
                        .add(partner::Column::PaidThrough.is_null())
                        .add(partner::Column::TrialEndsAt.lte(horizon)),
                ),
        )
        .all(db)
        .await?;
    let recent = now - chrono::Duration::days(2 * PURGE_AFTER_DAYS + 2);
    let recorded: Vec<lifecycle_event::Model> = lifecycle_event::Entity::find()
        .filter(lifecycle_event::Column::KeyAt.gte(recent))
        .filter(lifecycle_event::Column::KeyAt.lte(horizon))
        .all(db)
        .await?;
    let mut by_partner: Recorded = HashMap::new();
    for e in &recorded {
        if let Some(k) = EventKind::parse(&e.kind) {
            by_partner
                .entry(e.partner_id)
                .or_default()
                .insert((k, e.key_at));
        }
    }
    Ok((partners, by_partner))
}

/// One event the operator sees coming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coming {
    pub partner_id: i64,
    pub company: String,
    pub kind: EventKind,
    pub due_at: DateTime<Utc>,
    /// `false`: it will be recorded as skipped.
    pub sent: bool,
}

/// What the lifecycle holds from `now` for `days` days: the events due already (the next
/// pass handles them) and those falling later, each in the order it falls due. Plans
/// with the same domain rules as a pass, from every partner near its end; writes nothing.
pub async fn upcoming(
    db: &DatabaseConnection,
    tz: Tz,
    now: DateTime<Utc>,
    days: i64,
) -> Result<(Vec<Coming>, Vec<Coming>), DbErr> {
    let until = now + chrono::Duration::days(days);
    let (partners, by_partner) = near_their_end(db, now, until + chrono::Duration::days(8)).await?;
    let none = HashSet::new();
    let (mut due, mut later) = (Vec::new(), Vec::new());
    for p in &partners {
        let f = facts(p, tz);
        let seen = by_partner.get(&p.account_id).unwrap_or(&none);
        let coming = |kind, due_at, sent| Coming {
            partner_id: p.account_id,
            company: p.company.clone(),
            kind,
            due_at,
            sent,
        };
        for a in plan(&f, tz, now, seen) {
            due.push(coming(a.event.kind, a.event.due_at, a.send));
        }
        for e in wpplay_domain::billing::events(&f, tz) {
            if e.due_at > now && e.due_at < until && !seen.contains(&(e.kind, e.key)) {
                later.push(coming(e.kind, e.due_at, true));
            }
        }
    }
    due.sort_by_key(|c| (c.due_at, c.partner_id));
    later.sort_by_key(|c| (c.due_at, c.partner_id));
    Ok((due, later))
}

fn done(p: &partner::Model, a: &Action) -> Done {
    Done {
        partner_id: p.account_id,
        company: p.company.clone(),
        kind: a.event.kind,
        key: a.event.key,
        sent: a.send,
    }
}

/// The due events of a batch of partners, in one transaction, each partner under its
/// row lock (taken in id order, so two passes at once never wait on each other in a
/// circle); the plan is made again from the locked row, so a concurrent pass or payment
/// is seen.
async fn handle_partners(
    db: &DatabaseConnection,
    partner_ids: &[i64],
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Vec<Done>, DbErr> {
    let txn = write_txn(db).await?;
    let mut out = Vec::new();
    for &partner_id in partner_ids {
        handle_partner(&txn, partner_id, tz, now, &mut out).await?;
    }
    txn.commit().await?;
    Ok(out)
}

/// One partner's due events, in the caller's transaction under its row lock.
async fn handle_partner(
    txn: &impl ConnectionTrait,
    partner_id: i64,
    tz: Tz,
    now: DateTime<Utc>,
    out: &mut Vec<Done>,
) -> Result<(), DbErr> {
    let Some(p) = partner::Entity::find_by_id(partner_id)
        .lock_exclusive()
        .one(txn)
        .await?
    else {
        // Purged meanwhile.
        return Ok(());
    };
    let f = facts(&p, tz);
    let end = f.lifecycle.access_ends_at();
    let mut seen: HashSet<(EventKind, DateTime<Utc>)> = lifecycle_event::Entity::find()
        .filter(lifecycle_event::Column::PartnerId.eq(partner_id))
        .filter(lifecycle_event::Column::KeyAt.eq(end))
        .all(txn)
        .await?
        .into_iter()
        .filter_map(|e| EventKind::parse(&e.kind).map(|k| (k, e.key_at)))
        .collect();
    let actions = plan(&f, tz, now, &seen);
    for a in &actions {
        lifecycle_event::ActiveModel {
            partner_id: Set(partner_id),
            kind: Set(a.event.kind.as_str().to_owned()),
            key_at: Set(a.event.key),
            sent: Set(a.send),
            at: Set(now),
        }
        .insert(txn)
        .await?;
        seen.insert((a.event.kind, a.event.key));
        out.push(done(&p, a));
        if !a.send {
            continue;
        }
        if a.event.kind == EventKind::Purge {
            super::purge::purge(txn, &p, now).await?;
            // Nothing of the partner is left to act on.
            return Ok(());
        }
        effect(txn, &p, a, tz, now).await?;
        let entry = crate::audit_log::Entry {
            by: crate::audit_log::By::System,
            partner_id: Some(partner_id),
            action: lifecycle_action(a.event.kind),
            entity: "partner",
            entity_id: partner_id.to_string(),
            after: Some(serde_json::json!({ "company": p.company, "access_ends_at": a.event.key })),
        };
        crate::audit_log::write(txn, entry, now).await?;
    }
    set_next_event_at(txn, &p, next_due(&f, tz, &seen)).await
}

/// The audit log's name for a lifecycle step (the invoice it issues has its own entry).
fn lifecycle_action(kind: EventKind) -> &'static str {
    match kind {
        EventKind::EndsIn7Days
        | EventKind::EndsIn3Days
        | EventKind::EndsIn1Day
        | EventKind::EndsToday => "lifecycle_reminder",
        EventKind::Invoice => "lifecycle_invoice",
        EventKind::Locked => "lifecycle_locked",
        EventKind::PurgeIn7Days | EventKind::PurgeIn1Day => "lifecycle_purge_notice",
        EventKind::Purge => "purge_partner",
    }
}

/// An instant as the partner reads it: its day and time in the server's time zone.
fn local_day(t: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    let local = t.with_timezone(&tz);
    wpplay_i18n::text(
        lang,
        "at-time",
        Some(&args! {
            "day" => format::date(local.date_naive(), lang),
            "time" => format::time(local.time()),
        }),
    )
}

/// The message, notification, invoice or lock an event brings, in the partner's language.
async fn effect(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    a: &Action,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let lang = crate::account::lang(db, p.account_id).await?;
    let f = facts(p, tz);
    let end = f.lifecycle.access_ends_at();
    let period = if p.paid_through.is_some_and(|t| t >= p.trial_ends_at) {
        "paid"
    } else {
        "trial"
    };
    let when = local_day(end, tz, lang);
    let purge = local_day(f.lifecycle.purge_at(), tz, lang);
    let (kind, id, days) = match a.event.kind {
        EventKind::EndsIn7Days => ("access_ending", "access-ending", 7),
        EventKind::EndsIn3Days => ("access_ending", "access-ending", 3),
        EventKind::EndsIn1Day => ("access_ending", "access-ending", 1),
        EventKind::EndsToday => ("access_ending", "access-ends-today", 0),
        EventKind::Invoice => return invoice(db, p, tz, lang, now).await,
        EventKind::Locked => {
            cancel_pending(db, p, Cancelled::Locked, now).await?;
            feed::append(
                db,
                AccountId(p.account_id),
                &Entity::Subscription(crate::wire_form::subscription(p, now)),
                now,
            )
            .await?;
            ("access_locked", "access-locked", 0)
        }
        EventKind::PurgeIn7Days => ("purge_warning", "purge-warning", 7),
        EventKind::PurgeIn1Day => ("purge_warning", "purge-warning", 1),
        EventKind::Purge => return Ok(()),
    };
    let args = args! {"period" => period, "days" => days, "when" => when, "purge" => purge};
    let notice = Notice::new(kind, id, args);
    // By e-mail and SMS as the partner chose (the reminders' SMS by default for a
    // partner whose credentials came by SMS).
    notify(db, AccountId(p.account_id), &p.email, &notice, now).await?;
    Ok(())
}

/// The pro forma invoice for the period after the current end, e-mailed and announced.
async fn invoice(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    tz: Tz,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let f = facts(p, tz);
    let start = f.lifecycle.access_ends_at();
    let end = next_period_end(start, f.anchor_day, tz);
    let pkg_id = p.pending_package_id.unwrap_or(p.package_id);
    let pkg = package::Entity::find_by_id(pkg_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("package".into()))?;
    let inv = issue_invoice(
        db,
        p,
        &pkg,
        InvoiceKind::Period,
        (start, end),
        pkg.monthly_price_minor,
        now,
        tz,
    )
    .await?;
    let day = |t: DateTime<Utc>| format::date(t.with_timezone(&tz).date_naive(), lang);
    let args = args! {
        "number" => inv.number.as_str(),
        "package" => inv.package_name.as_str(),
        "from" => day(inv.period_start),
        "to" => day(inv.period_end),
        "amount" => format::money(inv.amount_minor, &inv.currency, lang),
        "reference" => inv.reference.as_str(),
    };
    let title = wpplay_i18n::text(lang, "invoice-issued.title", Some(&args));
    let body = wpplay_i18n::text(lang, "invoice-issued.body", Some(&args));
    // In the app; by e-mail with the PDF attached.
    in_app(
        db,
        AccountId(p.account_id),
        "invoice_issued",
        &title,
        &body,
        now,
    )
    .await?;
    let ways = crate::wire_form::notification_preferences(p).billing;
    if ways.sms {
        sms_notice(
            db,
            AccountId(p.account_id),
            &p.phone,
            lang,
            &title,
            &body,
            now,
        )
        .await?;
    }
    if !ways.email {
        return Ok(());
    }
    let attached = wpplay_i18n::text(lang, "invoice-email-attached", None);
    crate::delivery::enqueue_with_invoice(
        db,
        NewMessage {
            account_id: Some(p.account_id),
            channel: Channel::Email,
            recipient: p.email.clone(),
            subject: wpplay_i18n::text(
                lang,
                "notice-email-subject",
                Some(&args! {"title" => title.as_str()}),
            ),
            body: format!("{body}\n\n{attached}\n\nWP Play\n"),
        },
        inv.id,
        now,
    )
    .await
    .map(|_| ())
}
