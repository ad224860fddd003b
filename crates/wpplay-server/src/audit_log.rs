//! Reading the audit log: a partner's own entries or everyone's, newest first. The
//! entries are written with the changes they record (`mutations`).

use crate::db::entity::audit;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use wpplay_wire::audit::AuditEntry;

/// Entries of `scope` (a partner) or of everyone, newest first.
pub async fn entries(
    db: &impl ConnectionTrait,
    scope: Option<i64>,
    before: Option<i64>,
    limit: u64,
) -> Result<Vec<AuditEntry>, DbErr> {
    let mut q = audit::Entity::find()
        .order_by_desc(audit::Column::Id)
        .limit(limit);
    if let Some(partner) = scope {
        q = q.filter(audit::Column::PartnerId.eq(partner));
    }
    if let Some(b) = before {
        q = q.filter(audit::Column::Id.lt(b));
    }
    let rows = q.all(db).await?;
    let parse = |s: &Option<String>| s.as_deref().and_then(|t| serde_json::from_str(t).ok());
    Ok(rows
        .iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.at,
            actor_name: r.actor_name.clone(),
            actor_role: r.actor_role.clone(),
            action: r.action.clone(),
            entity: r.entity.clone(),
            entity_id: r.entity_id.clone(),
            before: parse(&r.before),
            after: parse(&r.after),
        })
        .collect())
}
