//! The package catalog: seeding, listing and the operator's changes.

use crate::db::entity::package;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use wpplay_domain::package::{PackageSpec, default_catalog};
use wpplay_wire::packages::Package;

/// Seeds the default catalog into an empty packages table.
pub async fn seed(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    if package::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    for spec in default_catalog() {
        insert(db, spec, now).await?;
    }
    Ok(())
}

/// Adds a validated package.
pub async fn insert(
    db: &impl ConnectionTrait,
    spec: PackageSpec,
    now: DateTime<Utc>,
) -> Result<package::Model, DbErr> {
    package::ActiveModel {
        code: Set(spec.code),
        name: Set(spec.name),
        monthly_price_minor: Set(spec.monthly_price_minor),
        currency: Set(spec.currency),
        max_subscribers: Set(spec.max_subscribers),
        max_streams: Set(spec.max_streams),
        features: Set(serde_json::to_string(&spec.features).unwrap_or_else(|_| "[]".into())),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Every package (`only_active` for what new partners may choose), cheapest first.
pub async fn list(
    db: &impl ConnectionTrait,
    only_active: bool,
) -> Result<Vec<package::Model>, DbErr> {
    let mut q = package::Entity::find().order_by_asc(package::Column::MonthlyPriceMinor);
    if only_active {
        q = q.filter(package::Column::Active.eq(true));
    }
    q.all(db).await
}

/// Stops offering a package to new partners; partners on it keep it.
pub async fn disable(db: &impl ConnectionTrait, code: &str) -> Result<bool, DbErr> {
    let res = package::Entity::update_many()
        .col_expr(
            package::Column::Active,
            sea_orm::sea_query::Expr::value(false),
        )
        .filter(package::Column::Code.eq(code))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}

/// The wire form of a package.
pub fn to_wire(p: &package::Model) -> Package {
    Package {
        id: p.id,
        code: p.code.clone(),
        name: p.name.clone(),
        monthly_price_minor: p.monthly_price_minor,
        currency: p.currency.clone(),
        max_subscribers: p.max_subscribers,
        max_streams: p.max_streams,
        features: serde_json::from_str(&p.features).unwrap_or_default(),
        active: p.active,
    }
}
