//! `POST /api/v1/payments/webhook`: payments reported by the payment provider.

use crate::billing::payments::{Incoming, Source, record};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use wpplay_domain::Code;
use wpplay_wire::billing::{PaymentAck, PaymentNotice};

/// The header carrying `sha256=<hex>`.
pub const SIGNATURE_HEADER: &str = "x-signature";

/// Records a payment the provider reports. The signature is checked over the raw body
/// before anything is read from it; a bad one is refused and logged. The provider's
/// payment id makes a retried notice a no-op.
#[utoipa::path(post, path = "/api/v1/payments/webhook", request_body = PaymentNotice,
    params(("X-Signature" = String, Header, description = "sha256=<hex HMAC-SHA256 of the raw body>")),
    responses((status = 200, body = PaymentAck)))]
pub async fn webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<PaymentAck>> {
    let Some(secret) = state.settings.payment_webhook_secret.as_ref() else {
        tracing::warn!("a payment webhook call was refused: no webhook secret is configured");
        return Err(bad_signature());
    };
    let given = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().strip_prefix("sha256="))
        .and_then(|hex_sig| hex::decode(hex_sig).ok());
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()).map_err(|_| bad_signature())?;
    mac.update(&body);
    // `verify_slice` compares in constant time.
    if given.is_none_or(|sig| mac.verify_slice(&sig).is_err()) {
        tracing::warn!(
            bytes = body.len(),
            "a payment webhook call with a bad signature was refused"
        );
        return Err(bad_signature());
    }
    let notice: PaymentNotice = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(
            Code::InvalidBody,
            format!("The payment notice is not valid: {e}"),
        )
    })?;
    let currency = notice.currency.trim().to_ascii_uppercase();
    if notice.payment_id.trim().is_empty()
        || notice.payment_id.len() > 128
        || !(1..=wpplay_domain::billing::MAX_AMOUNT_MINOR).contains(&notice.amount_minor)
        || currency.len() != 3
        || !currency.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Err(ApiError::bad_request(
            Code::InvalidBody,
            format!(
                "A payment needs an id (up to 128 characters), a positive amount of at most {} minor units and a three-letter currency.",
                wpplay_domain::billing::MAX_AMOUNT_MINOR
            ),
        ));
    }
    let r = record(
        &state.db,
        state.settings.time_zone,
        Incoming {
            source: Source::Webhook,
            external_id: notice.payment_id.trim().to_owned(),
            amount_minor: notice.amount_minor,
            currency,
            reference: notice.reference,
            received_at: notice.paid_at,
            bank: Default::default(),
        },
        state.clock.now(),
    )
    .await?;
    state.outbox_wake.notify_one();
    Ok(Json(PaymentAck {
        status: r.payment.status,
        duplicate: r.duplicate,
    }))
}

fn bad_signature() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        Code::BadSignature,
        "The payment notice's signature does not match.",
    )
}
