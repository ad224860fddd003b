//! `POST /api/v1/registrations`: a new partner (package + 14-day trial) or reseller registers.

use crate::app::AppState;
use crate::auth::password;
use crate::auth::throttle::{self, Key};
use crate::db::entity::{account, package, partner, reseller};
use crate::delivery::{self, Channel, NewMessage};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::net::ClientAddr;
use crate::{db, feed};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set, SqlErr,
};
use wpplay_domain::credentials;
use wpplay_domain::lifecycle::LifecycleFacts;
use wpplay_domain::registration::{CredentialChannel, Registration, RegistrationForm};
use wpplay_wire::registration::{AccountKind, RegistrationRequest, RegistrationResponse};

/// What the new account joins as.
enum Joining {
    Partner(package::Model),
    Reseller,
}

/// Registers a partner (starting its 14-day trial) or a reseller, and sends the
/// generated credentials by the chosen channel.
#[utoipa::path(post, path = "/api/v1/registrations", request_body = RegistrationRequest,
    responses((status = 201, body = RegistrationResponse), (status = 409, body = wpplay_wire::ErrorBody), (status = 422, body = wpplay_wire::ErrorBody), (status = 429, body = wpplay_wire::ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<RegistrationRequest>,
) -> ApiResult<(StatusCode, Json<RegistrationResponse>)> {
    let reg = RegistrationForm {
        company: &req.company,
        contact_person: &req.contact_person,
        email: &req.email,
        phone: &req.phone,
        country: &req.country,
        credential_channel: req.credential_delivery.into(),
        no_reseller_services: req.no_reseller_services,
    }
    .validate()?;
    let joining = joining(&state, &req).await?;
    if reg.credential_channel == CredentialChannel::Sms
        && let Some(why) = crate::delivery::sms_refusal(
            &state.db,
            &state.settings.limits,
            &reg.phone,
            true,
            state.clock.now(),
        )
        .await?
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "sms_unavailable",
            format!("We cannot send your sign-in details by SMS: {why} Choose e-mail delivery."),
        ));
    }

    // Registration needs no sign-in, so it is rationed: per address, and per recipient so
    // nobody can flood a stranger's phone or mailbox with credential messages.
    let recipient = match reg.credential_channel {
        CredentialChannel::Email => reg.email.clone(),
        CredentialChannel::Sms => reg.phone.clone(),
    };
    // The e-mail address is always a recipient: an address already registered gets a
    // notice instead of new credentials.
    let mut quota = vec![Key::registrations(client), Key::recipient(&recipient)];
    if recipient != reg.email {
        quota.push(Key::recipient(&reg.email));
    }
    if let Some(secs) = throttle::reserve(&state.db, &quota, state.clock.now()).await? {
        let minutes = (secs + 59) / 60;
        return Err(ApiError {
            retry_after: Some(secs),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_registrations",
                format!(
                    "Too many registrations from here or to {recipient}. Try again in {minutes} minutes."
                ),
            )
        });
    }
    let secret = credentials::generate_password(&mut rand::rngs::OsRng);
    let hash = password::hash(secret.clone()).await.map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "hashing_unavailable",
            "The server could not secure the password. Try again.",
        )
    })?;
    let now = state.clock.now();

    // The answer to a registration never tells whether its e-mail address has an
    // account already: that address's owner is told by e-mail instead.
    let answer = RegistrationResponse {
        delivered_via: reg.credential_channel.into(),
        destination: match reg.credential_channel {
            CredentialChannel::Email => mask_email(&reg.email),
            CredentialChannel::Sms => mask_phone(&reg.phone),
        },
        trial_ends_at: match joining {
            Joining::Partner(_) => Some(LifecycleFacts::new_trial(now).trial_ends_at),
            Joining::Reseller => None,
        },
    };

    let txn = db::write_txn(&state.db).await?;
    if let Some(owner) = registered_with(&txn, &joining, &reg.email).await? {
        enqueue_already_registered(&txn, &reg, &owner, now).await?;
        txn.commit().await?;
        state.outbox_wake.notify_one();
        return Ok((StatusCode::CREATED, Json(answer)));
    }
    let username = free_username(&txn, &reg.company).await?;
    let created = create(&txn, &reg, &joining, &username, hash, now).await;
    let (account_id, _, intro) = match created {
        Ok(done) => done,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            // Another registration committed the same e-mail or username a moment ago.
            txn.rollback().await?;
            let txn = db::write_txn(&state.db).await?;
            let Some(owner) = registered_with(&txn, &joining, &reg.email).await? else {
                return Err(ApiError::conflict(
                    "registration_conflict",
                    "Another registration took the same username at the same moment. Send the form again.",
                ));
            };
            enqueue_already_registered(&txn, &reg, &owner, now).await?;
            txn.commit().await?;
            state.outbox_wake.notify_one();
            return Ok((StatusCode::CREATED, Json(answer)));
        }
        Err(e) => return Err(e.into()),
    };
    delivery::enqueue(
        &txn,
        credentials_message(account_id, &reg, &username, &secret, &intro),
        now,
    )
    .await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(account_id, channel = %reg.credential_channel.as_str(), "account registered");

    Ok((StatusCode::CREATED, Json(answer)))
}

/// A partner must choose an offered package; a reseller chooses none.
async fn joining(state: &AppState, req: &RegistrationRequest) -> ApiResult<Joining> {
    match (req.role.unwrap_or(AccountKind::Partner), req.package_id) {
        (AccountKind::Reseller, None) => Ok(Joining::Reseller),
        (AccountKind::Reseller, Some(_)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            "Resellers choose no package: leave 'package_id' out.",
        )),
        (AccountKind::Partner, None) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
            "Choose a package: 'package_id' is one of GET /api/v1/packages.",
        )),
        (AccountKind::Partner, Some(id)) => package::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .filter(|p| p.active)
            .map(Joining::Partner)
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unknown_package",
                    format!(
                        "There is no package {id} to choose. Pick one from GET /api/v1/packages."
                    ),
                )
            }),
    }
}

/// The account already registered with `email` as a partner (or reseller), if any.
async fn registered_with(
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

/// Tells the owner of an address that someone registered with it again: to them, not
/// to whoever sent the form.
async fn enqueue_already_registered(
    db: &impl ConnectionTrait,
    reg: &Registration,
    owner: &account::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    delivery::enqueue(
        db,
        NewMessage {
            account_id: Some(owner.id),
            channel: Channel::Email,
            recipient: reg.email.clone(),
            subject: "Your WP Play account already exists".to_owned(),
            body: format!(
                "Hello,\n\n\
                 Someone, perhaps you, has just tried to register a new WP Play account with this e-mail address. \
                 It already belongs to an account, so no new one was made.\n\n\
                 To use your account, sign in to WP Play Partner Desk with the username {username}. \
                 If you no longer know the password, ask WP Play support to reset it.\n\n\
                 If it was not you, you need not do anything.\n\n\
                 WP Play\n",
                username = owner.username,
            ),
        },
        now,
    )
    .await
    .map(drop)
}

async fn free_username(db: &impl ConnectionTrait, company: &str) -> ApiResult<String> {
    let mut rng = rand::rngs::OsRng;
    for _ in 0..20 {
        let candidate = credentials::generate_username(company, &mut rng);
        let taken = account::Entity::find()
            .filter(account::Column::Username.eq(candidate.clone()))
            .count(db)
            .await?;
        if taken == 0 {
            return Ok(candidate);
        }
    }
    Err(ApiError::conflict(
        "username_exhausted",
        "No free username could be found for this company name; try a longer one.",
    ))
}

/// Creates the account and its profile and publishes the profile to the new feed.
/// Returns the account id, the trial's end (partners) and the welcome line of the message.
async fn create(
    db: &impl ConnectionTrait,
    reg: &Registration,
    joining: &Joining,
    username: &str,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<(i64, Option<DateTime<Utc>>, String), DbErr> {
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
            }
            .insert(db)
            .await?;
            feed::publish_partner(db, &p, pkg, now).await?;
            let intro = format!(
                "The partner account of {} is ready and your 14-day trial of the {} package has started. It ends on {}.",
                p.company,
                pkg.name,
                p.trial_ends_at.format("%-d %B %Y")
            );
            Ok((acct.id, Some(p.trial_ends_at), intro))
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
            let intro = format!(
                "The reseller account of {} is ready. Find partners in the app and send them a Request for Partner.",
                r.company
            );
            Ok((acct.id, None, intro))
        }
    }
}

fn credentials_message(
    account_id: i64,
    reg: &Registration,
    username: &str,
    password: &str,
    intro: &str,
) -> NewMessage {
    match reg.credential_channel {
        CredentialChannel::Sms => NewMessage {
            account_id: Some(account_id),
            channel: Channel::Sms,
            recipient: reg.phone.clone(),
            subject: "WP Play credentials".to_owned(),
            body: format!(
                "WP Play: your account is ready. Username: {username} Password: {password} Choose a new password at first sign-in."
            ),
        },
        CredentialChannel::Email => NewMessage {
            account_id: Some(account_id),
            channel: Channel::Email,
            recipient: reg.email.clone(),
            subject: "Your WP Play account".to_owned(),
            body: format!(
                "Hello {contact},\n\n\
                 Welcome to WP Play. {intro}\n\n\
                 Sign in to WP Play Partner Desk with:\n\n\
                 Username: {username}\n\
                 Password: {password}\n\n\
                 You will be asked to choose your own password at the first sign-in.\n\
                 The instructions for using the panel are on its dashboard.\n\n\
                 WP Play\n",
                contact = reg.contact_person,
            ),
        },
    }
}

/// `ana@acme.rs` → `a**@acme.rs`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!(
                "{first}{}@{domain}",
                "*".repeat(local.chars().count().saturating_sub(1).max(2))
            )
        }
        None => "***".to_owned(),
    }
}

/// `+381641234567` → `+381*******67`.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "***".to_owned();
    }
    let (head, rest) = chars.split_at(4);
    let (middle, tail) = rest.split_at(rest.len() - 2);
    format!(
        "{}{}{}",
        head.iter().collect::<String>(),
        "*".repeat(middle.len()),
        tail.iter().collect::<String>()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_masked() {
        assert_eq!(mask_email("ana@acme.rs"), "a**@acme.rs");
        assert_eq!(mask_email("a@acme.rs"), "a**@acme.rs");
        assert_eq!(mask_phone("+381641234567"), "+381*******67");
    }
}
