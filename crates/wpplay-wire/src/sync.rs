//! The sync spine: the per-account change feed and client mutations.

use crate::dealers::{Dealer, DealerState, LineStatus, Removed, Subscriber};
use crate::packages::Package;
use crate::resellers::{
    ContactVisibility, Link, LinkEnded, Notification, PartnerRequest, ResellerSettings, Stream,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;
use wpplay_domain::sync::Outcome;

/// A partner's own profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Profile {
    pub company: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    pub credential_delivery: crate::registration::Channel,
    pub offers_reseller_services: bool,
    /// Bumped by every accepted edit; edits name the version they were made on.
    pub version: i64,
    /// Which news the partner wants and how (the defaults until it chooses; absent from
    /// older servers' feeds, which sent everything by e-mail and in the app).
    #[serde(default = "default_notifications")]
    pub notifications: wpplay_domain::notify::NotificationPreferences,
}

fn default_notifications() -> wpplay_domain::notify::NotificationPreferences {
    wpplay_domain::notify::NotificationPreferences::defaults(false)
}

/// Where a partner stands in its lifecycle, with the facts the state is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Subscription {
    /// `trial`, `active` or `locked`, as computed by the server when the change was written.
    pub state: String,
    pub registered_at: DateTime<Utc>,
    pub trial_ends_at: DateTime<Utc>,
    pub paid_through: Option<DateTime<Utc>>,
}

/// One entity in the feed, tagged with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "entity", content = "data", rename_all = "snake_case")]
pub enum Entity {
    Profile(Profile),
    Package(Package),
    Subscription(Subscription),
    Dealer(Dealer),
    DealerRemoved(Removed),
    Subscriber(Subscriber),
    SubscriberRemoved(Removed),
    ResellerSettings(ResellerSettings),
    PartnerRequest(PartnerRequest),
    Link(Link),
    LinkEnded(LinkEnded),
    Stream(Stream),
    StreamRemoved(Removed),
    Notification(Notification),
}

/// One change in an account's feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Change {
    /// Server-assigned, strictly increasing within the account's feed.
    pub seq: i64,
    #[serde(flatten)]
    pub entity: Entity,
}

/// `GET /api/v1/sync/pull?since=N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PullResponse {
    pub changes: Vec<Change>,
    /// Pass this as `since` next time.
    pub cursor: i64,
    /// More changes wait after `cursor`: pull again at once.
    pub has_more: bool,
    pub schema_version: u32,
    /// The newest sequence number of the account's feed, so a long first sync can show
    /// how far it got (0 from servers that do not say).
    #[serde(default)]
    pub head: i64,
}

/// A client edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Mutation {
    /// The partner edits its contact person and phone.
    UpdateProfile {
        contact_person: String,
        phone: String,
    },
    /// Any account's language for what WP Play writes to it (e-mail, SMS, the invoice
    /// PDF): `en`, `sr-Latn` or `sr-Cyrl`, set by the app's language switch.
    SetLanguage {
        /// Another tag is refused in the push's results (`invalid_field`), like any
        /// refused edit.
        language: String,
    },
    /// The partner chooses which news it wants and how; the reminders must keep one way
    /// at least.
    SetNotificationPreferences {
        preferences: wpplay_domain::notify::NotificationPreferences,
    },
    /// A partner adds a dealer. The password is hashed on the client (argon2id, PHC
    /// string), so the plain password never waits in an outbox or crosses the wire.
    CreateDealer {
        dealer_id: String,
        display_name: String,
        contact_email: Option<String>,
        contact_phone: Option<String>,
        username: String,
        password_hash: String,
    },
    /// A partner gives a dealer a new password (hashed on the client, as when adding
    /// one); the dealer's sessions end.
    ResetDealerPassword {
        dealer_id: String,
        password_hash: String,
    },
    /// A partner edits a dealer's details.
    UpdateDealer {
        dealer_id: String,
        base_version: i64,
        display_name: String,
        contact_email: Option<String>,
        contact_phone: Option<String>,
    },
    /// Active, or Inactive (temporary shutdown).
    SetDealerStatus {
        dealer_id: String,
        base_version: i64,
        status: DealerState,
    },
    /// Removes a dealer with all its subscribers. Refused if the dealer now has another
    /// number of subscribers than the confirmation said.
    DeleteDealer {
        dealer_id: String,
        base_version: i64,
        subscriber_count: i64,
    },
    /// A dealer or partner adds a line; a dealer's lines are always its own.
    CreateSubscriber {
        subscriber_id: String,
        dealer_id: Option<String>,
        name: String,
        line_username: String,
        mac: String,
        expires_at: DateTime<Utc>,
    },
    UpdateSubscriber {
        subscriber_id: String,
        base_version: i64,
        name: String,
        line_username: String,
        mac: String,
        status: LineStatus,
    },
    /// Extends a line by `days` from the later of now and its expiry.
    ExtendSubscriber {
        subscriber_id: String,
        days: i64,
    },
    RemoveSubscriber {
        subscriber_id: String,
        base_version: i64,
    },
    /// The partner's reseller settings (opt-out, contact details, visibility).
    UpdateResellerSettings {
        base_version: i64,
        offers_reseller_services: bool,
        website: Option<String>,
        messenger: Option<String>,
        address: Option<String>,
        note: Option<String>,
        visible: ContactVisibility,
    },
    /// A reseller asks a partner to work together.
    RequestPartner {
        request_id: String,
        partner_id: i64,
        message: String,
    },
    /// The reseller takes a pending request back.
    WithdrawRequest {
        request_id: String,
    },
    /// The partner accepts or rejects a pending request.
    AnswerRequest {
        request_id: String,
        accept: bool,
        reason: Option<String>,
    },
    /// Remove My Reseller: the partner ends a link; the reason is required.
    RemoveReseller {
        reseller_id: i64,
        reason: String,
    },
    /// The partner adds an IP stream to its content catalog.
    AddStream {
        stream_id: String,
        name: String,
        category: String,
        stream_url: String,
    },
    RemoveStream {
        stream_id: String,
    },
}

/// One queued client mutation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientMutation {
    /// Per-client, strictly increasing; a mutation id seen before is not applied again.
    pub mutation_id: i64,
    pub mutation: Mutation,
}

/// `POST /api/v1/sync/push`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// A random id the client chose once, e.g. a UUID.
    #[schema(min_length = 8, max_length = 64, pattern = "^[A-Za-z0-9-]+$")]
    pub client_id: String,
    /// The client's sync schema version; another one than the server's is told to update
    /// (426).
    #[schema(minimum = 0, maximum = 65535)]
    pub schema_version: u32,
    /// At most `wpplay_domain::sync::MAX_PUSH_BATCH` (100) at a time (413 otherwise).
    #[schema(max_items = 100)]
    pub mutations: Vec<ClientMutation>,
}

/// The result of one mutation of a push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MutationResult {
    pub mutation_id: i64,
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub outcome: Outcome,
}

/// `POST /api/v1/sync/push` answer, one result per mutation, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PushResponse {
    pub results: Vec<MutationResult>,
    /// The feed cursor after the push; pull to see the effects.
    pub cursor: i64,
}
