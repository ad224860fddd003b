//! Lifecycle and billing on the server: invoices, the lifecycle pass (reminders, invoices,
//! locks, purges — each once), and payments. The rules themselves are pure and live in
//! `wpplay_domain::billing`; this module stores their effects.

mod camt;
pub mod font;
pub mod lifecycle;
pub mod payments;
pub mod pdf;
pub mod purge;
pub mod review;
mod statement_lines;
pub mod statements;
pub mod view;

use crate::db::entity::{invoice, invoice_counter, package, partner};
use crate::db::txn::write_txn;
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QuerySelect, Set,
};
use wpplay_domain::Code;
use wpplay_domain::billing::{
    BillingFacts, anchor_day, invoice_number, model97_reference, normalize_reference, rf_reference,
};
use wpplay_domain::lifecycle::LifecycleFacts;

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
    let inv = invoice::ActiveModel {
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
    .await?;
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::System,
        partner_id: Some(p.account_id),
        action: "invoice_issued",
        entity: "invoice",
        entity_id: inv.number.clone(),
        after: Some(serde_json::json!({
            "number": inv.number, "kind": inv.kind, "package": inv.package_name,
            "amount_minor": inv.amount_minor, "currency": inv.currency,
            "period_start": inv.period_start, "period_end": inv.period_end,
        })),
    };
    crate::audit_log::write(db, entry, now).await?;
    Ok(inv)
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

/// The keys a payment's reference may match: letters and digits, as given and, for a
/// model 97 reference written with its model ("97 41-2026000042", "9741 2026000042"),
/// without it. Both are tried: check digits may be 97 themselves.
pub fn reference_keys(reference: &str) -> Vec<String> {
    let n = normalize_reference(reference);
    let mut keys = vec![n.clone()];
    if let Some(rest) = n.strip_prefix("97")
        && rest.len() > 2
        && wpplay_domain::billing::model97_valid(rest)
    {
        keys.push(rest.to_owned());
    }
    keys
}

/// Amounts as people read them: `79.00 EUR`.
pub fn money(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    format!("{sign}{}.{:02} {currency}", m / 100, m % 100)
}

/// The wire form of an invoice, with its status and what is left to pay.
pub fn invoice_view(i: &invoice::Model) -> wpplay_wire::billing::InvoiceView {
    let balance = wpplay_domain::billing::InvoiceBalance {
        amount_minor: i.amount_minor,
        paid_minor: i.paid_minor,
        paid_at: i.paid_at,
    };
    wpplay_wire::billing::InvoiceView {
        number: i.number.clone(),
        kind: i.kind.clone(),
        package_name: i.package_name.clone(),
        period_start: i.period_start,
        period_end: i.period_end,
        amount_minor: i.amount_minor,
        currency: i.currency.clone(),
        reference: i.reference.clone(),
        issued_at: i.issued_at,
        paid_minor: i.paid_minor,
        paid_at: i.paid_at,
        status: balance.status(),
        due_minor: balance.due_minor(),
    }
}

/// Choosing another package, by the rule in the README: during the trial it applies at
/// once and the trial end stays; while paid, a dearer package applies at once with a
/// prorated pro forma for the rest of the period and a cheaper (or equally priced) one
/// from the next period; a locked partner's choice applies at once, with a pro forma for
/// its next month.
pub async fn change_package(
    db: &DatabaseConnection,
    tz: Tz,
    partner_id: i64,
    package_id: i64,
    now: DateTime<Utc>,
) -> Result<Result<wpplay_wire::billing::ChangePackageResponse, (Code, String)>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    use wpplay_domain::billing::{ChangeTiming, change_timing, next_period_end, prorated_minor};
    let txn = write_txn(db).await?;
    let Some(p) = partner::Entity::find_by_id(partner_id)
        .lock_exclusive()
        .one(&txn)
        .await?
    else {
        return Ok(Err((
            Code::NotAPartner,
            "Only partners choose a package.".to_owned(),
        )));
    };
    let Some(new) = package::Entity::find_by_id(package_id)
        .one(&txn)
        .await?
        .filter(|n| n.active)
    else {
        return Ok(Err((
            Code::UnknownPackage,
            "Choose one of the packages on offer.".to_owned(),
        )));
    };
    let old = package::Entity::find_by_id(p.package_id)
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("package".into()))?;
    if new.id == old.id && p.pending_package_id.is_none() {
        return Ok(Err((
            Code::SamePackage,
            format!("You are on the {} package already.", old.name),
        )));
    }
    if new.currency != old.currency {
        return Ok(Err((
            Code::CurrencyMismatch,
            format!(
                "The {} package is priced in {}, yours in {}; ask WP Play to switch.",
                new.name, new.currency, old.currency
            ),
        )));
    }
    // A package the data does not fit is refused with the counts (README, "Package
    // limits"): the partner removes lines or streams first.
    let (lines, streams) = crate::usage::lines_and_streams(&txn, p.account_id).await?;
    if let Err(e) = wpplay_domain::package::check_fits(
        lines,
        streams,
        &new.name,
        new.max_subscribers,
        new.max_streams,
    ) {
        use wpplay_domain::ErrorCode;
        return Ok(Err((e.code(), e.message().to_owned())));
    }
    let f = facts(&p, tz);
    let state = f.lifecycle.state_at(now);
    let timing = change_timing(state, old.monthly_price_minor, new.monthly_price_minor);
    let end = f.lifecycle.access_ends_at();
    let day = |t: DateTime<Utc>| t.with_timezone(&tz).format("%-d %B %Y").to_string();
    let mut row: partner::ActiveModel = p.clone().into();
    let (effective_at, invoice, message) = match timing {
        ChangeTiming::Now if state == wpplay_domain::lifecycle::PartnerState::Trial => {
            row.package_id = Set(new.id);
            row.pending_package_id = Set(None);
            (
                now,
                None,
                format!(
                    "The {} package applies now. Your trial still ends on {}.",
                    new.name,
                    day(end)
                ),
            )
        }
        ChangeTiming::Now => {
            // Locked: the next month is on the new package. Its pro forma is the one open
            // (unpaid) period invoice since access ended, rewritten for the new package;
            // only when there is none is one issued, so switching back and forth never
            // piles up invoices.
            row.package_id = Set(new.id);
            row.pending_package_id = Set(None);
            let period = (now, next_period_end(now, anchor_day(now, tz), tz));
            let open = invoice::Entity::find()
                .filter(invoice::Column::PartnerId.eq(p.account_id))
                .filter(invoice::Column::Kind.eq(InvoiceKind::Period.as_str()))
                .filter(invoice::Column::PaidMinor.eq(0))
                .filter(invoice::Column::PeriodStart.gte(end))
                .order_by_desc(invoice::Column::Id)
                .one(&txn)
                .await?;
            let inv = match open {
                Some(open) => {
                    invoice::ActiveModel {
                        package_id: Set(new.id),
                        package_name: Set(new.name.clone()),
                        period_start: Set(period.0),
                        period_end: Set(period.1),
                        amount_minor: Set(new.monthly_price_minor),
                        currency: Set(new.currency.clone()),
                        ..open.into()
                    }
                    .update(&txn)
                    .await?
                }
                None => {
                    issue_invoice(
                        &txn,
                        &p,
                        &new,
                        InvoiceKind::Period,
                        period,
                        new.monthly_price_minor,
                        now,
                        tz,
                    )
                    .await?
                }
            };
            (
                now,
                Some(invoice_view(&inv)),
                format!(
                    "The {} package applies now. Pay pro forma invoice {} to unlock your account.",
                    new.name, inv.number
                ),
            )
        }
        ChangeTiming::NowProrated => {
            row.package_id = Set(new.id);
            row.pending_package_id = Set(None);
            // The current period started where the last paid period invoice says.
            let start = invoice::Entity::find()
                .filter(invoice::Column::PartnerId.eq(p.account_id))
                .filter(invoice::Column::Kind.eq(InvoiceKind::Period.as_str()))
                .filter(invoice::Column::PeriodEnd.eq(end))
                .order_by_desc(invoice::Column::Id)
                .one(&txn)
                .await?
                .map_or(end - chrono::Duration::days(30), |i| i.period_start);
            let amount = prorated_minor(
                old.monthly_price_minor,
                new.monthly_price_minor,
                start,
                end,
                now,
            );
            let inv = if amount > 0 {
                Some(
                    issue_invoice(
                        &txn,
                        &p,
                        &new,
                        InvoiceKind::Proration,
                        (now, end),
                        amount,
                        now,
                        tz,
                    )
                    .await?,
                )
            } else {
                None
            };
            let message = match &inv {
                Some(i) => format!(
                    "The {} package applies now. Pro forma invoice {} charges the difference until {}: {}.",
                    new.name,
                    i.number,
                    day(end),
                    money(i.amount_minor, &i.currency)
                ),
                None => format!("The {} package applies now.", new.name),
            };
            (now, inv.as_ref().map(invoice_view), message)
        }
        ChangeTiming::NextPeriod => {
            let back = new.id == p.package_id;
            row.pending_package_id = Set((!back).then_some(new.id));
            (
                end,
                None,
                if back {
                    format!("You stay on the {} package.", old.name)
                } else {
                    format!(
                        "The {} package applies from {}, when your paid period ends; until then you keep {}.",
                        new.name,
                        day(end),
                        old.name
                    )
                },
            )
        }
    };
    let updated = row.update(&txn).await?;
    if updated.package_id != p.package_id {
        crate::feed::append(
            &txn,
            wpplay_domain::ids::AccountId(p.account_id),
            &wpplay_wire::sync::Entity::Package(crate::wire_form::package(&new)),
            now,
        )
        .await?;
    }
    let timing = match timing {
        ChangeTiming::Now => "now",
        ChangeTiming::NowProrated => "now_prorated",
        ChangeTiming::NextPeriod => "next_period",
    };
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::Account(p.account_id),
        partner_id: Some(p.account_id),
        action: "change_package",
        entity: "package",
        entity_id: new.code.clone(),
        after: Some(serde_json::json!({
            "from": old.name, "to": new.name, "timing": timing,
            "effective_at": effective_at, "invoice": invoice,
        })),
    };
    crate::audit_log::write(&txn, entry, now).await?;
    txn.commit().await?;
    Ok(Ok(wpplay_wire::billing::ChangePackageResponse {
        timing: timing.to_owned(),
        effective_at,
        invoice,
        message,
    }))
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
        assert!(reference_keys(&printed).contains(&key));
        assert!(reference_keys(printed.trim_start_matches("97 ")).contains(&key));
        // Check digits of 97 are still found with or without the model.
        let (printed, key) = payment_reference(2028, 114, "RS");
        assert!(printed.starts_with("97 97-"), "{printed}");
        assert!(reference_keys(&printed).contains(&key));
        assert!(reference_keys(printed.trim_start_matches("97 ")).contains(&key));
        let (printed, key) = payment_reference(2026, 42, "DE");
        assert!(printed.starts_with("RF"), "{printed}");
        assert!(reference_keys(&printed.to_lowercase()).contains(&key));
        assert_eq!(money(7900, "EUR"), "79.00 EUR");
        assert_eq!(money(-5, "RSD"), "-0.05 RSD");
    }
}
