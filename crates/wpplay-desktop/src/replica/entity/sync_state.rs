//! The replica's one row of sync bookkeeping.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sync_state")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub client_id: String,
    pub cursor: i64,
    pub next_mutation_id: i64,
    pub last_sync_at: Option<DateTimeUtc>,
    pub last_error_code: Option<String>,
    pub last_error_message: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
