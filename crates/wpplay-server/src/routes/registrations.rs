//! `POST /api/v1/registrations`: a new partner (package + 14-day trial) or reseller registers.

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::net::ClientAddr;
use crate::registration::{self, Refused, Wanted};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use wpplay_domain::Code;
use wpplay_domain::ErrorCode;
use wpplay_domain::registration::{CredentialChannel, RegistrationForm};
use wpplay_wire::registration::{AccountKind, RegistrationRequest, RegistrationResponse};

/// Registers a partner (starting its 14-day trial) or a reseller, and sends the
/// generated credentials by the chosen channel.
#[utoipa::path(post, path = "/api/v1/registrations", request_body = RegistrationRequest,
    responses((status = 201, body = RegistrationResponse)))]
pub async fn register(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    ApiJson(req): ApiJson<RegistrationRequest>,
) -> ApiResult<(StatusCode, Json<RegistrationResponse>)> {
    let reg = RegistrationForm {
        company: &req.company,
        contact_person: &req.contact_person,
        email: &req.email,
        phone: &req.phone,
        country: &req.country,
        credential_channel: req.credential_delivery.into(),
        no_reseller_services: req.no_reseller_services,
        language: req.language.unwrap_or_default(),
    }
    .validate()?;
    let wanted = wanted(&req)?;
    let done = registration::register(
        &state.db,
        &state.settings.limits,
        &reg,
        wanted,
        client,
        state.clock.now(),
    )
    .await?
    .map_err(refused)?;
    state.outbox_wake.notify_one();
    Ok((
        StatusCode::CREATED,
        Json(RegistrationResponse {
            delivered_via: done.channel.into(),
            destination: match done.channel {
                CredentialChannel::Email => mask_email(&done.recipient),
                CredentialChannel::Sms => mask_phone(&done.recipient),
            },
            trial_ends_at: done.trial_ends_at,
        }),
    ))
}

/// A partner must choose a package; a reseller chooses none.
fn wanted(req: &RegistrationRequest) -> ApiResult<Wanted> {
    match (req.role.unwrap_or(AccountKind::Partner), req.package_id) {
        (AccountKind::Reseller, None) => Ok(Wanted::Reseller),
        (AccountKind::Reseller, Some(_)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Code::InvalidField,
            "Resellers choose no package: leave 'package_id' out.",
        )),
        (AccountKind::Partner, None) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            Code::MissingField,
            "Choose a package: 'package_id' is one of GET /api/v1/packages.",
        )),
        (AccountKind::Partner, Some(id)) => Ok(Wanted::Partner(id)),
    }
}

/// The answer to a registration that was not taken.
fn refused(e: Refused) -> ApiError {
    let (status, retry_after) = match &e {
        Refused::UnknownPackage(_) | Refused::SmsUnavailable(_) => {
            (StatusCode::UNPROCESSABLE_ENTITY, None)
        }
        Refused::TooMany {
            retry_after_secs, ..
        } => (StatusCode::TOO_MANY_REQUESTS, Some(*retry_after_secs)),
        Refused::Hashing => (StatusCode::SERVICE_UNAVAILABLE, None),
        Refused::Conflict | Refused::UsernamesExhausted => (StatusCode::CONFLICT, None),
    };
    ApiError {
        retry_after,
        ..ApiError::new(status, e.code(), e.to_string())
    }
}

/// `ana@acme.rs` → `a**@acme.rs`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!(
                "{first}{}@{domain}",
                "*".repeat(local.chars().count().saturating_sub(1).max(2))
            )
        }
        None => "***".to_owned(),
    }
}

/// `+381641234567` → `+381*******67`.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "***".to_owned();
    }
    let (head, rest) = chars.split_at(4);
    let (middle, tail) = rest.split_at(rest.len() - 2);
    format!(
        "{}{}{}",
        head.iter().collect::<String>(),
        "*".repeat(middle.len()),
        tail.iter().collect::<String>()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_masked() {
        assert_eq!(mask_email("ana@acme.rs"), "a**@acme.rs");
        assert_eq!(mask_email("a@acme.rs"), "a**@acme.rs");
        assert_eq!(mask_phone("+381641234567"), "+381*******67");
    }
}
