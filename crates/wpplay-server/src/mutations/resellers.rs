//! A partner's reseller settings: serving resellers or not, and what they may see.

use super::outcome::{Applied, conflict, refuse};
use crate::db::entity::{partner, partner_contact};
use crate::{feed, wire_form};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QuerySelect, Set};
use wpplay_domain::Code;
use wpplay_domain::actor::Actor;
use wpplay_domain::{DomainError, validate};
use wpplay_wire::resellers::ContactVisibility;
use wpplay_wire::sync::Entity;

/// The settings as a mutation carries them.
pub struct Change<'a> {
    pub base_version: i64,
    pub offers: bool,
    pub website: Option<&'a str>,
    pub messenger: Option<&'a str>,
    pub address: Option<&'a str>,
    pub note: Option<&'a str>,
    pub visible: ContactVisibility,
}

pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    c: Change<'_>,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let fields = (|| -> Result<_, DomainError> {
        Ok((
            optional("website", c.website)?,
            optional("messenger", c.messenger)?,
            optional("address", c.address)?,
            note(c.note)?,
        ))
    })();
    let (website, messenger, address, note) = match fields {
        Ok(f) => f,
        Err(e) => return Ok(Err(refuse(&e))),
    };
    let Some(p) = partner::Entity::find_by_id(actor.account.0)
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err((
            Code::NotAPartner,
            "Only partners have reseller settings.".to_owned(),
        )));
    };
    let existing = partner_contact::Entity::find_by_id(p.account_id)
        .one(db)
        .await?;
    let version = existing.as_ref().map_or(0, |e| e.version);
    if version != c.base_version {
        return Ok(Err(conflict("partner's settings", version)));
    }
    let row = partner_contact::ActiveModel {
        account_id: Set(p.account_id),
        website: Set(website),
        messenger: Set(messenger),
        address: Set(address),
        note: Set(note),
        show_email: Set(c.visible.email),
        show_phone: Set(c.visible.phone),
        show_website: Set(c.visible.website),
        show_messenger: Set(c.visible.messenger),
        show_address: Set(c.visible.address),
        show_note: Set(c.visible.note),
        version: Set(version + 1),
    };
    let saved = if existing.is_some() {
        row.update(db).await?
    } else {
        row.insert(db).await?
    };
    if p.offers_reseller_services != c.offers {
        let p = partner::ActiveModel {
            offers_reseller_services: Set(c.offers),
            version: Set(p.version + 1),
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
        if !c.offers {
            super::links::cancel_pending(db, &p, super::links::Cancelled::OptedOut, now).await?;
        }
    }
    feed::append(
        db,
        actor.account,
        &Entity::ResellerSettings(wire_form::reseller_settings(c.offers, Some(&saved))),
        now,
    )
    .await?;
    Ok(Ok(()))
}

fn optional(field: &'static str, v: Option<&str>) -> Result<Option<String>, DomainError> {
    v.map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| validate::text(field, v))
        .transpose()
}

/// The free note may be longer and span lines.
fn note(v: Option<&str>) -> Result<Option<String>, DomainError> {
    let v = validate::lines("note", v.unwrap_or_default(), validate::MAX_NOTE_LEN)?;
    Ok((!v.is_empty()).then_some(v))
}
