//! The dealer network: dealers a partner creates, and the subscribers (IPTV lines) they sell.

use crate::code::Code;
use crate::{DomainError, validate};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Whether a dealer may work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DealerStatus {
    /// Signs in and serves its subscribers.
    Active,
    /// Temporarily shut down: cannot sign in, its subscribers are suspended.
    Inactive,
}

impl DealerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Inactive => "inactive",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "inactive" => Some(Self::Inactive),
            _ => None,
        }
    }
}

/// A subscriber's own status, as its dealer or partner set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubscriberStatus {
    Active,
    Disabled,
}

impl SubscriberStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Disabled => "disabled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "disabled" => Some(Self::Disabled),
            _ => None,
        }
    }
}

/// What a subscriber's line does right now, from its own status, its dealer's status and
/// its expiry. Suspension is derived, never stored, so reactivating a dealer brings every
/// subscriber back exactly as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineState {
    Active,
    Disabled,
    /// The dealer is inactive.
    Suspended,
    Expired,
}

impl LineState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Disabled => "disabled",
            Self::Suspended => "suspended",
            Self::Expired => "expired",
        }
    }
}

/// The state of a line at `now`.
pub fn line_state(
    own: SubscriberStatus,
    dealer: Option<DealerStatus>,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> LineState {
    match (own, dealer) {
        (SubscriberStatus::Disabled, _) => LineState::Disabled,
        (_, Some(DealerStatus::Inactive)) => LineState::Suspended,
        _ if expires_at <= now => LineState::Expired,
        _ => LineState::Active,
    }
}

/// The new expiry when a line is extended by `days`: from the later of now and the old
/// expiry, so an expired line gets the whole period and an active one loses nothing.
/// (Saturates instead of overflowing; [`extend_line`] keeps real expiries in range.)
pub fn extended_expiry(old: DateTime<Utc>, now: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    old.max(now)
        .checked_add_signed(Duration::days(days.clamp(0, MAX_EXTENSION_DAYS)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The longest single extension, in days; also how far ahead a line may be paid.
pub const MAX_EXTENSION_DAYS: i64 = 3 * 366;

/// Dealer usernames found taken that one partner is told about in 24 hours: beyond
/// them, adding dealers waits, so the answer cannot be used to list who has an account.
pub const MAX_TAKEN_USERNAMES_PER_DAY: u64 = 20;

/// The latest expiry a line may have at `now`: one longest extension ahead.
pub fn latest_expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(MAX_EXTENSION_DAYS)
}

/// Checks the expiry a new line is created with: at most [`MAX_EXTENSION_DAYS`] ahead,
/// and not more than that in the past (a line queued offline may arrive late).
pub fn check_expiry(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), DomainError> {
    let earliest = now - Duration::days(MAX_EXTENSION_DAYS);
    if expires_at > latest_expiry(now) || expires_at < earliest {
        return Err(DomainError::invalid(
            Code::InvalidExpiry,
            "expires_at",
            format!("A line may be paid at most {MAX_EXTENSION_DAYS} days ahead."),
        ));
    }
    Ok(())
}

/// Extends a line by `days` (1 to [`MAX_EXTENSION_DAYS`]) as long as it is then paid at
/// most [`MAX_EXTENSION_DAYS`] ahead; the refusal says how many days still fit.
pub fn extend_line(
    old: DateTime<Utc>,
    now: DateTime<Utc>,
    days: i64,
) -> Result<DateTime<Utc>, DomainError> {
    if !(1..=MAX_EXTENSION_DAYS).contains(&days) {
        return Err(DomainError::invalid(
            Code::InvalidExtension,
            "days",
            format!("Choose 1 to {MAX_EXTENSION_DAYS} days."),
        ));
    }
    let new = extended_expiry(old, now, days);
    if new > latest_expiry(now) {
        let room = (latest_expiry(now) - old.max(now)).num_days().max(0);
        return Err(DomainError::invalid(
            Code::ExtensionTooLong,
            "days",
            if room == 0 {
                format!(
                    "This line is already paid {MAX_EXTENSION_DAYS} days ahead, the most a line may be."
                )
            } else {
                format!(
                    "A line may be paid at most {MAX_EXTENSION_DAYS} days ahead: extend this one by at most {room} days."
                )
            },
        ));
    }
    Ok(new)
}

/// A login name for a dealer: 3-32 characters, lowercase letters, digits, `.`, `_`, `-`,
/// starting with a letter. Lower-cased.
pub fn username(value: &str) -> Result<String, DomainError> {
    let v = value.trim().to_lowercase();
    let bad = |message: &str| {
        Err(DomainError::invalid(
            Code::InvalidUsername,
            "username",
            message,
        ))
    };
    if v.is_empty() {
        return bad(
            "A username has 3-32 characters: lowercase letters, digits, '.', '_' or '-', starting with a letter.",
        );
    }
    if !v.starts_with(|c: char| c.is_ascii_lowercase()) {
        return bad("Start the username with a letter.");
    }
    if !v
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
    {
        return bad("Use only letters, digits, '.', '_' and '-' in the username.");
    }
    if v.len() > 32 {
        return bad("Use at most 32 characters in the username.");
    }
    if v.len() < 3 {
        return bad("Use at least 3 characters in the username.");
    }
    Ok(v)
}

/// A MAC address in any common notation (`00:1A:2B:3C:4D:5E`, `00-1a-…`, `001a.2b3c.4d5e`,
/// bare hex), normalised to upper-case colon form. All-zero and broadcast are refused.
pub fn mac(value: &str) -> Result<String, DomainError> {
    let hex: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ':' | '-' | '.'))
        .collect();
    let bad = |message: String| Err(DomainError::invalid(Code::InvalidMac, "mac", message));
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return bad("A MAC address has only the digits 0-9 and the letters A-F.".to_owned());
    }
    if hex.len() != 12 {
        return bad(format!(
            "A MAC address has 12 hex digits; this has {}.",
            hex.len()
        ));
    }
    let upper = hex.to_uppercase();
    if upper == "000000000000" || upper == "FFFFFFFFFFFF" {
        return bad("00:00:00:00:00:00 and FF:FF:FF:FF:FF:FF are not device addresses.".to_owned());
    }
    let pairs: Vec<&str> = (0..6).map(|i| &upper[i * 2..i * 2 + 2]).collect();
    Ok(pairs.join(":"))
}

/// A dealer's details as the partner types them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealerDetails {
    pub display_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

impl DealerDetails {
    pub fn validate(
        display_name: &str,
        email: Option<&str>,
        phone: Option<&str>,
    ) -> Result<Self, DomainError> {
        fn present(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        Ok(Self {
            display_name: validate::text("display_name", display_name)?,
            contact_email: present(email).map(validate::email).transpose()?,
            contact_phone: present(phone).map(validate::phone).transpose()?,
        })
    }
}

/// A subscriber's details as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberDetails {
    pub name: String,
    pub line_username: String,
    pub mac: String,
}

impl SubscriberDetails {
    pub fn validate(
        name: &str,
        line_username: &str,
        mac_address: &str,
    ) -> Result<Self, DomainError> {
        Ok(Self {
            name: validate::text("name", name)?,
            line_username: validate::text("line_username", line_username)?,
            mac: mac(mac_address)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;
    use chrono::TimeZone;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, d, 12, 0, 0)
            .single()
            .expect("date")
    }

    #[test]
    fn macs_are_normalised() {
        for ok in [
            "00:1a:2b:3c:4d:5e",
            "00-1A-2B-3C-4D-5E",
            "001a.2b3c.4d5e",
            " 001A2B3C4D5E ",
        ] {
            assert_eq!(mac(ok).as_deref(), Ok("00:1A:2B:3C:4D:5E"), "{ok}");
        }
        for bad in [
            "",
            "00:1a:2b:3c:4d",
            "00:1a:2b:3c:4d:5e:6f",
            "zz:1a:2b:3c:4d:5e",
            "00:00:00:00:00:00",
            "ff:ff:ff:ff:ff:ff",
        ] {
            assert_eq!(
                mac(bad).map_err(|e| e.code().as_str()),
                Err("invalid_mac"),
                "{bad}"
            );
        }
        let message = |v: &str| mac(v).map_err(|e| e.message().to_owned()).err();
        assert_eq!(
            message("00:1a:2b:3c:4d").as_deref(),
            Some("A MAC address has 12 hex digits; this has 10.")
        );
        assert_eq!(
            message("00:1a:2b:3c:4d:5g").as_deref(),
            Some("A MAC address has only the digits 0-9 and the letters A-F.")
        );
        assert_eq!(
            message("ff-ff-ff-ff-ff-ff").as_deref(),
            Some("00:00:00:00:00:00 and FF:FF:FF:FF:FF:FF are not device addresses.")
        );
    }

    #[test]
    fn dealer_usernames() {
        assert_eq!(username(" Marko.Dealer ").as_deref(), Ok("marko.dealer"));
        for (bad, says) in [
            ("", "3-32 characters"),
            ("ab", "at least 3"),
            ("1marko", "with a letter"),
            ("marko dealer", "only letters"),
            ("marko@x", "only letters"),
            ("markoš", "only letters"),
            (&"a".repeat(33), "at most 32"),
        ] {
            let e = username(bad).expect_err(bad);
            assert_eq!(e.code(), Code::InvalidUsername, "{bad}");
            assert!(e.message().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn suspension_is_derived_from_the_dealer() {
        let s = |own, dealer| line_state(own, dealer, day(20), day(10));
        assert_eq!(
            s(SubscriberStatus::Active, Some(DealerStatus::Active)),
            LineState::Active
        );
        assert_eq!(
            s(SubscriberStatus::Active, Some(DealerStatus::Inactive)),
            LineState::Suspended
        );
        assert_eq!(
            s(SubscriberStatus::Disabled, Some(DealerStatus::Inactive)),
            LineState::Disabled,
            "reactivation restores a disabled line as disabled"
        );
        assert_eq!(
            s(SubscriberStatus::Active, None),
            LineState::Active,
            "the partner's own lines"
        );
        assert_eq!(
            line_state(SubscriberStatus::Active, None, day(5), day(10)),
            LineState::Expired
        );
    }

    #[test]
    fn extensions_start_from_the_later_of_now_and_the_old_expiry() {
        assert_eq!(
            extended_expiry(day(20), day(10), 30),
            day(20) + Duration::days(30),
            "active: nothing lost"
        );
        assert_eq!(
            extended_expiry(day(5), day(10), 30),
            day(10) + Duration::days(30),
            "expired: the whole period from now"
        );
    }

    #[test]
    fn a_line_is_paid_at_most_one_longest_extension_ahead() {
        let now = day(10);
        assert_eq!(
            extend_line(day(5), now, MAX_EXTENSION_DAYS),
            Ok(now + Duration::days(MAX_EXTENSION_DAYS)),
            "an expired line may get the longest extension"
        );
        let paid = now + Duration::days(1000);
        assert_eq!(
            extend_line(paid, now, 98).map(|d| (d - now).num_days()),
            Ok(MAX_EXTENSION_DAYS)
        );
        let e = extend_line(paid, now, 99).expect_err("past the limit");
        assert_eq!(e.code(), "extension_too_long");
        assert!(e.message().contains("at most 98 days"), "{e}");
        for days in [0, -1, MAX_EXTENSION_DAYS + 1, i64::MAX, i64::MIN] {
            assert_eq!(
                extend_line(now, now, days).map_err(|e| e.code().as_str()),
                Err("invalid_extension"),
                "{days}"
            );
        }
        // Saturates, never panics, whatever it is given.
        assert_eq!(
            extended_expiry(DateTime::<Utc>::MAX_UTC, now, MAX_EXTENSION_DAYS),
            DateTime::<Utc>::MAX_UTC
        );
        assert!(check_expiry(now + Duration::days(MAX_EXTENSION_DAYS), now).is_ok());
        assert!(
            check_expiry(now - Duration::days(30), now).is_ok(),
            "queued offline"
        );
        for far in [
            now + Duration::days(MAX_EXTENSION_DAYS + 1),
            now - Duration::days(MAX_EXTENSION_DAYS + 1),
            DateTime::<Utc>::MAX_UTC,
            DateTime::<Utc>::MIN_UTC,
        ] {
            assert_eq!(
                check_expiry(far, now).map_err(|e| e.code().as_str()),
                Err("invalid_expiry")
            );
        }
    }

    #[test]
    fn dealer_details() {
        let d =
            DealerDetails::validate(" Marko ", Some(" "), Some("+381 64 1234567")).expect("valid");
        assert_eq!(d.contact_email, None, "blank contact fields are absent");
        assert_eq!(d.contact_phone.as_deref(), Some("+381641234567"));
        assert_eq!(
            DealerDetails::validate("", None, None).map_err(|e| e.code().as_str()),
            Err("missing_field")
        );
        assert_eq!(
            DealerDetails::validate("M", Some("bad"), None).map_err(|e| e.code().as_str()),
            Err("invalid_email")
        );
    }
}
