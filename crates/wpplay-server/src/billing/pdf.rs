//! The pro forma invoice as a PDF: issuer and partner, package and period, amount, the
//! payment reference, and for Serbian partners paying in dinars the NBS IPS QR code for
//! instant payment. Built with the PDF base-14 Helvetica (no font embedded): text is
//! written in WinAnsi, and the Serbian Latin letters WinAnsi lacks (č, ć, đ and their
//! capitals) take codes WinAnsi leaves unused, named in the font's `/Differences`.

use crate::db::entity::invoice;
use chrono_tz::Tz;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

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
        purpose = clean(&format!("Pretplata WP Play {}", inv.number), 35),
    ))
}

/// Letters Helvetica has but WinAnsi does not encode, on codes WinAnsi leaves unused.
const EXTRA_GLYPHS: [(char, u8, &[u8]); 6] = [
    ('č', 0x81, b"ccaron"),
    ('Č', 0x8D, b"Ccaron"),
    ('ć', 0x8F, b"cacute"),
    ('Ć', 0x90, b"Cacute"),
    ('đ', 0x9D, b"dcroat"),
    ('Đ', 0x7F, b"Dcroat"),
];

/// Text as the PDF's font (WinAnsi plus [`EXTRA_GLYPHS`]) can show it.
fn win_ansi(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if let Some(&(_, code, _)) = EXTRA_GLYPHS.iter().find(|(letter, ..)| *letter == c) {
            out.push(code);
            continue;
        }
        match c {
            'š' => out.push(0x9A),
            'Š' => out.push(0x8A),
            'ž' => out.push(0x9E),
            'Ž' => out.push(0x8E),
            '–' => out.push(0x96),
            '€' => out.push(0x80),
            c if (c as u32) < 0x7F => out.push(c as u8),
            c if (0xA0..=0xFF).contains(&(c as u32)) => out.push(c as u32 as u8),
            _ => out.push(b'?'),
        }
    }
    out
}

/// The invoice as a one-page A4 PDF.
pub fn render(inv: &invoice::Model, issuer: &Issuer, tz: Tz) -> Vec<u8> {
    let (catalog, tree, page, font, bold, content, info) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
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
        .pair(Name(b"F1"), font)
        .pair(Name(b"F2"), bold);
    p.finish();
    for (id, name) in [(font, &b"Helvetica"[..]), (bold, b"Helvetica-Bold")] {
        let mut f = pdf.type1_font(id);
        f.base_font(Name(name));
        let mut encoding = f.encoding_custom();
        encoding.base_encoding(Name(b"WinAnsiEncoding"));
        let mut differences = encoding.differences();
        for (_, code, glyph) in EXTRA_GLYPHS {
            differences.consecutive(code, [Name(glyph)]);
        }
    }
    let title = format!("Pro forma invoice {}", inv.number);
    pdf.document_info(info)
        .title(TextStr(&title))
        .producer(TextStr("WP Play Partner Desk"));

    let day =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).format("%-d %B %Y").to_string();
    let money = super::money(inv.amount_minor, &inv.currency);
    let mut c = Content::new();
    let mut y = 790.0;
    let line = |c: &mut Content, x: f32, y: f32, size: f32, strong: bool, text: &str| {
        c.begin_text();
        c.set_font(Name(if strong { b"F2" } else { b"F1" }), size);
        c.next_line(x, y);
        c.show(Str(&win_ansi(text)));
        c.end_text();
    };
    line(&mut c, 50.0, y, 20.0, true, "PRO FORMA INVOICE");
    line(&mut c, 400.0, y, 11.0, true, &format!("No. {}", inv.number));
    y -= 18.0;
    line(
        &mut c,
        400.0,
        y,
        10.0,
        false,
        &format!("Issued {}", day(inv.issued_at)),
    );
    y -= 30.0;
    line(&mut c, 50.0, y, 9.0, true, "FROM");
    line(&mut c, 300.0, y, 9.0, true, "TO");
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
        &format!("Account {}", issuer.account),
    );
    line(
        &mut c,
        300.0,
        y,
        10.0,
        false,
        &format!("Country {}", inv.partner_country),
    );
    y -= 40.0;
    // The item.
    c.set_fill_gray(0.93);
    c.rect(50.0, y - 6.0, 495.0, 20.0);
    c.fill_nonzero();
    c.set_fill_gray(0.0);
    line(&mut c, 58.0, y, 9.0, true, "ITEM");
    line(&mut c, 330.0, y, 9.0, true, "PERIOD");
    line(&mut c, 480.0, y, 9.0, true, "AMOUNT");
    y -= 24.0;
    let item = if inv.kind == "proration" {
        format!("{} package: upgrade difference", inv.package_name)
    } else {
        format!("{} package, one month", inv.package_name)
    };
    line(&mut c, 58.0, y, 10.0, false, &item);
    line(
        &mut c,
        330.0,
        y,
        10.0,
        false,
        &format!("{} – {}", day(inv.period_start), day(inv.period_end)),
    );
    line(&mut c, 480.0, y, 10.0, false, &money);
    y -= 30.0;
    line(&mut c, 330.0, y, 12.0, true, "Total due");
    line(&mut c, 480.0, y, 12.0, true, &money);
    y -= 45.0;
    line(&mut c, 50.0, y, 11.0, true, "How to pay");
    y -= 18.0;
    line(
        &mut c,
        50.0,
        y,
        10.0,
        false,
        &format!("Pay {money} to {} ({})", issuer.name, issuer.account),
    );
    y -= 15.0;
    line(&mut c, 50.0, y, 10.0, false, "with this payment reference:");
    y -= 22.0;
    line(&mut c, 50.0, y, 16.0, true, &inv.reference);
    y -= 20.0;
    line(
        &mut c,
        50.0,
        y,
        9.0,
        false,
        "The payment is registered automatically by its reference and extends your package.",
    );
    if let Some(payload) = ips_payload(inv, issuer)
        && let Ok(code) =
            qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M)
    {
        y -= 20.0;
        line(
            &mut c,
            50.0,
            y,
            10.0,
            true,
            "NBS IPS QR: scan with your bank's app to pay at once",
        );
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
        "This pro forma invoice is not a tax invoice. WP Play Partner Desk.",
    );
    pdf.stream(content, &c.finish());
    pdf.finish()
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

    #[test]
    fn the_pdf_is_a_pdf_with_the_reference_and_the_qr() {
        let inv = invoice("RSD", "RS");
        let bytes = render(&inv, &issuer(), chrono_tz::Europe::Belgrade);
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains("2026-000042") && text.contains(&inv.reference),
            "the number and reference are in it"
        );
        // Strings with bytes past ASCII are written in hex: "Ča" as 0x8D 0x61, č as 0x81,
        // then Ž as 0x8E; the font names the glyphs of the codes WinAnsi leaves unused.
        assert!(
            text.contains("<8D6181616B208E"),
            "Č and č on their own codes, Ž in WinAnsi"
        );
        assert!(
            text.contains("/Differences [129 /ccaron 141 /Ccaron"),
            "{}",
            &text[..200]
        );
        let with_qr = bytes.len();
        let without = render(
            &invoice("EUR", "RS"),
            &issuer(),
            chrono_tz::Europe::Belgrade,
        )
        .len();
        assert!(
            with_qr > without + 1_000,
            "the QR's modules are drawn: {with_qr} vs {without}"
        );
    }

    /// A real PDF reader (poppler's pdftotext, installed by scripts/setup.sh) gets the
    /// Serbian letters back from the page.
    #[test]
    fn a_pdf_reader_reads_the_serbian_letters() {
        let mut inv = invoice("RSD", "RS");
        inv.partner_company = "Čačak Žica Đurđević Ćuprija d.o.o.".into();
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("invoice.pdf");
        std::fs::write(&file, render(&inv, &issuer(), chrono_tz::Europe::Belgrade)).expect("write");
        let out = std::process::Command::new("pdftotext")
            .args([file.as_os_str(), "-".as_ref()])
            .output()
            .expect("pdftotext is missing: run scripts/setup.sh (it installs poppler-utils)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            text.contains("Čačak Žica Đurđević Ćuprija d.o.o."),
            "the company as written: {text}"
        );
    }
}
