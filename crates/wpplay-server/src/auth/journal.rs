//! What happens to an account's access, in the audit log beside its data's changes:
//! sign-ins (done, failed, blocked), password changes, sign-outs and ended sessions.
//! An entry names the account, the address and the device, never a password or token;
//! a partner reads its own and its dealers' (`partner_id`), an operator everyone's.

use crate::db::entity::account;
use crate::mutations::{actor, audit};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};
use serde_json::{Value, json};
use std::net::IpAddr;
use wpplay_domain::actor::Role;
use wpplay_domain::ids::AccountId;

/// What happened to the account's access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    SignedIn,
    /// A wrong password for this account.
    SignInFailed,
    /// The failure that made the throttle block the account (once per block, so a
    /// guesser cannot flood the log).
    SignInBlocked,
    PasswordChanged,
    /// A recovery code was sent (to the account's own channel).
    PasswordRecoveryRequested,
    /// A recovery code set a new password.
    PasswordRecovered,
    SignedOut,
    /// One session ended from another of the account's devices.
    SessionEnded,
    /// All other sessions ended from one device.
    OtherSessionsEnded,
    SecondFactorEnabled,
    SecondFactorDisabled,
    /// A wrong second-factor code at sign-in.
    SecondFactorFailed,
    /// One of the ten recovery codes signed in instead of the app's code.
    RecoveryCodeUsed,
    /// A partner required (or stopped requiring) two-factor sign-in of its dealers.
    DealerSecondFactorRule,
}

impl Event {
    fn action(self) -> &'static str {
        match self {
            Event::SignedIn => "sign_in",
            Event::SignInFailed => "sign_in_failed",
            Event::SignInBlocked => "sign_in_blocked",
            Event::PasswordChanged => "password_changed",
            Event::PasswordRecoveryRequested => "password_recovery_requested",
            Event::PasswordRecovered => "password_recovered",
            Event::SignedOut => "signed_out",
            Event::SessionEnded => "session_ended",
            Event::OtherSessionsEnded => "other_sessions_ended",
            Event::SecondFactorEnabled => "second_factor_enabled",
            Event::SecondFactorDisabled => "second_factor_disabled",
            Event::SecondFactorFailed => "second_factor_failed",
            Event::RecoveryCodeUsed => "recovery_code_used",
            Event::DealerSecondFactorRule => "dealer_second_factor_rule",
        }
    }
}

/// The address an event came from, and what else is worth keeping (a device, a count).
pub fn details(client: IpAddr, more: Value) -> Value {
    let mut v = json!({ "address": client.to_string() });
    if let (Some(map), Value::Object(more)) = (v.as_object_mut(), more) {
        map.extend(more);
    }
    v
}

/// Records `event` for `account`.
pub async fn record(
    db: &impl ConnectionTrait,
    account: &account::Model,
    event: Event,
    details: Value,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let role = Role::parse(&account.role).unwrap_or(Role::Partner);
    let who = actor::load(db, AccountId(account.id), role).await?;
    let change = audit::Change {
        action: event.action().to_owned(),
        target: ("account", account.id.to_string()),
        before: None,
        after: Some(details),
    };
    audit::record_all(db, &who, vec![change], now).await
}
