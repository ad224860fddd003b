//! The partner directory resellers browse: partners that serve resellers, each with
//! only the contact details it made visible.

use crate::db::entity::{partner, partner_contact};
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_wire::resellers::{DirectoryEntry, VisibleContacts};

/// The listed partners at `now`, by company. A partner that opted out (or is locked) is
/// not listed, and its details are never read out.
pub async fn listed(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<DirectoryEntry>, DbErr> {
    let partners = partner::Entity::find()
        .filter(partner::Column::OffersResellerServices.eq(true))
        .order_by_asc(partner::Column::Company)
        .all(db)
        .await?;
    let ids: Vec<i64> = partners.iter().map(|p| p.account_id).collect();
    let contacts: HashMap<i64, partner_contact::Model> = partner_contact::Entity::find()
        .filter(partner_contact::Column::AccountId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.account_id, c))
        .collect();
    let entries = partners
        .into_iter()
        .filter(|p| {
            LifecycleFacts {
                trial_ends_at: p.trial_ends_at,
                paid_through: p.paid_through,
            }
            .state_at(now)
                != PartnerState::Locked
        })
        .map(|p| {
            let settings = wire_form::reseller_settings(true, contacts.get(&p.account_id));
            let v = settings.visible;
            let shown = |on: bool, value: Option<String>| value.filter(|_| on);
            DirectoryEntry {
                partner_id: p.account_id,
                company: p.company,
                country: p.country,
                contacts: VisibleContacts {
                    email: shown(v.email, Some(p.email)),
                    phone: shown(v.phone, Some(p.phone)),
                    website: shown(v.website, settings.website),
                    messenger: shown(v.messenger, settings.messenger),
                    address: shown(v.address, settings.address),
                    note: shown(v.note, settings.note),
                },
            }
        })
        .collect();
    Ok(entries)
}
