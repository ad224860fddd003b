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
