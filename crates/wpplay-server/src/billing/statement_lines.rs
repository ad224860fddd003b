//! A bank statement's lines as every format gives them (camt.053/camt.054 in `camt.rs`,
//! the simple CSV in `statements.rs`), and the readers of their values: amounts, dates
//! and payment references in free text.

use chrono::NaiveDate;

/// One line of a statement: a transaction of an entry (a batch entry gives several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The same every time the file is read: importing it again records nothing.
    pub entry_id: String,
    pub booked_on: NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    /// The payment reference found (structured, or in the remittance text), else empty.
    pub reference: String,
    pub kind: Kind,
    pub payer: Payer,
    /// The remittance text as the payer wrote it.
    pub remittance: String,
    /// The bank's references of the transaction (end-to-end id, transaction id, …), by
    /// which a later reversal names it.
    pub tx_refs: Vec<String>,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money received: recorded as a payment.
    Credit,
    /// A credit taken back by the bank (reversed, or returned to the payer): it undoes
    /// the payment it names.
    Reversal,
    /// Listed, not money to us: `debit`, `pending`, `not_booked`, `returned_debit`.
    Skipped(&'static str),
}

/// Who paid, as the bank says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Payer {
    pub name: String,
    pub account: String,
}

/// A statement that could not be read, with where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StatementError(pub String);

pub(super) fn err(msg: impl Into<String>) -> StatementError {
    StatementError(msg.into())
}

/// An amount like `79.00`, `79`, `1234.5`, or as Serbian banks write it `1.234,56`, in
/// minor units (two decimals). With both marks the last one is the decimal mark; a mark
/// that comes more than once groups thousands.
pub fn parse_amount(v: &str) -> Option<i64> {
    let v = v.trim();
    let decimal = match (v.rfind('.'), v.rfind(',')) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) if v.matches('.').count() == 1 => Some('.'),
        (None, Some(_)) if v.matches(',').count() == 1 => Some(','),
        _ => None,
    };
    let plain: String = v
        .chars()
        .filter(|c| !matches!(c, '.' | ',') || Some(*c) == decimal)
        .collect();
    let v = plain.as_str();
    let (whole, frac) = v.split_once(['.', ',']).unwrap_or((v, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = format!("{frac:0<2}").parse().ok()?;
    whole
        .checked_mul(100)?
        .checked_add(frac)
        .filter(|m| *m <= wpplay_domain::billing::MAX_AMOUNT_MINOR)
}

/// `2026-03-10` (ISO), or `10.03.2026.` as Serbian banks write it.
pub(super) fn parse_date(v: &str) -> Option<NaiveDate> {
    let v = v.trim();
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(v.trim_end_matches('.'), "%d.%m.%Y"))
        .ok()
}

/// A payment reference found in free remittance text: an RF reference or a model 97
/// "poziv na broj" (two check digits, a dash, digits).
pub(super) fn reference_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let upper = w.to_ascii_uppercase();
        if upper.starts_with("RF") {
            // RF references may be written in groups of four.
            let joined: String = words[i..].iter().take(7).copied().collect();
            for end in (4..=joined.len().min(25)).rev() {
                let cand = joined.get(..end).unwrap_or_default();
                if wpplay_domain::billing::rf_valid(cand) {
                    return Some(cand.to_ascii_uppercase());
                }
            }
        }
        let digits: String = w
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        if digits.len() >= 5 && wpplay_domain::billing::model97_valid(&digits) {
            return Some(digits);
        }
    }
    None
}
