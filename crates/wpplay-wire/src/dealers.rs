//! The dealer network on the wire: dealers and subscribers as the feed carries them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;
use wpplay_domain::dealer::{DealerStatus, SubscriberStatus};

/// `active` or `inactive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DealerState {
    Active,
    Inactive,
}

impl From<DealerState> for DealerStatus {
    fn from(s: DealerState) -> Self {
        match s {
            DealerState::Active => Self::Active,
            DealerState::Inactive => Self::Inactive,
        }
    }
}

impl From<DealerStatus> for DealerState {
    fn from(s: DealerStatus) -> Self {
        match s {
            DealerStatus::Active => Self::Active,
            DealerStatus::Inactive => Self::Inactive,
        }
    }
}

/// `active` or `disabled`, as set by the dealer or partner (suspension is derived).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineStatus {
    Active,
    Disabled,
}

impl From<LineStatus> for SubscriberStatus {
    fn from(s: LineStatus) -> Self {
        match s {
            LineStatus::Active => Self::Active,
            LineStatus::Disabled => Self::Disabled,
        }
    }
}

impl From<SubscriberStatus> for LineStatus {
    fn from(s: SubscriberStatus) -> Self {
        match s {
            SubscriberStatus::Active => Self::Active,
            SubscriberStatus::Disabled => Self::Disabled,
        }
    }
}

/// A dealer of a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Dealer {
    /// Chosen by the client that created it (a UUID), so offline edits can name it.
    pub id: String,
    pub display_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// The dealer's login.
    pub username: String,
    pub status: DealerState,
    /// Bumped by every accepted change; edits name the version they were made on.
    pub version: i64,
}

/// A subscriber (an IPTV line) of a dealer, or of the partner directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Subscriber {
    /// Chosen by the client that created it (a UUID).
    pub id: String,
    pub dealer_id: Option<String>,
    pub name: String,
    pub line_username: String,
    /// Upper-case colon form, unique per partner.
    pub mac: String,
    pub expires_at: DateTime<Utc>,
    pub status: LineStatus,
    pub version: i64,
}

/// A removed dealer or subscriber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Removed {
    pub id: String,
}
