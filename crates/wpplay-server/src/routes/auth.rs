//! Sign-in, token refresh, sign-out and password change.

use crate::app::AppState;
use crate::auth::throttle::{self, Key};
use crate::auth::{SessionAuth, password, refresh, token};
use crate::db;
use crate::db::entity::{account, dealer, session};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::net::ClientAddr;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use wpplay_domain::credentials::{MAX_PASSWORD_LEN, check_new_password};
use wpplay_domain::dealer::DealerStatus;
use wpplay_wire::auth::{
    ChangePasswordRequest, LoginRequest, Me, RefreshRequest, Role, TokenResponse,
};

/// Signs in with username and password.
#[utoipa::path(post, path = "/api/v1/auth/login", request_body = LoginRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = wpplay_wire::ErrorBody), (status = 429, body = wpplay_wire::ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let username = req.username.trim().to_lowercase();
    if username.is_empty() || req.password.is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
            "Enter both the username and the password.",
        ));
    }
    if username.len() > 100 || req.password.chars().count() > MAX_PASSWORD_LEN {
        return Err(wrong_credentials());
    }
    let keys = [Key::account(&username), Key::address(client)];
    let now = state.clock.now();
    if let Some(secs) = throttle::reserve(&state.db, &keys, now).await? {
        return Err(too_many(secs));
    }
    let account = account::Entity::find()
        .filter(account::Column::Username.eq(username.clone()))
        .one(&state.db)
        .await?;
    let stored = account.as_ref().map_or_else(
        || password::DECOY_HASH.to_owned(),
        |a| a.password_hash.clone(),
    );
    let ok = password::verify(req.password, stored).await;
    let Some(account) = account.filter(|_| ok) else {
        if let Some(secs) = throttle::failed(&state.db, &keys, now).await? {
            return Err(too_many(secs));
        }
        return Err(wrong_credentials());
    };
    throttle::succeeded(&state.db, &keys[0], &keys[1..], now).await?;
    if account.role == Role::Dealer.as_str() {
        let d = dealer::Entity::find()
            .filter(dealer::Column::AccountId.eq(account.id))
            .one(&state.db)
            .await?;
        if d.is_none_or(|d| d.status == DealerStatus::Inactive.as_str()) {
            // Said only after the password matched, so it reveals nothing to a stranger.
            return Err(ApiError::forbidden(
                "dealer_inactive",
                "This dealer account is switched off by its partner for now. Ask your partner to reactivate it.",
            ));
        }
    }
    Ok(Json(open_session(&state.db, &state, &account, now).await?))
}

/// Trades a refresh token for new tokens; the old refresh token stops working.
#[utoipa::path(post, path = "/api/v1/auth/refresh", request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = wpplay_wire::ErrorBody)))]
pub async fn refresh(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<RefreshRequest>,
) -> ApiResult<Json<TokenResponse>> {
    match refresh::rotate(
        &state.db,
        &state.settings,
        &req.refresh_token,
        state.clock.now(),
    )
    .await?
    {
        Ok(r) => Ok(Json(tokens(&r.account, r.access, r.refresh, r.expires_in))),
        Err(refresh::Ended::Ended) => Err(ApiError::unauthorized(
            "invalid_refresh_token",
            "The session has ended. Sign in again.",
        )),
        Err(refresh::Ended::AccountDeleted) => Err(ApiError::unauthorized(
            "account_deleted",
            "This account no longer exists: it was deleted 30 days after it stayed unpaid. Its data on this computer is removed too.",
        )),
        Err(refresh::Ended::Reused) => Err(ApiError::unauthorized(
            "refresh_token_reused",
            "This session was ended because one of its old sign-in tokens was used again, possibly by someone who copied it. Sign in again, and change your password if you did not expect this.",
        )),
    }
}

/// Ends the session of the access token: both of its tokens stop working at once.
#[utoipa::path(post, path = "/api/v1/auth/logout", security(("bearer" = [])),
    responses((status = 204, description = "Signed out"), (status = 401, body = wpplay_wire::ErrorBody)))]
pub async fn logout(State(state): State<AppState>, auth: SessionAuth) -> ApiResult<StatusCode> {
    refresh::revoke(&state.db, auth.session.id, state.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces the password; required after the first sign-in. Other sessions are ended.
#[utoipa::path(post, path = "/api/v1/auth/password", security(("bearer" = [])), request_body = ChangePasswordRequest,
    responses((status = 200, body = Me), (status = 401, body = wpplay_wire::ErrorBody), (status = 422, body = wpplay_wire::ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    auth: SessionAuth,
    ApiJson(req): ApiJson<ChangePasswordRequest>,
) -> ApiResult<Json<Me>> {
    let now = state.clock.now();
    let keys = [Key::account(&auth.account.username), Key::address(client)];
    if let Some(secs) = throttle::reserve(&state.db, &keys, now).await? {
        return Err(too_many(secs));
    }
    if req.current_password.chars().count() > MAX_PASSWORD_LEN
        || !password::verify(
            req.current_password.clone(),
            auth.account.password_hash.clone(),
        )
        .await
    {
        throttle::failed(&state.db, &keys, now).await?;
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_current_password",
            "The current password is not right.",
        ));
    }
    throttle::succeeded(&state.db, &keys[0], &keys[1..], now).await?;
    check_new_password(
        &auth.account.username,
        &req.current_password,
        &req.new_password,
    )?;
    let hash = password::hash(req.new_password).await.map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "hashing_unavailable",
            "The server could not secure the password. Try again.",
        )
    })?;
    let txn = db::write_txn(&state.db).await?;
    let mut acct: account::ActiveModel = auth.account.clone().into();
    acct.password_hash = Set(hash);
    acct.must_change_password = Set(false);
    acct.updated_at = Set(now);
    let acct = acct.update(&txn).await?;
    session::Entity::update_many()
        .col_expr(
            session::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(session::Column::AccountId.eq(acct.id))
        .filter(session::Column::Id.ne(auth.session.id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let me = crate::routes::me::load(&txn, &acct, now).await?;
    txn.commit().await?;
    Ok(Json(me))
}

async fn open_session(
    db: &impl ConnectionTrait,
    state: &AppState,
    account: &account::Model,
    now: DateTime<Utc>,
) -> ApiResult<TokenResponse> {
    let (access, refresh) = (token::generate(), token::generate());
    let (access_expires_at, refresh_expires_at) = refresh::expiries(now, &state.settings, now);
    session::ActiveModel {
        account_id: Set(account.id),
        access_hash: Set(token::hash(&access)),
        access_expires_at: Set(access_expires_at),
        refresh_hash: Set(token::hash(&refresh)),
        refresh_expires_at: Set(refresh_expires_at),
        created_at: Set(now),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let ttl = (access_expires_at - now).num_seconds();
    Ok(tokens(account, access, refresh, ttl))
}

fn tokens(account: &account::Model, access: String, refresh: String, ttl: i64) -> TokenResponse {
    TokenResponse {
        access_token: access,
        expires_in: ttl,
        refresh_token: refresh,
        username: account.username.clone(),
        role: Role::parse(&account.role).unwrap_or(Role::Partner),
        must_change_password: account.must_change_password,
    }
}

fn wrong_credentials() -> ApiError {
    ApiError::unauthorized(
        "wrong_credentials",
        "The username or password is not right.",
    )
}

fn too_many(secs: i64) -> ApiError {
    let minutes = (secs + 59) / 60;
    ApiError {
        retry_after: Some(secs),
        ..ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!(
                "Too many failed sign-ins. Try again in {minutes} minute{}.",
                if minutes == 1 { "" } else { "s" }
            ),
        )
    }
}
