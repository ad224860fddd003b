//! What every request handler, extractor and background task shares: the database, the
//! settings, the clock and the process's live signals and counters.

use crate::limits::ChangeRations;
use crate::live::Live;
use crate::metrics::Metrics;
use crate::settings::Settings;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tokio::sync::Notify;
use wpplay_domain::clock::Clock;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    /// Wakes the delivery worker when a message was queued.
    pub outbox_wake: Arc<Notify>,
    /// "Your feed moved" signals for the connected event streams.
    pub live: Live,
    /// Request counters and gauges for `GET /metrics`.
    pub metrics: Metrics,
    /// How many mutations each account may still push.
    pub rations: ChangeRations,
}
