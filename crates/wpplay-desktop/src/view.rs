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
    /// Two-factor sign-in must be set up before anything else (a dealer whose partner
    /// requires it, an operator).
    pub second_factor_setup_required: bool,
}

/// Setting up two-factor sign-in: the new secret for the authenticator app, as text
/// (grouped by four) and as a QR code (an SVG image), shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SecondFactorSetup {
    pub secret: String,
    pub otpauth_uri: String,
    pub qr_svg: String,
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
    /// The OS keychain could not be read: the user signs in again, and is told why.
    pub keychain_notice: Option<String>,
    /// The last account was deleted on the server, and its data here removed with it.
    pub account_notice: Option<String>,
}

/// The language the app shows itself in, with its catalog for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LanguageView {
    pub lang: wpplay_domain::lang::Lang,
    /// Chosen in Settings (else it follows the operating system).
    pub chosen: bool,
    /// The messages of `lang` in Fluent syntax (Cyrillic already transliterated).
    pub catalog: String,
    /// Every language, named in itself, for the switch in Settings.
    pub choices: Vec<LanguageChoice>,
}

/// A language in the switch: its tag and its own name ("Srpski (latinica)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LanguageChoice {
    pub lang: wpplay_domain::lang::Lang,
    pub name: String,
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
    /// While a long pull is under way (a first sync, a full resync): how far it got.
    pub progress: Option<SyncProgress>,
}

/// How far a pull under way got, in changes of the account's feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncProgress {
    #[ts(type = "number")]
    pub done: i64,
    #[ts(type = "number")]
    pub total: i64,
}

/// A local edit the server refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RejectedEdit {
    pub mutation_id: i64,
    /// A short description of the edit, e.g. "Profile: contact person and phone".
    pub summary: String,
    pub code: wpplay_domain::Code,
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
    /// When access ends unless the partner pays (the later of trial end and paid-through).
    pub access_ends_at: DateTime<Utc>,
    /// Whether that end is the trial's (not a paid period's).
    pub ends_with_trial: bool,
    /// When the data of a partner that does not pay is deleted.
    pub purge_at: DateTime<Utc>,
    /// Whole days until then, rounded up.
    pub days_to_purge: i64,
    /// When the pro forma invoice for the next period is issued (the server's rule, in
    /// the billing calendar's time zone).
    pub next_invoice_at: DateTime<Utc>,
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
    /// How far the core's clock runs ahead of the system time, in milliseconds: 0, except
    /// in a debug build moved by `WPPLAY_DEBUG_CLOCK_OFFSET_FILE`. The UI adds it to its own
    /// "now" so every date it computes agrees with the core.
    #[ts(type = "number")]
    pub clock_ahead_ms: i64,
    /// The OS keychain refused to keep the session (said once, then `None`).
    pub keychain_notice: Option<String>,
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
    pub code: wpplay_domain::Code,
    pub message: String,
}

impl RowProblem {
    /// The refusal recorded on an outbox entry, if the server refused it.
    pub fn refused(entry: &crate::replica::entity::outbox::Model) -> Option<Self> {
        (entry.state == "rejected").then(|| Self {
            mutation_id: entry.mutation_id,
            code: wpplay_domain::Code::parse(entry.reject_code.as_deref().unwrap_or_default()),
            message: entry.reject_message.clone().unwrap_or_default(),
        })
    }
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

/// Where a reseller stands with one partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerRelation {
    pub partner_id: i64,
    pub relation: Relation,
}

/// Where a reseller with these `partners` and `requests` stands with `partner_id`: linked,
/// waiting for an answer to a request the server has not refused, or neither.
pub fn relation_with(
    partner_id: i64,
    partners: &[wpplay_wire::resellers::Link],
    requests: &[OutgoingRow],
) -> Relation {
    if partners.iter().any(|l| l.partner_id == partner_id) {
        Relation::Linked
    } else if requests
        .iter()
        .any(|r| r.request.partner_id == partner_id && r.open)
    {
        Relation::Pending
    } else {
        Relation::None
    }
}

impl RequestsView {
    /// Where this reseller stands with `partner_id`.
    pub fn relation_with(&self, partner_id: i64) -> Relation {
        self.relations
            .iter()
            .find(|r| r.partner_id == partner_id)
            .map_or(Relation::None, |r| r.relation)
    }
}

/// What a line looks like now: its own status, its dealer's, and its expiry together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineView {
    Active,
    /// Switched off by the dealer or partner.
    Disabled,
    /// Its dealer is Inactive; back as it was when the dealer is reactivated.
    Suspended,
    Expired,
}

/// One row of the subscribers table: the server's line with local edits laid over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SubscriberRow {
    pub id: String,
    /// `None`: one of the partner's own lines.
    pub dealer_id: Option<String>,
    pub dealer_name: Option<String>,
    pub name: String,
    pub line_username: String,
    pub mac: String,
    pub expires_at: DateTime<Utc>,
    /// What the dealer or partner set.
    pub status: wpplay_wire::dealers::LineStatus,
    /// What the line is now (suspended and expired are derived).
    pub state: LineView,
    /// Whole days until it expires (0 or less once expired).
    pub days_left: i64,
    pub sync: RowSync,
    pub problem: Option<RowProblem>,
}

/// The column the subscribers table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SubscriberSort {
    Name,
    LineUsername,
    Mac,
    Dealer,
    Expires,
    State,
}

/// Which lines a dealer filter picks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "dealer_id", rename_all = "snake_case")]
#[ts(export)]
pub enum DealerFilter {
    /// The partner's own lines.
    Own,
    Dealer(String),
}

/// What the subscribers table shows: search, filters, sort and page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SubscriberQuery {
    /// Matches name, line username, MAC or dealer, ignoring case.
    pub search: String,
    pub state: Option<LineView>,
    pub dealer: Option<DealerFilter>,
    pub sort: SubscriberSort,
    pub descending: bool,
    /// 0-based.
    pub page: i64,
    /// 1 to 500.
    pub page_size: i64,
}

/// A dealer to pick in the filter and in Add subscriber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerOption {
    pub id: String,
    pub display_name: String,
    pub status: wpplay_wire::dealers::DealerState,
}

/// One page of subscribers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SubscriberPage {
    pub rows: Vec<SubscriberRow>,
    /// Rows matching the query, on all pages.
    pub total: i64,
    pub page: i64,
    pub page_size: i64,
    /// Counts over the lines the dealer filter picks, for the state chips.
    pub all: i64,
    pub active: i64,
    pub disabled: i64,
    pub suspended: i64,
    pub expired: i64,
    /// The partner's dealers (empty for a dealer's own view).
    pub dealers: Vec<DealerOption>,
    /// Lines used of the package's limit (a partner's view; `None` for a dealer).
    pub allowance: Option<Allowance>,
}

/// How much of a package limit is used, shown as "37 of 100".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Allowance {
    pub used: i64,
    pub max: i64,
    /// The package's name, e.g. `Starter`.
    pub package: String,
}

/// A CSV file written by an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CsvExport {
    pub path: String,
    /// Data rows written (the header not counted).
    pub rows: i64,
}

/// Where a reseller stands with a partner in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Relation {
    /// No open request and no link: a Request for Partner can be sent.
    None,
    /// A request waits for the partner's answer (or to sync).
    Pending,
    Linked,
}

/// One partner in the reseller's directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DirectoryRow {
    pub entry: wpplay_wire::resellers::DirectoryEntry,
    pub relation: Relation,
}

/// A reseller's own Request for Partner, with its local sync state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutgoingRow {
    pub request: wpplay_wire::resellers::PartnerRequest,
    /// Sent or withdrawn here; waiting to sync.
    pub waiting: bool,
    /// The server refused it: why, to discard.
    pub problem: Option<RowProblem>,
    /// Waiting for the partner's answer (pending and not refused): it can be withdrawn.
    pub open: bool,
}

impl OutgoingRow {
    /// Sets [`OutgoingRow::open`] from the status and the problem.
    pub fn settled(mut self) -> Self {
        self.open = self.request.status == wpplay_wire::resellers::RequestStatus::Pending
            && self.problem.is_none();
        self
    }
}

/// The reseller's side of the network, from the replica.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestsView {
    /// Every request this reseller sent, newest first.
    pub requests: Vec<OutgoingRow>,
    /// The partners this reseller is linked to.
    pub partners: Vec<wpplay_wire::resellers::Link>,
    /// The latest notifications, newest first (at most 20).
    pub notifications: Vec<wpplay_wire::resellers::Notification>,
    /// Where this reseller stands with each partner it is linked to or waits for; any
    /// other partner is [`Relation::None`].
    pub relations: Vec<PartnerRelation>,
}

/// A partner's content catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContentView {
    pub partner_id: Option<i64>,
    pub partner_company: String,
    pub streams: Vec<StreamRow>,
    /// Streams used of the package's limit (the partner's own catalog only).
    pub allowance: Option<Allowance>,
}

/// One stream, with its local sync state (the partner's own catalog only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StreamRow {
    pub stream: wpplay_wire::resellers::Stream,
    pub sync: RowSync,
    pub problem: Option<RowProblem>,
}

/// Settings → Reseller services: what the partner set, and what resellers see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResellerSettingsView {
    pub settings: wpplay_wire::resellers::ResellerSettings,
    /// From the profile: shown to resellers when made visible.
    pub email: String,
    pub phone: String,
    pub company: String,
    pub country: String,
    /// "View as a reseller": exactly the directory entry resellers get, or `None` when the
    /// partner does not serve resellers (it is then not listed at all).
    pub preview: Option<wpplay_wire::resellers::DirectoryEntry>,
    pub sync: RowSync,
    pub problem: Option<RowProblem>,
}

/// A package on offer and what choosing it would do (the Change package window).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PackageChoice {
    pub package: wpplay_wire::packages::Package,
    pub rule: wpplay_domain::billing::ChangeRule,
    /// Whether the partner may confirm it.
    pub can_confirm: bool,
}

/// What a number of days does to a line, checked by the core's rule before the user
/// confirms: its new expiry, or why the number cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LineDays {
    pub expires_at: Option<DateTime<Utc>>,
    pub problem: Option<String>,
    /// The most days a line may be paid ahead (for the number box).
    pub max_days: i64,
}

/// One field of a form as typed, as the core judges it (`check_form`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldCheck {
    /// The field's name in the form's arguments (e.g. `contact_email`).
    pub field: String,
    /// The value as the core would store it (trimmed, the login lower-cased, the MAC in
    /// colon form); absent while the field has a problem, blank or is a password.
    pub value: Option<String>,
    pub problem: Option<FieldProblem>,
    /// The most characters the field takes, for a counter.
    pub max_chars: Option<u32>,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldProblem {
    /// What is wrong; the UI words it from the catalog (`ask-<field>` for a blank one).
    pub code: wpplay_domain::Code,
    /// Typing more may still cure it (blank, too short, a scheme half typed): the UI holds
    /// it back while the user is in the field. A wrong character is never incomplete.
    pub incomplete: bool,
}

/// A file the app saved for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedFile {
    pub path: String,
    /// Whether the app also opened it in the user's viewer.
    pub opened: bool,
}

/// A newer version of the app that its server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpdateOffer {
    pub version: String,
    /// What is new, as the release says.
    pub notes: String,
}

/// What the app knows about updating itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpdateStatus {
    /// The version this app runs.
    pub current_version: String,
    /// A newer version the server offers, once a check found one.
    pub offer: Option<UpdateOffer>,
    /// Why this copy cannot update itself (it was not installed from an installer), if so.
    pub unavailable: Option<String>,
    /// The last check or install that failed, and why.
    pub error: Option<ErrorBody>,
    /// A test build downloaded and verified this version and stopped before installing.
    pub verified_version: Option<String>,
}

/// What a tray menu item does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrayAction {
    /// Shows and focuses the window.
    Open,
    SyncNow,
    /// Opens the Resellers page with the requests waiting for an answer.
    PendingRequests,
    Quit,
}

impl TrayAction {
    /// The menu item's id in the shell.
    pub fn id(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::SyncNow => "sync_now",
            Self::PendingRequests => "pending_requests",
            Self::Quit => "quit",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        [Self::Open, Self::SyncNow, Self::PendingRequests, Self::Quit]
            .into_iter()
            .find(|a| a.id() == id)
    }
}

/// One item of the tray menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrayItem {
    pub action: TrayAction,
    pub label: String,
    pub enabled: bool,
}

/// The system tray: the count beside the icon, the tooltip, the menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrayModel {
    /// Things to act on: waiting requests, access ending in under 7 days or locked,
    /// refused edits.
    pub alert_count: usize,
    /// Shown beside the icon where the platform can ("" when nothing is waiting).
    pub title: String,
    pub tooltip: String,
    pub menu: Vec<TrayItem>,
}
