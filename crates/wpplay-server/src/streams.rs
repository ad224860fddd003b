//! Reading a partner's IP streams catalog: the partner itself, its linked resellers and
//! the operator may; a locked partner's catalog is closed to it and to its resellers.

use crate::db::entity::{content_stream, partner, reseller_link};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use thiserror::Error;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::actor::Role;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_wire::resellers::Stream;

/// Who asks to see a catalog.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub account: i64,
    pub role: Role,
    /// For a partner: its own trial or paid period ended unpaid.
    pub locked: bool,
}

/// Why the catalog is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Refused {
    #[error(
        "Only the partner's linked resellers see its content. Send a Request for Partner first."
    )]
    NotLinked,
    /// The partner is locked until its next payment (worded for the viewer's role).
    #[error("The partner's account is locked until its next payment.")]
    Locked,
}

impl ErrorCode for Refused {
    fn code(&self) -> Code {
        match self {
            Self::NotLinked => Code::NotLinked,
            Self::Locked => Code::PartnerLocked,
        }
    }
}

/// The streams of `partner_id`, by category and name, if `viewer` may see them at `now`.
pub async fn catalog(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    partner_id: i64,
    now: DateTime<Utc>,
) -> Result<Result<Vec<Stream>, Refused>, DbErr> {
    let own = viewer.role == Role::Partner && viewer.account == partner_id;
    let linked = viewer.role == Role::Reseller
        && reseller_link::Entity::find_by_id((partner_id, viewer.account))
            .count(db)
            .await?
            > 0;
    if !(own || linked || viewer.role == Role::Operator) {
        return Ok(Err(Refused::NotLinked));
    }
    if own && viewer.locked {
        return Ok(Err(Refused::Locked));
    }
    if linked {
        let p = partner::Entity::find_by_id(partner_id).one(db).await?;
        let locked = p.is_some_and(|p| {
            LifecycleFacts {
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            }
            .state_at(now)
                == PartnerState::Locked
        });
        if locked {
            return Ok(Err(Refused::Locked));
        }
    }
    let streams = content_stream::Entity::find()
        .filter(content_stream::Column::PartnerId.eq(partner_id))
        .order_by_asc(content_stream::Column::Category)
        .order_by_asc(content_stream::Column::Name)
        .all(db)
        .await?;
    Ok(Ok(streams.iter().map(wire_form::stream).collect()))
}
