//! `GET /api/v1/billing` and `POST /api/v1/billing/package`: the partner's billing, open
//! to a locked partner too (it is how it gets back in).

use crate::auth::Authed;
use crate::billing::{self, change_package};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use wpplay_domain::Code;
use wpplay_domain::actor::Role;
use wpplay_wire::billing::{BillingView, ChangePackageRequest, ChangePackageResponse};

fn only_partners(role: Role) -> Result<(), ApiError> {
    if role == Role::Partner {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            Code::Forbidden,
            "Only the partner itself sees and changes its billing.",
        ))
    }
}

/// Where the partner stands, its package and its invoices.
#[utoipa::path(get, path = "/api/v1/billing", security(("bearer" = [])),
    responses((status = 200, body = BillingView)))]
pub async fn view(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<BillingView>> {
    only_partners(auth.role)?;
    let found = billing::view::view(
        &state.db,
        state.settings.time_zone,
        auth.account.id,
        state.clock.now(),
    )
    .await?;
    Ok(Json(found.ok_or_else(ApiError::not_found)?))
}

/// Chooses another package (the rule is in the README and in the answer's message).
#[utoipa::path(post, path = "/api/v1/billing/package", request_body = ChangePackageRequest, security(("bearer" = [])),
    responses((status = 200, body = ChangePackageResponse)))]
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
        Err((code @ Code::SamePackage, message)) => Err(ApiError::conflict(code, message)),
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
    responses((status = 200, content_type = "application/pdf", description = "The pro forma invoice")))]
pub async fn invoice_pdf(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(number): ApiPath<String>,
) -> ApiResult<impl IntoResponse> {
    only_partners(auth.role)?;
    let lang = auth.account.lang();
    let pdf =
        billing::view::invoice_pdf(&state.db, &state.settings, auth.account.id, &number, lang)
            .await?
            .ok_or_else(ApiError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", pdf.file_name),
            ),
        ],
        pdf.bytes,
    ))
}
