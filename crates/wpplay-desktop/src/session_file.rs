//! The last account used on this computer: not secret, it only pre-fills the login and
//! names the keychain entry. The token itself is in the keychain.

use serde::{Deserialize, Serialize};
use std::path::Path;
use wpplay_wire::auth::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastSession {
    pub server_url: String,
    pub username: String,
    pub role: Role,
    pub must_change_password: bool,
}

pub fn read(path: &Path) -> Option<LastSession> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn write(path: &Path, s: &LastSession) -> std::io::Result<()> {
    crate::private_fs::write(
        path,
        &serde_json::to_vec_pretty(s).map_err(std::io::Error::other)?,
    )
}
