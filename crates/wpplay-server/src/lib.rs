//! `wpplay-server`: the central server of WP Play Partner Desk.
//!
//! The single source of truth: accounts and sign-in, the package catalog, registration
//! with credential delivery, and the per-account change feed that desktop clients sync
//! from. Only this crate speaks HTTP as a server; the domain rules live in `wpplay-domain`.

pub mod app;
pub mod auth;
pub mod backup;
pub mod billing;
pub mod catalog;
pub mod check;
pub mod db;
pub mod delivery;
pub mod error;
pub mod extract;
pub mod feed;
pub mod limits;
pub mod live;
pub mod metrics;
pub mod mutations;
pub mod net;
pub mod operator;
pub mod private_fs;
pub mod releases;
pub mod routes;
pub mod settings;

pub use app::{AppState, ROUTES, launch, launch_with_listener, router};
pub use settings::Settings;
