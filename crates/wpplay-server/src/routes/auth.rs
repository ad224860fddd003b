//! Sign-in, token refresh, sign-out and password change.

use crate::auth::journal::{self, Event};
use crate::auth::password_change::{self, PasswordChange};
use crate::auth::recovery;
use crate::auth::sign_in::{self, sign_in};
use crate::auth::throttle::TooManyAttempts;
use crate::auth::token::Tokens;
use crate::auth::{SessionAuth, refresh, sessions};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::net::ClientAddr;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_wire::auth::{
    ChangePasswordRequest, LoginRequest, Me, RecoverPasswordRequest, RecoveryRequest,
    RecoveryRequested, RefreshRequest, Role, TokenResponse,
};

/// Signs in with username and password.
#[utoipa::path(post, path = "/api/v1/auth/login", request_body = LoginRequest,
    responses((status = 200, body = TokenResponse)))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let device = req
        .device
        .as_ref()
        .map(sessions::DeviceRow::of)
        .transpose()?;
    let signed_in = sign_in(
        &state.db,
        &state.settings,
        &req.username,
        req.password,
        (client, device),
        state.clock.now(),
    )
    .await?;
    match signed_in {
        Ok(t) => Ok(Json(tokens(t))),
        Err(e) => Err(signed_in_refusal(e)),
    }
}

/// How a sign-in that opened no session answers.
pub(crate) fn signed_in_refusal(e: sign_in::Refused) -> ApiError {
    let message = e.to_string();
    match e {
        sign_in::Refused::TooMany(t) => too_many(t),
        e @ sign_in::Refused::MissingField => {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.code(), e.to_string())
        }
        e @ sign_in::Refused::WrongCredentials => ApiError::unauthorized(e.code(), e.to_string()),
        e @ sign_in::Refused::DealerInactive => ApiError::forbidden(e.code(), e.to_string()),
        sign_in::Refused::SecondFactorRequired { challenge } => ApiError {
            challenge: Some(challenge),
            ..ApiError::unauthorized(Code::SecondFactorRequired, message)
        },
    }
}

/// Asks for a password recovery code, sent by the account's own channel (e-mail or SMS).
/// The answer is the same whether or not the account exists; only a flood from one
/// address is refused.
#[utoipa::path(post, path = "/api/v1/auth/recovery", request_body = RecoveryRequest,
    responses((status = 202, body = RecoveryRequested)))]
pub async fn request_recovery(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<RecoveryRequest>,
) -> ApiResult<(StatusCode, Json<RecoveryRequested>)> {
    let login = wpplay_domain::validate::label("login", &req.login, 254)?;
    match recovery::request(&state.db, &login, client, state.clock.now()).await? {
        Ok(()) => Ok((
            StatusCode::ACCEPTED,
            Json(RecoveryRequested {
                // Never echoes what was asked: the answer is the same for every login.
                message: format!(
                    "If this is an account that can recover its password, a code is on its way to its e-mail or phone. It works for {} minutes.",
                    recovery::CODE_MINUTES
                ),
                code_valid_minutes: recovery::CODE_MINUTES,
            }),
        )),
        Err(t) => Err(too_many(t)),
    }
}

/// Uses a recovery code: sets the new password, ends every session of the account and
/// signs this device in (or asks for the second factor, as a sign-in does).
#[utoipa::path(post, path = "/api/v1/auth/recovery/confirm", request_body = RecoverPasswordRequest,
    responses((status = 200, body = TokenResponse)))]
pub async fn recover_password(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<RecoverPasswordRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let login = wpplay_domain::validate::label("login", &req.login, 254)?;
    let device = req
        .device
        .as_ref()
        .map(sessions::DeviceRow::of)
        .transpose()?;
    let r = recovery::Recovery {
        login,
        code: req.code,
        new_password: req.new_password,
    };
    match recovery::confirm(
        &state.db,
        &state.settings,
        r,
        (client, device),
        state.clock.now(),
    )
    .await?
    {
        Ok(t) => Ok(Json(tokens(t))),
        Err(recovery::Refused::TooMany(t)) => Err(too_many(t)),
        Err(recovery::Refused::Weak(e)) => Err(e.into()),
        Err(e @ recovery::Refused::WrongCode) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            e.to_string(),
        )),
        Err(e @ recovery::Refused::Hashing) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            e.code(),
            e.to_string(),
        )),
        Err(recovery::Refused::SignIn(e)) => Err(signed_in_refusal(e)),
    }
}

/// Trades a refresh token for new tokens; the old refresh token stops working.
#[utoipa::path(post, path = "/api/v1/auth/refresh", request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse)))]
pub async fn refresh(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<RefreshRequest>,
) -> ApiResult<Json<TokenResponse>> {
    match refresh::rotate(
        &state.db,
        &state.settings,
        &req.refresh_token,
        client,
        state.clock.now(),
    )
    .await?
    {
        Ok(t) => Ok(Json(tokens(t))),
        Err(refresh::Ended::Ended) => Err(ApiError::unauthorized(
            Code::InvalidRefreshToken,
            "The session has ended. Sign in again.",
        )),
        Err(refresh::Ended::AccountDeleted) => Err(ApiError::unauthorized(
            Code::AccountDeleted,
            "This account no longer exists: it was deleted 30 days after it stayed unpaid. Its data on this computer is removed too.",
        )),
        Err(refresh::Ended::Reused) => Err(ApiError::unauthorized(
            Code::RefreshTokenReused,
            "This session was ended because one of its old sign-in tokens was used again, possibly by someone who copied it. Sign in again, and change your password if you did not expect this.",
        )),
    }
}

/// Ends the session of the access token: both of its tokens stop working at once.
#[utoipa::path(post, path = "/api/v1/auth/logout", security(("bearer" = [])),
    responses((status = 204, description = "Signed out")))]
pub async fn logout(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    auth: SessionAuth,
) -> ApiResult<StatusCode> {
    let now = state.clock.now();
    refresh::revoke(&state.db, auth.session.id, now).await?;
    let details = journal::details(client, serde_json::json!({}));
    journal::record(&state.db, &auth.account, Event::SignedOut, details, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces the password; required after the first sign-in. Other sessions are ended.
#[utoipa::path(post, path = "/api/v1/auth/password", security(("bearer" = [])), request_body = ChangePasswordRequest,
    responses((status = 200, body = Me)))]
pub async fn change_password(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    auth: SessionAuth,
    ApiJson(req): ApiJson<ChangePasswordRequest>,
) -> ApiResult<Json<Me>> {
    let change = PasswordChange {
        account: &auth.account,
        session_id: auth.session.id,
        current: req.current_password,
        new: req.new_password,
    };
    match password_change::change(&state.db, change, client, state.clock.now()).await? {
        Ok(me) => Ok(Json(me)),
        Err(password_change::Refused::TooMany(t)) => Err(too_many(t)),
        Err(password_change::Refused::Weak(e)) => Err(e.into()),
        Err(e @ password_change::Refused::WrongCurrent) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            e.to_string(),
        )),
        Err(e @ password_change::Refused::Hashing) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            e.code(),
            e.to_string(),
        )),
    }
}

/// The answer carrying a session's new tokens.
pub(crate) fn tokens(t: Tokens) -> TokenResponse {
    TokenResponse {
        access_token: t.access,
        expires_in: t.expires_in,
        refresh_token: t.refresh,
        role: Role::parse(&t.account.role).unwrap_or(Role::Partner),
        must_change_password: t.account.must_change_password,
        second_factor_setup_required: t.setup_second_factor,
        username: t.account.username,
    }
}

pub(crate) fn too_many(t: TooManyAttempts) -> ApiError {
    ApiError {
        retry_after: Some(t.retry_after_secs),
        ..ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            Code::TooManyAttempts,
            t.to_string(),
        )
    }
}
