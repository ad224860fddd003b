//! One entry of the append-only audit log.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: i64,
    pub actor_role: String,
    pub actor_name: String,
    /// Whose data this is: the partner's log shows its own entries.
    pub partner_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    /// JSON of the entity before and after; never a password, hash or token.
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
