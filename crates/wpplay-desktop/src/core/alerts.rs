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
use wpplay_i18n::{Lang, args, format, text};
use wpplay_wire::resellers::Notification;
use wpplay_wire::sync::Entity;

/// Server notification kinds the app raises from its own plan instead.
pub const COMPUTED_HERE: [&str; 3] = ["access_ending", "access_locked", "purge_warning"];

/// The alerts due now and not raised before; recorded as raised.
pub(super) async fn take(
    s: &Session,
    tz: Tz,
    lang: Lang,
    now: DateTime<Utc>,
) -> CoreResult<Vec<Notification>> {
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
                                lang,
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

/// The words of one alert in `lang` (`None` for events that are not the partner's news
/// here).
fn alert(
    kind: EventKind,
    end: DateTime<Utc>,
    purge: DateTime<Utc>,
    paid: bool,
    tz: Tz,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<Notification> {
    let period = if paid { "paid" } else { "trial" };
    let day = |t: DateTime<Utc>| {
        let local = t.with_timezone(&tz);
        text(
            lang,
            "at-time",
            Some(&args! {
                "day" => format::date(local.date_naive(), lang),
                "time" => format::time(local.time()),
            }),
        )
    };
    let args = args! {"period" => period, "when" => day(end), "purge" => day(purge)};
    let say = |id: &str, days: Option<i64>| {
        let a = match days {
            Some(d) => args.clone().with("days", d),
            None => args.clone(),
        };
        text(lang, id, Some(&a))
    };
    let (title, body) = match kind {
        EventKind::EndsIn7Days | EventKind::EndsIn3Days | EventKind::EndsIn1Day => {
            let days = match kind {
                EventKind::EndsIn7Days => 7,
                EventKind::EndsIn3Days => 3,
                _ => 1,
            };
            (
                say("access-ending.title", Some(days)),
                say("alert-ends-on", None),
            )
        }
        EventKind::EndsToday => (
            say("access-ends-today.title", None),
            say("alert-ends-at", None),
        ),
        EventKind::Locked => (
            say("alert-locked.title", None),
            say("alert-locked.body", None),
        ),
        EventKind::PurgeIn7Days | EventKind::PurgeIn1Day => {
            let days = if kind == EventKind::PurgeIn7Days {
                7
            } else {
                1
            };
            (
                say("purge-warning.title", Some(days)),
                say("alert-purge", None),
            )
        }
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
