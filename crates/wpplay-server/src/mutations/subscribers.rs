//! Subscribers (IPTV lines): a partner manages all of its lines, a dealer only its own.

use super::allowance::package_room;
use super::outcome::{Applied, Refusal, check_id, conflict, forbidden, refuse};
use crate::db::entity::{dealer, subscriber};
use crate::feed::publish;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set, SqlErr, TransactionTrait,
};
use wpplay_domain::Code;
use wpplay_domain::actor::Actor;
use wpplay_domain::authorize;
use wpplay_domain::dealer::{SubscriberDetails, SubscriberStatus, check_expiry, extend_line};
use wpplay_domain::ids::AccountId;
use wpplay_domain::package::Limited;
use wpplay_wire::dealers::Removed;
use wpplay_wire::sync::{Entity, Mutation};

pub async fn apply(
    db: &DatabaseTransaction,
    actor: &Actor,
    partner: AccountId,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    match m {
        Mutation::CreateSubscriber {
            subscriber_id,
            dealer_id,
            name,
            line_username,
            mac,
            expires_at,
        } => {
            if let Err(r) = check_id("subscriber_id", subscriber_id) {
                return Ok(Err(r));
            }
            let details = match SubscriberDetails::validate(name, line_username, mac) {
                Ok(d) => d,
                Err(e) => return Ok(Err(refuse(&e))),
            };
            if let Err(e) = check_expiry(*expires_at, now) {
                return Ok(Err(refuse(&e)));
            }
            let dealer_id = match authorize::new_line_dealer(actor, dealer_id.as_deref()) {
                Ok(d) => d,
                Err(f) => return Ok(Err(forbidden(f))),
            };
            if let Some(d) = &dealer_id
                && dealer::Entity::find_by_id(d.clone())
                    .filter(dealer::Column::PartnerId.eq(partner.0))
                    .count(db)
                    .await?
                    == 0
            {
                return Ok(Err((
                    Code::DealerNotFound,
                    "This dealer no longer exists; it may have been deleted on another device."
                        .to_owned(),
                )));
            }
            if subscriber::Entity::find_by_id(subscriber_id.clone())
                .count(db)
                .await?
                > 0
            {
                return Ok(Err((
                    Code::SubscriberExists,
                    "A subscriber with this id exists already.".to_owned(),
                )));
            }
            if let Err(r) = mac_free(db, partner, &details.mac, None).await? {
                return Ok(Err(r));
            }
            if let Err(r) = package_room(db, partner, Limited::Subscribers).await? {
                return Ok(Err(r));
            }
            let row = subscriber::ActiveModel {
                id: Set(subscriber_id.clone()),
                partner_id: Set(partner.0),
                dealer_id: Set(dealer_id),
                name: Set(details.name),
                line_username: Set(details.line_username),
                mac: Set(details.mac.clone()),
                expires_at: Set(*expires_at),
                status: Set(SubscriberStatus::Active.as_str().to_owned()),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            };
            save(db, row, true, &details.mac, partner, now).await
        }
        Mutation::UpdateSubscriber {
            subscriber_id,
            base_version,
            name,
            line_username,
            mac,
            status,
        } => {
            let details = match SubscriberDetails::validate(name, line_username, mac) {
                Ok(d) => d,
                Err(e) => return Ok(Err(refuse(&e))),
            };
            let s = match find(db, actor, partner, subscriber_id, Some(*base_version)).await? {
                Ok(s) => s,
                Err(r) => return Ok(Err(r)),
            };
            if let Err(r) = mac_free(db, partner, &details.mac, Some(&s.id)).await? {
                return Ok(Err(r));
            }
            let version = s.version + 1;
            let row = subscriber::ActiveModel {
                name: Set(details.name),
                line_username: Set(details.line_username),
                mac: Set(details.mac.clone()),
                status: Set(SubscriberStatus::from(*status).as_str().to_owned()),
                version: Set(version),
                updated_at: Set(now),
                ..s.into()
            };
            save(db, row, false, &details.mac, partner, now).await
        }
        Mutation::ExtendSubscriber {
            subscriber_id,
            days,
        } => {
            // Extensions add up whatever else changed, so they carry no version.
            let s = match find(db, actor, partner, subscriber_id, None).await? {
                Ok(s) => s,
                Err(r) => return Ok(Err(r)),
            };
            let expires_at = match extend_line(s.expires_at, now, *days) {
                Ok(at) => at,
                Err(e) => return Ok(Err(refuse(&e))),
            };
            let mac = s.mac.clone();
            let row = subscriber::ActiveModel {
                expires_at: Set(expires_at),
                version: Set(s.version + 1),
                updated_at: Set(now),
                ..s.into()
            };
            save(db, row, false, &mac, partner, now).await
        }
        Mutation::RemoveSubscriber {
            subscriber_id,
            base_version,
        } => {
            let s = match find(db, actor, partner, subscriber_id, Some(*base_version)).await? {
                Ok(s) => s,
                Err(r) => return Ok(Err(r)),
            };
            let to = audience(db, partner, s.dealer_id.as_deref()).await?;
            subscriber::Entity::delete_by_id(s.id.clone())
                .exec(db)
                .await?;
            publish(
                db,
                &to,
                &Entity::SubscriberRemoved(Removed { id: s.id }),
                now,
            )
            .await?;
            Ok(Ok(()))
        }
        _ => Ok(Err((
            Code::Forbidden,
            "Not a subscriber change.".to_owned(),
        ))),
    }
}

/// Writes a line (inside a savepoint, so a MAC taken this instant is only a refusal) and
/// publishes it to its partner and dealer.
async fn save(
    db: &DatabaseTransaction,
    row: subscriber::ActiveModel,
    insert: bool,
    mac: &str,
    partner: AccountId,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let step = db.begin().await?;
    let written = if insert {
        row.insert(&step).await
    } else {
        row.update(&step).await
    };
    let s = match written {
        Ok(s) => {
            step.commit().await?;
            s
        }
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            step.rollback().await?;
            return Ok(Err(mac_taken(mac)));
        }
        Err(e) => return Err(e),
    };
    let to = audience(db, partner, s.dealer_id.as_deref()).await?;
    publish(db, &to, &Entity::Subscriber(wire_form::subscriber(&s)), now).await?;
    Ok(Ok(()))
}

/// The line, locked, if `actor` may change it and (when asked) it is still at `base_version`.
async fn find(
    db: &impl ConnectionTrait,
    actor: &Actor,
    partner: AccountId,
    id: &str,
    base_version: Option<i64>,
) -> Result<Result<subscriber::Model, Refusal>, DbErr> {
    let mut q = subscriber::Entity::find_by_id(id.to_owned())
        .filter(subscriber::Column::PartnerId.eq(partner.0));
    if let Some(own) = &actor.dealer_id {
        q = q.filter(subscriber::Column::DealerId.eq(own.clone()));
    }
    let Some(s) = q.lock_exclusive().one(db).await? else {
        return Ok(Err((
            Code::SubscriberNotFound,
            "This subscriber no longer exists; it may have been removed on another device."
                .to_owned(),
        )));
    };
    match base_version {
        Some(v) if v != s.version => Ok(Err(conflict("subscriber", s.version))),
        _ => Ok(Ok(s)),
    }
}

async fn mac_free(
    db: &impl ConnectionTrait,
    partner: AccountId,
    mac: &str,
    except: Option<&str>,
) -> Result<Applied, DbErr> {
    let mut q = subscriber::Entity::find()
        .filter(subscriber::Column::PartnerId.eq(partner.0))
        .filter(subscriber::Column::Mac.eq(mac));
    if let Some(id) = except {
        q = q.filter(subscriber::Column::Id.ne(id));
    }
    Ok(if q.count(db).await? > 0 {
        Err(mac_taken(mac))
    } else {
        Ok(())
    })
}

fn mac_taken(mac: &str) -> Refusal {
    (
        Code::MacTaken,
        format!("Another subscriber of this partner already uses the MAC address {mac}."),
    )
}

/// Who sees a line: its partner, and its dealer's login.
async fn audience(
    db: &impl ConnectionTrait,
    partner: AccountId,
    dealer_id: Option<&str>,
) -> Result<Vec<AccountId>, DbErr> {
    let mut to = vec![partner];
    if let Some(d) = dealer_id
        && let Some(d) = dealer::Entity::find_by_id(d.to_owned()).one(db).await?
    {
        to.push(AccountId(d.account_id));
    }
    Ok(to)
}
