//! Time-based one-time passwords (RFC 6238, as authenticator apps compute them): HMAC-SHA1
//! over 30-second steps, six digits, the secret shared once as base32 and a QR code of its
//! `otpauth://` address. A code is accepted for the step it names and one step either
//! side (a phone's clock a little off); a step once used is not taken again.

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

/// Seconds a code lives.
pub const STEP_SECS: i64 = 30;
/// Digits of a code.
pub const DIGITS: usize = 6;
/// Steps either side of now a code may be from.
const DRIFT_STEPS: i64 = 1;

/// A new secret: 160 random bits (RFC 4226's recommendation), in base32.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    BASE32_NOPAD.encode(&bytes)
}

/// The step `unix_secs` falls in.
pub fn step_of(unix_secs: i64) -> i64 {
    unix_secs.div_euclid(STEP_SECS)
}

/// The code of `step` for the base32 `secret`; `None` for a secret that is not base32.
pub fn code(secret: &str, step: i64) -> Option<String> {
    let key = BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    let mut mac = Hmac::<Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let binary = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Some(format!("{:06}", binary % 1_000_000))
}

/// The step `typed` is the code of, near `now_step` and after `last_used`; `None` if it
/// is none of them (wrong, too old, or a replay).
pub fn accepted_step(
    secret: &str,
    typed: &str,
    now_step: i64,
    last_used: Option<i64>,
) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS || !typed.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    (now_step - DRIFT_STEPS..=now_step + DRIFT_STEPS)
        .filter(|step| last_used.is_none_or(|used| *step > used))
        .find(|step| code(secret, *step).is_some_and(|c| constant_time_eq(&c, &typed)))
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The address an authenticator app reads from the QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &str) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", whose 8-digit codes
    /// end in these six digits.
    #[test]
    fn matches_the_rfcs_test_vectors() {
        let secret = BASE32_NOPAD.encode(b"12345678901234567890");
        for (time, expected) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(
                code(&secret, step_of(time)).as_deref(),
                Some(expected),
                "at {time}"
            );
        }
    }

    #[test]
    fn a_code_is_taken_near_now_once() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32, "160 bits in base32");
        let now = 1_000;
        let c = code(&secret, now).expect("code");
        assert_eq!(accepted_step(&secret, &c, now, None), Some(now));
        assert_eq!(
            accepted_step(&secret, &format!("{} {}", &c[..3], &c[3..]), now, None),
            Some(now),
            "spaces are fine"
        );
        assert_eq!(
            accepted_step(&secret, &c, now + 1, None),
            Some(now),
            "one step late"
        );
        assert_eq!(
            accepted_step(&secret, &c, now + 2, None),
            None,
            "two steps is too late"
        );
        assert_eq!(accepted_step(&secret, &c, now, Some(now)), None, "a replay");
        assert_eq!(accepted_step(&secret, "12345", now, None), None);
        assert_eq!(accepted_step("not base32!", "123456", now, None), None);
    }

    #[test]
    fn the_address_names_issuer_and_account() {
        assert_eq!(
            otpauth_uri("WP Play", "ana.acme", "ABC"),
            "otpauth://totp/WP%20Play:ana.acme?secret=ABC&issuer=WP%20Play&algorithm=SHA1&digits=6&period=30"
        );
    }
}
