//! Who may push which change: one function per family of mutations, answering the
//! network the change happens in, or why it is refused.
//!
//! Ownership of a single row (a dealer's own lines, a partner's own dealers) is checked
//! where the row is read; these rules need only the actor, so they hold before anything
//! is read and are tested here for every role.

use crate::actor::{Actor, Role};
use crate::code::Code;
use crate::error::ErrorCode;
use crate::ids::AccountId;
use thiserror::Error;

/// Why an actor may not make a change. The message is shown to the user as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Forbidden {
    #[error("Only partners have a profile to edit.")]
    NotAPartner,
    #[error("Only partners have reseller settings.")]
    ResellerSettings,
    #[error("Only resellers send Requests for Partner.")]
    SendRequest,
    #[error("Only the reseller who sent a request withdraws it.")]
    WithdrawRequest,
    #[error("This account has no dealer network to change.")]
    NoNetwork,
    #[error("Only the partner manages its dealers.")]
    Dealers,
    #[error("Only the partner answers requests and manages its resellers and content.")]
    PartnerSide,
    #[error("A dealer adds lines only to itself.")]
    OthersLine,
}

impl ErrorCode for Forbidden {
    fn code(&self) -> Code {
        match self {
            Self::NotAPartner => Code::NotAPartner,
            _ => Code::Forbidden,
        }
    }
}

/// A reseller's own side of a Request for Partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStep {
    Send,
    Withdraw,
}

/// The partner's profile: only a partner edits its own.
pub fn profile(actor: &Actor) -> Result<(), Forbidden> {
    only(actor, Role::Partner, Forbidden::NotAPartner)
}

/// Reseller settings (serving resellers, visible contacts): only a partner has them.
pub fn reseller_settings(actor: &Actor) -> Result<(), Forbidden> {
    only(actor, Role::Partner, Forbidden::ResellerSettings)
}

/// Sending or withdrawing a Request for Partner: only a reseller.
pub fn requests(actor: &Actor, step: RequestStep) -> Result<(), Forbidden> {
    let refusal = match step {
        RequestStep::Send => Forbidden::SendRequest,
        RequestStep::Withdraw => Forbidden::WithdrawRequest,
    };
    only(actor, Role::Reseller, refusal)
}

/// Creating, editing, switching and deleting dealers: only the partner, in its network.
pub fn dealers(actor: &Actor) -> Result<AccountId, Forbidden> {
    let partner = network(actor)?;
    only(actor, Role::Partner, Forbidden::Dealers)?;
    Ok(partner)
}

/// Lines: the partner and its dealers, in their network (which lines a dealer reaches
/// is decided by the rows, see [`new_line_dealer`]).
pub fn subscribers(actor: &Actor) -> Result<AccountId, Forbidden> {
    network(actor)
}

/// Answering Requests for Partner and removing resellers: only the partner.
pub fn links(actor: &Actor) -> Result<AccountId, Forbidden> {
    let partner = network(actor)?;
    only(actor, Role::Partner, Forbidden::PartnerSide)?;
    Ok(partner)
}

/// The partner's IP streams catalog: only the partner.
pub fn content(actor: &Actor) -> Result<AccountId, Forbidden> {
    let partner = network(actor)?;
    only(actor, Role::Partner, Forbidden::PartnerSide)?;
    Ok(partner)
}

/// The dealer a new line belongs to: a dealer's lines are always its own (asked for by
/// id or left out); a partner may give a line to one of its dealers, or keep it.
pub fn new_line_dealer(actor: &Actor, asked: Option<&str>) -> Result<Option<String>, Forbidden> {
    match (&actor.dealer_id, asked) {
        (Some(own), None) => Ok(Some(own.clone())),
        (Some(own), Some(asked)) if asked == own => Ok(Some(own.clone())),
        (Some(_), Some(_)) => Err(Forbidden::OthersLine),
        (None, asked) => Ok(asked.map(str::to_owned)),
    }
}

/// The dealer network the actor works in, if any.
fn network(actor: &Actor) -> Result<AccountId, Forbidden> {
    actor.partner.ok_or(Forbidden::NoNetwork)
}

fn only(actor: &Actor, role: Role, refusal: Forbidden) -> Result<(), Forbidden> {
    if actor.role == role {
        Ok(())
    } else {
        Err(refusal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Forbidden::*;

    const PARTNER: AccountId = AccountId(1);
    const OWN_DEALER: &str = "d0000000-0000-4000-8000-000000000001";

    /// The actors of the table: each role, and a dealer whose row is gone.
    #[derive(Debug, Clone, Copy)]
    enum Who {
        Operator,
        Partner,
        Reseller,
        Dealer,
        DealerWithoutRow,
    }

    fn actor(who: Who) -> Actor {
        match who {
            Who::Operator => Actor::new(AccountId(9), Role::Operator),
            Who::Partner => Actor::new(PARTNER, Role::Partner),
            Who::Reseller => Actor::new(AccountId(3), Role::Reseller),
            Who::Dealer => Actor::dealer(AccountId(2), PARTNER, OWN_DEALER.to_owned()),
            Who::DealerWithoutRow => Actor::new(AccountId(4), Role::Dealer),
        }
    }

    /// A family of mutations, as the table names it.
    #[derive(Debug, Clone, Copy)]
    enum Family {
        Profile,
        ResellerSettings,
        SendRequest,
        WithdrawRequest,
        Dealers,
        Subscribers,
        Links,
        Content,
    }

    /// Runs one family's rule: `Ok` carries the network the change happens in, if the
    /// family has one.
    fn rule(family: Family, a: &Actor) -> Result<Option<AccountId>, Forbidden> {
        match family {
            Family::Profile => profile(a).map(|()| None),
            Family::ResellerSettings => reseller_settings(a).map(|()| None),
            Family::SendRequest => requests(a, RequestStep::Send).map(|()| None),
            Family::WithdrawRequest => requests(a, RequestStep::Withdraw).map(|()| None),
            Family::Dealers => dealers(a).map(Some),
            Family::Subscribers => subscribers(a).map(Some),
            Family::Links => links(a).map(Some),
            Family::Content => content(a).map(Some),
        }
    }

    fn check(who: Who, family: Family, expected: Result<Option<AccountId>, Forbidden>) {
        assert_eq!(
            rule(family, &actor(who)),
            expected,
            "{who:?} pushing a {family:?} change"
        );
    }

    #[test]
    fn every_role_against_every_family() {
        let ok = Ok(None);
        let in_network = Ok(Some(PARTNER));
        let table = [
            (Who::Operator, Family::Profile, Err(NotAPartner)),
            (Who::Partner, Family::Profile, ok),
            (Who::Reseller, Family::Profile, Err(NotAPartner)),
            (Who::Dealer, Family::Profile, Err(NotAPartner)),
            (Who::DealerWithoutRow, Family::Profile, Err(NotAPartner)),
            (
                Who::Operator,
                Family::ResellerSettings,
                Err(ResellerSettings),
            ),
            (Who::Partner, Family::ResellerSettings, ok),
            (
                Who::Reseller,
                Family::ResellerSettings,
                Err(ResellerSettings),
            ),
            (Who::Dealer, Family::ResellerSettings, Err(ResellerSettings)),
            (
                Who::DealerWithoutRow,
                Family::ResellerSettings,
                Err(ResellerSettings),
            ),
            (Who::Operator, Family::SendRequest, Err(SendRequest)),
            (Who::Partner, Family::SendRequest, Err(SendRequest)),
            (Who::Reseller, Family::SendRequest, ok),
            (Who::Dealer, Family::SendRequest, Err(SendRequest)),
            (Who::DealerWithoutRow, Family::SendRequest, Err(SendRequest)),
            (Who::Operator, Family::WithdrawRequest, Err(WithdrawRequest)),
            (Who::Partner, Family::WithdrawRequest, Err(WithdrawRequest)),
            (Who::Reseller, Family::WithdrawRequest, ok),
            (Who::Dealer, Family::WithdrawRequest, Err(WithdrawRequest)),
            (
                Who::DealerWithoutRow,
                Family::WithdrawRequest,
                Err(WithdrawRequest),
            ),
            // Having no network is said first: it is true whatever the change.
            (Who::Operator, Family::Dealers, Err(NoNetwork)),
            (Who::Partner, Family::Dealers, in_network),
            (Who::Reseller, Family::Dealers, Err(NoNetwork)),
            (Who::Dealer, Family::Dealers, Err(Dealers)),
            (Who::DealerWithoutRow, Family::Dealers, Err(NoNetwork)),
            (Who::Operator, Family::Subscribers, Err(NoNetwork)),
            (Who::Partner, Family::Subscribers, in_network),
            (Who::Reseller, Family::Subscribers, Err(NoNetwork)),
            (Who::Dealer, Family::Subscribers, in_network),
            (Who::DealerWithoutRow, Family::Subscribers, Err(NoNetwork)),
            (Who::Operator, Family::Links, Err(NoNetwork)),
            (Who::Partner, Family::Links, in_network),
            (Who::Reseller, Family::Links, Err(NoNetwork)),
            (Who::Dealer, Family::Links, Err(PartnerSide)),
            (Who::DealerWithoutRow, Family::Links, Err(NoNetwork)),
            (Who::Operator, Family::Content, Err(NoNetwork)),
            (Who::Partner, Family::Content, in_network),
            (Who::Reseller, Family::Content, Err(NoNetwork)),
            (Who::Dealer, Family::Content, Err(PartnerSide)),
            (Who::DealerWithoutRow, Family::Content, Err(NoNetwork)),
        ];
        assert_eq!(table.len(), 5 * 8, "every actor against every family, once");
        for (who, family, expected) in table {
            check(who, family, expected);
        }
    }

    #[test]
    fn a_new_line_belongs_to_the_dealer_who_adds_it() {
        let other = "d0000000-0000-4000-8000-000000000002";
        let table = [
            (Who::Dealer, None, Ok(Some(OWN_DEALER))),
            (Who::Dealer, Some(OWN_DEALER), Ok(Some(OWN_DEALER))),
            (Who::Dealer, Some(other), Err(OthersLine)),
            (Who::Partner, None, Ok(None)),
            (Who::Partner, Some(other), Ok(Some(other))),
        ];
        for (who, asked, expected) in table {
            assert_eq!(
                new_line_dealer(&actor(who), asked),
                expected.map(|d| d.map(str::to_owned)),
                "{who:?} adding a line for {asked:?}"
            );
        }
    }

    #[test]
    fn refusals_keep_their_codes_and_messages() {
        // Clients match the codes; the messages are what the app shows.
        let table = [
            (
                NotAPartner,
                "not_a_partner",
                "Only partners have a profile to edit.",
            ),
            (
                ResellerSettings,
                "forbidden",
                "Only partners have reseller settings.",
            ),
            (
                SendRequest,
                "forbidden",
                "Only resellers send Requests for Partner.",
            ),
            (
                WithdrawRequest,
                "forbidden",
                "Only the reseller who sent a request withdraws it.",
            ),
            (
                NoNetwork,
                "forbidden",
                "This account has no dealer network to change.",
            ),
            (
                Dealers,
                "forbidden",
                "Only the partner manages its dealers.",
            ),
            (
                PartnerSide,
                "forbidden",
                "Only the partner answers requests and manages its resellers and content.",
            ),
            (
                OthersLine,
                "forbidden",
                "A dealer adds lines only to itself.",
            ),
        ];
        for (refusal, code, message) in table {
            assert_eq!(refusal.code(), code, "the code of {refusal:?}");
            assert_eq!(refusal.to_string(), message, "the message of {refusal:?}");
        }
    }
}
