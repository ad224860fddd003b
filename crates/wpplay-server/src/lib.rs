//! `wpplay-server`: the central server of WP Play Partner Desk.
//!
//! The single source of truth: accounts and sign-in, the package catalog, registration
//! with credential delivery, and the per-account change feed that desktop clients sync
//! from. Only this crate speaks HTTP as a server; the domain rules live in `wpplay-domain`.

pub mod account;
pub mod app;
pub mod audit_log;
pub mod auth;
pub mod backup;
pub mod billing;
pub mod catalog;
pub mod check;
pub mod db;
pub mod delivery;
pub mod directory;
pub mod error;
pub mod extract;
pub mod feed;
pub mod limits;
pub mod live;
pub mod metrics;
pub mod mutations;
pub mod net;
pub mod operator;
pub mod partner_list;
pub mod private_fs;
pub mod registration;
pub mod releases;
pub mod request_log;
pub mod routes;
pub mod settings;
pub mod state;
pub mod streams;
pub mod sync;
pub mod usage;
pub mod wire_form;

pub use app::{ROUTES, launch, launch_with_listener, router};
pub use settings::Settings;
pub use state::AppState;
