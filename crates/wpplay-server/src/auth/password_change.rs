//! Replacing the password (required after the first sign-in): the current one is
//! checked under the same throttle as a sign-in, and every other session of the account
//! ends.

use crate::auth::journal::{self, Event};
use crate::auth::password;
use crate::auth::throttle::{self, Key, TooManyAttempts};
use crate::db::entity::{account, session};
use crate::db::txn::write_txn;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};
use std::net::IpAddr;
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::credentials::{MAX_PASSWORD_LEN, check_new_password};
use wpplay_domain::{DomainError, ErrorCode};
use wpplay_wire::auth::Me;

/// The change asked for, by the session `session_id` of `account`.
pub struct PasswordChange<'a> {
    pub account: &'a account::Model,
    pub session_id: i64,
    pub current: String,
    pub new: String,
}

/// Why the password stayed as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refused {
    #[error(transparent)]
    TooMany(#[from] TooManyAttempts),
    #[error("The current password is not right.")]
    WrongCurrent,
    /// The new password breaks the password policy.
    #[error(transparent)]
    Weak(#[from] DomainError),
    #[error("The server could not secure the password. Try again.")]
    Hashing,
}

impl ErrorCode for Refused {
    fn code(&self) -> Code {
        match self {
            Self::TooMany(_) => Code::TooManyAttempts,
            Self::WrongCurrent => Code::WrongCurrentPassword,
            Self::Weak(e) => e.code(),
            Self::Hashing => Code::HashingUnavailable,
        }
    }
}

/// Changes the password from `client` and answers the account as it sees itself now.
pub async fn change(
    db: &DatabaseConnection,
    change: PasswordChange<'_>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<Me, Refused>, DbErr> {
    let username = &change.account.username;
    let keys = [Key::account(username), Key::address(client)];
    if let Some(secs) = throttle::reserve(db, &keys, now).await? {
        return Ok(Err(Refused::TooMany(TooManyAttempts {
            retry_after_secs: secs,
        })));
    }
    if change.current.chars().count() > MAX_PASSWORD_LEN
        || !password::verify(change.current.clone(), change.account.password_hash.clone()).await
    {
        throttle::failed(db, &keys, now).await?;
        return Ok(Err(Refused::WrongCurrent));
    }
    throttle::succeeded(db, &keys[0], &keys[1..], now).await?;
    if let Err(e) = check_new_password(username, &change.current, &change.new) {
        return Ok(Err(e.into()));
    }
    let hash = match password::hash(change.new).await {
        Ok(hash) => hash,
        Err(e) => {
            tracing::error!(error = %e, "password hashing failed");
            return Ok(Err(Refused::Hashing));
        }
    };
    let txn = write_txn(db).await?;
    let mut acct: account::ActiveModel = change.account.clone().into();
    acct.password_hash = Set(hash);
    acct.must_change_password = Set(false);
    acct.updated_at = Set(now);
    let acct = acct.update(&txn).await?;
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
        .filter(session::Column::AccountId.eq(acct.id))
        .filter(session::Column::Id.ne(change.session_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let me = crate::account::me(&txn, &acct, now).await?;
    let details = journal::details(client, serde_json::json!({}));
    journal::record(&txn, &acct, Event::PasswordChanged, details, now).await?;
    txn.commit().await?;
    Ok(Ok(me))
}
