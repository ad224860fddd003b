//! What the UI shows: view types built from the local replica. Exported to TypeScript.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wpplay_wire::ErrorBody;
use wpplay_wire::auth::Role;
use wpplay_wire::packages::Package;
use wpplay_wire::sync::Profile;

/// The signed-in account, as the app knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionView {
    pub server_url: String,
    pub username: String,
    pub role: Role,
    /// The generated password must be replaced before anything else.
    pub must_change_password: bool,
}

/// What the app found when it started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StartupView {
    /// Signed in silently with the session kept in the OS keychain.
    pub session: Option<SessionView>,
    /// Pre-fills the login screen.
    pub last_server_url: Option<String>,
    pub last_username: Option<String>,
    /// The server this app was started against (`WPPLAY_SERVER_URL`), if any.
    pub default_server_url: String,
}

/// Sync health, always visible in the top bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    /// The last exchange with the server succeeded.
    pub online: bool,
    pub last_sync_at: Option<DateTime<Utc>>,
    /// Local edits not yet accepted by the server.
    pub pending_changes: i64,
    /// Edits the server refused, waiting for the user to fix or discard.
    pub rejected: Vec<RejectedEdit>,
    /// Why the last attempt failed, with what to do.
    pub last_error: Option<ErrorBody>,
}

/// A local edit the server refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RejectedEdit {
    pub mutation_id: i64,
    /// A short description of the edit, e.g. "Profile: contact person and phone".
    pub summary: String,
    pub code: String,
    pub message: String,
}

/// Trial or paid state with the countdown computed from the local clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SubscriptionView {
    /// `trial`, `active` or `locked`.
    pub state: String,
    /// Whole days until access ends, rounded up.
    pub days_left: i64,
    pub trial_ends_at: DateTime<Utc>,
    pub paid_through: Option<DateTime<Utc>>,
}

/// The dashboard, read entirely from the local replica.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub session: SessionView,
    pub profile: Option<Profile>,
    pub package: Option<Package>,
    pub subscription: Option<SubscriptionView>,
    pub sync: SyncStatus,
}

/// A password's strength, for the meter beside password fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PasswordStrength {
    TooWeak,
    Fair,
    Strong,
}

/// Whether a row's latest local edit has reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowSync {
    Synced,
    /// Edited here, waiting to sync.
    Pending,
    /// The server refused an edit of this row: see `problem`.
    Rejected,
}

/// A refused edit of a row, to fix or discard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowProblem {
    pub mutation_id: i64,
    /// `version_conflict` when another device changed the row first.
    pub code: String,
    pub message: String,
}

/// One row of My Dealers: the server's dealer with local edits laid over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerRow {
    pub id: String,
    pub display_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub username: String,
    pub status: wpplay_wire::dealers::DealerState,
    pub subscriber_count: i64,
    pub sync: RowSync,
    pub problem: Option<RowProblem>,
}

/// The column My Dealers is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DealerSort {
    Name,
    Username,
    Status,
    Subscribers,
}

/// What My Dealers shows: search, status filter, sort and page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerQuery {
    /// Matches name, username, e-mail or phone, ignoring case.
    pub search: String,
    pub status: Option<wpplay_wire::dealers::DealerState>,
    pub sort: DealerSort,
    pub descending: bool,
    /// 0-based.
    pub page: i64,
    /// 1 to 500.
    pub page_size: i64,
}

/// One page of My Dealers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerPage {
    pub rows: Vec<DealerRow>,
    /// Rows matching the query, on all pages.
    pub total: i64,
    pub page: i64,
    pub page_size: i64,
    /// Counts over all dealers, for the filter chips.
    pub all: i64,
    pub active: i64,
    pub inactive: i64,
}

/// A Request for Partner as the partner sees it, with its local sync state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestRow {
    pub request: wpplay_wire::resellers::PartnerRequest,
    /// An answer was given here and waits to sync.
    pub answering: bool,
}

/// A linked reseller, with its local sync state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkRow {
    pub link: wpplay_wire::resellers::Link,
    /// Remove My Reseller was filed here and waits to sync.
    pub removing: bool,
}

/// The partner's Resellers page and the dashboard's alerts, from the replica.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResellersView {
    /// Pending requests, oldest first.
    pub incoming: Vec<RequestRow>,
    pub linked: Vec<LinkRow>,
    /// The latest notifications, newest first (at most 20).
    pub notifications: Vec<wpplay_wire::resellers::Notification>,
}
