//! The audit log as clients read it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// One accepted change: who, what, the entity before and after, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_name: String,
    /// `partner`, `dealer`, `reseller` or `operator`.
    pub actor_role: String,
    /// The change's mutation type, e.g. `set_dealer_status`.
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    #[ts(type = "unknown")]
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[ts(type = "unknown")]
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
}
