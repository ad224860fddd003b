//! Which news a partner wants, and how: for each topic (reminders about its trial or
//! period, its invoices and payments, its reseller network), by e-mail, by SMS and as the
//! app's own notifications. What keeps an account safe (credentials, password recovery,
//! a new sign-in) is always sent and is no topic.

use crate::DomainError;
use crate::code::Code;
use serde::{Deserialize, Serialize};

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// The trial or paid period ends soon or ended, the account is locked, its data is
    /// deleted soon.
    Reminders,
    /// An invoice was issued, a payment received.
    Billing,
    /// Requests for Partner, answers, resellers removed, a linked partner gone.
    Network,
}

impl Topic {
    /// The topic of a notice kind (as the server names them, or `lifecycle_…` for the
    /// alerts the app computes itself); `None`: always sent.
    pub fn of(kind: &str) -> Option<Self> {
        match kind {
            "access_ending" | "access_locked" | "purge_warning" => Some(Self::Reminders),
            k if k.starts_with("lifecycle_") => Some(Self::Reminders),
            "invoice_issued" | "payment_received" => Some(Self::Billing),
            k if k.starts_with("request_") || k == "reseller_removed" || k == "partner_purged" => {
                Some(Self::Network)
            }
            _ => None,
        }
    }
}

/// The ways one topic reaches the partner.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, utoipa::ToSchema,
)]
#[ts(export)]
pub struct Channels {
    pub email: bool,
    pub sms: bool,
    /// The app's own notifications on the partner's computer (its list in the app keeps
    /// every notice either way).
    pub in_app: bool,
}

/// A partner's choice for every topic.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS, utoipa::ToSchema,
)]
#[ts(export)]
pub struct NotificationPreferences {
    pub reminders: Channels,
    pub billing: Channels,
    pub network: Channels,
}

impl NotificationPreferences {
    /// What a partner gets until it chooses: everything by e-mail and in the app, and the
    /// reminders also by SMS for a partner that took its credentials by SMS.
    pub fn defaults(by_sms: bool) -> Self {
        let all = Channels {
            email: true,
            sms: false,
            in_app: true,
        };
        Self {
            reminders: Channels { sms: by_sms, ..all },
            billing: all,
            network: all,
        }
    }

    /// The channels of `topic`.
    pub fn of(&self, topic: Topic) -> Channels {
        match topic {
            Topic::Reminders => self.reminders,
            Topic::Billing => self.billing,
            Topic::Network => self.network,
        }
    }

    /// The channels a notice of `kind` goes by: its topic's, or every channel for what
    /// is no topic.
    pub fn for_kind(&self, kind: &str) -> Channels {
        Topic::of(kind).map_or(
            Channels {
                email: true,
                sms: false,
                in_app: true,
            },
            |t| self.of(t),
        )
    }

    /// A choice the partner may make: the reminders (a lock, the deletion of its data)
    /// must reach it one way at least.
    pub fn validated(self) -> Result<Self, DomainError> {
        let r = self.reminders;
        if !(r.email || r.sms || r.in_app) {
            return Err(DomainError::invalid(
                Code::InvalidField,
                "reminders",
                "reminders about the trial, the period, a lock and the deletion of data must reach you one way at least",
            ));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_of_the_servers_notices() {
        assert_eq!(Topic::of("access_locked"), Some(Topic::Reminders));
        assert_eq!(Topic::of("purge_warning"), Some(Topic::Reminders));
        assert_eq!(Topic::of("lifecycle_locked"), Some(Topic::Reminders));
        assert_eq!(Topic::of("invoice_issued"), Some(Topic::Billing));
        assert_eq!(Topic::of("request_received"), Some(Topic::Network));
        assert_eq!(Topic::of("reseller_removed"), Some(Topic::Network));
        assert_eq!(Topic::of("new_sign_in"), None, "account safety is no topic");
    }

    #[test]
    fn defaults_follow_how_credentials_came() {
        let sms = NotificationPreferences::defaults(true);
        assert!(sms.reminders.sms && sms.reminders.email && !sms.billing.sms);
        let email = NotificationPreferences::defaults(false);
        assert!(!email.reminders.sms && email.network.in_app);
        assert!(email.for_kind("new_sign_in").email);
    }

    #[test]
    fn reminders_must_reach_the_partner() {
        let mut p = NotificationPreferences::defaults(false);
        p.billing = Channels {
            email: false,
            sms: false,
            in_app: false,
        };
        assert!(p.validated().is_ok(), "billing news may be off");
        p.reminders = p.billing;
        let e = p.validated().expect_err("reminders off");
        assert_eq!(e.field(), "reminders");
        p.reminders.in_app = true;
        assert!(p.validated().is_ok());
    }
}
