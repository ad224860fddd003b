//! CSV export of exactly what a table's filters show (every page of it), written to the
//! export folder (the user's Downloads folder in the app).

use super::dealers::filtered_dealers;
use super::state::Core;
use super::subscribers::{check_page, filtered_lines};
use crate::commands::{AuditExportArgs, InvoiceExportArgs, ReviewPaymentsArgs};
use crate::error::{CoreResult, local_storage};
use wpplay_domain::billing::InvoiceStatus;
use wpplay_wire::billing::ReviewPayment;
use wpplay_wire::operator::OperatorInvoice;

/// The most activity-log rows one export takes (the page reads 100 a time).
const MAX_AUDIT_ROWS: usize = 100_000;
/// The most payments or invoices one export reads from the server.
const MAX_SERVER_ROWS: usize = 100_000;
use crate::view::{CsvExport, DealerQuery, LineView, SubscriberQuery};
use std::io::Write;
use std::path::{Path, PathBuf};
use wpplay_i18n::{Lang, format, text};
use wpplay_wire::dealers::{DealerState, LineStatus};

impl Core {
    /// My Dealers as filtered, searched and sorted now, all pages.
    pub async fn export_dealers(&self, q: DealerQuery) -> CoreResult<CsvExport> {
        check_page(q.page, q.page_size)?;
        let rows = filtered_dealers(self.dealer_rows().await?, &q);
        let lang = self.lang_now();
        let say = |id: &str| text(lang, id, None);
        let mut csv = Csv::new(
            lang,
            &[
                "csv-name",
                "csv-username",
                "csv-email",
                "csv-phone",
                "csv-status",
                "csv-subscribers",
                "csv-sync",
            ],
        );
        for r in &rows {
            csv.row(&[
                &r.display_name,
                &r.username,
                r.contact_email.as_deref().unwrap_or(""),
                r.contact_phone.as_deref().unwrap_or(""),
                &say(match r.status {
                    DealerState::Active => "csv-active",
                    DealerState::Inactive => "csv-inactive",
                }),
                &r.subscriber_count.to_string(),
                &say(sync_label(r.sync)),
            ]);
        }
        self.write_export("my-dealers", csv, rows.len())
    }

    /// The subscribers table as filtered, searched and sorted now, all pages.
    pub async fn export_subscribers(&self, q: SubscriberQuery) -> CoreResult<CsvExport> {
        check_page(q.page, q.page_size)?;
        let (rows, _) = self.subscriber_rows().await?;
        let rows = filtered_lines(rows, &q);
        let lang = self.lang_now();
        let say = |id: &str| text(lang, id, None);
        let mut csv = Csv::new(
            lang,
            &[
                "csv-name",
                "csv-line-username",
                "csv-mac",
                "csv-dealer",
                "csv-expires",
                "csv-status",
                "csv-state",
                "csv-sync",
            ],
        );
        for r in &rows {
            csv.row(&[
                &r.name,
                &r.line_username,
                &r.mac,
                r.dealer_name.as_deref().unwrap_or(""),
                &r.expires_at.format("%Y-%m-%d %H:%M").to_string(),
                &say(match r.status {
                    LineStatus::Active => "csv-active",
                    LineStatus::Disabled => "csv-disabled",
                }),
                &say(match r.state {
                    LineView::Active => "csv-active",
                    LineView::Disabled => "csv-disabled",
                    LineView::Suspended => "csv-suspended",
                    LineView::Expired => "csv-expired",
                }),
                &say(sync_label(r.sync)),
            ]);
        }
        self.write_export("subscribers", csv, rows.len())
    }

    /// The activity log as the page shows it (its rows worded there), at most
    /// [`MAX_AUDIT_ROWS`] rows.
    pub async fn export_audit(&self, args: AuditExportArgs) -> CoreResult<CsvExport> {
        if args.rows.len() > MAX_AUDIT_ROWS {
            return Err(wpplay_wire::ErrorBody::new(
                wpplay_domain::Code::InvalidField,
                // (not translated): an error's message, which the app words by its code.
                format!("At most {MAX_AUDIT_ROWS} entries are exported at once."),
            ));
        }
        let lang = self.lang_now();
        let mut csv = Csv::new(
            lang,
            &[
                "csv-when",
                "csv-who",
                "csv-role",
                "csv-what",
                "csv-which",
                "csv-outcome",
            ],
        );
        for r in &args.rows {
            csv.row(&[&r.at, &r.who, &r.role, &r.what, &r.which, &r.outcome]);
        }
        self.write_export("activity-log", csv, args.rows.len())
    }

    /// WP Play's payments (those waiting for review, or all) as the operator's Payments
    /// page lists them, every page read from the server, at most [`MAX_SERVER_ROWS`].
    pub async fn export_payments(&self, args: ReviewPaymentsArgs) -> CoreResult<CsvExport> {
        let base = format!(
            "/api/v1/operator/payments?limit=500&status={}",
            if args.all { "all" } else { "review" }
        );
        // (not translated): an error's message, which the app words by its code.
        let doing = "export payments";
        let rows: Vec<ReviewPayment> = self
            .every_page(doing, &base, |p: &ReviewPayment| p.id)
            .await?;
        let lang = self.lang_now();
        let say = |id: &str| text(lang, id, None);
        let mut csv = Csv::new(
            lang,
            &[
                "csv-received",
                "csv-amount",
                "csv-currency",
                "csv-payer",
                "csv-payer-account",
                "csv-reference",
                "csv-status",
                "csv-invoice",
                "csv-source",
                "csv-bank-id",
                "csv-note",
            ],
        );
        for p in &rows {
            csv.row(&[
                &p.received_at.format("%Y-%m-%d %H:%M").to_string(),
                &format::decimal(p.amount_minor, lang),
                &p.currency,
                p.payer_name.as_deref().unwrap_or(""),
                p.payer_account.as_deref().unwrap_or(""),
                p.remittance.as_deref().unwrap_or(&p.reference),
                &say(&format!("review-status-{}", p.status)),
                p.invoice_number.as_deref().unwrap_or(""),
                &p.source,
                &p.external_id,
                p.note.as_deref().unwrap_or(""),
            ]);
        }
        self.write_export("payments", csv, rows.len())
    }

    /// Every partner's invoices (or only those not paid in full), every page read from
    /// the server, at most [`MAX_SERVER_ROWS`].
    pub async fn export_invoices(&self, args: InvoiceExportArgs) -> CoreResult<CsvExport> {
        let base = format!(
            "/api/v1/operator/invoices?limit=500&status={}",
            if args.open_only { "open" } else { "all" }
        );
        // (not translated): an error's message, which the app words by its code.
        let doing = "export invoices";
        let rows: Vec<OperatorInvoice> = self
            .every_page(doing, &base, |i: &OperatorInvoice| i.id)
            .await?;
        let lang = self.lang_now();
        let say = |id: &str| text(lang, id, None);
        let mut csv = Csv::new(
            lang,
            &[
                "csv-invoice",
                "csv-partner",
                "csv-package",
                "csv-period-start",
                "csv-period-end",
                "csv-amount",
                "csv-paid-amount",
                "csv-due",
                "csv-currency",
                "csv-status",
                "csv-issued",
                "csv-reference",
            ],
        );
        for r in &rows {
            let i = &r.invoice;
            csv.row(&[
                &i.number,
                &r.company,
                &i.package_name,
                &i.period_start.format("%Y-%m-%d").to_string(),
                &i.period_end.format("%Y-%m-%d").to_string(),
                &format::decimal(i.amount_minor, lang),
                &format::decimal(i.paid_minor, lang),
                &format::decimal(i.due_minor, lang),
                &i.currency,
                &say(match i.status {
                    InvoiceStatus::Open => "csv-open",
                    InvoiceStatus::Partial => "csv-partly-paid",
                    InvoiceStatus::Paid => "csv-paid",
                }),
                &i.issued_at.format("%Y-%m-%d").to_string(),
                &i.reference,
            ]);
        }
        self.write_export("invoices", csv, rows.len())
    }

    /// Every page of an operator's list (`base` asks for 500 a page, newest first),
    /// following each page's last id, at most [`MAX_SERVER_ROWS`] rows.
    async fn every_page<T, F>(&self, doing: &str, base: &str, id: F) -> CoreResult<Vec<T>>
    where
        T: serde::de::DeserializeOwned,
        F: Fn(&T) -> i64,
    {
        let mut all: Vec<T> = Vec::new();
        let mut before: Option<i64> = None;
        loop {
            let path = match before {
                Some(b) => format!("{base}&before={b}"),
                None => base.to_owned(),
            };
            let page: Vec<T> = self
                .as_operator::<(), _>(doing, reqwest::Method::GET, &path, None)
                .await?;
            let full = page.len() == 500;
            before = page.last().map(&id);
            all.extend(page);
            if !full || all.len() >= MAX_SERVER_ROWS {
                all.truncate(MAX_SERVER_ROWS);
                return Ok(all);
            }
        }
    }

    fn write_export(&self, stem: &str, csv: Csv, rows: usize) -> CoreResult<CsvExport> {
        let stamp = self.cfg.clock.now().format("%Y-%m-%d-%H%M%S");
        let path = free_path(&self.cfg.export_dir, &format!("{stem}-{stamp}"));
        std::fs::create_dir_all(&self.cfg.export_dir).map_err(local_storage)?;
        // Written beside and renamed, so a half-written file never carries the name.
        let partial = path.with_extension("csv.part");
        let mut f = std::fs::File::create(&partial).map_err(local_storage)?;
        f.write_all(csv.text.as_bytes())
            .and_then(|()| f.sync_all())
            .map_err(local_storage)?;
        std::fs::rename(&partial, &path).map_err(local_storage)?;
        Ok(CsvExport {
            path: path.display().to_string(),
            rows: i64::try_from(rows).unwrap_or(i64::MAX),
        })
    }
}

fn sync_label(s: crate::view::RowSync) -> &'static str {
    match s {
        crate::view::RowSync::Synced => "csv-synced",
        crate::view::RowSync::Pending => "csv-waiting",
        crate::view::RowSync::Rejected => "csv-refused",
    }
}

/// `stem.csv`, or `stem-2.csv`, … if taken.
fn free_path(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.csv"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.csv")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// RFC 4180 CSV with a UTF-8 byte order mark (so spreadsheets read accents right) and CRLF
/// line ends, separated as the language's spreadsheets expect (`;` in Serbian, where the
/// comma is the decimal mark; `,` in English). A cell that a spreadsheet would run as a
/// formula is prefixed with `'`.
struct Csv {
    text: String,
    sep: char,
}

impl Csv {
    /// A file whose header row is the catalog messages `columns` in `lang`.
    fn new(lang: Lang, columns: &[&str]) -> Self {
        let mut c = Self {
            text: String::from("\u{feff}"),
            sep: format::csv_separator(lang),
        };
        let header: Vec<String> = columns.iter().map(|id| text(lang, id, None)).collect();
        c.row(&header.iter().map(String::as_str).collect::<Vec<_>>());
        c
    }

    fn row(&mut self, cells: &[&str]) {
        let line: Vec<String> = cells.iter().map(|c| cell(c, self.sep)).collect();
        self.text.push_str(&line.join(&self.sep.to_string()));
        self.text.push_str("\r\n");
    }
}

fn cell(value: &str, sep: char) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::{Csv, cell};
    use wpplay_i18n::Lang;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(cell("plain", ','), "plain");
        assert_eq!(cell("a,b", ','), "\"a,b\"");
        assert_eq!(cell("a,b", ';'), "a,b");
        assert_eq!(cell("a;b", ';'), "\"a;b\"");
        assert_eq!(cell("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines", ','), "\"two\nlines\"");
        assert_eq!(cell("=HYPERLINK(\"x\")", ';'), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+381 64 123", ','), "'+381 64 123");
    }

    #[test]
    fn a_serbian_file_is_separated_by_semicolons_with_its_columns_in_serbian() {
        let mut csv = Csv::new(Lang::SrLatn, &["csv-name", "csv-mac", "csv-status"]);
        csv.row(&["Ćirilica, d.o.o.", "00:1A:2B:3C:4D:5E", "Aktivan"]);
        assert_eq!(
            csv.text,
            "\u{feff}Naziv;MAC adresa;Status\r\nĆirilica, d.o.o.;00:1A:2B:3C:4D:5E;Aktivan\r\n"
        );
        let en = Csv::new(Lang::En, &["csv-name", "csv-line-username"]);
        assert_eq!(en.text, "\u{feff}Name,Line username\r\n");
    }
}
