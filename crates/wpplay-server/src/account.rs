//! The signed-in account as it sees itself: its role, profile, package and subscription.

use crate::db::entity::{account, package, partner, reseller};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use wpplay_wire::auth::{Me, Role};

/// The language messages to `account_id` are written in (English for an account that is
/// gone or a tag this build does not know).
pub async fn lang(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<wpplay_domain::lang::Lang, DbErr> {
    Ok(account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .map(|a| a.lang())
        .unwrap_or_default())
}

/// How news reaches `account_id`: a partner's notification preferences and its phone
/// (for SMS); anyone else gets the defaults, without SMS.
pub async fn news_ways(
    db: &impl ConnectionTrait,
    account_id: i64,
) -> Result<
    (
        wpplay_domain::notify::NotificationPreferences,
        Option<String>,
    ),
    DbErr,
> {
    Ok(
        match partner::Entity::find_by_id(account_id).one(db).await? {
            Some(p) => (
                crate::wire_form::notification_preferences(&p),
                Some(p.phone),
            ),
            None => (
                wpplay_domain::notify::NotificationPreferences::defaults(false),
                None,
            ),
        },
    )
}

/// Where e-mail to `account_id` goes: a partner's or reseller's e-mail, a dealer's
/// contact e-mail if it has one; `None` for an operator or a dealer without one.
pub async fn email(db: &impl ConnectionTrait, account_id: i64) -> Result<Option<String>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    if let Some(p) = partner::Entity::find_by_id(account_id).one(db).await? {
        return Ok(Some(p.email));
    }
    if let Some(r) = reseller::Entity::find_by_id(account_id).one(db).await? {
        return Ok(Some(r.email));
    }
    Ok(crate::db::entity::dealer::Entity::find()
        .filter(crate::db::entity::dealer::Column::AccountId.eq(account_id))
        .one(db)
        .await?
        .and_then(|d| d.contact_email)
        .filter(|e| !e.trim().is_empty()))
}

/// Builds [`Me`] for an account.
pub async fn me(
    db: &impl ConnectionTrait,
    account: &account::Model,
    now: DateTime<Utc>,
) -> Result<Me, DbErr> {
    let partner = partner::Entity::find_by_id(account.id).one(db).await?;
    let package = match &partner {
        Some(p) => package::Entity::find_by_id(p.package_id).one(db).await?,
        None => None,
    };
    let profile = match &partner {
        Some(p) => Some(wire_form::profile(p)),
        None => reseller::Entity::find_by_id(account.id)
            .one(db)
            .await?
            .as_ref()
            .map(wire_form::reseller_profile),
    };
    Ok(Me {
        account_id: account.id,
        username: account.username.clone(),
        role: Role::parse(&account.role).unwrap_or(Role::Partner),
        must_change_password: account.must_change_password,
        profile,
        package: package.as_ref().map(wire_form::package),
        subscription: partner.as_ref().map(|p| wire_form::subscription(p, now)),
    })
}
