//! Numbers, money and dates as each language writes them, for what the server writes
//! (e-mails, SMS, the invoice PDF) and the exports: English `1,234.56` and
//! `RSD 1,234.56`, `December 21, 2026`; Serbian `1.234,56` and `1.234,56 RSD`,
//! `21. decembar 2026.` (Cyrillic `21. децембар 2026.`). The desktop UI formats with the
//! webview's `Intl` for the same language tags.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use wpplay_domain::lang::Lang;

/// A whole number with the language's grouping: `12,345` or `12.345`.
pub fn count(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if lang.is_serbian() { '.' } else { ',' };
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// An amount in minor units (cents, para) with two decimals: `1,234.56` or `1.234,56`.
pub fn decimal(minor: i64, lang: Lang) -> String {
    let whole = count(minor / 100, lang);
    let cents = (minor % 100).unsigned_abs();
    let mark = if lang.is_serbian() { ',' } else { '.' };
    let sign = if minor < 0 && minor / 100 == 0 {
        "-"
    } else {
        ""
    };
    format!("{sign}{whole}{mark}{cents:02}")
}

/// Money with its ISO code: `RSD 1,234.56` in English, `1.234,56 RSD` in Serbian.
pub fn money(minor: i64, currency: &str, lang: Lang) -> String {
    let amount = decimal(minor, lang);
    if lang.is_serbian() {
        format!("{amount} {currency}")
    } else {
        format!("{currency} {amount}")
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_SR: [&str; 12] = [
    "januar",
    "februar",
    "mart",
    "april",
    "maj",
    "jun",
    "jul",
    "avgust",
    "septembar",
    "oktobar",
    "novembar",
    "decembar",
];

const MONTHS_SR_CYRL: [&str; 12] = [
    "јануар",
    "фебруар",
    "март",
    "април",
    "мај",
    "јун",
    "јул",
    "август",
    "септембар",
    "октобар",
    "новембар",
    "децембар",
];

/// A calendar date in words: `December 21, 2026`, `21. decembar 2026.`,
/// `21. децембар 2026.`
pub fn date(d: NaiveDate, lang: Lang) -> String {
    let m = d.month0() as usize;
    match lang {
        Lang::En => format!("{} {}, {}", MONTHS_EN[m], d.day(), d.year()),
        Lang::SrLatn => format!("{}. {} {}.", d.day(), MONTHS_SR[m], d.year()),
        Lang::SrCyrl => format!("{}. {} {}.", d.day(), MONTHS_SR_CYRL[m], d.year()),
    }
}

/// A compact date for tables and CSV files: `2026-12-21` in English (sorts and reads
/// everywhere), `21.12.2026.` in Serbian.
pub fn short_date(d: NaiveDate, lang: Lang) -> String {
    if lang.is_serbian() {
        format!("{:02}.{:02}.{}.", d.day(), d.month(), d.year())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// A time of day: `09:30` (both languages use the 24-hour clock in writing).
pub fn time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The CSV conventions of the language: Excel in a Serbian locale splits on `;` and
/// reads a decimal comma; in English on `,` with a decimal point.
pub fn csv_separator(lang: Lang) -> char {
    if lang.is_serbian() { ';' } else { ',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_money_in_each_language() {
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(count(1_234_567, Lang::SrLatn), "1.234.567");
        assert_eq!(count(999, Lang::SrCyrl), "999");
        assert_eq!(count(-1000, Lang::En), "-1,000");
        assert_eq!(money(123_456, "RSD", Lang::En), "RSD 1,234.56");
        assert_eq!(money(123_456, "RSD", Lang::SrLatn), "1.234,56 RSD");
        assert_eq!(money(7_900, "EUR", Lang::SrCyrl), "79,00 EUR");
        assert_eq!(money(5, "EUR", Lang::En), "EUR 0.05");
        assert_eq!(decimal(-50, Lang::SrLatn), "-0,50");
        assert_eq!(decimal(-12_345, Lang::En), "-123.45");
    }

    #[test]
    fn dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 21).expect("a date");
        assert_eq!(date(d, Lang::En), "December 21, 2026");
        assert_eq!(date(d, Lang::SrLatn), "21. decembar 2026.");
        assert_eq!(date(d, Lang::SrCyrl), "21. децембар 2026.");
        assert_eq!(short_date(d, Lang::En), "2026-12-21");
        assert_eq!(short_date(d, Lang::SrLatn), "21.12.2026.");
        assert_eq!(
            time(NaiveTime::from_hms_opt(9, 5, 0).expect("a time")),
            "09:05"
        );
        assert_eq!(csv_separator(Lang::SrCyrl), ';');
        assert_eq!(csv_separator(Lang::En), ',');
    }
}
