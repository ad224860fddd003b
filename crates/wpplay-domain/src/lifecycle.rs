//! The partner lifecycle, as far as the walking skeleton needs it: the 14-day trial.
//!
//! The state is a function of stored facts and `now`, never of timers, so a scheduler
//! that did not run for a week still computes the right answer.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Length of the free trial that starts at registration.
pub const TRIAL_DAYS: i64 = 14;

/// How long a locked partner's data is kept before it is deleted.
pub const PURGE_AFTER_DAYS: i64 = 30;

/// Where a partner stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerState {
    /// Within the free trial: every function of the chosen package.
    Trial,
    /// Paid through a date.
    Active,
    /// The trial or the paid period ended unpaid: admin access denied, data kept.
    Locked,
}

impl PartnerState {
    /// The state's name on the wire and in the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trial => "trial",
            Self::Active => "active",
            Self::Locked => "locked",
        }
    }
}

/// The stored facts the state is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LifecycleFacts {
    pub trial_ends_at: DateTime<Utc>,
    pub paid_through: Option<DateTime<Utc>>,
}

impl LifecycleFacts {
    /// The facts of a partner registered at `registered_at`.
    pub fn new_trial(registered_at: DateTime<Utc>) -> Self {
        Self {
            trial_ends_at: registered_at + Duration::days(TRIAL_DAYS),
            paid_through: None,
        }
    }

    /// The state at `now`.
    pub fn state_at(&self, now: DateTime<Utc>) -> PartnerState {
        match self.paid_through {
            Some(paid) if now < paid => PartnerState::Active,
            _ if now < self.trial_ends_at => PartnerState::Trial,
            _ => PartnerState::Locked,
        }
    }

    /// When access ends unless the partner pays: the later of trial end and paid-through.
    pub fn access_ends_at(&self) -> DateTime<Utc> {
        self.paid_through
            .map_or(self.trial_ends_at, |paid| paid.max(self.trial_ends_at))
    }

    /// When a partner that does not pay loses its data: 30 days after access ended.
    pub fn purge_at(&self) -> DateTime<Utc> {
        self.access_ends_at() + Duration::days(PURGE_AFTER_DAYS)
    }

    /// Whether access ends (or ended) with the trial rather than with a paid period.
    pub fn ends_with_trial(&self) -> bool {
        self.paid_through
            .is_none_or(|paid| paid <= self.trial_ends_at)
    }

    /// Whether the purge is due at `now` (whether or not it ran yet).
    pub fn purge_due(&self, now: DateTime<Utc>) -> bool {
        now >= self.purge_at()
    }
}

/// Whole days left until `ends_at`, rounded up, never negative: "14 days left" right after
/// registration, "1 day left" during the last day, 0 once it has ended.
pub fn days_left(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let remaining = ends_at - now;
    if remaining <= Duration::zero() {
        return 0;
    }
    let day = Duration::days(1);
    let whole = remaining.num_days();
    if remaining > day * i32::try_from(whole).unwrap_or(i32::MAX) {
        whole + 1
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 2, d, h, 0, 0)
            .single()
            .expect("valid test date")
    }

    #[test]
    fn a_new_partner_has_fourteen_days() {
        let facts = LifecycleFacts::new_trial(at(1, 10));
        assert_eq!(facts.state_at(at(1, 10)), PartnerState::Trial);
        assert_eq!(
            days_left(facts.trial_ends_at, at(1, 10)),
            14,
            "the whole trial is left"
        );
        assert_eq!(
            days_left(facts.trial_ends_at, at(1, 11)),
            14,
            "a started day counts as left"
        );
        assert_eq!(
            days_left(facts.trial_ends_at, at(14, 11)),
            1,
            "the last day still shows 1"
        );
        assert_eq!(days_left(facts.trial_ends_at, at(15, 10)), 0);
        assert_eq!(
            facts.state_at(at(15, 10)),
            PartnerState::Locked,
            "the trial ends exactly 14 days later"
        );
        assert_eq!(
            days_left(facts.trial_ends_at, at(20, 0)),
            0,
            "never negative"
        );
    }

    #[test]
    fn payment_makes_the_partner_active_until_paid_through() {
        let facts = LifecycleFacts {
            paid_through: Some(at(28, 0)),
            ..LifecycleFacts::new_trial(at(1, 10))
        };
        assert_eq!(facts.state_at(at(2, 0)), PartnerState::Active);
        assert_eq!(facts.state_at(at(27, 23)), PartnerState::Active);
        assert_eq!(facts.state_at(at(28, 0)), PartnerState::Locked);
        assert_eq!(facts.access_ends_at(), at(28, 0));
    }
}
