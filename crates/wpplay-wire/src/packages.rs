//! The package catalog.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// A partner package as clients see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Package {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// Monthly price in the currency's minor unit (cents).
    pub monthly_price_minor: i64,
    /// ISO 4217 currency code.
    pub currency: String,
    pub max_subscribers: i32,
    pub max_streams: i32,
    pub features: Vec<String>,
    /// Disabled packages are kept for the partners on them but not offered to new ones.
    pub active: bool,
}
