//! The operator's desk over HTTP: payments waiting for a person, and their resolution.
//! Only the operator role (which signs in with two factors) reaches these routes.

use crate::auth::{Authed, SessionAuth};
use crate::billing::review::{self, Resolution};
use crate::db::entity::{invoice, payment};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use wpplay_domain::Code;
use wpplay_domain::actor::Role;
use wpplay_domain::ids::AccountId;
use wpplay_wire::billing::{ResolveAction, ResolvePayment, ReviewPayment};

fn operator_only(auth: &SessionAuth) -> ApiResult<()> {
    if auth.role == Role::Operator {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            Code::Forbidden,
            "Only WP Play's operators review payments.",
        ))
    }
}

/// Which payments, newest first.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaymentParams {
    /// `review` (those waiting for a person; the default) or `all`.
    #[param(max_length = 10)]
    pub status: Option<String>,
    /// Payments with a smaller id than this (the next page).
    pub before: Option<i64>,
    /// At most this many (1-500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
}

async fn views(state: &AppState, rows: Vec<payment::Model>) -> ApiResult<Vec<ReviewPayment>> {
    let ids: Vec<i64> = rows.iter().filter_map(|p| p.invoice_id).collect();
    let numbers: std::collections::HashMap<i64, String> = if ids.is_empty() {
        Default::default()
    } else {
        invoice::Entity::find()
            .filter(invoice::Column::Id.is_in(ids))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.number))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|p| ReviewPayment {
            id: p.id,
            invoice_number: p.invoice_id.and_then(|i| numbers.get(&i).cloned()),
            source: p.source,
            external_id: p.external_id,
            partner_id: p.partner_id,
            amount_minor: p.amount_minor,
            currency: p.currency,
            reference: p.reference,
            received_at: p.received_at,
            status: p.status,
            note: p.note,
            payer_name: p.payer_name,
            payer_account: p.payer_account,
            remittance: p.remittance,
        })
        .collect())
}

/// Payments for the operator: those waiting for a person (unmatched, partial, overpaid,
/// a reversal of nothing here) by default, or all; newest first, paged by id.
#[utoipa::path(get, path = "/api/v1/operator/payments", params(PaymentParams),
    security(("bearer" = [])), responses((status = 200, body = Vec<ReviewPayment>)))]
pub async fn payments(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<PaymentParams>,
) -> ApiResult<Json<Vec<ReviewPayment>>> {
    operator_only(&auth)?;
    let limit = p.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::bad_request(
            Code::InvalidQuery,
            "'limit' must be between 1 and 500.",
        ));
    }
    let waiting_only = match p.status.as_deref() {
        None | Some("review") => true,
        Some("all") => false,
        Some(_) => {
            return Err(ApiError::bad_request(
                Code::InvalidQuery,
                "'status' is 'review' or 'all'.",
            ));
        }
    };
    let rows = review::list(&state.db, waiting_only, limit, p.before).await?;
    Ok(Json(views(&state, rows).await?))
}

/// Resolves a payment waiting for review: assign it to an invoice (an unmatched one),
/// mark it refunded, or mark it as not WP Play's; with a note, in the audit log.
#[utoipa::path(post, path = "/api/v1/operator/payments/{id}/resolve",
    params(("id" = i64, Path, description = "The payment's id")), request_body = ResolvePayment,
    security(("bearer" = [])), responses((status = 200, body = ReviewPayment)))]
pub async fn resolve(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<ResolvePayment>,
) -> ApiResult<Json<ReviewPayment>> {
    operator_only(&auth)?;
    let resolution = match (req.action, req.invoice) {
        (ResolveAction::Assign, Some(invoice))
            if !invoice.trim().is_empty() && invoice.len() <= 32 =>
        {
            Resolution::Assign { invoice }
        }
        (ResolveAction::Assign, _) => {
            let mut e = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Code::InvalidField,
                "'assign' needs the invoice's number (up to 32 characters).",
            );
            e.field = Some("invoice");
            return Err(e);
        }
        (ResolveAction::Refunded, _) => Resolution::Refunded,
        (ResolveAction::NotOurs, _) => Resolution::NotOurs,
    };
    let now = state.clock.now();
    let done = review::resolve(
        &state.db,
        state.settings.time_zone,
        id,
        resolution,
        &req.note,
        AccountId(auth.account.id),
        now,
    )
    .await?;
    match done {
        Ok(p) => {
            state.outbox_wake.notify_one();
            Ok(Json(views(&state, vec![p]).await?.remove(0)))
        }
        Err((code, message)) => {
            let status = match code {
                Code::NotFound => StatusCode::NOT_FOUND,
                Code::PaymentNotForReview => StatusCode::CONFLICT,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let mut e = ApiError::new(status, code, message);
            if code == Code::InvalidText {
                e.field = Some("note");
            }
            Err(e)
        }
    }
}
