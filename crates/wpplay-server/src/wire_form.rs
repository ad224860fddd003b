//! The wire forms of stored rows: what a feed entry, an answer or an audit snapshot
//! carries of a package, a profile, a subscription, a dealer, a line, a stream or a
//! partner's reseller settings. None of them carries a password, hash or token.

use crate::db::entity::{
    content_stream, dealer, package, partner, partner_contact, reseller, subscriber,
};
use chrono::{DateTime, Utc};
use wpplay_domain::dealer::{DealerStatus, SubscriberStatus};
use wpplay_domain::lifecycle::LifecycleFacts;
use wpplay_domain::notify::NotificationPreferences;
use wpplay_domain::registration::CredentialChannel;
use wpplay_wire::dealers::{Dealer, Subscriber};
use wpplay_wire::packages::Package;
use wpplay_wire::resellers::{ContactVisibility, ResellerSettings, Stream};
use wpplay_wire::sync::{Profile, Subscription};

/// The wire form of a package.
pub fn package(p: &package::Model) -> Package {
    Package {
        id: p.id,
        code: p.code.clone(),
        name: p.name.clone(),
        monthly_price_minor: p.monthly_price_minor,
        currency: p.currency.clone(),
        max_subscribers: p.max_subscribers,
        max_streams: p.max_streams,
        features: serde_json::from_str(&p.features).unwrap_or_default(),
        active: p.active,
    }
}

/// The wire form of a partner's profile.
pub fn profile(p: &partner::Model) -> Profile {
    Profile {
        company: p.company.clone(),
        contact_person: p.contact_person.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        country: p.country.clone(),
        credential_delivery: CredentialChannel::parse(&p.credential_channel)
            .unwrap_or(CredentialChannel::Email)
            .into(),
        offers_reseller_services: p.offers_reseller_services,
        version: p.version,
        notifications: notification_preferences(p),
    }
}

/// A partner's notification preferences: as it chose them, else the defaults.
pub fn notification_preferences(p: &partner::Model) -> NotificationPreferences {
    p.notification_preferences
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_else(|| NotificationPreferences::defaults(p.credential_channel == "sms"))
}

/// The wire form of a partner's lifecycle state at `now`.
pub fn subscription(p: &partner::Model, now: DateTime<Utc>) -> Subscription {
    let facts = LifecycleFacts {
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
    };
    Subscription {
        state: facts.state_at(now).as_str().to_owned(),
        registered_at: p.registered_at,
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
    }
}

/// The wire form of a reseller's profile (resellers offer no reseller services).
pub fn reseller_profile(r: &reseller::Model) -> Profile {
    Profile {
        company: r.company.clone(),
        contact_person: r.contact_person.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        country: r.country.clone(),
        credential_delivery: CredentialChannel::parse(&r.credential_channel)
            .unwrap_or(CredentialChannel::Email)
            .into(),
        offers_reseller_services: false,
        version: 1,
        notifications: NotificationPreferences::defaults(false),
    }
}

/// The wire form of a dealer.
pub fn dealer(d: &dealer::Model, username: String) -> Dealer {
    Dealer {
        id: d.id.clone(),
        display_name: d.display_name.clone(),
        contact_email: d.contact_email.clone(),
        contact_phone: d.contact_phone.clone(),
        username,
        status: DealerStatus::parse(&d.status)
            .unwrap_or(DealerStatus::Active)
            .into(),
        version: d.version,
    }
}

/// The wire form of a subscriber.
pub fn subscriber(s: &subscriber::Model) -> Subscriber {
    Subscriber {
        id: s.id.clone(),
        dealer_id: s.dealer_id.clone(),
        name: s.name.clone(),
        line_username: s.line_username.clone(),
        mac: s.mac.clone(),
        expires_at: s.expires_at,
        status: SubscriberStatus::parse(&s.status)
            .unwrap_or(SubscriberStatus::Active)
            .into(),
        version: s.version,
    }
}

/// The wire form of a stream of a partner's content.
pub fn stream(s: &content_stream::Model) -> Stream {
    Stream {
        id: s.id.clone(),
        name: s.name.clone(),
        category: s.category.clone(),
        stream_url: s.stream_url.clone(),
    }
}

/// The wire form; a partner without a settings row has the defaults.
pub fn reseller_settings(offers: bool, row: Option<&partner_contact::Model>) -> ResellerSettings {
    match row {
        Some(r) => ResellerSettings {
            offers_reseller_services: offers,
            website: r.website.clone(),
            messenger: r.messenger.clone(),
            address: r.address.clone(),
            note: r.note.clone(),
            visible: ContactVisibility {
                email: r.show_email,
                phone: r.show_phone,
                website: r.show_website,
                messenger: r.show_messenger,
                address: r.show_address,
                note: r.show_note,
            },
            version: r.version,
        },
        None => ResellerSettings {
            offers_reseller_services: offers,
            website: None,
            messenger: None,
            address: None,
            note: None,
            visible: ContactVisibility::default(),
            version: 0,
        },
    }
}
