//! Sync planning: which queued local mutations go to the server next, and what the
//! server's answers mean for the local outbox. Pure; the engines around it do the IO.

use serde::{Deserialize, Serialize};

/// How many mutations one push carries at most.
pub const MAX_PUSH_BATCH: usize = 100;

/// Bumped whenever the shape of the change feed or of a mutation changes.
pub const SCHEMA_VERSION: u32 = 2;

/// A mutation waiting in a client's outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending<M> {
    /// Per-client, strictly increasing.
    pub mutation_id: i64,
    pub mutation: M,
}

/// The next batch to push: the oldest pending mutations in id order, at most `max`.
pub fn next_batch<M: Clone>(pending: &[Pending<M>], max: usize) -> Vec<Pending<M>> {
    let mut batch: Vec<Pending<M>> = pending.to_vec();
    batch.sort_by_key(|p| p.mutation_id);
    batch.truncate(max);
    batch
}

/// What the server did with one mutation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Applied now or by an earlier attempt of the same mutation.
    Applied,
    /// Refused for good: shown to the user to fix or discard, never retried.
    Rejected { code: String, message: String },
}

/// What to do with an outbox entry after the server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutboxStep {
    /// Remove it from the outbox: the server holds the result.
    Done,
    /// Keep it out of the queue and show the rejection.
    ShowRejection { code: String, message: String },
}

/// Maps a server outcome to the local step.
pub fn step_for(outcome: &Outcome) -> OutboxStep {
    match outcome {
        Outcome::Applied => OutboxStep::Done,
        Outcome::Rejected { code, message } => OutboxStep::ShowRejection {
            code: code.clone(),
            message: message.clone(),
        },
    }
}

/// Checks that a pulled page continues the cursor without a gap or a step back.
pub fn page_continues(cursor: i64, first_seq: Option<i64>, new_cursor: i64) -> bool {
    first_seq.is_none_or(|first| first > cursor) && new_cursor >= cursor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_go_out_in_mutation_order() {
        let pending: Vec<Pending<&str>> = [5, 2, 9, 3]
            .into_iter()
            .map(|id| Pending {
                mutation_id: id,
                mutation: "edit",
            })
            .collect();
        let ids: Vec<i64> = next_batch(&pending, 3)
            .iter()
            .map(|p| p.mutation_id)
            .collect();
        assert_eq!(ids, [2, 3, 5], "oldest first, capped at the batch size");
        assert!(next_batch::<&str>(&[], 3).is_empty());
    }

    #[test]
    fn outcomes_map_to_outbox_steps() {
        assert_eq!(step_for(&Outcome::Applied), OutboxStep::Done);
        let rejected = Outcome::Rejected {
            code: "invalid_phone".into(),
            message: "bad".into(),
        };
        assert!(
            matches!(step_for(&rejected), OutboxStep::ShowRejection { code, .. } if code == "invalid_phone")
        );
    }

    #[test]
    fn a_page_must_continue_the_cursor() {
        assert!(page_continues(10, Some(11), 15));
        assert!(
            page_continues(10, None, 10),
            "an empty page keeps the cursor"
        );
        assert!(
            !page_continues(10, Some(10), 15),
            "a change at or before the cursor is a replay"
        );
        assert!(!page_continues(10, None, 9), "the cursor never goes back");
    }
}
