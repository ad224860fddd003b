//! The rows of a new account: the package it joins with, a free username, the account
//! and its partner or reseller profile, published to its new feed.

use crate::db::entity::{account, package, partner, reseller};
use crate::feed;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};
use wpplay_domain::credentials;
use wpplay_domain::lifecycle::LifecycleFacts;
use wpplay_domain::registration::Registration;

/// What the registration form asks to become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// A partner on the package of this id.
    Partner(i64),
    Reseller,
}

/// What the new account joins as.
pub enum Joining {
    Partner(package::Model),
    Reseller,
}

/// The package of this id, if new partners may choose it.
pub async fn offered_package(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<package::Model>, DbErr> {
    Ok(package::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|p| p.active))
}

/// The account already registered with `email` as a partner (or reseller), if any.
pub async fn registered_with(
    db: &impl ConnectionTrait,
    joining: &Joining,
    email: &str,
) -> Result<Option<account::Model>, DbErr> {
    let account_id = match joining {
        Joining::Partner(_) => partner::Entity::find()
            .filter(partner::Column::Email.eq(email))
            .one(db)
            .await?
            .map(|p| p.account_id),
        Joining::Reseller => reseller::Entity::find()
            .filter(reseller::Column::Email.eq(email))
            .one(db)
            .await?
            .map(|r| r.account_id),
    };
    match account_id {
        Some(id) => account::Entity::find_by_id(id).one(db).await,
        None => Ok(None),
    }
}

/// A username made from the company's name that nobody has yet; `None` when twenty
/// tries all met a taken one.
pub async fn free_username(
    db: &impl ConnectionTrait,
    company: &str,
) -> Result<Option<String>, DbErr> {
    let mut rng = rand::rngs::OsRng;
    for _ in 0..20 {
        let candidate = credentials::generate_username(company, &mut rng);
        let taken = account::Entity::find()
            .filter(account::Column::Username.eq(candidate.clone()))
            .count(db)
            .await?;
        if taken == 0 {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// Creates the account and its profile and publishes the profile to the new feed.
/// Returns the account id and the welcome line of the credentials message.
pub async fn create(
    db: &impl ConnectionTrait,
    reg: &Registration,
    joining: &Joining,
    username: &str,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<(i64, String), DbErr> {
    let role = match joining {
        Joining::Partner(_) => "partner",
        Joining::Reseller => "reseller",
    };
    let acct = account::ActiveModel {
        username: Set(username.to_owned()),
        role: Set(role.to_owned()),
        password_hash: Set(password_hash),
        must_change_password: Set(true),
        feed_seq: Set(0),
        language: Set(reg.language.tag().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    match joining {
        Joining::Partner(pkg) => {
            let facts = LifecycleFacts::new_trial(now);
            let p = partner::ActiveModel {
                account_id: Set(acct.id),
                package_id: Set(pkg.id),
                company: Set(reg.company.clone()),
                contact_person: Set(reg.contact_person.clone()),
                email: Set(reg.email.clone()),
                phone: Set(reg.phone.clone()),
                country: Set(reg.country.clone()),
                credential_channel: Set(reg.credential_channel.as_str().to_owned()),
                offers_reseller_services: Set(reg.offers_reseller_services),
                registered_at: Set(now),
                trial_ends_at: Set(facts.trial_ends_at),
                paid_through: Set(None),
                version: Set(1),
                anchor_day: Set(None),
                pending_package_id: Set(None),
                dealers_need_second_factor: Set(false),
                notification_preferences: Set(None),
                next_event_at: Set(None),
            }
            .insert(db)
            .await?;
            feed::publish_partner(db, &p, pkg, now).await?;
            let intro = wpplay_i18n::text(
                reg.language,
                "credentials-intro-partner",
                Some(&wpplay_i18n::args! {
                    "company" => p.company.as_str(),
                    "package" => pkg.name.as_str(),
                    "ends" => wpplay_i18n::format::date(p.trial_ends_at.date_naive(), reg.language),
                }),
            );
            Ok((acct.id, intro))
        }
        Joining::Reseller => {
            let r = reseller::ActiveModel {
                account_id: Set(acct.id),
                company: Set(reg.company.clone()),
                contact_person: Set(reg.contact_person.clone()),
                email: Set(reg.email.clone()),
                phone: Set(reg.phone.clone()),
                country: Set(reg.country.clone()),
                credential_channel: Set(reg.credential_channel.as_str().to_owned()),
                registered_at: Set(now),
            }
            .insert(db)
            .await?;
            feed::publish_reseller(db, &r, now).await?;
            let intro = wpplay_i18n::text(
                reg.language,
                "credentials-intro-reseller",
                Some(&wpplay_i18n::args! {"company" => r.company.as_str()}),
            );
            Ok((acct.id, intro))
        }
    }
}
