//! The desktop stories' shared fixtures: a world of real processes for each scenario, the
//! app's pages driven over WebDriver, accounts made over the HTTP API, and the tray and
//! the window as a panel and a window manager see them.
//!
//! Modules depend downwards only: `artifacts`, `desktop` and `driver` on nothing here, `ui`
//! on `artifacts`, `world` on those four, `api` and `tray` on `world` and `ui`, `partner`
//! on `api`, `ui` and `world`. The server and its HTTP API are `crate::server`'s.

pub mod api;
pub mod artifacts;
pub mod desktop;
pub mod driver;
pub mod partner;
pub mod tray;
pub mod ui;
pub mod world;
