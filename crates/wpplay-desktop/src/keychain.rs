//! The session's refresh token in the operating system's keychain, never in a file.

use keyring::Entry;

/// The keychain service name; the account is `server-url username`.
pub const SERVICE: &str = "wpplay-partner-desk";

fn entry(service: &str, server_url: &str, username: &str) -> keyring::Result<Entry> {
    Entry::new(service, &format!("{server_url} {username}"))
}

/// Stores (or replaces) the refresh token.
pub fn store(service: &str, server_url: &str, username: &str, token: &str) -> keyring::Result<()> {
    entry(service, server_url, username)?.set_password(token)
}

/// The stored refresh token, if any.
pub fn load(service: &str, server_url: &str, username: &str) -> keyring::Result<Option<String>> {
    match entry(service, server_url, username)?.get_password() {
        Ok(t) => Ok(Some(t)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Removes the refresh token; a missing one is fine.
pub fn delete(service: &str, server_url: &str, username: &str) -> keyring::Result<()> {
    match entry(service, server_url, username)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(e),
    }
}
