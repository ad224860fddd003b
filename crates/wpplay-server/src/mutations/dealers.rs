//! A partner's dealers: add, edit, switch on and off, delete with all subscribers.

use super::audit;
use super::outcome::{Applied, Refusal, check_id, conflict, refuse};
use crate::db::entity::{account, dealer, session, subscriber, sync_mutation};
use crate::feed::publish;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TryInsertResult,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use wpplay_domain::Code;
use wpplay_domain::dealer::{
    DealerDetails, DealerStatus, MAX_TAKEN_USERNAMES_PER_DAY, username as check_username,
};
use wpplay_domain::ids::AccountId;
use wpplay_wire::dealers::Removed;
use wpplay_wire::sync::{Entity, Mutation};

pub async fn apply(
    db: &DatabaseTransaction,
    partner: AccountId,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    match m {
        Mutation::ResetDealerPassword {
            dealer_id,
            password_hash,
        } => reset_password(db, partner, dealer_id, password_hash, now).await,
        Mutation::DeleteDealer {
            dealer_id,
            base_version,
            subscriber_count,
        } => {
            let Some(d) = find(db, partner, dealer_id, *base_version).await? else {
                return Ok(Err(gone()));
            };
            let d = match d {
                Ok(d) => d,
                Err(refusal) => return Ok(Err(refusal)),
            };
            let lines = subscriber::Entity::find()
                .filter(subscriber::Column::DealerId.eq(d.id.clone()))
                .all(db)
                .await?;
            if i64::try_from(lines.len()).unwrap_or(i64::MAX) != *subscriber_count {
                return Ok(Err((
                    Code::SubscriberCountChanged,
                    format!(
                        "The dealer now has {} subscribers, not {subscriber_count} as confirmed. Review and confirm again.",
                        lines.len()
                    ),
                )));
            }
            for line in &lines {
                publish(
                    db,
                    &[partner],
                    &Entity::SubscriberRemoved(Removed {
                        id: line.id.clone(),
                    }),
                    now,
                )
                .await?;
            }
            subscriber::Entity::delete_many()
                .filter(subscriber::Column::DealerId.eq(d.id.clone()))
                .exec(db)
                .await?;
            dealer::Entity::delete_by_id(d.id.clone()).exec(db).await?;
            // The login goes too; its sessions, feed and sync records cascade with it.
            account::Entity::delete_by_id(d.account_id).exec(db).await?;
            publish(
                db,
                &[partner],
                &Entity::DealerRemoved(Removed { id: d.id }),
                now,
            )
            .await?;
            Ok(Ok(()))
        }
        _ => Ok(Err((Code::Forbidden, "Not a dealer change.".to_owned()))),
    }
}

/// Whether a mutation edits a dealer in place (its details or its status): such edits
/// are decided together, in memory, by [`edit_many`].
pub fn is_edit(m: &Mutation) -> bool {
    matches!(
        m,
        Mutation::UpdateDealer { .. } | Mutation::SetDealerStatus { .. }
    )
}

/// Applies a run of dealer edits ([`is_edit`]) of one partner, in order, as separate
/// mutations would: each checked against the dealer as the earlier ones of the run left
/// it (its version included), refused or applied on its own. The run reads its dealers
/// with one locked query and their usernames with another, decides everything in memory,
/// then writes each changed dealer once (one multi-row upsert) and ends the sessions of
/// every dealer switched to Inactive (one update), so a hundred edits cost a handful of
/// statements instead of a dozen each. Every edit still gets its feed entries and its
/// audit entry, with the dealer before and after it.
pub async fn edit_many(
    db: &impl ConnectionTrait,
    partner: AccountId,
    edits: &[&Mutation],
    now: DateTime<Utc>,
) -> Result<Vec<Result<audit::Change, Refusal>>, DbErr> {
    let ids: BTreeSet<&str> = edits.iter().filter_map(|m| edited_id(m)).collect();
    let mut dealers: HashMap<String, dealer::Model> = HashMap::new();
    for chunk in ids.iter().copied().collect::<Vec<_>>().chunks(500) {
        for d in dealer::Entity::find()
            .filter(dealer::Column::Id.is_in(chunk.iter().copied()))
            .filter(dealer::Column::PartnerId.eq(partner.0))
            // Locked in id order: two runs over the same dealers never wait in a circle.
            .order_by_asc(dealer::Column::Id)
            .lock_exclusive()
            .all(db)
            .await?
        {
            dealers.insert(d.id.clone(), d);
        }
    }
    let mut usernames: HashMap<i64, String> = HashMap::new();
    let account_ids: Vec<i64> = dealers.values().map(|d| d.account_id).collect();
    for chunk in account_ids.chunks(500) {
        usernames.extend(
            account::Entity::find()
                .select_only()
                .columns([account::Column::Id, account::Column::Username])
                .filter(account::Column::Id.is_in(chunk.iter().copied()))
                .into_tuple::<(i64, String)>()
                .all(db)
                .await?,
        );
    }
    let wire = |d: &dealer::Model| {
        wire_form::dealer(d, usernames.get(&d.account_id).cloned().unwrap_or_default())
    };
    let mut changed: Vec<String> = Vec::new();
    let mut switched_off: Vec<i64> = Vec::new();
    let mut results = Vec::with_capacity(edits.len());
    for m in edits {
        let (before, after) = match decide(&mut dealers, m, now) {
            Ok(pair) => pair,
            Err(refusal) => {
                results.push(Err(refusal));
                continue;
            }
        };
        let after_wire = wire(&after);
        publish(
            db,
            &[AccountId(after.partner_id), AccountId(after.account_id)],
            &Entity::Dealer(after_wire.clone()),
            now,
        )
        .await?;
        if DealerStatus::parse(&after.status) == Some(DealerStatus::Inactive)
            && matches!(m, Mutation::SetDealerStatus { .. })
        {
            switched_off.push(after.account_id);
        }
        if !changed.contains(&after.id) {
            changed.push(after.id.clone());
        }
        results.push(Ok(audit::Change {
            action: audit::action(m),
            target: ("dealer", after.id.clone()),
            before: serde_json::to_value(wire(&before)).ok(),
            after: serde_json::to_value(after_wire).ok(),
        }));
    }
    let rows: Vec<dealer::ActiveModel> = changed
        .iter()
        .filter_map(|id| dealers.get(id))
        .map(|d| d.clone().into_active_model())
        .collect();
    for chunk in rows.chunks(200) {
        dealer::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::column(dealer::Column::Id)
                    .update_columns([
                        dealer::Column::DisplayName,
                        dealer::Column::ContactEmail,
                        dealer::Column::ContactPhone,
                        dealer::Column::Status,
                        dealer::Column::Version,
                        dealer::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    if !switched_off.is_empty() {
        // A temporary shutdown takes effect at once: every session of the dealer ends.
        session::Entity::update_many()
            .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
            .filter(session::Column::AccountId.is_in(switched_off))
            .filter(session::Column::RevokedAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(results)
}

fn edited_id(m: &Mutation) -> Option<&str> {
    match m {
        Mutation::UpdateDealer { dealer_id, .. } | Mutation::SetDealerStatus { dealer_id, .. } => {
            Some(dealer_id)
        }
        _ => None,
    }
}

/// One edit against the dealers as the run has left them so far: the dealer before and
/// after it (and `dealers` updated), or why it is refused.
fn decide(
    dealers: &mut HashMap<String, dealer::Model>,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<(dealer::Model, dealer::Model), Refusal> {
    let (dealer_id, base_version) = match m {
        Mutation::UpdateDealer {
            dealer_id,
            base_version,
            ..
        }
        | Mutation::SetDealerStatus {
            dealer_id,
            base_version,
            ..
        } => (dealer_id, *base_version),
        _ => return Err((Code::Forbidden, "Not a dealer edit.".to_owned())),
    };
    let details = match m {
        Mutation::UpdateDealer {
            display_name,
            contact_email,
            contact_phone,
            ..
        } => Some(
            DealerDetails::validate(
                display_name,
                contact_email.as_deref(),
                contact_phone.as_deref(),
            )
            .map_err(|e| refuse(&e))?,
        ),
        _ => None,
    };
    let current = dealers.get_mut(dealer_id.as_str()).ok_or_else(gone)?;
    if current.version != base_version {
        return Err(conflict("dealer", current.version));
    }
    let before = current.clone();
    if let Some(details) = details {
        current.display_name = details.display_name;
        current.contact_email = details.contact_email;
        current.contact_phone = details.contact_phone;
    }
    if let Mutation::SetDealerStatus { status, .. } = m {
        current.status = DealerStatus::from(*status).as_str().to_owned();
    }
    current.version += 1;
    current.updated_at = now;
    Ok((before, current.clone()))
}

/// "This username is taken" tells whether an account exists: a partner hears it at most
/// [`MAX_TAKEN_USERNAMES_PER_DAY`] times in 24 hours; then adding dealers waits (taken
/// or not, so the answer tells nothing more). How many times it heard it so far.
async fn taken_heard(
    db: &impl ConnectionTrait,
    partner: AccountId,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    sync_mutation::Entity::find()
        .filter(sync_mutation::Column::AccountId.eq(partner.0))
        .filter(sync_mutation::Column::Code.eq(Code::DealerUsernameTaken.as_str()))
        .filter(sync_mutation::Column::AppliedAt.gt(now - chrono::Duration::hours(24)))
        .count(db)
        .await
}

/// A new dealer as its mutation asks for it, checked as far as nothing stored matters.
struct NewDealer<'m> {
    id: &'m str,
    details: DealerDetails,
    username: String,
    password_hash: &'m str,
}

/// The checks of a new dealer that need nothing stored: its id, details, username and
/// password hash.
fn check_new(m: &Mutation) -> Result<NewDealer<'_>, Refusal> {
    let Mutation::CreateDealer {
        dealer_id,
        display_name,
        contact_email,
        contact_phone,
        username,
        password_hash,
    } = m
    else {
        return Err((Code::Forbidden, "Not a new dealer.".to_owned()));
    };
    check_id("dealer_id", dealer_id)?;
    let details = DealerDetails::validate(
        display_name,
        contact_email.as_deref(),
        contact_phone.as_deref(),
    )
    .map_err(|e| refuse(&e))?;
    let username = check_username(username).map_err(|e| refuse(&e))?;
    check_hash(password_hash)?;
    Ok(NewDealer {
        id: dealer_id,
        details,
        username,
        password_hash,
    })
}

/// Whether a mutation adds a dealer: new dealers are decided together by
/// [`create_many`].
pub fn is_create(m: &Mutation) -> bool {
    matches!(m, Mutation::CreateDealer { .. })
}

/// Adds a run of new dealers ([`is_create`]) of one partner, in order, as separate
/// mutations would: each refused or added on its own, a dealer id or username taken by
/// an earlier one of the run refused like one taken before, and every "username taken"
/// counted against the partner's ration as it is heard. The run reads the ids and
/// usernames already taken with one query each and decides in memory; then it writes
/// the logins in one multi-row insert and the dealers in another. A username or dealer
/// id taken by a commit of this same instant is skipped by the insert (`ON CONFLICT DO
/// NOTHING`) and refused like any taken one.
pub async fn create_many(
    db: &impl ConnectionTrait,
    partner: AccountId,
    creates: &[&Mutation],
    now: DateTime<Utc>,
) -> Result<Vec<Result<audit::Change, Refusal>>, DbErr> {
    let checked: Vec<Result<NewDealer<'_>, Refusal>> =
        creates.iter().map(|m| check_new(m)).collect();
    let wanted = || checked.iter().filter_map(|c| c.as_ref().ok());
    let mut ids_taken: HashSet<String> = HashSet::new();
    let mut names_taken: HashSet<String> = HashSet::new();
    let ids: Vec<&str> = wanted().map(|n| n.id).collect();
    let names: Vec<&str> = wanted().map(|n| n.username.as_str()).collect();
    for chunk in ids.chunks(500) {
        ids_taken.extend(
            dealer::Entity::find()
                .select_only()
                .column(dealer::Column::Id)
                .filter(dealer::Column::Id.is_in(chunk.iter().copied()))
                .into_tuple::<String>()
                .all(db)
                .await?,
        );
    }
    for chunk in names.chunks(500) {
        names_taken.extend(
            account::Entity::find()
                .select_only()
                .column(account::Column::Username)
                .filter(account::Column::Username.is_in(chunk.iter().copied()))
                .into_tuple::<String>()
                .all(db)
                .await?,
        );
    }
    let mut heard = if wanted().next().is_some() {
        taken_heard(db, partner, now).await?
    } else {
        0
    };
    let mut decided: Vec<Result<NewDealer<'_>, Refusal>> = Vec::with_capacity(checked.len());
    for c in checked {
        decided.push(c.and_then(|n| {
            if ids_taken.contains(n.id) {
                return Err((
                    Code::DealerExists,
                    "A dealer with this id exists already.".to_owned(),
                ));
            }
            if heard >= MAX_TAKEN_USERNAMES_PER_DAY {
                return Err(too_many_taken());
            }
            if names_taken.contains(&n.username) {
                heard += 1;
                return Err(username_taken(&n.username));
            }
            ids_taken.insert(n.id.to_owned());
            names_taken.insert(n.username.clone());
            Ok(n)
        }));
    }
    // The logins, then the dealers; what a concurrent commit took is skipped.
    // The dealers start in their partner's language, until each chooses its own.
    let language = if decided.iter().any(Result::is_ok) {
        crate::account::lang(db, partner.0).await?
    } else {
        Default::default()
    };
    let logins: Vec<account::ActiveModel> = decided
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .map(|n| account::ActiveModel {
            username: Set(n.username.clone()),
            role: Set("dealer".to_owned()),
            language: Set(language.tag().to_owned()),
            password_hash: Set(n.password_hash.to_owned()),
            must_change_password: Set(false),
            feed_seq: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    let mut login_of: HashMap<String, i64> = HashMap::new();
    for chunk in logins.chunks(200) {
        let inserted = account::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([account::Column::Username])
            .exec_with_returning_many(db)
            .await?;
        if let TryInsertResult::Inserted(rows) = inserted {
            login_of.extend(rows.into_iter().map(|a| (a.username, a.id)));
        }
    }
    let rows: Vec<dealer::ActiveModel> = decided
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .filter_map(|n| {
            Some(dealer::ActiveModel {
                id: Set(n.id.to_owned()),
                partner_id: Set(partner.0),
                account_id: Set(*login_of.get(&n.username)?),
                display_name: Set(n.details.display_name.clone()),
                contact_email: Set(n.details.contact_email.clone()),
                contact_phone: Set(n.details.contact_phone.clone()),
                status: Set(DealerStatus::Active.as_str().to_owned()),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            })
        })
        .collect();
    let mut added: HashMap<String, dealer::Model> = HashMap::new();
    for chunk in rows.chunks(200) {
        let inserted = dealer::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([dealer::Column::Id])
            .exec_with_returning_many(db)
            .await?;
        if let TryInsertResult::Inserted(rows) = inserted {
            added.extend(rows.into_iter().map(|d| (d.id.clone(), d)));
        }
    }
    // A login whose dealer id was taken this instant goes again.
    let orphans: Vec<i64> = decided
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .filter(|n| !added.contains_key(n.id))
        .filter_map(|n| login_of.get(&n.username).copied())
        .collect();
    if !orphans.is_empty() {
        account::Entity::delete_many()
            .filter(account::Column::Id.is_in(orphans))
            .exec(db)
            .await?;
    }

    let mut results = Vec::with_capacity(decided.len());
    for (m, d) in creates.iter().zip(decided) {
        let n = match d {
            Ok(n) => n,
            Err(refusal) => {
                results.push(Err(refusal));
                continue;
            }
        };
        let Some(added) = added.get(n.id) else {
            results.push(Err(if login_of.contains_key(&n.username) {
                concurrent_change()
            } else {
                username_taken(&n.username)
            }));
            continue;
        };
        let wire = wire_form::dealer(added, n.username.clone());
        publish(
            db,
            &[partner, AccountId(added.account_id)],
            &Entity::Dealer(wire.clone()),
            now,
        )
        .await?;
        results.push(Ok(audit::Change {
            action: audit::action(m),
            target: ("dealer", added.id.clone()),
            before: None,
            after: serde_json::to_value(wire).ok(),
        }));
    }
    Ok(results)
}

fn username_taken(username: &str) -> Refusal {
    (
        Code::DealerUsernameTaken,
        format!("The username '{username}' is taken. Choose another one."),
    )
}

fn too_many_taken() -> Refusal {
    (
        Code::TooManyTakenUsernames,
        format!(
            "{MAX_TAKEN_USERNAMES_PER_DAY} usernames you chose today were taken, so new dealers can be added again tomorrow. Usernames with your company's name in them are rarely taken."
        ),
    )
}

fn concurrent_change() -> Refusal {
    (
        Code::ConcurrentChange,
        "This change clashed with another one made at the same moment. Check the current state and try again."
            .to_owned(),
    )
}

/// The dealer, locked, if it belongs to `partner` and the edit was made on its version.
async fn find(
    db: &impl ConnectionTrait,
    partner: AccountId,
    dealer_id: &str,
    base_version: i64,
) -> Result<Option<Result<dealer::Model, Refusal>>, DbErr> {
    let d = dealer::Entity::find_by_id(dealer_id.to_owned())
        .filter(dealer::Column::PartnerId.eq(partner.0))
        .lock_exclusive()
        .one(db)
        .await?;
    Ok(d.map(|d| {
        if d.version == base_version {
            Ok(d)
        } else {
            Err(conflict("dealer", d.version))
        }
    }))
}

/// A new password for one of the partner's dealers: whoever signed in with the old one
/// is signed out.
async fn reset_password(
    db: &DatabaseTransaction,
    partner: AccountId,
    dealer_id: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    if let Err(r) = check_hash(password_hash) {
        return Ok(Err(r));
    }
    let Some(d) = dealer::Entity::find_by_id(dealer_id.to_owned())
        .filter(dealer::Column::PartnerId.eq(partner.0))
        .one(db)
        .await?
    else {
        return Ok(Err(gone()));
    };
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(password_hash))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(d.account_id))
        .exec(db)
        .await?;
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
        .filter(session::Column::AccountId.eq(d.account_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(Ok(()))
}

fn gone() -> Refusal {
    (
        Code::DealerNotFound,
        "This dealer no longer exists; it may have been deleted on another device.".to_owned(),
    )
}

/// Only argon2id PHC strings of exactly the product's cost are stored: a cheaper one
/// would be weak, a dearer one a way to stall the server when the dealer signs in.
fn check_hash(phc: &str) -> Applied {
    wpplay_domain::password_hash::check_client_hash(phc).map_err(|p| (p.code(), p.message()))
}
