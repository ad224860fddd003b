//! The operator's desk beyond payments: the package catalog, the lifecycle's next days
//! and the delivery outbox (`/api/v1/operator/...`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// A package as the operator manages it: what partners see, and how many are on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct CatalogPackage {
    #[serde(flatten)]
    pub package: crate::packages::Package,
    /// Partners whose current package it is.
    pub partners: u32,
}

/// `POST /api/v1/operator/packages`: a new package, offered to new partners at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct NewPackage {
    /// 1-40 lowercase letters, digits or dashes; never changes.
    pub code: String,
    pub name: String,
    /// In the currency's minor unit (cents).
    pub monthly_price_minor: i64,
    /// ISO 4217; never changes.
    pub currency: String,
    pub max_subscribers: i32,
    pub max_streams: i32,
    #[serde(default)]
    pub features: Vec<String>,
}

/// `PATCH /api/v1/operator/packages/{id}`: what changes; the rest stays. A new price is
/// charged from the next invoice a partner gets (issued invoices keep theirs); new limits
/// bind from now on (nothing a partner has is removed, only new additions are refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct PackageChanges {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub monthly_price_minor: Option<i64>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub max_subscribers: Option<i32>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub max_streams: Option<i32>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub features: Option<Vec<String>>,
    /// `false`: no longer offered to new partners (those on it keep it); `true`: offered
    /// again.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub active: Option<bool>,
}

/// One lifecycle event of one partner: due now (the pass has not run since) or falling
/// within the days asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct UpcomingEvent {
    pub partner_id: i64,
    pub company: String,
    /// `ends_in_7_days`, `ends_in_3_days`, `ends_in_1_day`, `ends_today`, `invoice`,
    /// `locked`, `purge_in_7_days`, `purge_in_1_day` or `purge`.
    pub kind: String,
    pub due_at: DateTime<Utc>,
    /// `false`: a reminder the pass will record without sending (a later one of its kind
    /// replaces it, or what it announced has passed).
    pub sent: bool,
}

/// `GET /api/v1/operator/lifecycle/upcoming`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Upcoming {
    /// When this was worked out.
    pub now: DateTime<Utc>,
    /// Due already: the next pass (within a minute, or "Run now") handles these (the
    /// first 200).
    pub due_now: Vec<UpcomingEvent>,
    /// How many are due already.
    pub due_now_total: u32,
    /// One entry per day of the server's time zone, from today, each with its events in
    /// the order they fall due (days without any are listed too, empty).
    pub days: Vec<UpcomingDay>,
}

/// The events of one local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct UpcomingDay {
    /// `YYYY-MM-DD` in the server's time zone.
    pub day: String,
    /// The first 200 of the day's events.
    pub events: Vec<UpcomingEvent>,
    /// How many events fall on the day.
    pub total: u32,
}

/// `POST /api/v1/operator/lifecycle/run`: what one pass did now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct LifecycleRun {
    /// Partners near or past the end of their trial or period that were looked at.
    pub partners: u32,
    /// The events this pass recorded (another pass may have taken some first).
    pub events: Vec<UpcomingEvent>,
}

/// An invoice with the partner it was issued to (`GET /api/v1/operator/invoices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct OperatorInvoice {
    pub id: i64,
    pub partner_id: i64,
    /// The partner's company, or empty once the partner is purged.
    pub company: String,
    pub invoice: crate::billing::InvoiceView,
}

/// An e-mail or SMS in the server's outbox (its text is never shown: it may hold
/// credentials).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, TS)]
#[ts(export)]
pub struct Delivery {
    pub id: i64,
    /// The partner or dealer it is for, when it is for an account.
    pub account_id: Option<i64>,
    /// `email` or `sms`.
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    /// `pending` (waiting for its next attempt), `sent`, or `failed` (given up; what it
    /// held is forgotten).
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}
