//! A partner's dealers: add, edit, switch on and off, delete with all subscribers.

use super::audit;
use super::outcome::{Applied, Refusal, check_id, conflict, refuse};
use crate::db::entity::{account, dealer, session, subscriber, sync_mutation};
use crate::feed::publish;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QuerySelect, Set, SqlErr, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};
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
        Mutation::CreateDealer {
            dealer_id,
            display_name,
            contact_email,
            contact_phone,
            username,
            password_hash,
        } => {
            create(
                db,
                partner,
                dealer_id,
                (
                    display_name,
                    contact_email.as_deref(),
                    contact_phone.as_deref(),
                ),
                username,
                password_hash,
                now,
            )
            .await
        }
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
        for a in account::Entity::find()
            .filter(account::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            usernames.insert(a.id, a.username);
        }
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

#[allow(clippy::too_many_arguments)]
/// "This username is taken" tells whether an account exists: a partner hears it at most
/// [`MAX_TAKEN_USERNAMES_PER_DAY`] times in 24 hours; then adding dealers waits (taken
/// or not, so the answer tells nothing more).
async fn taken_ration(
    db: &impl ConnectionTrait,
    partner: AccountId,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let heard = sync_mutation::Entity::find()
        .filter(sync_mutation::Column::AccountId.eq(partner.0))
        .filter(sync_mutation::Column::Code.eq(Code::DealerUsernameTaken.as_str()))
        .filter(sync_mutation::Column::AppliedAt.gt(now - chrono::Duration::hours(24)))
        .count(db)
        .await?;
    if heard >= MAX_TAKEN_USERNAMES_PER_DAY {
        return Ok(Err((
            Code::TooManyTakenUsernames,
            format!(
                "{MAX_TAKEN_USERNAMES_PER_DAY} usernames you chose today were taken, so new dealers can be added again tomorrow. Usernames with your company's name in them are rarely taken."
            ),
        )));
    }
    Ok(Ok(()))
}

async fn create(
    db: &DatabaseTransaction,
    partner: AccountId,
    dealer_id: &str,
    (display_name, email, phone): (&str, Option<&str>, Option<&str>),
    username: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    if let Err(r) = check_id("dealer_id", dealer_id) {
        return Ok(Err(r));
    }
    let details = match DealerDetails::validate(display_name, email, phone) {
        Ok(d) => d,
        Err(e) => return Ok(Err(refuse(&e))),
    };
    let username = match check_username(username) {
        Ok(u) => u,
        Err(e) => return Ok(Err(refuse(&e))),
    };
    if let Err(r) = check_hash(password_hash) {
        return Ok(Err(r));
    }
    if dealer::Entity::find_by_id(dealer_id.to_owned())
        .count(db)
        .await?
        > 0
    {
        return Ok(Err((
            Code::DealerExists,
            "A dealer with this id exists already.".to_owned(),
        )));
    }
    if let Err(r) = taken_ration(db, partner, now).await? {
        return Ok(Err(r));
    }
    let taken = || {
        Err((
            Code::DealerUsernameTaken,
            format!("The username '{username}' is taken. Choose another one."),
        ))
    };
    if account::Entity::find()
        .filter(account::Column::Username.eq(username.clone()))
        .count(db)
        .await?
        > 0
    {
        return Ok(taken());
    }
    // A savepoint: if another registration took the username this instant, the unique
    // index refuses it and only this step is undone, so the refusal can still be recorded.
    // The dealer starts in its partner's language, until it chooses its own in its app.
    let language = crate::account::lang(db, partner.0).await?;
    let step = db.begin().await?;
    let inserted = account::ActiveModel {
        username: Set(username.clone()),
        role: Set("dealer".to_owned()),
        language: Set(language.tag().to_owned()),
        password_hash: Set(password_hash.to_owned()),
        must_change_password: Set(false),
        feed_seq: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&step)
    .await;
    let login = match inserted {
        Ok(a) => {
            step.commit().await?;
            a
        }
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            step.rollback().await?;
            return Ok(taken());
        }
        Err(e) => return Err(e),
    };
    let d = dealer::ActiveModel {
        id: Set(dealer_id.to_owned()),
        partner_id: Set(partner.0),
        account_id: Set(login.id),
        display_name: Set(details.display_name),
        contact_email: Set(details.contact_email),
        contact_phone: Set(details.contact_phone),
        status: Set(DealerStatus::Active.as_str().to_owned()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    announce(db, &d, now).await?;
    Ok(Ok(()))
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

/// Publishes a dealer to its partner's feed and to the dealer's own.
async fn announce(
    db: &impl ConnectionTrait,
    d: &dealer::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let username = account::Entity::find_by_id(d.account_id)
        .one(db)
        .await?
        .map(|a| a.username)
        .unwrap_or_default();
    let entity = Entity::Dealer(wire_form::dealer(d, username));
    publish(
        db,
        &[AccountId(d.partner_id), AccountId(d.account_id)],
        &entity,
        now,
    )
    .await
}

/// Only argon2id PHC strings of exactly the product's cost are stored: a cheaper one
/// would be weak, a dearer one a way to stall the server when the dealer signs in.
fn check_hash(phc: &str) -> Applied {
    wpplay_domain::password_hash::check_client_hash(phc).map_err(|p| (p.code(), p.message()))
}
