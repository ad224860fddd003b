//! `GET /api/openapi.json`: the API description, generated from the handlers and wire types.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "WP Play server API", description = "The central server of WP Play Partner Desk. Every error is `{code, message}` with a 4xx or 5xx status."),
    paths(
        super::health::healthz,
        crate::metrics::metrics,
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
    components(schemas(wpplay_wire::ErrorBody, super::desktop::UpdateManifest, wpplay_wire::sync::Entity, wpplay_wire::sync::Mutation)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

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
