//! Bank statement import: ISO 20022 camt.053/camt.054 XML (`camt.rs`) and a simple CSV.
//! Each booked credit is recorded as a payment, idempotent by its line's id, and matched
//! by its payment reference; a credit without one waits for review with who paid and what
//! they wrote. A reversal or return is recorded for review naming the payment it takes
//! back. Everything else is listed and skipped. The whole file is read and checked first:
//! a file with a broken entry records nothing, so importing the corrected file is the
//! only step needed.

use super::payments::{BankDetails, Incoming, Recorded, Source, record, record_reversal};
pub use super::statement_lines::{Entry, Kind, Payer, StatementError, parse_amount};
use super::statement_lines::{err, parse_date};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use sea_orm::{DatabaseConnection, DbErr};
use wpplay_domain::billing::from_local;

/// A statement file's text: UTF-8 (with or without a byte order mark), else Windows-1250,
/// the code page of Serbian bank exports.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1250.decode(bytes).0.into_owned(),
    }
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
            kind: Kind::Credit,
            payer: Payer::default(),
            remittance: get(reference).to_owned(),
            tx_refs: Vec::new(),
        });
    }
    Ok(out)
}

/// Reads a statement by its content: XML is camt.053 or camt.054, anything else the
/// simple CSV.
pub fn parse(text: &str) -> Result<Vec<Entry>, StatementError> {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        super::camt::parse(text)
    } else {
        parse_csv(text)
    }
}

/// What importing a line did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A credit, recorded (or found recorded before).
    Payment(Recorded),
    /// A reversal or return, recorded once; with the external id of the payment it took
    /// back, if one here (else it waits for review).
    Reversal(Recorded, Option<String>),
    /// Not money to us: why (`debit`, `pending`, `not_booked`, `returned_debit`).
    Skipped(&'static str),
}

/// Records every line; returns each with what became of it.
/// `by`: the operator who imported it in the app (`None`: the server's command line).
pub async fn import(
    db: &DatabaseConnection,
    tz: Tz,
    entries: Vec<Entry>,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<(Entry, Outcome)>, DbErr> {
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let incoming = Incoming {
            source: Source::Bank,
            external_id: e.entry_id.clone(),
            amount_minor: e.amount_minor,
            currency: e.currency.clone(),
            reference: e.reference.clone(),
            received_at: from_local(tz, e.booked_on.and_time(NaiveTime::MIN)),
            bank: BankDetails {
                payer_name: e.payer.name.clone(),
                payer_account: e.payer.account.clone(),
                remittance: e.remittance.clone(),
                refs: e.tx_refs.clone(),
                recorded_by: by,
            },
        };
        let outcome = match e.kind {
            Kind::Credit => Outcome::Payment(record(db, tz, incoming, now).await?),
            Kind::Reversal => {
                let (recorded, original) = record_reversal(db, incoming, now).await?;
                Outcome::Reversal(recorded, original)
            }
            Kind::Skipped(why) => Outcome::Skipped(why),
        };
        out.push((e, outcome));
    }
    Ok(out)
}

/// What importing a line would do, read without writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preview {
    /// Its reference matches this invoice (in its currency): it will count there.
    WillApply(String),
    /// No invoice to apply it to (or another currency): it will wait for a person.
    WillWait,
    /// A reversal naming this recorded payment (its external id): it will take it back.
    WillTakeBack(String),
    AlreadyRecorded,
    Skipped(&'static str),
}

/// What importing `entries` would do, line by line; nothing is written.
pub async fn preview(
    db: &impl sea_orm::ConnectionTrait,
    entries: &[Entry],
) -> Result<Vec<Preview>, DbErr> {
    use crate::db::entity::invoice;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let known = || super::payments::existing(db, Source::Bank, &e.entry_id);
        out.push(match e.kind {
            Kind::Skipped(why) => Preview::Skipped(why),
            _ if known().await?.is_some() => Preview::AlreadyRecorded,
            Kind::Credit => {
                let keys = super::reference_keys(&e.reference);
                let inv = if keys.is_empty() {
                    None
                } else {
                    invoice::Entity::find()
                        .filter(invoice::Column::ReferenceKey.is_in(keys))
                        .one(db)
                        .await?
                };
                match inv {
                    Some(i) if i.currency.eq_ignore_ascii_case(&e.currency) => {
                        Preview::WillApply(i.number)
                    }
                    _ => Preview::WillWait,
                }
            }
            Kind::Reversal => match super::payments::named_by(db, &e.tx_refs).await? {
                Some(p) => Preview::WillTakeBack(p.external_id),
                None => Preview::WillWait,
            },
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

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
        let all = parse(&CAMT.replace("97 41-2026000042", &printed)).expect("parsed");
        assert_eq!(
            all[1].kind,
            Kind::Skipped("debit"),
            "the debit is not a payment"
        );
        let e: Vec<Entry> = all.into_iter().filter(|e| e.kind == Kind::Credit).collect();
        assert_eq!(e.len(), 2);
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
        let three_decimals = CAMT.replace(">79.00<", ">79.001<");
        assert_eq!(
            parse(&three_decimals).expect_err("refused").0,
            "entry 1 (BANK-0001): the amount 79.001 has more than two decimals"
        );
        let later = CAMT.replace("camt.053.001.02", "camt.053.001.09");
        assert!(parse(&later).expect_err("refused").0.contains(".001.08"));
        let csv = "entry_id,date,amount,currency,reference\nE1,2026-03-10,79.00,EUR,\"97 41-2026000042\"\nE2,2026-03-10,abc,EUR,x\n";
        assert!(parse(csv).expect_err("refused").0.contains("line 3"));
    }

    /// A fixture from tests/fixtures/statements with its placeholders filled.
    fn fixture(name: &str, amount: &str, reference: &str) -> Vec<Entry> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/statements/");
        let text = std::fs::read_to_string(format!("{dir}{name}")).expect("fixture");
        let text = text
            .replace("{currency}", "EUR")
            .replace("{amount}", amount)
            .replace("{reference}", reference)
            .replace("{batch_total}", "109.00");
        parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn kinds(e: &[Entry]) -> Vec<(&str, Kind)> {
        e.iter().map(|e| (e.entry_id.as_str(), e.kind)).collect()
    }

    #[test]
    fn a_serbian_banks_camt053_v02_with_its_payer_and_a_fee() {
        let (printed, key) = crate::billing::payment_reference(2026, 42, "RS");
        let e = fixture("camt053-v02-model97.xml", "79.00", &printed);
        assert_eq!(
            kinds(&e),
            [
                ("20260310-000117", Kind::Credit),
                ("20260310-000118", Kind::Skipped("debit"))
            ]
        );
        assert_eq!(e[0].amount_minor, 7_900);
        assert!(
            crate::billing::reference_keys(&e[0].reference).contains(&key),
            "{}",
            e[0].reference
        );
        assert_eq!(
            e[0].payer,
            Payer {
                name: "ACME MEDIA DOO CACAK".into(),
                account: "205-0000000098765-43".into()
            }
        );
        assert!(
            e[0].remittance.starts_with("Pretplata WP Play"),
            "{}",
            e[0].remittance
        );
    }

    #[test]
    fn a_batch_entry_is_one_payment_per_transaction_and_pending_is_not_money() {
        let e = fixture("camt053-v08-batch.xml", "79.00", "RF18539007547034");
        assert_eq!(
            kinds(&e),
            [
                ("tx:E2E-ACME-0311", Kind::Credit),
                ("tx:E2E-BETA-0311", Kind::Credit),
                ("tx:TX-77002", Kind::Credit),
                ("PEND-0312-1", Kind::Skipped("pending")),
            ]
        );
        let amounts: Vec<i64> = e.iter().map(|e| e.amount_minor).collect();
        assert_eq!(amounts, [7_900, 2_500, 500, 9_900]);
        assert_eq!(e[0].reference, "RF18539007547034", "structured reference");
        assert_eq!(
            e[0].payer.name, "Acme Media d.o.o.",
            ".08 puts the name under Pty"
        );
        assert_eq!(e[1].tx_refs, ["E2E-BETA-0311", "TX-77001"]);
        assert_eq!(e[1].reference, "", "no reference: for review");
        assert_eq!(e[1].remittance, "Uplata za februar");
        assert_eq!(e[2].tx_refs, ["TX-77002"], "NOTPROVIDED is no reference");
        assert_eq!(
            e[0].booked_on,
            NaiveDate::from_ymd_opt(2026, 3, 11).expect("date")
        );

        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/statements/");
        let text = std::fs::read_to_string(format!("{dir}camt053-v08-batch.xml")).expect("fixture");
        let wrong_total = text
            .replace("{amount}", "79.00")
            .replace("{reference}", "x")
            .replace("{batch_total}", "110.00");
        assert_eq!(
            parse(&wrong_total).expect_err("refused").0,
            "entry 1: the batch's transactions add up to 109.00 EUR, not the entry's 110.00 EUR"
        );
    }

    #[test]
    fn a_reversal_names_the_transaction_it_takes_back() {
        let e = fixture("camt053-v08-reversal.xml", "79.00", "");
        assert_eq!(
            kinds(&e),
            [
                ("RVSL-0312-1", Kind::Reversal),
                ("RTRN-0312-2", Kind::Reversal)
            ],
            "a reversal, and a return"
        );
        assert_eq!(e[0].tx_refs, ["E2E-BETA-0311"]);
        assert_eq!(e[0].amount_minor, 2_500);
        assert_eq!(e[1].tx_refs, ["E2E-ACME-0311"]);
    }

    #[test]
    fn lines_without_any_bank_reference_get_the_same_ids_every_time() {
        let e = fixture("camt054-v04-no-refs.xml", "", "");
        assert_eq!(e.len(), 3);
        assert_eq!(
            (e[0].kind, e[1].kind, e[2].kind),
            (Kind::Credit, Kind::Credit, Kind::Skipped("not_booked"))
        );
        assert!(e[0].entry_id.starts_with("hash:"), "{}", e[0].entry_id);
        assert_ne!(
            e[0].entry_id, e[1].entry_id,
            "two identical credits are two payments"
        );
        let again = fixture("camt054-v04-no-refs.xml", "", "");
        assert_eq!(kinds(&e), kinds(&again), "read again, the same ids");
        assert_eq!(
            (e[0].amount_minor, e[0].currency.as_str()),
            (930_000, "RSD")
        );
        assert_eq!(e[0].payer.name, "Petar Petrovic PR");
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
