//! Bank statement import: ISO 20022 camt.053 XML and a simple CSV. Each credit entry is
//! recorded as a payment, idempotent by the bank's entry id, and matched by its payment
//! reference. The whole file is read and checked first: a file with a broken entry
//! records nothing, so importing the corrected file is the only step needed.

use super::payments::{Incoming, Recorded, Source, record};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use sea_orm::{DatabaseConnection, DbErr};
use wpplay_domain::billing::from_local;

/// One credit entry of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The bank's id of the entry: importing it again records nothing.
    pub entry_id: String,
    pub booked_on: NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    pub reference: String,
}

/// A statement that could not be read, with where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StatementError(pub String);

fn err(msg: impl Into<String>) -> StatementError {
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
fn parse_date(v: &str) -> Option<NaiveDate> {
    let v = v.trim();
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(v.trim_end_matches('.'), "%d.%m.%Y"))
        .ok()
}

/// A statement file's text: UTF-8 (with or without a byte order mark), else Windows-1250,
/// the code page of Serbian bank exports.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1250.decode(bytes).0.into_owned(),
    }
}

/// A payment reference found in free remittance text: an RF reference or a model 97
/// "poziv na broj" (two check digits, a dash, digits).
fn reference_in(text: &str) -> Option<String> {
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

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The trimmed text at a path of child elements.
fn path(n: roxmltree::Node<'_, '_>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .try_fold(n, |at, name| child(at, name))
        .and_then(|x| x.text())
        .map(|t| t.trim().to_owned())
}

/// The credit entries of a camt.053 statement (debits are not payments to us).
pub fn parse_camt053(xml: &str) -> Result<Vec<Entry>, StatementError> {
    let doc = roxmltree::Document::parse(xml)
        .map_err(|e| err(format!("This is not readable XML: {e}")))?;
    let root = doc.root_element();
    if root.tag_name().name() != "Document"
        || !root
            .children()
            .any(|c| c.is_element() && c.tag_name().name() == "BkToCstmrStmt")
    {
        return Err(err(
            "This XML is not an ISO 20022 camt.053 bank statement (no Document/BkToCstmrStmt).",
        ));
    }
    let mut out = Vec::new();
    for (i, ntry) in root
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Ntry")
        .enumerate()
    {
        let at = format!("entry {}", i + 1);
        if path(ntry, &["CdtDbtInd"]).as_deref() != Some("CRDT") {
            continue;
        }
        if path(ntry, &["RvslInd"]).as_deref() == Some("true") {
            continue;
        }
        let amt = child(ntry, "Amt").ok_or_else(|| err(format!("{at}: no amount")))?;
        let amount_minor = amt.text().and_then(parse_amount).ok_or_else(|| {
            err(format!(
                "{at}: the amount is not a number of at most 10000000000.00"
            ))
        })?;
        let currency = amt
            .attribute("Ccy")
            .map(str::to_ascii_uppercase)
            .filter(|c| c.len() == 3)
            .ok_or_else(|| err(format!("{at}: the amount has no currency")))?;
        let booked_on = path(ntry, &["BookgDt", "Dt"])
            .or_else(|| path(ntry, &["BookgDt", "DtTm"]))
            .or_else(|| path(ntry, &["ValDt", "Dt"]))
            .and_then(|d| parse_date(&d))
            .ok_or_else(|| err(format!("{at}: no booking date")))?;
        let tx = ntry
            .descendants()
            .find(|n| n.is_element() && n.tag_name().name() == "TxDtls");
        let entry_id = path(ntry, &["AcctSvcrRef"])
            .or_else(|| path(ntry, &["NtryRef"]))
            .or_else(|| tx.and_then(|t| path(t, &["Refs", "AcctSvcrRef"])))
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                err(format!(
                    "{at}: no bank entry id (AcctSvcrRef or NtryRef), so it could not be recorded once"
                ))
            })?;
        let structured = tx.and_then(|t| path(t, &["RmtInf", "Strd", "CdtrRefInf", "Ref"]));
        let unstructured: Vec<String> = ntry
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "Ustrd")
            .filter_map(|n| n.text().map(str::to_owned))
            .collect();
        let reference = structured
            .or_else(|| unstructured.iter().find_map(|u| reference_in(u)))
            .unwrap_or_else(|| unstructured.join(" "));
        out.push(Entry {
            entry_id,
            booked_on,
            amount_minor,
            currency,
            reference,
        });
    }
    Ok(out)
}

/// Splits one CSV line at `sep` (double quotes doubled inside quoted cells).
fn csv_cells(line: &str, sep: char) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (c, false) if c == sep => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// The simple CSV: a header `entry_id,date,amount,currency,reference` (any order, more
/// columns ignored), one credit per line; separated by commas, or by semicolons as Excel
/// writes it in a Serbian locale (told by the header).
pub fn parse_csv(text: &str) -> Result<Vec<Entry>, StatementError> {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or_else(|| err("The CSV file is empty."))?;
    let sep = if header.matches(';').count() > header.matches(',').count() {
        ';'
    } else {
        ','
    };
    let header: Vec<String> = csv_cells(header, sep)
        .into_iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let col = |name: &str| {
        header.iter().position(|h| h == name).ok_or_else(|| {
            err(format!(
                "The CSV header has no '{name}' column; it needs entry_id,date,amount,currency,reference."
            ))
        })
    };
    let (id, date, amount, currency, reference) = (
        col("entry_id")?,
        col("date")?,
        col("amount")?,
        col("currency")?,
        col("reference")?,
    );
    let mut out = Vec::new();
    for (n, line) in lines {
        let at = format!("line {}", n + 1);
        let cells = csv_cells(line, sep);
        let get = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let entry_id = get(id).to_owned();
        if entry_id.is_empty() || entry_id.len() > 128 {
            return Err(err(format!("{at}: the entry_id is missing or too long")));
        }
        let amount_minor = parse_amount(get(amount))
            .filter(|a| *a > 0)
            .ok_or_else(|| {
                err(format!(
                    "{at}: the amount {:?} is not a positive number like 79.00 (at most 10000000000.00)",
                    get(amount)
                ))
            })?;
        let cur = get(currency).to_ascii_uppercase();
        if cur.len() != 3 || !cur.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(err(format!(
                "{at}: the currency {:?} is not a three-letter code",
                get(currency)
            )));
        }
        let booked_on = parse_date(get(date)).ok_or_else(|| {
            err(format!(
                "{at}: the date {:?} is not YYYY-MM-DD or DD.MM.YYYY.",
                get(date)
            ))
        })?;
        out.push(Entry {
            entry_id,
            booked_on,
            amount_minor,
            currency: cur,
            reference: get(reference).to_owned(),
        });
    }
    Ok(out)
}

/// Reads a statement by its content: XML is camt.053, anything else the simple CSV.
pub fn parse(text: &str) -> Result<Vec<Entry>, StatementError> {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        parse_camt053(text)
    } else {
        parse_csv(text)
    }
}

/// Records every entry; returns each entry with what became of it.
pub async fn import(
    db: &DatabaseConnection,
    tz: Tz,
    entries: Vec<Entry>,
    now: DateTime<Utc>,
) -> Result<Vec<(Entry, Recorded)>, DbErr> {
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let received_at = from_local(tz, e.booked_on.and_time(NaiveTime::MIN));
        let r = record(
            db,
            tz,
            Incoming {
                source: Source::Bank,
                external_id: e.entry_id.clone(),
                amount_minor: e.amount_minor,
                currency: e.currency.clone(),
                reference: e.reference.clone(),
                received_at,
            },
            now,
        )
        .await?;
        out.push((e, r));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAMT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-03-11T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S1</Id>
      <Ntry>
        <Amt Ccy="EUR">79.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-03-10</Dt></BookgDt>
        <AcctSvcrRef>BANK-0001</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd>
        <BookgDt><Dt>2026-03-10</Dt></BookgDt><AcctSvcrRef>BANK-0002</AcctSvcrRef>
      </Ntry>
      <Ntry>
        <Amt Ccy="RSD">9300</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <ValDt><Dt>2026-03-11</Dt></ValDt><NtryRef>BANK-0003</NtryRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>Pretplata poziv na broj 97 41-2026000042 hvala</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>"#;

    #[test]
    fn camt053_credits_with_their_references() {
        let (printed, _) = crate::billing::payment_reference(2026, 42, "RS");
        let e = parse(&CAMT.replace("97 41-2026000042", &printed)).expect("parsed");
        assert_eq!(e.len(), 2, "the debit is not a payment");
        assert_eq!(
            (
                e[0].entry_id.as_str(),
                e[0].amount_minor,
                e[0].currency.as_str(),
                e[0].reference.as_str()
            ),
            ("BANK-0001", 7900, "EUR", "RF18539007547034")
        );
        let model97 = crate::billing::payment_reference(2026, 42, "RS").1;
        assert!(
            crate::billing::reference_keys(&e[1].reference).contains(&model97),
            "found in free text"
        );
        assert_eq!(
            (e[1].entry_id.as_str(), e[1].amount_minor),
            ("BANK-0003", 930_000)
        );
        assert_eq!(
            e[1].booked_on,
            NaiveDate::from_ymd_opt(2026, 3, 11).expect("date")
        );
    }

    #[test]
    fn broken_statements_are_refused_whole() {
        assert!(parse("<Document><Other/></Document>").is_err());
        assert!(parse("<Document").is_err());
        let no_id = CAMT.replace("<AcctSvcrRef>BANK-0001</AcctSvcrRef>", "");
        assert!(parse(&no_id).expect_err("refused").0.contains("entry 1"));
        let csv = "entry_id,date,amount,currency,reference\nE1,2026-03-10,79.00,EUR,\"97 41-2026000042\"\nE2,2026-03-10,abc,EUR,x\n";
        assert!(parse(csv).expect_err("refused").0.contains("line 3"));
    }

    #[test]
    fn csv_entries() {
        let csv = "\u{feff}Date,Entry_ID,Amount,Currency,Reference,Payer\n2026-03-10,E1,79,eur,\"RF18 5390 0754 7034\",\"Acme, d.o.o.\"\n\n";
        let e = parse(csv).expect("parsed");
        assert_eq!(e.len(), 1);
        assert_eq!(
            (
                e[0].amount_minor,
                e[0].currency.as_str(),
                e[0].reference.as_str()
            ),
            (7900, "EUR", "RF18 5390 0754 7034")
        );
        assert_eq!(parse_amount("1234,5"), Some(123_450));
        assert_eq!(parse_amount("1.999"), None);
        assert_eq!(parse_amount("-5"), None);
        assert_eq!(parse_amount("10000000000.00"), Some(1_000_000_000_000));
        assert_eq!(
            parse_amount("10000000000.01"),
            None,
            "beyond the largest amount"
        );
        assert_eq!(parse_amount("92233720368547758.07"), None);
    }

    #[test]
    fn a_serbian_bank_export_in_windows_1250_with_semicolons_and_decimal_commas() {
        let text = "entry_id;datum;date;amount;currency;reference;uplatilac\r\n\
                    B1;x;10.03.2026.;1.234,56;RSD;97 41-2026000042;Ćirilica Media, Čačak\r\n\
                    B2;x;2026-03-11;79,00;rsd;\"97 41-2026000043\";Đorđe\r\n";
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1250.encode(text);
        assert!(!lossy, "the sample is Windows-1250");
        assert!(std::str::from_utf8(&bytes).is_err(), "and not UTF-8");
        let decoded = decode(&bytes);
        assert!(decoded.contains("Ćirilica Media, Čačak"), "{decoded}");
        let e = parse(&decoded).expect("parsed");
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[0].amount_minor, e[0].currency.as_str()),
            (123_456, "RSD")
        );
        assert_eq!(
            e[0].booked_on,
            NaiveDate::from_ymd_opt(2026, 3, 10).expect("date")
        );
        assert_eq!(e[1].amount_minor, 7_900);
        assert_eq!(e[1].reference, "97 41-2026000043");
        assert_eq!(decode("\u{feff}entry_id".as_bytes()), "\u{feff}entry_id");
    }

    #[test]
    fn amounts_as_either_language_writes_them() {
        for (text, minor) in [
            ("79", 7_900),
            ("79.5", 7_950),
            ("79,50", 7_950),
            ("1.234,56", 123_456),
            ("1,234.56", 123_456),
            ("1.234.567", 123_456_700),
        ] {
            assert_eq!(parse_amount(text), Some(minor), "{text}");
        }
        assert_eq!(parse_amount("1,2,3.4,5"), None);
        assert_eq!(parse_amount("12.345,678"), None, "three decimals");
    }
}
