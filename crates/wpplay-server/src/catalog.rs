//! The package catalog: listing and the operator's changes (the default catalog is
//! seeded with the database, `db::seed`).

use crate::audit_log::{By, Entry};
use crate::db::entity::{package, partner};
use crate::db::seed::package_row;
use crate::db::txn::write_txn;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};
use std::collections::HashMap;
use wpplay_domain::DomainError;
use wpplay_domain::package::PackageSpec;
use wpplay_wire::operator::PackageChanges;
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

/// Why the operator's change to the catalog was not made.
#[derive(Debug)]
pub enum Refused {
    Invalid(DomainError),
    CodeTaken,
    NotFound,
}

/// Every package, cheapest first, with how many partners are on it (one grouped count).
pub async fn with_partners(db: &impl ConnectionTrait) -> Result<Vec<(package::Model, u32)>, DbErr> {
    let counts: HashMap<i64, i64> = partner::Entity::find()
        .select_only()
        .column(partner::Column::PackageId)
        .column_as(partner::Column::AccountId.count(), "n")
        .group_by(partner::Column::PackageId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(list(db, false)
        .await?
        .into_iter()
        .map(|p| {
            let n = counts.get(&p.id).copied().unwrap_or(0);
            (p, u32::try_from(n).unwrap_or(u32::MAX))
        })
        .collect())
}

/// Adds a package for new partners to choose, in the audit log under `by`.
pub async fn add(
    db: &DatabaseConnection,
    spec: PackageSpec,
    by: By,
    now: DateTime<Utc>,
) -> Result<Result<package::Model, Refused>, DbErr> {
    let spec = match spec.validated() {
        Ok(s) => s,
        Err(e) => return Ok(Err(Refused::Invalid(e))),
    };
    let txn = write_txn(db).await?;
    let p = match insert(&txn, spec, now).await {
        Ok(p) => p,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Ok(Err(Refused::CodeTaken));
        }
        Err(e) => return Err(e),
    };
    let entry = Entry {
        by,
        partner_id: None,
        action: "package_added",
        entity: "package",
        entity_id: p.code.clone(),
        after: Some(serde_json::json!({
            "name": p.name, "monthly_price_minor": p.monthly_price_minor, "currency": p.currency,
            "max_subscribers": p.max_subscribers, "max_streams": p.max_streams,
        })),
    };
    crate::audit_log::write(&txn, entry, now).await?;
    txn.commit().await?;
    Ok(Ok(p))
}

/// Changes package `id`: its name, price (charged from each partner's next invoice;
/// issued invoices keep theirs), limits (binding new additions from now on; nothing a
/// partner has is removed), features, or whether it is offered to new partners. The
/// partners on it learn of it through their feeds, in the same transaction; the audit
/// log keeps what changed.
pub async fn change(
    db: &DatabaseConnection,
    id: i64,
    changes: &PackageChanges,
    by: By,
    now: DateTime<Utc>,
) -> Result<Result<package::Model, Refused>, DbErr> {
    let txn = write_txn(db).await?;
    let Some(old) = package::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let current = wire_form::package(&old);
    let spec = PackageSpec {
        code: old.code.clone(),
        name: changes.name.clone().unwrap_or(current.name),
        monthly_price_minor: changes
            .monthly_price_minor
            .unwrap_or(old.monthly_price_minor),
        currency: old.currency.clone(),
        max_subscribers: changes.max_subscribers.unwrap_or(old.max_subscribers),
        max_streams: changes.max_streams.unwrap_or(old.max_streams),
        features: changes.features.clone().unwrap_or(current.features),
    };
    let spec = match spec.validated() {
        Ok(s) => s,
        Err(e) => return Ok(Err(Refused::Invalid(e))),
    };
    let active = changes.active.unwrap_or(old.active);
    let features = serde_json::to_string(&spec.features).unwrap_or_else(|_| "[]".into());
    let mut before = serde_json::Map::new();
    let mut after = serde_json::Map::new();
    let mut differs = |field: &str, was: serde_json::Value, now: serde_json::Value| {
        if was != now {
            before.insert(field.to_owned(), was);
            after.insert(field.to_owned(), now);
        }
    };
    differs("name", old.name.clone().into(), spec.name.clone().into());
    differs(
        "monthly_price_minor",
        old.monthly_price_minor.into(),
        spec.monthly_price_minor.into(),
    );
    differs(
        "max_subscribers",
        old.max_subscribers.into(),
        spec.max_subscribers.into(),
    );
    differs(
        "max_streams",
        old.max_streams.into(),
        spec.max_streams.into(),
    );
    differs(
        "features",
        serde_json::from_str(&old.features).unwrap_or_default(),
        serde_json::from_str(&features).unwrap_or_default(),
    );
    differs("active", old.active.into(), active.into());
    if after.is_empty() {
        return Ok(Ok(old));
    }
    let code = old.code.clone();
    let pkg = package::ActiveModel {
        name: Set(spec.name),
        monthly_price_minor: Set(spec.monthly_price_minor),
        max_subscribers: Set(spec.max_subscribers),
        max_streams: Set(spec.max_streams),
        features: Set(features),
        active: Set(active),
        ..old.into()
    }
    .update(&txn)
    .await?;
    tell_partners_on(&txn, &pkg, now).await?;
    // Only whether it is offered changed: said as such; anything else is a change.
    let action = match (after.len(), after.get("active")) {
        (1, Some(serde_json::Value::Bool(false))) => "package_disabled",
        (1, Some(serde_json::Value::Bool(true))) => "package_enabled",
        _ => "package_changed",
    };
    after.insert("was".to_owned(), serde_json::Value::Object(before));
    let entry = Entry {
        by,
        partner_id: None,
        action,
        entity: "package",
        entity_id: code,
        after: Some(serde_json::Value::Object(after)),
    };
    crate::audit_log::write(&txn, entry, now).await?;
    txn.commit().await?;
    Ok(Ok(pkg))
}

/// Every partner on `pkg` gets its new form in its feed.
async fn tell_partners_on(
    txn: &impl ConnectionTrait,
    pkg: &package::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let on_it = partner::Entity::find()
        .filter(partner::Column::PackageId.eq(pkg.id))
        .all(txn)
        .await?;
    for p in on_it {
        crate::feed::append(
            txn,
            wpplay_domain::ids::AccountId(p.account_id),
            &Entity::Package(wire_form::package(pkg)),
            now,
        )
        .await?;
    }
    Ok(())
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
    tell_partners_on(&txn, &pkg, now).await?;
    txn.commit().await?;
    Ok(true)
}
