//! A signed-in session: hashes of its access and refresh tokens, and the device it is on.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub account_id: i64,
    pub access_hash: String,
    pub access_expires_at: DateTimeUtc,
    pub refresh_hash: String,
    pub refresh_expires_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    /// The refresh token before the last rotation (its hash), honoured for
    /// [`crate::auth::refresh::REFRESH_GRACE_SECS`] after it: the answer may have been lost.
    pub previous_refresh_hash: Option<String>,
    pub rotated_at: Option<DateTimeUtc>,
    /// The newest pair of tokens has been used (a request or a refresh): its answer
    /// arrived, so the previous refresh token may no longer retry.
    pub pair_used: bool,
    /// The device the session was opened on, as the app named it (issue 14).
    pub device_name: Option<String>,
    /// `linux`, `windows`, `macos`…
    pub platform: Option<String>,
    pub app_version: Option<String>,
    /// The address it was last used from (sign-in or refresh).
    pub last_ip: Option<String>,
    pub last_seen_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
