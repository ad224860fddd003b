//! What a partner's state and package allow: a locked partner changes nothing, and a
//! package bounds its lines and streams.

use super::outcome::{Applied, forbidden};
use crate::db::entity::{package, partner};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::authorize::Forbidden;
use wpplay_domain::ids::AccountId;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_domain::package::{Limited, check_room};

/// A locked partner (trial or period ended unpaid) changes nothing, nor do its dealers.
pub async fn partner_may_work(
    db: &impl ConnectionTrait,
    partner: AccountId,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let Some(p) = partner::Entity::find_by_id(partner.0).one(db).await? else {
        return Ok(Err(forbidden(Forbidden::NoNetwork)));
    };
    let facts = LifecycleFacts {
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
    };
    if facts.state_at(now) == PartnerState::Locked {
        return Ok(Err((
            Code::PartnerLocked,
            "The partner's account is locked until the next payment; changes are refused."
                .to_owned(),
        )));
    }
    Ok(Ok(()))
}

/// Whether the partner's package has room for one more line or stream. The partner's
/// row is locked first, so two devices adding the last free line at the same moment
/// cannot both get it. While a cheaper package waits for the next period, the smaller
/// of the two limits already applies, so the data still fits when it starts.
pub async fn package_room(
    db: &impl ConnectionTrait,
    partner: AccountId,
    kind: Limited,
) -> Result<Applied, DbErr> {
    let Some(p) = partner::Entity::find_by_id(partner.0)
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err(forbidden(Forbidden::NoNetwork)));
    };
    let ids: Vec<i64> = [Some(p.package_id), p.pending_package_id]
        .into_iter()
        .flatten()
        .collect();
    let Some(tightest) = package::Entity::find()
        .filter(package::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .min_by_key(|k| kind.max_of(k.max_subscribers, k.max_streams))
    else {
        return Err(DbErr::RecordNotFound("package".into()));
    };
    let (lines, streams) = crate::usage::lines_and_streams(db, partner.0).await?;
    let used = match kind {
        Limited::Subscribers => lines,
        Limited::Streams => streams,
    };
    let max = kind.max_of(tightest.max_subscribers, tightest.max_streams);
    Ok(check_room(kind, used, max, &tightest.name).map_err(|e| (e.code(), e.message().to_owned())))
}
