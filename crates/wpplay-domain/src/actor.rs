//! Who acts: an account's role, and for whom it acts when it changes something.

use crate::ids::AccountId;

/// What an account is. Stored by [`Role::as_str`]; the wire has its own copy of the
/// enum (with its schema), converted at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Runs the server: sees everything, owns no network.
    Operator,
    /// Sells WP Play lines through its own dealers and resellers.
    Partner,
    /// Browses the partner directory and works with the partners that accept it.
    Reseller,
    /// A partner's sub-account: manages only its own lines.
    Dealer,
}

impl Role {
    /// Every role, for tables that must cover them all.
    pub const ALL: [Self; 4] = [Self::Operator, Self::Partner, Self::Reseller, Self::Dealer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operator => "operator",
            Self::Partner => "partner",
            Self::Reseller => "reseller",
            Self::Dealer => "dealer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// The account behind a change, as authorization sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account: AccountId,
    pub role: Role,
    /// The partner whose network this account works in: the partner itself, or a
    /// dealer's partner. `None` for operators, resellers and a dealer whose row is gone.
    pub partner: Option<AccountId>,
    /// For a dealer: its dealer id (a UUID the partner's app chose).
    pub dealer_id: Option<String>,
}

impl Actor {
    /// An operator, partner or reseller (or a dealer whose row is gone): a partner works
    /// in its own network, the others in none.
    pub fn new(account: AccountId, role: Role) -> Self {
        Self {
            account,
            role,
            partner: (role == Role::Partner).then_some(account),
            dealer_id: None,
        }
    }

    /// A dealer of `partner`.
    pub fn dealer(account: AccountId, partner: AccountId, dealer_id: String) -> Self {
        Self {
            account,
            role: Role::Dealer,
            partner: Some(partner),
            dealer_id: Some(dealer_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_what_they_store() {
        for role in Role::ALL {
            assert_eq!(
                Role::parse(role.as_str()),
                Some(role),
                "the stored name of {role:?} must parse back to it"
            );
        }
        assert_eq!(Role::parse("admin"), None, "an unknown name is no role");
    }
}
