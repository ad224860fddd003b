//! The messages a registration sends: the new credentials, or to the owner of an address
//! registered already, a notice instead.

use crate::db::entity::account;
use crate::delivery::{Channel, NewMessage};
use wpplay_domain::registration::{CredentialChannel, Registration};

/// The generated username and password, by the channel the form chose.
pub fn credentials(
    account_id: i64,
    reg: &Registration,
    username: &str,
    password: &str,
    intro: &str,
) -> NewMessage {
    match reg.credential_channel {
        CredentialChannel::Sms => NewMessage {
            account_id: Some(account_id),
            channel: Channel::Sms,
            recipient: reg.phone.clone(),
            subject: "WP Play credentials".to_owned(),
            body: format!(
                "WP Play: your account is ready. Username: {username} Password: {password} Choose a new password at first sign-in."
            ),
        },
        CredentialChannel::Email => NewMessage {
            account_id: Some(account_id),
            channel: Channel::Email,
            recipient: reg.email.clone(),
            subject: "Your WP Play account".to_owned(),
            body: format!(
                "Hello {contact},\n\n\
                 Welcome to WP Play. {intro}\n\n\
                 Sign in to WP Play Partner Desk with:\n\n\
                 Username: {username}\n\
                 Password: {password}\n\n\
                 You will be asked to choose your own password at the first sign-in.\n\
                 The instructions for using the panel are on its dashboard.\n\n\
                 WP Play\n",
                contact = reg.contact_person,
            ),
        },
    }
}

/// Tells the owner of an address that someone registered with it again: to them, not
/// to whoever sent the form.
pub fn already_registered(reg: &Registration, owner: &account::Model) -> NewMessage {
    NewMessage {
        account_id: Some(owner.id),
        channel: Channel::Email,
        recipient: reg.email.clone(),
        subject: "Your WP Play account already exists".to_owned(),
        body: format!(
            "Hello,\n\n\
             Someone, perhaps you, has just tried to register a new WP Play account with this e-mail address. \
             It already belongs to an account, so no new one was made.\n\n\
             To use your account, sign in to WP Play Partner Desk with the username {username}. \
             If you no longer know the password, ask WP Play support to reset it.\n\n\
             If it was not you, you need not do anything.\n\n\
             WP Play\n",
            username = owner.username,
        ),
    }
}
