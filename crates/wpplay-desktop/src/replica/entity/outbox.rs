//! A local edit waiting for the server, or refused by it.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mutation_id: i64,
    /// The `wpplay_wire::sync::Mutation` as JSON.
    pub payload: String,
    pub summary: String,
    /// `pending`, `rejected`, or `applied` (by the server, not pulled back yet).
    pub state: String,
    pub reject_code: Option<String>,
    pub reject_message: Option<String>,
    pub created_at: DateTimeUtc,
    /// For `applied`: the feed cursor after the push; a pull reaching it removes the row.
    pub applied_cursor: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
