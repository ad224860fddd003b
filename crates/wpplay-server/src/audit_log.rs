//! Reading the audit log: a partner's own entries or everyone's, newest first. The
//! entries are written with the changes they record (`mutations`).

use crate::db::entity::audit;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use wpplay_wire::audit::AuditEntry;

/// Which entries to read: one partner's or everyone's, older than an entry (paging),
/// and narrowed by action, actor and time.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A partner's entries (its own, its dealers' and resellers' on its data, and the
    /// server's about it); `None` for everyone's.
    pub scope: Option<i64>,
    pub before: Option<i64>,
    pub action: Option<String>,
    /// The actor's name as the log shows it.
    pub actor: Option<String>,
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub until: Option<chrono::DateTime<chrono::Utc>>,
}

/// The entries `f` selects, newest first, at most `limit`.
pub async fn entries(
    db: &impl ConnectionTrait,
    f: Filter,
    limit: u64,
) -> Result<Vec<AuditEntry>, DbErr> {
    let mut q = audit::Entity::find()
        .order_by_desc(audit::Column::Id)
        .limit(limit);
    if let Some(partner) = f.scope {
        q = q.filter(audit::Column::PartnerId.eq(partner));
    }
    if let Some(b) = f.before {
        q = q.filter(audit::Column::Id.lt(b));
    }
    if let Some(a) = f.action {
        q = q.filter(audit::Column::Action.eq(a));
    }
    if let Some(a) = f.actor {
        q = q.filter(audit::Column::ActorName.eq(a));
    }
    if let Some(t) = f.since {
        q = q.filter(audit::Column::At.gte(t));
    }
    if let Some(t) = f.until {
        q = q.filter(audit::Column::At.lt(t));
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

/// Who did what the log records, beyond a signed-in user's synced edit.
#[derive(Debug, Clone, Copy)]
pub enum By {
    /// An account (named by its username, with its role).
    Account(i64),
    /// The server itself: its lifecycle pass (reminders, invoices, locks, the purge) and
    /// payments reported by the provider.
    System,
    /// An operator at the server's command line.
    CommandLine,
}

/// One entry of the log, written with the change it records (in its transaction).
pub struct Entry<'a> {
    pub by: By,
    /// The partner whose data it is about, who reads it beside the operator.
    pub partner_id: Option<i64>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    /// What it changed to; never a secret.
    pub after: Option<serde_json::Value>,
}

/// Appends `entry` at `now`.
pub async fn write(
    db: &impl ConnectionTrait,
    entry: Entry<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbErr> {
    use sea_orm::{ActiveModelTrait, Set};
    let (actor_id, role, name) = match entry.by {
        By::Account(id) => {
            let a = crate::db::entity::account::Entity::find_by_id(id)
                .one(db)
                .await?;
            (
                id,
                a.as_ref().map_or("partner", |a| a.role.as_str()).to_owned(),
                a.map(|a| a.username).unwrap_or_default(),
            )
        }
        By::System => (0, "system".to_owned(), "WP Play".to_owned()),
        By::CommandLine => (0, "operator".to_owned(), "command line".to_owned()),
    };
    audit::ActiveModel {
        at: Set(now),
        actor_id: Set(actor_id),
        actor_role: Set(role),
        actor_name: Set(name),
        partner_id: Set(entry.partner_id),
        action: Set(entry.action.to_owned()),
        entity: Set(entry.entity.to_owned()),
        entity_id: Set(entry.entity_id),
        before: Set(None),
        after: Set(entry.after.map(|v| v.to_string())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
