//! The per-account change feed: every change a user may see, in commit order.
//!
//! Sequence numbers come from the account row (`feed_seq + 1`), taken under that row's
//! write lock in the writing transaction, so within one account a later commit always
//! has a larger number and a reader's cursor never skips a change committed late.
//!
//! A pushed batch appends many entries: it holds them in memory ([`deferring`]) and
//! writes them before its commit ([`flush`]), each account's sequence advanced once.

use crate::db::entity::{account, change_feed, package, partner, reseller};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wpplay_domain::ids::AccountId;
use wpplay_wire::sync::Entity;

/// One feed entry waiting to be written.
struct Pending {
    account_id: i64,
    entity: &'static str,
    entity_id: String,
    payload: String,
    created_at: DateTime<Utc>,
}

tokio::task_local! {
    /// Entries appended inside [`deferring`], written by [`flush`].
    static DEFERRED: RefCell<Vec<Pending>>;
}

/// Runs `work` with feed appends held in memory until [`flush`] (a pushed batch: one
/// sequence update per account and one multi-row insert instead of two statements per
/// entry). `work` must flush before it commits; what it does not flush is lost.
pub async fn deferring<F: Future>(work: F) -> F::Output {
    DEFERRED.scope(RefCell::new(Vec::new()), work).await
}

/// How many entries wait (inside [`deferring`]): a mark to [`undo_to`].
pub fn mark() -> usize {
    DEFERRED.try_with(|d| d.borrow().len()).unwrap_or(0)
}

/// Forgets the entries appended since `mark` (their savepoint was rolled back).
pub fn undo_to(mark: usize) {
    let _ = DEFERRED.try_with(|d| d.borrow_mut().truncate(mark));
}

/// Writes the waiting entries (inside [`deferring`]; else there are none), in the
/// transaction they belong to. Accounts are taken in id order, so two batches never
/// wait on each other's sequences in a circle; an account deleted meanwhile (a dealer
/// removed later in the batch) has no feed left to write to.
pub async fn flush(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let waiting = DEFERRED
        .try_with(|d| std::mem::take(&mut *d.borrow_mut()))
        .unwrap_or_default();
    write(db, waiting, false).await
}

/// Appends one entity to an account's feed (or, inside [`deferring`], holds it for
/// [`flush`]).
pub async fn append(
    db: &impl ConnectionTrait,
    account: AccountId,
    entity: &Entity,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let (kind, id) = key(account.0, entity);
    let entry = Pending {
        account_id: account.0,
        entity: kind,
        entity_id: id,
        payload: serde_json::to_string(entity).map_err(|e| DbErr::Custom(e.to_string()))?,
        created_at: now,
    };
    if DEFERRED.try_with(|_| ()).is_ok() {
        DEFERRED.with(|d| d.borrow_mut().push(entry));
        return Ok(());
    }
    write(db, vec![entry], true).await
}

/// Writes entries: per account, its sequence advanced once under its row lock
/// (`UPDATE … RETURNING`, accounts with as many entries together), then every entry in
/// one multi-row insert per 500.
async fn write(
    db: &impl ConnectionTrait,
    entries: Vec<Pending>,
    account_must_exist: bool,
) -> Result<(), DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    let backend = db.get_database_backend();
    let mut per_account: BTreeMap<i64, i64> = BTreeMap::new();
    for e in &entries {
        *per_account.entry(e.account_id).or_default() += 1;
    }
    // The first sequence number of each account's entries. Accounts with the same number
    // of entries advance together, in one `UPDATE … RETURNING` per few hundred.
    let mut next_seq: BTreeMap<i64, i64> = BTreeMap::new();
    if backend == sea_orm::DbBackend::Postgres && per_account.len() > 1 {
        // Row locks taken in id order first: two batches never wait on each other's
        // sequences in a circle, whatever order the updates below visit the rows in.
        account::Entity::find()
            .select_only()
            .column(account::Column::Id)
            .filter(account::Column::Id.is_in(per_account.keys().copied()))
            .order_by_asc(account::Column::Id)
            .lock_exclusive()
            .into_tuple::<i64>()
            .all(db)
            .await?;
    }
    let mut by_count: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (&account_id, &count) in &per_account {
        by_count.entry(count).or_default().push(account_id);
    }
    for (count, ids) in by_count {
        for chunk in ids.chunks(500) {
            let advanced = account::Entity::update_many()
                .col_expr(
                    account::Column::FeedSeq,
                    Expr::col(account::Column::FeedSeq).add(count),
                )
                .filter(account::Column::Id.is_in(chunk.iter().copied()))
                .exec_with_returning(db)
                .await?;
            for a in advanced {
                next_seq.insert(a.id, a.feed_seq - count + 1);
            }
        }
    }
    if account_must_exist && next_seq.len() < per_account.len() {
        let missing = per_account.keys().find(|id| !next_seq.contains_key(id));
        return Err(DbErr::RecordNotFound(format!("account {missing:?}")));
    }
    crate::live::notify_on_commit(db, next_seq.keys().copied()).await?;
    let rows: Vec<(i64, change_feed::ActiveModel)> = entries
        .into_iter()
        .filter_map(|e| {
            let seq = next_seq.get_mut(&e.account_id)?;
            let row = change_feed::ActiveModel {
                account_id: Set(e.account_id),
                seq: Set(*seq),
                entity: Set(e.entity.to_owned()),
                entity_id: Set(e.entity_id),
                payload: Set(e.payload),
                created_at: Set(e.created_at),
                ..Default::default()
            };
            *seq += 1;
            Some((e.account_id, row))
        })
        .collect();
    for chunk in rows.chunks(500) {
        let accounts = chunk.iter().map(|(a, _)| *a);
        let insert = change_feed::Entity::insert_many(chunk.iter().map(|(_, r)| r.clone()));
        if backend == sea_orm::DbBackend::Sqlite {
            // The SQLite watcher skips what this process announces itself.
            let ids = insert.exec_with_returning_keys(db).await?;
            for (id, account_id) in ids.into_iter().zip(accounts) {
                crate::live::wrote(id, account_id);
            }
        } else {
            insert.exec_without_returning(db).await?;
        }
    }
    Ok(())
}

/// Appends `entity` to the feed of each account in `to`.
pub async fn publish(
    db: &impl ConnectionTrait,
    to: &[AccountId],
    entity: &Entity,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for account in to {
        append(db, *account, entity, now).await?;
    }
    Ok(())
}

fn key(account_id: i64, entity: &Entity) -> (&'static str, String) {
    match entity {
        Entity::Profile(_) => ("profile", account_id.to_string()),
        Entity::Package(p) => ("package", p.id.to_string()),
        Entity::Subscription(_) => ("subscription", account_id.to_string()),
        Entity::Dealer(d) => ("dealer", d.id.clone()),
        Entity::DealerRemoved(r) => ("dealer", r.id.clone()),
        Entity::Subscriber(s) => ("subscriber", s.id.clone()),
        Entity::SubscriberRemoved(r) => ("subscriber", r.id.clone()),
        Entity::ResellerSettings(_) => ("reseller_settings", account_id.to_string()),
        Entity::PartnerRequest(r) => ("partner_request", r.id.clone()),
        Entity::Link(l) => ("link", format!("{}-{}", l.partner_id, l.reseller_id)),
        Entity::LinkEnded(l) => ("link", format!("{}-{}", l.partner_id, l.reseller_id)),
        Entity::Stream(s) => ("stream", s.id.clone()),
        Entity::StreamRemoved(r) => ("stream", r.id.clone()),
        Entity::Notification(n) => ("notification", n.id.to_string()),
    }
}

/// Publishes everything a new partner sees: profile, package and subscription.
pub async fn publish_partner(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    pkg: &package::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    append(
        db,
        AccountId(p.account_id),
        &Entity::Profile(wire_form::profile(p)),
        now,
    )
    .await?;
    append(
        db,
        AccountId(p.account_id),
        &Entity::Package(wire_form::package(pkg)),
        now,
    )
    .await?;
    append(
        db,
        AccountId(p.account_id),
        &Entity::Subscription(wire_form::subscription(p, now)),
        now,
    )
    .await?;
    Ok(())
}

/// Publishes what a new reseller sees: its profile.
pub async fn publish_reseller(
    db: &impl ConnectionTrait,
    r: &reseller::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    append(
        db,
        AccountId(r.account_id),
        &Entity::Profile(wire_form::reseller_profile(r)),
        now,
    )
    .await?;
    Ok(())
}
