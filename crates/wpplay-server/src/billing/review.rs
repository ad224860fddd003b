//! Payments a person resolves: every payment the server could not apply as it stands
//! (unmatched, partial, overpaid, a reversal naming nothing here) waits until someone
//! assigns it to an invoice, marks it refunded, or marks it as not WP Play's. Each
//! resolution carries a note and is audited under the operator's account; a payment
//! that does not wait for that resolution (resolved meanwhile, another state) is refused.

use super::money;
use super::payments::{
    APPLIED, Applied, NOT_OURS, OVERPAID, PARTIAL, REFUNDED, REVERSAL, SPLIT, UNMATCHED, WAITING,
    apply_to_invoice, take_off_invoice,
};
use crate::db::entity::{invoice, payment};
use crate::db::txn::write_txn;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use wpplay_domain::Code;
use wpplay_domain::ids::AccountId;

/// What a person decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// An unmatched payment belongs to this invoice (by its number): it counts there as
    /// if it had carried its reference.
    Assign { invoice: String },
    /// The money went back to the payer: an unmatched payment whole, a partial one off
    /// its invoice, an overpaid one's surplus.
    Refunded,
    /// Not WP Play's money, or a reversal of nothing recorded here.
    NotOurs,
    /// An unmatched payment pays several invoices: each part (invoice number, amount)
    /// becomes a payment of its own applied there; the parts add up to the payment.
    Split { parts: Vec<(String, i64)> },
}

/// How many invoices one payment may be split across.
pub const MAX_SPLIT_PARTS: usize = 20;

impl Resolution {
    fn name(&self) -> &'static str {
        match self {
            Self::Assign { .. } => "assign",
            Self::Refunded => "refunded",
            Self::NotOurs => "not_ours",
            Self::Split { .. } => "split",
        }
    }

    /// The statuses this resolution applies to.
    fn applies_to(&self) -> &'static [&'static str] {
        match self {
            Self::Assign { .. } => &[UNMATCHED],
            Self::Refunded => &[UNMATCHED, PARTIAL, OVERPAID],
            Self::NotOurs => &[UNMATCHED, REVERSAL],
            Self::Split { .. } => &[UNMATCHED],
        }
    }
}

/// The longest note kept with a resolution.
pub const NOTE_MAX_CHARS: usize = 500;

/// A refusal: the code and what to say.
pub type Refusal = (Code, String);

/// Resolves payment `id` as `resolution`, in one transaction.
pub async fn resolve(
    db: &DatabaseConnection,
    tz: Tz,
    id: i64,
    resolution: Resolution,
    note: &str,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<Result<payment::Model, Refusal>, DbErr> {
    let note = note.trim();
    if note.is_empty()
        || note.chars().count() > NOTE_MAX_CHARS
        || note.chars().any(char::is_control)
    {
        return Ok(Err((
            Code::InvalidText,
            format!("Say why in a note of 1 to {NOTE_MAX_CHARS} characters, on one line."),
        )));
    }
    let txn = write_txn(db).await?;
    let Some(p) = payment::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await?
    else {
        txn.rollback().await?;
        return Ok(Err((Code::NotFound, format!("There is no payment {id}."))));
    };
    if !resolution.applies_to().contains(&p.status.as_str()) {
        txn.rollback().await?;
        let message = if WAITING.contains(&p.status.as_str()) {
            format!(
                "Payment {id} is {}; '{}' is for {} payments.",
                p.status,
                resolution.name(),
                resolution.applies_to().join(", ")
            )
        } else {
            format!(
                "Payment {id} does not wait for review (it is {}).",
                p.status
            )
        };
        return Ok(Err((Code::PaymentNotForReview, message)));
    }
    let (status, invoice_id, partner_id, said) = match &resolution {
        Resolution::Assign { invoice: number } => {
            let Some(inv) = invoice::Entity::find()
                .filter(invoice::Column::Number.eq(number.trim()))
                .lock_exclusive()
                .one(&txn)
                .await?
            else {
                txn.rollback().await?;
                return Ok(Err((
                    Code::NotFound,
                    format!("There is no invoice {}.", number.trim()),
                )));
            };
            if !inv.currency.eq_ignore_ascii_case(&p.currency) {
                txn.rollback().await?;
                return Ok(Err((
                    Code::CurrencyMismatch,
                    format!(
                        "Invoice {} is in {}, the payment in {}.",
                        inv.number, inv.currency, p.currency
                    ),
                )));
            }
            let Applied {
                status,
                note: applied_note,
                partner_id,
                extension,
                ..
            } = apply_to_invoice(
                &txn,
                tz,
                &inv,
                p.amount_minor,
                &p.currency,
                p.received_at,
                now,
            )
            .await?;
            if status == UNMATCHED {
                // The invoice could not take it (its partner is purged, say): nothing
                // changed, and the reason is the invoice's.
                txn.rollback().await?;
                return Ok(Err((
                    Code::PaymentNotForReview,
                    applied_note
                        .unwrap_or_else(|| format!("Invoice {} cannot take it.", inv.number)),
                )));
            }
            payment::ActiveModel {
                id: Set(p.id),
                extended_from: Set(extension.and_then(|(from, _)| from)),
                extended_to: Set(extension.map(|(_, to)| to)),
                ..Default::default()
            }
            .update(&txn)
            .await?;
            let said = match applied_note {
                Some(n) => format!("Assigned to invoice {}: {n}", inv.number),
                None => format!("Assigned to invoice {}.", inv.number),
            };
            (status, Some(inv.id), partner_id, said)
        }
        Resolution::Refunded => {
            let (status, said) = refund(&txn, &p).await?;
            (status, p.invoice_id, p.partner_id, said)
        }
        Resolution::NotOurs => (
            NOT_OURS,
            p.invoice_id,
            p.partner_id,
            "Not WP Play's money.".to_owned(),
        ),
        Resolution::Split { parts } => match split(&txn, tz, &p, parts, now).await? {
            Ok(said) => (SPLIT, None, None, said),
            Err(refusal) => {
                txn.rollback().await?;
                return Ok(Err(refusal));
            }
        },
    };
    let updated = payment::ActiveModel {
        id: Set(p.id),
        status: Set(status.to_owned()),
        invoice_id: Set(invoice_id),
        partner_id: Set(partner_id),
        note: Set(Some(
            format!("{said} Note: {note}").chars().take(1000).collect(),
        )),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::Account(by.0),
        partner_id: updated.partner_id,
        action: "payment_resolved",
        entity: "payment",
        entity_id: updated.external_id.clone(),
        after: Some(serde_json::json!({
            "resolution": resolution.name(), "from": p.status, "status": updated.status,
            "amount_minor": updated.amount_minor, "currency": updated.currency,
            "note": note,
        })),
    };
    crate::audit_log::write(&txn, entry, now).await?;
    txn.commit().await?;
    Ok(Ok(updated))
}

/// Splits an unmatched payment across invoices: checks the parts (they add up to the
/// payment, each on another invoice of its currency, each invoice able to take it), then
/// records each as a payment of its own (`split_of`), applied like a matched payment.
async fn split(
    db: &impl sea_orm::ConnectionTrait,
    tz: Tz,
    p: &payment::Model,
    parts: &[(String, i64)],
    now: DateTime<Utc>,
) -> Result<Result<String, Refusal>, DbErr> {
    let refuse = |message: String| Ok(Err((Code::InvalidField, message)));
    if !(2..=MAX_SPLIT_PARTS).contains(&parts.len()) {
        return refuse(format!(
            "A split has 2 to {MAX_SPLIT_PARTS} parts, one per invoice."
        ));
    }
    if parts.iter().any(|(_, amount)| *amount <= 0) {
        return refuse("Every part is more than zero.".to_owned());
    }
    let total = parts
        .iter()
        .try_fold(0_i64, |sum, (_, amount)| sum.checked_add(*amount));
    if total != Some(p.amount_minor) {
        return refuse(format!(
            "The parts must add up to the payment's {}.",
            money(p.amount_minor, &p.currency)
        ));
    }
    let mut numbers: Vec<&str> = parts.iter().map(|(n, _)| n.trim()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.len() != parts.len() {
        return refuse("Each part pays another invoice.".to_owned());
    }
    let mut invoices = Vec::with_capacity(parts.len());
    for (number, _) in parts {
        let Some(inv) = invoice::Entity::find()
            .filter(invoice::Column::Number.eq(number.trim()))
            .lock_exclusive()
            .one(db)
            .await?
        else {
            return Ok(Err((
                Code::NotFound,
                format!("There is no invoice {}.", number.trim()),
            )));
        };
        if !inv.currency.eq_ignore_ascii_case(&p.currency) {
            return Ok(Err((
                Code::CurrencyMismatch,
                format!(
                    "Invoice {} is in {}, the payment in {}.",
                    inv.number, inv.currency, p.currency
                ),
            )));
        }
        invoices.push(inv);
    }
    let mut said = Vec::with_capacity(parts.len());
    for (n, ((_, amount), inv)) in parts.iter().zip(&invoices).enumerate() {
        // The invoice as it stands now (an earlier part may have been another's).
        let Some(inv) = invoice::Entity::find_by_id(inv.id).one(db).await? else {
            return Ok(Err((Code::NotFound, "The invoice is gone.".to_owned())));
        };
        let applied =
            apply_to_invoice(db, tz, &inv, *amount, &p.currency, p.received_at, now).await?;
        if applied.status == UNMATCHED {
            return Ok(Err((
                Code::PaymentNotForReview,
                applied
                    .note
                    .unwrap_or_else(|| format!("Invoice {} cannot take it.", inv.number)),
            )));
        }
        let part = payment::ActiveModel {
            source: Set(p.source.clone()),
            external_id: Set(format!("{}#{}", p.external_id, n + 1)),
            amount_minor: Set(*amount),
            currency: Set(p.currency.clone()),
            reference: Set(p.reference.clone()),
            received_at: Set(p.received_at),
            recorded_at: Set(now),
            payer_name: Set(p.payer_name.clone()),
            payer_account: Set(p.payer_account.clone()),
            remittance: Set(p.remittance.clone()),
            status: Set(applied.status.to_owned()),
            invoice_id: Set(Some(inv.id)),
            partner_id: Set(applied.partner_id),
            note: Set(Some(match &applied.note {
                Some(note) => format!("Part {} of payment {}: {note}", n + 1, p.external_id),
                None => format!("Part {} of payment {}.", n + 1, p.external_id),
            })),
            extended_from: Set(applied.extension.and_then(|(from, _)| from)),
            extended_to: Set(applied.extension.map(|(_, to)| to)),
            split_of: Set(Some(p.id)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        said.push(format!(
            "{} to invoice {}",
            money(part.amount_minor, &part.currency),
            inv.number
        ));
    }
    Ok(Ok(format!("Split: {}.", said.join(", "))))
}

/// Money back to the payer: what the payment counts on its invoice comes off (a partial
/// one whole, an overpaid one its surplus); an unmatched one counted nowhere.
async fn refund(
    db: &impl sea_orm::ConnectionTrait,
    p: &payment::Model,
) -> Result<(&'static str, String), DbErr> {
    let inv = match p.invoice_id {
        Some(id) if p.status != UNMATCHED => {
            invoice::Entity::find_by_id(id)
                .lock_exclusive()
                .one(db)
                .await?
        }
        _ => None,
    };
    let Some(inv) = inv else {
        return Ok((
            REFUNDED,
            format!("{} refunded.", money(p.amount_minor, &p.currency)),
        ));
    };
    let (back, status) = if p.status == PARTIAL {
        (p.amount_minor, REFUNDED)
    } else {
        // Overpaid: only what the invoice did not need goes back.
        let surplus = (inv.paid_minor - inv.amount_minor).clamp(0, p.amount_minor);
        (
            surplus,
            if surplus == p.amount_minor {
                REFUNDED
            } else {
                APPLIED
            },
        )
    };
    let paid = take_off_invoice(db, &inv, back).await?;
    Ok((
        status,
        format!(
            "{} refunded; invoice {} has {} of {}.",
            money(back, &p.currency),
            inv.number,
            money(paid, &inv.currency),
            money(inv.amount_minor, &inv.currency)
        ),
    ))
}

/// Payments for the operator's list: those waiting for review, or all, newest first,
/// at most `limit`, before id `before` when paging.
pub async fn list(
    db: &DatabaseConnection,
    waiting_only: bool,
    limit: u64,
    before: Option<i64>,
) -> Result<Vec<payment::Model>, DbErr> {
    use sea_orm::QueryOrder;
    let mut q = payment::Entity::find().order_by_desc(payment::Column::Id);
    if waiting_only {
        q = q.filter(payment::Column::Status.is_in(WAITING));
    }
    if let Some(before) = before {
        q = q.filter(payment::Column::Id.lt(before));
    }
    q.limit(limit).all(db).await
}
