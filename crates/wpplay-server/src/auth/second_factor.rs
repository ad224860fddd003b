//! Two-factor sign-in: a TOTP secret (RFC 6238, any authenticator app) and ten
//! single-use recovery codes.
//!
//! Enrolment keeps a pending secret until its first code confirms it; only then does
//! sign-in ask for codes, and the recovery codes are answered that once (stored hashed).
//! A sign-in whose password matched answers `second_factor_required` with a challenge
//! that lives [`super::factor::CHALLENGE_MINUTES`] minutes and survives [`MAX_TRIES`] wrong codes;
//! codes count against the account and the address like passwords. A code's 30-second
//! step is stored when used, so neither it nor an older one is taken again.
//!
//! Operators must use it, and so must a partner's dealers when the partner says so: such
//! an account signs in, but may only set it up until it has ([`super::factor::setup_due`]).

use crate::auth::factor::required;
use crate::auth::journal::{self, Event};
use crate::auth::sessions::DeviceRow;
use crate::auth::sign_in;
use crate::auth::throttle::{self, Key, TooManyAttempts};
use crate::auth::token::{self, Tokens};
use crate::db::entity::{account, partner, recovery_code, sign_in_challenge};
use crate::db::txn::write_txn;
use crate::settings::Settings;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use thiserror::Error;
use wpplay_domain::actor::Role;
use wpplay_domain::totp;
use wpplay_domain::{Code, ErrorCode};
use wpplay_wire::auth::{SecondFactorEnrolment, SecondFactorStatus};

/// Wrong codes a challenge survives.
const MAX_TRIES: i32 = 5;
/// Recovery codes made at enrolment.
const RECOVERY_CODES: usize = 10;
/// What authenticator apps show above the code.
const ISSUER: &str = "WP Play";
/// Letters of a recovery code: no 0/o, 1/l/i to misread.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Why a second-factor step did not go through.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refused {
    #[error(
        "This code is not right or was used already. Enter the code your authenticator app shows now, or one of your recovery codes."
    )]
    WrongCode,
    #[error("This sign-in waited too long or had too many wrong codes. Sign in again.")]
    ChallengeExpired,
    #[error(transparent)]
    TooMany(#[from] TooManyAttempts),
    #[error(
        "Two-factor sign-in is on already. Switch it off first to set up a new authenticator app."
    )]
    AlreadyOn,
    #[error("Two-factor sign-in is not set up for this account.")]
    Off,
    #[error("This account must sign in with a second factor, so it cannot be switched off.")]
    Mandatory,
    /// The code was right, but no session opens (a dealer switched off meanwhile).
    #[error(transparent)]
    SignIn(sign_in::Refused),
}

impl ErrorCode for Refused {
    fn code(&self) -> Code {
        match self {
            Self::WrongCode => Code::WrongSecondFactorCode,
            Self::ChallengeExpired => Code::ChallengeExpired,
            Self::TooMany(_) => Code::TooManyAttempts,
            Self::AlreadyOn => Code::SecondFactorAlreadyOn,
            Self::Off => Code::SecondFactorOff,
            Self::Mandatory => Code::SecondFactorMandatory,
            Self::SignIn(e) => e.code(),
        }
    }
}

/// The account's two-factor sign-in, as its settings show it.
pub async fn status(
    db: &impl ConnectionTrait,
    account: &account::Model,
) -> Result<SecondFactorStatus, DbErr> {
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(account.id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    let dealers_required = match Role::parse(&account.role) {
        Some(Role::Partner) => partner::Entity::find_by_id(account.id)
            .one(db)
            .await?
            .map(|p| p.dealers_need_second_factor),
        _ => None,
    };
    Ok(SecondFactorStatus {
        enabled: account.totp_secret.is_some(),
        enabled_at: account.totp_enabled_at,
        recovery_codes_left: u32::try_from(left).unwrap_or(u32::MAX),
        required: required(db, account).await?,
        dealers_required,
    })
}

/// Starts (or starts again) setting up: a new pending secret, shown this once.
pub async fn enrol(
    db: &impl ConnectionTrait,
    account: &account::Model,
    now: DateTime<Utc>,
) -> Result<Result<SecondFactorEnrolment, Refused>, DbErr> {
    if account.totp_secret.is_some() {
        return Ok(Err(Refused::AlreadyOn));
    }
    let secret = totp::new_secret();
    let mut a: account::ActiveModel = account.clone().into();
    a.totp_pending_secret = Set(Some(secret.clone()));
    a.updated_at = Set(now);
    a.update(db).await?;
    Ok(Ok(SecondFactorEnrolment {
        otpauth_uri: totp::otpauth_uri(ISSUER, &account.username, &secret),
        secret,
    }))
}

/// Wrong codes typed in the settings (confirming or switching off), per account.
fn settings_key(account_id: i64) -> Key {
    Key {
        key: format!("second-factor:{account_id}"),
        limit: 5,
    }
}

/// Confirms the pending secret with its first code: two-factor sign-in is on, and the
/// answer carries the recovery codes, never shown again.
pub async fn confirm(
    db: &DatabaseConnection,
    account: &account::Model,
    typed: &str,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<Vec<String>, Refused>, DbErr> {
    if account.totp_secret.is_some() {
        return Ok(Err(Refused::AlreadyOn));
    }
    let Some(secret) = account.totp_pending_secret.clone() else {
        return Ok(Err(Refused::Off));
    };
    let key = [settings_key(account.id)];
    if let Some(secs) = throttle::reserve(db, &key, now).await? {
        return Ok(Err(too_many(secs)));
    }
    let Some(step) = totp::accepted_step(&secret, typed, step_now(now), None) else {
        return Ok(Err(wrong(db, &key, now).await?));
    };
    throttle::succeeded(db, &key[0], &[], now).await?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let txn = write_txn(db).await?;
    // Conditional on the pending secret still being this one: two confirmations in
    // parallel turn it on once.
    let on = account::Entity::update_many()
        .col_expr(
            account::Column::TotpSecret,
            Expr::value(Some(secret.clone())),
        )
        .col_expr(
            account::Column::TotpPendingSecret,
            Expr::value(None::<String>),
        )
        .col_expr(account::Column::TotpEnabledAt, Expr::value(Some(now)))
        .col_expr(account::Column::TotpLastStep, Expr::value(Some(step)))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account.id))
        .filter(account::Column::TotpPendingSecret.eq(secret))
        .filter(account::Column::TotpSecret.is_null())
        .exec(&txn)
        .await?;
    if on.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(Err(Refused::AlreadyOn));
    }
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(account.id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::insert_many(codes.iter().map(|c| recovery_code::ActiveModel {
        account_id: Set(account.id),
        code_hash: Set(code_hash(
            account.id,
            &normalized_recovery(c).unwrap_or_default(),
        )),
        used_at: Set(None),
        ..Default::default()
    }))
    .exec(&txn)
    .await?;
    let details = journal::details(client, serde_json::json!({}));
    journal::record(&txn, account, Event::SecondFactorEnabled, details, now).await?;
    txn.commit().await?;
    Ok(Ok(codes))
}

/// Switches two-factor sign-in off, given a current code (or a recovery code).
pub async fn disable(
    db: &DatabaseConnection,
    account: &account::Model,
    typed: &str,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<(), Refused>, DbErr> {
    if account.totp_secret.is_none() {
        return Ok(Err(Refused::Off));
    }
    if required(db, account).await? {
        return Ok(Err(Refused::Mandatory));
    }
    let key = [settings_key(account.id)];
    if let Some(secs) = throttle::reserve(db, &key, now).await? {
        return Ok(Err(too_many(secs)));
    }
    if take_code(db, account, typed, now).await?.is_none() {
        return Ok(Err(wrong(db, &key, now).await?));
    }
    throttle::succeeded(db, &key[0], &[], now).await?;
    let txn = write_txn(db).await?;
    account::Entity::update_many()
        .col_expr(account::Column::TotpSecret, Expr::value(None::<String>))
        .col_expr(
            account::Column::TotpPendingSecret,
            Expr::value(None::<String>),
        )
        .col_expr(
            account::Column::TotpEnabledAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(account::Column::TotpLastStep, Expr::value(None::<i64>))
        .col_expr(account::Column::UpdatedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account.id))
        .exec(&txn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::AccountId.eq(account.id))
        .exec(&txn)
        .await?;
    let details = journal::details(client, serde_json::json!({}));
    journal::record(&txn, account, Event::SecondFactorDisabled, details, now).await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// The second step of a sign-in: the challenge and a code open the session.
pub async fn pass(
    db: &DatabaseConnection,
    settings: &Settings,
    challenge: &str,
    typed: &str,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<Tokens, Refused>, DbErr> {
    let address = Key::address(client);
    if challenge.len() > 64 {
        return Ok(Err(Refused::ChallengeExpired));
    }
    let hash = token::hash(challenge.trim());
    let found = sign_in_challenge::Entity::find_by_id(hash.clone())
        .one(db)
        .await?
        .filter(|c| c.expires_at > now && c.attempts < MAX_TRIES);
    let account = match found {
        Some(c) => account::Entity::find_by_id(c.account_id)
            .one(db)
            .await?
            .map(|a| (c, a)),
        None => None,
    };
    let Some((found, account)) = account else {
        // Not throttled: a challenge is 256 random bits, nothing to guess.
        return Ok(Err(Refused::ChallengeExpired));
    };
    let keys = [Key::account(&account.username), address];
    if let Some(secs) = throttle::reserve(db, &keys, now).await? {
        return Ok(Err(too_many(secs)));
    }
    let Some(used) = take_code(db, &account, typed, now).await? else {
        sign_in_challenge::Entity::update_many()
            .col_expr(
                sign_in_challenge::Column::Attempts,
                Expr::col(sign_in_challenge::Column::Attempts).add(1),
            )
            .filter(sign_in_challenge::Column::TokenHash.eq(hash))
            .exec(db)
            .await?;
        let details = journal::details(client, serde_json::json!({}));
        journal::record(db, &account, Event::SecondFactorFailed, details, now).await?;
        return Ok(Err(wrong(db, &keys, now).await?));
    };
    // Single use: a second pass of the same challenge (in parallel) finds it gone.
    let gone = sign_in_challenge::Entity::delete_many()
        .filter(sign_in_challenge::Column::TokenHash.eq(hash))
        .exec(db)
        .await?;
    if gone.rows_affected != 1 {
        return Ok(Err(Refused::ChallengeExpired));
    }
    throttle::succeeded(db, &keys[0], &keys[1..], now).await?;
    if used == Used::RecoveryCode {
        let details = journal::details(client, serde_json::json!({}));
        journal::record(db, &account, Event::RecoveryCodeUsed, details, now).await?;
    }
    let device = match (found.device_name, found.platform, found.app_version) {
        (Some(name), Some(platform), Some(app_version)) => Some(DeviceRow {
            name,
            platform,
            app_version,
        }),
        _ => None,
    };
    Ok(sign_in::open(db, settings, account, (client, device), now)
        .await?
        .map_err(Refused::SignIn))
}

/// Deletes sign-in challenges past their time and password recovery codes a day after
/// they stopped working, so abandoned sign-ins and requests do not pile up.
pub async fn sweep(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    use crate::db::entity::password_reset;
    let challenges = sign_in_challenge::Entity::delete_many()
        .filter(sign_in_challenge::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let codes = password_reset::Entity::delete_many()
        .filter(password_reset::Column::ExpiresAt.lt(now - Duration::days(1)))
        .exec(db)
        .await?;
    Ok(challenges.rows_affected + codes.rows_affected)
}

/// Which kind of code was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Used {
    AppCode,
    RecoveryCode,
}

/// Takes `typed` as the account's code now: the app's (its step then used up) or an
/// unused recovery code (then used up); `None` if it is neither.
async fn take_code(
    db: &impl ConnectionTrait,
    account: &account::Model,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Option<Used>, DbErr> {
    let Some(secret) = &account.totp_secret else {
        return Ok(None);
    };
    if let Some(step) = totp::accepted_step(secret, typed, step_now(now), account.totp_last_step) {
        // Conditional: the same code sent twice at once is taken once.
        let taken = account::Entity::update_many()
            .col_expr(account::Column::TotpLastStep, Expr::value(Some(step)))
            .filter(account::Column::Id.eq(account.id))
            .filter(
                Condition::any()
                    .add(account::Column::TotpLastStep.is_null())
                    .add(account::Column::TotpLastStep.lt(step)),
            )
            .exec(db)
            .await?;
        return Ok((taken.rows_affected == 1).then_some(Used::AppCode));
    }
    let Some(code) = normalized_recovery(typed) else {
        return Ok(None);
    };
    let taken = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Some(now)))
        .filter(recovery_code::Column::AccountId.eq(account.id))
        .filter(recovery_code::Column::CodeHash.eq(code_hash(account.id, &code)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok((taken.rows_affected == 1).then_some(Used::RecoveryCode))
}

fn step_now(now: DateTime<Utc>) -> i64 {
    totp::step_of(now.timestamp())
}

/// A wrong code: counted against `keys`, and the answer.
async fn wrong(
    db: &DatabaseConnection,
    keys: &[Key],
    now: DateTime<Utc>,
) -> Result<Refused, DbErr> {
    Ok(match throttle::failed(db, keys, now).await? {
        Some(secs) => too_many(secs),
        None => Refused::WrongCode,
    })
}

fn too_many(secs: i64) -> Refused {
    Refused::TooMany(TooManyAttempts {
        retry_after_secs: secs,
    })
}

/// A new recovery code, `xxxx-xxxx`.
fn new_recovery_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let mut pick = || char::from(RECOVERY_ALPHABET[rng.gen_range(0..RECOVERY_ALPHABET.len())]);
    let (a, b): (String, String) = (
        (0..4).map(|_| pick()).collect(),
        (0..4).map(|_| pick()).collect(),
    );
    format!("{a}-{b}")
}

/// A recovery code as typed, without dashes and spaces and in lower case; `None` when it
/// cannot be one.
fn normalized_recovery(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    (code.len() == 8 && code.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))).then_some(code)
}

/// The stored form of a recovery code, tied to its account.
fn code_hash(account_id: i64, code: &str) -> String {
    hex::encode(Sha256::digest(format!("{account_id}:{code}").as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_read_back_however_typed() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 9);
        let plain = normalized_recovery(&code).expect("its own form");
        assert_eq!(
            normalized_recovery(&code.to_uppercase()),
            Some(plain.clone())
        );
        assert_eq!(normalized_recovery(&code.replace('-', " ")), Some(plain));
        assert_eq!(
            normalized_recovery("123456"),
            None,
            "an app code is not one"
        );
        assert_eq!(
            normalized_recovery("abcd-efg0"),
            None,
            "0 is not in the alphabet"
        );
    }
}
