//! The bearer-token extractors.
//!
//! [`SessionAuth`] accepts any live session (enough to change the generated password or to
//! sign out, or to set up two-factor sign-in); [`Authed`] also requires that the generated
//! password has been replaced and, where it is required, two-factor sign-in set up.

use crate::auth::token;
use crate::db::entity::{account, dealer, partner, session};
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use wpplay_domain::Code;
use wpplay_domain::actor::Role;
use wpplay_domain::dealer::DealerStatus;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};

/// A live session and its account.
#[derive(Debug, Clone)]
pub struct SessionAuth {
    pub session: session::Model,
    pub account: account::Model,
    pub role: Role,
    /// For a partner or a dealer: its partner's trial or paid period ended unpaid.
    pub partner_locked: bool,
    /// The account must set up two-factor sign-in before anything else: an operator, or
    /// a dealer whose partner requires it, without it.
    pub second_factor_due: bool,
}

impl SessionAuth {
    /// The admin panel of a locked partner is closed to it and its dealers; only what is
    /// needed to see invoices and pay stays open.
    pub fn require_unlocked(&self) -> Result<(), ApiError> {
        if self.partner_locked {
            return Err(partner_locked(self.role));
        }
        Ok(())
    }
}

/// The `402 partner_locked` answer, worded for who asks.
pub fn partner_locked(role: Role) -> ApiError {
    let message = match role {
        Role::Dealer => {
            "Your partner's WP Play account is locked until its next payment; the admin panel is closed meanwhile. Your data is kept."
        }
        Role::Reseller => {
            "This partner's account is locked until its next payment; its content is closed meanwhile."
        }
        _ => {
            "Your trial or paid period ended without a payment, so the admin panel is locked. Pay the pro forma invoice under Billing to get everything back as it was."
        }
    };
    ApiError::new(StatusCode::PAYMENT_REQUIRED, Code::PartnerLocked, message)
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
                Code::Unauthenticated,
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
                    Code::InvalidToken,
                    "The Authorization header must be 'Bearer <access token>'.",
                )
            })?;
        let now = state.clock.now();
        let Some(found) = SignedIn::read(&state.db, &token::hash(token)).await? else {
            return Err(ApiError::unauthorized(
                Code::InvalidToken,
                "The access token is not valid. Sign in again.",
            ));
        };
        let SignedIn {
            session,
            account,
            dealer,
            partner,
        } = found;
        if session.access_expires_at <= now {
            return Err(ApiError::unauthorized(
                Code::TokenExpired,
                "The access token has expired. Refresh it or sign in again.",
            ));
        }
        if !session.pair_used {
            // The answer that carried this pair arrived: the previous refresh token may
            // no longer retry (one write per rotation, on the pair's first use).
            crate::auth::refresh::mark_used(&state.db, session.id).await?;
        }
        let role = Role::parse(&account.role).ok_or_else(|| {
            ApiError::forbidden(
                Code::UnknownRole,
                "This account has no role the server knows.",
            )
        })?;
        if role == Role::Dealer {
            // Switching a dealer off revokes its sessions; this also catches a sign-in that
            // raced with the switch, so an inactive dealer never keeps working.
            let active = dealer.is_some_and(|d| d.status == DealerStatus::Active.as_str());
            if !active {
                return Err(ApiError::forbidden(
                    Code::DealerInactive,
                    "This dealer account is switched off by its partner for now. Ask your partner to reactivate it.",
                ));
            }
        }
        // A partner's own row, or a dealer's partner's; nobody else has one.
        let partner = partner.filter(|_| matches!(role, Role::Partner | Role::Dealer));
        let partner_locked = partner.as_ref().is_some_and(|p| {
            LifecycleFacts {
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            }
            .state_at(now)
                == PartnerState::Locked
        });
        let second_factor_due = account.totp_secret.is_none()
            && match role {
                Role::Operator => true,
                Role::Dealer => partner.is_some_and(|p| p.dealers_need_second_factor),
                Role::Partner | Role::Reseller => false,
            };
        Ok(Self {
            session,
            account,
            role,
            partner_locked,
            second_factor_due,
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
                Code::PasswordChangeRequired,
                "Choose a new password first: the generated one must be replaced at the first sign-in.",
            ));
        }
        if auth.second_factor_due {
            return Err(ApiError::forbidden(
                Code::SecondFactorMandatory,
                "Set up two-factor sign-in first: this account may not be used without it.",
            ));
        }
        Ok(Self(auth))
    }
}

/// A live (not revoked) session with everything deciding what it may do, read in one
/// statement: its account, and for a dealer its dealer row and partner, for a partner its
/// own partner row.
struct SignedIn {
    session: session::Model,
    account: account::Model,
    dealer: Option<dealer::Model>,
    partner: Option<partner::Model>,
}

impl SignedIn {
    async fn read(
        db: &sea_orm::DatabaseConnection,
        access_hash: &str,
    ) -> Result<Option<Self>, sea_orm::DbErr> {
        static SQL: std::sync::OnceLock<[String; 2]> = std::sync::OnceLock::new();
        let [sqlite, postgres] = SQL.get_or_init(|| {
            let columns = [
                crate::db::columns::<session::Entity>("s", "S_"),
                crate::db::columns::<account::Entity>("a", "A_"),
                crate::db::columns::<dealer::Entity>("d", "D_"),
                crate::db::columns::<partner::Entity>("p", "P_"),
            ]
            .join(", ");
            let sql = |param: &str| {
                format!(
                    "SELECT {columns} FROM sessions s \
                     JOIN accounts a ON a.id = s.account_id \
                     LEFT JOIN dealers d ON d.account_id = a.id \
                     LEFT JOIN partners p ON p.account_id = COALESCE(d.partner_id, a.id) \
                     WHERE s.access_hash = {param} AND s.revoked_at IS NULL"
                )
            };
            [sql("?"), sql("$1")]
        });
        let backend = db.get_database_backend();
        let sql = match backend {
            DbBackend::Postgres => postgres,
            _ => sqlite,
        };
        let Some(row) = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                sql.as_str(),
                [access_hash.into()],
            ))
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(Self {
            session: session::Model::from_query_result(&row, "S_")?,
            account: account::Model::from_query_result(&row, "A_")?,
            dealer: dealer::Model::from_query_result_optional(&row, "D_")?,
            partner: partner::Model::from_query_result_optional(&row, "P_")?,
        }))
    }
}
