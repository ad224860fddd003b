//! The effects of client mutations pushed through the sync spine, one module per family.
//!
//! Each mutation runs inside the push's transaction for that mutation. It either writes
//! its effects and their feed entries, or answers a [`Refusal`] and writes nothing.

mod audit;
pub mod content;
mod dealers;
pub(crate) mod links;
mod profile;
pub mod resellers;
mod subscribers;

use crate::db::entity::{dealer, package, partner};
use crate::feed;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, SqlErr, TransactionTrait};
use wpplay_domain::DomainError;
use wpplay_domain::ErrorCode;
use wpplay_domain::ids::AccountId;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_domain::package::{Limited, check_room};
use wpplay_wire::auth::Role;
use wpplay_wire::sync::{Entity, Mutation};

/// Why a mutation was refused: a stable code and a message for the user.
pub type Refusal = (&'static str, String);

/// The outcome of applying one mutation: `Err` is a refusal, recorded and shown.
pub type Applied = Result<(), Refusal>;

/// Who pushed the mutation.
#[derive(Debug, Clone)]
pub struct Actor {
    pub account: AccountId,
    pub role: Role,
    /// The partner whose data this is: the partner itself, or a dealer's partner.
    pub partner: Option<AccountId>,
    /// For a dealer: its dealer id.
    pub dealer_id: Option<String>,
}

impl Actor {
    /// Works out who an account acts for.
    pub async fn of(
        db: &impl ConnectionTrait,
        account: AccountId,
        role: Role,
    ) -> Result<Self, DbErr> {
        let (partner, dealer_id) = match role {
            Role::Partner => (Some(account), None),
            Role::Dealer => {
                use sea_orm::{ColumnTrait, QueryFilter};
                let d = dealer::Entity::find()
                    .filter(dealer::Column::AccountId.eq(account.0))
                    .one(db)
                    .await?;
                (d.as_ref().map(|d| AccountId(d.partner_id)), d.map(|d| d.id))
            }
            Role::Operator | Role::Reseller => (None, None),
        };
        Ok(Self {
            account,
            role,
            partner,
            dealer_id,
        })
    }
}

/// Applies one mutation for `actor` and, if it was accepted, writes its audit entry in
/// the same transaction.
pub async fn apply(
    db: &DatabaseTransaction,
    actor: &Actor,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let target = audit::target(actor, m);
    let before = audit::snapshot(db, target.0, &target.1).await?;
    // A savepoint: if the database refuses the effects (a unique or foreign key clash
    // with a change committed at the same moment), only they are undone and the
    // mutation is refused, instead of failing the push again on every retry.
    let step = db.begin().await?;
    let outcome = match effects(&step, actor, m, now).await {
        Ok(outcome) => {
            step.commit().await?;
            outcome
        }
        Err(e)
            if matches!(
                e.sql_err(),
                Some(
                    SqlErr::UniqueConstraintViolation(_) | SqlErr::ForeignKeyConstraintViolation(_)
                )
            ) =>
        {
            step.rollback().await?;
            Err((
                "concurrent_change",
                "This change clashed with another one made at the same moment. Check the current state and try again."
                    .to_owned(),
            ))
        }
        Err(e) => return Err(e),
    };
    if outcome.is_ok() {
        let after = audit::snapshot(db, target.0, &target.1).await?;
        audit::record(db, actor, audit::action(m), target, before, after, now).await?;
    }
    Ok(outcome)
}

/// The effects of one mutation.
async fn effects(
    db: &DatabaseTransaction,
    actor: &Actor,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    match m {
        Mutation::UpdateProfile {
            contact_person,
            phone,
        } => profile::update(db, actor, contact_person, phone, now).await,
        Mutation::UpdateResellerSettings {
            base_version,
            offers_reseller_services,
            website,
            messenger,
            address,
            note,
            visible,
        } => {
            if actor.role != Role::Partner {
                return Ok(Err((
                    "forbidden",
                    "Only partners have reseller settings.".to_owned(),
                )));
            }
            let change = resellers::Change {
                base_version: *base_version,
                offers: *offers_reseller_services,
                website: website.as_deref(),
                messenger: messenger.as_deref(),
                address: address.as_deref(),
                note: note.as_deref(),
                visible: *visible,
            };
            resellers::update(db, actor, change, now).await
        }
        Mutation::RequestPartner {
            request_id,
            partner_id,
            message,
        } => {
            if actor.role != Role::Reseller {
                return Ok(Err((
                    "forbidden",
                    "Only resellers send Requests for Partner.".to_owned(),
                )));
            }
            links::request(db, actor, request_id, *partner_id, message, now).await
        }
        Mutation::WithdrawRequest { request_id } => {
            if actor.role != Role::Reseller {
                return Ok(Err((
                    "forbidden",
                    "Only the reseller who sent a request withdraws it.".to_owned(),
                )));
            }
            links::withdraw(db, actor, request_id, now).await
        }
        _ => network(db, actor, m, now).await,
    }
}

/// Dealer and subscriber changes: only while the partner may work.
async fn network(
    db: &DatabaseTransaction,
    actor: &Actor,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let Some(partner) = actor.partner else {
        return Ok(Err((
            "forbidden",
            "This account has no dealer network to change.".to_owned(),
        )));
    };
    if let Err(refusal) = partner_may_work(db, partner, now).await? {
        return Ok(Err(refusal));
    }
    match m {
        Mutation::CreateDealer { .. }
        | Mutation::UpdateDealer { .. }
        | Mutation::SetDealerStatus { .. }
        | Mutation::DeleteDealer { .. } => {
            if actor.role != Role::Partner {
                return Ok(Err((
                    "forbidden",
                    "Only the partner manages its dealers.".to_owned(),
                )));
            }
            dealers::apply(db, partner, m, now).await
        }
        Mutation::AnswerRequest { .. }
        | Mutation::RemoveReseller { .. }
        | Mutation::AddStream { .. }
        | Mutation::RemoveStream { .. }
            if actor.role != Role::Partner =>
        {
            Ok(Err((
                "forbidden",
                "Only the partner answers requests and manages its resellers and content."
                    .to_owned(),
            )))
        }
        Mutation::AnswerRequest {
            request_id,
            accept,
            reason,
        } => links::answer(db, partner, request_id, *accept, reason.as_deref(), now).await,
        Mutation::RemoveReseller {
            reseller_id,
            reason,
        } => links::remove(db, partner, *reseller_id, reason, now).await,
        Mutation::AddStream {
            stream_id,
            name,
            category,
            stream_url,
        } => content::add(db, partner, stream_id, name, category, stream_url, now).await,
        Mutation::RemoveStream { stream_id } => content::remove(db, partner, stream_id, now).await,
        _ => subscribers::apply(db, actor, partner, m, now).await,
    }
}

/// A locked partner (trial or period ended unpaid) changes nothing, nor do its dealers.
async fn partner_may_work(
    db: &impl ConnectionTrait,
    partner: AccountId,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let Some(p) = partner::Entity::find_by_id(partner.0).one(db).await? else {
        return Ok(Err((
            "forbidden",
            "This account has no dealer network to change.".to_owned(),
        )));
    };
    let facts = LifecycleFacts {
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
    };
    if facts.state_at(now) == PartnerState::Locked {
        return Ok(Err((
            "partner_locked",
            "The partner's account is locked until the next payment; changes are refused."
                .to_owned(),
        )));
    }
    Ok(Ok(()))
}

/// Whether the partner's package has room for one more line or stream. The partner's
/// row is locked first, so two devices adding the last free line at the same moment
/// cannot both get it. While a cheaper package waits for the next period, the smaller
/// of the two limits already applies, so the data still fits when it starts.
async fn package_room(
    db: &impl ConnectionTrait,
    partner: AccountId,
    kind: Limited,
) -> Result<Applied, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
    let Some(p) = partner::Entity::find_by_id(partner.0)
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err((
            "forbidden",
            "This account has no dealer network to change.".to_owned(),
        )));
    };
    let ids: Vec<i64> = [Some(p.package_id), p.pending_package_id]
        .into_iter()
        .flatten()
        .collect();
    let Some(tightest) = package::Entity::find()
        .filter(package::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .min_by_key(|k| kind.max_of(k.max_subscribers, k.max_streams))
    else {
        return Err(DbErr::RecordNotFound("package".into()));
    };
    let (lines, streams) = crate::billing::usage(db, partner.0).await?;
    let used = match kind {
        Limited::Subscribers => lines,
        Limited::Streams => streams,
    };
    let max = kind.max_of(tightest.max_subscribers, tightest.max_streams);
    Ok(check_room(kind, used, max, &tightest.name).map_err(|e| (e.code(), e.message().to_owned())))
}

/// A domain rule broken by the input, as a refusal.
fn refuse(e: &DomainError) -> Refusal {
    (e.code(), e.to_string())
}

/// Checks a client-chosen id: a UUID in its usual text form.
fn check_id(field: &'static str, id: &str) -> Applied {
    let ok = id.len() == 36
        && id.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    if ok {
        Ok(())
    } else {
        Err((
            "invalid_id",
            format!("'{field}' must be a UUID chosen by the client."),
        ))
    }
}

/// The refusal for an edit made on an older version of a row.
fn conflict(what: &str, current: i64) -> Refusal {
    (
        "version_conflict",
        format!(
            "This {what} was changed on another device meanwhile (now version {current}). Review the current values and apply your edit again."
        ),
    )
}

/// Appends `entity` to the feed of each account in `to`.
async fn publish(
    db: &impl ConnectionTrait,
    to: &[AccountId],
    entity: &Entity,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for account in to {
        feed::append(db, *account, entity, now).await?;
    }
    Ok(())
}
