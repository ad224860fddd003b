//! Validation of the fields people type: e-mail, phone, country, names, messages and
//! stream URLs.
//!
//! Each validator returns the normalised value, so callers store exactly what was checked.

use crate::DomainError;
use crate::code::Code;

/// The longest free-text field we accept (company, contact person).
pub const MAX_TEXT_LEN: usize = 200;

/// A trimmed, non-empty, reasonably short piece of text without control characters.
pub fn text(field: &'static str, value: &str) -> Result<String, DomainError> {
    label(field, value, MAX_TEXT_LEN)
}

/// A short name a program gives (a device's name, a platform, a version): trimmed,
/// non-empty, at most `max` characters, no control characters.
pub fn label(field: &'static str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(DomainError::invalid(
            Code::MissingField,
            field,
            format!("{field} must not be empty"),
        ));
    }
    if value.chars().count() > max {
        return Err(DomainError::invalid(
            Code::FieldTooLong,
            field,
            format!("{field} must be at most {max} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(DomainError::invalid(
            Code::InvalidText,
            field,
            format!("{field} must not contain control characters"),
        ));
    }
    Ok(value.to_owned())
}

/// The longest message one person writes to another: a Request for Partner, a reason.
pub const MAX_MESSAGE_LEN: usize = 2000;
/// The longest note a partner shows resellers on its directory card.
pub const MAX_NOTE_LEN: usize = 1000;

/// Text a person writes to another, which may span lines (a message, a reason, a note):
/// trimmed, at most `max` characters, no control characters but line breaks. Empty is
/// allowed; whether a blank one is, is the caller's rule.
pub fn lines(field: &'static str, value: &str, max: usize) -> Result<String, DomainError> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(DomainError::invalid(
            Code::FieldTooLong,
            field,
            format!("{field} must be at most {max} characters"),
        ));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(DomainError::invalid(
            Code::InvalidText,
            field,
            format!("{field} must not contain control characters"),
        ));
    }
    Ok(value.to_owned())
}

/// The schemes a stream URL may start with.
pub const STREAM_URL_SCHEMES: [&str; 5] = ["http://", "https://", "rtmp://", "rtsp://", "udp://"];
/// The longest stream URL, in bytes.
pub const MAX_STREAM_URL_LEN: usize = 2048;

/// A stream URL of a content catalog: one of [`STREAM_URL_SCHEMES`], no spaces or control
/// characters, at most [`MAX_STREAM_URL_LEN`] bytes. Trimmed.
pub fn stream_url(value: &str) -> Result<String, DomainError> {
    let url = value.trim();
    let bad = |message: String| {
        Err(DomainError::invalid(
            Code::InvalidStreamUrl,
            "stream_url",
            message,
        ))
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("A stream URL has no spaces; encode them as %20.".to_owned());
    }
    let lower = url.to_lowercase();
    if !STREAM_URL_SCHEMES.iter().any(|p| lower.starts_with(p)) {
        return bad("Start the URL with http://, https://, rtmp://, rtsp:// or udp://.".to_owned());
    }
    if url.len() > MAX_STREAM_URL_LEN {
        return bad(format!(
            "Use at most {MAX_STREAM_URL_LEN} characters in the URL."
        ));
    }
    Ok(url.to_owned())
}

/// An e-mail address: one `@`, a plausible local part and a dotted domain. Lower-cased.
pub fn email(value: &str) -> Result<String, DomainError> {
    let bad = || {
        DomainError::invalid(
            Code::InvalidEmail,
            "email",
            "Enter a valid e-mail address, e.g. ana@acme.rs.",
        )
    };
    let value = value.trim().to_lowercase();
    if value.len() > 254 {
        return Err(bad());
    }
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if local_ok && domain_ok {
        Ok(value)
    } else {
        Err(bad())
    }
}

/// A phone number in international form: `+`, then 7 to 15 digits. Spaces, dashes, dots
/// and brackets are allowed while typing and removed; a leading `00` counts as `+`.
pub fn phone(value: &str) -> Result<String, DomainError> {
    let bad = |message: &str| Err(DomainError::invalid(Code::InvalidPhone, "phone", message));
    let compact: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let Some(digits) = compact
        .strip_prefix('+')
        .or_else(|| compact.strip_prefix("00"))
    else {
        return bad("Start with + and the country code, e.g. +381 64 123 4567.");
    };
    if (7..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
    {
        Ok(format!("+{digits}"))
    } else {
        bad("Use the international form: + then 7 to 15 digits, e.g. +381 64 123 4567.")
    }
}

/// An ISO 3166-1 alpha-2 country code, upper-cased.
pub fn country(value: &str) -> Result<String, DomainError> {
    let code = value.trim().to_uppercase();
    if code.len() == 2 && COUNTRY_CODES.split(' ').any(|c| c == code) {
        Ok(code)
    } else {
        Err(DomainError::invalid(
            Code::InvalidCountry,
            "country",
            format!(
                "'{}' is not an ISO 3166 country code (two letters, e.g. RS)",
                value.trim()
            ),
        ))
    }
}

/// Every officially assigned ISO 3166-1 alpha-2 code.
pub const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: PartialEq + std::fmt::Debug>(
        f: fn(&str) -> Result<T, DomainError>,
        input: &str,
        expected: Result<T, &str>,
    ) {
        let got = f(input).map_err(|e| crate::ErrorCode::code(&e).as_str());
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn emails() {
        check(email, " Ana@Example.COM ", Ok("ana@example.com".to_owned()));
        check(
            email,
            "a.b+tag@mail.example.rs",
            Ok("a.b+tag@mail.example.rs".to_owned()),
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "ana@@example.com",
            "ana@exa mple.com",
            "ana..b@example.com",
            "ana@-example.com",
            "ana@example.c0m",
        ] {
            check(email, bad, Err("invalid_email"));
        }
    }

    #[test]
    fn phones() {
        check(phone, "+381 64 123-4567", Ok("+381641234567".to_owned()));
        check(phone, "00381641234567", Ok("+381641234567".to_owned()));
        check(phone, "(+44) 20 7946 0958", Ok("+442079460958".to_owned()));
        for bad in [
            "",
            "064123456",
            "+12",
            "+381 64 abc 4567",
            "+0123456789",
            "+1234567890123456",
        ] {
            check(phone, bad, Err("invalid_phone"));
        }
    }

    #[test]
    fn phone_messages_say_what_to_fix() {
        let message = |v: &str| phone(v).map_err(|e| e.message().to_owned()).err();
        assert_eq!(
            message("064 123 4567").as_deref(),
            Some("Start with + and the country code, e.g. +381 64 123 4567."),
            "a local number lacks the country code"
        );
        assert_eq!(
            message("+381 64").as_deref(),
            Some("Use the international form: + then 7 to 15 digits, e.g. +381 64 123 4567."),
            "too few digits"
        );
    }

    #[test]
    fn lines_of_text() {
        let code =
            |v: &str, max| lines("note", v, max).map_err(|e| crate::ErrorCode::code(&e).as_str());
        assert_eq!(
            code(" two\nlines ", 10),
            Ok("two\nlines".to_owned()),
            "line breaks are text"
        );
        assert_eq!(
            code("  ", 10),
            Ok(String::new()),
            "blank is the caller's to refuse"
        );
        assert_eq!(
            code(&"é".repeat(10), 10),
            Ok("é".repeat(10)),
            "characters, not bytes"
        );
        assert_eq!(code(&"é".repeat(11), 10), Err("field_too_long"));
        assert_eq!(code("tab\there", 10), Err("invalid_text"));
    }

    #[test]
    fn countries() {
        check(country, "rs", Ok("RS".to_owned()));
        check(country, " DE ", Ok("DE".to_owned()));
        for bad in ["", "XX", "Serbia", "R"] {
            check(country, bad, Err("invalid_country"));
        }
    }

    #[test]
    fn texts() {
        assert_eq!(text("company", "  Acme  ").as_deref(), Ok("Acme"));
        assert_eq!(
            text("company", " ").map_err(|e| crate::ErrorCode::code(&e).as_str()),
            Err("missing_field")
        );
        assert_eq!(
            text("company", &"x".repeat(201)).map_err(|e| crate::ErrorCode::code(&e).as_str()),
            Err("field_too_long")
        );
        assert_eq!(
            text("company", "a\u{0}b").map_err(|e| crate::ErrorCode::code(&e).as_str()),
            Err("invalid_text")
        );
    }

    #[test]
    fn stream_urls() {
        assert_eq!(
            stream_url(" rtmp://live.example/app/1 ").as_deref(),
            Ok("rtmp://live.example/app/1")
        );
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "http://a b",
            "http://a\u{7}",
            "",
        ] {
            assert!(stream_url(bad).is_err(), "{bad:?}");
        }
        let message = |v: &str| stream_url(v).map_err(|e| e.message().to_owned()).err();
        assert_eq!(
            message("rtmp://a b").as_deref(),
            Some("A stream URL has no spaces; encode them as %20.")
        );
        assert_eq!(
            message("x").as_deref(),
            Some("Start the URL with http://, https://, rtmp://, rtsp:// or udp://.")
        );
        let long = format!("udp://{}", "a".repeat(MAX_STREAM_URL_LEN));
        assert_eq!(
            message(&long).as_deref(),
            Some("Use at most 2048 characters in the URL.")
        );
    }
}
