//! The desktop app's update feed: `GET /api/v1/desktop/updates/{target}/{current_version}`
//! answers the Tauri updater's JSON for a newer release (or `204`), and
//! `GET /api/v1/desktop/releases/{target}/{version}/{file}` serves the installer with
//! range requests. No sign-in: an app updates before anyone signs in, and the installer
//! is only trusted by its signature, which the app verifies against its built-in key.

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiPath;
use crate::state::AppState;
use axum::Json;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::net::SocketAddr;
use tower::ServiceExt as _;
use wpplay_domain::Code;
use wpplay_domain::release::{Version, is_valid_target};

/// What the Tauri updater reads from a dynamic update server.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UpdateManifest {
    /// The newer version, e.g. `0.2.0`.
    pub version: String,
    pub notes: String,
    /// RFC 3339.
    pub pub_date: String,
    /// Where the installer is downloaded from.
    pub url: String,
    /// The minisign signature the app verifies before installing.
    pub signature: String,
}

fn bad_target(target: &str) -> ApiError {
    ApiError::bad_request(
        Code::InvalidTarget,
        format!(
            "'{}' is not a release target: use {{os}}-{{arch}}-{{installer}}, e.g. linux-x86_64-deb.",
            target.chars().take(64).collect::<String>()
        ),
    )
}

fn bad_version(version: &str) -> ApiError {
    ApiError::bad_request(
        Code::InvalidVersion,
        format!(
            "'{}' is not a version like 1.2.3.",
            version.chars().take(64).collect::<String>()
        ),
    )
}

/// The newest release for the app's target, if newer than the version it runs.
#[utoipa::path(get, path = "/api/v1/desktop/updates/{target}/{current_version}",
    params(("target" = String, Path, description = "`{os}-{arch}-{installer}`, e.g. linux-x86_64-deb"),
           ("current_version" = String, Path, description = "The version the app runs, e.g. 0.1.0")),
    responses((status = 200, body = UpdateManifest), (status = 204, description = "No newer release")))]
pub async fn updates(
    State(state): State<AppState>,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiPath((target, current)): ApiPath<(String, String)>,
) -> ApiResult<Response> {
    if !is_valid_target(&target) {
        return Err(bad_target(&target));
    }
    let current = Version::parse(&current).ok_or_else(|| bad_version(&current))?;
    let Some(release) = crate::releases::newer_than(&state.db, &target, &current).await? else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let base = public_base(&state, &headers, peer.ip());
    let url = format!(
        "{base}/api/v1/desktop/releases/{}/{}/{}",
        release.target,
        release.version,
        utf8_percent(&release.file_name)
    );
    Ok(Json(UpdateManifest {
        version: release.version,
        notes: release.notes,
        pub_date: release.published_at.to_rfc3339(),
        url,
        signature: release.signature,
    })
    .into_response())
}

/// A recorded installer, with range requests (a dropped download resumes).
#[utoipa::path(get, path = "/api/v1/desktop/releases/{target}/{version}/{file}",
    params(("target" = String, Path, description = "e.g. linux-x86_64-deb"),
           ("version" = String, Path, description = "e.g. 0.2.0"),
           ("file" = String, Path, description = "The installer's file name")),
    responses((status = 200, content_type = "application/octet-stream", description = "The installer"),
        (status = 206, description = "Part of it (Range)")))]
pub async fn download(
    State(state): State<AppState>,
    ApiPath((target, version, file)): ApiPath<(String, String, String)>,
    request: Request,
) -> ApiResult<Response> {
    if !is_valid_target(&target) {
        return Err(bad_target(&target));
    }
    // Only files a release row names are served: the path never comes from the request.
    let release = crate::releases::find(&state.db, &target, &version, &file)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let path = crate::releases::file_path(&state.settings, &release);
    let served = tower_http::services::ServeFile::new(&path)
        .oneshot(request)
        .await
        .map_err(|_| ApiError::not_found())?;
    if served.status() == StatusCode::NOT_FOUND {
        tracing::error!(path = %path.display(), "a recorded release's file is missing");
        return Err(ApiError::not_found());
    }
    let mut response = served.map(axum::body::Body::new);
    if let Ok(v) = format!(
        "attachment; filename=\"{}\"",
        release.file_name.replace('"', "")
    )
    .parse()
    {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

/// The server's address as its clients know it: `WPPLAY_PUBLIC_URL`, or else the scheme
/// and host of this request (the proxy's `X-Forwarded-Proto` is believed only from a
/// trusted proxy).
fn public_base(state: &AppState, headers: &HeaderMap, peer: std::net::IpAddr) -> String {
    if let Some(url) = &state.settings.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let peer = crate::settings::canonical_ip(peer);
    let from_proxy = state
        .settings
        .trusted_proxies
        .iter()
        .any(|n| n.contains(peer));
    let forwarded_https = from_proxy
        && headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let scheme = if state.settings.tls_cert.is_some() || forwarded_https {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

/// Percent-encodes a file name for a URL path segment.
fn utf8_percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
