//! What the UI shows changed: a revision bumped by every write the views read, each
//! announced once with the areas it touched, so screens, the tray and notifications read
//! again only when, and only what, changed. Nothing polls the core.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::broadcast;
use ts_rs::TS;
use wpplay_wire::sync::{Entity, Mutation};

/// A part of what the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Area {
    /// Signed in, out, or as someone else: everything may differ.
    Session,
    /// Online or not, edits waiting or refused, the last error, a pull's progress.
    Sync,
    /// The account's profile.
    Profile,
    /// The package and the subscription (trial, paid period, lock).
    Billing,
    Dealers,
    Subscribers,
    /// Requests for Partner and reseller links, on either side.
    Resellers,
    /// The partner's reseller settings.
    Settings,
    /// The partner's streams.
    Content,
    Notifications,
    /// The minute changed: relative times, expiries and reminders move on.
    Time,
}

impl Area {
    /// Every area: what a reader that missed announcements must assume changed.
    pub const ALL: [Area; 11] = [
        Area::Session,
        Area::Sync,
        Area::Profile,
        Area::Billing,
        Area::Dealers,
        Area::Subscribers,
        Area::Resellers,
        Area::Settings,
        Area::Content,
        Area::Notifications,
        Area::Time,
    ];

    /// The area a pulled entity belongs to.
    pub fn of_entity(entity: &Entity) -> Area {
        match entity {
            Entity::Profile(_) => Area::Profile,
            Entity::Package(_) | Entity::Subscription(_) => Area::Billing,
            Entity::Dealer(_) | Entity::DealerRemoved(_) => Area::Dealers,
            Entity::Subscriber(_) | Entity::SubscriberRemoved(_) => Area::Subscribers,
            Entity::ResellerSettings(_) => Area::Settings,
            Entity::PartnerRequest(_) | Entity::Link(_) | Entity::LinkEnded(_) => Area::Resellers,
            Entity::Stream(_) | Entity::StreamRemoved(_) => Area::Content,
            Entity::Notification(_) => Area::Notifications,
        }
    }

    /// The area a local edit shows in (besides [`Area::Sync`], which counts it).
    pub fn of_mutation(mutation: &Mutation) -> Area {
        match mutation {
            Mutation::UpdateProfile { .. }
            | Mutation::SetLanguage { .. }
            | Mutation::SetNotificationPreferences { .. } => Area::Profile,
            Mutation::CreateDealer { .. }
            | Mutation::UpdateDealer { .. }
            | Mutation::ResetDealerPassword { .. }
            | Mutation::SetDealerStatus { .. }
            | Mutation::DeleteDealer { .. } => Area::Dealers,
            Mutation::CreateSubscriber { .. }
            | Mutation::UpdateSubscriber { .. }
            | Mutation::ExtendSubscriber { .. }
            | Mutation::RemoveSubscriber { .. } => Area::Subscribers,
            Mutation::UpdateResellerSettings { .. } => Area::Settings,
            Mutation::RequestPartner { .. }
            | Mutation::WithdrawRequest { .. }
            | Mutation::AnswerRequest { .. }
            | Mutation::RemoveReseller { .. } => Area::Resellers,
            Mutation::AddStream { .. } | Mutation::RemoveStream { .. } => Area::Content,
        }
    }
}

/// One announcement: the revision it brought the views to, and what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ViewChange {
    #[ts(type = "number")]
    pub revision: u64,
    pub areas: Vec<Area>,
}

impl ViewChange {
    pub fn touches(&self, area: Area) -> bool {
        self.areas.contains(&area)
    }
}

/// Announces changes to whoever listens (the shell forwards them to the window, the tray
/// and the notification raiser). Cheap to clone; clones announce on the same channel.
#[derive(Debug, Clone)]
pub struct Changes {
    sender: broadcast::Sender<ViewChange>,
    revision: Arc<AtomicU64>,
}

impl Default for Changes {
    fn default() -> Self {
        Self::new()
    }
}

impl Changes {
    pub fn new() -> Self {
        // A listener that falls this far behind hears "everything changed" instead.
        let (sender, _) = broadcast::channel(256);
        Self {
            sender,
            revision: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Bumps the revision and tells every listener what changed (nothing if `areas` is
    /// empty).
    pub fn announce(&self, areas: impl IntoIterator<Item = Area>) {
        let areas: BTreeSet<Area> = areas.into_iter().collect();
        if areas.is_empty() {
            return;
        }
        let revision = self.revision.fetch_add(1, Ordering::AcqRel) + 1;
        // No listener (headless tests, a core without a window) is not an error.
        let _ = self.sender.send(ViewChange {
            revision,
            areas: areas.into_iter().collect(),
        });
    }

    /// The revision of what the views show now.
    pub fn revision(&self) -> u64 {
        self.revision.load(Ordering::Acquire)
    }

    /// A listener for the announcements from now on.
    pub fn listen(&self) -> Listener {
        Listener {
            receiver: self.sender.subscribe(),
            revision: self.revision.clone(),
        }
    }
}

/// Hears announcements in order; one that fell behind hears one "everything changed".
#[derive(Debug)]
pub struct Listener {
    receiver: broadcast::Receiver<ViewChange>,
    revision: Arc<AtomicU64>,
}

impl Listener {
    /// The next change, or `None` once the core is gone.
    pub async fn next(&mut self) -> Option<ViewChange> {
        match self.receiver.recv().await {
            Ok(change) => Some(change),
            Err(broadcast::error::RecvError::Lagged(_)) => Some(ViewChange {
                revision: self.revision.load(Ordering::Acquire),
                areas: Area::ALL.to_vec(),
            }),
            Err(broadcast::error::RecvError::Closed) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn each_announcement_is_heard_once_with_a_higher_revision() {
        let changes = Changes::new();
        let mut listener = changes.listen();
        changes.announce([Area::Dealers, Area::Sync, Area::Dealers]);
        changes.announce([]);
        changes.announce([Area::Time]);
        let first = listener.next().await.expect("the first change");
        assert_eq!(
            first.areas,
            vec![Area::Sync, Area::Dealers],
            "areas once each, in order"
        );
        let second = listener.next().await.expect("the second change");
        assert_eq!(
            second.areas,
            vec![Area::Time],
            "an empty announcement is no change"
        );
        assert!(second.revision > first.revision, "revisions grow");
        assert_eq!(changes.revision(), second.revision);
    }

    #[tokio::test]
    async fn a_listener_that_fell_behind_hears_that_everything_changed() {
        let changes = Changes::new();
        let mut listener = changes.listen();
        for _ in 0..300 {
            changes.announce([Area::Dealers]);
        }
        let change = listener.next().await.expect("a change");
        assert_eq!(
            change.areas,
            Area::ALL.to_vec(),
            "missed announcements: read everything"
        );
        assert_eq!(change.revision, 300);
    }
}
