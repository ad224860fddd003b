//! The reseller network on the wire: a partner's contact settings and the directory.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// Which contact details resellers may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct ContactVisibility {
    pub email: bool,
    pub phone: bool,
    pub website: bool,
    pub messenger: bool,
    pub address: bool,
    pub note: bool,
}

impl Default for ContactVisibility {
    /// E-mail and phone are shown until the partner says otherwise.
    fn default() -> Self {
        Self {
            email: true,
            phone: true,
            website: false,
            messenger: false,
            address: false,
            note: false,
        }
    }
}

/// A partner's reseller settings: whether it serves resellers, its extra contact details
/// and how to exchange information, and what resellers may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct ResellerSettings {
    pub offers_reseller_services: bool,
    pub website: Option<String>,
    /// Messenger handles, e.g. "Viber +381 64 …, Telegram @acme".
    pub messenger: Option<String>,
    pub address: Option<String>,
    /// How the partner wants to exchange information with resellers.
    pub note: Option<String>,
    pub visible: ContactVisibility,
    pub version: i64,
}

/// The contact details a partner made visible to resellers; hidden ones are absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct VisibleContacts {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub messenger: Option<String>,
    pub address: Option<String>,
    pub note: Option<String>,
}

/// One partner in the directory resellers browse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct DirectoryEntry {
    pub partner_id: i64,
    pub company: String,
    pub country: String,
    pub contacts: VisibleContacts,
}
