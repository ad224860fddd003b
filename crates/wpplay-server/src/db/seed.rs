//! What a new database starts with: the default package catalog.

use crate::db::entity::package;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, Set};
use wpplay_domain::package::{PackageSpec, default_catalog};

/// Seeds the default catalog into an empty packages table.
pub async fn packages(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), DbErr> {
    if package::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    for spec in default_catalog() {
        // Another process may have seeded meanwhile: a taken code is not an error here.
        package::Entity::insert(package_row(spec, now))
            .on_conflict_do_nothing_on([package::Column::Code])
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The row of a new, offered package.
pub fn package_row(spec: PackageSpec, now: DateTime<Utc>) -> package::ActiveModel {
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
