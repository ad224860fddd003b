//! The per-account change feed: every change a user may see, in commit order.
//!
//! Sequence numbers come from the account row (`feed_seq + 1`), taken under that row's
//! write lock in the writing transaction, so within one account a later commit always
//! has a larger number and a reader's cursor never skips a change committed late.

use crate::db::entity::{change_feed, package, partner, reseller};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set, Statement};
use wpplay_domain::ids::AccountId;
use wpplay_wire::sync::Entity;

/// Appends one entity to an account's feed and returns its sequence number.
pub async fn append(
    db: &impl ConnectionTrait,
    account: AccountId,
    entity: &Entity,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    let account_id = account.0;
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            match backend {
                sea_orm::DbBackend::Postgres => {
                    "UPDATE accounts SET feed_seq = feed_seq + 1 WHERE id = $1 RETURNING feed_seq"
                }
                _ => "UPDATE accounts SET feed_seq = feed_seq + 1 WHERE id = ? RETURNING feed_seq",
            },
            [account_id.into()],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("account {account_id}")))?;
    let seq: i64 = row.try_get("", "feed_seq")?;
    let (kind, id) = key(account_id, entity);
    change_feed::ActiveModel {
        account_id: Set(account_id),
        seq: Set(seq),
        entity: Set(kind.to_owned()),
        entity_id: Set(id),
        payload: Set(serde_json::to_string(entity).map_err(|e| DbErr::Custom(e.to_string()))?),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::live::notify_on_commit(db, account_id).await?;
    Ok(seq)
}

/// Appends `entity` to the feed of each account in `to`.
pub async fn publish(
    db: &impl ConnectionTrait,
    to: &[AccountId],
    entity: &Entity,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for account in to {
        append(db, *account, entity, now).await?;
    }
    Ok(())
}

fn key(account_id: i64, entity: &Entity) -> (&'static str, String) {
    match entity {
        Entity::Profile(_) => ("profile", account_id.to_string()),
        Entity::Package(p) => ("package", p.id.to_string()),
        Entity::Subscription(_) => ("subscription", account_id.to_string()),
        Entity::Dealer(d) => ("dealer", d.id.clone()),
        Entity::DealerRemoved(r) => ("dealer", r.id.clone()),
        Entity::Subscriber(s) => ("subscriber", s.id.clone()),
        Entity::SubscriberRemoved(r) => ("subscriber", r.id.clone()),
        Entity::ResellerSettings(_) => ("reseller_settings", account_id.to_string()),
        Entity::PartnerRequest(r) => ("partner_request", r.id.clone()),
        Entity::Link(l) => ("link", format!("{}-{}", l.partner_id, l.reseller_id)),
        Entity::LinkEnded(l) => ("link", format!("{}-{}", l.partner_id, l.reseller_id)),
        Entity::Stream(s) => ("stream", s.id.clone()),
        Entity::StreamRemoved(r) => ("stream", r.id.clone()),
        Entity::Notification(n) => ("notification", n.id.to_string()),
    }
}

/// Publishes everything a new partner sees: profile, package and subscription.
pub async fn publish_partner(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    pkg: &package::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    append(
        db,
        AccountId(p.account_id),
        &Entity::Profile(wire_form::profile(p)),
        now,
    )
    .await?;
    append(
        db,
        AccountId(p.account_id),
        &Entity::Package(wire_form::package(pkg)),
        now,
    )
    .await?;
    append(
        db,
        AccountId(p.account_id),
        &Entity::Subscription(wire_form::subscription(p, now)),
        now,
    )
    .await?;
    Ok(())
}

/// Publishes what a new reseller sees: its profile.
pub async fn publish_reseller(
    db: &impl ConnectionTrait,
    r: &reseller::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    append(
        db,
        AccountId(r.account_id),
        &Entity::Profile(wire_form::reseller_profile(r)),
        now,
    )
    .await?;
    Ok(())
}
