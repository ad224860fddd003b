//! sea-orm entities of the server's tables (see `migrations/src/server`).

pub mod account;
pub mod change_feed;
pub mod dealer;
pub mod login_throttle;
pub mod message;
pub mod package;
pub mod partner;
pub mod partner_contact;
pub mod reseller;
pub mod session;
pub mod subscriber;
pub mod sync_client;
pub mod sync_mutation;
