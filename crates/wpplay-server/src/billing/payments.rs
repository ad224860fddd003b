//! Payments: recorded once per source and external id, matched to an invoice by its
//! payment reference, extending the partner's package by the period the invoice is for.
//! Whatever does not match exactly (no invoice, a shortfall, a surplus, another currency)
//! is kept for review, never dropped.

use super::{InvoiceKind, facts, money, reference_keys};
use crate::db::entity::{invoice, package, partner, payment, payment_bank_ref};
use crate::db::txn::write_txn;
use crate::mutations::links::{Notice, notify};
use crate::{feed, wire_form};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};
use wpplay_domain::billing::extend;
use wpplay_domain::ids::AccountId;
use wpplay_i18n::{args, format};
use wpplay_wire::sync::Entity;

/// Where a payment came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Webhook,
    Bank,
    Operator,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Webhook => "webhook",
            Self::Bank => "bank",
            Self::Operator => "operator",
        }
    }
}

/// A payment as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub source: Source,
    /// The provider's payment id or the bank's entry id: recorded once.
    pub external_id: String,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    /// What a bank statement says besides (empty for other sources).
    pub bank: BankDetails,
}

/// A bank statement's details of a payment: who paid, what they wrote, and the bank's
/// references of the transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankDetails {
    pub payer_name: String,
    pub payer_account: String,
    pub remittance: String,
    pub refs: Vec<String>,
    /// The operator who brought it in through the app (a statement imported, a payment
    /// registered by hand); `None`: at the server's command line. For the audit log.
    pub recorded_by: Option<i64>,
}

impl BankDetails {
    /// Who the audit log names for what this statement line recorded.
    fn recorder(&self) -> crate::audit_log::By {
        self.recorded_by.map_or(
            crate::audit_log::By::CommandLine,
            crate::audit_log::By::Account,
        )
    }
}

/// What recording a payment did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub payment: payment::Model,
    /// Recorded before (a retried webhook, a statement imported twice): nothing changed.
    pub duplicate: bool,
    pub invoice_number: Option<String>,
    /// The partner's new paid-through date when the payment extended the package.
    pub paid_through: Option<DateTime<Utc>>,
}

impl Recorded {
    /// A payment recorded before: nothing changed.
    fn known(payment: payment::Model) -> Self {
        Self {
            payment,
            duplicate: true,
            invoice_number: None,
            paid_through: None,
        }
    }
}

pub const APPLIED: &str = "applied";
pub const PARTIAL: &str = "partial";
pub const OVERPAID: &str = "overpaid";
pub const UNMATCHED: &str = "unmatched";
/// A bank's reversal or return of a credit that names no payment recorded here: waits
/// for review.
pub const REVERSAL: &str = "reversal";
/// A payment the bank took back: it no longer counts.
pub const REVERSED: &str = "reversed";
/// The bank's reversal or return that took a payment here back (bookkeeping: the
/// partner sees the payment it took back as `reversed`).
pub const TAKEN_BACK: &str = "taken_back";
/// Money a person gave back to the payer (`billing/review.rs`).
pub const REFUNDED: &str = "refunded";
/// Money a person found was not for WP Play (a mistaken transfer, another company's
/// reference).
pub const NOT_OURS: &str = "not_ours";
/// A payment a person split across invoices: its parts (`split_of`) are the payments that
/// count.
pub const SPLIT: &str = "split";
/// Statuses that wait for a person.
pub const WAITING: [&str; 4] = [UNMATCHED, PARTIAL, OVERPAID, REVERSAL];

/// Records a payment in one transaction with everything it causes.
pub async fn record(
    db: &DatabaseConnection,
    tz: Tz,
    incoming: Incoming,
    now: DateTime<Utc>,
) -> Result<Recorded, DbErr> {
    let (source, external_id) = (incoming.source, incoming.external_id.clone());
    let txn = write_txn(db).await?;
    match record_in(&txn, tz, incoming, now).await {
        Ok(recorded) => {
            txn.commit().await?;
            Ok(recorded)
        }
        // The same payment recorded by a racing call (a webhook retried at once): the
        // first one won; this one is its duplicate.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            txn.rollback().await?;
            let payment = existing(db, source, &external_id).await?.ok_or(e)?;
            Ok(Recorded::known(payment))
        }
        Err(e) => Err(e),
    }
}

pub(crate) async fn existing(
    db: &impl ConnectionTrait,
    source: Source,
    external_id: &str,
) -> Result<Option<payment::Model>, DbErr> {
    payment::Entity::find()
        .filter(payment::Column::Source.eq(source.as_str()))
        .filter(payment::Column::ExternalId.eq(external_id))
        .one(db)
        .await
}

async fn record_in(
    db: &impl ConnectionTrait,
    tz: Tz,
    incoming: Incoming,
    now: DateTime<Utc>,
) -> Result<Recorded, DbErr> {
    if let Some(p) = existing(db, incoming.source, &incoming.external_id).await? {
        return Ok(Recorded::known(p));
    }
    let inv = invoice::Entity::find()
        .filter(invoice::Column::ReferenceKey.is_in(reference_keys(&incoming.reference)))
        .lock_exclusive()
        .one(db)
        .await?;
    let applied = match &inv {
        Some(inv) => {
            apply_to_invoice(
                db,
                tz,
                inv,
                incoming.amount_minor,
                &incoming.currency,
                incoming.received_at,
                now,
            )
            .await?
        }
        None => Applied {
            status: UNMATCHED,
            note: None,
            partner_id: None,
            paid_through: None,
            extension: None,
        },
    };
    let Applied {
        status,
        note,
        partner_id,
        paid_through,
        extension,
    } = applied;
    let (source, refs) = (incoming.source, incoming.bank.refs.clone());
    let recorder = incoming.bank.recorder();
    let payment = payment::ActiveModel {
        partner_id: Set(partner_id),
        invoice_id: Set(inv.as_ref().map(|i| i.id)),
        status: Set(status.to_owned()),
        note: Set(note),
        extended_from: Set(extension.and_then(|(from, _)| from)),
        extended_to: Set(extension.map(|(_, to)| to)),
        ..row(incoming, now)
    }
    .insert(db)
    .await?;
    keep_bank_refs(db, payment.id, &refs).await?;
    let entry = crate::audit_log::Entry {
        by: match source {
            Source::Operator | Source::Bank => recorder,
            Source::Webhook => crate::audit_log::By::System,
        },
        partner_id,
        action: "payment_recorded",
        entity: "payment",
        entity_id: payment.external_id.clone(),
        after: Some(serde_json::json!({
            "source": payment.source, "amount_minor": payment.amount_minor,
            "currency": payment.currency, "status": payment.status,
            "invoice": inv.as_ref().map(|i| i.number.as_str()), "note": payment.note,
        })),
    };
    crate::audit_log::write(db, entry, now).await?;
    Ok(Recorded {
        payment,
        duplicate: false,
        invoice_number: inv.map(|i| i.number),
        paid_through,
    })
}

/// Records a bank's reversal or return of a credit, once. When it names a payment
/// recorded here, that payment is taken back: it no longer counts on its invoice, and
/// what it added to the partner's paid-through date is taken off again. One naming no
/// payment here waits for review. Returns the external id of the payment taken back.
pub async fn record_reversal(
    db: &DatabaseConnection,
    incoming: Incoming,
    now: DateTime<Utc>,
) -> Result<(Recorded, Option<String>), DbErr> {
    let txn = write_txn(db).await?;
    if let Some(p) = existing(&txn, incoming.source, &incoming.external_id).await? {
        txn.rollback().await?;
        return Ok((Recorded::known(p), None));
    }
    let original = named_by(&txn, &incoming.bank.refs).await?;
    let recorder = incoming.bank.recorder();
    let mut invoice_number = None;
    let mut paid_through = None;
    let (status, note) = match &original {
        Some(o) => {
            let undone = take_back(&txn, o, &incoming.external_id, now).await?;
            invoice_number = undone.invoice_number;
            paid_through = undone.paid_through;
            let note = format!(
                "Took back payment {} ({}){}{}.",
                o.external_id,
                money(o.amount_minor, &o.currency),
                invoice_number
                    .as_ref()
                    .map(|n| format!(" for invoice {n}"))
                    .unwrap_or_default(),
                match undone.paid_through {
                    Some(Some(t)) => format!(
                        "; the partner is paid through {} again",
                        t.format("%Y-%m-%d")
                    ),
                    Some(None) => "; the partner is back on its trial's end".to_owned(),
                    None => String::new(),
                }
            );
            (TAKEN_BACK, note)
        }
        None => (
            REVERSAL,
            "The bank took back a payment that is not recorded here.".to_owned(),
        ),
    };
    let payment = payment::ActiveModel {
        partner_id: Set(original.as_ref().and_then(|o| o.partner_id)),
        invoice_id: Set(original.as_ref().and_then(|o| o.invoice_id)),
        status: Set(status.to_owned()),
        note: Set(Some(note)),
        ..row(incoming, now)
    }
    .insert(&txn)
    .await?;
    let entry = crate::audit_log::Entry {
        by: recorder,
        partner_id: payment.partner_id,
        action: "payment_reversed",
        entity: "payment",
        entity_id: payment.external_id.clone(),
        after: Some(serde_json::json!({
            "amount_minor": payment.amount_minor, "currency": payment.currency,
            "status": payment.status, "reverses": original.as_ref().map(|o| o.external_id.as_str()),
            "invoice": invoice_number, "note": payment.note,
        })),
    };
    crate::audit_log::write(&txn, entry, now).await?;
    txn.commit().await?;
    let recorded = Recorded {
        payment,
        duplicate: false,
        invoice_number,
        paid_through: paid_through.flatten(),
    };
    Ok((recorded, original.map(|o| o.external_id)))
}

/// What taking a payment back changed.
struct TakenBack {
    invoice_number: Option<String>,
    /// The partner's paid-through date when it changed (`Some(None)`: back to none).
    paid_through: Option<Option<DateTime<Utc>>>,
}

/// Takes a payment back: a split one by taking back each of its parts, newest first
/// (so each paid-through date goes back exactly), then the payment itself.
async fn take_back(
    db: &impl ConnectionTrait,
    o: &payment::Model,
    by_entry: &str,
    now: DateTime<Utc>,
) -> Result<TakenBack, DbErr> {
    if o.status != SPLIT {
        return take_back_one(db, o, by_entry, now).await;
    }
    let parts = payment::Entity::find()
        .filter(payment::Column::SplitOf.eq(o.id))
        .order_by_desc(payment::Column::Id)
        .lock_exclusive()
        .all(db)
        .await?;
    let mut numbers = Vec::new();
    let mut out = TakenBack {
        invoice_number: None,
        paid_through: None,
    };
    for part in &parts {
        let back = take_back_one(db, part, by_entry, now).await?;
        numbers.extend(back.invoice_number);
        if back.paid_through.is_some() {
            out.paid_through = back.paid_through;
        }
    }
    numbers.reverse();
    out.invoice_number = (!numbers.is_empty()).then(|| numbers.join(", "));
    payment::ActiveModel {
        id: Set(o.id),
        status: Set(REVERSED.to_owned()),
        note: Set(Some(format!(
            "Taken back by the bank (entry {by_entry}), with its {} parts.",
            parts.len()
        ))),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(out)
}

/// Takes one payment back: off its invoice (which is open again if it was settled), and
/// what it added to the partner's paid-through date off again — exactly back when
/// nothing extended it since, else by the same length.
async fn take_back_one(
    db: &impl ConnectionTrait,
    o: &payment::Model,
    by_entry: &str,
    now: DateTime<Utc>,
) -> Result<TakenBack, DbErr> {
    let counted = matches!(o.status.as_str(), APPLIED | PARTIAL | OVERPAID);
    let mut out = TakenBack {
        invoice_number: None,
        paid_through: None,
    };
    if let Some(inv) = match o.invoice_id {
        Some(id) => {
            invoice::Entity::find_by_id(id)
                .lock_exclusive()
                .one(db)
                .await?
        }
        None => None,
    } {
        out.invoice_number = Some(inv.number.clone());
        if counted {
            take_off_invoice(db, &inv, o.amount_minor).await?;
        }
    }
    if let (Some(to), Some(partner_id)) = (o.extended_to, o.partner_id)
        && let Some(p) = partner::Entity::find_by_id(partner_id)
            .lock_exclusive()
            .one(db)
            .await?
    {
        let back = if p.paid_through == Some(to) {
            o.extended_from
        } else {
            let from = o.extended_from.unwrap_or(p.trial_ends_at);
            p.paid_through.map(|t| t - (to - from))
        };
        let updated = partner::ActiveModel {
            account_id: Set(p.account_id),
            paid_through: Set(back),
            ..Default::default()
        }
        .update(db)
        .await?;
        feed::append(
            db,
            AccountId(p.account_id),
            &Entity::Subscription(wire_form::subscription(&updated, now)),
            now,
        )
        .await?;
        out.paid_through = Some(back);
    }
    payment::ActiveModel {
        id: Set(o.id),
        status: Set(REVERSED.to_owned()),
        note: Set(Some(format!("Taken back by the bank (entry {by_entry})."))),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(out)
}

/// Takes `amount_minor` off what an invoice (locked by the caller) has received; an
/// invoice no longer paid in full is open again. Returns what it has now.
pub(crate) async fn take_off_invoice(
    db: &impl ConnectionTrait,
    inv: &invoice::Model,
    amount_minor: i64,
) -> Result<i64, DbErr> {
    let paid = inv.paid_minor.saturating_sub(amount_minor).max(0);
    invoice::ActiveModel {
        id: Set(inv.id),
        paid_minor: Set(paid),
        paid_at: Set(if paid < inv.amount_minor {
            None
        } else {
            inv.paid_at
        }),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(paid)
}

/// A payment's row as received (what it did is the caller's to add).
pub(crate) fn row(incoming: Incoming, now: DateTime<Utc>) -> payment::ActiveModel {
    payment::ActiveModel {
        source: Set(incoming.source.as_str().to_owned()),
        external_id: Set(incoming.external_id),
        amount_minor: Set(incoming.amount_minor),
        currency: Set(incoming.currency.to_ascii_uppercase()),
        reference: Set(incoming.reference.chars().take(64).collect()),
        received_at: Set(incoming.received_at),
        recorded_at: Set(now),
        payer_name: Set(some_text(&incoming.bank.payer_name, 140)),
        payer_account: Set(some_text(&incoming.bank.payer_account, 64)),
        remittance: Set(some_text(&incoming.bank.remittance, 500)),
        ..Default::default()
    }
}

/// A statement's text, cut to its column's length; nothing when empty.
fn some_text(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(max).collect())
}

/// The bank's references of a payment, by which a reversal names it later.
async fn keep_bank_refs(
    db: &impl ConnectionTrait,
    payment_id: i64,
    refs: &[String],
) -> Result<(), DbErr> {
    let mut unique: Vec<String> = refs.iter().map(|r| r.chars().take(128).collect()).collect();
    unique.sort();
    unique.dedup();
    if unique.is_empty() {
        return Ok(());
    }
    payment_bank_ref::Entity::insert_many(unique.into_iter().map(|reference| {
        payment_bank_ref::ActiveModel {
            reference: Set(reference),
            payment_id: Set(payment_id),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// The recorded bank payment a reversal names by one of its references, if any.
pub async fn named_by(
    db: &impl ConnectionTrait,
    refs: &[String],
) -> Result<Option<payment::Model>, DbErr> {
    if refs.is_empty() {
        return Ok(None);
    }
    let Some(link) = payment_bank_ref::Entity::find()
        .filter(payment_bank_ref::Column::Reference.is_in(refs.iter().cloned()))
        .order_by_asc(payment_bank_ref::Column::PaymentId)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    payment::Entity::find_by_id(link.payment_id)
        .filter(payment::Column::Status.is_not_in([REVERSAL, REVERSED, TAKEN_BACK]))
        .one(db)
        .await
}

/// What applying a payment to an invoice did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Applied {
    pub status: &'static str,
    pub note: Option<String>,
    pub partner_id: Option<i64>,
    pub paid_through: Option<DateTime<Utc>>,
    /// The partner's paid-through date before and after, when the payment extended it.
    pub extension: Option<(Option<DateTime<Utc>>, DateTime<Utc>)>,
}

/// Applies an amount to an invoice (locked by the caller's transaction): it counts
/// towards the invoice, and paying it in full extends the partner's package. A currency
/// other than the invoice's, a purged partner or an impossible total count nothing and
/// say why.
pub(crate) async fn apply_to_invoice(
    db: &impl ConnectionTrait,
    tz: Tz,
    inv: &invoice::Model,
    amount_minor: i64,
    currency: &str,
    received_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let mut status = UNMATCHED;
    let mut note = None;
    let mut paid_through = None;
    let mut extension = None;
    let partner_id = Some(inv.partner_id);
    {
        let p = partner::Entity::find_by_id(inv.partner_id)
            .lock_exclusive()
            .one(db)
            .await?;
        if !inv.currency.eq_ignore_ascii_case(currency) {
            note = Some(format!(
                "Paid in {} for an invoice in {}.",
                currency, inv.currency
            ));
        } else if p.is_none() {
            note = Some("The partner's account was purged before this payment.".to_owned());
        } else if inv.paid_minor.checked_add(amount_minor).is_none() {
            note = Some(format!(
                "Invoice {} cannot take this amount on top of what it has; a person must look at it.",
                inv.number
            ));
        } else if let Some(p) = p {
            let before = inv.paid_minor;
            // Checked just above.
            let total = before.saturating_add(amount_minor);
            let settled_now = before < inv.amount_minor && total >= inv.amount_minor;
            status = if before >= inv.amount_minor {
                note = Some(format!(
                    "Invoice {} was paid already; {} to refund or credit.",
                    inv.number,
                    money(amount_minor, currency)
                ));
                OVERPAID
            } else if total < inv.amount_minor {
                note = Some(format!(
                    "{} of {} paid so far.",
                    money(total, &inv.currency),
                    money(inv.amount_minor, &inv.currency)
                ));
                PARTIAL
            } else if total > inv.amount_minor {
                note = Some(format!(
                    "{} more than the invoice; to refund or credit.",
                    money(total - inv.amount_minor, &inv.currency)
                ));
                OVERPAID
            } else {
                APPLIED
            };
            invoice::ActiveModel {
                id: Set(inv.id),
                paid_minor: Set(total),
                paid_at: Set(if settled_now {
                    Some(received_at)
                } else {
                    inv.paid_at
                }),
                ..Default::default()
            }
            .update(db)
            .await?;
            if settled_now {
                let was_locked = facts(&p, tz).lifecycle.state_at(now)
                    == wpplay_domain::lifecycle::PartnerState::Locked;
                paid_through = settle(db, &p, inv, received_at, tz, now).await?;
                extension = paid_through.map(|to| (p.paid_through, to));
                if was_locked && paid_through.is_some_and(|t| t > now) {
                    let entry = crate::audit_log::Entry {
                        by: crate::audit_log::By::System,
                        partner_id: Some(p.account_id),
                        action: "lifecycle_unlocked",
                        entity: "partner",
                        entity_id: p.account_id.to_string(),
                        after: Some(serde_json::json!({
                            "company": p.company, "paid_through": paid_through,
                        })),
                    };
                    crate::audit_log::write(db, entry, now).await?;
                }
            }
        }
    }
    Ok(Applied {
        status,
        note,
        partner_id,
        paid_through,
        extension,
    })
}

/// An invoice was paid in full: a period invoice extends the package (the pending
/// package, if one was chosen, starts with it); the partner is told.
async fn settle(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    inv: &invoice::Model,
    paid_at: DateTime<Utc>,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    if inv.kind != InvoiceKind::Period.as_str() {
        let notice = Notice::new(
            "payment_received",
            "payment-received",
            args! {"number" => inv.number.as_str()},
        );
        notify(db, AccountId(p.account_id), &p.email, &notice, now).await?;
        return Ok(None);
    }
    let ext = extend(&facts(p, tz), paid_at, tz);
    let package_id = p.pending_package_id.unwrap_or(p.package_id);
    let updated = partner::ActiveModel {
        account_id: Set(p.account_id),
        paid_through: Set(Some(ext.paid_through)),
        anchor_day: Set(i32::try_from(ext.anchor_day).ok()),
        package_id: Set(package_id),
        pending_package_id: Set(None),
        ..Default::default()
    }
    .update(db)
    .await?;
    let me = AccountId(p.account_id);
    feed::append(
        db,
        me,
        &Entity::Subscription(wire_form::subscription(&updated, now)),
        now,
    )
    .await?;
    if package_id != p.package_id
        && let Some(pkg) = package::Entity::find_by_id(package_id).one(db).await?
    {
        feed::append(db, me, &Entity::Package(wire_form::package(&pkg)), now).await?;
    }
    let lang = crate::account::lang(db, p.account_id).await?;
    let mut notice = Notice::new(
        "payment_received",
        "payment-received",
        args! {
            "number" => inv.number.as_str(),
            "until" => format::date(ext.paid_through.with_timezone(&tz).date_naive(), lang),
        },
    );
    notice.body = "payment-received-until";
    notify(db, me, &p.email, &notice, now).await?;
    Ok(Some(ext.paid_through))
}

/// Payments waiting for the operator's review (unmatched, partial, overpaid, a reversal
/// of nothing here), oldest first.
pub async fn for_review(db: &impl ConnectionTrait) -> Result<Vec<payment::Model>, DbErr> {
    payment::Entity::find()
        .filter(payment::Column::Status.is_in(WAITING))
        .order_by_asc(payment::Column::Id)
        .all(db)
        .await
}
