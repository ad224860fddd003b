//! The package catalog: seeding, listing and the operator's changes.

use crate::db::entity::{package, partner};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use wpplay_domain::package::{PackageSpec, default_catalog};
use wpplay_wire::packages::Package;
use wpplay_wire::sync::Entity;

/// Seeds the default catalog into an empty packages table.
pub async fn seed(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    if package::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    for spec in default_catalog() {
        // Another process may have seeded meanwhile: a taken code is not an error here.
        package::Entity::insert(active_model(spec, now))
            .on_conflict_do_nothing_on([package::Column::Code])
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Adds a validated package.
pub async fn insert(
    db: &impl ConnectionTrait,
    spec: PackageSpec,
    now: DateTime<Utc>,
) -> Result<package::Model, DbErr> {
    active_model(spec, now).insert(db).await
}

fn active_model(spec: PackageSpec, now: DateTime<Utc>) -> package::ActiveModel {
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

/// Stops offering a package to new partners; partners on it keep it, and their replicas
/// learn of the change through their feeds, in the same transaction.
pub async fn disable(
    db: &DatabaseConnection,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let txn = crate::db::write_txn(db).await?;
    let Some(pkg) = package::Entity::find()
        .filter(package::Column::Code.eq(code))
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    let pkg = package::ActiveModel {
        active: Set(false),
        ..pkg.into()
    }
    .update(&txn)
    .await?;
    let on_it = partner::Entity::find()
        .filter(partner::Column::PackageId.eq(pkg.id))
        .all(&txn)
        .await?;
    for p in on_it {
        crate::feed::append(
            &txn,
            wpplay_domain::ids::AccountId(p.account_id),
            &Entity::Package(to_wire(&pkg)),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
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
