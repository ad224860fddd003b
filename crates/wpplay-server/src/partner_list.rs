//! The partners as WP Play's operator lists them: searched by company, e-mail or contact,
//! narrowed to a lifecycle state, newest first and paged; each with its package, where
//! it stands and how many dealers and lines it has.

use crate::db::entity::{dealer, package, partner, subscriber};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use wpplay_domain::lifecycle::LifecycleFacts;
use wpplay_wire::billing::OperatorPartner;

/// A lifecycle state to list (the domain's rule, `LifecycleFacts::state_at`, as SQL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFilter {
    Trial,
    Active,
    Locked,
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Part of the company, e-mail or contact person, any case.
    pub search: Option<String>,
    pub state: Option<StateFilter>,
    /// Partners with a smaller account id (the next page).
    pub before: Option<i64>,
    /// Only this partner.
    pub only: Option<i64>,
    /// Only partners whose current package is this one.
    pub package: Option<i64>,
    /// Only partners whose access (trial or paid period) ends by then.
    pub ends_by: Option<DateTime<Utc>>,
    pub limit: u64,
}

/// A page of partners, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    q: Query,
    now: DateTime<Utc>,
) -> Result<Vec<OperatorPartner>, DbErr> {
    let mut find = partner::Entity::find().order_by_desc(partner::Column::AccountId);
    if let Some(before) = q.before {
        find = find.filter(partner::Column::AccountId.lt(before));
    }
    if let Some(id) = q.only {
        find = find.filter(partner::Column::AccountId.eq(id));
    }
    if let Some(package) = q.package {
        find = find.filter(partner::Column::PackageId.eq(package));
    }
    if let Some(t) = q.ends_by {
        // Access ends at the later of the trial's end and the paid-through date
        // (`LifecycleFacts::access_ends_at`): both by `t`.
        find = find.filter(partner::Column::TrialEndsAt.lte(t)).filter(
            Condition::any()
                .add(partner::Column::PaidThrough.is_null())
                .add(partner::Column::PaidThrough.lte(t)),
        );
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        let lower = |c: partner::Column| Expr::expr(Func::lower(Expr::col(c)));
        find = find.filter(
            Condition::any()
                .add(lower(partner::Column::Company).like(pattern.clone()))
                .add(lower(partner::Column::Email).like(pattern.clone()))
                .add(lower(partner::Column::ContactPerson).like(pattern)),
        );
    }
    let unpaid = Condition::any()
        .add(partner::Column::PaidThrough.is_null())
        .add(partner::Column::PaidThrough.lte(now));
    find = match q.state {
        None => find,
        Some(StateFilter::Active) => find.filter(partner::Column::PaidThrough.gt(now)),
        Some(StateFilter::Trial) => find
            .filter(unpaid)
            .filter(partner::Column::TrialEndsAt.gt(now)),
        Some(StateFilter::Locked) => find
            .filter(unpaid)
            .filter(partner::Column::TrialEndsAt.lte(now)),
    };
    let rows = find.limit(q.limit).all(db).await?;
    let ids: Vec<i64> = rows.iter().map(|p| p.account_id).collect();
    let packages: HashMap<i64, String> = package::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let dealers = counts::<dealer::Entity>(db, dealer::Column::PartnerId, &ids).await?;
    let lines = counts::<subscriber::Entity>(db, subscriber::Column::PartnerId, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let facts = LifecycleFacts {
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            };
            OperatorPartner {
                account_id: p.account_id,
                package_name: packages.get(&p.package_id).cloned().unwrap_or_default(),
                state: facts.state_at(now).as_str().to_owned(),
                access_ends_at: facts.access_ends_at(),
                dealers: dealers.get(&p.account_id).copied().unwrap_or(0),
                lines: lines.get(&p.account_id).copied().unwrap_or(0),
                company: p.company,
                contact_person: p.contact_person,
                email: p.email,
                phone: p.phone,
                country: p.country,
                registered_at: p.registered_at,
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            }
        })
        .collect())
}

/// Rows per partner among `ids`, in one grouped query.
async fn counts<E: EntityTrait>(
    db: &impl ConnectionTrait,
    partner_column: E::Column,
    ids: &[i64],
) -> Result<HashMap<i64, u32>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, i64)> = E::find()
        .select_only()
        .column(partner_column)
        .column_as(Expr::col(partner_column).count(), "n")
        .filter(partner_column.is_in(ids.iter().copied()))
        .group_by(partner_column)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}
