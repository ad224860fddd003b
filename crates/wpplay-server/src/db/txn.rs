//! The one way to begin a transaction that writes.

use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

/// Begins a transaction that will write. On SQLite it takes the write lock at `BEGIN`
/// (IMMEDIATE), so two writers (say the server's scheduler and an operator's
/// `lifecycle run`) queue behind each other instead of one failing on a lock upgrade.
/// PostgreSQL ignores the mode and relies on row locks.
pub async fn write_txn(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
