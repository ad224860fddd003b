//! `GET /api/openapi.json`: the API description, generated from the handlers and wire types.

use axum::Json;
use std::collections::{BTreeMap, BTreeSet};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use wpplay_domain::Code;

#[derive(OpenApi)]
#[openapi(
    info(title = "WP Play server API", description = "The central server of WP Play Partner Desk. Every error is `{code, message, field?}` with a 4xx or 5xx status; each error response lists the codes that operation may answer with it. Outside every operation the router answers `404 not_found` and `405 method_not_allowed`."),
    paths(
        super::health::healthz,
        super::metrics::metrics,
        document,
        super::packages::list,
        super::registrations::register,
        super::auth::login,
        super::auth::refresh,
        super::auth::logout,
        super::auth::change_password,
        super::auth::request_recovery,
        super::auth::recover_password,
        super::second_factor::sign_in,
        super::second_factor::status,
        super::second_factor::enrol,
        super::second_factor::confirm,
        super::second_factor::disable,
        super::second_factor::dealer_rule,
        super::sessions::list,
        super::sessions::end,
        super::sessions::end_others,
        super::me::me,
        super::audit::list,
        super::operator::partners,
        super::operator::partner,
        super::operator::payments,
        super::operator::register_payment,
        super::operator::resolve,
        super::operator::preview_statement,
        super::operator::import_statement,
        super::desk::packages,
        super::desk::add_package,
        super::desk::change_package,
        super::desk::upcoming,
        super::desk::run_lifecycle,
        super::desk::deliveries,
        super::desk::invoices,
        super::desk::retry_delivery,
        super::directory::list,
        super::content::list,
        super::sync::pull,
        super::events::events,
        super::sync::push,
        super::payments::webhook,
        super::billing::view,
        super::billing::choose_package,
        super::billing::invoice_pdf,
        super::desktop::updates,
        super::desktop::download,
    ),
    components(schemas(wpplay_wire::ErrorBody, wpplay_wire::Code, super::desktop::UpdateManifest, wpplay_wire::sync::Entity, wpplay_wire::sync::Mutation)),
    modifiers(&BearerAuth, &DocumentedErrors)
)]
pub struct ApiDoc;

/// A status and the codes an operation may answer with it.
pub type StatusCodes = (u16, &'static [Code]);

/// One route's own errors: method, path and its [`StatusCodes`].
pub type RouteErrors = (&'static str, &'static str, &'static [StatusCodes]);

/// The errors each route answers itself, by status: one row per route of
/// [`crate::ROUTES`], in one place rather than on the handlers. What every
/// operation answers through its extractors and the server's bounds is added by
/// [`DocumentedErrors`] and not repeated here. `tests/api/documented.rs` checks every
/// error the API tests meet against the document built from this table.
pub const ROUTE_ERRORS: &[RouteErrors] = {
    use Code::*;
    &[
        ("GET", "/healthz", &[(503, &[DatabaseUnavailable])]),
        (
            "GET",
            "/metrics",
            &[(404, &[NotFound]), (503, &[DatabaseUnavailable])],
        ),
        ("GET", "/api/openapi.json", &[]),
        ("GET", "/api/v1/packages", &[]),
        (
            "POST",
            "/api/v1/registrations",
            &[
                (409, &[RegistrationConflict, UsernameExhausted]),
                (
                    422,
                    &[
                        MissingField,
                        InvalidField,
                        FieldTooLong,
                        InvalidText,
                        InvalidEmail,
                        InvalidPhone,
                        InvalidCountry,
                        UnknownPackage,
                        SmsUnavailable,
                    ],
                ),
                (429, &[TooManyRegistrations]),
                (503, &[HashingUnavailable]),
            ],
        ),
        (
            "POST",
            "/api/v1/auth/login",
            &[
                (401, &[WrongCredentials, SecondFactorRequired]),
                (403, &[DealerInactive]),
                (422, &[MissingField, FieldTooLong, InvalidText]),
                (429, &[TooManyAttempts]),
            ],
        ),
        (
            "POST",
            "/api/v1/auth/refresh",
            &[(
                401,
                &[InvalidRefreshToken, RefreshTokenReused, AccountDeleted],
            )],
        ),
        ("POST", "/api/v1/auth/logout", &[]),
        (
            "POST",
            "/api/v1/auth/password",
            &[
                (
                    422,
                    &[
                        PasswordTooWeak,
                        PasswordTooLong,
                        PasswordUnchanged,
                        WrongCurrentPassword,
                    ],
                ),
                (429, &[TooManyAttempts]),
                (503, &[HashingUnavailable]),
            ],
        ),
        (
            "POST",
            "/api/v1/auth/recovery",
            &[
                (422, &[MissingField, FieldTooLong, InvalidText]),
                (429, &[TooManyAttempts]),
            ],
        ),
        (
            "POST",
            "/api/v1/auth/recovery/confirm",
            &[
                (401, &[SecondFactorRequired]),
                (403, &[DealerInactive]),
                (
                    422,
                    &[
                        MissingField,
                        FieldTooLong,
                        InvalidText,
                        WrongRecoveryCode,
                        PasswordTooWeak,
                        PasswordTooLong,
                    ],
                ),
                (429, &[TooManyAttempts]),
                (503, &[HashingUnavailable]),
            ],
        ),
        (
            "POST",
            "/api/v1/auth/second-factor",
            &[
                (401, &[ChallengeExpired]),
                (403, &[DealerInactive]),
                (
                    422,
                    &[
                        MissingField,
                        FieldTooLong,
                        InvalidText,
                        WrongSecondFactorCode,
                    ],
                ),
                (429, &[TooManyAttempts]),
            ],
        ),
        ("GET", "/api/v1/auth/second-factor", &[]),
        (
            "POST",
            "/api/v1/auth/second-factor/enrol",
            &[(409, &[SecondFactorAlreadyOn])],
        ),
        (
            "POST",
            "/api/v1/auth/second-factor/confirm",
            &[
                (409, &[SecondFactorAlreadyOn, SecondFactorOff]),
                (
                    422,
                    &[
                        MissingField,
                        FieldTooLong,
                        InvalidText,
                        WrongSecondFactorCode,
                    ],
                ),
                (429, &[TooManyAttempts]),
            ],
        ),
        (
            "POST",
            "/api/v1/auth/second-factor/disable",
            &[
                (403, &[SecondFactorMandatory]),
                (409, &[SecondFactorOff]),
                (
                    422,
                    &[
                        MissingField,
                        FieldTooLong,
                        InvalidText,
                        WrongSecondFactorCode,
                    ],
                ),
                (429, &[TooManyAttempts]),
            ],
        ),
        (
            "PUT",
            "/api/v1/partner/dealer-second-factor",
            &[(402, &[PartnerLocked]), (403, &[Forbidden])],
        ),
        ("GET", "/api/v1/me", &[]),
        ("GET", "/api/v1/sessions", &[]),
        (
            "DELETE",
            "/api/v1/sessions/{id}",
            &[(400, &[InvalidPath]), (404, &[NotFound])],
        ),
        ("POST", "/api/v1/sessions/end-others", &[]),
        (
            "GET",
            "/api/v1/audit",
            &[
                (400, &[InvalidQuery]),
                (402, &[PartnerLocked]),
                (403, &[Forbidden]),
            ],
        ),
        (
            "GET",
            "/api/v1/operator/partners",
            &[(400, &[InvalidQuery]), (403, &[Forbidden])],
        ),
        (
            "GET",
            "/api/v1/operator/partners/{id}",
            &[
                (400, &[InvalidPath]),
                (403, &[Forbidden]),
                (404, &[NotFound]),
            ],
        ),
        (
            "GET",
            "/api/v1/operator/payments",
            &[(400, &[InvalidQuery]), (403, &[Forbidden])],
        ),
        (
            "POST",
            "/api/v1/operator/payments",
            &[(403, &[Forbidden]), (422, &[InvalidField])],
        ),
        (
            "POST",
            "/api/v1/operator/payments/{id}/resolve",
            &[
                (400, &[InvalidPath]),
                (403, &[Forbidden]),
                (404, &[NotFound]),
                (409, &[PaymentNotForReview]),
                (422, &[InvalidText, InvalidField, CurrencyMismatch]),
            ],
        ),
        (
            "POST",
            "/api/v1/operator/statements/preview",
            &[(403, &[Forbidden]), (422, &[InvalidStatement])],
        ),
        (
            "POST",
            "/api/v1/operator/statements/import",
            &[(403, &[Forbidden]), (422, &[InvalidStatement])],
        ),
        ("GET", "/api/v1/operator/packages", &[(403, &[Forbidden])]),
        (
            "POST",
            "/api/v1/operator/packages",
            &[
                (403, &[Forbidden]),
                (409, &[PackageCodeTaken]),
                (
                    422,
                    &[InvalidPackage, MissingField, FieldTooLong, InvalidText],
                ),
            ],
        ),
        (
            "PATCH",
            "/api/v1/operator/packages/{id}",
            &[
                (400, &[InvalidPath]),
                (403, &[Forbidden]),
                (404, &[NotFound]),
                (
                    422,
                    &[InvalidPackage, MissingField, FieldTooLong, InvalidText],
                ),
            ],
        ),
        (
            "GET",
            "/api/v1/operator/lifecycle/upcoming",
            &[(400, &[InvalidQuery]), (403, &[Forbidden])],
        ),
        (
            "POST",
            "/api/v1/operator/lifecycle/run",
            &[(403, &[Forbidden])],
        ),
        (
            "GET",
            "/api/v1/operator/invoices",
            &[(400, &[InvalidQuery]), (403, &[Forbidden])],
        ),
        (
            "GET",
            "/api/v1/operator/deliveries",
            &[(400, &[InvalidQuery]), (403, &[Forbidden])],
        ),
        (
            "POST",
            "/api/v1/operator/deliveries/{id}/retry",
            &[
                (400, &[InvalidPath]),
                (403, &[Forbidden]),
                (404, &[NotFound]),
                (409, &[DeliveryNotRetryable]),
            ],
        ),
        ("GET", "/api/v1/partners", &[(403, &[Forbidden])]),
        (
            "GET",
            "/api/v1/partners/{partner_id}/content",
            &[(402, &[PartnerLocked]), (403, &[NotLinked])],
        ),
        (
            "GET",
            "/api/v1/sync/pull",
            &[
                (400, &[InvalidQuery, InvalidBody]),
                (402, &[PartnerLocked]),
                (409, &[ResyncRequired]),
                (426, &[ClientOutdated]),
            ],
        ),
        ("GET", "/api/v1/events", &[(429, &[TooManyStreams])]),
        (
            "POST",
            "/api/v1/sync/push",
            &[
                (400, &[InvalidBody, InvalidClientId, InvalidBatch]),
                (402, &[PartnerLocked]),
                (403, &[ClientIdTaken]),
                (413, &[BatchTooLarge]),
                (426, &[ClientOutdated]),
                (429, &[TooManyChanges]),
            ],
        ),
        (
            "POST",
            "/api/v1/payments/webhook",
            &[(400, &[InvalidBody]), (401, &[BadSignature])],
        ),
        (
            "GET",
            "/api/v1/billing",
            &[(403, &[Forbidden]), (404, &[NotFound])],
        ),
        (
            "POST",
            "/api/v1/billing/package",
            &[
                (403, &[Forbidden]),
                (409, &[SamePackage]),
                (
                    422,
                    &[
                        NotAPartner,
                        UnknownPackage,
                        CurrencyMismatch,
                        PackageTooSmall,
                    ],
                ),
            ],
        ),
        (
            "GET",
            "/api/v1/billing/invoices/{number}/pdf",
            &[(403, &[Forbidden]), (404, &[NotFound])],
        ),
        (
            "GET",
            "/api/v1/desktop/updates/{target}/{current_version}",
            &[(400, &[InvalidTarget, InvalidVersion])],
        ),
        (
            "GET",
            "/api/v1/desktop/releases/{target}/{version}/{file}",
            &[(400, &[InvalidTarget]), (404, &[NotFound])],
        ),
    ]
};

/// Turns [`ROUTE_ERRORS`] and the errors every operation shares into each operation's
/// error responses: per status, what it means, the codes it may carry (in the
/// description, and as the enum its `code` is held to) and the `ErrorBody` shape. Error
/// responses come only from here: one a handler's attribute declared would be left
/// without codes, which `tests/api/documented.rs` refuses.
struct DocumentedErrors;

/// Routes whose handler reads the raw body rather than through `ApiJson` (the webhook
/// checks the provider's signature over the exact bytes first).
const RAW_BODY: &[&str] = &["/api/v1/payments/webhook"];

/// Secured routes that accept a session whose generated password is not yet replaced, or
/// that must first set up two-factor sign-in (`SessionAuth` rather than `Authed`):
/// signing out, replacing the password and setting up the second factor.
const BEFORE_PASSWORD_CHANGE: &[&str] = &[
    "/api/v1/auth/logout",
    "/api/v1/auth/password",
    "/api/v1/auth/second-factor",
    "/api/v1/auth/second-factor/enrol",
    "/api/v1/auth/second-factor/confirm",
];

impl DocumentedErrors {
    /// The errors `op` at `path` answers through what it reads and the bounds every
    /// request meets: a deadline for every request; for the API (not the probes, which
    /// stay outside the cap on requests) a full server and its database; a JSON body's,
    /// query's and path's refusals; and, where a token is needed, its absence or a role
    /// that may not.
    fn shared(path: &str, op: &Operation) -> Vec<StatusCodes> {
        use Code::*;
        let mut shared: Vec<StatusCodes> = vec![(408, &[RequestTimeout])];
        if path.starts_with("/api/") {
            shared.push((503, &[ServerBusy, DatabaseUnavailable]));
        }
        if op.request_body.is_some() && !RAW_BODY.contains(&path) {
            shared.extend([
                (400, &[MalformedJson, InvalidBody][..]),
                (413, &[PayloadTooLarge]),
                (415, &[UnsupportedMediaType]),
                (422, &[InvalidField]),
            ]);
        }
        for p in op.parameters.iter().flatten() {
            match p.parameter_in {
                ParameterIn::Query => shared.push((400, &[InvalidQuery])),
                ParameterIn::Path => shared.push((400, &[InvalidPath])),
                _ => {}
            }
        }
        if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
            shared.extend([
                (401, &[Unauthenticated, InvalidToken, TokenExpired][..]),
                (403, &[UnknownRole, DealerInactive]),
            ]);
            if !BEFORE_PASSWORD_CHANGE.contains(&path) {
                shared.push((403, &[PasswordChangeRequired, SecondFactorMandatory]));
            }
        }
        shared
    }

    /// What a status means, before its codes.
    fn meaning(status: u16) -> &'static str {
        match status {
            400 => {
                "The request could not be read: malformed JSON, query or path, or a value out of range."
            }
            401 => "No valid access token, credentials or signature, or the session ended.",
            402 => "The partner's account is locked until its next payment.",
            403 => {
                "This account may not do this, or it must first change its password or set up two-factor sign-in."
            }
            404 => "There is nothing at this address.",
            408 => "The request was not read and answered in time.",
            409 => "It conflicts with what is stored.",
            413 => {
                "The body, or the batch in it, is too large (the body at most 64 KiB; a bank statement's file at most 4 MiB)."
            }
            415 => "The body must be JSON (`Content-Type: application/json`).",
            422 => {
                "A value breaks a rule of the product; `field` names the field when it is about one."
            }
            426 => "This app is older than the server: update it.",
            429 => {
                "Rationed: too many attempts, registrations, changes or streams; see `Retry-After`."
            }
            503 => {
                "The server cannot answer now: it is busy (see `Retry-After`), or its database or password hashing is unavailable."
            }
            _ => "The request was refused.",
        }
    }

    /// The response for `status` carrying one of `codes`.
    fn response(status: u16, codes: &BTreeSet<Code>) -> Response {
        let listed: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        let code = ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(codes.iter().map(|c| c.as_str())));
        let schema = AllOfBuilder::new()
            .item(Ref::from_schema_name("ErrorBody"))
            .item(ObjectBuilder::new().property("code", code));
        ResponseBuilder::new()
            .description(format!(
                "{} Codes: {}.",
                Self::meaning(status),
                listed.join(", ")
            ))
            .content(
                "application/json",
                ContentBuilder::new().schema(Some(schema)).build(),
            )
            .build()
    }
}

impl Modify for DocumentedErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in &mut openapi.paths.paths {
            for (method, op) in [
                ("GET", &mut item.get),
                ("POST", &mut item.post),
                ("PUT", &mut item.put),
                ("DELETE", &mut item.delete),
                ("PATCH", &mut item.patch),
            ] {
                let Some(op) = op else { continue };
                let own = ROUTE_ERRORS
                    .iter()
                    .find(|(m, p, _)| *m == method && p == path)
                    .map_or(&[][..], |(_, _, own)| *own);
                let mut errors: BTreeMap<u16, BTreeSet<Code>> = BTreeMap::new();
                for (status, codes) in own.iter().copied().chain(Self::shared(path, op)) {
                    errors.entry(status).or_default().extend(codes);
                }
                for (status, codes) in &errors {
                    op.responses
                        .responses
                        .insert(status.to_string(), RefOr::T(Self::response(*status, codes)));
                }
            }
        }
    }
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI 3.1 document of this server.
#[utoipa::path(get, path = "/api/openapi.json", responses((status = 200, description = "The OpenAPI document")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
