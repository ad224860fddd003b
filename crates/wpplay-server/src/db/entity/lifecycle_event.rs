//! A lifecycle event that happened (sent) or was skipped, once per partner, kind and end.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lifecycle_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partner_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    /// The end of the trial or period the event belongs to.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key_at: DateTimeUtc,
    pub sent: bool,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
