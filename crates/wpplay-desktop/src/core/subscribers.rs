//! The subscribers table: the server's lines with local edits laid over them, and the
//! edits themselves, queued in the outbox so they work offline. A partner sees all of its
//! lines; a dealer only its own (its feed carries nothing else).

use super::dealers::domain;
use super::state::Core;
use crate::commands::{
    AddSubscriberArgs, EditSubscriberArgs, ExtendSubscriberArgs, LineDaysArgs, SubscriberArgs,
};
use crate::error::{CoreResult, not_signed_in};
use crate::replica::entity::outbox;
use crate::view::{
    DealerFilter, DealerOption, LineDays, LineView, RowProblem, RowSync, SubscriberPage,
    SubscriberQuery, SubscriberRow, SubscriberSort,
};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use wpplay_domain::Code;
use wpplay_domain::dealer::{
    DealerStatus, LineState, MAX_EXTENSION_DAYS, SubscriberDetails, extend_line, extended_expiry,
    line_state,
};
use wpplay_domain::lifecycle::days_left;
use wpplay_domain::package::Limited;
use wpplay_i18n::{Later, args};
use wpplay_wire::ErrorBody;
use wpplay_wire::dealers::{Dealer, DealerState, LineStatus, Subscriber};
use wpplay_wire::sync::Mutation;

impl Core {
    /// One page of subscribers.
    pub async fn list_subscribers(&self, q: SubscriberQuery) -> CoreResult<SubscriberPage> {
        check_page(q.page, q.page_size)?;
        let (rows, mut dealers) = self.subscriber_rows().await?;
        if self.role().await? == wpplay_wire::auth::Role::Dealer {
            // A dealer's feed carries only itself: there is nobody to pick or filter by.
            dealers.clear();
        }
        let allowance = self
            .allowance(Limited::Subscribers, lines_held(&rows))
            .await?;
        Ok(SubscriberPage {
            allowance,
            ..subscriber_page(rows, dealers, &q)
        })
    }

    /// Adds a line expiring `days` from now.
    pub async fn add_subscriber(&self, args: AddSubscriberArgs) -> CoreResult<SubscriberRow> {
        let details = SubscriberDetails::validate(&args.name, &args.line_username, &args.mac)
            .map_err(domain)?;
        check_days(args.days)?;
        let (rows, dealers) = self.subscriber_rows().await?;
        if let Some(taken) = rows.iter().find(|r| r.mac == details.mac) {
            return Err(mac_taken(&details.mac, &taken.name));
        }
        // The package's limit, checked before queuing (the server holds it again).
        if let Some(a) = self
            .allowance(Limited::Subscribers, lines_held(&rows))
            .await?
        {
            a.room_for_one(Limited::Subscribers)?;
        }
        let dealer_id = args.dealer_id.filter(|d| !d.is_empty());
        if let Some(d) = &dealer_id
            && !dealers.iter().any(|o| &o.id == d)
        {
            return Err(ErrorBody::new(
                Code::DealerNotFound,
                "This dealer no longer exists; it may have been deleted on another device.",
            ));
        }
        let subscriber_id = uuid::Uuid::new_v4().to_string();
        let summary = Later::new("edit-add-subscriber", args! {"name" => &details.name});
        let m = Mutation::CreateSubscriber {
            subscriber_id: subscriber_id.clone(),
            dealer_id,
            name: details.name,
            line_username: details.line_username,
            mac: details.mac,
            expires_at: self.cfg.clock.now() + Duration::days(args.days),
        };
        self.queue(&m, summary).await?;
        self.subscriber_row(&subscriber_id).await
    }

    /// Edits a line's details and its own status (Active / Disabled).
    pub async fn edit_subscriber(&self, args: EditSubscriberArgs) -> CoreResult<SubscriberRow> {
        let _one = self.editing.lock().await;
        let details = SubscriberDetails::validate(&args.name, &args.line_username, &args.mac)
            .map_err(domain)?;
        let current = self.subscriber_row(&args.subscriber_id).await?;
        let (rows, _) = self.subscriber_rows().await?;
        if let Some(taken) = rows
            .iter()
            .find(|r| r.mac == details.mac && r.id != args.subscriber_id)
        {
            return Err(mac_taken(&details.mac, &taken.name));
        }
        let m = Mutation::UpdateSubscriber {
            subscriber_id: args.subscriber_id.clone(),
            base_version: self.expected_line_version(&args.subscriber_id).await?,
            name: details.name,
            line_username: details.line_username,
            mac: details.mac,
            status: args.status,
        };
        self.queue(
            &m,
            Later::new("edit-edit-subscriber", args! {"name" => &current.name}),
        )
        .await?;
        self.subscriber_row(&args.subscriber_id).await
    }

    /// What `days` would do to a new line (no id) or to a line extended by them: its new
    /// expiry, or why the number is refused. The same rule `add_subscriber` and
    /// `extend_subscriber` apply.
    pub async fn check_line_days(&self, args: LineDaysArgs) -> CoreResult<LineDays> {
        let now = self.cfg.clock.now();
        let from = match &args.subscriber_id {
            Some(id) => self.subscriber_row(id).await?.expires_at,
            None => now,
        };
        let answer = extend_line(from, now, args.days);
        Ok(LineDays {
            problem: answer.as_ref().err().map(|e| e.message().to_owned()),
            expires_at: answer.ok(),
            max_days: MAX_EXTENSION_DAYS,
        })
    }

    /// Extends a line by `days` from the later of now and its expiry.
    pub async fn extend_subscriber(&self, args: ExtendSubscriberArgs) -> CoreResult<SubscriberRow> {
        check_days(args.days)?;
        let current = self.subscriber_row(&args.subscriber_id).await?;
        // The server's rule, checked before queuing: paid at most so many days ahead.
        extend_line(current.expires_at, self.cfg.clock.now(), args.days).map_err(|e| {
            ErrorBody::new(wpplay_domain::ErrorCode::code(&e), e.message()).about(e.field())
        })?;
        let m = Mutation::ExtendSubscriber {
            subscriber_id: args.subscriber_id.clone(),
            days: args.days,
        };
        self.queue(
            &m,
            Later::new(
                "edit-extend-subscriber",
                args! {"name" => &current.name, "days" => args.days},
            ),
        )
        .await?;
        self.subscriber_row(&args.subscriber_id).await
    }

    /// Removes a line.
    pub async fn remove_subscriber(&self, args: SubscriberArgs) -> CoreResult<()> {
        let _one = self.editing.lock().await;
        let current = self.subscriber_row(&args.subscriber_id).await?;
        let m = Mutation::RemoveSubscriber {
            subscriber_id: args.subscriber_id.clone(),
            base_version: self.expected_line_version(&args.subscriber_id).await?,
        };
        self.queue(
            &m,
            Later::new("edit-remove-subscriber", args! {"name" => &current.name}),
        )
        .await
    }

    /// Every line (with local edits) and the partner's dealers.
    pub(super) async fn subscriber_rows(
        &self,
    ) -> CoreResult<(Vec<SubscriberRow>, Vec<DealerOption>)> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let base = s.replica.subscribers().await?;
        let dealers = s.replica.dealers().await?;
        let queue = s.replica.outbox().await?;
        Ok(line_overlay(base, &dealers, &queue, self.cfg.clock.now()))
    }

    async fn subscriber_row(&self, id: &str) -> CoreResult<SubscriberRow> {
        self.subscriber_rows()
            .await?
            .0
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| {
                ErrorBody::new(
                    Code::SubscriberNotFound,
                    "This subscriber no longer exists; it may have been removed on another device.",
                )
            })
    }

    /// The version the line will have once every queued edit of it is applied.
    async fn expected_line_version(&self, id: &str) -> CoreResult<i64> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let on_server = s
            .replica
            .subscribers()
            .await?
            .into_iter()
            .find(|l| l.id == id)
            .map_or(0, |l| l.version);
        let queued = s
            .replica
            .outbox()
            .await?
            .into_iter()
            .filter(|(row, m)| row.state != "rejected" && bumps_line(m, id))
            .count();
        Ok(on_server + i64::try_from(queued).unwrap_or(0))
    }
}

pub(super) fn check_page(page: i64, page_size: i64) -> CoreResult<()> {
    if !(1..=500).contains(&page_size) || page < 0 {
        return Err(ErrorBody::new(
            Code::InvalidQuery,
            "Pages have 1 to 500 rows and start at 0.",
        ));
    }
    Ok(())
}

fn check_days(days: i64) -> CoreResult<()> {
    if !(1..=MAX_EXTENSION_DAYS).contains(&days) {
        return Err(ErrorBody::new(
            Code::InvalidExtension,
            format!("Choose 1 to {MAX_EXTENSION_DAYS} days."),
        ));
    }
    Ok(())
}

fn mac_taken(mac: &str, holder: &str) -> ErrorBody {
    ErrorBody::new(
        Code::MacTaken,
        format!("The MAC address {mac} is already used by subscriber {holder}."),
    )
}

/// Whether a mutation moves the line `id` to its next version.
fn bumps_line(m: &Mutation, id: &str) -> bool {
    match m {
        Mutation::CreateSubscriber { subscriber_id, .. }
        | Mutation::UpdateSubscriber { subscriber_id, .. }
        | Mutation::ExtendSubscriber { subscriber_id, .. } => subscriber_id == id,
        _ => false,
    }
}

/// What a line is at `now`, for the table.
fn view_of(
    status: LineStatus,
    dealer: Option<DealerState>,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> LineView {
    match line_state(
        status.into(),
        dealer.map(DealerStatus::from),
        expires_at,
        now,
    ) {
        LineState::Active => LineView::Active,
        LineState::Disabled => LineView::Disabled,
        LineState::Suspended => LineView::Suspended,
        LineState::Expired => LineView::Expired,
    }
}

/// The server's lines with the queued edits applied in order (dealer status edits too, so
/// deactivating a dealer offline shows its lines suspended at once); refused edits are
/// marked on their rows.
pub fn line_overlay(
    base: Vec<Subscriber>,
    dealers: &[Dealer],
    queue: &[(outbox::Model, Mutation)],
    now: DateTime<Utc>,
) -> (Vec<SubscriberRow>, Vec<DealerOption>) {
    let mut options: Vec<DealerOption> = dealers
        .iter()
        .map(|d| DealerOption {
            id: d.id.clone(),
            display_name: d.display_name.clone(),
            status: d.status,
        })
        .collect();
    let mut rows: Vec<SubscriberRow> = base
        .into_iter()
        .map(|l| SubscriberRow {
            id: l.id,
            dealer_id: l.dealer_id,
            dealer_name: None,
            name: l.name,
            line_username: l.line_username,
            mac: l.mac,
            expires_at: l.expires_at,
            status: l.status,
            state: LineView::Active,
            days_left: 0,
            sync: RowSync::Synced,
            problem: None,
        })
        .collect();
    for (entry, m) in queue {
        let rejected = entry.state == "rejected";
        let applied = entry.state == "applied";
        let problem = RowProblem::refused(entry);
        let mark = |row: &mut SubscriberRow| {
            if let Some(p) = &problem {
                row.sync = RowSync::Rejected;
                row.problem = Some(p.clone());
            } else if row.sync != RowSync::Rejected && !applied {
                row.sync = RowSync::Pending;
            }
        };
        match m {
            Mutation::CreateSubscriber { subscriber_id, .. }
                if rows.iter().any(|r| &r.id == subscriber_id) =>
            {
                if let Some(row) = rows.iter_mut().find(|r| &r.id == subscriber_id) {
                    mark(row);
                }
            }
            Mutation::CreateSubscriber {
                subscriber_id,
                dealer_id,
                name,
                line_username,
                mac,
                expires_at,
            } => {
                let mut row = SubscriberRow {
                    id: subscriber_id.clone(),
                    dealer_id: dealer_id.clone(),
                    dealer_name: None,
                    name: name.clone(),
                    line_username: line_username.clone(),
                    mac: mac.clone(),
                    expires_at: *expires_at,
                    status: LineStatus::Active,
                    state: LineView::Active,
                    days_left: 0,
                    sync: if applied {
                        RowSync::Synced
                    } else {
                        RowSync::Pending
                    },
                    problem: None,
                };
                mark(&mut row);
                rows.push(row);
            }
            Mutation::UpdateSubscriber {
                subscriber_id,
                name,
                line_username,
                mac,
                status,
                ..
            } => {
                if let Some(row) = rows.iter_mut().find(|r| &r.id == subscriber_id) {
                    if !rejected {
                        row.name.clone_from(name);
                        row.line_username.clone_from(line_username);
                        row.mac.clone_from(mac);
                        row.status = *status;
                    }
                    mark(row);
                }
            }
            Mutation::ExtendSubscriber {
                subscriber_id,
                days,
            } => {
                if let Some(row) = rows.iter_mut().find(|r| &r.id == subscriber_id) {
                    if !rejected && !applied {
                        // An applied extension is in the server's expiry already (or will
                        // be, with the server's clock): only waiting ones are laid over.
                        row.expires_at = extended_expiry(row.expires_at, now, *days);
                    }
                    mark(row);
                }
            }
            Mutation::RemoveSubscriber { subscriber_id, .. } => {
                if rejected {
                    if let Some(row) = rows.iter_mut().find(|r| &r.id == subscriber_id) {
                        mark(row);
                    }
                } else {
                    rows.retain(|r| &r.id != subscriber_id);
                }
            }
            Mutation::CreateDealer {
                dealer_id,
                display_name,
                ..
            } if !rejected && !options.iter().any(|o| &o.id == dealer_id) => {
                options.push(DealerOption {
                    id: dealer_id.clone(),
                    display_name: display_name.clone(),
                    status: DealerState::Active,
                });
            }
            Mutation::UpdateDealer {
                dealer_id,
                display_name,
                ..
            } if !rejected => {
                if let Some(o) = options.iter_mut().find(|o| &o.id == dealer_id) {
                    o.display_name.clone_from(display_name);
                }
            }
            Mutation::SetDealerStatus {
                dealer_id, status, ..
            } if !rejected => {
                if let Some(o) = options.iter_mut().find(|o| &o.id == dealer_id) {
                    o.status = *status;
                }
            }
            Mutation::DeleteDealer { dealer_id, .. } if !rejected => {
                options.retain(|o| &o.id != dealer_id);
                rows.retain(|r| r.dealer_id.as_ref() != Some(dealer_id));
            }
            _ => {}
        }
    }
    let by_id: HashMap<&str, &DealerOption> = options.iter().map(|o| (o.id.as_str(), o)).collect();
    for row in &mut rows {
        let dealer = row.dealer_id.as_deref().and_then(|d| by_id.get(d));
        row.dealer_name = dealer.map(|o| o.display_name.clone());
        row.state = view_of(row.status, dealer.map(|o| o.status), row.expires_at, now);
        row.days_left = days_left(row.expires_at, now);
    }
    options.sort_by(|a, b| {
        a.display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    (rows, options)
}

/// The rows a query picks, sorted (all pages): what the table pages and the CSV exports.
pub fn filtered_lines(rows: Vec<SubscriberRow>, q: &SubscriberQuery) -> Vec<SubscriberRow> {
    let needle = q.search.trim().to_lowercase();
    let mut hits: Vec<SubscriberRow> = rows
        .into_iter()
        .filter(|r| in_dealer_filter(r, q.dealer.as_ref()))
        .filter(|r| q.state.is_none_or(|s| r.state == s))
        .filter(|r| {
            needle.is_empty()
                || [
                    Some(&r.name),
                    Some(&r.line_username),
                    Some(&r.mac),
                    r.dealer_name.as_ref(),
                ]
                .into_iter()
                .flatten()
                .any(|f| f.to_lowercase().contains(&needle))
                // A MAC typed without separators still finds the line.
                || (needle.len() >= 4
                    && r.mac
                        .replace(':', "")
                        .to_lowercase()
                        .contains(&needle.replace([':', '-', '.'], "")))
        })
        .collect();
    let name = |r: &SubscriberRow| r.name.to_lowercase();
    hits.sort_by(|a, b| {
        let by = match q.sort {
            SubscriberSort::Name => name(a).cmp(&name(b)),
            SubscriberSort::LineUsername => a.line_username.cmp(&b.line_username),
            SubscriberSort::Mac => a.mac.cmp(&b.mac),
            SubscriberSort::Dealer => a
                .dealer_name
                .as_deref()
                .map(str::to_lowercase)
                .cmp(&b.dealer_name.as_deref().map(str::to_lowercase)),
            SubscriberSort::Expires => a.expires_at.cmp(&b.expires_at),
            SubscriberSort::State => (a.state as u8).cmp(&(b.state as u8)),
        };
        let by = by
            .then_with(|| name(a).cmp(&name(b)))
            .then_with(|| a.id.cmp(&b.id));
        if q.descending { by.reverse() } else { by }
    });
    hits
}

fn in_dealer_filter(r: &SubscriberRow, f: Option<&DealerFilter>) -> bool {
    match f {
        None => true,
        Some(DealerFilter::Own) => r.dealer_id.is_none(),
        Some(DealerFilter::Dealer(id)) => r.dealer_id.as_ref() == Some(id),
    }
}

/// Lines that hold a place in the package: all but those showing a refusal (a new line
/// the server refused holds none; an existing one with a refused edit is not counted
/// until the edit is discarded, so the early check errs towards letting the server
/// decide).
fn lines_held(rows: &[SubscriberRow]) -> usize {
    rows.iter().filter(|r| r.sync != RowSync::Rejected).count()
}

/// Filters, sorts and pages the rows; the chips count the lines the dealer filter picks.
pub fn subscriber_page(
    rows: Vec<SubscriberRow>,
    dealers: Vec<DealerOption>,
    q: &SubscriberQuery,
) -> SubscriberPage {
    let count = |s: LineView| {
        i64::try_from(
            rows.iter()
                .filter(|r| in_dealer_filter(r, q.dealer.as_ref()) && r.state == s)
                .count(),
        )
        .unwrap_or(0)
    };
    let (active, disabled, suspended, expired) = (
        count(LineView::Active),
        count(LineView::Disabled),
        count(LineView::Suspended),
        count(LineView::Expired),
    );
    let hits = filtered_lines(rows, q);
    let total = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    let start = usize::try_from(q.page.saturating_mul(q.page_size)).unwrap_or(usize::MAX);
    SubscriberPage {
        rows: hits
            .into_iter()
            .skip(start)
            .take(usize::try_from(q.page_size).unwrap_or(0))
            .collect(),
        total,
        page: q.page,
        page_size: q.page_size,
        all: active + disabled + suspended + expired,
        active,
        disabled,
        suspended,
        expired,
        dealers,
        allowance: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, day, 12, 0, 0)
            .single()
            .expect("date")
    }

    fn line(id: &str, dealer: Option<&str>, mac: &str, expires: u32) -> Subscriber {
        Subscriber {
            id: id.into(),
            dealer_id: dealer.map(str::to_owned),
            name: format!("Line {id}"),
            line_username: id.into(),
            mac: mac.into(),
            expires_at: at(expires),
            status: LineStatus::Active,
            version: 1,
        }
    }

    fn query() -> SubscriberQuery {
        SubscriberQuery {
            search: String::new(),
            state: None,
            dealer: None,
            sort: SubscriberSort::Expires,
            descending: false,
            page: 0,
            page_size: 10,
        }
    }

    #[test]
    fn states_filters_and_mac_search() {
        let dealers = vec![Dealer {
            id: "d1".into(),
            display_name: "Shop".into(),
            contact_email: None,
            contact_phone: None,
            username: "shop".into(),
            status: DealerState::Inactive,
            version: 2,
        }];
        let base = vec![
            line("a", None, "00:1A:2B:3C:4D:01", 20),
            line("b", None, "00:1A:2B:3C:4D:02", 5),
            line("c", Some("d1"), "00:1A:2B:3C:4D:03", 25),
        ];
        let (rows, options) = line_overlay(base, &dealers, &[], at(10));
        assert_eq!(options.len(), 1);
        let page = subscriber_page(rows.clone(), options.clone(), &query());
        let ids: Vec<&str> = page.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"], "by expiry");
        assert_eq!((page.active, page.expired, page.suspended), (1, 1, 1));
        assert_eq!(page.rows[2].dealer_name.as_deref(), Some("Shop"));
        assert_eq!(page.rows[1].days_left, 10);
        let own = subscriber_page(
            rows.clone(),
            options.clone(),
            &SubscriberQuery {
                dealer: Some(DealerFilter::Own),
                ..query()
            },
        );
        assert_eq!(
            (own.total, own.all, own.suspended),
            (2, 2, 0),
            "chips count within the dealer filter"
        );
        let by_mac = filtered_lines(
            rows,
            &SubscriberQuery {
                search: "4d03".into(),
                ..query()
            },
        );
        assert_eq!(
            by_mac.len(),
            1,
            "a MAC typed without separators finds the line"
        );
        assert_eq!(by_mac[0].id, "c");
    }
}
