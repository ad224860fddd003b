//! The partner's own profile, and any account's language.

use super::outcome::{Applied, refuse};
use crate::db::entity::{account, partner};
use crate::{feed, wire_form};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    Set,
};
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

/// The partner's notification preferences; reminders that could reach it no way are
/// refused.
pub async fn set_notification_preferences(
    db: &impl ConnectionTrait,
    actor: &Actor,
    preferences: wpplay_domain::notify::NotificationPreferences,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let preferences = match preferences.validated() {
        Ok(p) => p,
        Err(e) => return Ok(Err(refuse(&e))),
    };
    let Some(p) = partner::Entity::find_by_id(actor.account.0)
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err((
            Code::NotAPartner,
            "Only partners choose their notifications.".to_owned(),
        )));
    };
    let version = p.version + 1;
    let p = partner::ActiveModel {
        notification_preferences: Set(serde_json::to_string(&preferences).ok()),
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

/// The account's language for what WP Play writes to it; another tag than `en`,
/// `sr-Latn` or `sr-Cyrl` is refused.
pub async fn set_language(
    db: &impl ConnectionTrait,
    actor: &Actor,
    language: &str,
) -> Result<Applied, DbErr> {
    let Some(lang) = wpplay_domain::lang::Lang::parse(language) else {
        return Ok(Err((
            Code::InvalidField,
            "language: choose en, sr-Latn or sr-Cyrl.".to_owned(),
        )));
    };
    account::Entity::update_many()
        .col_expr(
            account::Column::Language,
            sea_orm::sea_query::Expr::value(lang.tag()),
        )
        .filter(account::Column::Id.eq(actor.account.0))
        .exec(db)
        .await?;
    Ok(Ok(()))
}
