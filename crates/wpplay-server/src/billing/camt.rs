//! ISO 20022 bank-to-customer messages as banks really send them: camt.053 (the statement,
//! `BkToCstmrStmt/Stmt`) and camt.054 (the notification, `BkToCstmrDbtCdtNtfctn/Ntfctn`),
//! versions .001.02 to .001.08. Every entry (`Ntry`) becomes one line per transaction
//! (`TxDtls`): a batch booking is split into its transactions. Only booked entries are
//! money; pending and informational ones, debits, and returns of our own payments are
//! listed and skipped. A reversal (`RvslInd`) or a return (`RtrInf`) of a credit names
//! the payment it undoes by the transaction's references.
//!
//! Each line gets an id that is the same every time the file is read, so importing a
//! statement twice records nothing twice: the bank's entry reference, with the
//! transaction's position for a batch; failing both, the transaction's own references;
//! failing all, a hash of what the line says and how many identical lines came before it.

use super::statement_lines::{
    Entry, Kind, Payer, StatementError, err, parse_amount, parse_date, reference_in,
};
use roxmltree::Node;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The message versions read (camt.053.001.02 … .08, camt.054.001.02 … .08).
const VERSIONS: std::ops::RangeInclusive<u32> = 2..=8;

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn children<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The trimmed text at a path of child elements, if not empty.
fn path(n: Node<'_, '_>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .try_fold(n, |at, name| child(at, name))
        .and_then(|x| x.text())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// A party's name: `Nm` directly (up to .07) or under `Pty` (.08).
fn party_name(n: Node<'_, '_>) -> Option<String> {
    path(n, &["Nm"]).or_else(|| path(n, &["Pty", "Nm"]))
}

/// An account's IBAN, or its other identification.
fn account(n: Node<'_, '_>) -> Option<String> {
    path(n, &["Id", "IBAN"]).or_else(|| path(n, &["Id", "Othr", "Id"]))
}

/// The entry's status: `<Sts>BOOK</Sts>` up to .05, `<Sts><Cd>BOOK</Cd></Sts>` from .06.
fn status(ntry: Node<'_, '_>) -> String {
    path(ntry, &["Sts", "Cd"])
        .or_else(|| path(ntry, &["Sts"]))
        .unwrap_or_else(|| "BOOK".to_owned())
        .to_ascii_uppercase()
}

/// An amount element: its value in minor units and its currency. More than two
/// decimals is refused (no currency we bill in has them).
fn amount(amt: Node<'_, '_>, at: &str) -> Result<(i64, String), StatementError> {
    let text = amt.text().unwrap_or_default().trim();
    let decimals = text.rsplit_once('.').map_or(0, |(_, f)| f.len());
    if decimals > 2 {
        return Err(err(format!(
            "{at}: the amount {text} has more than two decimals"
        )));
    }
    let minor = parse_amount(text).ok_or_else(|| {
        err(format!(
            "{at}: the amount {text:?} is not a number of at most 10000000000.00"
        ))
    })?;
    let currency = amt
        .attribute("Ccy")
        .map(str::to_ascii_uppercase)
        .filter(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_alphabetic()))
        .ok_or_else(|| err(format!("{at}: the amount has no currency")))?;
    Ok((minor, currency))
}

/// A transaction's own amount: `Amt` from .04, `AmtDtls/TxAmt/Amt` (or the instructed
/// amount) before.
fn tx_amount<'a, 'i>(tx: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    child(tx, "Amt").or_else(|| {
        ["TxAmt", "InstdAmt"].iter().find_map(|k| {
            child(tx, "AmtDtls")
                .and_then(|d| child(d, k))
                .and_then(|a| child(a, "Amt"))
        })
    })
}

/// The message: which kind, and its version; refuses what it cannot read.
fn message(root: Node<'_, '_>) -> Result<(&'static str, &'static str), StatementError> {
    let (kind, report, body) = if child(root, "BkToCstmrStmt").is_some() {
        ("camt.053", "BkToCstmrStmt", "Stmt")
    } else if child(root, "BkToCstmrDbtCdtNtfctn").is_some() {
        ("camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn")
    } else {
        return Err(err(
            "This XML is not an ISO 20022 bank statement (no Document/BkToCstmrStmt for camt.053 \
             or Document/BkToCstmrDbtCdtNtfctn for camt.054).",
        ));
    };
    if let Some(ns) = root.tag_name().namespace() {
        let version = ns
            .rsplit_once(&format!("{kind}.001."))
            .and_then(|(_, v)| v.parse::<u32>().ok());
        match version {
            Some(v) if VERSIONS.contains(&v) => {}
            _ => {
                return Err(err(format!(
                    "This message ({ns}) is not a version read here: {kind}.001.02 to {kind}.001.08."
                )));
            }
        }
    }
    Ok((report, body))
}

/// Every transaction of every entry, in the file's order.
pub fn parse(xml: &str) -> Result<Vec<Entry>, StatementError> {
    let doc = roxmltree::Document::parse(xml)
        .map_err(|e| err(format!("This is not readable XML: {e}")))?;
    let root = doc.root_element();
    if root.tag_name().name() != "Document" {
        return Err(err("This XML is not an ISO 20022 message (no Document)."));
    }
    let (report, body) = message(root)?;
    let mut out = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut n = 0;
    for section in child(root, report)
        .into_iter()
        .flat_map(|r| children(r, body))
    {
        for ntry in children(section, "Ntry") {
            n += 1;
            out.extend(entry(ntry, n, &mut seen)?);
        }
    }
    Ok(out)
}

/// One entry's lines.
fn entry(
    ntry: Node<'_, '_>,
    n: usize,
    seen: &mut HashMap<String, u32>,
) -> Result<Vec<Entry>, StatementError> {
    let bank_id = path(ntry, &["AcctSvcrRef"]).or_else(|| path(ntry, &["NtryRef"]));
    let at = match &bank_id {
        Some(id) => format!("entry {n} ({id})"),
        None => format!("entry {n}"),
    };
    let (entry_minor, currency) = amount(
        child(ntry, "Amt").ok_or_else(|| err(format!("{at}: no amount")))?,
        &at,
    )?;
    let credit = match path(ntry, &["CdtDbtInd"]).as_deref() {
        Some("CRDT") => true,
        Some("DBIT") => false,
        _ => return Err(err(format!("{at}: CdtDbtInd is neither CRDT nor DBIT"))),
    };
    let booked_on = path(ntry, &["BookgDt", "Dt"])
        .or_else(|| path(ntry, &["BookgDt", "DtTm"]))
        .or_else(|| path(ntry, &["ValDt", "Dt"]))
        .or_else(|| path(ntry, &["ValDt", "DtTm"]))
        .and_then(|d| parse_date(&d))
        .ok_or_else(|| err(format!("{at}: no booking date")))?;
    let reversal = path(ntry, &["RvslInd"]).is_some_and(|v| v == "true" || v == "1");
    let status = status(ntry);

    let txs: Vec<Node<'_, '_>> = children(ntry, "NtryDtls")
        .flat_map(|d| children(d, "TxDtls"))
        .collect();
    let batch = txs.len() > 1;
    let mut lines = Vec::new();
    let mut sum: i64 = 0;
    // An entry without transaction details is one line of its own.
    let parts: Vec<Option<Node<'_, '_>>> = if txs.is_empty() {
        vec![None]
    } else {
        txs.into_iter().map(Some).collect()
    };
    for (i, tx) in parts.iter().enumerate() {
        let at = if batch {
            format!("{at}, transaction {}", i + 1)
        } else {
            at.clone()
        };
        let (amount_minor, tx_currency) = match tx.and_then(tx_amount) {
            Some(a) => amount(a, &at)?,
            None if batch => {
                return Err(err(format!(
                    "{at}: a batch's transaction has no amount of its own"
                )));
            }
            None => (entry_minor, currency.clone()),
        };
        if tx_currency != currency {
            return Err(err(format!(
                "{at}: the transaction is in {tx_currency} and its entry in {currency}"
            )));
        }
        sum = sum.saturating_add(amount_minor);
        let refs: Vec<String> = tx
            .and_then(|t| child(t, "Refs"))
            .map(|r| {
                ["EndToEndId", "TxId", "AcctSvcrRef", "InstrId", "MsgId"]
                    .iter()
                    .filter_map(|k| path(r, &[k]))
                    .filter(|v| !v.eq_ignore_ascii_case("NOTPROVIDED"))
                    .collect()
            })
            .unwrap_or_default();
        let related = tx.and_then(|t| child(t, "RltdPties"));
        // Who paid us: the debtor (the ultimate debtor when given).
        let payer = Payer {
            name: related
                .and_then(|p| child(p, "UltmtDbtr").and_then(party_name))
                .or_else(|| related.and_then(|p| child(p, "Dbtr")).and_then(party_name))
                .unwrap_or_default(),
            account: related
                .and_then(|p| child(p, "DbtrAcct"))
                .and_then(account)
                .unwrap_or_default(),
        };
        let remit = tx.and_then(|t| child(t, "RmtInf"));
        let structured =
            remit.and_then(|r| children(r, "Strd").find_map(|s| path(s, &["CdtrRefInf", "Ref"])));
        let unstructured: Vec<String> = remit
            .map(|r| {
                children(r, "Ustrd")
                    .filter_map(|u| u.text())
                    .map(|t| t.trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let remittance = unstructured.join(" ");
        let mut addtl = path(ntry, &["AddtlNtryInf"]).unwrap_or_default();
        if let Some(t) = tx.and_then(|t| path(t, &["AddtlTxInf"])) {
            addtl = t;
        }
        let reference = structured
            .clone()
            .or_else(|| unstructured.iter().find_map(|u| reference_in(u)))
            .or_else(|| reference_in(&addtl))
            .unwrap_or_default();
        let returned = tx.and_then(|t| child(t, "RtrInf")).is_some();
        let kind = if status != "BOOK" {
            Kind::Skipped(if status == "PDNG" {
                "pending"
            } else {
                "not_booked"
            })
        } else if credit && !reversal && !returned {
            Kind::Credit
        } else if !credit && (reversal || returned) {
            Kind::Reversal
        } else if credit {
            Kind::Skipped("returned_debit")
        } else {
            Kind::Skipped("debit")
        };
        let entry_id = match (&bank_id, batch) {
            (Some(id), false) => id.clone(),
            (Some(id), true) => format!("{id}/{}", i + 1),
            (None, _) => match refs.first() {
                Some(r) => format!("tx:{r}"),
                None => {
                    let content = format!(
                        "{booked_on}|{amount_minor}|{currency}|{credit}|{reversal}|{}|{}|{remittance}|{reference}|{addtl}",
                        payer.account, payer.name
                    );
                    let count = seen.entry(content.clone()).or_insert(0);
                    *count += 1;
                    let digest = Sha256::digest(format!("{content}|{count}").as_bytes());
                    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
                    format!("hash:{hex}")
                }
            },
        };
        lines.push(Entry {
            entry_id,
            booked_on,
            amount_minor,
            currency: currency.clone(),
            reference,
            kind,
            payer,
            remittance: if remittance.is_empty() {
                addtl
            } else {
                remittance
            },
            tx_refs: refs,
        });
    }
    if batch && sum != entry_minor {
        return Err(err(format!(
            "{at}: the batch's transactions add up to {}, not the entry's {}",
            super::money(sum, &currency),
            super::money(entry_minor, &currency)
        )));
    }
    Ok(lines)
}
