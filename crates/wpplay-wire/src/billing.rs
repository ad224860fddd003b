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
