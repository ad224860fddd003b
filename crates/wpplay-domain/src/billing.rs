//! Billing: calendar-month periods in the server's time zone, the plan of reminders,
//! invoices, locks and purges for one partner, payment references, and the package-change
//! rule. Pure functions of stored facts and `now`.

use crate::lifecycle::{LifecycleFacts, PartnerState};
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The time of day reminders are sent, in the server's time zone.
pub const REMINDER_HOUR: u32 = 8;
/// A pro forma invoice for the next period is issued this many days before the end.
pub const INVOICE_DAYS_BEFORE: i64 = 7;

/// The largest single amount the product handles, in minor units (10 billion in the
/// currency's major unit): a price, a payment or a statement entry above it is refused,
/// so sums of them stay far from `i64`'s end (and are still added with a check).
pub const MAX_AMOUNT_MINOR: i64 = 1_000_000_000_000;

/// The local wall-clock time `t` in `tz`, and back. A local time that does not exist (the
/// hour skipped when clocks go forward) moves to the first instant after the gap; an
/// ambiguous one (the hour repeated when clocks go back) takes the earlier instant.
pub fn from_local(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => {
            // Inside a spring-forward gap (at most a couple of hours anywhere): the first
            // local minute after it.
            let mut probe = local;
            for _ in 0..(3 * 60) {
                probe += Duration::minutes(1);
                if let LocalResult::Single(t) | LocalResult::Ambiguous(t, _) =
                    tz.from_local_datetime(&probe)
                {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&local)
        }
    }
}

/// The last day of a month.
fn days_in_month(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

/// The end of a one-month period that starts at `start`: the same local wall-clock time,
/// one calendar month later, on `anchor_day` or the month's last day if it is shorter (so
/// periods started on the 31st run 31 Jan → 28/29 Feb → 31 Mar, never drifting).
pub fn next_period_end(start: DateTime<Utc>, anchor_day: u32, tz: Tz) -> DateTime<Utc> {
    let local = start.with_timezone(&tz).naive_local();
    let (year, month) = if local.month() == 12 {
        (local.year() + 1, 1)
    } else {
        (local.year(), local.month() + 1)
    };
    let day = anchor_day.clamp(1, 31).min(days_in_month(year, month));
    let date = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(local.date());
    from_local(tz, date.and_time(local.time()))
}

/// The day of month a run of periods starting at `start` keeps.
pub fn anchor_day(start: DateTime<Utc>, tz: Tz) -> u32 {
    start.with_timezone(&tz).day()
}

/// A partner's billing facts: the lifecycle facts and the day of month its periods keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BillingFacts {
    pub lifecycle: LifecycleFacts,
    /// The day of month the current run of paid periods keeps (the trial end's, at first).
    pub anchor_day: u32,
}

/// What a payment of one period does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extension {
    /// Where the paid period starts: the current end while the partner is in its trial or
    /// paid (nothing it already has is lost), the payment's time once it is locked.
    pub starts_at: DateTime<Utc>,
    pub paid_through: DateTime<Utc>,
    pub anchor_day: u32,
}

/// The period one payment of one month adds, made at `paid_at`.
pub fn extend(facts: &BillingFacts, paid_at: DateTime<Utc>, tz: Tz) -> Extension {
    let locked = facts.lifecycle.state_at(paid_at) == PartnerState::Locked;
    let (starts_at, anchor) = if locked {
        (paid_at, anchor_day(paid_at, tz))
    } else {
        (facts.lifecycle.access_ends_at(), facts.anchor_day)
    };
    Extension {
        starts_at,
        paid_through: next_period_end(starts_at, anchor, tz),
        anchor_day: anchor,
    }
}

/// One kind of lifecycle event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    EndsIn7Days,
    EndsIn3Days,
    EndsIn1Day,
    EndsToday,
    /// The pro forma invoice for the next period.
    Invoice,
    Locked,
    PurgeIn7Days,
    PurgeIn1Day,
    /// All data deleted.
    Purge,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EndsIn7Days => "ends_in_7_days",
            Self::EndsIn3Days => "ends_in_3_days",
            Self::EndsIn1Day => "ends_in_1_day",
            Self::EndsToday => "ends_today",
            Self::Invoice => "invoice",
            Self::Locked => "locked",
            Self::PurgeIn7Days => "purge_in_7_days",
            Self::PurgeIn1Day => "purge_in_1_day",
            Self::Purge => "purge",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ALL_KINDS.into_iter().find(|k| k.as_str() == s)
    }

    /// Reminders of one group replace each other when the scheduler catches up.
    fn group(self) -> Option<u8> {
        match self {
            Self::EndsIn7Days | Self::EndsIn3Days | Self::EndsIn1Day | Self::EndsToday => Some(0),
            Self::PurgeIn7Days | Self::PurgeIn1Day => Some(1),
            _ => None,
        }
    }
}

pub const ALL_KINDS: [EventKind; 9] = [
    EventKind::EndsIn7Days,
    EventKind::EndsIn3Days,
    EventKind::EndsIn1Day,
    EventKind::EndsToday,
    EventKind::Invoice,
    EventKind::Locked,
    EventKind::PurgeIn7Days,
    EventKind::PurgeIn1Day,
    EventKind::Purge,
];

/// One event of a partner's plan: what, for which end (the key that makes it happen once
/// per trial or period), and from when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    pub kind: EventKind,
    /// The end of the trial or period the event belongs to.
    pub key: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
}

/// What the scheduler does with a due event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    pub event: Planned,
    /// `false`: record it as skipped (a later reminder of its group replaces it, or the
    /// moment it announced has passed).
    pub send: bool,
}

/// When the pro forma invoice for the period after `end` is issued: 08:00 local,
/// [`INVOICE_DAYS_BEFORE`] days before it.
pub fn invoice_due(end: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    reminder_due(end, INVOICE_DAYS_BEFORE, tz)
}

/// Reminder time on the local day `days_before` days before `end`: 08:00 local, or the
/// start of that day when `end` itself falls before 08:00 on it.
fn reminder_due(end: DateTime<Utc>, days_before: i64, tz: Tz) -> DateTime<Utc> {
    let end_local = end.with_timezone(&tz).naive_local();
    let day = end_local.date() - Duration::days(days_before);
    let at = NaiveTime::from_hms_opt(REMINDER_HOUR, 0, 0).unwrap_or(NaiveTime::MIN);
    let due = from_local(tz, day.and_time(at));
    if days_before == 0 && due > end {
        from_local(tz, day.and_time(NaiveTime::MIN))
    } else {
        due
    }
}

/// Every event of the current trial or period, in the order they fall due.
pub fn events(facts: &BillingFacts, tz: Tz) -> Vec<Planned> {
    let end = facts.lifecycle.access_ends_at();
    let purge = facts.lifecycle.purge_at();
    let at = |kind, key, due_at| Planned { kind, key, due_at };
    let mut all = vec![
        at(EventKind::EndsIn7Days, end, reminder_due(end, 7, tz)),
        at(
            EventKind::Invoice,
            end,
            reminder_due(end, INVOICE_DAYS_BEFORE, tz),
        ),
        at(EventKind::EndsIn3Days, end, reminder_due(end, 3, tz)),
        at(EventKind::EndsIn1Day, end, reminder_due(end, 1, tz)),
        at(EventKind::EndsToday, end, reminder_due(end, 0, tz)),
        at(EventKind::Locked, end, end),
        at(EventKind::PurgeIn7Days, end, reminder_due(purge, 7, tz)),
        at(EventKind::PurgeIn1Day, end, reminder_due(purge, 1, tz)),
        at(EventKind::Purge, end, purge),
    ];
    all.sort_by_key(|p| p.due_at);
    all
}

/// What is due for one partner at `now`, given the `(kind, key)` pairs recorded already.
///
/// - Only events of the current end are planned: a payment that moved the end makes a
///   fresh set, and the old set's unsent events are simply never due again.
/// - Of the due, unrecorded reminders of one group, only the latest is sent; the earlier
///   ones are skipped. Reminders that announce an end (or a purge) are skipped once it has
///   passed, so nobody reads "your trial ends in 3 days" after it ended.
/// - The invoice, the lock and the purge are never skipped.
pub fn plan(
    facts: &BillingFacts,
    tz: Tz,
    now: DateTime<Utc>,
    recorded: &HashSet<(EventKind, DateTime<Utc>)>,
) -> Vec<Action> {
    let end = facts.lifecycle.access_ends_at();
    let purge = facts.lifecycle.purge_at();
    let due: Vec<Planned> = events(facts, tz)
        .into_iter()
        .filter(|p| p.due_at <= now && !recorded.contains(&(p.kind, p.key)))
        .collect();
    let mut actions = Vec::with_capacity(due.len());
    for p in &due {
        let send = match p.kind.group() {
            None => true,
            Some(g) => {
                let announced = if g == 0 { end } else { purge };
                let latest_of_group = !due
                    .iter()
                    .any(|q| q.kind.group() == Some(g) && q.due_at > p.due_at);
                now < announced && latest_of_group
            }
        };
        actions.push(Action { event: *p, send });
    }
    actions
}

/// When the partner's next unrecorded event falls due: the time a lifecycle pass must
/// look at it again (kept with the partner as `next_event_at`, so a pass reads only the
/// partners with something due). After a pass, everything due by its `now` is recorded
/// (sent or skipped), so this lies after it. `None` only when every event of the current
/// end is recorded (the purge, after which the partner is gone).
pub fn next_due(
    facts: &BillingFacts,
    tz: Tz,
    recorded: &HashSet<(EventKind, DateTime<Utc>)>,
) -> Option<DateTime<Utc>> {
    events(facts, tz)
        .into_iter()
        .filter(|p| !recorded.contains(&(p.kind, p.key)))
        .map(|p| p.due_at)
        .min()
}

/// The next invoice number of a year: sequential, no gaps (the caller holds the counter's
/// row lock): `2026-000042`.
pub fn invoice_number(year: i32, seq: i64) -> String {
    format!("{year}-{seq:06}")
}

/// Where one invoice stands with its payment.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvoiceStatus {
    /// Nothing received yet.
    Open,
    /// Some of the amount received, not all.
    Partial,
    /// Settled: all of the amount received (or more).
    Paid,
}

/// An invoice's amount and what was received on it, in its currency's minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceBalance {
    pub amount_minor: i64,
    pub paid_minor: i64,
    /// When the payments reached the amount, if they did.
    pub paid_at: Option<DateTime<Utc>>,
}

impl InvoiceBalance {
    /// Paid once settled or once the payments reach the amount, partly paid while some
    /// of it came, open before anything did.
    pub fn status(&self) -> InvoiceStatus {
        if self.paid_at.is_some() || self.paid_minor >= self.amount_minor {
            InvoiceStatus::Paid
        } else if self.paid_minor > 0 {
            InvoiceStatus::Partial
        } else {
            InvoiceStatus::Open
        }
    }

    /// What is left to pay: nothing on a paid invoice, never below 0 (a surplus is for a
    /// person to refund or credit, not a negative debt).
    pub fn due_minor(&self) -> i64 {
        match self.status() {
            InvoiceStatus::Paid => 0,
            InvoiceStatus::Open | InvoiceStatus::Partial => {
                self.amount_minor.saturating_sub(self.paid_minor).max(0)
            }
        }
    }
}

/// ISO 7064 MOD 97-10 over a reference's characters (digits as they are, letters A=10 …
/// Z=35); `None` for any other character.
fn mod97(chars: &str) -> Option<u32> {
    let mut rem: u32 = 0;
    for c in chars.chars() {
        let v = c.to_digit(36)?;
        let digits: &[u32] = if v >= 10 { &[v / 10, v % 10] } else { &[v] };
        for d in digits {
            rem = (rem * 10 + d) % 97;
        }
    }
    Some(rem)
}

/// A Serbian "poziv na broj" in model 97: two check digits (ISO 7064 MOD 97-10) and the
/// base number, e.g. `97 41-2026000042`, written here without the model as
/// `41-2026000042`. `base` holds digits only.
pub fn model97_reference(base: &str) -> Option<String> {
    if base.is_empty() || base.len() > 20 || !base.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rem = mod97(&format!("{base}00"))?;
    Some(format!("{:02}-{base}", 98 - rem))
}

/// Whether a model-97 reference (with or without the dash or spaces) checks out.
pub fn model97_valid(reference: &str) -> bool {
    let digits: String = reference.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 3
        || reference
            .chars()
            .any(|c| !(c.is_ascii_digit() || c == '-' || c == ' '))
    {
        return false;
    }
    let (check, base) = digits.split_at(2);
    mod97(&format!("{base}{check}")) == Some(1)
}

/// An RF creditor reference (ISO 11649) for `base` (1-21 letters or digits), e.g.
/// `RF18 2026 0000 42`, returned without spaces.
pub fn rf_reference(base: &str) -> Option<String> {
    let base = base.to_ascii_uppercase();
    if base.is_empty() || base.len() > 21 || !base.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let rem = mod97(&format!("{base}RF00"))?;
    Some(format!("RF{:02}{base}", 98 - rem))
}

/// Whether an RF creditor reference (spaces allowed) checks out.
pub fn rf_valid(reference: &str) -> bool {
    let r: String = reference
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if r.len() < 5 || r.len() > 25 || !r.starts_with("RF") {
        return false;
    }
    let (head, base) = r.split_at(4);
    mod97(&format!("{base}{head}")) == Some(1)
}

/// The normal form a payment reference is matched by: digits and letters only, upper case.
pub fn normalize_reference(r: &str) -> String {
    r.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// When a package change takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeTiming {
    /// At once; during the trial nothing is charged and the trial end stays.
    Now,
    /// At once, with a pro forma for the price difference over the rest of the period.
    NowProrated,
    /// From the next period (a cheaper or equal package while paid).
    NextPeriod,
}

/// The rule for choosing another package at `now`.
pub fn change_timing(
    state: PartnerState,
    old_price_minor: i64,
    new_price_minor: i64,
) -> ChangeTiming {
    match state {
        PartnerState::Trial => ChangeTiming::Now,
        PartnerState::Active if new_price_minor > old_price_minor => ChangeTiming::NowProrated,
        PartnerState::Active => ChangeTiming::NextPeriod,
        // A locked partner's next payment opens a new period: the new package applies then
        // and its price is the one invoiced.
        PartnerState::Locked => ChangeTiming::Now,
    }
}

/// The prorated charge of an upgrade made at `now` in a period `[start, end)`: the price
/// difference times the share of the period left, rounded half up to the minor unit.
pub fn prorated_minor(
    old_price_minor: i64,
    new_price_minor: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> i64 {
    let diff = new_price_minor.saturating_sub(old_price_minor).max(0);
    let total = (end - start).num_seconds();
    let left = (end - now).num_seconds().clamp(0, total.max(0));
    if total <= 0 || diff == 0 {
        return 0;
    }
    let num = i128::from(diff) * i128::from(left);
    let den = i128::from(total);
    i64::try_from((num * 2 + den) / (den * 2)).unwrap_or(i64::MAX)
}

/// A package as the change rule needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackagePrice<'a> {
    pub id: i64,
    pub name: &'a str,
    pub monthly_price_minor: i64,
    pub currency: &'a str,
}

/// Where the partner stands when it looks at another package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeFacts<'a> {
    pub state: PartnerState,
    pub current: PackagePrice<'a>,
    /// A cheaper package chosen for the next period, if any.
    pub pending: Option<PackagePrice<'a>>,
    pub access_ends_at: DateTime<Utc>,
    /// When the current paid period started (its period invoice), if known; the server
    /// prorates over the 30 days before the end otherwise.
    pub period_start: Option<DateTime<Utc>>,
}

/// What choosing a package would do, shown before the partner confirms: the server's
/// package-change rule ([`change_timing`], [`prorated_minor`]) applied to one candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeRule {
    /// During the trial: at once, free; the trial end stays.
    NowTrial { ends_at: DateTime<Utc> },
    /// A dearer package while paid: at once, with a pro forma for the difference.
    NowProrated {
        #[ts(type = "number")]
        estimate_minor: i64,
        until: DateTime<Utc>,
    },
    /// A cheaper or equal package while paid: from the next period.
    NextPeriod { from: DateTime<Utc> },
    /// The current package again while a cheaper one waits: the planned switch is cancelled.
    Stay { pending: String },
    /// Locked: the new package applies to the month the next payment opens.
    NowLocked,
    /// Already this package.
    Same,
    /// Priced in another currency: WP Play switches it.
    Currency { theirs: String, yours: String },
}

impl ChangeRule {
    /// Whether the partner may confirm it.
    pub fn can_confirm(&self) -> bool {
        !matches!(self, Self::Same | Self::Currency { .. })
    }
}

/// The rule that applies if the partner chooses `candidate` at `now`.
pub fn change_rule(
    f: &ChangeFacts<'_>,
    candidate: &PackagePrice<'_>,
    now: DateTime<Utc>,
) -> ChangeRule {
    let current = &f.current;
    if candidate.id == current.id && f.pending.is_none() {
        return ChangeRule::Same;
    }
    if candidate.currency != current.currency {
        return ChangeRule::Currency {
            theirs: candidate.currency.to_owned(),
            yours: current.currency.to_owned(),
        };
    }
    match change_timing(
        f.state,
        current.monthly_price_minor,
        candidate.monthly_price_minor,
    ) {
        ChangeTiming::Now if f.state == PartnerState::Trial => ChangeRule::NowTrial {
            ends_at: f.access_ends_at,
        },
        ChangeTiming::Now => ChangeRule::NowLocked,
        ChangeTiming::NowProrated => {
            let end = f.access_ends_at;
            let start = f.period_start.unwrap_or(end - Duration::days(30));
            ChangeRule::NowProrated {
                estimate_minor: prorated_minor(
                    current.monthly_price_minor,
                    candidate.monthly_price_minor,
                    start,
                    end,
                    now,
                ),
                until: end,
            }
        }
        ChangeTiming::NextPeriod => match f.pending {
            Some(pending) if candidate.id == current.id => ChangeRule::Stay {
                pending: pending.name.to_owned(),
            },
            _ => ChangeRule::NextPeriod {
                from: f.access_ends_at,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Belgrade;

    #[test]
    fn an_invoice_is_open_then_partly_paid_then_paid() {
        let settled = "2026-03-16T12:00:00Z"
            .parse::<DateTime<Utc>>()
            .expect("instant");
        let check = |paid_minor: i64, paid_at: Option<DateTime<Utc>>, status, due_minor: i64| {
            let balance = InvoiceBalance {
                amount_minor: 7900,
                paid_minor,
                paid_at,
            };
            assert_eq!(
                (balance.status(), balance.due_minor()),
                (status, due_minor),
                "79.00 with {paid_minor} received, settled {paid_at:?}"
            );
        };
        check(0, None, InvoiceStatus::Open, 7900);
        check(1, None, InvoiceStatus::Partial, 7899);
        check(3950, None, InvoiceStatus::Partial, 3950);
        check(7899, None, InvoiceStatus::Partial, 1);
        check(7900, None, InvoiceStatus::Paid, 0);
        check(7900, Some(settled), InvoiceStatus::Paid, 0);
        // A surplus waits for a person; nothing is owed, never a negative amount.
        check(9000, Some(settled), InvoiceStatus::Paid, 0);
        // Once settled it stays paid, whatever the sum says.
        check(0, Some(settled), InvoiceStatus::Paid, 0);
        check(3950, Some(settled), InvoiceStatus::Paid, 0);
    }

    #[test]
    fn the_invoice_status_travels_in_snake_case() {
        let names: Vec<String> = [
            InvoiceStatus::Open,
            InvoiceStatus::Partial,
            InvoiceStatus::Paid,
        ]
        .iter()
        .map(|s| serde_json::to_string(s).expect("json"))
        .collect();
        assert_eq!(
            names,
            [r#""open""#, r#""partial""#, r#""paid""#],
            "the UI matches these names"
        );
    }

    #[test]
    fn the_change_rule_for_each_standing() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().expect("instant");
        let basic = PackagePrice {
            id: 1,
            name: "Basic",
            monthly_price_minor: 1000,
            currency: "EUR",
        };
        let pro = PackagePrice {
            id: 2,
            name: "Pro",
            monthly_price_minor: 4000,
            currency: "EUR",
        };
        let rsd = PackagePrice {
            id: 3,
            name: "Dinar",
            monthly_price_minor: 9000,
            currency: "RSD",
        };
        let end = t("2026-12-31T00:00:00Z");
        let facts = |state, current, pending| ChangeFacts {
            state,
            current,
            pending,
            access_ends_at: end,
            period_start: Some(t("2026-12-01T00:00:00Z")),
        };
        let mid = t("2026-12-16T00:00:00Z");
        let active = facts(PartnerState::Active, basic, None);
        assert_eq!(change_rule(&active, &basic, mid), ChangeRule::Same);
        assert!(!ChangeRule::Same.can_confirm());
        // Half the period left: half the difference.
        assert_eq!(
            change_rule(&active, &pro, mid),
            ChangeRule::NowProrated {
                estimate_minor: 1500,
                until: end
            }
        );
        assert_eq!(
            change_rule(&facts(PartnerState::Active, pro, None), &basic, mid),
            ChangeRule::NextPeriod { from: end }
        );
        assert_eq!(
            change_rule(&facts(PartnerState::Active, pro, Some(basic)), &pro, mid),
            ChangeRule::Stay {
                pending: "Basic".into()
            }
        );
        assert_eq!(
            change_rule(&facts(PartnerState::Trial, basic, None), &pro, mid),
            ChangeRule::NowTrial { ends_at: end }
        );
        assert_eq!(
            change_rule(&facts(PartnerState::Locked, basic, None), &pro, mid),
            ChangeRule::NowLocked
        );
        let other = change_rule(&active, &rsd, mid);
        assert_eq!(
            other,
            ChangeRule::Currency {
                theirs: "RSD".into(),
                yours: "EUR".into()
            }
        );
        assert!(!other.can_confirm());
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        from_local(
            Belgrade,
            NaiveDate::from_ymd_opt(y, m, d)
                .expect("date")
                .and_hms_opt(h, min, 0)
                .expect("time"),
        )
    }

    fn facts(trial_end: DateTime<Utc>, paid: Option<DateTime<Utc>>) -> BillingFacts {
        BillingFacts {
            lifecycle: LifecycleFacts {
                trial_ends_at: trial_end,
                paid_through: paid,
            },
            anchor_day: anchor_day(paid.unwrap_or(trial_end), Belgrade),
        }
    }

    #[test]
    fn the_next_due_event_is_the_earliest_unrecorded_one() {
        let end = local(2026, 3, 15, 10, 0);
        let f = facts(end, None);
        let all = events(&f, Belgrade);
        assert_eq!(
            next_due(&f, Belgrade, &HashSet::new()),
            Some(local(2026, 3, 8, 8, 0)),
            "the 7-day reminder, 08:00 local a week before"
        );
        // A pass at some moment records everything due by then (sent or skipped); the
        // next is the first event after it, whatever was skipped.
        for now in [
            local(2026, 3, 8, 8, 0),
            local(2026, 3, 13, 12, 0),
            end,
            local(2026, 4, 10, 0, 0),
        ] {
            let recorded: HashSet<_> = plan(&f, Belgrade, now, &HashSet::new())
                .iter()
                .map(|a| (a.event.kind, a.event.key))
                .collect();
            let next = next_due(&f, Belgrade, &recorded).expect("the purge is still ahead");
            assert!(next > now, "{next} after the pass at {now}");
            assert_eq!(
                Some(next),
                all.iter().map(|p| p.due_at).filter(|d| *d > now).min()
            );
        }
        // Everything recorded: nothing is due again.
        let every: HashSet<_> = all.iter().map(|p| (p.kind, p.key)).collect();
        assert_eq!(next_due(&f, Belgrade, &every), None);
        // A payment moves the end: the new end's events are all unrecorded.
        let paid = facts(end, Some(local(2026, 4, 15, 10, 0)));
        assert_eq!(
            next_due(&paid, Belgrade, &every),
            Some(local(2026, 4, 8, 8, 0))
        );
    }

    #[test]
    fn months_keep_their_day_and_wall_clock_time() {
        let jan31 = local(2026, 1, 31, 9, 30);
        let feb = next_period_end(jan31, 31, Belgrade);
        assert_eq!(feb, local(2026, 2, 28, 9, 30));
        assert_eq!(
            next_period_end(feb, 31, Belgrade),
            local(2026, 3, 31, 9, 30),
            "back to the 31st"
        );
        assert_eq!(
            next_period_end(local(2028, 1, 30, 9, 30), 30, Belgrade),
            local(2028, 2, 29, 9, 30),
            "29 February in a leap year"
        );
        // Across the spring DST change (29 March 2026): still 09:30 local, 23 h shorter in UTC.
        let mar = local(2026, 3, 15, 9, 30);
        let apr = next_period_end(mar, 15, Belgrade);
        assert_eq!(apr, local(2026, 4, 15, 9, 30));
        assert_eq!((apr - mar).num_hours(), 31 * 24 - 1);
        assert_eq!(
            next_period_end(local(2026, 12, 10, 0, 0), 10, Belgrade),
            local(2027, 1, 10, 0, 0)
        );
    }

    #[test]
    fn local_times_in_dst_gaps_and_overlaps() {
        // 02:30 on 29 March 2026 does not exist in Belgrade: it becomes 03:00 CEST.
        let gap = from_local(
            Belgrade,
            NaiveDate::from_ymd_opt(2026, 3, 29)
                .expect("d")
                .and_hms_opt(2, 30, 0)
                .expect("t"),
        );
        assert_eq!(
            gap,
            Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0)
                .single()
                .expect("t")
        );
        // 02:30 on 25 October 2026 happens twice: the first one (CEST).
        let twice = from_local(
            Belgrade,
            NaiveDate::from_ymd_opt(2026, 10, 25)
                .expect("d")
                .and_hms_opt(2, 30, 0)
                .expect("t"),
        );
        assert_eq!(
            twice,
            Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0)
                .single()
                .expect("t")
        );
    }

    #[test]
    fn a_payment_extends_from_the_end_unless_locked() {
        let end = local(2026, 3, 15, 9, 30);
        let f = facts(end, None);
        let early = extend(&f, local(2026, 3, 10, 12, 0), Belgrade);
        assert_eq!(
            (early.starts_at, early.paid_through),
            (end, local(2026, 4, 15, 9, 30)),
            "no trial day lost"
        );
        let late = extend(&f, local(2026, 3, 20, 14, 0), Belgrade);
        assert_eq!(
            (late.starts_at, late.paid_through, late.anchor_day),
            (local(2026, 3, 20, 14, 0), local(2026, 4, 20, 14, 0), 20),
            "a locked partner's period starts when it pays"
        );
    }

    fn kinds(actions: &[Action]) -> Vec<(&'static str, bool)> {
        actions
            .iter()
            .map(|a| (a.event.kind.as_str(), a.send))
            .collect()
    }

    #[test]
    fn the_plan_sends_each_reminder_once_and_catches_up_sensibly() {
        let end = local(2026, 3, 15, 9, 30);
        let f = facts(end, None);
        let mut recorded = HashSet::new();
        let run = |now: DateTime<Utc>, recorded: &mut HashSet<_>| {
            let a = plan(&f, Belgrade, now, recorded);
            for x in &a {
                recorded.insert((x.event.kind, x.event.key));
            }
            kinds(&a)
        };
        assert!(run(local(2026, 3, 8, 7, 59), &mut recorded).is_empty());
        assert_eq!(
            run(local(2026, 3, 8, 8, 0), &mut recorded),
            [("ends_in_7_days", true), ("invoice", true)]
        );
        assert!(
            run(local(2026, 3, 8, 20, 0), &mut recorded).is_empty(),
            "never twice"
        );
        // The scheduler is down from the 9th to the 14th, 10:00: only the newest reminder.
        assert_eq!(
            run(local(2026, 3, 14, 10, 0), &mut recorded),
            [("ends_in_3_days", false), ("ends_in_1_day", true)]
        );
        assert_eq!(
            run(local(2026, 3, 15, 8, 0), &mut recorded),
            [("ends_today", true)]
        );
        assert_eq!(
            run(local(2026, 3, 15, 9, 30), &mut recorded),
            [("locked", true)]
        );
        assert_eq!(
            run(local(2026, 4, 7, 8, 0), &mut recorded),
            [("purge_in_7_days", true)]
        );
        assert_eq!(
            run(local(2026, 4, 20, 0, 0), &mut recorded),
            [("purge_in_1_day", false), ("purge", true)],
            "down until after the purge: no stale warning, just the purge"
        );
    }

    #[test]
    fn a_scheduler_that_never_ran_before_the_end_sends_the_invoice_and_the_lock() {
        let end = local(2026, 3, 15, 9, 30);
        let a = plan(
            &facts(end, None),
            Belgrade,
            local(2026, 3, 16, 0, 0),
            &HashSet::new(),
        );
        assert_eq!(
            kinds(&a),
            [
                ("ends_in_7_days", false),
                ("invoice", true),
                ("ends_in_3_days", false),
                ("ends_in_1_day", false),
                ("ends_today", false),
                ("locked", true)
            ]
        );
    }

    #[test]
    fn an_end_before_eight_is_announced_at_the_start_of_its_day() {
        let end = local(2026, 3, 15, 6, 0);
        let today = events(&facts(end, None), Belgrade)
            .into_iter()
            .find(|p| p.kind == EventKind::EndsToday)
            .expect("planned");
        assert_eq!(today.due_at, local(2026, 3, 15, 0, 0));
    }

    #[test]
    fn references_carry_valid_check_digits() {
        let r = model97_reference("2026000042").expect("reference");
        assert!(model97_valid(&r), "{r}");
        assert!(model97_valid(&r.replace('-', " ")));
        let mut wrong = r.clone().into_bytes();
        wrong[3] = if wrong[3] == b'9' { b'0' } else { wrong[3] + 1 };
        assert!(!model97_valid(&String::from_utf8(wrong).expect("utf8")));
        assert_eq!(model97_reference("12a"), None);
        // The ISO 11649 example.
        assert_eq!(
            rf_reference("539007547034").as_deref(),
            Some("RF18539007547034")
        );
        assert!(rf_valid("RF18 5390 0754 7034"));
        assert!(!rf_valid("RF19 5390 0754 7034"));
        assert_eq!(normalize_reference(" rf18 5390-0754 "), "RF1853900754");
    }

    #[test]
    fn package_changes_and_proration() {
        assert_eq!(
            change_timing(PartnerState::Trial, 7900, 2900),
            ChangeTiming::Now
        );
        assert_eq!(
            change_timing(PartnerState::Active, 2900, 7900),
            ChangeTiming::NowProrated
        );
        assert_eq!(
            change_timing(PartnerState::Active, 7900, 2900),
            ChangeTiming::NextPeriod
        );
        let start = local(2026, 4, 1, 0, 0);
        let end = local(2026, 5, 1, 0, 0);
        let mid = start + (end - start) / 2;
        assert_eq!(
            prorated_minor(2900, 7900, start, end, mid),
            2500,
            "half the difference"
        );
        assert_eq!(prorated_minor(2900, 7900, start, end, end), 0);
        assert_eq!(
            prorated_minor(7900, 2900, start, end, mid),
            0,
            "a downgrade is never charged"
        );
        assert_eq!(
            prorated_minor(0, 1, start, end, mid),
            1,
            "half a cent rounds up"
        );
    }
}
