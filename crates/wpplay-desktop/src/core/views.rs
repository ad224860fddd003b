//! What the UI reads (the dashboard, sync status) and the edits it queues.

use crate::commands::{MutationArgs, UpdateProfileArgs};
use crate::error::{CoreResult, not_signed_in};
use crate::view::{Dashboard, RejectedEdit, SessionView, SubscriptionView, SyncStatus};
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::clock::Clock;
use wpplay_domain::lifecycle::{LifecycleFacts, days_left};
use wpplay_domain::notify::NotificationPreferences;
use wpplay_domain::registration::ProfileEdit;
use wpplay_i18n::{Args, Lang, Later};
use wpplay_wire::ErrorBody;
use wpplay_wire::resellers::Notification;
use wpplay_wire::sync::{Entity, Mutation, Profile};

use super::state::{Core, Session};

impl Core {
    /// Notifications to raise natively, each once, ever: those that arrived (online, or
    /// while the app was closed or offline), and the lifecycle alerts computed here.
    pub async fn take_new_notifications(&self) -> CoreResult<Vec<Notification>> {
        let guard = self.session.read().await;
        let Some(s) = guard.as_ref() else {
            return Ok(Vec::new());
        };
        let now = self.cfg.clock.now();
        // What the partner chose to see natively (each taken counts as raised either way,
        // so a topic turned on again does not bring back old news).
        let chosen = preferences(s).await?;
        let wanted = |kind: &str| chosen.is_none_or(|p| p.for_kind(kind).in_app);
        // The server's own lifecycle reminders stay in the in-app list; natively, the app
        // raises the ones it computes itself, which also fire offline.
        let mut out: Vec<Notification> = s
            .replica
            .take_unraised_notifications(now)
            .await?
            .into_iter()
            .filter(|n| !super::alerts::COMPUTED_HERE.contains(&n.kind.as_str()))
            .filter(|n| wanted(&n.kind))
            .collect();
        let alerts = super::alerts::take(s, self.cfg.time_zone, self.lang_now(), now).await?;
        out.extend(alerts.into_iter().filter(|n| wanted(&n.kind)));
        Ok(out)
    }

    /// The dashboard, read from the replica with pending edits laid over it. It hands
    /// out the keychain notice (once).
    pub async fn dashboard(&self) -> CoreResult<Dashboard> {
        let mut dash = self.dashboard_view().await?;
        dash.keychain_notice = self.take_keychain_notice();
        Ok(dash)
    }

    /// [`Core::dashboard`] without taking the keychain notice: for readers other than the
    /// window (the tray), which must not swallow what the user is to be told.
    pub(super) async fn dashboard_view(&self) -> CoreResult<Dashboard> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let mut profile = None;
        let mut package = None;
        let mut subscription = None;
        for kind in ["profile", "package", "subscription"] {
            for e in s.replica.entities(kind).await? {
                match e {
                    Entity::Profile(p) => profile = Some(p),
                    Entity::Package(p) => package = Some(p),
                    Entity::Subscription(sub) => subscription = Some(sub),
                    _ => {}
                }
            }
        }
        if let Some(p) = profile.as_mut() {
            for pending in s.replica.unpulled().await? {
                overlay(p, &pending.mutation);
            }
        }
        let now = self.cfg.clock.now();
        // The state is recomputed from the facts with the local clock, so it stays right
        // offline: a trial that ended while the server was unreachable shows as locked.
        let subscription = subscription.map(|sub| {
            let facts = LifecycleFacts {
                trial_ends_at: sub.trial_ends_at,
                paid_through: sub.paid_through,
            };
            SubscriptionView {
                state: facts.state_at(now).as_str().to_owned(),
                days_left: days_left(facts.access_ends_at(), now),
                trial_ends_at: sub.trial_ends_at,
                paid_through: sub.paid_through,
                access_ends_at: facts.access_ends_at(),
                ends_with_trial: facts.ends_with_trial(),
                purge_at: facts.purge_at(),
                days_to_purge: days_left(facts.purge_at(), now),
                next_invoice_at: wpplay_domain::billing::invoice_due(
                    facts.access_ends_at(),
                    self.cfg.time_zone,
                ),
            }
        });
        let sync = status_of(s, self.lang_now()).await?;
        Ok(Dashboard {
            session: view_of(s),
            profile,
            package,
            subscription,
            sync,
            clock_ahead_ms: (now - wpplay_clock::SystemClock.now()).num_milliseconds(),
            keychain_notice: None,
        })
    }

    /// Edits the contact person and phone; works offline and syncs later.
    pub async fn update_profile(&self, args: UpdateProfileArgs) -> CoreResult<Dashboard> {
        let edit = ProfileEdit::validate(&args.contact_person, &args.phone)
            .map_err(|e| ErrorBody::new(e.code(), e.to_string()))?;
        {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            let mutation = Mutation::UpdateProfile {
                contact_person: edit.contact_person,
                phone: edit.phone,
            };
            s.replica
                .enqueue(
                    &mutation,
                    &Later::new("edit-profile", Args::new()).to_json(),
                    self.cfg.clock.now(),
                )
                .await?;
        }
        self.wake.notify_one();
        self.dashboard().await
    }

    /// The partner chooses how news reaches it (synced like any edit; the app's own
    /// notifications follow it at once).
    pub async fn set_notification_preferences(
        &self,
        args: NotificationPreferences,
    ) -> CoreResult<Dashboard> {
        let preferences = args
            .validated()
            .map_err(|e| ErrorBody::new(e.code(), e.to_string()))?;
        {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            s.replica
                .enqueue(
                    &Mutation::SetNotificationPreferences { preferences },
                    &Later::new("edit-notifications", Args::new()).to_json(),
                    self.cfg.clock.now(),
                )
                .await?;
        }
        self.wake.notify_one();
        self.dashboard().await
    }

    /// Forgets a refused edit.
    pub async fn discard_rejected(&self, args: MutationArgs) -> CoreResult<SyncStatus> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        s.replica.discard(args.mutation_id).await?;
        status_of(s, self.lang_now()).await
    }
}

pub(super) fn view_of(s: &Session) -> SessionView {
    SessionView {
        server_url: s.api.base().to_owned(),
        username: s.username.clone(),
        role: s.role,
        must_change_password: s.must_change_password,
        second_factor_setup_required: s.second_factor_setup,
    }
}

pub(super) async fn status_of(s: &Session, lang: Lang) -> CoreResult<SyncStatus> {
    let state = s.replica.state().await?;
    let rejected = s
        .replica
        .rejected()
        .await?
        .into_iter()
        .map(|r| RejectedEdit {
            mutation_id: r.mutation_id,
            summary: Later::word(&r.summary, lang),
            code: Code::parse(r.reject_code.as_deref().unwrap_or_default()),
            message: r.reject_message.unwrap_or_default(),
        })
        .collect();
    let last_error = s.last_error.clone().or_else(|| {
        state.last_error_code.clone().map(|code| {
            ErrorBody::new(
                Code::parse(&code),
                state.last_error_message.clone().unwrap_or_default(),
            )
        })
    });
    Ok(SyncStatus {
        online: s.online,
        last_sync_at: state.last_sync_at,
        pending_changes: s.replica.pending_count().await?,
        rejected,
        last_error,
        progress: s
            .replica
            .progress()
            .map(|(done, total)| crate::view::SyncProgress { done, total }),
    })
}

/// Lays a pending edit over the profile the server last sent.
fn overlay(p: &mut Profile, m: &Mutation) {
    match m {
        Mutation::UpdateProfile {
            contact_person,
            phone,
        } => {
            p.contact_person.clone_from(contact_person);
            p.phone.clone_from(phone);
        }
        Mutation::SetNotificationPreferences { preferences } => p.notifications = *preferences,
        _ => {}
    }
}

/// The partner's notification preferences as the replica has them, with a choice still
/// waiting to sync laid over; `None` for an account without a profile of its own.
async fn preferences(s: &Session) -> CoreResult<Option<NotificationPreferences>> {
    let mut profile = s
        .replica
        .entities("profile")
        .await?
        .into_iter()
        .find_map(|e| match e {
            Entity::Profile(p) => Some(p),
            _ => None,
        });
    if let Some(p) = profile.as_mut() {
        for pending in s.replica.unpulled().await? {
            overlay(p, &pending.mutation);
        }
    }
    Ok(profile.map(|p| p.notifications))
}
