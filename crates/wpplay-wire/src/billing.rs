//! Billing on the wire: the payment provider's webhook.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `POST /api/v1/payments/webhook`: one payment, signed by the provider with
/// `X-Signature: sha256=<hex HMAC-SHA256 of the raw body with the shared secret>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PaymentNotice {
    /// The provider's id of the payment: a notice sent again is recorded once.
    pub payment_id: String,
    /// In the currency's minor unit (cents).
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: String,
    /// The invoice's payment reference as the payer gave it.
    pub reference: String,
    pub paid_at: DateTime<Utc>,
}

/// What the server did with a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PaymentAck {
    /// `applied`, `partial`, `overpaid` or `unmatched` (the last three wait for review).
    pub status: String,
    /// The notice was recorded before; nothing changed.
    pub duplicate: bool,
}

/// One pro forma invoice as the partner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct InvoiceView {
    pub number: String,
    /// `period` (the next month) or `proration` (an upgrade's difference).
    pub kind: String,
    pub package_name: String,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub amount_minor: i64,
    pub currency: String,
    /// As printed on the invoice, e.g. `97 41-2026000042`.
    pub reference: String,
    pub issued_at: DateTime<Utc>,
    pub paid_minor: i64,
    pub paid_at: Option<DateTime<Utc>>,
    /// Open, partly paid or paid (`wpplay_domain::billing::InvoiceBalance::status`).
    pub status: wpplay_domain::billing::InvoiceStatus,
    /// What is left to pay: 0 once paid, never below 0.
    pub due_minor: i64,
}

/// `GET /api/v1/billing`: where the partner stands and what it owes. Open to a locked
/// partner: it is how it gets back in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct BillingView {
    /// `trial`, `active` or `locked`.
    pub state: String,
    pub trial_ends_at: DateTime<Utc>,
    pub paid_through: Option<DateTime<Utc>>,
    /// When access ends unless the partner pays.
    pub access_ends_at: DateTime<Utc>,
    /// Whole days until then, rounded up; 0 once it has ended
    /// (`wpplay_domain::lifecycle::days_left`).
    pub days_left: i64,
    /// When the data is deleted if nothing is paid (shown once locked).
    pub purge_at: DateTime<Utc>,
    /// Whole days until then, rounded up; 0 once it is due.
    pub days_to_purge: i64,
    /// When the pro forma invoice for the next period is issued (7 days before access ends).
    pub next_invoice_at: DateTime<Utc>,
    pub package: crate::packages::Package,
    /// A cheaper package chosen for the next period.
    pub next_package: Option<crate::packages::Package>,
    /// Newest first.
    pub invoices: Vec<InvoiceView>,
    /// Payments registered for the partner's invoices, newest first.
    pub payments: Vec<PaymentView>,
}

/// A payment registered for one of the partner's invoices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct PaymentView {
    pub received_at: DateTime<Utc>,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
    /// `bank`, `webhook` (the payment provider) or `operator`.
    pub source: String,
    /// `applied`, `partial`, `overpaid`, `unmatched` (being matched), `reversed` (taken
    /// back by the bank) or `refunded`.
    pub status: String,
    pub invoice_number: Option<String>,
}

/// `POST /api/v1/billing/package`: choose another package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ChangePackageRequest {
    pub package_id: i64,
}

/// What choosing another package did, in words and facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct ChangePackageResponse {
    /// `now`, `now_prorated` or `next_period`.
    pub timing: String,
    /// When the new package applies.
    pub effective_at: DateTime<Utc>,
    /// The pro forma for an upgrade's difference, or for a locked partner's next month.
    pub invoice: Option<InvoiceView>,
    /// The rule as applied, for people.
    pub message: String,
}

/// A payment as the operator reviews it (`GET /api/v1/operator/payments`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct ReviewPayment {
    pub id: i64,
    /// `webhook`, `bank` or `operator`.
    pub source: String,
    /// The provider's payment id or the statement line's id.
    pub external_id: String,
    /// The partner's account id, when the payment is linked to one.
    pub partner_id: Option<i64>,
    pub invoice_number: Option<String>,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    /// `applied`, `partial`, `overpaid`, `unmatched`, `reversal` (these four wait for a
    /// person), `reversed`, `taken_back` (the reversal that took one back), `refunded`
    /// or `not_ours`.
    pub status: String,
    pub note: Option<String>,
    /// Who paid, as the bank says.
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    /// What the payer wrote.
    pub remittance: Option<String>,
}

/// What a person decided about a payment waiting for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ResolveAction {
    /// An unmatched payment belongs to `invoice`.
    Assign,
    /// The money went back to the payer (unmatched whole, partial off its invoice,
    /// overpaid its surplus).
    Refunded,
    /// Not WP Play's money (unmatched), or a reversal of nothing recorded here.
    NotOurs,
    /// An unmatched payment pays several invoices: `parts`, adding up to the payment.
    Split,
}

/// One part of a split payment: the invoice it pays and how much of the payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct SplitPart {
    /// The invoice's number.
    pub invoice: String,
    /// In the payment's minor unit; more than zero.
    pub amount_minor: i64,
}

/// `POST /api/v1/operator/payments/{id}/resolve`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct ResolvePayment {
    pub action: ResolveAction,
    /// The invoice's number, for `assign`.
    #[serde(default)]
    pub invoice: Option<String>,
    /// The parts, for `split` (2-20, one per invoice, adding up to the payment).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub parts: Option<Vec<SplitPart>>,
    /// Why, for the record (1-500 characters, one line).
    pub note: String,
}

/// `POST /api/v1/operator/statements/preview` and `/import`: a bank statement file as
/// it came from the bank (camt.053/camt.054 XML or the simple CSV; UTF-8 or
/// Windows-1250), base64-encoded, at most 4 MiB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct StatementUpload {
    /// The file's name, for the record.
    pub file_name: String,
    pub content_base64: String,
}

/// One line of a statement and what importing it does (preview) or did (import).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct StatementLine {
    /// The line's id: the same each time the file is read.
    pub line_id: String,
    /// The booking date, `YYYY-MM-DD`.
    pub booked_on: String,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
    pub payer_name: Option<String>,
    /// What the payer wrote.
    pub remittance: Option<String>,
    /// `credit`, `reversal` or `skipped`.
    pub kind: String,
    /// Preview: `will_apply`, `will_wait` (for review), `will_take_back`,
    /// `already_recorded` or `skipped`. Import: the payment's status (`applied`,
    /// `partial`, `overpaid`, `unmatched`), `taken_back`, `reversal`, `already_recorded`
    /// or `skipped`.
    pub outcome: String,
    pub invoice_number: Option<String>,
    /// Why it is skipped, or which payment a reversal takes back.
    pub note: Option<String>,
}

/// A statement read: every line, and how many of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct StatementReport {
    pub lines: Vec<StatementLine>,
    /// New payments (and reversals) recorded, or that would be.
    pub new: u32,
    pub already_recorded: u32,
    pub skipped: u32,
    /// Of the new ones, those that wait (or would wait) for a person.
    pub waiting: u32,
    /// Whether anything was written (false for a preview).
    pub imported: bool,
}

/// A partner as WP Play's operator sees it (`GET /api/v1/operator/partners`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct OperatorPartner {
    pub account_id: i64,
    pub company: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    pub package_name: String,
    /// `trial`, `active` or `locked`.
    pub state: String,
    pub registered_at: DateTime<Utc>,
    pub trial_ends_at: DateTime<Utc>,
    pub paid_through: Option<DateTime<Utc>>,
    /// When access ends unless the partner pays.
    pub access_ends_at: DateTime<Utc>,
    pub dealers: u32,
    pub lines: u32,
}

/// `GET /api/v1/operator/partners/{id}`: one partner as WP Play's operator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct OperatorPartnerDetail {
    pub partner: OperatorPartner,
    /// The partner's sign-in name.
    pub username: String,
    /// `en`, `sr-Latn` or `sr-Cyrl`: the language WP Play writes to it in.
    pub language: String,
    /// How its credentials were sent: `email` or `sms`.
    pub credential_channel: String,
    pub offers_reseller_services: bool,
    /// Where it stands, its package, invoices and payments, as the partner sees them.
    pub billing: BillingView,
    /// Its newest activity-log entries (at most 50), newest first.
    pub activity: Vec<crate::audit::AuditEntry>,
}

/// `POST /api/v1/operator/payments`: money received another way (cash, a transfer not
/// on any statement), registered by hand and matched by its reference like any payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct RegisterPayment {
    /// The operator's own id for it (1-64 characters): registered once, however often
    /// it is sent.
    pub id: String,
    /// The invoice's payment reference as the payer gave it (1-64 characters).
    pub reference: String,
    /// In the currency's minor unit; more than zero.
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: String,
    /// When it was received: not in the future, not more than a year ago.
    pub received_at: DateTime<Utc>,
}

/// What registering a payment did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, ts_rs::TS)]
#[ts(export)]
pub struct RegisteredPayment {
    pub payment: ReviewPayment,
    /// Registered before under this id: nothing changed.
    pub duplicate: bool,
}
