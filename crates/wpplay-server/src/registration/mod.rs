//! Registering a partner (its package and 14-day trial) or a reseller: the checks, the
//! rations, the new account and the message with its generated credentials, written in
//! one transaction.
//!
//! The answer never tells whether the e-mail address has an account already: that
//! address's owner is told by e-mail instead, and the form's sender sees the same answer
//! as for a new account.

mod accounts;
mod messages;

pub use accounts::Wanted;

use crate::auth::password;
use crate::auth::throttle::{self, Key};
use crate::db::txn::write_txn;
use crate::delivery;
use crate::settings::Limits;
use accounts::Joining;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DbErr, SqlErr};
use std::net::IpAddr;
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::credentials;
use wpplay_domain::lifecycle::LifecycleFacts;
use wpplay_domain::registration::{CredentialChannel, Registration};

/// Where the credentials went, for the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub channel: CredentialChannel,
    /// The e-mail address or phone number the credentials were sent to.
    pub recipient: String,
    /// A partner's trial end; resellers have no trial.
    pub trial_ends_at: Option<DateTime<Utc>>,
}

/// Why a registration was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refused {
    #[error("There is no package {0} to choose. Pick one from GET /api/v1/packages.")]
    UnknownPackage(i64),
    #[error("We cannot send your sign-in details by SMS: {0} Choose e-mail delivery.")]
    SmsUnavailable(String),
    #[error("Too many registrations from here or to {recipient}. Try again in {} minutes.", (.retry_after_secs + 59) / 60)]
    TooMany {
        recipient: String,
        retry_after_secs: i64,
    },
    #[error("The server could not secure the password. Try again.")]
    Hashing,
    #[error("Another registration took the same username at the same moment. Send the form again.")]
    Conflict,
    #[error("No free username could be found for this company name; try a longer one.")]
    UsernamesExhausted,
}

impl ErrorCode for Refused {
    fn code(&self) -> Code {
        match self {
            Self::UnknownPackage(_) => Code::UnknownPackage,
            Self::SmsUnavailable(_) => Code::SmsUnavailable,
            Self::TooMany { .. } => Code::TooManyRegistrations,
            Self::Hashing => Code::HashingUnavailable,
            Self::Conflict => Code::RegistrationConflict,
            Self::UsernamesExhausted => Code::UsernameExhausted,
        }
    }
}

/// Registers `reg` as `wanted`, from `client`, and queues its credentials message; or
/// answers why not.
pub async fn register(
    db: &DatabaseConnection,
    limits: &Limits,
    reg: &Registration,
    wanted: Wanted,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<Result<Registered, Refused>, DbErr> {
    let joining = match wanted {
        Wanted::Reseller => Joining::Reseller,
        Wanted::Partner(id) => match accounts::offered_package(db, id).await? {
            Some(package) => Joining::Partner(package),
            None => return Ok(Err(Refused::UnknownPackage(id))),
        },
    };
    if reg.credential_channel == CredentialChannel::Sms
        && let Some(why) = delivery::sms_refusal(db, limits, &reg.phone, true, now).await?
    {
        return Ok(Err(Refused::SmsUnavailable(why)));
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
    if let Some(secs) = throttle::reserve(db, &quota, now).await? {
        return Ok(Err(Refused::TooMany {
            recipient,
            retry_after_secs: secs,
        }));
    }
    let secret = credentials::generate_password(&mut rand::rngs::OsRng);
    let hash = match password::hash(secret.clone()).await {
        Ok(hash) => hash,
        Err(e) => {
            tracing::error!(error = %e, "password hashing failed");
            return Ok(Err(Refused::Hashing));
        }
    };
    let registered = Registered {
        channel: reg.credential_channel,
        recipient,
        trial_ends_at: match joining {
            Joining::Partner(_) => Some(LifecycleFacts::new_trial(now).trial_ends_at),
            Joining::Reseller => None,
        },
    };

    let txn = write_txn(db).await?;
    if let Some(owner) = accounts::registered_with(&txn, &joining, &reg.email).await? {
        delivery::enqueue(&txn, messages::already_registered(reg, &owner), now).await?;
        txn.commit().await?;
        return Ok(Ok(registered));
    }
    let Some(username) = accounts::free_username(&txn, &reg.company).await? else {
        return Ok(Err(Refused::UsernamesExhausted));
    };
    let (account_id, intro) = match accounts::create(&txn, reg, &joining, &username, hash, now)
        .await
    {
        Ok(done) => done,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            // Another registration committed the same e-mail or username a moment ago.
            txn.rollback().await?;
            let txn = write_txn(db).await?;
            let Some(owner) = accounts::registered_with(&txn, &joining, &reg.email).await? else {
                return Ok(Err(Refused::Conflict));
            };
            delivery::enqueue(&txn, messages::already_registered(reg, &owner), now).await?;
            txn.commit().await?;
            return Ok(Ok(registered));
        }
        Err(e) => return Err(e),
    };
    delivery::enqueue(
        &txn,
        messages::credentials(account_id, reg, &username, &secret, &intro),
        now,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(account_id, channel = %reg.credential_channel.as_str(), "account registered");
    Ok(Ok(registered))
}
