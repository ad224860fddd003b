//! A partner's dealers: add, edit, switch on and off, delete with all subscribers.

use super::outcome::{Applied, Refusal, check_id, conflict, refuse};
use crate::db::entity::{account, dealer, session, subscriber, sync_mutation};
use crate::feed::publish;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set, SqlErr, TransactionTrait,
};
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
        Mutation::UpdateDealer {
            dealer_id,
            base_version,
            display_name,
            contact_email,
            contact_phone,
        } => {
            let details = match DealerDetails::validate(
                display_name,
                contact_email.as_deref(),
                contact_phone.as_deref(),
            ) {
                Ok(d) => d,
                Err(e) => return Ok(Err(refuse(&e))),
            };
            let Some(d) = find(db, partner, dealer_id, *base_version).await? else {
                return Ok(Err(gone()));
            };
            let d = match d {
                Ok(d) => d,
                Err(refusal) => return Ok(Err(refusal)),
            };
            let d = dealer::ActiveModel {
                display_name: Set(details.display_name),
                contact_email: Set(details.contact_email),
                contact_phone: Set(details.contact_phone),
                version: Set(d.version + 1),
                updated_at: Set(now),
                ..d.into()
            }
            .update(db)
            .await?;
            announce(db, &d, now).await?;
            Ok(Ok(()))
        }
        Mutation::ResetDealerPassword {
            dealer_id,
            password_hash,
        } => reset_password(db, partner, dealer_id, password_hash, now).await,
        Mutation::SetDealerStatus {
            dealer_id,
            base_version,
            status,
        } => {
            let Some(d) = find(db, partner, dealer_id, *base_version).await? else {
                return Ok(Err(gone()));
            };
            let d = match d {
                Ok(d) => d,
                Err(refusal) => return Ok(Err(refusal)),
            };
            let status = DealerStatus::from(*status);
            let d = dealer::ActiveModel {
                status: Set(status.as_str().to_owned()),
                version: Set(d.version + 1),
                updated_at: Set(now),
                ..d.into()
            }
            .update(db)
            .await?;
            if status == DealerStatus::Inactive {
                // A temporary shutdown takes effect at once: every session of the dealer ends.
                session::Entity::update_many()
                    .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
                    .filter(session::Column::AccountId.eq(d.account_id))
                    .filter(session::Column::RevokedAt.is_null())
                    .exec(db)
                    .await?;
            }
            announce(db, &d, now).await?;
            Ok(Ok(()))
        }
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
