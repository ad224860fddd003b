//! Whether an account must sign in with a second factor, and the challenge a sign-in
//! whose password matched waits on. Apart from [`super::second_factor`] (which opens
//! sessions through [`super::sign_in`]) so that signing in and refreshing can ask it
//! without importing each other.

use crate::auth::sessions::DeviceRow;
use crate::auth::token;
use crate::db::entity::{account, dealer, partner, sign_in_challenge};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use wpplay_domain::actor::Role;

/// How long a sign-in waits for its code.
pub const CHALLENGE_MINUTES: i64 = 5;

/// Whether `account` may not go without a second factor: an operator, or a dealer whose
/// partner requires it of its dealers.
pub async fn required(db: &impl ConnectionTrait, account: &account::Model) -> Result<bool, DbErr> {
    match Role::parse(&account.role) {
        Some(Role::Operator) => Ok(true),
        Some(Role::Dealer) => {
            let Some(d) = dealer::Entity::find()
                .filter(dealer::Column::AccountId.eq(account.id))
                .one(db)
                .await?
            else {
                return Ok(false);
            };
            Ok(partner::Entity::find_by_id(d.partner_id)
                .one(db)
                .await?
                .is_some_and(|p| p.dealers_need_second_factor))
        }
        _ => Ok(false),
    }
}

/// Whether `account` must set up two-factor sign-in before it may do anything else.
pub async fn setup_due(db: &impl ConnectionTrait, account: &account::Model) -> Result<bool, DbErr> {
    Ok(account.totp_secret.is_none() && required(db, account).await?)
}

/// A sign-in whose password matched, waiting for the code: its challenge, answered to
/// the client (stored hashed, with the device that signs in).
pub async fn challenge(
    db: &impl ConnectionTrait,
    account: &account::Model,
    device: Option<&DeviceRow>,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    // Old challenges of the account go; a flood of sign-ins keeps at most a few.
    sign_in_challenge::Entity::delete_many()
        .filter(sign_in_challenge::Column::AccountId.eq(account.id))
        .filter(sign_in_challenge::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let token = token::generate();
    sign_in_challenge::ActiveModel {
        token_hash: Set(token::hash(&token)),
        account_id: Set(account.id),
        attempts: Set(0),
        expires_at: Set(now + Duration::minutes(CHALLENGE_MINUTES)),
        device_name: Set(device.map(|d| d.name.clone())),
        platform: Set(device.map(|d| d.platform.clone())),
        app_version: Set(device.map(|d| d.app_version.clone())),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}
