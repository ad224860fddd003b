//! The effects of client mutations pushed through the sync spine, one module per family.
//!
//! Each mutation runs inside the push's transaction for that mutation. Its family's rule
//! (`wpplay_domain::authorize`) decides first whether the actor may make it at all; then
//! it either writes its effects and their feed entries, or answers a refusal
//! (`outcome::Refusal`) and writes nothing.

pub mod actor;
mod allowance;
pub(crate) mod audit;
mod content;
mod dealers;
pub(crate) mod links;
mod outcome;
mod profile;
mod resellers;
mod subscribers;

use allowance::partner_may_work;
use chrono::{DateTime, Utc};
pub use outcome::Refusal;
use outcome::{Applied, forbidden};
use sea_orm::{DatabaseTransaction, DbErr, SqlErr};
use wpplay_domain::Code;
use wpplay_domain::actor::Actor;
use wpplay_domain::authorize::{self, RequestStep};
use wpplay_wire::sync::Mutation;

/// Mutations decided together with their neighbours of the same kind: what a run
/// needs is read once and written in multi-row statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// Dealers' details and status.
    DealerEdits,
    /// New dealers.
    NewDealers,
}

impl Run {
    /// The run a mutation belongs in, if any.
    pub fn of(m: &Mutation) -> Option<Self> {
        if dealers::is_edit(m) {
            Some(Self::DealerEdits)
        } else if dealers::is_create(m) {
            Some(Self::NewDealers)
        } else {
            None
        }
    }
}

/// Applies a run of mutations of one [`Run`] kind for `actor`, in order, each refused or
/// applied on its own as [`apply`] would, but decided together: no savepoint is needed,
/// since every refusal is known before anything is written.
pub async fn apply_run(
    db: &DatabaseTransaction,
    actor: &Actor,
    run: Run,
    ms: &[&Mutation],
    now: DateTime<Utc>,
) -> Result<Vec<Result<audit::Change, Refusal>>, DbErr> {
    let all = |r: Refusal| Ok(ms.iter().map(|_| Err(r.clone())).collect());
    if ms.iter().any(|m| Run::of(m) != Some(run)) {
        return all((Code::Forbidden, "Not one kind of change.".to_owned()));
    }
    let partner = match authorize::dealers(actor) {
        Ok(partner) => partner,
        Err(f) => return all(forbidden(f)),
    };
    if let Err(refusal) = partner_may_work(db, partner, now).await? {
        return all(refusal);
    }
    match run {
        Run::DealerEdits => dealers::edit_many(db, partner, ms, now).await,
        Run::NewDealers => dealers::create_many(db, partner, ms, now).await,
    }
}

/// Applies one mutation for `actor` inside the caller's savepoint. Accepted, it answers
/// the audit entry to write with the batch's; refused, the caller rolls the savepoint
/// back, so nothing of it is left. A unique or foreign key clash with a change committed
/// at the same moment is a refusal too, instead of failing the push again on every
/// retry.
pub async fn apply(
    db: &DatabaseTransaction,
    actor: &Actor,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Result<audit::Change, Refusal>, DbErr> {
    if let Some(run) = Run::of(m) {
        let mut one = apply_run(db, actor, run, &[m], now).await?;
        return Ok(one
            .pop()
            .unwrap_or_else(|| Err((Code::Forbidden, "Not a dealer edit.".to_owned()))));
    }
    let target = audit::target(actor, m);
    let before = audit::snapshot(db, target.0, &target.1).await?;
    let outcome = match effects(db, actor, m, now).await {
        Ok(outcome) => outcome,
        Err(e)
            if matches!(
                e.sql_err(),
                Some(
                    SqlErr::UniqueConstraintViolation(_) | SqlErr::ForeignKeyConstraintViolation(_)
                )
            ) =>
        {
            Err((
                Code::ConcurrentChange,
                "This change clashed with another one made at the same moment. Check the current state and try again."
                    .to_owned(),
            ))
        }
        Err(e) => return Err(e),
    };
    if let Err(refusal) = outcome {
        return Ok(Err(refusal));
    }
    let after = audit::snapshot(db, target.0, &target.1).await?;
    Ok(Ok(audit::Change {
        action: audit::action(m),
        target,
        before,
        after,
    }))
}

/// The effects of one mutation on the actor's own things: its profile and reseller
/// settings, a reseller's requests. The rest happens in a partner's network.
async fn effects(
    db: &DatabaseTransaction,
    actor: &Actor,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    match m {
        Mutation::UpdateProfile {
            contact_person,
            phone,
        } => match authorize::profile(actor) {
            Ok(()) => profile::update(db, actor, contact_person, phone, now).await,
            Err(f) => Ok(Err(forbidden(f))),
        },
        // Everyone chooses their own language.
        Mutation::SetLanguage { language } => profile::set_language(db, actor, language).await,
        Mutation::SetNotificationPreferences { preferences } => match authorize::profile(actor) {
            Ok(()) => profile::set_notification_preferences(db, actor, *preferences, now).await,
            Err(f) => Ok(Err(forbidden(f))),
        },
        Mutation::UpdateResellerSettings {
            base_version,
            offers_reseller_services,
            website,
            messenger,
            address,
            note,
            visible,
        } => {
            if let Err(f) = authorize::reseller_settings(actor) {
                return Ok(Err(forbidden(f)));
            }
            let change = resellers::Change {
                base_version: *base_version,
                offers: *offers_reseller_services,
                website: website.as_deref(),
                messenger: messenger.as_deref(),
                address: address.as_deref(),
                note: note.as_deref(),
                visible: *visible,
            };
            resellers::update(db, actor, change, now).await
        }
        Mutation::RequestPartner {
            request_id,
            partner_id,
            message,
        } => match authorize::requests(actor, RequestStep::Send) {
            Ok(()) => links::request(db, actor, request_id, *partner_id, message, now).await,
            Err(f) => Ok(Err(forbidden(f))),
        },
        Mutation::WithdrawRequest { request_id } => {
            match authorize::requests(actor, RequestStep::Withdraw) {
                Ok(()) => links::withdraw(db, actor, request_id, now).await,
                Err(f) => Ok(Err(forbidden(f))),
            }
        }
        _ => network(db, actor, m, now).await,
    }
}

/// Dealer, line, link and content changes: inside the network the family's rule names,
/// and only while its partner may work.
async fn network(
    db: &DatabaseTransaction,
    actor: &Actor,
    m: &Mutation,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let rule = match m {
        Mutation::CreateDealer { .. }
        | Mutation::UpdateDealer { .. }
        | Mutation::ResetDealerPassword { .. }
        | Mutation::SetDealerStatus { .. }
        | Mutation::DeleteDealer { .. } => authorize::dealers(actor),
        Mutation::AnswerRequest { .. } | Mutation::RemoveReseller { .. } => authorize::links(actor),
        Mutation::AddStream { .. } | Mutation::RemoveStream { .. } => authorize::content(actor),
        _ => authorize::subscribers(actor),
    };
    let partner = match rule {
        Ok(partner) => partner,
        Err(f) => return Ok(Err(forbidden(f))),
    };
    if let Err(refusal) = partner_may_work(db, partner, now).await? {
        return Ok(Err(refusal));
    }
    match m {
        Mutation::CreateDealer { .. }
        | Mutation::UpdateDealer { .. }
        | Mutation::ResetDealerPassword { .. }
        | Mutation::SetDealerStatus { .. }
        | Mutation::DeleteDealer { .. } => dealers::apply(db, partner, m, now).await,
        Mutation::AnswerRequest {
            request_id,
            accept,
            reason,
        } => links::answer(db, partner, request_id, *accept, reason.as_deref(), now).await,
        Mutation::RemoveReseller {
            reseller_id,
            reason,
        } => links::remove(db, partner, *reseller_id, reason, now).await,
        Mutation::AddStream {
            stream_id,
            name,
            category,
            stream_url,
        } => content::add(db, partner, stream_id, name, category, stream_url, now).await,
        Mutation::RemoveStream { stream_id } => content::remove(db, partner, stream_id, now).await,
        _ => subscribers::apply(db, actor, partner, m, now).await,
    }
}
