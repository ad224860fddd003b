//! The operator's desk over HTTP: payments waiting for a person and their resolution, and
//! bank statements uploaded, previewed and imported.
//! Only the operator role (which signs in with two factors) reaches these routes.

use crate::auth::{Authed, SessionAuth};
use crate::billing::review::{self, Resolution};
use crate::billing::statements::{self, Entry, Kind, Outcome, Preview, decode, parse};
use crate::db::entity::{invoice, payment};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use wpplay_domain::Code;
use wpplay_domain::actor::Role;
use wpplay_domain::ids::AccountId;
use wpplay_wire::billing::{
    OperatorPartner, OperatorPartnerDetail, RegisterPayment, RegisteredPayment, ResolveAction,
    ResolvePayment, ReviewPayment, StatementLine, StatementReport, StatementUpload,
};

pub(super) fn operator_only(auth: &SessionAuth) -> ApiResult<()> {
    if auth.role == Role::Operator {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            Code::Forbidden,
            "Only WP Play's operators review payments.",
        ))
    }
}

/// Which payments, newest first.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaymentParams {
    /// `review` (those waiting for a person; the default) or `all`.
    #[param(max_length = 10)]
    pub status: Option<String>,
    /// Payments with a smaller id than this (the next page).
    pub before: Option<i64>,
    /// At most this many (1-500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
}

async fn views(state: &AppState, rows: Vec<payment::Model>) -> ApiResult<Vec<ReviewPayment>> {
    let ids: Vec<i64> = rows.iter().filter_map(|p| p.invoice_id).collect();
    let numbers: std::collections::HashMap<i64, String> = if ids.is_empty() {
        Default::default()
    } else {
        invoice::Entity::find()
            .filter(invoice::Column::Id.is_in(ids))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.number))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|p| ReviewPayment {
            id: p.id,
            invoice_number: p.invoice_id.and_then(|i| numbers.get(&i).cloned()),
            source: p.source,
            external_id: p.external_id,
            partner_id: p.partner_id,
            amount_minor: p.amount_minor,
            currency: p.currency,
            reference: p.reference,
            received_at: p.received_at,
            status: p.status,
            note: p.note,
            payer_name: p.payer_name,
            payer_account: p.payer_account,
            remittance: p.remittance,
        })
        .collect())
}

/// Payments for the operator: those waiting for a person (unmatched, partial, overpaid,
/// a reversal of nothing here) by default, or all; newest first, paged by id.
#[utoipa::path(get, path = "/api/v1/operator/payments", params(PaymentParams),
    security(("bearer" = [])), responses((status = 200, body = Vec<ReviewPayment>)))]
pub async fn payments(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<PaymentParams>,
) -> ApiResult<Json<Vec<ReviewPayment>>> {
    operator_only(&auth)?;
    let limit = super::page_size(p.limit, 100, 500)?;
    let waiting_only = match p.status.as_deref() {
        None | Some("review") => true,
        Some("all") => false,
        Some(_) => {
            return Err(ApiError::bad_request(
                Code::InvalidQuery,
                "'status' is 'review' or 'all'.",
            ));
        }
    };
    let rows = review::list(&state.db, waiting_only, limit, p.before).await?;
    Ok(Json(views(&state, rows).await?))
}

/// Resolves a payment waiting for review: assign it to an invoice (an unmatched one),
/// mark it refunded, or mark it as not WP Play's; with a note, in the audit log.
#[utoipa::path(post, path = "/api/v1/operator/payments/{id}/resolve",
    params(("id" = i64, Path, description = "The payment's id")), request_body = ResolvePayment,
    security(("bearer" = [])), responses((status = 200, body = ReviewPayment)))]
pub async fn resolve(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(id): ApiPath<i64>,
    ApiJson(req): ApiJson<ResolvePayment>,
) -> ApiResult<Json<ReviewPayment>> {
    operator_only(&auth)?;
    let resolution = match (req.action, req.invoice) {
        (ResolveAction::Assign, Some(invoice))
            if !invoice.trim().is_empty() && invoice.len() <= 32 =>
        {
            Resolution::Assign { invoice }
        }
        (ResolveAction::Assign, _) => {
            let mut e = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Code::InvalidField,
                "'assign' needs the invoice's number (up to 32 characters).",
            );
            e.field = Some("invoice");
            return Err(e);
        }
        (ResolveAction::Refunded, _) => Resolution::Refunded,
        (ResolveAction::NotOurs, _) => Resolution::NotOurs,
        (ResolveAction::Split, _) => {
            let parts = req.parts.unwrap_or_default();
            let fits = (2..=review::MAX_SPLIT_PARTS).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| !p.invoice.trim().is_empty() && p.invoice.len() <= 32);
            if !fits {
                let mut e = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Code::InvalidField,
                    format!(
                        "'split' needs 2 to {} parts, each with an invoice number (up to 32 characters) and an amount.",
                        review::MAX_SPLIT_PARTS
                    ),
                );
                e.field = Some("parts");
                return Err(e);
            }
            Resolution::Split {
                parts: parts
                    .into_iter()
                    .map(|p| (p.invoice, p.amount_minor))
                    .collect(),
            }
        }
    };
    let now = state.clock.now();
    let done = review::resolve(
        &state.db,
        state.settings.time_zone,
        id,
        resolution,
        &req.note,
        AccountId(auth.account.id),
        now,
    )
    .await?;
    match done {
        Ok(p) => {
            state.outbox_wake.notify_one();
            Ok(Json(views(&state, vec![p]).await?.remove(0)))
        }
        Err((code, message)) => {
            let status = match code {
                Code::NotFound => StatusCode::NOT_FOUND,
                Code::PaymentNotForReview => StatusCode::CONFLICT,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let mut e = ApiError::new(status, code, message);
            e.field = match code {
                Code::InvalidText => Some("note"),
                Code::InvalidField => Some("parts"),
                _ => None,
            };
            Err(e)
        }
    }
}

/// The largest statement file read (camt.053 of a busy month is well under it).
pub const STATEMENT_MAX_BYTES: usize = 4 * 1024 * 1024;
/// The most lines one statement may have.
pub const STATEMENT_MAX_LINES: usize = 20_000;
/// An upload's body: the file in base64, with room for the JSON around it.
pub const STATEMENT_BODY_BYTES: usize = STATEMENT_MAX_BYTES / 3 * 4 + 64 * 1024;

/// The statement's lines, or why it cannot be read (nothing is written either way).
fn read_statement(upload: &StatementUpload) -> ApiResult<Vec<Entry>> {
    use base64::Engine;
    let field_error = |field: &'static str, message: &str| {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Code::InvalidField,
            message,
        );
        e.field = Some(field);
        e
    };
    if upload.file_name.trim().is_empty() || upload.file_name.chars().count() > 200 {
        return Err(field_error(
            "file_name",
            "The file's name must be 1 to 200 characters.",
        ));
    }
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            Code::PayloadTooLarge,
            "A statement file is at most 4 MiB; split it by date.",
        )
    };
    if upload.content_base64.len() > STATEMENT_MAX_BYTES.div_ceil(3) * 4 + 4 {
        return Err(too_large());
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(upload.content_base64.trim())
        .map_err(|_| field_error("content_base64", "The file's content is not base64."))?;
    if bytes.len() > STATEMENT_MAX_BYTES {
        return Err(too_large());
    }
    let text = decode(&bytes);
    let entries = parse(&text).map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Code::InvalidStatement,
            format!(
                "{}: {}. Nothing was recorded.",
                upload.file_name.trim(),
                e.0.trim_end_matches('.')
            ),
        )
    })?;
    if entries.len() > STATEMENT_MAX_LINES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            Code::PayloadTooLarge,
            format!("A statement has at most {STATEMENT_MAX_LINES} lines; split it by date."),
        ));
    }
    Ok(entries)
}

fn statement_line(
    e: &Entry,
    outcome: &str,
    invoice_number: Option<String>,
    note: Option<String>,
) -> StatementLine {
    StatementLine {
        line_id: e.entry_id.clone(),
        booked_on: e.booked_on.to_string(),
        amount_minor: e.amount_minor,
        currency: e.currency.clone(),
        reference: e.reference.clone(),
        payer_name: (!e.payer.name.is_empty()).then(|| e.payer.name.clone()),
        remittance: (!e.remittance.is_empty()).then(|| e.remittance.clone()),
        kind: match e.kind {
            Kind::Credit => "credit",
            Kind::Reversal => "reversal",
            Kind::Skipped(_) => "skipped",
        }
        .to_owned(),
        outcome: outcome.to_owned(),
        invoice_number,
        note,
    }
}

fn counted(lines: Vec<StatementLine>, imported: bool) -> StatementReport {
    let count = |f: &dyn Fn(&StatementLine) -> bool| {
        u32::try_from(lines.iter().filter(|l| f(l)).count()).unwrap_or(u32::MAX)
    };
    let waiting_outcomes = ["will_wait", "unmatched", "partial", "overpaid", "reversal"];
    StatementReport {
        new: count(&|l| !matches!(l.outcome.as_str(), "already_recorded" | "skipped")),
        already_recorded: count(&|l| l.outcome == "already_recorded"),
        skipped: count(&|l| l.outcome == "skipped"),
        waiting: count(&|l| waiting_outcomes.contains(&l.outcome.as_str())),
        lines,
        imported,
    }
}

/// What importing a statement would do, line by line; nothing is written.
#[utoipa::path(post, path = "/api/v1/operator/statements/preview", request_body = StatementUpload,
    security(("bearer" = [])), responses((status = 200, body = StatementReport)))]
pub async fn preview_statement(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiJson(upload): ApiJson<StatementUpload>,
) -> ApiResult<Json<StatementReport>> {
    operator_only(&auth)?;
    let entries = read_statement(&upload)?;
    let previews = statements::preview(&state.db, &entries).await?;
    let lines = entries
        .iter()
        .zip(previews)
        .map(|(e, p)| match p {
            Preview::WillApply(number) => statement_line(e, "will_apply", Some(number), None),
            Preview::WillWait => statement_line(e, "will_wait", None, None),
            Preview::WillTakeBack(original) => {
                statement_line(e, "will_take_back", None, Some(original))
            }
            Preview::AlreadyRecorded => statement_line(e, "already_recorded", None, None),
            Preview::Skipped(why) => statement_line(e, "skipped", None, Some(why.to_owned())),
        })
        .collect();
    Ok(Json(counted(lines, false)))
}

/// Imports a statement: every booked credit recorded once and matched, reversals take
/// back what they name, the rest listed; the whole file is checked before anything is
/// written. In the audit log under the operator.
#[utoipa::path(post, path = "/api/v1/operator/statements/import", request_body = StatementUpload,
    security(("bearer" = [])), responses((status = 200, body = StatementReport)))]
pub async fn import_statement(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiJson(upload): ApiJson<StatementUpload>,
) -> ApiResult<Json<StatementReport>> {
    operator_only(&auth)?;
    let entries = read_statement(&upload)?;
    let now = state.clock.now();
    let results = statements::import(
        &state.db,
        state.settings.time_zone,
        entries,
        Some(auth.account.id),
        now,
    )
    .await?;
    let lines: Vec<StatementLine> = results
        .iter()
        .map(|(e, outcome)| match outcome {
            Outcome::Payment(r) | Outcome::Reversal(r, _) if r.duplicate => {
                statement_line(e, "already_recorded", None, None)
            }
            Outcome::Payment(r) => statement_line(
                e,
                &r.payment.status,
                r.invoice_number.clone(),
                r.payment.note.clone(),
            ),
            Outcome::Reversal(r, original) => statement_line(
                e,
                &r.payment.status,
                r.invoice_number.clone(),
                original.clone().or_else(|| r.payment.note.clone()),
            ),
            Outcome::Skipped(why) => statement_line(e, "skipped", None, Some((*why).to_owned())),
        })
        .collect();
    let report = counted(lines, true);
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::Account(auth.account.id),
        partner_id: None,
        action: "statement_imported",
        entity: "statement",
        entity_id: upload.file_name.trim().chars().take(100).collect(),
        after: Some(serde_json::json!({
            "lines": report.lines.len(), "new": report.new,
            "already_recorded": report.already_recorded, "skipped": report.skipped,
            "waiting": report.waiting,
        })),
    };
    crate::audit_log::write(&state.db, entry, now).await?;
    state.outbox_wake.notify_one();
    Ok(Json(report))
}

/// Which partners, newest first.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnerParams {
    /// Part of the company, e-mail or contact person (any case; up to 100 characters).
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// `trial`, `active` or `locked`.
    #[param(max_length = 10)]
    pub state: Option<String>,
    /// Only partners on this package (its id).
    pub package: Option<i64>,
    /// Only partners whose access (trial or paid period) ends within this many days
    /// from now (0-366; those ended already included).
    #[param(minimum = 0, maximum = 366)]
    pub ends_within_days: Option<i64>,
    /// Partners with a smaller account id (the next page).
    pub before: Option<i64>,
    /// At most this many (1-200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

/// The partners for WP Play's operator: searched, by state, each with its package,
/// where it stands (trial, active, locked; when access ends) and its dealers and lines.
#[utoipa::path(get, path = "/api/v1/operator/partners", params(PartnerParams),
    security(("bearer" = [])), responses((status = 200, body = Vec<OperatorPartner>)))]
pub async fn partners(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiQuery(p): ApiQuery<PartnerParams>,
) -> ApiResult<Json<Vec<OperatorPartner>>> {
    use crate::partner_list::{Query, StateFilter, list};
    operator_only(&auth)?;
    let bad = |message: &str| ApiError::bad_request(Code::InvalidQuery, message);
    let limit = super::page_size(p.limit, 50, 200)?;
    if p.q.as_ref().is_some_and(|q| q.chars().count() > 100) {
        return Err(bad("'q' is at most 100 characters."));
    }
    let state_filter = match p.state.as_deref() {
        None | Some("") => None,
        Some("trial") => Some(StateFilter::Trial),
        Some("active") => Some(StateFilter::Active),
        Some("locked") => Some(StateFilter::Locked),
        Some(_) => return Err(bad("'state' is 'trial', 'active' or 'locked'.")),
    };
    if p.ends_within_days.is_some_and(|d| !(0..=366).contains(&d)) {
        return Err(bad("'ends_within_days' must be between 0 and 366."));
    }
    let now = state.clock.now();
    let query = Query {
        search: p.q,
        state: state_filter,
        before: p.before,
        only: None,
        package: p.package,
        ends_by: p.ends_within_days.map(|d| now + chrono::Duration::days(d)),
        limit,
    };
    Ok(Json(list(&state.db, query, now).await?))
}

/// How much of the partner's activity log the detail shows.
const DETAIL_ACTIVITY: u64 = 50;

/// One partner for WP Play's operator: where it stands, its profile and sign-in name, its
/// package, invoices and payments (as the partner sees them), and its newest activity.
#[utoipa::path(get, path = "/api/v1/operator/partners/{id}",
    params(("id" = i64, Path, description = "The partner's account id")),
    security(("bearer" = [])), responses((status = 200, body = OperatorPartnerDetail)))]
pub async fn partner(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OperatorPartnerDetail>> {
    use crate::partner_list::{Query, list};
    operator_only(&auth)?;
    let now = state.clock.now();
    let query = Query {
        only: Some(id),
        limit: 1,
        ..Query::default()
    };
    let Some(summary) = list(&state.db, query, now).await?.pop() else {
        return Err(ApiError::not_found());
    };
    let Some(billing) =
        crate::billing::view::view(&state.db, state.settings.time_zone, id, now).await?
    else {
        return Err(ApiError::not_found());
    };
    let Some(account) = crate::db::entity::account::Entity::find_by_id(id)
        .one(&state.db)
        .await?
    else {
        return Err(ApiError::not_found());
    };
    let Some(profile) = crate::db::entity::partner::Entity::find_by_id(id)
        .one(&state.db)
        .await?
    else {
        return Err(ApiError::not_found());
    };
    let filter = crate::audit_log::Filter {
        scope: Some(id),
        ..Default::default()
    };
    let activity = crate::audit_log::entries(&state.db, filter, DETAIL_ACTIVITY).await?;
    Ok(Json(OperatorPartnerDetail {
        partner: summary,
        username: account.username,
        language: account.language,
        credential_channel: profile.credential_channel,
        offers_reseller_services: profile.offers_reseller_services,
        billing,
        activity,
    }))
}

/// Registers money received another way (cash, a transfer not on a statement), matched
/// by its reference like any payment; once per id; in the audit log under the operator.
#[utoipa::path(post, path = "/api/v1/operator/payments", request_body = RegisterPayment,
    security(("bearer" = [])), responses((status = 201, body = RegisteredPayment),
    (status = 200, description = "Registered before under this id", body = RegisteredPayment)))]
pub async fn register_payment(
    State(state): State<AppState>,
    Authed(auth): Authed,
    ApiJson(req): ApiJson<RegisterPayment>,
) -> ApiResult<(StatusCode, Json<RegisteredPayment>)> {
    use crate::billing::payments::{BankDetails, Incoming, Source, record};
    operator_only(&auth)?;
    let field = |name: &'static str, message: &str| {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Code::InvalidField,
            message,
        );
        e.field = Some(name);
        e
    };
    let text_ok = |t: &str| {
        let t = t.trim();
        !t.is_empty() && t.chars().count() <= 64 && !t.chars().any(char::is_control)
    };
    if !text_ok(&req.id) {
        return Err(field(
            "id",
            "The payment's id is 1 to 64 characters on one line.",
        ));
    }
    if !text_ok(&req.reference) {
        return Err(field(
            "reference",
            "The reference is 1 to 64 characters on one line, as the payer gave it.",
        ));
    }
    if !(1..=wpplay_domain::billing::MAX_AMOUNT_MINOR).contains(&req.amount_minor) {
        return Err(field("amount_minor", "The amount must be more than zero."));
    }
    let currency = req.currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(field(
            "currency",
            "The currency is a three-letter ISO 4217 code.",
        ));
    }
    let now = state.clock.now();
    if req.received_at > now + chrono::Duration::minutes(5)
        || req.received_at < now - chrono::Duration::days(366)
    {
        return Err(field(
            "received_at",
            "When it was received: not in the future, not more than a year ago.",
        ));
    }
    let incoming = Incoming {
        source: Source::Operator,
        external_id: req.id.trim().to_owned(),
        amount_minor: req.amount_minor,
        currency,
        reference: req.reference.trim().to_owned(),
        received_at: req.received_at,
        bank: BankDetails {
            recorded_by: Some(auth.account.id),
            ..Default::default()
        },
    };
    let r = record(&state.db, state.settings.time_zone, incoming, now).await?;
    state.outbox_wake.notify_one();
    let status = if r.duplicate {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let payment = views(&state, vec![r.payment]).await?.remove(0);
    Ok((
        status,
        Json(RegisteredPayment {
            payment,
            duplicate: r.duplicate,
        }),
    ))
}
