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

/// One change in an account's feed: `{"seq": N, "entity": kind, "data": {…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Change {
    /// Server-assigned, strictly increasing within the account's feed.
    pub seq: i64,
    #[serde(flatten)]
    pub entity: Entity,
}

/// Read by hand rather than derived: serde's `flatten` would first copy every change of
/// a page into a generic buffer and read the entity from that. Here the entity's own
/// (adjacently tagged) reader reads on from the same map, so a first sync's hundred
/// thousand changes are read once. The keys may come in any order; unknown keys are
/// skipped, as before.
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ChangeVisitor)
    }
}

/// A key of a change.
#[derive(Clone, Copy)]
enum ChangeKey {
    Seq,
    Entity,
    Data,
    Other,
}

impl<'de> Deserialize<'de> for ChangeKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = ChangeKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key of a change")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<ChangeKey, E> {
                Ok(match key {
                    "seq" => ChangeKey::Seq,
                    "entity" => ChangeKey::Entity,
                    "data" => ChangeKey::Data,
                    _ => ChangeKey::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

struct ChangeVisitor;

impl<'de> serde::de::Visitor<'de> for ChangeVisitor {
    type Value = Change;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a change: seq, entity and data")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Change, A::Error> {
        use serde::de::Error;
        let mut seq = None;
        while let Some(key) = map.next_key::<ChangeKey>()? {
            match key {
                ChangeKey::Seq => seq = Some(map.next_value::<i64>()?),
                ChangeKey::Other => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                first @ (ChangeKey::Entity | ChangeKey::Data) => {
                    let rest = EntityKeys {
                        first: Some(first),
                        map: &mut map,
                        seq: &mut seq,
                    };
                    let entity =
                        Entity::deserialize(serde::de::value::MapAccessDeserializer::new(rest))?;
                    let seq = seq.ok_or_else(|| A::Error::missing_field("seq"))?;
                    return Ok(Change { seq, entity });
                }
            }
        }
        Err(A::Error::missing_field("entity"))
    }
}

/// The rest of a change's map as the entity's reader sees it: the key already read
/// first, then the remaining ones, with `seq` taken out on the way.
struct EntityKeys<'a, A> {
    first: Option<ChangeKey>,
    map: &'a mut A,
    seq: &'a mut Option<i64>,
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for EntityKeys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        use serde::de::IntoDeserializer;
        let key = match self.first.take() {
            Some(key) => key,
            None => loop {
                match self.map.next_key::<ChangeKey>()? {
                    None => return Ok(None),
                    Some(ChangeKey::Seq) => *self.seq = Some(self.map.next_value()?),
                    Some(key) => break key,
                }
            },
        };
        let name = match key {
            ChangeKey::Entity => "entity",
            ChangeKey::Data => "data",
            ChangeKey::Seq | ChangeKey::Other => "other",
        };
        seed.deserialize(IntoDeserializer::<A::Error>::into_deserializer(name))
            .map(Some)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(id: &str) -> Entity {
        Entity::DealerRemoved(Removed { id: id.into() })
    }

    /// A change reads back as written, whatever order its keys come in and with keys it
    /// does not know; without its sequence number or its entity it is an error.
    #[test]
    fn a_change_reads_in_any_key_order() {
        let dealer = Change {
            seq: 7,
            entity: Entity::Dealer(Dealer {
                id: "d1".into(),
                display_name: "Marko \"Shop\" Đorđe".into(),
                contact_email: None,
                contact_phone: Some("+381 11 333".into()),
                username: "marko".into(),
                status: DealerState::Inactive,
                version: 3,
            }),
        };
        let written = serde_json::to_string(&dealer).expect("write");
        assert!(
            written.starts_with(r#"{"seq":7,"entity":"dealer","data":{"#),
            "{written}"
        );
        assert_eq!(
            serde_json::from_str::<Change>(&written).expect("read"),
            dealer
        );
        for text in [
            r#"{"seq":5,"entity":"dealer_removed","data":{"id":"x"}}"#,
            r#"{"entity":"dealer_removed","data":{"id":"x"},"seq":5}"#,
            r#"{"data":{"id":"x"},"seq":5,"entity":"dealer_removed"}"#,
            r#"{"entity":"dealer_removed","seq":5,"extra":[1,{"a":2}],"data":{"id":"x"}}"#,
            r#"{"extra":null,"data":{"id":"x"},"entity":"dealer_removed","seq":5}"#,
        ] {
            let read: Change = serde_json::from_str(text).expect(text);
            assert_eq!(
                read,
                Change {
                    seq: 5,
                    entity: removed("x")
                },
                "{text}"
            );
            let value: serde_json::Value = serde_json::from_str(text).expect("json");
            let from_value: Change = serde_json::from_value(value).expect(text);
            assert_eq!(from_value, read, "{text}");
        }
        for bad in [
            r#"{"entity":"dealer_removed","data":{"id":"x"}}"#,
            r#"{"seq":5}"#,
            r#"{"seq":5,"entity":"no_such_kind","data":{}}"#,
            r#"{"seq":"5","entity":"dealer_removed","data":{"id":"x"}}"#,
            r#"{"seq":5,"entity":"dealer_removed","data":{"id":"x"},"entity":"dealer_removed"}"#,
            r#"[5,"dealer_removed"]"#,
        ] {
            assert!(serde_json::from_str::<Change>(bad).is_err(), "{bad}");
        }
    }

    /// A page of changes reads as a whole.
    #[test]
    fn a_page_reads() {
        let page = PullResponse {
            changes: (1..=3)
                .map(|seq| Change {
                    seq,
                    entity: removed(&format!("d{seq}")),
                })
                .collect(),
            cursor: 3,
            has_more: false,
            schema_version: 2,
            head: 3,
        };
        let text = serde_json::to_string(&page).expect("write");
        assert_eq!(
            serde_json::from_str::<PullResponse>(&text).expect("read"),
            page
        );
    }
}
