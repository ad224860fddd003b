//! The partner's own profile.

use super::outcome::{Applied, refuse};
use crate::db::entity::partner;
use crate::{feed, wire_form};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QuerySelect, Set};
use wpplay_domain::Code;
use wpplay_domain::actor::Actor;
use wpplay_domain::registration::ProfileEdit;
use wpplay_wire::sync::Entity;

/// The partner edits its contact person and phone.
pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    contact_person: &str,
    phone: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let edit = match ProfileEdit::validate(contact_person, phone) {
        Ok(e) => e,
        Err(e) => return Ok(Err(refuse(&e))),
    };
    let Some(p) = partner::Entity::find_by_id(actor.account.0)
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err((
            Code::NotAPartner,
            "Only partners have a profile to edit.".to_owned(),
        )));
    };
    let version = p.version + 1;
    let p = partner::ActiveModel {
        contact_person: Set(edit.contact_person),
        phone: Set(edit.phone),
        version: Set(version),
        ..p.into()
    }
    .update(db)
    .await?;
    feed::append(
        db,
        actor.account,
        &Entity::Profile(wire_form::profile(&p)),
        now,
    )
    .await?;
    Ok(Ok(()))
}
