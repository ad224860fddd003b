//! `GET /api/v1/partners/{partner_id}/content`: a partner's IP streams catalog.

use crate::app::AppState;
use crate::auth::Authed;
use crate::db::entity::{content_stream, partner, reseller_link};
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiPath;
use crate::mutations::content;
use axum::Json;
use axum::extract::State;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_wire::auth::Role;
use wpplay_wire::resellers::Stream;

/// The catalog, for the partner itself and its linked resellers only; nobody else. A
/// locked partner's content is closed to its resellers.
#[utoipa::path(get, path = "/api/v1/partners/{partner_id}/content", params(("partner_id" = i64, Path, description = "The partner's account id")),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<Stream>), (status = 401, body = wpplay_wire::ErrorBody), (status = 402, body = wpplay_wire::ErrorBody), (status = 403, body = wpplay_wire::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(partner_id): ApiPath<i64>,
) -> ApiResult<Json<Vec<Stream>>> {
    let own = auth.role == Role::Partner && auth.account.id == partner_id;
    let linked = auth.role == Role::Reseller
        && reseller_link::Entity::find_by_id((partner_id, auth.account.id))
            .count(&state.db)
            .await?
            > 0;
    if !(own || linked || auth.role == Role::Operator) {
        return Err(ApiError::forbidden(
            "not_linked",
            "Only the partner's linked resellers see its content. Send a Request for Partner first.",
        ));
    }
    if own {
        auth.require_unlocked()?;
    }
    if linked {
        let p = partner::Entity::find_by_id(partner_id)
            .one(&state.db)
            .await?;
        let locked = p.is_some_and(|p| {
            LifecycleFacts {
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            }
            .state_at(state.clock.now())
                == PartnerState::Locked
        });
        if locked {
            return Err(crate::auth::session::partner_locked(Role::Reseller));
        }
    }
    let streams = content_stream::Entity::find()
        .filter(content_stream::Column::PartnerId.eq(partner_id))
        .order_by_asc(content_stream::Column::Category)
        .order_by_asc(content_stream::Column::Name)
        .all(&state.db)
        .await?;
    Ok(Json(streams.iter().map(content::wire).collect()))
}
