//! Two-factor sign-in: the second step of a sign-in, and setting it up or switching it
//! off in the account's settings (open before the generated password is replaced, and to
//! an account that must set it up first).

use crate::auth::second_factor::{self, Refused};
use crate::auth::{Authed, SessionAuth};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::net::ClientAddr;
use crate::routes::auth::{signed_in_refusal, tokens, too_many};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::actor::Role;
use wpplay_wire::auth::{
    DealerSecondFactorRule, SecondFactorCode, SecondFactorEnabled, SecondFactorEnrolment,
    SecondFactorRequest, SecondFactorStatus, TokenResponse,
};

/// How a refused second-factor step answers.
fn refusal(e: Refused) -> ApiError {
    match e {
        Refused::TooMany(t) => too_many(t),
        Refused::SignIn(e) => signed_in_refusal(e),
        e @ Refused::ChallengeExpired => ApiError::unauthorized(e.code(), e.to_string()),
        e @ (Refused::AlreadyOn | Refused::Off) => {
            ApiError::new(StatusCode::CONFLICT, e.code(), e.to_string())
        }
        e @ Refused::Mandatory => ApiError::forbidden(e.code(), e.to_string()),
        e @ Refused::WrongCode => ApiError {
            field: Some("code"),
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.code(), e.to_string())
        },
    }
}

/// Finishes a sign-in that answered `second_factor_required`: its challenge and a code
/// from the authenticator app, or one of the recovery codes (each works once).
#[utoipa::path(post, path = "/api/v1/auth/second-factor", request_body = SecondFactorRequest,
    responses((status = 200, body = TokenResponse)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<SecondFactorRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let code = wpplay_domain::validate::label("code", &req.code, 32)?;
    let passed = second_factor::pass(
        &state.db,
        &state.settings,
        &req.challenge,
        &code,
        client,
        state.clock.now(),
    )
    .await?;
    passed.map(|t| Json(tokens(t))).map_err(refusal)
}

/// The account's two-factor sign-in: on or off, recovery codes left, whether it is
/// required (and, for a partner, whether its dealers must use it).
#[utoipa::path(get, path = "/api/v1/auth/second-factor", security(("bearer" = [])),
    responses((status = 200, body = SecondFactorStatus)))]
pub async fn status(
    State(state): State<AppState>,
    auth: SessionAuth,
) -> ApiResult<Json<SecondFactorStatus>> {
    Ok(Json(second_factor::status(&state.db, &auth.account).await?))
}

/// Starts setting up: a new secret, for the authenticator app (as text and as the
/// `otpauth://` address of a QR code). Nothing changes until its first code confirms it.
#[utoipa::path(post, path = "/api/v1/auth/second-factor/enrol", security(("bearer" = [])),
    responses((status = 200, body = SecondFactorEnrolment)))]
pub async fn enrol(
    State(state): State<AppState>,
    auth: SessionAuth,
) -> ApiResult<Json<SecondFactorEnrolment>> {
    second_factor::enrol(&state.db, &auth.account, state.clock.now())
        .await?
        .map(Json)
        .map_err(refusal)
}

/// Confirms the new secret with its first code: two-factor sign-in is on. The answer
/// carries the ten recovery codes, shown this once.
#[utoipa::path(post, path = "/api/v1/auth/second-factor/confirm", security(("bearer" = [])),
    request_body = SecondFactorCode, responses((status = 200, body = SecondFactorEnabled)))]
pub async fn confirm(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    auth: SessionAuth,
    ApiJson(req): ApiJson<SecondFactorCode>,
) -> ApiResult<Json<SecondFactorEnabled>> {
    let code = wpplay_domain::validate::label("code", &req.code, 32)?;
    second_factor::confirm(&state.db, &auth.account, &code, client, state.clock.now())
        .await?
        .map(|recovery_codes| Json(SecondFactorEnabled { recovery_codes }))
        .map_err(refusal)
}

/// Switches two-factor sign-in off, given a current code (or a recovery code); refused
/// to an account that must use it.
#[utoipa::path(post, path = "/api/v1/auth/second-factor/disable", security(("bearer" = [])),
    request_body = SecondFactorCode, responses((status = 204, description = "Switched off")))]
pub async fn disable(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Authed(auth): Authed,
    ApiJson(req): ApiJson<SecondFactorCode>,
) -> ApiResult<StatusCode> {
    let code = wpplay_domain::validate::label("code", &req.code, 32)?;
    second_factor::disable(&state.db, &auth.account, &code, client, state.clock.now())
        .await?
        .map(|()| StatusCode::NO_CONTENT)
        .map_err(refusal)
}

/// A partner requires (or stops requiring) two-factor sign-in of all its dealers: one
/// without it may only set it up until it has.
#[utoipa::path(put, path = "/api/v1/partner/dealer-second-factor", security(("bearer" = [])),
    request_body = DealerSecondFactorRule, responses((status = 200, body = SecondFactorStatus)))]
pub async fn dealer_rule(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Authed(auth): Authed,
    ApiJson(req): ApiJson<DealerSecondFactorRule>,
) -> ApiResult<Json<SecondFactorStatus>> {
    if auth.role != Role::Partner {
        return Err(ApiError::forbidden(
            Code::Forbidden,
            "Only a partner decides how its dealers sign in.",
        ));
    }
    auth.require_unlocked()?;
    let now = state.clock.now();
    let partner = crate::db::entity::partner::Entity::find_by_id(auth.account.id)
        .one(&state.db)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if partner.dealers_need_second_factor != req.required {
        let mut p: crate::db::entity::partner::ActiveModel = partner.into();
        p.dealers_need_second_factor = Set(req.required);
        p.update(&state.db).await?;
        let details =
            crate::auth::journal::details(client, serde_json::json!({ "required": req.required }));
        crate::auth::journal::record(
            &state.db,
            &auth.account,
            crate::auth::journal::Event::DealerSecondFactorRule,
            details,
            now,
        )
        .await?;
    }
    Ok(Json(second_factor::status(&state.db, &auth.account).await?))
}
