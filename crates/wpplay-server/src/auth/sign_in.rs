//! Signing in with username and password, and the session it opens.
//!
//! The attempt is counted against the account and the address before the slow password
//! check (see [`throttle`]); a stranger learns nothing but "wrong credentials" until the
//! password matched.

use crate::auth::factor;
use crate::auth::journal::{self, Event};
use crate::auth::sessions::{self, DeviceRow};
use crate::auth::throttle::{self, Key, TooManyAttempts};
use crate::auth::token::{self, Tokens};
use crate::auth::{password, refresh};
use crate::db::entity::{account, dealer, session};
use crate::settings::Settings;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set,
};
use std::net::IpAddr;
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::actor::Role;
use wpplay_domain::credentials::MAX_PASSWORD_LEN;
use wpplay_domain::dealer::DealerStatus;

/// The longest username anyone has.
const MAX_USERNAME_LEN: usize = 100;

/// Why a sign-in opened no session.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refused {
    #[error("Enter both the username and the password.")]
    MissingField,
    #[error("The username or password is not right.")]
    WrongCredentials,
    #[error(transparent)]
    TooMany(#[from] TooManyAttempts),
    #[error(
        "This dealer account is switched off by its partner for now. Ask your partner to reactivate it."
    )]
    DealerInactive,
    /// The password matched; the code from the authenticator app comes next, with this
    /// challenge (`POST /api/v1/auth/second-factor`).
    #[error("Enter the code from your authenticator app to finish signing in.")]
    SecondFactorRequired { challenge: String },
}

impl ErrorCode for Refused {
    fn code(&self) -> Code {
        match self {
            Self::MissingField => Code::MissingField,
            Self::WrongCredentials => Code::WrongCredentials,
            Self::TooMany(_) => Code::TooManyAttempts,
            Self::DealerInactive => Code::DealerInactive,
            Self::SecondFactorRequired { .. } => Code::SecondFactorRequired,
        }
    }
}

/// Signs `username` in from `client` (its address and the device it named) and opens a
/// session, or answers why not.
pub async fn sign_in(
    db: &DatabaseConnection,
    settings: &Settings,
    username: &str,
    password: String,
    (client, device): (IpAddr, Option<DeviceRow>),
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Refused>, DbErr> {
    let username = username.trim().to_lowercase();
    if username.is_empty() || password.is_empty() {
        return Ok(Err(Refused::MissingField));
    }
    if username.len() > MAX_USERNAME_LEN || password.chars().count() > MAX_PASSWORD_LEN {
        return Ok(Err(Refused::WrongCredentials));
    }
    let keys = [Key::account(&username), Key::address(client)];
    if let Some(secs) = throttle::reserve(db, &keys, now).await? {
        return Ok(Err(too_many(secs)));
    }
    let account = account::Entity::find()
        .filter(account::Column::Username.eq(username.clone()))
        .one(db)
        .await?;
    // An unknown username costs as much time as a known one: it is checked against a decoy.
    let stored = account.as_ref().map_or_else(
        || password::DECOY_HASH.to_owned(),
        |a| a.password_hash.clone(),
    );
    let ok = password::verify(password, stored).await;
    let account = match account {
        Some(a) if ok => a,
        known => {
            let blocked = throttle::failed(db, &keys, now).await?;
            if let Some(a) = known {
                // Journaled off the answer's path: a known name must not answer slower.
                let event = match blocked {
                    Some(_) => Event::SignInBlocked,
                    None => Event::SignInFailed,
                };
                let (db, seen) = (db.clone(), seen(client, device.as_ref()));
                tokio::spawn(async move {
                    if let Err(e) = journal::record(&db, &a, event, seen, now).await {
                        tracing::warn!(error = %e, "a failed sign-in could not be journaled");
                    }
                });
            }
            return Ok(Err(blocked.map_or(Refused::WrongCredentials, too_many)));
        }
    };
    throttle::succeeded(db, &keys[0], &keys[1..], now).await?;
    finish(db, settings, account, (client, device), now).await
}

/// The account proved who it is (its password, or a recovery code): with two-factor
/// sign-in on, the code comes next; otherwise it signs in ([`open`]).
pub(crate) async fn finish(
    db: &DatabaseConnection,
    settings: &Settings,
    account: account::Model,
    (client, device): (IpAddr, Option<DeviceRow>),
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Refused>, DbErr> {
    if account.totp_secret.is_some() {
        if dealer_off(db, &account).await? {
            return Ok(Err(Refused::DealerInactive));
        }
        let challenge = factor::challenge(db, &account, device.as_ref(), now).await?;
        return Ok(Err(Refused::SecondFactorRequired { challenge }));
    }
    open(db, settings, account, (client, device), now).await
}

/// Opens a session for an account that proved who it is: a dealer switched off stops
/// here, anyone else gets one (the owner told of a new device).
pub(crate) async fn open(
    db: &DatabaseConnection,
    settings: &Settings,
    account: account::Model,
    (client, device): (IpAddr, Option<DeviceRow>),
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Refused>, DbErr> {
    if dealer_off(db, &account).await? {
        // Said only after the password matched, so it reveals nothing to a stranger.
        return Ok(Err(Refused::DealerInactive));
    }
    let seen_from = (device.as_ref(), client);
    sessions::tell_of_new_device(db, &account, seen_from, settings.time_zone, now).await?;
    let details = seen(client, device.as_ref());
    let tokens = open_session(db, settings, account, (client, device), now).await?;
    journal::record(db, &tokens.account, Event::SignedIn, details, now).await?;
    Ok(Ok(tokens))
}

/// Whether `account` is a dealer its partner switched off (or deleted).
async fn dealer_off(db: &DatabaseConnection, account: &account::Model) -> Result<bool, DbErr> {
    if Role::parse(&account.role) != Some(Role::Dealer) {
        return Ok(false);
    }
    let d = dealer::Entity::find()
        .filter(dealer::Column::AccountId.eq(account.id))
        .one(db)
        .await?;
    Ok(d.is_none_or(|d| d.status == DealerStatus::Inactive.as_str()))
}

/// Where a sign-in came from, for the journal.
fn seen(client: IpAddr, device: Option<&DeviceRow>) -> serde_json::Value {
    let device = device.map(|d| {
        serde_json::json!({"name": d.name, "platform": d.platform, "app_version": d.app_version})
    });
    journal::details(client, serde_json::json!({ "device": device }))
}

fn too_many(secs: i64) -> Refused {
    Refused::TooMany(TooManyAttempts {
        retry_after_secs: secs,
    })
}

/// A new session for `account`: both tokens stored only as hashes.
async fn open_session(
    db: &impl ConnectionTrait,
    settings: &Settings,
    account: account::Model,
    (client, device): (IpAddr, Option<DeviceRow>),
    now: DateTime<Utc>,
) -> Result<Tokens, DbErr> {
    let (access, refresh) = (token::generate(), token::generate());
    let (access_expires_at, refresh_expires_at) = refresh::expiries(now, settings, now);
    session::ActiveModel {
        account_id: Set(account.id),
        access_hash: Set(token::hash(&access)),
        access_expires_at: Set(access_expires_at),
        refresh_hash: Set(token::hash(&refresh)),
        refresh_expires_at: Set(refresh_expires_at),
        created_at: Set(now),
        revoked_at: Set(None),
        device_name: Set(device.as_ref().map(|d| d.name.clone())),
        platform: Set(device.as_ref().map(|d| d.platform.clone())),
        app_version: Set(device.map(|d| d.app_version)),
        last_ip: Set(Some(client.to_string())),
        last_seen_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Tokens {
        setup_second_factor: factor::setup_due(db, &account).await?,
        account,
        access,
        refresh,
        expires_in: (access_expires_at - now).num_seconds(),
    })
}
