//! The bearer-token extractors.
//!
//! [`SessionAuth`] accepts any live session (enough to change the generated password or to
//! sign out); [`Authed`] also requires that the generated password has been replaced.

use crate::app::AppState;
use crate::auth::token;
use crate::db::entity::{account, dealer, session};
use crate::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use wpplay_domain::dealer::DealerStatus;
use wpplay_wire::auth::Role;

/// A live session and its account.
#[derive(Debug, Clone)]
pub struct SessionAuth {
    pub session: session::Model,
    pub account: account::Model,
    pub role: Role,
}

/// A live session whose account may use the API.
#[derive(Debug, Clone)]
pub struct Authed(pub SessionAuth);

impl FromRequestParts<AppState> for SessionAuth {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(AUTHORIZATION).ok_or_else(|| {
            ApiError::unauthorized(
                "unauthenticated",
                "Sign in first: this request needs an access token.",
            )
        })?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "invalid_token",
                    "The Authorization header must be 'Bearer <access token>'.",
                )
            })?;
        let now = state.clock.now();
        let found = session::Entity::find()
            .filter(session::Column::AccessHash.eq(token::hash(token)))
            .filter(session::Column::RevokedAt.is_null())
            .find_also_related_account(&state.db)
            .await?;
        let Some((session, account)) = found else {
            return Err(ApiError::unauthorized(
                "invalid_token",
                "The access token is not valid. Sign in again.",
            ));
        };
        if session.access_expires_at <= now {
            return Err(ApiError::unauthorized(
                "token_expired",
                "The access token has expired. Refresh it or sign in again.",
            ));
        }
        let role = Role::parse(&account.role).ok_or_else(|| {
            ApiError::forbidden("unknown_role", "This account has no role the server knows.")
        })?;
        if role == Role::Dealer {
            // Switching a dealer off revokes its sessions; this also catches a sign-in that
            // raced with the switch, so an inactive dealer never keeps working.
            use sea_orm::ColumnTrait;
            let active = dealer::Entity::find()
                .filter(dealer::Column::AccountId.eq(account.id))
                .one(&state.db)
                .await?
                .is_some_and(|d| d.status == DealerStatus::Active.as_str());
            if !active {
                return Err(ApiError::forbidden(
                    "dealer_inactive",
                    "This dealer account is switched off by its partner for now. Ask your partner to reactivate it.",
                ));
            }
        }
        Ok(Self {
            session,
            account,
            role,
        })
    }
}

impl FromRequestParts<AppState> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let auth = SessionAuth::from_request_parts(parts, state).await?;
        if auth.account.must_change_password {
            return Err(ApiError::forbidden(
                "password_change_required",
                "Choose a new password first: the generated one must be replaced at the first sign-in.",
            ));
        }
        Ok(Self(auth))
    }
}

/// Loads a session together with its account.
trait FindWithAccount {
    async fn find_also_related_account(
        self,
        db: &sea_orm::DatabaseConnection,
    ) -> Result<Option<(session::Model, account::Model)>, sea_orm::DbErr>;
}

impl FindWithAccount for sea_orm::Select<session::Entity> {
    async fn find_also_related_account(
        self,
        db: &sea_orm::DatabaseConnection,
    ) -> Result<Option<(session::Model, account::Model)>, sea_orm::DbErr> {
        let Some(s) = self.one(db).await? else {
            return Ok(None);
        };
        Ok(account::Entity::find_by_id(s.account_id)
            .one(db)
            .await?
            .map(|a| (s, a)))
    }
}
