//! The Request for Partner state machine: pending → accepted | rejected | withdrawn |
//! cancelled. Only a pending request moves; every other state is final.

use crate::DomainError;
use crate::code::Code;
use serde::{Deserialize, Serialize};

/// Requests for Partner one reseller may send in 24 hours, to anyone (each one e-mails
/// a partner; withdrawing and asking again counts as a new request).
pub const MAX_REQUESTS_PER_DAY: u64 = 10;

/// Requests for Partner one reseller may send the same partner in 24 hours.
pub const MAX_REQUESTS_TO_ONE_PARTNER_PER_DAY: u64 = 3;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    Pending,
    /// The partner accepted: the pair is linked.
    Accepted,
    /// The partner refused, maybe with a reason.
    Rejected,
    /// The reseller took it back.
    Withdrawn,
    /// The partner stopped serving resellers, or was locked, while it was pending.
    Cancelled,
}

impl RequestState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::Accepted,
            Self::Rejected,
            Self::Withdrawn,
            Self::Cancelled,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// What someone does to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestAction {
    Accept,
    Reject,
    Withdraw,
    Cancel,
}

/// The state after `action`, or why it cannot happen.
pub fn transition(from: RequestState, action: RequestAction) -> Result<RequestState, DomainError> {
    if from != RequestState::Pending {
        return Err(DomainError::invalid(
            Code::RequestNotPending,
            "request",
            format!(
                "This request is already {} and cannot change any more.",
                from.as_str()
            ),
        ));
    }
    Ok(match action {
        RequestAction::Accept => RequestState::Accepted,
        RequestAction::Reject => RequestState::Rejected,
        RequestAction::Withdraw => RequestState::Withdrawn,
        RequestAction::Cancel => RequestState::Cancelled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn only_pending_requests_move() {
        use RequestAction::*;
        use RequestState::*;
        let cases = [
            (Accept, Accepted),
            (Reject, Rejected),
            (Withdraw, Withdrawn),
            (Cancel, Cancelled),
        ];
        for (action, to) in cases {
            assert_eq!(transition(Pending, action), Ok(to));
            for done in [Accepted, Rejected, Withdrawn, Cancelled] {
                assert_eq!(
                    transition(done, action).map_err(|e| e.code().as_str()),
                    Err("request_not_pending"),
                    "{done:?} is final"
                );
            }
        }
        for s in [Pending, Accepted, Rejected, Withdrawn, Cancelled] {
            assert_eq!(RequestState::parse(s.as_str()), Some(s));
        }
    }
}
