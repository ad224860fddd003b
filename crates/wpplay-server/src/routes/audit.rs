//! `GET /api/v1/audit`: the audit log — a partner's own, or everything for the operator.

use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use wpplay_domain::Code;
use wpplay_domain::actor::Role;
use wpplay_wire::audit::AuditEntry;

/// Paging of the log, newest first.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Entries older than this id (for the next page).
    pub before: Option<i64>,
    /// At most this many entries (1-500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
    /// Only this action, e.g. `sign_in_failed` or `payment_recorded`.
    #[param(max_length = 40)]
    pub action: Option<String>,
    /// Only what this actor did (its name as the log shows it).
    #[param(max_length = 100)]
    pub actor: Option<String>,
    /// Only entries at or after this instant (RFC 3339).
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    /// Only entries before this instant (RFC 3339).
    pub until: Option<chrono::DateTime<chrono::Utc>>,
}

/// The newest entries first: the partner sees what happened to its own data and access
/// (by itself, its dealers or resellers, and the server: invoices, payments, reminders,
/// the lock); the operator sees all. Narrowed by action, actor and time.
#[utoipa::path(get, path = "/api/v1/audit", params(AuditParams), security(("bearer" = [])),
    responses((status = 200, body = Vec<AuditEntry>)))]
pub async fn list(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<AuditParams>,
) -> ApiResult<Json<Vec<AuditEntry>>> {
    auth.require_unlocked()?;
    let scope = match auth.role {
        Role::Partner => Some(auth.account.id),
        Role::Operator => None,
        _ => {
            return Err(ApiError::forbidden(
                Code::Forbidden,
                "Only partners read their audit log.",
            ));
        }
    };
    let limit = super::page_size(p.limit, 100, 500)?;
    let text = |name: &str, value: Option<String>, max: usize| match value {
        Some(v) if v.chars().count() > max => Err(ApiError::bad_request(
            Code::InvalidQuery,
            format!("'{name}' is at most {max} characters."),
        )),
        v => Ok(v.filter(|v| !v.is_empty())),
    };
    let filter = crate::audit_log::Filter {
        scope,
        before: p.before,
        action: text("action", p.action, 40)?,
        actor: text("actor", p.actor, 100)?,
        since: p.since,
        until: p.until,
    };
    Ok(Json(
        crate::audit_log::entries(&state.db, filter, limit).await?,
    ))
}
