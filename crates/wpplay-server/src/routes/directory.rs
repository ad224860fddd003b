//! `GET /api/v1/partners`: the partner directory resellers browse.

use crate::app::AppState;
use crate::auth::Authed;
use crate::db::entity::{partner, partner_contact};
use crate::error::{ApiError, ApiResult};
use crate::mutations::resellers;
use axum::Json;
use axum::extract::State;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_wire::auth::Role;
use wpplay_wire::resellers::{DirectoryEntry, VisibleContacts};

/// Partners that serve resellers, each with only the contact details it made visible. A
/// partner that opted out (or is locked) is not listed, and its details are never sent.
#[utoipa::path(get, path = "/api/v1/partners", security(("bearer" = [])),
    responses((status = 200, body = Vec<DirectoryEntry>), (status = 401, body = wpplay_wire::ErrorBody), (status = 403, body = wpplay_wire::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<Vec<DirectoryEntry>>> {
    if !matches!(auth.role, Role::Reseller | Role::Operator) {
        return Err(ApiError::forbidden(
            "forbidden",
            "Only resellers browse the partner directory.",
        ));
    }
    let now = state.clock.now();
    let partners = partner::Entity::find()
        .filter(partner::Column::OffersResellerServices.eq(true))
        .order_by_asc(partner::Column::Company)
        .all(&state.db)
        .await?;
    let ids: Vec<i64> = partners.iter().map(|p| p.account_id).collect();
    let contacts: HashMap<i64, partner_contact::Model> = partner_contact::Entity::find()
        .filter(partner_contact::Column::AccountId.is_in(ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.account_id, c))
        .collect();
    let entries = partners
        .into_iter()
        .filter(|p| {
            LifecycleFacts {
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            }
            .state_at(now)
                != PartnerState::Locked
        })
        .map(|p| {
            let settings = resellers::wire(true, contacts.get(&p.account_id));
            let v = settings.visible;
            let shown = |on: bool, value: Option<String>| value.filter(|_| on);
            DirectoryEntry {
                partner_id: p.account_id,
                company: p.company,
                country: p.country,
                contacts: VisibleContacts {
                    email: shown(v.email, Some(p.email)),
                    phone: shown(v.phone, Some(p.phone)),
                    website: shown(v.website, settings.website),
                    messenger: shown(v.messenger, settings.messenger),
                    address: shown(v.address, settings.address),
                    note: shown(v.note, settings.note),
                },
            }
        })
        .collect();
    Ok(Json(entries))
}
