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

/// Where a Request for Partner stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RequestStatus {
    Pending,
    Accepted,
    Rejected,
    Withdrawn,
    Cancelled,
}

impl From<wpplay_domain::requests::RequestState> for RequestStatus {
    fn from(s: wpplay_domain::requests::RequestState) -> Self {
        use wpplay_domain::requests::RequestState as S;
        match s {
            S::Pending => Self::Pending,
            S::Accepted => Self::Accepted,
            S::Rejected => Self::Rejected,
            S::Withdrawn => Self::Withdrawn,
            S::Cancelled => Self::Cancelled,
        }
    }
}

/// A Request for Partner, as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct PartnerRequest {
    pub id: String,
    pub reseller_id: i64,
    pub reseller_company: String,
    pub partner_id: i64,
    pub partner_company: String,
    pub message: String,
    pub status: RequestStatus,
    /// The partner's reason for a rejection, if given.
    pub reason: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A linked partner and reseller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Link {
    pub partner_id: i64,
    pub partner_company: String,
    pub reseller_id: i64,
    pub reseller_company: String,
    pub linked_at: chrono::DateTime<chrono::Utc>,
}

/// A link that ended (Remove My Reseller).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct LinkEnded {
    pub partner_id: i64,
    pub reseller_id: i64,
    pub reason: String,
}

/// One IP stream of a partner's content catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Stream {
    pub id: String,
    pub name: String,
    pub category: String,
    pub stream_url: String,
}

/// An in-app notification; the desktop also raises it natively, once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Notification {
    pub id: i64,
    /// `request_received`, `request_accepted`, `request_rejected`, `reseller_removed`, …
    pub kind: String,
    pub title: String,
    pub body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}
