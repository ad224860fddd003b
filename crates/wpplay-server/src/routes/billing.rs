//! `GET /api/v1/billing` and `POST /api/v1/billing/package`: the partner's billing, open
//! to a locked partner too (it is how it gets back in).

use crate::app::AppState;
use crate::auth::Authed;
use crate::billing::{change_package, facts, invoice_view};
use crate::catalog;
use crate::db::entity::{invoice, package, partner, payment};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use wpplay_wire::auth::Role;
use wpplay_wire::billing::{BillingView, ChangePackageRequest, ChangePackageResponse, PaymentView};

fn only_partners(role: Role) -> Result<(), ApiError> {
    if role == Role::Partner {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "forbidden",
            "Only the partner itself sees and changes its billing.",
        ))
    }
}

/// Where the partner stands, its package and its invoices.
#[utoipa::path(get, path = "/api/v1/billing", security(("bearer" = [])),
    responses((status = 200, body = BillingView), (status = 401, body = wpplay_wire::ErrorBody), (status = 403, body = wpplay_wire::ErrorBody)))]
pub async fn view(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<BillingView>> {
    only_partners(auth.role)?;
    let tz = state.settings.time_zone;
    let p = partner::Entity::find_by_id(auth.account.id)
        .one(&state.db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let f = facts(&p, tz);
    let current = package::Entity::find_by_id(p.package_id)
        .one(&state.db)
        .await?
        .map(|p| catalog::to_wire(&p))
        .ok_or_else(ApiError::not_found)?;
    let next = match p.pending_package_id {
        Some(id) => package::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .map(|p| catalog::to_wire(&p)),
        None => None,
    };
    let invoices = invoice::Entity::find()
        .filter(invoice::Column::PartnerId.eq(p.account_id))
        .order_by_desc(invoice::Column::Id)
        .all(&state.db)
        .await?;
    let numbers: std::collections::HashMap<i64, String> =
        invoices.iter().map(|i| (i.id, i.number.clone())).collect();
    let payments = payment::Entity::find()
        .filter(payment::Column::PartnerId.eq(p.account_id))
        .order_by_desc(payment::Column::Id)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|x| PaymentView {
            invoice_number: x.invoice_id.and_then(|id| numbers.get(&id).cloned()),
            received_at: x.received_at,
            amount_minor: x.amount_minor,
            currency: x.currency,
            reference: x.reference,
            source: x.source,
            status: x.status,
        })
        .collect();
    Ok(Json(BillingView {
        state: f.lifecycle.state_at(state.clock.now()).as_str().to_owned(),
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
        access_ends_at: f.lifecycle.access_ends_at(),
        purge_at: f.lifecycle.purge_at(),
        package: current,
        next_package: next,
        invoices: invoices.iter().map(invoice_view).collect(),
        payments,
    }))
}

/// Chooses another package (the rule is in the README and in the answer's message).
#[utoipa::path(post, path = "/api/v1/billing/package", request_body = ChangePackageRequest, security(("bearer" = [])),
    responses((status = 200, body = ChangePackageResponse), (status = 401, body = wpplay_wire::ErrorBody), (status = 403, body = wpplay_wire::ErrorBody), (status = 409, body = wpplay_wire::ErrorBody), (status = 422, body = wpplay_wire::ErrorBody)))]
pub async fn choose_package(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiJson(req): ApiJson<ChangePackageRequest>,
) -> ApiResult<Json<ChangePackageResponse>> {
    only_partners(auth.role)?;
    match change_package(
        &state.db,
        state.settings.time_zone,
        auth.account.id,
        req.package_id,
        state.clock.now(),
    )
    .await?
    {
        Ok(r) => {
            state.outbox_wake.notify_one();
            Ok(Json(r))
        }
        Err((code @ "same_package", message)) => Err(ApiError::conflict(code, message)),
        Err((code, message)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code,
            message,
        )),
    }
}

/// One of the partner's invoices as a PDF (another account's number is simply not found).
#[utoipa::path(get, path = "/api/v1/billing/invoices/{number}/pdf", params(("number" = String, Path, description = "The invoice number, e.g. 2026-000042")),
    security(("bearer" = [])),
    responses((status = 200, content_type = "application/pdf", description = "The pro forma invoice"), (status = 401, body = wpplay_wire::ErrorBody), (status = 403, body = wpplay_wire::ErrorBody), (status = 404, body = wpplay_wire::ErrorBody)))]
pub async fn invoice_pdf(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(number): ApiPath<String>,
) -> ApiResult<impl IntoResponse> {
    only_partners(auth.role)?;
    let inv = invoice::Entity::find()
        .filter(invoice::Column::Number.eq(number))
        .filter(invoice::Column::PartnerId.eq(auth.account.id))
        .one(&state.db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let s = &state.settings;
    let pdf = crate::billing::pdf::render(
        &inv,
        &crate::billing::pdf::Issuer::from_settings(s),
        s.time_zone,
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"WP-Play-pro-forma-{}.pdf\"",
                    inv.number
                ),
            ),
        ],
        pdf,
    ))
}
