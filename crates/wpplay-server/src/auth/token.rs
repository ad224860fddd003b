//! Opaque bearer tokens: 256 random bits, stored only as SHA-256 hashes; and the pair a
//! session hands out.

use crate::db::entity::account;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The tokens a sign-in or a refresh hands out, in the clear, for the answer only.
pub struct Tokens {
    pub account: account::Model,
    pub access: String,
    pub refresh: String,
    /// Seconds the access token lives.
    pub expires_in: i64,
    /// The account must set up two-factor sign-in before anything else.
    pub setup_second_factor: bool,
}

/// A new random token, URL-safe.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a token: a leak of the table does not leak usable tokens.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let (a, b) = (super::generate(), super::generate());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43, "32 bytes in unpadded base64");
        assert_eq!(super::hash(&a), super::hash(&a));
        assert_ne!(super::hash(&a), super::hash(&b));
    }
}
