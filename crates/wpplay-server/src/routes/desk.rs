//! The operator's desk beyond payments: the package catalog, the lifecycle's next days
//! (and a pass run now), and the delivery outbox with a retry. Operator only.

use super::operator::operator_only;
use crate::audit_log::By;
use crate::auth::Authed;
use crate::billing::lifecycle::{self, Coming};
use crate::catalog::{self, Refused};
use crate::db::entity::message;
use crate::delivery::{self, NotRetried, Which};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::wire_form;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use wpplay_domain::Code;
use wpplay_domain::package::PackageSpec;
use wpplay_wire::operator::{
    CatalogPackage, Delivery, LifecycleRun, NewPackage, OperatorInvoice, PackageChanges, Upcoming,
    UpcomingDay, UpcomingEvent,
};

fn refused(r: Refused) -> ApiError {
    match r {
        Refused::Invalid(e) => e.into(),
        Refused::CodeTaken => {
            let mut e = ApiError::conflict(
                Code::PackageCodeTaken,
                "Another package has that code already.",
            );
            e.field = Some("code");
            e
        }
        Refused::NotFound => ApiError::not_found(),
    }
}

fn catalog_package(p: &crate::db::entity::package::Model, partners: u32) -> CatalogPackage {
    CatalogPackage {
        package: wire_form::package(p),
        partners,
    }
}

/// Every package, offered or not, cheapest first, with how many partners are on each.
#[utoipa::path(get, path = "/api/v1/operator/packages", security(("bearer" = [])),
    responses((status = 200, body = Vec<CatalogPackage>)))]
pub async fn packages(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<Vec<CatalogPackage>>> {
    operator_only(&auth)?;
    let all = catalog::with_partners(&state.db).await?;
    Ok(Json(
        all.iter().map(|(p, n)| catalog_package(p, *n)).collect(),
    ))
}

/// Adds a package, offered to new partners at once; in the audit log.
#[utoipa::path(post, path = "/api/v1/operator/packages", request_body = NewPackage,
    security(("bearer" = [])), responses((status = 201, body = CatalogPackage)))]
pub async fn add_package(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiJson(req): ApiJson<NewPackage>,
) -> ApiResult<(StatusCode, Json<CatalogPackage>)> {
    operator_only(&auth)?;
    let spec = PackageSpec {
        code: req.code,
        name: req.name,
        monthly_price_minor: req.monthly_price_minor,
        currency: req.currency,
        max_subscribers: req.max_subscribers,
        max_streams: req.max_streams,
        features: req.features,
    };
    let by = By::Account(auth.account.id);
    match catalog::add(&state.db, spec, by, state.clock.now()).await? {
        Ok(p) => Ok((StatusCode::CREATED, Json(catalog_package(&p, 0)))),
        Err(r) => Err(refused(r)),
    }
}

/// Changes a package's name, price (from each partner's next invoice), limits (binding
/// new additions from now on), features, or whether it is offered; in the audit log and
/// in the feeds of the partners on it.
#[utoipa::path(patch, path = "/api/v1/operator/packages/{id}",
    params(("id" = i64, Path, description = "The package's id")), request_body = PackageChanges,
    security(("bearer" = [])), responses((status = 200, body = CatalogPackage)))]
pub async fn change_package(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<PackageChanges>,
) -> ApiResult<Json<CatalogPackage>> {
    operator_only(&auth)?;
    let by = By::Account(auth.account.id);
    let p = catalog::change(&state.db, id, &req, by, state.clock.now())
        .await?
        .map_err(refused)?;
    let partners = catalog::with_partners(&state.db)
        .await?
        .into_iter()
        .find(|(q, _)| q.id == p.id)
        .map_or(0, |(_, n)| n);
    Ok(Json(catalog_package(&p, partners)))
}

/// How many days ahead the lifecycle is shown.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UpcomingParams {
    /// 1-31 days from today (default 7).
    #[param(minimum = 1, maximum = 31)]
    pub days: Option<i64>,
}

/// The most events listed for one day (or as due now); the totals count them all.
const EVENTS_SHOWN: usize = 200;

fn event(c: &Coming) -> UpcomingEvent {
    UpcomingEvent {
        partner_id: c.partner_id,
        company: c.company.clone(),
        kind: c.kind.as_str().to_owned(),
        due_at: c.due_at,
        sent: c.sent,
    }
}

fn shown(events: &[Coming]) -> (Vec<UpcomingEvent>, u32) {
    (
        events.iter().take(EVENTS_SHOWN).map(event).collect(),
        u32::try_from(events.len()).unwrap_or(u32::MAX),
    )
}

/// What the lifecycle holds: the events due already (the next pass handles them) and,
/// day by day in the server's time zone, those of the next days: reminders, invoices,
/// locks and purges, by partner.
#[utoipa::path(get, path = "/api/v1/operator/lifecycle/upcoming", params(UpcomingParams),
    security(("bearer" = [])), responses((status = 200, body = Upcoming)))]
pub async fn upcoming(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<UpcomingParams>,
) -> ApiResult<Json<Upcoming>> {
    operator_only(&auth)?;
    let days = p.days.unwrap_or(7);
    if !(1..=31).contains(&days) {
        return Err(ApiError::bad_request(
            Code::InvalidQuery,
            "'days' must be between 1 and 31.",
        ));
    }
    let tz = state.settings.time_zone;
    let now = state.clock.now();
    let today = now.with_timezone(&tz).date_naive();
    // The last day shown ends at its local midnight.
    let end_day = today + chrono::Duration::days(days);
    let until = wpplay_domain::billing::from_local(tz, end_day.and_time(chrono::NaiveTime::MIN));
    let (due, later) =
        lifecycle::upcoming(&state.db, tz, now, (until - now).num_days() + 1).await?;
    let (due_now, due_now_total) = shown(&due);
    let days = (0..days)
        .map(|n| {
            let day = today + chrono::Duration::days(n);
            let on_day: Vec<Coming> = later
                .iter()
                .filter(|c| c.due_at.with_timezone(&tz).date_naive() == day)
                .cloned()
                .collect();
            let (events, total) = shown(&on_day);
            UpcomingDay {
                day: day.to_string(),
                events,
                total,
            }
        })
        .collect();
    Ok(Json(Upcoming {
        now,
        due_now,
        due_now_total,
        days,
    }))
}

/// Runs a lifecycle pass now (as the server does every minute): each due event recorded
/// once, whoever else runs a pass; in the audit log.
#[utoipa::path(post, path = "/api/v1/operator/lifecycle/run", security(("bearer" = [])),
    responses((status = 200, body = LifecycleRun)))]
pub async fn run_lifecycle(
    State(state): State<AppState>,
    Authed(auth): Authed,
) -> ApiResult<Json<LifecycleRun>> {
    operator_only(&auth)?;
    let now = state.clock.now();
    let report = lifecycle::run_pass(&state.db, state.settings.time_zone, now, false).await?;
    let events: Vec<UpcomingEvent> = report
        .done
        .iter()
        .map(|d| UpcomingEvent {
            partner_id: d.partner_id,
            company: d.company.clone(),
            kind: d.kind.as_str().to_owned(),
            due_at: d.key,
            sent: d.sent,
        })
        .collect();
    let entry = crate::audit_log::Entry {
        by: By::Account(auth.account.id),
        partner_id: None,
        action: "lifecycle_run",
        entity: "lifecycle",
        entity_id: now.to_rfc3339(),
        after: Some(serde_json::json!({ "partners": report.partners, "events": events.len() })),
    };
    crate::audit_log::write(&state.db, entry, now).await?;
    state.outbox_wake.notify_one();
    Ok(Json(LifecycleRun {
        partners: u32::try_from(report.partners).unwrap_or(u32::MAX),
        events,
    }))
}

/// Which messages, newest first.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryParams {
    /// `trouble` (given up on, or waiting after a failed attempt; the default),
    /// `pending`, `sent` or `all`.
    #[param(max_length = 10)]
    pub state: Option<String>,
    /// Messages with a smaller id (the next page).
    pub before: Option<i64>,
    /// At most this many (1-500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
}

fn delivery(m: message::Model) -> Delivery {
    Delivery {
        id: m.id,
        account_id: m.account_id,
        next_attempt_at: (m.state == "pending").then_some(m.next_attempt_at),
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        state: m.state,
        attempts: m.attempts,
        last_error: m.last_error,
        created_at: m.created_at,
        sent_at: m.sent_at,
    }
}

/// The outbox's e-mails and SMS with their delivery state and last error (never their
/// text).
#[utoipa::path(get, path = "/api/v1/operator/deliveries", params(DeliveryParams),
    security(("bearer" = [])), responses((status = 200, body = Vec<Delivery>)))]
pub async fn deliveries(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<DeliveryParams>,
) -> ApiResult<Json<Vec<Delivery>>> {
    operator_only(&auth)?;
    let limit = super::page_size(p.limit, 100, 500)?;
    let which = match p.state.as_deref() {
        None | Some("trouble") => Which::Trouble,
        Some("pending") => Which::Pending,
        Some("sent") => Which::Sent,
        Some("all") => Which::All,
        Some(_) => {
            return Err(ApiError::bad_request(
                Code::InvalidQuery,
                "'state' is 'trouble', 'pending', 'sent' or 'all'.",
            ));
        }
    };
    let rows = delivery::for_operator(&state.db, which, p.before, limit).await?;
    Ok(Json(rows.into_iter().map(delivery).collect()))
}

/// Tries a waiting message again now instead of at its next attempt; in the audit log.
#[utoipa::path(post, path = "/api/v1/operator/deliveries/{id}/retry",
    params(("id" = i64, Path, description = "The message's id")),
    security(("bearer" = [])), responses((status = 200, body = Delivery)))]
pub async fn retry_delivery(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Delivery>> {
    operator_only(&auth)?;
    let by = By::Account(auth.account.id);
    match delivery::retry_now(&state.db, id, by, state.clock.now()).await? {
        Ok(m) => {
            state.outbox_wake.notify_one();
            Ok(Json(delivery(m)))
        }
        Err(NotRetried::NotFound) => Err(ApiError::not_found()),
        Err(NotRetried::Done) => Err(ApiError::conflict(
            Code::DeliveryNotRetryable,
            "The message was delivered, or given up on and its text forgotten.",
        )),
    }
}

/// Which invoices, newest first.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceParams {
    /// `open` (not paid in full) or `all` (the default).
    #[param(max_length = 10)]
    pub status: Option<String>,
    /// Invoices with a smaller id (the next page).
    pub before: Option<i64>,
    /// At most this many (1-500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
}

/// Every partner's invoices, newest first, each with its partner, what it has received
/// and what is left to pay.
#[utoipa::path(get, path = "/api/v1/operator/invoices", params(InvoiceParams),
    security(("bearer" = [])), responses((status = 200, body = Vec<OperatorInvoice>)))]
pub async fn invoices(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<InvoiceParams>,
) -> ApiResult<Json<Vec<OperatorInvoice>>> {
    use crate::db::entity::{invoice, partner};
    use sea_orm::sea_query::ExprTrait;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    operator_only(&auth)?;
    let limit = super::page_size(p.limit, 100, 500)?;
    let open_only = match p.status.as_deref() {
        None | Some("all") => false,
        Some("open") => true,
        Some(_) => {
            return Err(ApiError::bad_request(
                Code::InvalidQuery,
                "'status' is 'open' or 'all'.",
            ));
        }
    };
    let mut q = invoice::Entity::find()
        .order_by_desc(invoice::Column::Id)
        .limit(limit);
    if open_only {
        q = q.filter(
            sea_orm::sea_query::Expr::col(invoice::Column::PaidMinor)
                .lt(sea_orm::sea_query::Expr::col(invoice::Column::AmountMinor)),
        );
    }
    if let Some(before) = p.before {
        q = q.filter(invoice::Column::Id.lt(before));
    }
    let rows = q.all(&state.db).await?;
    let mut ids: Vec<i64> = rows.iter().map(|i| i.partner_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let companies: std::collections::HashMap<i64, String> = partner::Entity::find()
        .select_only()
        .column(partner::Column::AccountId)
        .column(partner::Column::Company)
        .filter(partner::Column::AccountId.is_in(ids))
        .into_tuple::<(i64, String)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    Ok(Json(
        rows.iter()
            .map(|i| OperatorInvoice {
                id: i.id,
                partner_id: i.partner_id,
                company: companies.get(&i.partner_id).cloned().unwrap_or_default(),
                invoice: crate::billing::invoice_view(i),
            })
            .collect(),
    ))
}
