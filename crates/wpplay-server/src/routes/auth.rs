//! Sign-in, token refresh, sign-out and password change.

use crate::auth::journal::{self, Event};
use crate::auth::password_change::{self, PasswordChange};
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
    ChangePasswordRequest, LoginRequest, Me, RefreshRequest, Role, TokenResponse,
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
        Err(sign_in::Refused::TooMany(t)) => Err(too_many(t)),
        Err(e @ sign_in::Refused::MissingField) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            e.to_string(),
        )),
        Err(e @ sign_in::Refused::WrongCredentials) => {
            Err(ApiError::unauthorized(e.code(), e.to_string()))
        }
        Err(e @ sign_in::Refused::DealerInactive) => {
            Err(ApiError::forbidden(e.code(), e.to_string()))
        }
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
fn tokens(t: Tokens) -> TokenResponse {
    TokenResponse {
        access_token: t.access,
        expires_in: t.expires_in,
        refresh_token: t.refresh,
        role: Role::parse(&t.account.role).unwrap_or(Role::Partner),
        must_change_password: t.account.must_change_password,
        username: t.account.username,
    }
}

fn too_many(t: TooManyAttempts) -> ApiError {
    ApiError {
        retry_after: Some(t.retry_after_secs),
        ..ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            Code::TooManyAttempts,
            t.to_string(),
        )
    }
}
