//! The package catalog: listing and the operator's changes (the default catalog is
//! seeded with the database, `db::seed`).

use crate::db::entity::{package, partner};
use crate::db::seed::package_row;
use crate::db::txn::write_txn;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use wpplay_domain::package::PackageSpec;
use wpplay_wire::packages::Package;
use wpplay_wire::sync::Entity;

/// Adds a validated package.
pub async fn insert(
    db: &impl ConnectionTrait,
    spec: PackageSpec,
    now: DateTime<Utc>,
) -> Result<package::Model, DbErr> {
    package_row(spec, now).insert(db).await
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

/// What new partners may choose, cheapest first, as the wire has it.
pub async fn offered(db: &impl ConnectionTrait) -> Result<Vec<Package>, DbErr> {
    Ok(list(db, true)
        .await?
        .iter()
        .map(wire_form::package)
        .collect())
}

/// Stops offering a package to new partners; partners on it keep it, and their replicas
/// learn of the change through their feeds, in the same transaction.
pub async fn disable(
    db: &DatabaseConnection,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let txn = write_txn(db).await?;
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
            &Entity::Package(wire_form::package(&pkg)),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
}
