//! The local SQLite replica of one account on one server.
//!
//! It holds the server's state as last pulled, the pull cursor and the outbox of local
//! edits. Every change to it happens in one local transaction together with the cursor
//! or outbox bookkeeping that describes it, so a crash never leaves them out of step.
//! What the UI shows is the server state with the pending edits laid over it.

pub mod entity;

use crate::changes::{Area, Changes};
use crate::error::LocalErr;
use chrono::{DateTime, Utc};
use entity::{
    outbox, replica_dealer, replica_entity, replica_meta, replica_subscriber, sync_state,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use wpplay_domain::dealer::DealerStatus;
use wpplay_domain::sync::{OutboxStep, Pending};
use wpplay_migrations::{MigratorTrait, ReplicaMigrator};
use wpplay_wire::dealers::{Dealer, Subscriber};
use wpplay_wire::resellers::Notification;
use wpplay_wire::sync::{Change, Entity, Mutation, MutationResult};

/// An open replica.
#[derive(Debug, Clone)]
pub struct Replica {
    db: DatabaseConnection,
    /// While a pull is under way: the cursor reached and the feed's head (not stored).
    progress: std::sync::Arc<std::sync::Mutex<Option<(i64, i64)>>>,
    /// Told what every committed write changed.
    changes: Changes,
}

type Local<T> = Result<T, LocalErr>;

impl Replica {
    /// Opens (creating and migrating if needed) the replica file.
    pub async fn open(path: &Path) -> Local<Self> {
        if let Some(dir) = path.parent() {
            crate::private_fs::create_dir(dir)?;
        }
        // Created owner-only before SQLite opens it; SQLite gives its -wal and -shm files
        // the database file's permissions.
        drop(crate::private_fs::create_file(path, false)?);
        let mut opts = ConnectOptions::new(format!("sqlite://{}?mode=rwc", path.display()));
        opts.sqlx_logging(false)
            .max_connections(1)
            .min_connections(1);
        let db = Database::connect(opts).await?;
        db.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000;")
            .await?;
        ReplicaMigrator::up(&db, None).await?;
        if sync_state::Entity::find_by_id(1).one(&db).await?.is_none() {
            sync_state::ActiveModel {
                id: Set(1),
                client_id: Set(uuid::Uuid::new_v4().to_string()),
                cursor: Set(0),
                next_mutation_id: Set(1),
                last_sync_at: Set(None),
                last_error_code: Set(None),
                last_error_message: Set(None),
            }
            .insert(&db)
            .await?;
        }
        Ok(Self {
            db,
            progress: std::sync::Arc::default(),
            changes: Changes::new(),
        })
    }

    /// Announces this replica's writes on `changes` (the core's) from now on.
    #[must_use]
    pub fn announcing_to(mut self, changes: Changes) -> Self {
        self.changes = changes;
        self
    }

    pub async fn close(self) {
        let _ = self.db.close().await;
    }

    async fn write(&self) -> Local<sea_orm::DatabaseTransaction> {
        Ok(self
            .db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await?)
    }

    pub async fn state(&self) -> Local<sync_state::Model> {
        sync_state::Entity::find_by_id(1)
            .one(&self.db)
            .await?
            .ok_or_else(|| LocalErr("the replica has no sync state".into()))
    }

    /// Applies a pulled page and moves the cursor, in one transaction.
    pub async fn apply_page(
        &self,
        changes: &[Change],
        cursor: i64,
        now: DateTime<Utc>,
    ) -> Local<()> {
        let txn = self.write().await?;
        PageRows::of(changes)?.write(&txn).await?;
        let landed = outbox::Entity::delete_many()
            .filter(outbox::Column::State.eq("applied"))
            .filter(outbox::Column::AppliedCursor.lte(cursor))
            .exec(&txn)
            .await?
            .rows_affected;
        let state = self.state_in(&txn).await?;
        let had_error = state.last_error_code.is_some();
        // "Last sync …" reads in minutes: a quiet round is announced only when the shown
        // time moved (the first sync, half a minute on, or a clock that jumped).
        let shown_moved = state
            .last_sync_at
            .is_none_or(|last| (now - last).num_seconds().abs() >= 30);
        let mut st: sync_state::ActiveModel = state.into();
        st.cursor = Set(cursor);
        st.last_sync_at = Set(Some(now));
        st.last_error_code = Set(None);
        st.last_error_message = Set(None);
        st.update(&txn).await?;
        txn.commit().await?;
        let mut areas: Vec<Area> = changes.iter().map(|c| Area::of_entity(&c.entity)).collect();
        if landed > 0 || had_error || shown_moved {
            areas.push(Area::Sync);
        }
        self.changes.announce(areas);
        Ok(())
    }

    async fn state_in(&self, db: &impl ConnectionTrait) -> Local<sync_state::Model> {
        sync_state::Entity::find_by_id(1)
            .one(db)
            .await?
            .ok_or_else(|| LocalErr("the replica has no sync state".into()))
    }

    /// Records how far the pull under way got (`None`: no pull under way).
    pub fn set_progress(&self, progress: Option<(i64, i64)>) {
        let before = std::mem::replace(
            &mut *self.progress.lock().unwrap_or_else(|e| e.into_inner()),
            progress,
        );
        if before != progress {
            self.changes.announce([Area::Sync]);
        }
    }

    /// How far the pull under way got: (cursor, head).
    pub fn progress(&self) -> Option<(i64, i64)> {
        *self.progress.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets everything pulled and sets the cursor back to 0, in one transaction, so the
    /// next pull fetches the whole feed again. Local edits waiting in the outbox are kept.
    pub async fn reset_for_resync(&self) -> Local<()> {
        let txn = self.write().await?;
        replica_entity::Entity::delete_many().exec(&txn).await?;
        replica_dealer::Entity::delete_many().exec(&txn).await?;
        replica_subscriber::Entity::delete_many().exec(&txn).await?;
        let mut st: sync_state::ActiveModel = self.state_in(&txn).await?.into();
        st.cursor = Set(0);
        st.update(&txn).await?;
        txn.commit().await?;
        self.changes.announce(Area::ALL);
        Ok(())
    }

    /// Records why the last sync failed (or clears it), for the status bar.
    pub async fn set_error(&self, error: Option<&wpplay_wire::ErrorBody>) -> Local<()> {
        let state = self.state().await?;
        let code = error.map(|e| e.code.to_string());
        let message = error.map(|e| e.message.clone());
        if state.last_error_code == code && state.last_error_message == message {
            return Ok(());
        }
        let mut st: sync_state::ActiveModel = state.into();
        st.last_error_code = Set(code);
        st.last_error_message = Set(message);
        st.update(&self.db).await?;
        self.changes.announce([Area::Sync]);
        Ok(())
    }

    /// Every entity of a kind, as last pulled.
    pub async fn entities(&self, kind: &str) -> Local<Vec<Entity>> {
        let rows = replica_entity::Entity::find()
            .filter(replica_entity::Column::Entity.eq(kind))
            .order_by_asc(replica_entity::Column::EntityId)
            .all(&self.db)
            .await?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(&r.data)?))
            .collect()
    }

    /// Queues a local edit; it gets the next mutation id of this client.
    pub async fn enqueue(
        &self,
        mutation: &Mutation,
        summary: &str,
        now: DateTime<Utc>,
    ) -> Local<i64> {
        let txn = self.write().await?;
        let st = self.state_in(&txn).await?;
        let id = st.next_mutation_id;
        outbox::ActiveModel {
            mutation_id: Set(id),
            payload: Set(serde_json::to_string(mutation)?),
            summary: Set(summary.to_owned()),
            state: Set("pending".to_owned()),
            reject_code: Set(None),
            reject_message: Set(None),
            created_at: Set(now),
            applied_cursor: Set(None),
        }
        .insert(&txn)
        .await?;
        let mut st: sync_state::ActiveModel = st.into();
        st.next_mutation_id = Set(id + 1);
        st.update(&txn).await?;
        txn.commit().await?;
        self.changes
            .announce([Area::Sync, Area::of_mutation(mutation)]);
        Ok(id)
    }

    /// The first `max` edits waiting for the server, oldest first (the next push).
    pub async fn pending_first(&self, max: usize) -> Local<Vec<Pending<Mutation>>> {
        self.edits(&["pending"], Some(max)).await
    }

    /// Edits the view lays over the server rows: waiting ones and applied ones the pull
    /// has not brought back yet, oldest first.
    pub async fn unpulled(&self) -> Local<Vec<Pending<Mutation>>> {
        self.edits(&["pending", "applied"], None).await
    }

    /// The outbox's edits in these states, oldest first, at most `max` of them.
    async fn edits(&self, states: &[&str], max: Option<usize>) -> Local<Vec<Pending<Mutation>>> {
        let mut rows = outbox::Entity::find()
            .filter(outbox::Column::State.is_in(states.iter().copied()))
            .order_by_asc(outbox::Column::MutationId);
        if let Some(max) = max {
            rows = rows.limit(u64::try_from(max).unwrap_or(u64::MAX));
        }
        rows.all(&self.db)
            .await?
            .iter()
            .map(|r| {
                Ok(Pending {
                    mutation_id: r.mutation_id,
                    mutation: serde_json::from_str(&r.payload)?,
                })
            })
            .collect()
    }

    pub async fn pending_count(&self) -> Local<i64> {
        let n = outbox::Entity::find()
            .filter(outbox::Column::State.eq("pending"))
            .count(&self.db)
            .await?;
        Ok(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// Every queued or refused edit, oldest first, with its mutation.
    pub async fn outbox(&self) -> Local<Vec<(outbox::Model, Mutation)>> {
        let rows = outbox::Entity::find()
            .order_by_asc(outbox::Column::MutationId)
            .all(&self.db)
            .await?;
        rows.into_iter()
            .map(|r| {
                let m = serde_json::from_str(&r.payload)?;
                Ok((r, m))
            })
            .collect()
    }

    /// Edits the server refused, waiting for the user.
    pub async fn rejected(&self) -> Local<Vec<outbox::Model>> {
        Ok(outbox::Entity::find()
            .filter(outbox::Column::State.eq("rejected"))
            .order_by_asc(outbox::Column::MutationId)
            .all(&self.db)
            .await?)
    }

    /// Applies the server's answers to the outbox, in one transaction.
    pub async fn settle(
        &self,
        results: &[MutationResult],
        cursor: i64,
        step: impl Fn(&wpplay_domain::sync::Outcome) -> OutboxStep,
    ) -> Local<()> {
        let txn = self.write().await?;
        let ids: Vec<i64> = results.iter().map(|r| r.mutation_id).collect();
        let mut areas = vec![Area::Sync];
        for row in outbox::Entity::find()
            .filter(outbox::Column::MutationId.is_in(ids))
            .all(&txn)
            .await?
        {
            if let Ok(mutation) = serde_json::from_str::<Mutation>(&row.payload) {
                areas.push(Area::of_mutation(&mutation));
            }
        }
        let mut done = Vec::new();
        for r in results {
            match step(&r.outcome) {
                OutboxStep::Done => done.push(r.mutation_id),
                OutboxStep::ShowRejection { code, message } => {
                    outbox::Entity::update_many()
                        .col_expr(
                            outbox::Column::State,
                            sea_orm::sea_query::Expr::value("rejected"),
                        )
                        .col_expr(
                            outbox::Column::RejectCode,
                            sea_orm::sea_query::Expr::value(Some(code)),
                        )
                        .col_expr(
                            outbox::Column::RejectMessage,
                            sea_orm::sea_query::Expr::value(Some(message)),
                        )
                        .filter(outbox::Column::MutationId.eq(r.mutation_id))
                        .exec(&txn)
                        .await?;
                }
            }
        }
        // Kept (as applied) until a pull reaches `cursor` and brings the server's rows,
        // so the view never loses the edit in between.
        for ids in done.chunks(ROWS_PER_STATEMENT) {
            outbox::Entity::update_many()
                .col_expr(
                    outbox::Column::State,
                    sea_orm::sea_query::Expr::value("applied"),
                )
                .col_expr(
                    outbox::Column::AppliedCursor,
                    sea_orm::sea_query::Expr::value(Some(cursor)),
                )
                .filter(outbox::Column::MutationId.is_in(ids.iter().copied()))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        if !results.is_empty() {
            self.changes.announce(areas);
        }
        Ok(())
    }

    /// Drops a refused edit the user chose to discard.
    pub async fn discard(&self, mutation_id: i64) -> Local<bool> {
        let row = outbox::Entity::find_by_id(mutation_id)
            .one(&self.db)
            .await?;
        let res = outbox::Entity::delete_many()
            .filter(outbox::Column::MutationId.eq(mutation_id))
            .filter(outbox::Column::State.eq("rejected"))
            .exec(&self.db)
            .await?;
        let gone = res.rows_affected == 1;
        if gone {
            let shown = row
                .and_then(|r| serde_json::from_str::<Mutation>(&r.payload).ok())
                .map(|m| Area::of_mutation(&m));
            self.changes.announce([Area::Sync].into_iter().chain(shown));
        }
        Ok(gone)
    }
}

/// Notifications older than this many days are not raised natively any more.
pub const RAISE_WITHIN_DAYS: i64 = 7;

impl Replica {
    /// The notifications not raised yet, oldest first, marked as raised in the same
    /// transaction: each is handed out once, across restarts too. Those older than
    /// [`RAISE_WITHIN_DAYS`] at `now` are marked without being handed out, so signing in on
    /// a new computer does not replay months of history on the desktop (they stay listed
    /// in the app).
    pub async fn take_unraised_notifications(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Local<Vec<Notification>> {
        const KEY: &str = "notified_through";
        let txn = self.write().await?;
        let through: i64 = replica_meta::Entity::find_by_id(KEY.to_owned())
            .one(&txn)
            .await?
            .and_then(|m| m.value.parse().ok())
            .unwrap_or(0);
        let mut fresh: Vec<Notification> = replica_entity::Entity::find()
            .filter(replica_entity::Column::Entity.eq("notification"))
            .all(&txn)
            .await?
            .iter()
            .filter_map(|r| match serde_json::from_str(&r.data) {
                Ok(Entity::Notification(n)) if n.id > through => Some(n),
                _ => None,
            })
            .collect();
        fresh.sort_by_key(|n| n.id);
        let last_id = fresh.last().map(|n| n.id);
        fresh.retain(|n| now - n.created_at <= chrono::Duration::days(RAISE_WITHIN_DAYS));
        if let Some(last) = last_id {
            use sea_orm::sea_query::OnConflict;
            replica_meta::Entity::insert(replica_meta::ActiveModel {
                key: Set(KEY.to_owned()),
                value: Set(last.to_string()),
            })
            .on_conflict(
                OnConflict::column(replica_meta::Column::Key)
                    .update_column(replica_meta::Column::Value)
                    .to_owned(),
            )
            .exec(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(fresh)
    }

    /// Lifecycle alerts (trial or period ending, locked, data to be deleted) computed here
    /// from the replica: `plan` gets the `(kind, key)` pairs handed out before and returns
    /// the new ones with whether to raise them; they are recorded in the same
    /// transaction, so each is raised once, across restarts and offline too.
    pub async fn take_lifecycle_alerts<T>(
        &self,
        plan: impl FnOnce(&std::collections::HashSet<String>) -> Vec<(String, T)>,
    ) -> Local<Vec<T>> {
        const KEY: &str = "lifecycle_alerts";
        let txn = self.write().await?;
        let mut seen: std::collections::HashSet<String> =
            replica_meta::Entity::find_by_id(KEY.to_owned())
                .one(&txn)
                .await?
                .and_then(|m| serde_json::from_str(&m.value).ok())
                .unwrap_or_default();
        let fresh = plan(&seen);
        if fresh.is_empty() {
            txn.commit().await?;
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity(fresh.len());
        for (key, item) in fresh {
            seen.insert(key);
            out.push(item);
        }
        use sea_orm::sea_query::OnConflict;
        replica_meta::Entity::insert(replica_meta::ActiveModel {
            key: Set(KEY.to_owned()),
            value: Set(serde_json::to_string(&seen)?),
        })
        .on_conflict(
            OnConflict::column(replica_meta::Column::Key)
                .update_column(replica_meta::Column::Value)
                .to_owned(),
        )
        .exec(&txn)
        .await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Every dealer as the server last sent it.
    pub async fn dealers(&self) -> Local<Vec<Dealer>> {
        let rows = replica_dealer::Entity::find().all(&self.db).await?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(&r.data)?))
            .collect()
    }

    /// How many subscribers each dealer has (the partner's own lines under `None`).
    pub async fn subscriber_counts(&self) -> Local<HashMap<Option<String>, i64>> {
        use sea_orm::{FromQueryResult, QuerySelect};
        #[derive(FromQueryResult)]
        struct Count {
            dealer_id: Option<String>,
            n: i64,
        }
        let rows = replica_subscriber::Entity::find()
            .select_only()
            .column(replica_subscriber::Column::DealerId)
            .column_as(replica_subscriber::Column::Id.count(), "n")
            .group_by(replica_subscriber::Column::DealerId)
            .into_model::<Count>()
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|c| (c.dealer_id, c.n)).collect())
    }

    /// Every subscriber as the server last sent it.
    pub async fn subscribers(&self) -> Local<Vec<Subscriber>> {
        let rows = replica_subscriber::Entity::find().all(&self.db).await?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(&r.data)?))
            .collect()
    }
}

/// What a page leaves of each replica row: the last change to each key wins (the replica
/// tables have no foreign keys or triggers, so only each row's final state matters, not
/// the order between rows). A page of a thousand changes is then a few multi-row upserts
/// and deletes instead of a statement per change.
#[derive(Default)]
struct PageRows<'a> {
    dealers: BTreeMap<&'a str, Option<&'a Dealer>>,
    subscribers: BTreeMap<&'a str, Option<&'a Subscriber>>,
    /// (kind, id) to the stored form and feed position, or `None`: removed.
    entities: BTreeMap<(&'static str, String), Option<(String, i64)>>,
}

/// Rows per multi-row statement (SQLite allows 32,766 parameters a statement).
const ROWS_PER_STATEMENT: usize = 300;

impl<'a> PageRows<'a> {
    fn of(changes: &'a [Change]) -> Local<Self> {
        let mut rows = Self::default();
        for change in changes {
            match &change.entity {
                Entity::Dealer(d) => {
                    rows.dealers.insert(&d.id, Some(d));
                }
                Entity::DealerRemoved(r) => {
                    rows.dealers.insert(&r.id, None);
                }
                Entity::Subscriber(sub) => {
                    rows.subscribers.insert(&sub.id, Some(sub));
                }
                Entity::SubscriberRemoved(r) => {
                    rows.subscribers.insert(&r.id, None);
                }
                Entity::LinkEnded(_) | Entity::StreamRemoved(_) => {
                    rows.entities.insert(key(&change.entity), None);
                }
                other => {
                    let stored = serde_json::to_string(other)?;
                    rows.entities.insert(key(other), Some((stored, change.seq)));
                }
            }
        }
        Ok(rows)
    }

    async fn write(self, db: &impl ConnectionTrait) -> Local<()> {
        use sea_orm::sea_query::OnConflict;
        replace_rows::<replica_dealer::Entity, _>(
            db,
            self.dealers,
            replica_dealer::Column::Id,
            &[
                replica_dealer::Column::Data,
                replica_dealer::Column::DisplayName,
                replica_dealer::Column::Status,
                replica_dealer::Column::Version,
            ],
            |d: &Dealer| {
                Ok(replica_dealer::ActiveModel {
                    id: Set(d.id.clone()),
                    data: Set(serde_json::to_string(d)?),
                    display_name: Set(d.display_name.clone()),
                    status: Set(DealerStatus::from(d.status).as_str().to_owned()),
                    version: Set(d.version),
                })
            },
        )
        .await?;
        replace_rows::<replica_subscriber::Entity, _>(
            db,
            self.subscribers,
            replica_subscriber::Column::Id,
            &[
                replica_subscriber::Column::DealerId,
                replica_subscriber::Column::Data,
            ],
            |s: &Subscriber| {
                Ok(replica_subscriber::ActiveModel {
                    id: Set(s.id.clone()),
                    dealer_id: Set(s.dealer_id.clone()),
                    data: Set(serde_json::to_string(s)?),
                })
            },
        )
        .await?;
        let mut kept = Vec::new();
        for ((kind, id), row) in self.entities {
            match row {
                None => {
                    replica_entity::Entity::delete_by_id((kind.to_owned(), id))
                        .exec(db)
                        .await?;
                }
                Some((data, seq)) => kept.push(replica_entity::ActiveModel {
                    entity: Set(kind.to_owned()),
                    entity_id: Set(id),
                    data: Set(data),
                    seq: Set(seq),
                }),
            }
        }
        for chunk in kept.chunks(ROWS_PER_STATEMENT) {
            replica_entity::Entity::insert_many(chunk.to_vec())
                .on_conflict(
                    OnConflict::columns([
                        replica_entity::Column::Entity,
                        replica_entity::Column::EntityId,
                    ])
                    .update_columns([replica_entity::Column::Data, replica_entity::Column::Seq])
                    .to_owned(),
                )
                .exec_without_returning(db)
                .await?;
        }
        Ok(())
    }
}

/// Writes one table's share of a page: the rows whose last change removed them deleted,
/// the others upserted, a few hundred a statement.
async fn replace_rows<E, T>(
    db: &impl ConnectionTrait,
    rows: BTreeMap<&str, Option<&T>>,
    id: E::Column,
    update: &[E::Column],
    model: impl Fn(&T) -> Result<E::ActiveModel, serde_json::Error>,
) -> Local<()>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    use sea_orm::sea_query::OnConflict;
    let mut gone = Vec::new();
    let mut kept = Vec::new();
    for (key, row) in rows {
        match row {
            Some(row) => kept.push(model(row)?),
            None => gone.push(key),
        }
    }
    for keys in gone.chunks(ROWS_PER_STATEMENT) {
        E::delete_many()
            .filter(id.is_in(keys.iter().copied()))
            .exec(db)
            .await?;
    }
    let mut kept = kept.into_iter().peekable();
    while kept.peek().is_some() {
        let chunk: Vec<E::ActiveModel> = kept.by_ref().take(ROWS_PER_STATEMENT).collect();
        E::insert_many(chunk)
            .on_conflict(
                OnConflict::column(id)
                    .update_columns(update.iter().copied())
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The replica key of an entity.
pub fn key(entity: &Entity) -> (&'static str, String) {
    match entity {
        Entity::Profile(_) => ("profile", "me".to_owned()),
        // The feed only ever carries the account's own, current package.
        Entity::Package(_) => ("package", "current".to_owned()),
        Entity::Subscription(_) => ("subscription", "me".to_owned()),
        Entity::Dealer(d) => ("dealer", d.id.clone()),
        Entity::DealerRemoved(r) => ("dealer", r.id.clone()),
        Entity::Subscriber(s) => ("subscriber", s.id.clone()),
        Entity::SubscriberRemoved(r) => ("subscriber", r.id.clone()),
        Entity::ResellerSettings(_) => ("reseller_settings", "me".to_owned()),
        Entity::PartnerRequest(r) => ("partner_request", r.id.clone()),
        Entity::Link(l) => ("link", format!("{}-{}", l.partner_id, l.reseller_id)),
        Entity::LinkEnded(l) => ("link", format!("{}-{}", l.partner_id, l.reseller_id)),
        Entity::Stream(s) => ("stream", s.id.clone()),
        Entity::StreamRemoved(r) => ("stream", r.id.clone()),
        Entity::Notification(n) => ("notification", n.id.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wpplay_wire::dealers::LineStatus;

    fn line(id: &str, name: &str, version: i64) -> Entity {
        Entity::Subscriber(Subscriber {
            id: id.into(),
            dealer_id: None,
            name: name.into(),
            line_username: format!("u{id}"),
            mac: "02:00:00:00:00:01".into(),
            expires_at: DateTime::UNIX_EPOCH,
            status: LineStatus::Active,
            version,
        })
    }

    /// An update of the app opens a replica written by an older version: it is migrated
    /// in place, and the edits waiting to sync are still there to push.
    #[tokio::test]
    async fn an_older_replica_is_migrated_with_its_waiting_edits() {
        use wpplay_migrations::{MigratorTrait, ReplicaMigrator};
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("old.sqlite");
        let mutation = Mutation::AddStream {
            stream_id: "57000000-0000-4000-8000-000000000001".into(),
            name: "Sport 1 HD".into(),
            category: "Sport".into(),
            stream_url: "https://cdn.example/sport1.m3u8".into(),
        };
        {
            // The first released schema, with one edit waiting, as version 0.1 left it.
            let db = Database::connect(format!("sqlite://{}?mode=rwc", path.display()))
                .await
                .expect("open");
            ReplicaMigrator::up(&db, Some(1))
                .await
                .expect("the first schema");
            let payload = serde_json::to_string(&mutation).expect("json");
            db.execute_raw(sea_orm::Statement::from_sql_and_values(
                sea_orm::DbBackend::Sqlite,
                "INSERT INTO outbox (mutation_id, payload, summary, state, created_at) VALUES (1, ?, 'Add Sport 1 HD', 'pending', '2026-11-26 10:00:00+00:00')",
                [payload.into()],
            ))
            .await
            .expect("a waiting edit");
            db.close().await.expect("close");
        }
        let r = Replica::open(&path)
            .await
            .expect("the newer app opens the older replica");
        let pending = r.pending_first(100).await.expect("pending");
        assert_eq!(pending.len(), 1, "the waiting edit survived the migration");
        assert_eq!(pending[0].mutation, mutation);
        let applied = ReplicaMigrator::get_applied_migrations(&r.db)
            .await
            .expect("applied");
        assert_eq!(
            applied.len(),
            ReplicaMigrator::migrations().len(),
            "every later migration ran"
        );
    }

    /// Batched upserts keep the feed's order: a later change of the same line in one page
    /// wins, and a removal between two changes is not undone.
    #[tokio::test]
    async fn a_page_applies_in_feed_order() {
        let dir = tempfile::tempdir().expect("dir");
        let r = Replica::open(&dir.path().join("r.sqlite"))
            .await
            .expect("open");
        let removed = Entity::SubscriberRemoved(wpplay_wire::dealers::Removed { id: "b".into() });
        let page: Vec<Change> = [
            line("a", "A first", 1),
            line("b", "B", 1),
            line("a", "A second", 2),
            removed,
            line("c", "C", 1),
            line("a", "A third", 3),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, entity)| Change {
            seq: i as i64 + 1,
            entity,
        })
        .collect();
        r.apply_page(&page, 6, DateTime::UNIX_EPOCH)
            .await
            .expect("apply");
        let mut held: Vec<(String, String)> = r
            .subscribers()
            .await
            .expect("lines")
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        held.sort();
        assert_eq!(
            held,
            [
                ("a".to_owned(), "A third".to_owned()),
                ("c".to_owned(), "C".to_owned())
            ]
        );
        assert_eq!(r.state().await.expect("state").cursor, 6);
    }

    /// Every kind of row keeps the last change a page brings for it: a dealer edited
    /// twice, one removed after its change, a stream removed and added back; and settling
    /// a push marks every applied edit at once, a refused one apart.
    #[tokio::test]
    async fn every_kind_keeps_the_last_change_of_a_page() {
        use wpplay_wire::dealers::{DealerState, Removed};
        use wpplay_wire::resellers::Stream;
        let dir = tempfile::tempdir().expect("dir");
        let r = Replica::open(&dir.path().join("r.sqlite"))
            .await
            .expect("open");
        let dealer = |id: &str, version: i64| {
            Entity::Dealer(Dealer {
                id: id.into(),
                display_name: format!("{id} v{version}"),
                contact_email: None,
                contact_phone: None,
                username: format!("user.{id}"),
                status: DealerState::Active,
                version,
            })
        };
        let stream = |id: &str, name: &str| {
            Entity::Stream(Stream {
                id: id.into(),
                name: name.into(),
                category: "Sport".into(),
                stream_url: "https://cdn.example/s.m3u8".into(),
            })
        };
        let gone = |id: &str| Removed { id: id.into() };
        let page: Vec<Change> = [
            dealer("x", 1),
            dealer("y", 1),
            dealer("x", 2),
            Entity::DealerRemoved(gone("y")),
            stream("s1", "S1"),
            stream("s2", "S2"),
            Entity::StreamRemoved(gone("s1")),
            stream("s1", "S1 back"),
            Entity::StreamRemoved(gone("s2")),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, entity)| Change {
            seq: i as i64 + 1,
            entity,
        })
        .collect();
        r.apply_page(&page, 9, DateTime::UNIX_EPOCH)
            .await
            .expect("apply");
        let dealers: Vec<(String, i64)> = r
            .dealers()
            .await
            .expect("dealers")
            .into_iter()
            .map(|d| (d.id, d.version))
            .collect();
        assert_eq!(dealers, [("x".to_owned(), 2)]);
        assert_eq!(
            r.entities("stream").await.expect("streams"),
            [stream("s1", "S1 back")]
        );

        for i in 0..3 {
            let m = Mutation::RemoveStream {
                stream_id: format!("s{i}"),
            };
            r.enqueue(&m, "remove", DateTime::UNIX_EPOCH)
                .await
                .expect("enqueue");
        }
        let first = r.pending_first(2).await.expect("pending");
        assert_eq!(
            first.iter().map(|p| p.mutation_id).collect::<Vec<_>>(),
            [1, 2]
        );
        let results = [
            MutationResult {
                mutation_id: 1,
                outcome: wpplay_domain::sync::Outcome::Applied,
            },
            MutationResult {
                mutation_id: 2,
                outcome: wpplay_domain::sync::Outcome::Rejected {
                    code: "stream_not_found".into(),
                    message: "Gone".into(),
                },
            },
            MutationResult {
                mutation_id: 3,
                outcome: wpplay_domain::sync::Outcome::Applied,
            },
        ];
        r.settle(&results, 12, wpplay_domain::sync::step_for)
            .await
            .expect("settle");
        let states: Vec<(i64, String, Option<i64>)> = r
            .outbox()
            .await
            .expect("outbox")
            .into_iter()
            .map(|(row, _)| (row.mutation_id, row.state, row.applied_cursor))
            .collect();
        assert_eq!(
            states,
            [
                (1, "applied".to_owned(), Some(12)),
                (2, "rejected".to_owned(), None),
                (3, "applied".to_owned(), Some(12))
            ]
        );
    }

    /// A round that pulls nothing still moves "Last sync …": it is announced when the
    /// shown time moved (the first sync, half a minute later, a clock that jumped), and
    /// not on every quiet round.
    #[tokio::test]
    async fn a_quiet_round_is_announced_when_the_shown_time_moves() {
        let dir = tempfile::tempdir().expect("dir");
        let changes = Changes::new();
        let mut heard = changes.listen();
        let r = Replica::open(&dir.path().join("r.sqlite"))
            .await
            .expect("open")
            .announcing_to(changes.clone());
        let t0 = DateTime::UNIX_EPOCH + chrono::Duration::days(20_000);
        let mut sync_announced = async |at: DateTime<Utc>| {
            r.apply_page(&[], 0, at).await.expect("apply");
            let before = changes.revision();
            changes.announce([Area::Time]); // a marker: what came before it is this round's
            let mut sync = false;
            while let Some(c) = heard.next().await {
                if c.revision > before {
                    break;
                }
                sync |= c.touches(Area::Sync);
            }
            sync
        };
        assert!(sync_announced(t0).await, "the first sync");
        assert!(
            !sync_announced(t0 + chrono::Duration::seconds(5)).await,
            "5 s later: quiet"
        );
        assert!(
            sync_announced(t0 + chrono::Duration::seconds(40)).await,
            "half a minute on"
        );
        assert!(
            sync_announced(t0 + chrono::Duration::days(8)).await,
            "the clock jumped"
        );
    }
}
