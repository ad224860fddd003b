//! Applying a pushed batch of client mutations: each exactly once, in order, with its
//! outcome recorded in the same transaction as its effects.

use crate::db::entity::{account, sync_client, sync_mutation};
use crate::db::txn::write_txn;
use crate::mutations;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QuerySelect, Set,
    TransactionTrait,
};
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::actor::Role;
use wpplay_domain::ids::AccountId;
use wpplay_domain::sync::Outcome;
use wpplay_wire::sync::{ClientMutation, MutationResult, PushResponse};

/// The client id is another account's: a client id names one device of one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("This client id belongs to another account. Generate a new one.")]
pub struct ClientIdTaken;

impl ErrorCode for ClientIdTaken {
    fn code(&self) -> Code {
        Code::ClientIdTaken
    }
}

/// Applies a batch in one transaction (one commit, one `fsync` on SQLite): each mutation
/// in its own savepoint, so a refused one leaves nothing behind, and each recorded with its
/// outcome and the client's last mutation id in the same transaction as its effects. A
/// mutation id seen before answers its recorded outcome instead of applying again. The
/// answer carries the account's feed head after the commit.
pub async fn apply_batch(
    db: &DatabaseConnection,
    account: AccountId,
    role: Role,
    client_id: &str,
    batch: &[ClientMutation],
    now: DateTime<Utc>,
) -> Result<Result<PushResponse, ClientIdTaken>, DbErr> {
    let account_id = account.0;
    let txn = write_txn(db).await?;
    // The client's row is created if new and locked: two pushes of the same client (a
    // retry racing the original) apply one after the other, never side by side.
    sync_client::Entity::insert(sync_client::ActiveModel {
        client_id: Set(client_id.to_owned()),
        account_id: Set(account_id),
        last_mutation_id: Set(0),
        updated_at: Set(now),
    })
    .on_conflict_do_nothing_on([sync_client::Column::ClientId])
    .exec_without_returning(&txn)
    .await?;
    let client = sync_client::Entity::find_by_id(client_id.to_owned())
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("sync client {client_id}")))?;
    if client.account_id != account_id {
        return Ok(Err(ClientIdTaken));
    }
    let mut last = client.last_mutation_id;
    let mut results = Vec::with_capacity(batch.len());
    for m in batch {
        let outcome = if m.mutation_id <= last {
            let recorded = sync_mutation::Entity::find_by_id((client_id.to_owned(), m.mutation_id))
                .one(&txn)
                .await?;
            match recorded {
                Some(r) if r.status == "rejected" => Outcome::Rejected {
                    code: r.code.unwrap_or_default(),
                    message: r.message.unwrap_or_default(),
                },
                Some(_) => Outcome::Applied,
                None => Outcome::Rejected {
                    code: "mutation_out_of_order".to_owned(),
                    message: "This edit is older than edits already applied from this device."
                        .to_owned(),
                },
            }
        } else {
            let savepoint = txn.begin().await?;
            let actor = mutations::actor::load(&savepoint, account, role).await?;
            let outcome = match mutations::apply(&savepoint, &actor, &m.mutation, now).await? {
                Ok(()) => {
                    savepoint.commit().await?;
                    Outcome::Applied
                }
                Err((code, message)) => {
                    savepoint.rollback().await?;
                    Outcome::Rejected {
                        code: code.to_string(),
                        message,
                    }
                }
            };
            record(&txn, account_id, client_id, m.mutation_id, &outcome, now).await?;
            last = m.mutation_id;
            outcome
        };
        results.push(MutationResult {
            mutation_id: m.mutation_id,
            outcome,
        });
    }
    txn.commit().await?;
    let cursor = account::Entity::find_by_id(account_id)
        .one(db)
        .await?
        .map_or(0, |a| a.feed_seq);
    Ok(Ok(PushResponse { results, cursor }))
}

async fn record(
    db: &impl ConnectionTrait,
    account_id: i64,
    client_id: &str,
    mutation_id: i64,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let (status, code, message) = match outcome {
        Outcome::Applied => ("applied", None, None),
        Outcome::Rejected { code, message } => {
            ("rejected", Some(code.clone()), Some(message.clone()))
        }
    };
    sync_mutation::ActiveModel {
        client_id: Set(client_id.to_owned()),
        mutation_id: Set(mutation_id),
        account_id: Set(account_id),
        status: Set(status.to_owned()),
        code: Set(code),
        message: Set(message),
        applied_at: Set(now),
    }
    .insert(db)
    .await?;
    let client = sync_client::ActiveModel {
        client_id: Set(client_id.to_owned()),
        account_id: Set(account_id),
        last_mutation_id: Set(mutation_id),
        updated_at: Set(now),
    };
    client.update(db).await?;
    Ok(())
}
