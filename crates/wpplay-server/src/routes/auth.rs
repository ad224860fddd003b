//! Sign-in, token refresh, sign-out and password change.

use crate::app::AppState;
use crate::auth::throttle::{self, Key};
use crate::auth::{SessionAuth, password, token};
use crate::db;
use crate::db::entity::{account, dealer, session};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::net::ClientAddr;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
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

/// How long after a rotation the previous refresh token still rotates the session
/// (once the answer to a refresh was lost on the way).
pub const REFRESH_GRACE_SECS: i64 = 120;

/// Trades a refresh token for new tokens; the old refresh token stops working.
#[utoipa::path(post, path = "/api/v1/auth/refresh", request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = wpplay_wire::ErrorBody)))]
pub async fn refresh(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<RefreshRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let now = state.clock.now();
    let ended = || {
        ApiError::unauthorized(
            "invalid_refresh_token",
            "The session has ended. Sign in again.",
        )
    };
    let old_hash = token::hash(req.refresh_token.trim());
    let current = session::Entity::find()
        .filter(session::Column::RefreshHash.eq(old_hash.clone()))
        .filter(session::Column::RevokedAt.is_null())
        .one(&state.db)
        .await?;
    // The token before the last rotation, shortly after it: the client never got the
    // answer to its refresh (a dropped connection) and tries again with what it has.
    let retried = match current {
        Some(_) => None,
        None => {
            session::Entity::find()
                .filter(session::Column::PreviousRefreshHash.eq(old_hash.clone()))
                .filter(session::Column::RevokedAt.is_null())
                .filter(session::Column::RotatedAt.gt(now - Duration::seconds(REFRESH_GRACE_SECS)))
                .one(&state.db)
                .await?
        }
    };
    let is_retry = retried.is_some();
    let Some(s) = current.or(retried).filter(|s| s.refresh_expires_at > now) else {
        return Err(ended());
    };
    let account = account::Entity::find_by_id(s.account_id)
        .one(&state.db)
        .await?
        .ok_or_else(ended)?;
    let (access, refresh) = (token::generate(), token::generate());
    let ttl = state.settings.access_token_ttl_secs;
    // Compare-and-swap on the refresh hash the session has now: of two refreshes with the
    // same token, exactly one wins; the other is told the session ended instead of
    // getting dead tokens. A normal rotation remembers the old token and when; a retry
    // keeps both, so the grace period never stretches.
    let mut update = session::Entity::update_many()
        .col_expr(
            session::Column::AccessHash,
            Expr::value(token::hash(&access)),
        )
        .col_expr(
            session::Column::AccessExpiresAt,
            Expr::value(now + Duration::seconds(ttl)),
        )
        .col_expr(
            session::Column::RefreshHash,
            Expr::value(token::hash(&refresh)),
        )
        .col_expr(
            session::Column::RefreshExpiresAt,
            Expr::value(now + Duration::days(state.settings.refresh_token_ttl_days)),
        );
    if !is_retry {
        update = update
            .col_expr(
                session::Column::PreviousRefreshHash,
                Expr::value(Some(old_hash)),
            )
            .col_expr(session::Column::RotatedAt, Expr::value(Some(now)));
    }
    let swapped = update
        .filter(session::Column::Id.eq(s.id))
        .filter(session::Column::RefreshHash.eq(s.refresh_hash.clone()))
        .filter(session::Column::RevokedAt.is_null())
        .exec(&state.db)
        .await?;
    if swapped.rows_affected != 1 {
        return Err(ended());
    }
    if is_retry {
        tracing::info!(
            session = s.id,
            "a refresh retried with the previous token (its answer was lost): rotated again"
        );
    }
    Ok(Json(tokens(&account, access, refresh, ttl)))
}

/// Ends the session of the access token: both of its tokens stop working at once.
#[utoipa::path(post, path = "/api/v1/auth/logout", security(("bearer" = [])),
    responses((status = 204, description = "Signed out"), (status = 401, body = wpplay_wire::ErrorBody)))]
pub async fn logout(State(state): State<AppState>, auth: SessionAuth) -> ApiResult<StatusCode> {
    revoke(&state.db, auth.session.id, state.clock.now()).await?;
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
    let ttl = state.settings.access_token_ttl_secs;
    session::ActiveModel {
        account_id: Set(account.id),
        access_hash: Set(token::hash(&access)),
        access_expires_at: Set(now + Duration::seconds(ttl)),
        refresh_hash: Set(token::hash(&refresh)),
        refresh_expires_at: Set(now + Duration::days(state.settings.refresh_token_ttl_days)),
        created_at: Set(now),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
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

async fn revoke(db: &impl ConnectionTrait, session_id: i64, now: DateTime<Utc>) -> ApiResult<()> {
    session::Entity::update_many()
        .col_expr(
            session::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(session::Column::Id.eq(session_id))
        .exec(db)
        .await?;
    Ok(())
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
