//! Password recovery: a single-use code, valid [`CODE_MINUTES`] minutes, sent by the
//! account's own delivery channel (a partner's or reseller's choice of e-mail or SMS; a
//! dealer's contact e-mail, if it has one: otherwise its partner resets its password).
//!
//! Asking answers the same whatever was asked about: the account is looked up, throttled
//! and written to off the answer's path, so neither the answer nor its timing says
//! whether an account exists. Asking is throttled per address (answered `429`) and,
//! silently, per account and per recipient. A code is tried at most [`MAX_TRIES`] times,
//! and wrong codes count against the address like wrong passwords. Using a code sets the
//! new password, ends every session of the account and signs this device in (through
//! the second factor, if the account has one).

use crate::auth::journal::{self, Event};
use crate::auth::password;
use crate::auth::sessions::DeviceRow;
use crate::auth::sign_in::{self, Refused as SignInRefused};
use crate::auth::throttle::{self, Key, TooManyAttempts};
use crate::auth::token::Tokens;
use crate::db::entity::{account, dealer, partner, password_reset, reseller, session};
use crate::db::txn::write_txn;
use crate::delivery::{self, Channel, NewMessage};
use crate::settings::Settings;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use thiserror::Error;
use wpplay_domain::credentials::check_new_password;
use wpplay_domain::registration::CredentialChannel;
use wpplay_domain::{Code, DomainError, ErrorCode};
use wpplay_i18n::args;

/// How long a code works.
pub const CODE_MINUTES: i64 = 15;
/// Wrong codes a code survives.
const MAX_TRIES: i32 = 5;
/// The longest username or e-mail address anyone has.
const MAX_LOGIN_LEN: usize = 254;

/// Why a recovery code did not set the password.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refused {
    #[error("This code is not right, was used already or has expired. Ask for a new one.")]
    WrongCode,
    #[error(transparent)]
    TooMany(#[from] TooManyAttempts),
    /// The new password breaks the password policy; the code still works.
    #[error(transparent)]
    Weak(#[from] DomainError),
    #[error("The server could not secure the password. Try again.")]
    Hashing,
    /// The password is set, but no session opens (a switched-off dealer, or a second
    /// factor to give).
    #[error(transparent)]
    SignIn(SignInRefused),
}

impl ErrorCode for Refused {
    fn code(&self) -> Code {
        match self {
            Self::WrongCode => Code::WrongRecoveryCode,
            Self::TooMany(_) => Code::TooManyAttempts,
            Self::Weak(e) => e.code(),
            Self::Hashing => Code::HashingUnavailable,
            Self::SignIn(e) => e.code(),
        }
    }
}

/// Requests from one address in the throttle's window.
fn address_key(client: IpAddr) -> Key {
    Key {
        key: format!("recovery-address:{}", crate::net::throttle_group(client)),
        limit: 10,
    }
}

/// Codes sent to one account in the throttle's window.
fn account_key(account_id: i64) -> Key {
    Key {
        key: format!("recovery-account:{account_id}"),
        limit: 3,
    }
}

/// Codes sent to one mailbox or phone in the throttle's window (several accounts may
/// share one).
fn recipient_key(to: &str) -> Key {
    Key {
        key: format!("recovery-to:{}", throttle::mailbox(to)),
        limit: 3,
    }
}

/// Asks for a code for `login` from `client`. Only a throttled address is refused; the
/// rest happens in the background and is never told.
pub async fn request(
    db: &DatabaseConnection,
    login: &str,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<(), TooManyAttempts>, DbErr> {
    if let Some(secs) = throttle::reserve(db, &[address_key(client)], now).await? {
        return Ok(Err(TooManyAttempts {
            retry_after_secs: secs,
        }));
    }
    let login = normalized(login);
    let db = db.clone();
    tokio::spawn(async move {
        if let Err(e) = send_code(&db, &login, client, now).await {
            tracing::warn!(error = %e, "a password recovery code could not be sent");
        }
    });
    Ok(Ok(()))
}

fn normalized(login: &str) -> String {
    login.trim().to_lowercase()
}

/// The account `login` names: its username, or the e-mail of a partner or reseller
/// (stored lowercased, as `login` is).
async fn find(db: &impl ConnectionTrait, login: &str) -> Result<Option<account::Model>, DbErr> {
    if login.is_empty() || login.chars().count() > MAX_LOGIN_LEN {
        return Ok(None);
    }
    if let Some(a) = account::Entity::find()
        .filter(account::Column::Username.eq(login))
        .one(db)
        .await?
    {
        return Ok(Some(a));
    }
    if !login.contains('@') {
        return Ok(None);
    }
    let owner = match partner::Entity::find()
        .filter(partner::Column::Email.eq(login))
        .one(db)
        .await?
    {
        Some(p) => Some(p.account_id),
        None => reseller::Entity::find()
            .filter(reseller::Column::Email.eq(login))
            .one(db)
            .await?
            .map(|r| r.account_id),
    };
    match owner {
        Some(id) => account::Entity::find_by_id(id).one(db).await,
        None => Ok(None),
    }
}

/// Where the account's code goes: its channel and recipient; `None` when it has none of
/// its own (an operator, a dealer without an e-mail or switched off).
async fn destination(
    db: &impl ConnectionTrait,
    account: &account::Model,
) -> Result<Option<(Channel, String)>, DbErr> {
    let by = |channel: &str, email: String, phone: String| match CredentialChannel::parse(channel)
        .unwrap_or(CredentialChannel::Email)
    {
        CredentialChannel::Sms => (Channel::Sms, phone),
        CredentialChannel::Email => (Channel::Email, email),
    };
    if let Some(p) = partner::Entity::find_by_id(account.id).one(db).await? {
        return Ok(Some(by(&p.credential_channel, p.email, p.phone)));
    }
    if let Some(r) = reseller::Entity::find_by_id(account.id).one(db).await? {
        return Ok(Some(by(&r.credential_channel, r.email, r.phone)));
    }
    Ok(dealer::Entity::find()
        .filter(dealer::Column::AccountId.eq(account.id))
        .one(db)
        .await?
        .filter(|d| d.status == wpplay_domain::dealer::DealerStatus::Active.as_str())
        .and_then(|d| d.contact_email)
        .filter(|e| !e.trim().is_empty())
        .map(|e| (Channel::Email, e)))
}

/// Looks the account up and, within its throttles, sends it a new code (any older one
/// stops working).
async fn send_code(
    db: &DatabaseConnection,
    login: &str,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(account) = find(db, login).await? else {
        return Ok(());
    };
    let Some((channel, recipient)) = destination(db, &account).await? else {
        return Ok(());
    };
    let keys = [account_key(account.id), recipient_key(&recipient)];
    if throttle::reserve(db, &keys, now).await?.is_some() {
        return Ok(());
    }
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
    let lang = account.lang();
    let what = args! {
        "username" => account.username.as_str(),
        "code" => code.as_str(),
        "minutes" => CODE_MINUTES,
    };
    let message = NewMessage {
        account_id: Some(account.id),
        channel,
        recipient,
        subject: wpplay_i18n::text(lang, "recovery-email.subject", Some(&what)),
        body: match channel {
            Channel::Sms => wpplay_i18n::text(lang, "recovery-sms", Some(&what)),
            Channel::Email => wpplay_i18n::text(lang, "recovery-email.body", Some(&what)) + "\n",
        },
    };
    let txn = write_txn(db).await?;
    supersede(&txn, account.id, now).await?;
    password_reset::ActiveModel {
        account_id: Set(account.id),
        code_hash: Set(code_hash(account.id, &code)),
        attempts: Set(0),
        expires_at: Set(now + Duration::minutes(CODE_MINUTES)),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    delivery::enqueue(&txn, message, now).await?;
    let details = journal::details(client, serde_json::json!({ "channel": channel.as_str() }));
    journal::record(
        &txn,
        &account,
        Event::PasswordRecoveryRequested,
        details,
        now,
    )
    .await?;
    txn.commit().await
}

/// Every unused code of the account stops working.
async fn supersede(
    db: &impl ConnectionTrait,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(Some(now)))
        .filter(password_reset::Column::AccountId.eq(account_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// The stored form of a code: tied to its account, so equal codes of two accounts differ.
fn code_hash(account_id: i64, code: &str) -> String {
    hex::encode(Sha256::digest(format!("{account_id}:{code}").as_bytes()))
}

/// A recovery as the person typed it.
pub struct Recovery {
    pub login: String,
    pub code: String,
    pub new_password: String,
}

/// Uses a code: the new password is set, every session ends, and this device signs in.
pub async fn confirm(
    db: &DatabaseConnection,
    settings: &Settings,
    r: Recovery,
    (client, device): (IpAddr, Option<DeviceRow>),
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Refused>, DbErr> {
    let address = [Key::address(client)];
    if let Some(secs) = throttle::reserve(db, &address, now).await? {
        return Ok(Err(TooManyAttempts {
            retry_after_secs: secs,
        }
        .into()));
    }
    let code: String = r.code.chars().filter(char::is_ascii_digit).collect();
    let account = find(db, &normalized(&r.login)).await?;
    let pending = match &account {
        Some(a) => live_code(db, a.id, now).await?,
        None => None,
    };
    let (account, pending) = match (account, pending) {
        (Some(a), Some(p)) if code.len() == 6 && p.code_hash == code_hash(a.id, &code) => (a, p),
        (_, pending) => {
            if let Some(p) = pending {
                password_reset::Entity::update_many()
                    .col_expr(
                        password_reset::Column::Attempts,
                        Expr::col(password_reset::Column::Attempts).add(1),
                    )
                    .filter(password_reset::Column::Id.eq(p.id))
                    .exec(db)
                    .await?;
            }
            return Ok(Err(match throttle::failed(db, &address, now).await? {
                Some(secs) => TooManyAttempts {
                    retry_after_secs: secs,
                }
                .into(),
                None => Refused::WrongCode,
            }));
        }
    };
    // The code was right: it does not count against the address.
    throttle::succeeded(db, &Key::account(&account.username), &address, now).await?;
    if let Err(e) = check_new_password(&account.username, "", &r.new_password) {
        return Ok(Err(e.into()));
    }
    let Ok(hash) = password::hash(r.new_password).await else {
        return Ok(Err(Refused::Hashing));
    };
    let txn = write_txn(db).await?;
    // Used once: a second use of the same code (in parallel) finds it gone.
    let used = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(Some(now)))
        .filter(password_reset::Column::Id.eq(pending.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(Err(Refused::WrongCode));
    }
    let mut acct: account::ActiveModel = account.into();
    acct.password_hash = Set(hash);
    acct.must_change_password = Set(false);
    acct.updated_at = Set(now);
    let account = acct.update(&txn).await?;
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
        .filter(session::Column::AccountId.eq(account.id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let details = journal::details(client, serde_json::json!({}));
    journal::record(&txn, &account, Event::PasswordRecovered, details, now).await?;
    txn.commit().await?;
    Ok(
        sign_in::finish(db, settings, account, (client, device), now)
            .await?
            .map_err(Refused::SignIn),
    )
}

/// The account's newest code that still works.
async fn live_code(
    db: &impl ConnectionTrait,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<password_reset::Model>, DbErr> {
    password_reset::Entity::find()
        .filter(password_reset::Column::AccountId.eq(account_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .filter(password_reset::Column::ExpiresAt.gt(now))
        .filter(password_reset::Column::Attempts.lt(MAX_TRIES))
        .order_by_desc(password_reset::Column::Id)
        .one(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_codes_hash_is_its_accounts() {
        assert_eq!(code_hash(1, "123456"), code_hash(1, "123456"));
        assert_ne!(code_hash(1, "123456"), code_hash(2, "123456"));
        assert_eq!(code_hash(1, "123456").len(), 64);
    }
}
