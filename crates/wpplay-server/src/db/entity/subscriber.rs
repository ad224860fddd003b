//! A subscriber (IPTV line) of a dealer or directly of a partner.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscribers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub partner_id: i64,
    pub dealer_id: Option<String>,
    pub name: String,
    pub line_username: String,
    pub mac: String,
    pub expires_at: DateTimeUtc,
    /// `active` or `disabled`; suspension by an inactive dealer is derived, not stored.
    pub status: String,
    pub version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
