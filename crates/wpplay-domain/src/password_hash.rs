//! The one argon2id cost every password hash of the product uses, and the bounds a hash
//! must keep before anyone spends work on it.
//!
//! A partner's desktop hashes a new dealer's password itself (the password never waits
//! in the outbox in clear), so the server stores a hash a client chose. A client could
//! choose `m=4294967295` (terabytes of memory when the dealer signs in) or
//! `t=4294967295` (a core pinned for ever): the server accepts exactly the parameters of
//! [`hasher`] from clients, and verifies a stored hash only while it is within
//! [`VERIFY_MAX_MEMORY_KIB`] and friends.

use crate::code::Code;
use argon2::password_hash::PasswordHash;
use argon2::{Algorithm, Argon2, Params, Version};

/// Memory per hash, in KiB (OWASP's argon2id minimum, 19 MiB).
pub const MEMORY_KIB: u32 = 19_456;
/// Passes over the memory.
pub const ITERATIONS: u32 = 2;
/// Lanes.
pub const PARALLELISM: u32 = 1;
/// Bytes of hash output.
pub const OUTPUT_LEN: usize = 32;

/// The most a stored hash may ask for before it is verified; room for a later, dearer
/// [`hasher`] without letting one row cost more than a few times today's work.
pub const VERIFY_MAX_MEMORY_KIB: u32 = 4 * MEMORY_KIB;
pub const VERIFY_MAX_ITERATIONS: u32 = 4;
pub const VERIFY_MAX_PARALLELISM: u32 = 4;
pub const VERIFY_MAX_OUTPUT_LEN: usize = 64;

/// argon2id with the product's parameters: the desktop's and the server's hasher.
pub fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, Some(OUTPUT_LEN))
        .expect("the product's argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Why a hash a client sent is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashProblem {
    /// Cheaper than the product's parameters: `weak_password_hash`.
    Weak,
    /// Not an argon2id PHC string of exactly the product's parameters (dearer, another
    /// algorithm or version, another output length, malformed): `bad_password_hash`.
    Bad,
}

impl HashProblem {
    pub fn code(self) -> Code {
        match self {
            Self::Weak => Code::WeakPasswordHash,
            Self::Bad => Code::BadPasswordHash,
        }
    }

    pub fn message(self) -> String {
        match self {
            Self::Weak => format!(
                "The password hash is too cheap: send argon2id with m={MEMORY_KIB}, t={ITERATIONS}, p={PARALLELISM}."
            ),
            Self::Bad => format!(
                "The password must be sent as an argon2id (v=19) hash with exactly m={MEMORY_KIB}, t={ITERATIONS}, p={PARALLELISM} and a {OUTPUT_LEN}-byte output."
            ),
        }
    }
}

/// The cost a PHC string names: (m, t, p, output length).
fn cost(parsed: &PasswordHash<'_>) -> Option<(u32, u32, u32, usize)> {
    let param = |name: &str| parsed.params.get_decimal(name);
    Some((
        param("m")?,
        param("t")?,
        param("p")?,
        parsed.hash.as_ref()?.len(),
    ))
}

fn is_argon2id_v19(parsed: &PasswordHash<'_>) -> bool {
    parsed.algorithm.as_str() == "argon2id" && parsed.version == Some(0x13)
}

/// Checks a hash a client made: exactly the product's argon2id parameters.
pub fn check_client_hash(phc: &str) -> Result<(), HashProblem> {
    let parsed = PasswordHash::new(phc).map_err(|_| HashProblem::Bad)?;
    if !is_argon2id_v19(&parsed) {
        return Err(HashProblem::Bad);
    }
    let (m, t, p, len) = cost(&parsed).ok_or(HashProblem::Bad)?;
    if (m, t, p, len) == (MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_LEN) {
        Ok(())
    } else if m <= MEMORY_KIB && t <= ITERATIONS && p <= PARALLELISM && len <= OUTPUT_LEN {
        Err(HashProblem::Weak)
    } else {
        Err(HashProblem::Bad)
    }
}

/// Whether a stored hash may be verified: argon2id within the verification bounds.
/// Anything else never matches (and costs nothing).
pub fn is_verifiable(parsed: &PasswordHash<'_>) -> bool {
    is_argon2id_v19(parsed)
        && cost(parsed).is_some_and(|(m, t, p, len)| {
            m <= VERIFY_MAX_MEMORY_KIB
                && t <= VERIFY_MAX_ITERATIONS
                && (1..=VERIFY_MAX_PARALLELISM).contains(&p)
                && (16..=VERIFY_MAX_OUTPUT_LEN).contains(&len)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, SaltString};

    const SALT: &str = "c29tZXNhbHRzb21lc2FsdA";
    const OUT32: &str = "WeR0j3nBf6gYtDpgCYxJ9hEY7bHcFpCCjw5r3cE1m4E";

    fn phc(alg: &str, v: u32, m: u32, t: u32, p: u32, out: &str) -> String {
        format!("${alg}$v={v}$m={m},t={t},p={p}${SALT}${out}")
    }

    #[test]
    fn the_products_own_hash_is_accepted_and_verifiable() {
        let salt = SaltString::from_b64(SALT).expect("salt");
        let made = hasher()
            .hash_password(b"Dealer-pass-2026", &salt)
            .expect("hash")
            .to_string();
        assert_eq!(check_client_hash(&made), Ok(()));
        assert!(is_verifiable(&PasswordHash::new(&made).expect("parse")));
        // What `Argon2::default()` makes today is the same thing.
        let default = Argon2::default()
            .hash_password(b"Dealer-pass-2026", &salt)
            .expect("hash")
            .to_string();
        assert_eq!(made, default);
    }

    #[test]
    fn cheaper_hashes_are_weak() {
        for (m, t, p) in [(1024, 2, 1), (MEMORY_KIB, 1, 1), (8, 1, 1)] {
            assert_eq!(
                check_client_hash(&phc("argon2id", 19, m, t, p, OUT32)),
                Err(HashProblem::Weak),
                "m={m} t={t} p={p}"
            );
        }
    }

    #[test]
    fn dearer_or_foreign_hashes_are_bad_and_never_verified() {
        let hostile = [
            phc("argon2id", 19, u32::MAX, 2, 1, OUT32),
            phc("argon2id", 19, MEMORY_KIB, u32::MAX, 1, OUT32),
            phc("argon2id", 19, MEMORY_KIB, 2, 255, OUT32),
            phc("argon2id", 19, 1 << 24, 1, 1, OUT32),
            // A 64-byte output: more work than the product's, and not its shape.
            phc("argon2id", 19, MEMORY_KIB, 2, 1, &format!("{OUT32}{OUT32}")),
        ];
        for h in &hostile {
            assert_eq!(check_client_hash(h), Err(HashProblem::Bad), "{h}");
        }
        for h in &hostile[..4] {
            assert!(!is_verifiable(&PasswordHash::new(h).expect("parse")), "{h}");
        }
        for h in [
            phc("argon2i", 19, MEMORY_KIB, 2, 1, OUT32),
            phc("argon2id", 16, MEMORY_KIB, 2, 1, OUT32),
            "Dealer-pass-2026".to_owned(),
            format!("$argon2id$m={MEMORY_KIB},t=2,p=1${SALT}${OUT32}"),
            format!("$argon2id$v=19$m={MEMORY_KIB},t=2,p=1${SALT}"),
        ] {
            assert_eq!(check_client_hash(&h), Err(HashProblem::Bad), "{h}");
        }
    }
}
