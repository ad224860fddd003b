//! A payment received: an accounting record, unique per source and external id.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `webhook`, `bank` or `operator`.
    pub source: String,
    /// The provider's payment id or the bank's entry id.
    pub external_id: String,
    pub partner_id: Option<i64>,
    pub invoice_id: Option<i64>,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
    pub received_at: DateTimeUtc,
    pub recorded_at: DateTimeUtc,
    /// `applied`, `partial`, `overpaid`, `unmatched` or `reversal` (all but the first wait
    /// for review).
    pub status: String,
    pub note: Option<String>,
    /// Who paid, as the bank says (bank payments), for a person resolving it.
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    /// The remittance text as the payer wrote it.
    pub remittance: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
