//! The desktop app's core: everything the app does, without Tauri.
//!
//! The Tauri shell calls [`Core`] from thin commands; tests drive it headless. It keeps
//! a local SQLite replica per account (the UI reads only from it, so it works offline),
//! syncs it with the server through the change feed and an outbox of local edits, and
//! keeps the session's refresh token in the operating system's keychain.

pub mod changes;
pub mod client;
pub mod commands;
pub mod error;
mod forms;
pub mod keychain;
pub mod private_fs;
pub mod replica;
pub mod session_file;
pub mod sync;
pub mod view;

mod core;

pub use crate::core::{Core, CoreConfig, TrayInputs, replica_file_name, tray_model};
pub use error::CoreResult;
/// The clock the app runs on, re-exported so the shell needs no domain dependency.
pub use wpplay_clock as clock;
