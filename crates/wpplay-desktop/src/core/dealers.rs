//! My Dealers: the server's dealers with local edits laid over them, and the edits
//! themselves, queued in the outbox so they work offline.

use super::state::Core;
use crate::commands::{
    AddDealerArgs, DealerPasswordArgs, DealerStatusArgs, DeleteDealerArgs, EditDealerArgs,
};
use crate::error::{CoreResult, not_signed_in};
use crate::replica::entity::outbox;
use crate::view::{DealerPage, DealerQuery, DealerRow, DealerSort, RowProblem, RowSync};
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use std::collections::HashMap;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::credentials::check_new_password;
use wpplay_domain::dealer::{DealerDetails, username as check_username};
use wpplay_i18n::{Later, args};
use wpplay_wire::ErrorBody;
use wpplay_wire::dealers::{Dealer, DealerState};
use wpplay_wire::sync::Mutation;

impl Core {
    /// One page of My Dealers.
    pub async fn list_dealers(&self, q: DealerQuery) -> CoreResult<DealerPage> {
        if !(1..=500).contains(&q.page_size) || q.page < 0 {
            return Err(ErrorBody::new(
                Code::InvalidQuery,
                "Pages have 1 to 500 rows and start at 0.",
            ));
        }
        let rows = self.dealer_rows().await?;
        Ok(page(rows, &q))
    }

    /// Adds a dealer: hashed here, so the password never waits in the outbox in clear.
    pub async fn add_dealer(&self, args: AddDealerArgs) -> CoreResult<DealerRow> {
        let details = DealerDetails::validate(
            &args.display_name,
            args.contact_email.as_deref(),
            args.contact_phone.as_deref(),
        )
        .map_err(domain)?;
        let username = check_username(&args.username).map_err(domain)?;
        check_new_password(&username, "", &args.password).map_err(domain)?;
        let password_hash = hash(args.password).await?;
        let dealer_id = uuid::Uuid::new_v4().to_string();
        let summary = Later::new("edit-add-dealer", args! {"name" => &details.display_name});
        let m = Mutation::CreateDealer {
            dealer_id: dealer_id.clone(),
            display_name: details.display_name,
            contact_email: details.contact_email,
            contact_phone: details.contact_phone,
            username,
            password_hash,
        };
        self.queue(&m, summary).await?;
        self.dealer_row(&dealer_id).await
    }

    /// Gives a dealer a new password, hashed here as when adding one; once the server
    /// applies it, whoever signed in as the dealer is signed out.
    pub async fn reset_dealer_password(&self, args: DealerPasswordArgs) -> CoreResult<DealerRow> {
        let current = self.dealer_row(&args.dealer_id).await?;
        check_new_password(&current.username, "", &args.password).map_err(domain)?;
        let password_hash = hash(args.password).await?;
        let m = Mutation::ResetDealerPassword {
            dealer_id: args.dealer_id.clone(),
            password_hash,
        };
        self.queue(
            &m,
            Later::new(
                "edit-reset-dealer-password",
                args! {"name" => &current.display_name},
            ),
        )
        .await?;
        self.dealer_row(&args.dealer_id).await
    }

    /// Edits a dealer's details.
    pub async fn edit_dealer(&self, args: EditDealerArgs) -> CoreResult<DealerRow> {
        let _one = self.editing.lock().await;
        let details = DealerDetails::validate(
            &args.display_name,
            args.contact_email.as_deref(),
            args.contact_phone.as_deref(),
        )
        .map_err(domain)?;
        let current = self.dealer_row(&args.dealer_id).await?;
        let m = Mutation::UpdateDealer {
            dealer_id: args.dealer_id.clone(),
            base_version: self.expected_version(&args.dealer_id).await?,
            display_name: details.display_name,
            contact_email: details.contact_email,
            contact_phone: details.contact_phone,
        };
        self.queue(
            &m,
            Later::new("edit-edit-dealer", args! {"name" => &current.display_name}),
        )
        .await?;
        self.dealer_row(&args.dealer_id).await
    }

    /// Switches a dealer on (Active) or off (Inactive).
    pub async fn set_dealer_status(&self, args: DealerStatusArgs) -> CoreResult<DealerRow> {
        let _one = self.editing.lock().await;
        let current = self.dealer_row(&args.dealer_id).await?;
        let id = match args.status {
            DealerState::Active => "edit-reactivate-dealer",
            DealerState::Inactive => "edit-deactivate-dealer",
        };
        let m = Mutation::SetDealerStatus {
            dealer_id: args.dealer_id.clone(),
            base_version: self.expected_version(&args.dealer_id).await?,
            status: args.status,
        };
        self.queue(&m, Later::new(id, args! {"name" => &current.display_name}))
            .await?;
        self.dealer_row(&args.dealer_id).await
    }

    /// Deletes a dealer with its subscribers; `subscriber_count` is what the user confirmed.
    pub async fn delete_dealer(&self, args: DeleteDealerArgs) -> CoreResult<()> {
        let _one = self.editing.lock().await;
        let current = self.dealer_row(&args.dealer_id).await?;
        if current.subscriber_count != args.subscriber_count {
            return Err(ErrorBody::new(
                Code::SubscriberCountChanged,
                format!(
                    "{} now has {} subscribers. Review and confirm again.",
                    current.display_name, current.subscriber_count
                ),
            ));
        }
        let m = Mutation::DeleteDealer {
            dealer_id: args.dealer_id.clone(),
            base_version: self.expected_version(&args.dealer_id).await?,
            subscriber_count: args.subscriber_count,
        };
        self.queue(
            &m,
            Later::new(
                "edit-delete-dealer",
                args! {"name" => &current.display_name, "count" => args.subscriber_count},
            ),
        )
        .await
    }

    /// Queues `m` for the server; `summary` words it where the user sees it waiting or
    /// refused, in the language of the moment.
    pub(super) async fn queue(&self, m: &Mutation, summary: Later) -> CoreResult<()> {
        {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            s.replica
                .enqueue(m, &summary.to_json(), self.cfg.clock.now())
                .await?;
        }
        self.wake_sync();
        Ok(())
    }

    pub(super) async fn dealer_rows(&self) -> CoreResult<Vec<DealerRow>> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let base = s.replica.dealers().await?;
        let counts = s.replica.subscriber_counts().await?;
        let queue = s.replica.outbox().await?;
        Ok(overlay(base, &counts, &queue))
    }

    async fn dealer_row(&self, id: &str) -> CoreResult<DealerRow> {
        self.dealer_rows()
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| {
                ErrorBody::new(
                    Code::DealerNotFound,
                    "This dealer no longer exists; it may have been deleted on another device.",
                )
            })
    }

    /// The version the dealer will have once every queued edit of it is applied: the
    /// version the next edit is made on.
    async fn expected_version(&self, id: &str) -> CoreResult<i64> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let on_server = s
            .replica
            .dealers()
            .await?
            .into_iter()
            .find(|d| d.id == id)
            .map_or(0, |d| d.version);
        let queued = s
            .replica
            .outbox()
            .await?
            .into_iter()
            .filter(|(row, m)| row.state != "rejected" && bumps(m, id))
            .count();
        Ok(on_server + i64::try_from(queued).unwrap_or(0))
    }
}

/// A dealer's password as the server stores it (argon2id at the product's cost), off
/// the async threads: hashing takes a noticeable fraction of a second.
async fn hash(password: String) -> CoreResult<String> {
    let failed = || {
        ErrorBody::new(
            Code::HashingFailed,
            "The password could not be secured. Try again.",
        )
    };
    tokio::task::spawn_blocking(move || {
        wpplay_domain::password_hash::hasher()
            .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
            .map(|h| h.to_string())
    })
    .await
    .map_err(|_| failed())?
    .map_err(|_| failed())
}

pub(super) fn domain(e: wpplay_domain::DomainError) -> ErrorBody {
    ErrorBody::new(e.code(), e.to_string()).about(e.field())
}

/// Whether a mutation moves the dealer `id` to its next version.
fn bumps(m: &Mutation, id: &str) -> bool {
    match m {
        Mutation::CreateDealer { dealer_id, .. }
        | Mutation::UpdateDealer { dealer_id, .. }
        | Mutation::SetDealerStatus { dealer_id, .. } => dealer_id == id,
        _ => false,
    }
}

/// The server's dealers with the queued edits applied in order, and refused edits marked
/// on their rows (a refused create still shows, so it can be fixed or discarded).
pub fn overlay(
    base: Vec<Dealer>,
    counts: &HashMap<Option<String>, i64>,
    queue: &[(outbox::Model, Mutation)],
) -> Vec<DealerRow> {
    let mut rows: Vec<DealerRow> = base
        .into_iter()
        .map(|d| DealerRow {
            subscriber_count: counts.get(&Some(d.id.clone())).copied().unwrap_or(0),
            id: d.id,
            display_name: d.display_name,
            contact_email: d.contact_email,
            contact_phone: d.contact_phone,
            username: d.username,
            status: d.status,
            sync: RowSync::Synced,
            problem: None,
        })
        .collect();
    for (entry, m) in queue {
        let rejected = entry.state == "rejected";
        let problem = RowProblem::refused(entry);
        // An applied edit the pull has not brought back yet shows its values, but it is
        // on the server already: no waiting mark.
        let applied = entry.state == "applied";
        let mark = |row: &mut DealerRow| {
            if let Some(p) = &problem {
                row.sync = RowSync::Rejected;
                row.problem = Some(p.clone());
            } else if row.sync != RowSync::Rejected && !applied {
                row.sync = RowSync::Pending;
            }
        };
        match m {
            Mutation::CreateDealer { dealer_id, .. } if rows.iter().any(|r| &r.id == dealer_id) => {
                // The pull already brought it (a page before the push's cursor).
                if let Some(row) = rows.iter_mut().find(|r| &r.id == dealer_id) {
                    mark(row);
                }
            }
            Mutation::CreateDealer {
                dealer_id,
                display_name,
                contact_email,
                contact_phone,
                username,
                ..
            } => {
                let mut row = DealerRow {
                    id: dealer_id.clone(),
                    display_name: display_name.clone(),
                    contact_email: contact_email.clone(),
                    contact_phone: contact_phone.clone(),
                    username: username.clone(),
                    status: DealerState::Active,
                    subscriber_count: 0,
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
            Mutation::UpdateDealer {
                dealer_id,
                display_name,
                contact_email,
                contact_phone,
                ..
            } => {
                if let Some(row) = rows.iter_mut().find(|r| &r.id == dealer_id) {
                    if !rejected {
                        row.display_name.clone_from(display_name);
                        row.contact_email.clone_from(contact_email);
                        row.contact_phone.clone_from(contact_phone);
                    }
                    mark(row);
                }
            }
            Mutation::SetDealerStatus {
                dealer_id, status, ..
            } => {
                if let Some(row) = rows.iter_mut().find(|r| &r.id == dealer_id) {
                    if !rejected {
                        row.status = *status;
                    }
                    mark(row);
                }
            }
            Mutation::ResetDealerPassword { dealer_id, .. } => {
                if let Some(row) = rows.iter_mut().find(|r| &r.id == dealer_id) {
                    mark(row);
                }
            }
            Mutation::DeleteDealer { dealer_id, .. } => {
                if rejected {
                    if let Some(row) = rows.iter_mut().find(|r| &r.id == dealer_id) {
                        mark(row);
                    }
                } else {
                    rows.retain(|r| &r.id != dealer_id);
                }
            }
            _ => {}
        }
    }
    rows
}

/// The rows a query picks, sorted (all pages): what the table pages and the CSV exports.
pub fn filtered_dealers(rows: Vec<DealerRow>, q: &DealerQuery) -> Vec<DealerRow> {
    let needle = q.search.trim().to_lowercase();
    let mut hits: Vec<DealerRow> = rows
        .into_iter()
        .filter(|r| q.status.is_none_or(|s| r.status == s))
        .filter(|r| {
            needle.is_empty()
                || [
                    Some(&r.display_name),
                    Some(&r.username),
                    r.contact_email.as_ref(),
                    r.contact_phone.as_ref(),
                ]
                .into_iter()
                .flatten()
                .any(|f| f.to_lowercase().contains(&needle))
        })
        .collect();
    hits.sort_by(|a, b| {
        let by = match q.sort {
            DealerSort::Name => a
                .display_name
                .to_lowercase()
                .cmp(&b.display_name.to_lowercase()),
            DealerSort::Username => a.username.cmp(&b.username),
            DealerSort::Status => (a.status as u8).cmp(&(b.status as u8)),
            DealerSort::Subscribers => a.subscriber_count.cmp(&b.subscriber_count),
        };
        let by = by
            .then_with(|| {
                a.display_name
                    .to_lowercase()
                    .cmp(&b.display_name.to_lowercase())
            })
            .then_with(|| a.id.cmp(&b.id));
        if q.descending { by.reverse() } else { by }
    });
    hits
}

/// Filters, sorts and pages the rows.
pub fn page(rows: Vec<DealerRow>, q: &DealerQuery) -> DealerPage {
    let all = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let active = i64::try_from(
        rows.iter()
            .filter(|r| r.status == DealerState::Active)
            .count(),
    )
    .unwrap_or(0);
    let hits = filtered_dealers(rows, q);
    let total = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    let start = usize::try_from(q.page.saturating_mul(q.page_size)).unwrap_or(usize::MAX);
    let rows = hits
        .into_iter()
        .skip(start)
        .take(usize::try_from(q.page_size).unwrap_or(0))
        .collect();
    DealerPage {
        rows,
        total,
        page: q.page,
        page_size: q.page_size,
        all,
        active,
        inactive: all - active,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dealer(id: &str, name: &str, version: i64) -> Dealer {
        Dealer {
            id: id.into(),
            display_name: name.into(),
            contact_email: None,
            contact_phone: None,
            username: name.to_lowercase(),
            status: DealerState::Active,
            version,
        }
    }

    fn entry(id: i64, state: &str, code: Option<&str>) -> outbox::Model {
        outbox::Model {
            mutation_id: id,
            payload: String::new(),
            summary: String::new(),
            state: state.into(),
            reject_code: code.map(Into::into),
            reject_message: code.map(|c| format!("refused: {c}")),
            created_at: chrono::DateTime::UNIX_EPOCH,
            applied_cursor: None,
        }
    }

    fn query(search: &str) -> DealerQuery {
        DealerQuery {
            search: search.into(),
            status: None,
            sort: DealerSort::Name,
            descending: false,
            page: 0,
            page_size: 50,
        }
    }

    #[test]
    fn queued_edits_show_at_once_and_refusals_are_marked() {
        let base = vec![dealer("a", "Ana", 1), dealer("b", "Bora", 3)];
        let counts: HashMap<Option<String>, i64> = [(Some("b".to_owned()), 12)].into();
        let queue = vec![
            (
                entry(1, "pending", None),
                Mutation::SetDealerStatus {
                    dealer_id: "a".into(),
                    base_version: 1,
                    status: DealerState::Inactive,
                },
            ),
            (
                entry(2, "rejected", Some("version_conflict")),
                Mutation::UpdateDealer {
                    dealer_id: "b".into(),
                    base_version: 2,
                    display_name: "Lost edit".into(),
                    contact_email: None,
                    contact_phone: None,
                },
            ),
            (
                entry(3, "pending", None),
                Mutation::CreateDealer {
                    dealer_id: "c".into(),
                    display_name: "Ceca".into(),
                    contact_email: None,
                    contact_phone: None,
                    username: "ceca".into(),
                    password_hash: "h".into(),
                },
            ),
            (
                entry(4, "rejected", Some("dealer_username_taken")),
                Mutation::CreateDealer {
                    dealer_id: "d".into(),
                    display_name: "Dule".into(),
                    contact_email: None,
                    contact_phone: None,
                    username: "dule".into(),
                    password_hash: "h".into(),
                },
            ),
        ];
        let rows = overlay(base, &counts, &queue);
        let by = |id: &str| rows.iter().find(|r| r.id == id).expect("row");
        assert_eq!(
            (by("a").status, by("a").sync),
            (DealerState::Inactive, RowSync::Pending),
            "a queued status change shows at once"
        );
        assert_eq!(
            by("b").display_name,
            "Bora",
            "a refused edit is not applied"
        );
        assert_eq!(
            by("b").problem.as_ref().map(|p| p.code.as_str()),
            Some("version_conflict"),
            "but shown as a conflict"
        );
        assert_eq!(by("b").subscriber_count, 12);
        assert_eq!(
            by("c").sync,
            RowSync::Pending,
            "an offline add shows with its waiting mark"
        );
        assert_eq!(
            by("d").sync,
            RowSync::Rejected,
            "a refused add stays visible to fix or discard"
        );
    }

    #[test]
    fn an_applied_edit_shows_until_the_pull_brings_it() {
        let mut applied = entry(1, "applied", None);
        applied.applied_cursor = Some(9);
        let create = Mutation::CreateDealer {
            dealer_id: "n".into(),
            display_name: "New".into(),
            contact_email: None,
            contact_phone: None,
            username: "new".into(),
            password_hash: "h".into(),
        };
        let before_pull = overlay(
            vec![],
            &HashMap::new(),
            &[(applied.clone(), create.clone())],
        );
        assert_eq!(
            before_pull.len(),
            1,
            "the server has it, the replica not yet: still shown"
        );
        assert_eq!(
            before_pull[0].sync,
            RowSync::Synced,
            "without a waiting mark"
        );
        let during_pull = overlay(
            vec![dealer("n", "New", 1)],
            &HashMap::new(),
            &[(applied, create)],
        );
        assert_eq!(
            during_pull.len(),
            1,
            "never twice while the pull catches up"
        );
    }

    #[test]
    fn a_queued_delete_hides_the_row() {
        let queue = vec![(
            entry(1, "pending", None),
            Mutation::DeleteDealer {
                dealer_id: "a".into(),
                base_version: 1,
                subscriber_count: 0,
            },
        )];
        assert!(overlay(vec![dealer("a", "Ana", 1)], &HashMap::new(), &queue).is_empty());
    }

    #[test]
    fn search_sort_and_pages() {
        let rows: Vec<DealerRow> = overlay(
            (0..120)
                .map(|i| dealer(&format!("{i:03}"), &format!("Dealer {i:03}"), 1))
                .collect(),
            &HashMap::new(),
            &[],
        );
        let p = page(
            rows.clone(),
            &DealerQuery {
                page: 2,
                ..query("")
            },
        );
        assert_eq!(
            (p.total, p.rows.len(), p.rows[0].display_name.as_str()),
            (120, 20, "Dealer 100"),
            "the third page of 50"
        );
        let p = page(rows.clone(), &query("dealer 01"));
        assert_eq!(p.total, 10, "search matches names, case-insensitively");
        let p = page(
            rows,
            &DealerQuery {
                descending: true,
                ..query("")
            },
        );
        assert_eq!(p.rows[0].display_name, "Dealer 119");
        assert_eq!((p.all, p.active, p.inactive), (120, 120, 0));
    }
}
