//! What a partner sees of its billing: where it stands, its package, invoices and
//! payments, and each invoice as a PDF.

use super::pdf::{self, Issuer};
use super::{facts, invoice_view};
use crate::db::entity::{invoice, package, partner, payment};
use crate::settings::Settings;
use crate::wire_form;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use wpplay_domain::lifecycle::days_left;
use wpplay_wire::billing::{BillingView, PaymentView};

/// The partner's billing at `now`; `None` if it is no partner (or its package is gone).
pub async fn view(
    db: &impl ConnectionTrait,
    tz: Tz,
    partner_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<BillingView>, DbErr> {
    let Some(p) = partner::Entity::find_by_id(partner_id).one(db).await? else {
        return Ok(None);
    };
    let f = facts(&p, tz);
    let Some(current) = package::Entity::find_by_id(p.package_id)
        .one(db)
        .await?
        .map(|p| wire_form::package(&p))
    else {
        return Ok(None);
    };
    let next = match p.pending_package_id {
        Some(id) => package::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| wire_form::package(&p)),
        None => None,
    };
    let invoices = invoice::Entity::find()
        .filter(invoice::Column::PartnerId.eq(p.account_id))
        .order_by_desc(invoice::Column::Id)
        .all(db)
        .await?;
    let numbers: HashMap<i64, String> = invoices.iter().map(|i| (i.id, i.number.clone())).collect();
    // The partner's own payments: not the bank's bookkeeping of a reversal (the payment
    // it took back shows as `reversed`), nor money a person found was not WP Play's.
    let payments = payment::Entity::find()
        .filter(payment::Column::PartnerId.eq(p.account_id))
        .filter(payment::Column::Status.is_not_in([
            super::payments::TAKEN_BACK,
            super::payments::NOT_OURS,
            super::payments::SPLIT,
        ]))
        .order_by_desc(payment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|x| PaymentView {
            invoice_number: x.invoice_id.and_then(|id| numbers.get(&id).cloned()),
            received_at: x.received_at,
            amount_minor: x.amount_minor,
            currency: x.currency,
            reference: x.reference,
            source: x.source,
            status: x.status,
        })
        .collect();
    Ok(Some(BillingView {
        state: f.lifecycle.state_at(now).as_str().to_owned(),
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
        access_ends_at: f.lifecycle.access_ends_at(),
        days_left: days_left(f.lifecycle.access_ends_at(), now),
        purge_at: f.lifecycle.purge_at(),
        days_to_purge: days_left(f.lifecycle.purge_at(), now),
        next_invoice_at: wpplay_domain::billing::invoice_due(f.lifecycle.access_ends_at(), tz),
        package: current,
        next_package: next,
        invoices: invoices.iter().map(invoice_view).collect(),
        payments,
    }))
}

/// An invoice rendered for download.
pub struct InvoicePdf {
    /// The file's name in the partner's language.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The partner's invoice of this number as a PDF in `lang`; another partner's number is
/// simply not found.
pub async fn invoice_pdf(
    db: &impl ConnectionTrait,
    settings: &Settings,
    partner_id: i64,
    number: &str,
    lang: wpplay_i18n::Lang,
) -> Result<Option<InvoicePdf>, DbErr> {
    let Some(inv) = invoice::Entity::find()
        .filter(invoice::Column::Number.eq(number))
        .filter(invoice::Column::PartnerId.eq(partner_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let issuer = Issuer::from_settings(settings);
    let bytes = pdf::render(&inv, &issuer, settings.time_zone, lang)
        .ok_or_else(|| DbErr::Custom("the invoice's font could not be embedded".into()))?;
    Ok(Some(InvoicePdf {
        file_name: pdf::file_name(&inv, lang),
        bytes,
    }))
}
