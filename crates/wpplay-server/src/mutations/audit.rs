//! The audit log of every accepted change: who (account and role), what, the entity
//! before and after, and when. Snapshots are the wire forms, which carry no password,
//! hash or token.

use crate::db::entity::{
    account, audit, content_stream, dealer, partner, partner_contact, partner_request,
    reseller_link, subscriber,
};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};
use serde_json::{Value, json};
use wpplay_domain::actor::{Actor, Role};
use wpplay_wire::sync::Mutation;

/// What a mutation changes: the entity kind and its id.
pub fn target(actor: &Actor, m: &Mutation) -> (&'static str, String) {
    match m {
        Mutation::UpdateProfile { .. } => ("profile", actor.account.0.to_string()),
        Mutation::SetLanguage { .. } => ("language", actor.account.0.to_string()),
        Mutation::SetNotificationPreferences { .. } => {
            ("notifications", actor.account.0.to_string())
        }
        Mutation::UpdateResellerSettings { .. } => {
            ("reseller_settings", actor.account.0.to_string())
        }
        Mutation::CreateDealer { dealer_id, .. }
        | Mutation::UpdateDealer { dealer_id, .. }
        | Mutation::ResetDealerPassword { dealer_id, .. }
        | Mutation::SetDealerStatus { dealer_id, .. }
        | Mutation::DeleteDealer { dealer_id, .. } => ("dealer", dealer_id.clone()),
        Mutation::CreateSubscriber { subscriber_id, .. }
        | Mutation::UpdateSubscriber { subscriber_id, .. }
        | Mutation::ExtendSubscriber { subscriber_id, .. }
        | Mutation::RemoveSubscriber { subscriber_id, .. } => ("subscriber", subscriber_id.clone()),
        Mutation::RequestPartner { request_id, .. }
        | Mutation::WithdrawRequest { request_id }
        | Mutation::AnswerRequest { request_id, .. } => ("partner_request", request_id.clone()),
        Mutation::RemoveReseller { reseller_id, .. } => {
            ("link", format!("{}-{reseller_id}", actor.account.0))
        }
        Mutation::AddStream { stream_id, .. } | Mutation::RemoveStream { stream_id } => {
            ("stream", stream_id.clone())
        }
    }
}

/// The action's name: the mutation's type.
pub fn action(m: &Mutation) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v["type"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The entity as it stands now, in its wire form, or `None` if it does not exist.
pub async fn snapshot(
    db: &impl ConnectionTrait,
    kind: &str,
    id: &str,
) -> Result<Option<Value>, DbErr> {
    Ok(match kind {
        "profile" => match id.parse::<i64>() {
            Ok(n) => partner::Entity::find_by_id(n).one(db).await?.map(|p| to_json(&wire_form::profile(&p))),
            Err(_) => None,
        },
        "language" => match id.parse::<i64>() {
            Ok(n) => account::Entity::find_by_id(n).one(db).await?.map(|a| json!({"language": a.language})),
            Err(_) => None,
        },
        "reseller_settings" => match id.parse::<i64>() {
            Ok(n) => {
                let offers = partner::Entity::find_by_id(n).one(db).await?.is_some_and(|p| p.offers_reseller_services);
                let row = partner_contact::Entity::find_by_id(n).one(db).await?;
                Some(to_json(&wire_form::reseller_settings(offers, row.as_ref())))
            }
            Err(_) => None,
        },
        "dealer" => match dealer::Entity::find_by_id(id.to_owned()).one(db).await? {
            Some(d) => {
                let username = account::Entity::find_by_id(d.account_id).one(db).await?.map(|a| a.username).unwrap_or_default();
                Some(to_json(&wire_form::dealer(&d, username)))
            }
            None => None,
        },
        "subscriber" => subscriber::Entity::find_by_id(id.to_owned()).one(db).await?.map(|s| to_json(&wire_form::subscriber(&s))),
        "partner_request" => partner_request::Entity::find_by_id(id.to_owned()).one(db).await?.map(|r| {
            json!({"id": r.id, "partner_id": r.partner_id, "reseller_id": r.reseller_id, "message": r.message, "state": r.state, "reason": r.reason})
        }),
        "link" => {
            let mut parts = id.splitn(2, '-').map(str::parse::<i64>);
            match (parts.next(), parts.next()) {
                (Some(Ok(p)), Some(Ok(r))) => reseller_link::Entity::find_by_id((p, r))
                    .one(db)
                    .await?
                    .map(|l| json!({"partner_id": l.partner_id, "reseller_id": l.reseller_id, "linked_at": l.linked_at})),
                _ => None,
            }
        }
        "stream" => content_stream::Entity::find_by_id(id.to_owned()).one(db).await?.map(|s| to_json(&wire_form::stream(&s))),
        _ => None,
    })
}

/// One accepted mutation's entry: the action, what it changed, before and after.
#[derive(Debug)]
pub struct Change {
    pub action: String,
    pub target: (&'static str, String),
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Appends the entries of one actor's accepted mutations, in one multi-row insert per
/// 200. The partner whose data changed is taken from the actor, or for a reseller's
/// request from the request itself.
pub async fn record_all(
    db: &impl ConnectionTrait,
    actor: &Actor,
    changes: Vec<Change>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if changes.is_empty() {
        return Ok(());
    }
    // A reseller is named by its company: its login name is nobody else's business.
    let name = if actor.role == Role::Reseller {
        crate::db::entity::reseller::Entity::find_by_id(actor.account.0)
            .one(db)
            .await?
            .map(|r| r.company)
            .unwrap_or_default()
    } else {
        account::Entity::find_by_id(actor.account.0)
            .one(db)
            .await?
            .map(|a| a.username)
            .unwrap_or_default()
    };
    let rows: Vec<audit::ActiveModel> = changes
        .into_iter()
        .map(|c| {
            let partner_id = actor.partner.map(|p| p.0).or_else(|| {
                c.after
                    .as_ref()
                    .or(c.before.as_ref())
                    .and_then(|v| v["partner_id"].as_i64())
            });
            audit::ActiveModel {
                at: Set(now),
                actor_id: Set(actor.account.0),
                actor_role: Set(actor.role.as_str().to_owned()),
                actor_name: Set(name.clone()),
                partner_id: Set(partner_id),
                action: Set(c.action),
                entity: Set(c.target.0.to_owned()),
                entity_id: Set(c.target.1),
                before: Set(c.before.map(|v| v.to_string())),
                after: Set(c.after.map(|v| v.to_string())),
                ..Default::default()
            }
        })
        .collect();
    for chunk in rows.chunks(200) {
        audit::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}
