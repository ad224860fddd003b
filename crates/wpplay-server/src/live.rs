//! Live updates: "your feed moved" signals for connected clients, which then pull.
//!
//! Every feed write goes through [`crate::feed::append`]. On PostgreSQL it also calls
//! `pg_notify('wpplay_feed', account id)` in the writing transaction, so the signal leaves
//! on commit and reaches every server process that LISTENs (a change made through one
//! process reaches a client connected to another).
//!
//! On SQLite (one machine) the writing process signals itself: every request, and every
//! lifecycle pass, runs inside [`announcing`], which collects the feed rows its
//! transactions appended and signals their accounts once it is over (every transaction
//! in it has committed or rolled back by then; a rolled-back one costs a client one
//! empty pull). A watcher still reads new `change_feed` rows by id every 50 ms, for what
//! operator commands wrote from another process (and for writes made outside a scope,
//! in tasks a request spawned); rows already announced are skipped. SQLite has one
//! writer at a time, so ids grow in commit order. Signals carry no data: the client
//! pulls as usual, so a missed signal only delays a change until the next periodic sync.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, watch};

/// The PostgreSQL channel the feed notifies on.
pub const CHANNEL: &str = "wpplay_feed";

/// A signal for every account (after a lost connection, when signals may be missing).
pub const EVERYONE: i64 = 0;

/// Fans signals out to the event streams of this process.
#[derive(Clone)]
pub struct Live {
    tx: broadcast::Sender<i64>,
    /// True once the server is shutting down: open streams end so it can.
    closing: std::sync::Arc<watch::Sender<bool>>,
    /// Open event streams: per account and in all.
    streams: std::sync::Arc<std::sync::Mutex<StreamCounts>>,
    /// Feed rows (id → account) this process has announced itself; the SQLite watcher
    /// skips them.
    announced: Arc<Mutex<HashMap<i64, i64>>>,
}

tokio::task_local! {
    /// The feed rows (id, account) appended inside the current [`announcing`] scope.
    static WRITTEN: RefCell<Vec<(i64, i64)>>;
}

/// Notes a feed row appended by this task (SQLite only), for [`announcing`] to signal.
/// Outside a scope it does nothing: the watcher will find the row.
pub fn wrote(row_id: i64, account_id: i64) {
    let _ = WRITTEN.try_with(|w| w.borrow_mut().push((row_id, account_id)));
}

/// Runs `work`, then signals the accounts whose feeds it appended to (SQLite; on
/// PostgreSQL nothing is collected, `NOTIFY` signals on commit).
pub async fn announcing<F: Future>(live: &Live, work: F) -> F::Output {
    let (out, written) = WRITTEN
        .scope(RefCell::new(Vec::new()), async {
            let out = work.await;
            (out, WRITTEN.with(RefCell::take))
        })
        .await;
    if !written.is_empty() {
        live.announce(&written);
    }
    out
}

#[derive(Default)]
struct StreamCounts {
    total: usize,
    per_account: std::collections::HashMap<i64, usize>,
}

/// Why an event stream was not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamRefused {
    /// The account has `max_event_streams_per_account` open.
    Account,
    /// The server has `max_event_streams` open.
    Total,
}

/// An open event stream's place; dropping it frees the place.
pub struct StreamSlot {
    streams: std::sync::Arc<std::sync::Mutex<StreamCounts>>,
    account: i64,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut s = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        s.total = s.total.saturating_sub(1);
        if let Some(n) = s.per_account.get_mut(&self.account) {
            *n -= 1;
            if *n == 0 {
                s.per_account.remove(&self.account);
            }
        }
    }
}

impl Default for Live {
    fn default() -> Self {
        Self::new()
    }
}

impl Live {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(4096);
        let (closing, _) = watch::channel(false);
        Self {
            tx,
            closing: std::sync::Arc::new(closing),
            streams: Default::default(),
            announced: Default::default(),
        }
    }

    /// A place for one more event stream of `account`, within the limits.
    pub fn open_stream(
        &self,
        account: i64,
        limits: &crate::settings::Limits,
    ) -> Result<StreamSlot, StreamRefused> {
        let mut s = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        let mine = s.per_account.get(&account).copied().unwrap_or(0);
        if mine >= limits.max_event_streams_per_account {
            return Err(StreamRefused::Account);
        }
        if s.total >= limits.max_event_streams {
            return Err(StreamRefused::Total);
        }
        s.total += 1;
        *s.per_account.entry(account).or_insert(0) += 1;
        Ok(StreamSlot {
            streams: self.streams.clone(),
            account,
        })
    }

    /// Ends every open stream (the server is shutting down).
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Becomes true when the server shuts down.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Signals of accounts whose feed moved ([`EVERYONE`]: any account's may have).
    pub fn subscribe(&self) -> broadcast::Receiver<i64> {
        self.tx.subscribe()
    }

    fn signal(&self, account_id: i64) {
        // No receiver (nobody connected) is fine.
        let _ = self.tx.send(account_id);
    }

    /// Signals the accounts of feed rows this process appended, and remembers the rows
    /// so the watcher does not signal them again.
    fn announce(&self, written: &[(i64, i64)]) {
        {
            let mut announced = self.announced.lock().unwrap_or_else(|p| p.into_inner());
            announced.extend(written.iter().copied());
        }
        let accounts: std::collections::BTreeSet<i64> = written.iter().map(|w| w.1).collect();
        for account in accounts {
            self.signal(account);
        }
    }

    /// Watches the database for feed writes until `stop`.
    pub async fn watch(self, db: DatabaseConnection, stop: watch::Receiver<bool>) {
        match db.get_database_backend() {
            DbBackend::Postgres => self.listen_postgres(db, stop).await,
            _ => self.poll_sqlite(db, stop).await,
        }
    }

    async fn listen_postgres(self, db: DatabaseConnection, mut stop: watch::Receiver<bool>) {
        use sea_orm::sqlx::postgres::PgListener;
        loop {
            let listener = async {
                let mut l = PgListener::connect_with(db.get_postgres_connection_pool()).await?;
                l.listen(CHANNEL).await?;
                Ok::<_, sea_orm::sqlx::Error>(l)
            };
            let mut listener = tokio::select! {
                l = listener => match l {
                    Ok(l) => l,
                    Err(e) => {
                        tracing::warn!(error = %e, "live updates: cannot LISTEN; retrying");
                        tokio::select! {
                            () = tokio::time::sleep(Duration::from_secs(1)) => continue,
                            _ = stop.changed() => return,
                        }
                    }
                },
                _ = stop.changed() => return,
            };
            // Whatever was committed while not listening is announced to everyone.
            self.signal(EVERYONE);
            loop {
                tokio::select! {
                    n = listener.try_recv() => match n {
                        Ok(Some(n)) => match n.payload().parse::<i64>() {
                            Ok(id) => self.signal(id),
                            Err(_) => tracing::warn!(payload = n.payload(), "live updates: a strange notification"),
                        },
                        // The connection dropped; try_recv reconnects on the next call.
                        Ok(None) => self.signal(EVERYONE),
                        Err(e) => {
                            tracing::warn!(error = %e, "live updates: listening failed; reconnecting");
                            break;
                        }
                    },
                    _ = stop.changed() => return,
                }
            }
        }
    }

    async fn poll_sqlite(self, db: DatabaseConnection, mut stop: watch::Receiver<bool>) {
        let newest = async |db: &DatabaseConnection| -> Option<i64> {
            let row = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "SELECT COALESCE(MAX(id), 0) AS id FROM change_feed",
                ))
                .await
                .ok()??;
            row.try_get("", "id").ok()
        };
        let mut last = newest(&db).await.unwrap_or(0);
        loop {
            tokio::select! {
                () = tokio::time::sleep(Duration::from_millis(50)) => {}
                _ = stop.changed() => return,
            }
            let rows = db
                .query_all_raw(Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    "SELECT id, account_id FROM change_feed WHERE id > ? ORDER BY id LIMIT 10000",
                    [last.into()],
                ))
                .await;
            let rows = match rows {
                Ok(rows) => rows,
                Err(e) => {
                    tracing::debug!(error = %e, "live updates: the feed could not be read");
                    continue;
                }
            };
            let mut accounts = std::collections::BTreeSet::new();
            {
                let mut announced = self.announced.lock().unwrap_or_else(|p| p.into_inner());
                for row in rows {
                    let (Ok(id), Ok(account)) = (
                        row.try_get::<i64>("", "id"),
                        row.try_get::<i64>("", "account_id"),
                    ) else {
                        continue;
                    };
                    last = last.max(id);
                    if announced.remove(&id) != Some(account) {
                        accounts.insert(account);
                    }
                }
                // Rows up to `last` that were announced but not read were rolled back
                // (one writer at a time: nothing below `last` can still commit).
                announced.retain(|id, _| *id > last);
            }
            // A purge or restore may have moved the ids back: start again from the top.
            if let Some(top) = newest(&db).await
                && top < last
            {
                last = top;
            }
            for account in accounts {
                self.signal(account);
            }
        }
    }
}

/// In the transaction that appends to these accounts' feeds: tells the listening server
/// processes on commit (PostgreSQL only; SQLite is watched instead), in one statement per
/// few hundred accounts. Several appends in one transaction send one notification per
/// account (PostgreSQL folds identical ones).
pub async fn notify_on_commit(
    db: &impl ConnectionTrait,
    accounts: impl Iterator<Item = i64>,
) -> Result<(), sea_orm::DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let accounts: Vec<i64> = accounts.collect();
    for chunk in accounts.chunks(500) {
        let rows: Vec<String> = (0..chunk.len()).map(|i| format!("(${})", i + 2)).collect();
        let sql = format!(
            "SELECT pg_notify($1, t.account) FROM (VALUES {}) AS t(account)",
            rows.join(", ")
        );
        let mut values: Vec<sea_orm::Value> = vec![CHANNEL.into()];
        values.extend(chunk.iter().map(|id| id.to_string().into()));
        db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            values,
        ))
        .await?;
    }
    Ok(())
}
