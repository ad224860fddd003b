//! Devices and sessions: where an account is signed in, and ending what its owner does
//! not recognise. A session names the device the app said it was opened on, and the
//! address and time it was last used from (sign-in, refresh). A sign-in from a device the
//! account never used before is told by e-mail.

use crate::db::entity::{account, session};
use crate::delivery::{self, Channel, NewMessage};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use std::net::IpAddr;
use wpplay_domain::DomainError;
use wpplay_domain::validate::label;
use wpplay_i18n::args;
use wpplay_wire::auth::{Device, SessionInfo};

/// The most sessions listed: more live at once is abuse, and the oldest are the least
/// interesting.
pub const MAX_LISTED: u64 = 100;

/// A device as the app described it, checked: printable, bounded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    pub name: String,
    pub platform: String,
    pub app_version: String,
}

impl DeviceRow {
    pub fn of(d: &Device) -> Result<Self, DomainError> {
        Ok(Self {
            name: label("device.name", &d.name, 100)?,
            platform: label("device.platform", &d.platform, 32)?,
            app_version: label("device.app_version", &d.app_version, 32)?,
        })
    }
}

fn live(account_id: i64, now: DateTime<Utc>) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(session::Column::AccountId.eq(account_id))
        .add(session::Column::RevokedAt.is_null())
        .add(session::Column::RefreshExpiresAt.gt(now))
}

/// The account's live sessions, the most recently used first; `current` marks the one
/// asking.
pub async fn list(
    db: &impl ConnectionTrait,
    account_id: i64,
    current: i64,
    now: DateTime<Utc>,
) -> Result<Vec<SessionInfo>, DbErr> {
    let rows = session::Entity::find()
        .filter(live(account_id, now))
        .order_by_desc(session::Column::LastSeenAt)
        .order_by_desc(session::Column::Id)
        .paginate(db, MAX_LISTED)
        .fetch_page(0)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| SessionInfo {
            id: s.id,
            device: match (s.device_name, s.platform, s.app_version) {
                (Some(name), Some(platform), Some(app_version)) => Some(Device {
                    name,
                    platform,
                    app_version,
                }),
                _ => None,
            },
            last_ip: s.last_ip,
            signed_in_at: s.created_at,
            last_seen_at: s.last_seen_at.unwrap_or(s.created_at),
            current: s.id == current,
        })
        .collect())
}

/// Ends session `id` of the account; `false` if it has no such live session (another
/// account's session is simply not found).
pub async fn end(
    db: &impl ConnectionTrait,
    account_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let ended = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
        .filter(live(account_id, now))
        .filter(session::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(ended.rows_affected == 1)
}

/// Ends every live session of the account but `keep`; how many ended.
pub async fn end_others(
    db: &impl ConnectionTrait,
    account_id: i64,
    keep: i64,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let ended = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Some(now)))
        .filter(live(account_id, now))
        .filter(session::Column::Id.ne(keep))
        .exec(db)
        .await?;
    Ok(ended.rows_affected)
}

/// Before a session opens: if the account has signed in before but never from this
/// device, its owner is told by e-mail (in its language), where it has an e-mail.
pub async fn tell_of_new_device(
    db: &impl ConnectionTrait,
    account: &account::Model,
    (device, client): (Option<&DeviceRow>, IpAddr),
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mine = session::Entity::find().filter(session::Column::AccountId.eq(account.id));
    if mine.clone().count(db).await? == 0 {
        // The first sign-in, with the credentials just sent: nothing to tell.
        return Ok(());
    }
    let seen = match device {
        Some(d) => {
            mine.filter(session::Column::DeviceName.eq(d.name.clone()))
                .filter(session::Column::Platform.eq(d.platform.clone()))
                .count(db)
                .await?
        }
        None => {
            mine.filter(session::Column::DeviceName.is_null())
                .count(db)
                .await?
        }
    };
    if seen > 0 {
        return Ok(());
    }
    let Some(email) = crate::account::email(db, account.id).await? else {
        return Ok(());
    };
    let lang = account.lang();
    let what = args! {
        "username" => account.username.as_str(),
        "device" => device.map_or_else(
            || wpplay_i18n::text(lang, "new-device-unnamed", None),
            |d| format!("{} ({})", d.name, d.platform),
        ),
        "address" => client.to_string(),
        "when" => {
            let local = now.with_timezone(&tz);
            format!(
                "{} {}",
                wpplay_i18n::format::date(local.date_naive(), lang),
                wpplay_i18n::format::time(local.time())
            )
        },
    };
    let message = NewMessage {
        account_id: Some(account.id),
        channel: Channel::Email,
        recipient: email,
        subject: wpplay_i18n::text(lang, "new-device-email.subject", Some(&what)),
        body: format!(
            "{}{}",
            wpplay_i18n::text(lang, "new-device-email.body", Some(&what)),
            delivery::notice_footer(lang)
        ),
    };
    delivery::enqueue(db, message, now).await?;
    Ok(())
}
