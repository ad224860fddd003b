//! How a partner exchanges information with resellers, and which details they may see.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_contacts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i64,
    pub website: Option<String>,
    pub messenger: Option<String>,
    pub address: Option<String>,
    pub note: Option<String>,
    pub show_email: bool,
    pub show_phone: bool,
    pub show_website: bool,
    pub show_messenger: bool,
    pub show_address: bool,
    pub show_note: bool,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
