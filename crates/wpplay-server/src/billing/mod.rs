//! Lifecycle and billing on the server: invoices, the lifecycle pass (reminders, invoices,
//! locks, purges — each once), and payments. The rules themselves are pure and live in
//! `wpplay_domain::billing`; this module stores their effects.

pub mod lifecycle;
pub mod payments;
pub mod purge;

use crate::db::entity::{invoice, invoice_counter, package, partner};
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QuerySelect, Set, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use wpplay_domain::billing::{
    BillingFacts, anchor_day, invoice_number, model97_reference, normalize_reference, rf_reference,
    rf_valid,
};
use wpplay_domain::lifecycle::LifecycleFacts;

/// A transaction that writes: on SQLite it takes the write lock at `BEGIN` (IMMEDIATE), so
/// two writers (the server's scheduler and an operator's `lifecycle run`) queue behind
/// each other instead of one failing on a lock upgrade. PostgreSQL ignores the mode and
/// relies on row locks.
pub async fn write_txn(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// A partner's billing facts as stored.
pub fn facts(p: &partner::Model, tz: Tz) -> BillingFacts {
    let lifecycle = LifecycleFacts {
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
    };
    BillingFacts {
        lifecycle,
        anchor_day: p
            .anchor_day
            .and_then(|d| u32::try_from(d).ok())
            .unwrap_or_else(|| anchor_day(lifecycle.access_ends_at(), tz)),
    }
}

/// What an invoice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceKind {
    /// The next month of the package.
    Period,
    /// An upgrade's price difference for the rest of the current period.
    Proration,
}

impl InvoiceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Period => "period",
            Self::Proration => "proration",
        }
    }
}

/// Issues an invoice with the next number of its year (the counter row is locked, so
/// numbers have no gaps and no duplicates even with several server processes).
#[allow(clippy::too_many_arguments)]
pub async fn issue_invoice(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    pkg: &package::Model,
    kind: InvoiceKind,
    period: (DateTime<Utc>, DateTime<Utc>),
    amount_minor: i64,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<invoice::Model, DbErr> {
    let year = now.with_timezone(&tz).year();
    invoice_counter::Entity::insert(invoice_counter::ActiveModel {
        year: Set(year),
        last_seq: Set(0),
    })
    .on_conflict_do_nothing_on([invoice_counter::Column::Year])
    .exec_without_returning(db)
    .await?;
    let counter = invoice_counter::Entity::find_by_id(year)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("invoice counter".into()))?;
    let seq = counter.last_seq + 1;
    invoice_counter::ActiveModel {
        year: Set(year),
        last_seq: Set(seq),
    }
    .update(db)
    .await?;
    let number = invoice_number(year, seq);
    let (reference, key) = payment_reference(year, seq, &p.country);
    invoice::ActiveModel {
        number: Set(number),
        partner_id: Set(p.account_id),
        kind: Set(kind.as_str().to_owned()),
        package_id: Set(pkg.id),
        package_name: Set(pkg.name.clone()),
        period_start: Set(period.0),
        period_end: Set(period.1),
        amount_minor: Set(amount_minor),
        currency: Set(pkg.currency.clone()),
        reference: Set(reference),
        reference_key: Set(key),
        partner_company: Set(p.company.clone()),
        partner_email: Set(p.email.clone()),
        partner_country: Set(p.country.clone()),
        issued_at: Set(now),
        paid_minor: Set(0),
        paid_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The payment reference of invoice `seq` of `year`: model 97 "poziv na broj" for Serbian
/// partners, an RF creditor reference for everyone else. Returns the printed form and the
/// key payments are matched by.
pub fn payment_reference(year: i32, seq: i64, country: &str) -> (String, String) {
    let base = format!("{year}{seq:06}");
    if country.eq_ignore_ascii_case("RS") {
        let r = model97_reference(&base).unwrap_or_else(|| base.clone());
        (format!("97 {r}"), normalize_reference(&r))
    } else {
        let r = rf_reference(&base).unwrap_or_else(|| base.clone());
        let printed = r
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        (printed, normalize_reference(&r))
    }
}

/// The key a payment's reference is matched by: letters and digits, with the model 97
/// prefix dropped when the rest checks out ("97 41-2026000042", "9741 2026000042" and
/// "41-2026000042" are one reference).
pub fn reference_key(reference: &str) -> String {
    let n = normalize_reference(reference);
    if n.starts_with("RF") && rf_valid(&n) {
        return n;
    }
    if let Some(rest) = n.strip_prefix("97")
        && rest.len() > 2
        && wpplay_domain::billing::model97_valid(rest)
        && !wpplay_domain::billing::model97_valid(&n)
    {
        return rest.to_owned();
    }
    n
}

/// Amounts as people read them: `79.00 EUR`.
pub fn money(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    format!("{sign}{}.{:02} {currency}", m / 100, m % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_their_keys() {
        let (printed, key) = payment_reference(2026, 42, "RS");
        assert!(
            printed.starts_with("97 ") && printed.ends_with("-2026000042"),
            "{printed}"
        );
        assert_eq!(reference_key(&printed), key);
        assert_eq!(reference_key(printed.trim_start_matches("97 ")), key);
        let (printed, key) = payment_reference(2026, 42, "DE");
        assert!(printed.starts_with("RF"), "{printed}");
        assert_eq!(reference_key(&printed.to_lowercase()), key);
        assert_eq!(money(7900, "EUR"), "79.00 EUR");
        assert_eq!(money(-5, "RSD"), "-0.05 RSD");
    }
}
