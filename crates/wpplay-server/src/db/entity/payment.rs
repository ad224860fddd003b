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
    /// `applied`, `partial`, `overpaid`, `unmatched` and `reversal` (the last four wait
    /// for review); `reversed` (taken back by the bank), `taken_back` (the bank's reversal
    /// that did it), `refunded`, `not_ours` or `split` (resolved by a person; a split
    /// payment's parts are payments of their own).
    pub status: String,
    pub note: Option<String>,
    /// Who paid, as the bank says (bank payments), for a person resolving it.
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    /// The remittance text as the payer wrote it.
    pub remittance: Option<String>,
    /// The partner's paid-through date before and after this payment extended it (the
    /// first is empty when it extended from the trial), so a reversal can take it back.
    pub extended_from: Option<DateTimeUtc>,
    pub extended_to: Option<DateTimeUtc>,
    /// The payment this one is a part of, when a person split that across invoices.
    pub split_of: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
