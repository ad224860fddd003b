//! The pro forma invoice as a PDF: issuer and partner, package and period, amount, the
//! payment reference, and for Serbian partners paying in dinars the NBS IPS QR code for
//! instant payment. In the partner's language, with DejaVu Sans embedded as a subset
//! ([`super::font`]), so Serbian Latin and Cyrillic print and read back as text.

use super::font::{self, Typeface};
use crate::db::entity::invoice;
use chrono_tz::Tz;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use wpplay_i18n::{Args, Lang, args, format, text};

/// Who issues the invoice and where payments go.
#[derive(Debug, Clone)]
pub struct Issuer {
    pub name: String,
    pub address: String,
    /// The bank account, e.g. `160-0000000000000-00`.
    pub account: String,
}

impl Issuer {
    /// The issuer the server's settings name.
    pub fn from_settings(s: &crate::settings::Settings) -> Self {
        Self {
            name: s.issuer_name.clone(),
            address: s.issuer_address.clone(),
            account: s.issuer_account.clone(),
        }
    }
}

/// The NBS IPS QR payload ("IPS QR kod", Narodna banka Srbije), for an invoice in RSD to a
/// Serbian partner; `None` otherwise (IPS pays dinars only) or when the issuer's account
/// is not 18 digits.
pub fn ips_payload(inv: &invoice::Model, issuer: &Issuer) -> Option<String> {
    if !inv.currency.eq_ignore_ascii_case("RSD") || !inv.partner_country.eq_ignore_ascii_case("RS")
    {
        return None;
    }
    let account: String = issuer
        .account
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if account.len() != 18 {
        return None;
    }
    // The payee's name and address are separated by CR LF; no field may hold '|'.
    let clean = |s: &str, max: usize| -> String {
        s.chars()
            .filter(|c| *c != '|' && (!c.is_control() || *c == '\r' || *c == '\n'))
            .take(max)
            .collect()
    };
    let reference: String = inv
        .reference
        .trim_start_matches("97 ")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    Some(format!(
        "K:PR|V:01|C:1|R:{account}|N:{payee}|I:RSD{whole},{cents:02}|P:{payer}|SF:221|S:{purpose}|RO:97{reference}",
        payee = clean(&format!("{}\r\n{}", issuer.name, issuer.address), 70),
        whole = inv.amount_minor / 100,
        cents = inv.amount_minor % 100,
        payer = clean(&inv.partner_company, 70),
        // The payment's purpose on the bank order, in Serbian for every partner (not translated).
        purpose = clean(&format!("Pretplata WP Play {}", inv.number), 35),
    ))
}

/// The invoice as a one-page A4 PDF in `lang`, with its typeface embedded as a subset
/// ([`super::font`]).
/// `None` only if the bundled font cannot be read or subset, which its tests rule out.
pub fn render(inv: &invoice::Model, issuer: &Issuer, tz: Tz, lang: Lang) -> Option<Vec<u8>> {
    let (catalog, tree, page, content, info, regular_ref, bold_ref) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(10),
        Ref::new(10 + font::OBJECTS),
    );
    let (mut regular, mut bold) = (Typeface::regular()?, Typeface::bold()?);
    let say = |id: &str, args: Args| text(lang, id, Some(&args));
    let heading = |id: &str| text(lang, id, None).to_uppercase();
    let day =
        |t: chrono::DateTime<chrono::Utc>| format::date(t.with_timezone(&tz).date_naive(), lang);
    let short = |t: chrono::DateTime<chrono::Utc>| {
        format::short_date(t.with_timezone(&tz).date_naive(), lang)
    };
    let money = format::money(inv.amount_minor, &inv.currency, lang);

    let mut c = Content::new();
    // `x` is where the text starts, or where it ends when negative (amounts, right-aligned).
    let mut line = |c: &mut Content, x: f32, y: f32, size: f32, strong: bool, words: &str| {
        let (name, font) = if strong {
            (&b"F2"[..], &mut bold)
        } else {
            (&b"F1"[..], &mut regular)
        };
        let x = if x < 0.0 {
            -x - font.width(words, size)
        } else {
            x
        };
        c.begin_text();
        c.set_font(Name(name), size);
        c.next_line(x, y);
        c.show(Str(&font.encode(words)));
        c.end_text();
    };
    let mut y = 790.0;
    line(&mut c, 50.0, y, 20.0, true, &heading("pdf-title"));
    line(
        &mut c,
        400.0,
        y,
        11.0,
        true,
        &say("pdf-number", args! {"number" => &inv.number}),
    );
    y -= 18.0;
    line(
        &mut c,
        400.0,
        y,
        10.0,
        false,
        &say("pdf-issued", args! {"date" => day(inv.issued_at)}),
    );
    y -= 30.0;
    line(&mut c, 50.0, y, 9.0, true, &heading("pdf-from"));
    line(&mut c, 300.0, y, 9.0, true, &heading("pdf-to"));
    y -= 15.0;
    line(&mut c, 50.0, y, 11.0, false, &issuer.name);
    line(&mut c, 300.0, y, 11.0, false, &inv.partner_company);
    y -= 14.0;
    line(&mut c, 50.0, y, 10.0, false, &issuer.address);
    line(&mut c, 300.0, y, 10.0, false, &inv.partner_email);
    y -= 14.0;
    line(
        &mut c,
        50.0,
        y,
        10.0,
        false,
        &say("pdf-account", args! {"account" => &issuer.account}),
    );
    line(
        &mut c,
        300.0,
        y,
        10.0,
        false,
        &say("pdf-country", args! {"country" => &inv.partner_country}),
    );
    y -= 40.0;
    // The item.
    c.set_fill_gray(0.93);
    c.rect(50.0, y - 6.0, 495.0, 20.0);
    c.fill_nonzero();
    c.set_fill_gray(0.0);
    line(&mut c, 58.0, y, 9.0, true, &heading("pdf-item"));
    line(&mut c, 330.0, y, 9.0, true, &heading("pdf-period"));
    line(&mut c, -537.0, y, 9.0, true, &heading("pdf-amount"));
    y -= 24.0;
    let item = if inv.kind == "proration" {
        "pdf-item-proration"
    } else {
        "pdf-item-period"
    };
    line(
        &mut c,
        58.0,
        y,
        10.0,
        false,
        &say(item, args! {"package" => &inv.package_name}),
    );
    line(
        &mut c,
        330.0,
        y,
        9.0,
        false,
        &format!("{} – {}", short(inv.period_start), short(inv.period_end)),
    );
    line(&mut c, -537.0, y, 10.0, false, &money);
    y -= 30.0;
    line(&mut c, 330.0, y, 12.0, true, &say("pdf-total", Args::new()));
    line(&mut c, -537.0, y, 12.0, true, &money);
    y -= 45.0;
    line(&mut c, 50.0, y, 11.0, true, &say("pdf-how", Args::new()));
    y -= 18.0;
    let pay = args! {"amount" => &money, "issuer" => &issuer.name, "account" => &issuer.account};
    line(&mut c, 50.0, y, 10.0, false, &say("pdf-pay", pay));
    y -= 15.0;
    line(
        &mut c,
        50.0,
        y,
        10.0,
        false,
        &say("pdf-with-reference", Args::new()),
    );
    y -= 22.0;
    line(&mut c, 50.0, y, 16.0, true, &inv.reference);
    y -= 20.0;
    line(
        &mut c,
        50.0,
        y,
        9.0,
        false,
        &say("pdf-automatic", Args::new()),
    );
    if let Some(payload) = ips_payload(inv, issuer)
        && let Ok(code) =
            qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M)
    {
        y -= 20.0;
        line(&mut c, 50.0, y, 10.0, true, &say("pdf-ips", Args::new()));
        let n = code.width();
        let size = 150.0_f32;
        #[allow(clippy::cast_precision_loss)]
        let cell = size / (n as f32 + 8.0);
        let (x0, top) = (50.0, y - 10.0);
        for (i, dark) in code.to_colors().iter().enumerate() {
            if *dark == qrcode::Color::Dark {
                #[allow(clippy::cast_precision_loss)]
                let (col, row) = ((i % n) as f32 + 4.0, (i / n) as f32 + 4.0);
                c.rect(x0 + col * cell, top - (row + 1.0) * cell, cell, cell);
            }
        }
        c.fill_nonzero();
    }
    line(
        &mut c,
        50.0,
        60.0,
        8.0,
        false,
        &say("pdf-footer", Args::new()),
    );

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, 595.0, 842.0))
        .parent(tree)
        .contents(content);
    p.resources()
        .fonts()
        .pair(Name(b"F1"), regular_ref)
        .pair(Name(b"F2"), bold_ref);
    p.finish();
    if !regular.write(&mut pdf, regular_ref) || !bold.write(&mut pdf, bold_ref) {
        return None;
    }
    let title = say("pdf-doc-title", args! {"number" => &inv.number});
    pdf.document_info(info)
        .title(TextStr(&title))
        .producer(TextStr("WP Play Partner Desk"));
    let page_text = miniz_oxide::deflate::compress_to_vec_zlib(&c.finish(), 6);
    pdf.stream(content, &page_text)
        .filter(pdf_writer::Filter::FlateDecode);
    Some(pdf.finish())
}

/// The invoice's file name in `lang`, e.g. `WP-Play-pro-forma-2026-000042.pdf`.
pub fn file_name(inv: &invoice::Model, lang: Lang) -> String {
    text(lang, "pdf-file", Some(&args! {"number" => &inv.number}))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn invoice(currency: &str, country: &str) -> invoice::Model {
        let t = Utc
            .with_ymd_and_hms(2026, 3, 8, 7, 0, 0)
            .single()
            .expect("t");
        let (reference, key) = crate::billing::payment_reference(2026, 42, country);
        invoice::Model {
            id: 1,
            number: "2026-000042".into(),
            partner_id: 7,
            kind: "period".into(),
            package_id: 2,
            package_name: "Business".into(),
            period_start: t,
            period_end: t + chrono::Duration::days(31),
            amount_minor: 930_000,
            currency: currency.into(),
            reference,
            reference_key: key,
            partner_company: "Čačak Žica d.o.o.".into(),
            partner_email: "a@b.rs".into(),
            partner_country: country.into(),
            issued_at: t,
            paid_minor: 0,
            paid_at: None,
        }
    }

    fn issuer() -> Issuer {
        Issuer {
            name: "WP Play d.o.o.".into(),
            address: "Beograd".into(),
            account: "160-0000000000123-45".into(),
        }
    }

    #[test]
    fn the_ips_payload_follows_the_nbs_format() {
        let inv = invoice("RSD", "RS");
        let p = ips_payload(&inv, &issuer()).expect("a dinar invoice to a Serbian partner");
        assert!(
            p.starts_with(
                "K:PR|V:01|C:1|R:160000000000012345|N:WP Play d.o.o.\r\nBeograd|I:RSD9300,00|"
            ),
            "{p}"
        );
        let ro = p.rsplit("RO:").next().expect("reference");
        assert!(
            ro.starts_with("97") && wpplay_domain::billing::model97_valid(&ro[2..]),
            "{ro}"
        );
        assert!(
            ips_payload(&invoice("EUR", "RS"), &issuer()).is_none(),
            "IPS pays dinars only"
        );
        assert!(ips_payload(&invoice("RSD", "DE"), &issuer()).is_none());
    }

    fn pdf(inv: &invoice::Model, lang: Lang) -> Vec<u8> {
        render(inv, &issuer(), chrono_tz::Europe::Belgrade, lang).expect("the PDF renders")
    }

    /// The page's text as a real PDF reader extracts it (poppler's pdftotext, installed by
    /// scripts/setup.sh).
    fn read_back(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("invoice.pdf");
        std::fs::write(&file, bytes).expect("write");
        let out = std::process::Command::new("pdftotext")
            .args(["-layout".as_ref(), file.as_os_str(), "-".as_ref()])
            .output()
            .expect("pdftotext is missing: run scripts/setup.sh (it installs poppler-utils)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    #[test]
    fn the_pdf_has_the_reference_and_the_qr_and_embeds_only_a_subset() {
        let inv = invoice("RSD", "RS");
        let bytes = pdf(&inv, Lang::En);
        assert!(bytes.starts_with(b"%PDF-"));
        let text = read_back(&bytes);
        for expected in [
            "PRO FORMA INVOICE",
            "No. 2026-000042",
            &inv.reference,
            "RSD 9,300.00",
        ] {
            assert!(
                text.contains(expected),
                "{expected} is missing from: {text}"
            );
        }
        let raw = String::from_utf8_lossy(&bytes);
        assert!(
            raw.contains("/FontFile2") && raw.contains("/ToUnicode"),
            "an embedded font"
        );
        let with_qr = bytes.len();
        let without = pdf(&invoice("EUR", "RS"), Lang::En).len();
        assert!(
            with_qr > without + 1_000,
            "the QR's modules are drawn: {with_qr} vs {without}"
        );
        assert!(
            with_qr < 60_000,
            "two subsets of fonts of 1.4 MB, not the fonts: {with_qr} bytes"
        );
    }

    /// The invoice in each language reads back as written: Serbian Latin letters and
    /// Cyrillic are text, not pictures nor question marks.
    #[test]
    fn a_pdf_reader_reads_serbian_latin_and_cyrillic() {
        let mut inv = invoice("RSD", "RS");
        inv.partner_company = "Čačak Žica Đurđević Ćuprija d.o.o.".into();
        let latin = read_back(&pdf(&inv, Lang::SrLatn));
        for expected in [
            "PROFAKTURA",
            "Čačak Žica Đurđević Ćuprija d.o.o.",
            "9.300,00 RSD",
            "Kako platiti",
            "8. mart 2026.",
        ] {
            assert!(
                latin.contains(expected),
                "{expected} is missing from: {latin}"
            );
        }
        inv.partner_company = "Ћирилица Медиа д.о.о.".into();
        let cyrillic = read_back(&pdf(&inv, Lang::SrCyrl));
        for expected in [
            "ПРОФАКТУРА",
            "Ћирилица Медиа д.о.о.",
            "Како платити",
            "a@b.rs",
            &inv.reference,
        ] {
            assert!(
                cyrillic.contains(expected),
                "{expected} is missing from: {cyrillic}"
            );
        }
    }
}
