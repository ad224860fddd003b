//! The per-account change feed: every change a user may see, in commit order.
//!
//! Sequence numbers come from the account row (`feed_seq + 1`), taken under that row's
//! write lock in the writing transaction, so within one account a later commit always
//! has a larger number and a reader's cursor never skips a change committed late.
//!
//! A pushed batch appends many entries: it holds them in memory ([`deferring`]) and
//! writes them before its commit ([`flush`]), each account's sequence advanced once.

use crate::db::entity::{change_feed, package, partner, reseller};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set, Statement};
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
/// (`UPDATE … RETURNING`), then every entry in one multi-row insert per 500.
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
    // The first sequence number of each account's entries.
    let mut next_seq: BTreeMap<i64, i64> = BTreeMap::new();
    for (&account_id, &count) in &per_account {
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    sea_orm::DbBackend::Postgres => {
                        "UPDATE accounts SET feed_seq = feed_seq + $1 WHERE id = $2 RETURNING feed_seq"
                    }
                    _ => "UPDATE accounts SET feed_seq = feed_seq + ? WHERE id = ? RETURNING feed_seq",
                },
                [count.into(), account_id.into()],
            ))
            .await?;
        match row {
            Some(row) => {
                let last: i64 = row.try_get("", "feed_seq")?;
                next_seq.insert(account_id, last - count + 1);
                crate::live::notify_on_commit(db, account_id).await?;
            }
            None if account_must_exist => {
                return Err(DbErr::RecordNotFound(format!("account {account_id}")));
            }
            None => {}
        }
    }
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
