//! Lifecycle alerts computed from the replica: the trial or paid period ends in 7, 3 or 1
//! days or today, the account is locked, its data is deleted in 7 or 1 days. The same
//! plan as the server's (`wpplay_domain::billing::plan`), run with the local clock, so
//! the alerts also come while offline; each is handed out once, ever.

use super::state::Session;
use crate::error::CoreResult;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashSet;
use wpplay_domain::billing::{BillingFacts, EventKind, anchor_day, plan};
use wpplay_domain::lifecycle::LifecycleFacts;
use wpplay_wire::resellers::Notification;
use wpplay_wire::sync::Entity;

/// Server notification kinds the app raises from its own plan instead.
pub const COMPUTED_HERE: [&str; 3] = ["access_ending", "access_locked", "purge_warning"];

/// The alerts due now and not raised before; recorded as raised.
pub(super) async fn take(s: &Session, tz: Tz, now: DateTime<Utc>) -> CoreResult<Vec<Notification>> {
    let Some(sub) = s
        .replica
        .entities("subscription")
        .await?
        .into_iter()
        .find_map(|e| match e {
            Entity::Subscription(sub) => Some(sub),
            _ => None,
        })
    else {
        return Ok(Vec::new());
    };
    let lifecycle = LifecycleFacts {
        trial_ends_at: sub.trial_ends_at,
        paid_through: sub.paid_through,
    };
    let facts = BillingFacts {
        lifecycle,
        anchor_day: anchor_day(lifecycle.access_ends_at(), tz),
    };
    let paid = sub.paid_through.is_some_and(|p| p >= sub.trial_ends_at);
    Ok(s.replica
        .take_lifecycle_alerts(|seen: &HashSet<String>| {
            let recorded: HashSet<(EventKind, DateTime<Utc>)> = seen
                .iter()
                .filter_map(|k| {
                    let (kind, at) = k.split_once('@')?;
                    Some((EventKind::parse(kind)?, at.parse().ok()?))
                })
                .collect();
            plan(&facts, tz, now, &recorded)
                .into_iter()
                .map(|a| {
                    let key = format!("{}@{}", a.event.kind.as_str(), a.event.key.to_rfc3339());
                    let alert = a
                        .send
                        .then(|| {
                            alert(
                                a.event.kind,
                                a.event.key,
                                facts.lifecycle.purge_at(),
                                paid,
                                tz,
                                now,
                            )
                        })
                        .flatten();
                    (key, alert)
                })
                .collect()
        })
        .await?
        .into_iter()
        .flatten()
        .collect())
}

/// The words of one alert (`None` for events that are not the partner's news here).
fn alert(
    kind: EventKind,
    end: DateTime<Utc>,
    purge: DateTime<Utc>,
    paid: bool,
    tz: Tz,
    now: DateTime<Utc>,
) -> Option<Notification> {
    let what = if paid { "paid period" } else { "free trial" };
    let day = |t: DateTime<Utc>| {
        t.with_timezone(&tz)
            .format("%-d %B %Y at %H:%M")
            .to_string()
    };
    let (title, body) = match kind {
        EventKind::EndsIn7Days | EventKind::EndsIn3Days | EventKind::EndsIn1Day => {
            let days = match kind {
                EventKind::EndsIn7Days => "7 days",
                EventKind::EndsIn3Days => "3 days",
                _ => "1 day",
            };
            (
                format!("Your {what} ends in {days}"),
                format!(
                    "It ends on {}. Pay the pro forma invoice under Billing to keep working.",
                    day(end)
                ),
            )
        }
        EventKind::EndsToday => (
            format!("Your {what} ends today"),
            format!(
                "It ends at {}. Pay the pro forma invoice under Billing to keep working.",
                day(end)
            ),
        ),
        EventKind::Locked => (
            "Your account is locked".to_owned(),
            format!(
                "Your {what} ended unpaid. Your data is kept until {}; pay under Billing to unlock.",
                day(purge)
            ),
        ),
        EventKind::PurgeIn7Days | EventKind::PurgeIn1Day => (
            format!(
                "Your data is deleted in {}",
                if kind == EventKind::PurgeIn7Days {
                    "7 days"
                } else {
                    "1 day"
                }
            ),
            format!(
                "Unless you pay, everything you entered is deleted on {}.",
                day(purge)
            ),
        ),
        EventKind::Invoice | EventKind::Purge => return None,
    };
    Some(Notification {
        // Not a server row: a negative id keeps it apart from the server's notifications.
        id: -(end.timestamp() % 1_000_000_000).abs() - 1,
        kind: format!("lifecycle_{}", kind.as_str()),
        title,
        body,
        created_at: now,
    })
}
