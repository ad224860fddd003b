//! sea-orm entities of the server's tables (see `migrations/src/server`).

pub mod account;
pub mod audit;
pub mod change_feed;
pub mod content_stream;
pub mod dealer;
pub mod deleted_account_token;
pub mod desktop_release;
pub mod invoice;
pub mod invoice_counter;
pub mod lifecycle_event;
pub mod login_throttle;
pub mod message;
pub mod notification;
pub mod package;
pub mod partner;
pub mod partner_contact;
pub mod partner_request;
pub mod payment;
pub mod reseller;
pub mod reseller_link;
pub mod retired_refresh_token;
pub mod session;
pub mod subscriber;
pub mod sync_client;
pub mod sync_mutation;
