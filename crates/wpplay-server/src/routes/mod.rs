//! HTTP handlers, one module per resource. Each is thin: extract, call, answer.

pub mod audit;
pub mod auth;
pub mod billing;
pub mod content;
pub mod desk;
pub mod desktop;
pub mod directory;
pub mod events;
pub mod health;
pub mod me;
pub mod metrics;
pub mod openapi;
pub mod operator;
pub mod packages;
pub mod payments;
pub mod registrations;
pub mod second_factor;
pub mod sessions;
pub mod sync;
