//! The messages a registration sends: the new credentials, or to the owner of an address
//! registered already, a notice instead.

use crate::db::entity::account;
use crate::delivery::{Channel, NewMessage};
use wpplay_domain::registration::{CredentialChannel, Registration};
use wpplay_i18n::{args, text};

/// The generated username and password, by the channel the form chose, in the
/// language it chose.
pub fn credentials(
    account_id: i64,
    reg: &Registration,
    username: &str,
    password: &str,
    intro: &str,
) -> NewMessage {
    let lang = reg.language;
    let args = args! {
        "contact" => reg.contact_person.as_str(),
        "intro" => intro,
        "username" => username,
        "password" => password,
    };
    match reg.credential_channel {
        CredentialChannel::Sms => NewMessage {
            account_id: Some(account_id),
            channel: Channel::Sms,
            recipient: reg.phone.clone(),
            subject: text(lang, "credentials-email.subject", None),
            body: text(lang, "credentials-sms", Some(&args)),
        },
        CredentialChannel::Email => NewMessage {
            account_id: Some(account_id),
            channel: Channel::Email,
            recipient: reg.email.clone(),
            subject: text(lang, "credentials-email.subject", None),
            body: text(lang, "credentials-email.body", Some(&args)) + "\n",
        },
    }
}

/// Tells the owner of an address that someone registered with it again: to them, not
/// to whoever sent the form, in the owner's language.
pub fn already_registered(reg: &Registration, owner: &account::Model) -> NewMessage {
    let lang = owner.lang();
    NewMessage {
        account_id: Some(owner.id),
        channel: Channel::Email,
        recipient: reg.email.clone(),
        subject: text(lang, "already-registered-email.subject", None),
        body: text(
            lang,
            "already-registered-email.body",
            Some(&args! {"username" => owner.username.as_str()}),
        ) + "\n",
    }
}
