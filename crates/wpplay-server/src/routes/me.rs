//! `GET /api/v1/me`: the signed-in account.

use crate::app::AppState;
use crate::auth::Authed;
use crate::catalog;
use crate::db::entity::{package, partner, reseller};
use crate::error::ApiResult;
use crate::feed;
use axum::Json;
use axum::extract::State;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use wpplay_wire::auth::Me;

/// The account, its profile, package and subscription.
#[utoipa::path(get, path = "/api/v1/me", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = wpplay_wire::ErrorBody), (status = 403, body = wpplay_wire::ErrorBody)))]
pub async fn me(State(state): State<AppState>, Authed(auth): Authed) -> ApiResult<Json<Me>> {
    Ok(Json(
        load(&state.db, &auth.account, state.clock.now()).await?,
    ))
}

/// Builds [`Me`] for an account.
pub async fn load(
    db: &impl ConnectionTrait,
    account: &crate::db::entity::account::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Me, DbErr> {
    let partner = partner::Entity::find_by_id(account.id).one(db).await?;
    let package = match &partner {
        Some(p) => package::Entity::find_by_id(p.package_id).one(db).await?,
        None => None,
    };
    let profile = match &partner {
        Some(p) => Some(feed::profile(p)),
        None => reseller::Entity::find_by_id(account.id)
            .one(db)
            .await?
            .as_ref()
            .map(feed::reseller_profile),
    };
    Ok(Me {
        account_id: account.id,
        username: account.username.clone(),
        role: wpplay_wire::auth::Role::parse(&account.role)
            .unwrap_or(wpplay_wire::auth::Role::Partner),
        must_change_password: account.must_change_password,
        profile,
        package: package.as_ref().map(catalog::to_wire),
        subscription: partner.as_ref().map(|p| feed::subscription(p, now)),
    })
}
