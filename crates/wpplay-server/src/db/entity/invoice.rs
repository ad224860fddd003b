//! A pro forma invoice: an accounting record, kept after its partner is purged.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Sequential per year, e.g. `2026-000042`.
    pub number: String,
    pub partner_id: i64,
    /// `period` (the next month) or `proration` (an upgrade's difference).
    pub kind: String,
    pub package_id: i64,
    pub package_name: String,
    pub period_start: DateTimeUtc,
    pub period_end: DateTimeUtc,
    pub amount_minor: i64,
    pub currency: String,
    /// As printed: `97 41-2026000042` or `RF18 …`.
    pub reference: String,
    /// The reference's normal form (letters and digits), matched against payments.
    pub reference_key: String,
    pub partner_company: String,
    pub partner_email: String,
    pub partner_country: String,
    pub issued_at: DateTimeUtc,
    /// What payments matched to it add up to.
    pub paid_minor: i64,
    pub paid_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
