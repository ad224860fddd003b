//! `GET /api/openapi.json`: the API description, generated from the handlers and wire types.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "WP Play server API", description = "The central server of WP Play Partner Desk. Every error is `{code, message}` with a 4xx or 5xx status."),
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
        super::me::me,
        super::audit::list,
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

/// The errors any operation may answer besides its own: what the extractors refuse
/// (unreadable JSON, query or path; a body that is not JSON or over 64 KiB; a value out of
/// range), the server's own bounds (timeouts, rations, a full server) and, where a token
/// is needed, its absence or a role that may not. Each is `{code, message}`.
struct DocumentedErrors;

impl DocumentedErrors {
    const ALL: &[(&str, &str)] = &[
        (
            "400",
            "The request could not be read: malformed JSON, query or path, or a value out of range.",
        ),
        (
            "408",
            "`request_timeout`: the request was not read and answered in time.",
        ),
        ("413", "`payload_too_large`: the body is over 64 KiB."),
        (
            "422",
            "A value breaks a rule of the product; `code` names which.",
        ),
        (
            "429",
            "Rationed: too many attempts, registrations, changes or streams; see `Retry-After`.",
        ),
        (
            "503",
            "`server_busy`: too many requests at once; see `Retry-After`.",
        ),
    ];
    const WITH_BODY: &[(&str, &str)] = &[(
        "415",
        "The body must be JSON (`Content-Type: application/json`).",
    )];
    const SECURED: &[(&str, &str)] = &[
        ("401", "No valid access token, or the session ended."),
        (
            "403",
            "This account's role may not do this, or its password must be changed first.",
        ),
    ];
}

impl Modify for DocumentedErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let error = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        for (path, item) in &mut openapi.paths.paths {
            // Probes stay outside the bounds (`/healthz`, `/metrics`).
            let api = path.starts_with("/api/");
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
                let mut add: Vec<(&str, &str)> = Vec::new();
                if api {
                    add.extend(Self::ALL);
                }
                if api && op.request_body.is_some() {
                    add.extend(Self::WITH_BODY);
                }
                if secured {
                    add.extend(Self::SECURED);
                }
                for (status, description) in add {
                    op.responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| error(description));
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
