//! The operator's command-line tasks on the server's database.

use crate::db::entity::{account, partner};
use crate::{catalog, delivery};
use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use std::fmt::Write;
use wpplay_domain::package::PackageSpec;

/// Text a partner, payer or bank wrote, made safe for a terminal: control characters
/// (escape sequences, carriage returns, new lines) and the invisible bidirectional
/// overrides are shown as escapes instead of acting on the operator's terminal.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let hidden = c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if hidden {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// `packages list`: a table of every package.
pub async fn packages_list(db: &DatabaseConnection) -> anyhow::Result<String> {
    let mut out = format!(
        "{:<4} {:<12} {:<16} {:>10} {:<4} {:>8} {:>8} {:<8}\n",
        "ID", "CODE", "NAME", "PRICE", "CUR", "MAX SUBS", "STREAMS", "STATE"
    );
    for p in catalog::list(db, false).await? {
        writeln!(
            out,
            "{:<4} {:<12} {:<16} {:>10} {:<4} {:>8} {:>8} {:<8}",
            p.id,
            shown(&p.code),
            shown(&p.name),
            format_minor(p.monthly_price_minor),
            p.currency,
            p.max_subscribers,
            p.max_streams,
            if p.active { "active" } else { "disabled" }
        )?;
    }
    Ok(out)
}

/// `packages add`: validates and inserts a package.
pub async fn packages_add(
    db: &DatabaseConnection,
    spec: PackageSpec,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    let code = spec.code.trim().to_lowercase();
    let p = match catalog::add(db, spec, crate::audit_log::By::CommandLine, now).await? {
        Ok(p) => p,
        Err(catalog::Refused::Invalid(e)) => bail!("{e}"),
        Err(catalog::Refused::CodeTaken) => bail!("the package code '{code}' is already used"),
        Err(catalog::Refused::NotFound) => bail!("no such package"),
    };
    Ok(format!(
        "added package {} ({}) with id {}\n",
        p.name, p.code, p.id
    ))
}

/// `packages disable`.
pub async fn packages_disable(
    db: &DatabaseConnection,
    code: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    if !catalog::disable(db, code, now).await? {
        bail!("there is no package with the code '{code}'");
    }
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::CommandLine,
        partner_id: None,
        action: "package_disabled",
        entity: "package",
        entity_id: code.to_owned(),
        after: None,
    };
    crate::audit_log::write(db, entry, now).await?;
    Ok(format!(
        "package '{code}' is no longer offered to new partners\n"
    ))
}

/// `partners list`.
pub async fn partners_list(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<String> {
    let mut out = format!(
        "{:<6} {:<18} {:<24} {:<28} {:<8} {:<12}\n",
        "ID", "USERNAME", "COMPANY", "E-MAIL", "STATE", "TRIAL ENDS"
    );
    let partners = partner::Entity::find()
        .order_by_asc(partner::Column::AccountId)
        .all(db)
        .await?;
    for p in partners {
        let username = account::Entity::find_by_id(p.account_id)
            .one(db)
            .await?
            .map(|a| a.username)
            .unwrap_or_default();
        let state = crate::wire_form::subscription(&p, now).state;
        writeln!(
            out,
            "{:<6} {:<18} {:<24} {:<28} {:<8} {:<12}",
            p.account_id,
            shown(&username),
            shown(&p.company),
            shown(&p.email),
            state,
            p.trial_ends_at.format("%Y-%m-%d")
        )?;
    }
    Ok(out)
}

/// `outbox list`: every message with its delivery state, never its body.
pub async fn outbox_list(db: &DatabaseConnection) -> anyhow::Result<String> {
    let mut out = format!(
        "{:<6} {:<6} {:<28} {:<8} {:>8} {:<20} {}\n",
        "ID", "CHAN", "TO", "STATE", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"
    );
    for m in delivery::list(db, 200).await? {
        writeln!(
            out,
            "{:<6} {:<6} {:<28} {:<8} {:>8} {:<20} {}",
            m.id,
            m.channel,
            shown(&m.recipient),
            m.state,
            m.attempts,
            if m.state == "pending" {
                m.next_attempt_at.format("%Y-%m-%d %H:%M:%S").to_string()
            } else {
                "-".into()
            },
            shown(&m.last_error.unwrap_or_default())
        )?;
    }
    Ok(out)
}

/// `12.5` or `12.50` → 1250 minor units.
pub fn parse_price(text: &str) -> anyhow::Result<i64> {
    let text = text.trim();
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        bail!("'{text}' is not a price like 29.00");
    }
    let whole: i64 = whole.parse().context("price too large")?;
    let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .filter(|m| *m <= wpplay_domain::billing::MAX_AMOUNT_MINOR)
        .with_context(|| {
            format!(
                "'{text}' is too large: at most {}",
                format_minor(wpplay_domain::billing::MAX_AMOUNT_MINOR)
            )
        })
}

fn format_minor(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// `operators add`: an operator login with a generated password, shown once to the person
/// at the terminal (it is stored only as a hash).
pub async fn operators_add(
    db: &DatabaseConnection,
    username: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    use sea_orm::{ActiveModelTrait, ColumnTrait, PaginatorTrait, QueryFilter, Set};
    let username = wpplay_domain::dealer::username(username).map_err(|e| anyhow::anyhow!("{e}"))?;
    if account::Entity::find()
        .filter(account::Column::Username.eq(username.clone()))
        .count(db)
        .await?
        > 0
    {
        bail!("the username '{username}' is taken");
    }
    let secret = wpplay_domain::credentials::generate_password(&mut rand::rngs::OsRng);
    let hash = crate::auth::password::hash(secret.clone()).await?;
    account::ActiveModel {
        username: Set(username.clone()),
        role: Set("operator".to_owned()),
        password_hash: Set(hash),
        must_change_password: Set(false),
        feed_seq: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::CommandLine,
        partner_id: None,
        action: "operator_added",
        entity: "account",
        entity_id: username.clone(),
        after: None,
    };
    crate::audit_log::write(db, entry, now).await?;
    Ok(format!(
        "operator {username} created; password (shown only now): {secret}\n"
    ))
}

/// `audit list`: the newest 200 entries of everyone's audit log.
pub async fn audit_list(db: &DatabaseConnection) -> anyhow::Result<String> {
    let mut out = format!(
        "{:<6} {:<20} {:<18} {:<9} {:<26} {:<18} {}\n",
        "ID", "AT", "WHO", "ROLE", "ACTION", "ENTITY", "ID"
    );
    for e in crate::audit_log::entries(db, crate::audit_log::Filter::default(), 200).await? {
        writeln!(
            out,
            "{:<6} {:<20} {:<18} {:<9} {:<26} {:<18} {}",
            e.id,
            e.at.format("%Y-%m-%d %H:%M:%S"),
            shown(&e.actor_name),
            e.actor_role,
            e.action,
            e.entity,
            shown(&e.entity_id)
        )?;
    }
    Ok(out)
}

/// A time given on the command line: RFC 3339, or a date (midnight UTC).
pub fn parse_time(v: &str) -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    let v = v.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Ok(d.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    anyhow::bail!(
        "{v:?} is not a time; use RFC 3339 like 2026-03-15T08:00:00+01:00 or a date like 2026-03-15"
    )
}

/// `lifecycle run`: one pass, or what it would do.
pub async fn lifecycle_run(
    db: &DatabaseConnection,
    tz: chrono_tz::Tz,
    at: chrono::DateTime<chrono::Utc>,
    dry_run: bool,
) -> anyhow::Result<String> {
    let report = crate::billing::lifecycle::run_pass(db, tz, at, dry_run).await?;
    let mut out = format!(
        "{} pass at {}: {} partners near or past their end, {} events{}\n",
        if dry_run { "Dry-run" } else { "Lifecycle" },
        at.with_timezone(&tz).format("%Y-%m-%d %H:%M %Z"),
        report.partners,
        report.done.len(),
        if dry_run { " (nothing written)" } else { "" }
    );
    for d in &report.done {
        writeln!(
            out,
            "  partner {:<6} {:<24} {:<16} {}",
            d.partner_id,
            shown(&d.company),
            d.kind.as_str(),
            if d.sent { "sent" } else { "skipped" }
        )?;
    }
    Ok(out)
}

/// `invoices list`.
pub async fn invoices_list(db: &DatabaseConnection, tz: chrono_tz::Tz) -> anyhow::Result<String> {
    use crate::db::entity::invoice;
    let mut out = format!(
        "{:<12} {:<8} {:<24} {:<10} {:<23} {:>12} {:<20} {}\n",
        "NUMBER", "PARTNER", "COMPANY", "KIND", "PERIOD", "AMOUNT", "REFERENCE", "PAID"
    );
    for i in invoice::Entity::find()
        .order_by_asc(invoice::Column::Id)
        .all(db)
        .await?
    {
        writeln!(
            out,
            "{:<12} {:<8} {:<24} {:<10} {:<23} {:>12} {:<20} {}",
            i.number,
            i.partner_id,
            shown(&i.partner_company),
            i.kind,
            format!(
                "{} – {}",
                i.period_start.with_timezone(&tz).format("%Y-%m-%d"),
                i.period_end.with_timezone(&tz).format("%Y-%m-%d")
            ),
            crate::billing::money(i.amount_minor, &i.currency),
            shown(&i.reference),
            i.paid_at.map_or_else(
                || "open".to_owned(),
                |t| t.with_timezone(&tz).format("%Y-%m-%d").to_string()
            )
        )?;
    }
    Ok(out)
}

/// A payment the operator registers by hand.
pub struct ManualPayment {
    pub reference: String,
    pub amount_minor: i64,
    pub currency: String,
    pub received_at: chrono::DateTime<chrono::Utc>,
    /// The operator's own id; a random one when not given.
    pub id: Option<String>,
}

/// `payments register`.
pub async fn payments_register(
    db: &DatabaseConnection,
    tz: chrono_tz::Tz,
    p: ManualPayment,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<String> {
    use crate::billing::payments::{Incoming, Source, record};
    let r = record(
        db,
        tz,
        Incoming {
            source: Source::Operator,
            external_id: p
                .id
                .unwrap_or_else(|| format!("manual-{}", now.timestamp_micros())),
            amount_minor: p.amount_minor,
            currency: p.currency.trim().to_ascii_uppercase(),
            reference: p.reference,
            received_at: p.received_at,
            bank: Default::default(),
        },
        now,
    )
    .await?;
    Ok(if r.duplicate {
        format!(
            "Already registered as payment {} ({}); nothing changed.\n",
            r.payment.id, r.payment.status
        )
    } else {
        format!(
            "Payment {} registered: {}{}{}\n",
            r.payment.id,
            r.payment.status,
            r.invoice_number
                .map(|n| format!(", invoice {n}"))
                .unwrap_or_default(),
            r.paid_through
                .map(|t| format!(
                    ", paid through {}",
                    t.with_timezone(&tz).format("%Y-%m-%d %H:%M")
                ))
                .unwrap_or_default()
        ) + &r
            .payment
            .note
            .map(|n| format!("Note: {}\n", shown(&n)))
            .unwrap_or_default()
    })
}

/// `payments import FILE`: the whole file is checked before anything is recorded.
pub async fn payments_import(
    db: &DatabaseConnection,
    tz: chrono_tz::Tz,
    file: &std::path::Path,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<String> {
    use crate::billing::statements::{Outcome, decode, import, parse};
    let bytes =
        std::fs::read(file).map_err(|e| anyhow::anyhow!("reading {}: {e}", file.display()))?;
    let text = decode(&bytes);
    let entries = parse(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}: {}. Nothing was recorded; fix the file and import it again.",
            file.display(),
            e.0.trim_end_matches('.')
        )
    })?;
    let results = import(db, tz, entries, None, now).await?;
    let mut out = format!("{} lines in {}\n", results.len(), file.display());
    let (mut new, mut known, mut review, mut skipped) = (0, 0, 0, 0);
    for (e, outcome) in &results {
        let what = match outcome {
            Outcome::Payment(r) | Outcome::Reversal(r, _) if r.duplicate => {
                known += 1;
                "already recorded".to_owned()
            }
            Outcome::Reversal(r, original) => {
                new += 1;
                let invoice = r
                    .invoice_number
                    .as_ref()
                    .map(|n| format!(" (invoice {n})"))
                    .unwrap_or_default();
                if let Some(original) = original {
                    format!("took back {}{invoice}", shown(original))
                } else {
                    review += 1;
                    "reversal of a payment not recorded here".to_owned()
                }
            }
            Outcome::Payment(r) => {
                new += 1;
                if r.payment.status != crate::billing::payments::APPLIED {
                    review += 1;
                }
                let invoice = r
                    .invoice_number
                    .as_ref()
                    .map(|n| format!(" (invoice {n})"))
                    .unwrap_or_default();
                format!("{}{invoice}", r.payment.status)
            }
            Outcome::Skipped(why) => {
                skipped += 1;
                format!("skipped: {}", why.replace('_', " "))
            }
        };
        let who = if e.payer.name.is_empty() {
            String::new()
        } else {
            format!(" from {}", shown(&e.payer.name))
        };
        writeln!(
            out,
            "  {:<24} {} {:>12} {:<24} {what}{who}",
            shown(&e.entry_id),
            e.booked_on,
            crate::billing::money(e.amount_minor, &e.currency),
            shown(&e.reference),
        )?;
    }
    writeln!(
        out,
        "{new} recorded, {known} already known, {skipped} skipped, {review} waiting for review (see 'payments unmatched')"
    )?;
    Ok(out)
}

/// `payments list` / `payments unmatched`.
pub async fn payments_list(db: &DatabaseConnection, review_only: bool) -> anyhow::Result<String> {
    use crate::db::entity::payment;
    let rows = if review_only {
        crate::billing::payments::for_review(db).await?
    } else {
        payment::Entity::find()
            .order_by_asc(payment::Column::Id)
            .all(db)
            .await?
    };
    let mut out = format!(
        "{:<6} {:<9} {:<24} {:<20} {:>12} {:<24} {:<10} {}\n",
        "ID", "SOURCE", "EXTERNAL ID", "RECEIVED", "AMOUNT", "REFERENCE", "STATUS", "NOTE"
    );
    for p in rows {
        writeln!(
            out,
            "{:<6} {:<9} {:<24} {:<20} {:>12} {:<24} {:<10} {}",
            p.id,
            p.source,
            shown(&p.external_id),
            p.received_at.format("%Y-%m-%d %H:%M:%S"),
            crate::billing::money(p.amount_minor, &p.currency),
            shown(&p.reference),
            p.status,
            shown(&p.note.unwrap_or_default())
        )?;
        // What the bank says of who paid, for a person matching it by hand.
        let payer: Vec<String> = [&p.payer_name, &p.payer_account, &p.remittance]
            .into_iter()
            .flatten()
            .map(|t| shown(t))
            .collect();
        if !payer.is_empty() {
            writeln!(out, "{:<6} paid by: {}", "", payer.join(" · "))?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn written_text_cannot_drive_the_terminal() {
        assert_eq!(super::shown("Acme d.o.o."), "Acme d.o.o.");
        assert_eq!(super::shown("Ćirilica Медиа"), "Ćirilica Медиа");
        let hostile = "ok\u{1b}]0;owned\u{7}\r\nPAID\u{202e}";
        let out = super::shown(hostile);
        assert!(!out.chars().any(char::is_control), "{out:?}");
        assert_eq!(out, "ok\\u{1b}]0;owned\\u{7}\\u{d}\\u{a}PAID\\u{202e}");
    }

    #[test]
    fn prices() {
        assert_eq!(super::parse_price("29").ok(), Some(2900));
        assert_eq!(super::parse_price("29.5").ok(), Some(2950));
        assert_eq!(super::parse_price("0.99").ok(), Some(99));
        assert!(super::parse_price("1.999").is_err());
        assert!(super::parse_price("-3").is_err());
        assert!(super::parse_price("abc").is_err());
        assert_eq!(super::format_minor(2950), "29.50");
    }
}
