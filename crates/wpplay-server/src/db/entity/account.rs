//! A login identity.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub username: String,
    pub role: String,
    pub password_hash: String,
    pub must_change_password: bool,
    /// The last sequence number handed out in this account's change feed.
    pub feed_seq: i64,
    /// The language messages to this person are written in: `en`, `sr-Latn`, `sr-Cyrl`.
    pub language: String,
    /// The TOTP secret (base32) of a confirmed two-factor sign-in; `None` without one.
    pub totp_secret: Option<String>,
    /// A secret handed out for enrolment, until its first code confirms it.
    pub totp_pending_secret: Option<String>,
    pub totp_enabled_at: Option<DateTimeUtc>,
    /// The time step of the last code accepted: a code of it or before is not taken again.
    pub totp_last_step: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The account's language; English for a tag this build does not know.
    pub fn lang(&self) -> wpplay_domain::lang::Lang {
        wpplay_domain::lang::Lang::parse(&self.language).unwrap_or_default()
    }
}
