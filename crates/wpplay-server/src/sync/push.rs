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
use wpplay_wire::sync::{ClientMutation, Mutation, MutationResult, PushResponse};

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
///
/// What every mutation of the batch shares is done once: the actor is read once; feed
/// entries, audit entries and outcomes wait in memory and go in multi-row inserts before
/// the commit (outcomes also before a run of new dealers, whose "username taken" ration counts
/// them); the client's row is written once. A run of dealer edits, or of new dealers, is
/// decided together in memory and written in a few statements (`mutations::apply_run`).
pub async fn apply_batch(
    db: &DatabaseConnection,
    account: AccountId,
    role: Role,
    client_id: &str,
    batch: &[ClientMutation],
    now: DateTime<Utc>,
) -> Result<Result<PushResponse, ClientIdTaken>, DbErr> {
    let applied = crate::feed::deferring(apply_in_one_transaction(
        db, account, role, client_id, batch, now,
    ))
    .await?;
    let results = match applied {
        Ok(results) => results,
        Err(taken) => return Ok(Err(taken)),
    };
    let cursor = account::Entity::find_by_id(account.0)
        .one(db)
        .await?
        .map_or(0, |a| a.feed_seq);
    Ok(Ok(PushResponse { results, cursor }))
}

async fn apply_in_one_transaction(
    db: &DatabaseConnection,
    account: AccountId,
    role: Role,
    client_id: &str,
    batch: &[ClientMutation],
    now: DateTime<Utc>,
) -> Result<Result<Vec<MutationResult>, ClientIdTaken>, DbErr> {
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
    let actor = mutations::actor::load(&txn, account, role).await?;
    let first_new = client.last_mutation_id;
    let mut last = first_new;
    let mut outcomes = Outcomes::default();
    let mut changes = Vec::new();
    let mut results = Vec::with_capacity(batch.len());
    let mut i = 0;
    while i < batch.len() {
        let m = &batch[i];
        if let Some(kind) = mutations::Run::of(&m.mutation).filter(|_| m.mutation_id > last) {
            // A run of one kind is decided together (a batch's ids strictly increase, so
            // every later mutation is new too). New dealers count the "username taken"
            // answers recorded so far.
            let run: Vec<&ClientMutation> = batch[i..]
                .iter()
                .take_while(|m| mutations::Run::of(&m.mutation) == Some(kind))
                .collect();
            if kind == mutations::Run::NewDealers {
                outcomes.write(&txn).await?;
            }
            let ms: Vec<&Mutation> = run.iter().map(|m| &m.mutation).collect();
            let decided = mutations::apply_run(&txn, &actor, kind, &ms, now).await?;
            for (m, decided) in run.iter().zip(decided) {
                let outcome = match decided {
                    Ok(change) => {
                        changes.push(change);
                        Outcome::Applied
                    }
                    Err((code, message)) => Outcome::Rejected {
                        code: code.to_string(),
                        message,
                    },
                };
                outcomes.add(account_id, client_id, m.mutation_id, &outcome, now);
                last = m.mutation_id;
                results.push(MutationResult {
                    mutation_id: m.mutation_id,
                    outcome,
                });
            }
            i += run.len();
            continue;
        }
        i += 1;
        let outcome = if m.mutation_id <= last {
            match Outcomes::recorded(&txn, client_id, m.mutation_id).await? {
                Some(outcome) => outcome,
                None => Outcome::Rejected {
                    code: "mutation_out_of_order".to_owned(),
                    message: "This edit is older than edits already applied from this device."
                        .to_owned(),
                },
            }
        } else {
            let savepoint = txn.begin().await?;
            let mark = crate::feed::mark();
            let outcome = match mutations::apply(&savepoint, &actor, &m.mutation, now).await? {
                Ok(change) => {
                    savepoint.commit().await?;
                    changes.push(change);
                    Outcome::Applied
                }
                Err((code, message)) => {
                    savepoint.rollback().await?;
                    crate::feed::undo_to(mark);
                    Outcome::Rejected {
                        code: code.to_string(),
                        message,
                    }
                }
            };
            outcomes.add(account_id, client_id, m.mutation_id, &outcome, now);
            last = m.mutation_id;
            outcome
        };
        results.push(MutationResult {
            mutation_id: m.mutation_id,
            outcome,
        });
    }
    crate::feed::flush(&txn).await?;
    mutations::audit::record_all(&txn, &actor, changes, now).await?;
    outcomes.write(&txn).await?;
    if last != first_new {
        sync_client::ActiveModel {
            client_id: Set(client_id.to_owned()),
            account_id: Set(account_id),
            last_mutation_id: Set(last),
            updated_at: Set(now),
        }
        .update(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(results))
}

/// The batch's outcome rows, written together. (A batch's mutation ids strictly
/// increase, so a mutation id seen before is always one of an earlier batch, written.)
#[derive(Default)]
struct Outcomes {
    waiting: Vec<sync_mutation::ActiveModel>,
}

impl Outcomes {
    fn add(
        &mut self,
        account_id: i64,
        client_id: &str,
        mutation_id: i64,
        outcome: &Outcome,
        now: DateTime<Utc>,
    ) {
        let (status, code, message) = match outcome {
            Outcome::Applied => ("applied", None, None),
            Outcome::Rejected { code, message } => {
                ("rejected", Some(code.clone()), Some(message.clone()))
            }
        };
        self.waiting.push(sync_mutation::ActiveModel {
            client_id: Set(client_id.to_owned()),
            mutation_id: Set(mutation_id),
            account_id: Set(account_id),
            status: Set(status.to_owned()),
            code: Set(code),
            message: Set(message),
            applied_at: Set(now),
        });
    }

    /// What was recorded for a mutation id already applied (or refused) from this client.
    async fn recorded(
        db: &impl ConnectionTrait,
        client_id: &str,
        mutation_id: i64,
    ) -> Result<Option<Outcome>, DbErr> {
        let recorded = sync_mutation::Entity::find_by_id((client_id.to_owned(), mutation_id))
            .one(db)
            .await?;
        Ok(recorded.map(|r| {
            if r.status == "rejected" {
                Outcome::Rejected {
                    code: r.code.unwrap_or_default(),
                    message: r.message.unwrap_or_default(),
                }
            } else {
                Outcome::Applied
            }
        }))
    }

    async fn write(&mut self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        for chunk in std::mem::take(&mut self.waiting).chunks(200) {
            sync_mutation::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(db)
                .await?;
        }
        Ok(())
    }
}
