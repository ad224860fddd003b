//! The HTTP client of the server's API. Maps every failure to `{code, message}`.

use crate::error::{CoreResult, offline};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;
use wpplay_domain::Code;
use wpplay_wire::ErrorBody;

/// A client for one server.
#[derive(Debug, Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    base: String,
}

/// A failed call: either the server could not be reached, or it answered an error.
#[derive(Debug, Clone)]
pub enum CallError {
    Unreachable(ErrorBody),
    Answered(StatusCode, ErrorBody),
}

impl CallError {
    pub fn body(self) -> ErrorBody {
        match self {
            Self::Unreachable(b) | Self::Answered(_, b) => b,
        }
    }

    pub fn is_unreachable(&self) -> bool {
        matches!(self, Self::Unreachable(_))
    }

    /// The server says the session is over: the refresh token is dead, or gone (also
    /// when it was reused elsewhere, or the account was deleted).
    pub fn is_session_ended(&self) -> bool {
        matches!(self, Self::Answered(StatusCode::UNAUTHORIZED, b) if matches!(b.code.as_str(),
            "invalid_refresh_token" | "session_ended" | "refresh_token_reused" | "account_deleted"))
    }

    /// The server deleted the account (purged after it stayed unpaid): this computer
    /// should forget it too.
    pub fn is_account_deleted(&self) -> bool {
        matches!(self, Self::Answered(StatusCode::UNAUTHORIZED, b) if b.code == "account_deleted")
    }

    /// The access token is no longer accepted; a refresh may help.
    pub fn is_auth_expired(&self) -> bool {
        matches!(self, Self::Answered(StatusCode::UNAUTHORIZED, b) if b.code == "token_expired" || b.code == "invalid_token")
    }
}

/// Checks and normalises a server address the user typed: `http(s)://host[:port]`.
///
/// A bare host name means HTTPS; plain `http://` is accepted only for a server on this
/// computer (loopback), since passwords and tokens would otherwise cross the network
/// readable by anyone on the way.
pub fn normalize_server_url(input: &str) -> CoreResult<String> {
    let trimmed = input.trim();
    let invalid = || {
        ErrorBody::new(
            Code::InvalidServerUrl,
            format!("'{trimmed}' is not a server address. Use one like https://desk.example.com."),
        )
    };
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        // Loopback keeps plain HTTP (a server on this computer); anything else is HTTPS.
        let probe = reqwest::Url::parse(&format!("http://{trimmed}")).map_err(|_| invalid())?;
        let scheme = if probe.host().is_some_and(|h| is_loopback(&h)) {
            "http"
        } else {
            "https"
        };
        format!("{scheme}://{trimmed}")
    };
    let url = reqwest::Url::parse(&with_scheme)
        .ok()
        .filter(|u| {
            matches!(u.scheme(), "http" | "https") && u.path() == "/" && u.query().is_none()
        })
        .filter(|u| u.host_str().is_some_and(|h| !h.is_empty()))
        .ok_or_else(invalid)?;
    if url.scheme() == "http" && !url.host().is_some_and(|h| is_loopback(&h)) {
        return Err(ErrorBody::new(
            Code::InsecureServerUrl,
            format!(
                "'{trimmed}' uses plain http://, which would send your password unencrypted. Use https:// (ask your WP Play operator for the address); plain http:// is only for a server on this computer."
            ),
        ));
    }
    let host = url.host_str().unwrap_or_default();
    Ok(match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    })
}

fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}

/// The environment variable naming extra trusted CA certificates (PEM) for servers with
/// a private certificate authority; the shell puts it in [`crate::core::CoreConfig`].
pub const CA_FILE_VAR: &str = "WPPLAY_CA_FILE";

/// The certificates of the CA file, if one is set; an unreadable file is an error that
/// names it, never a silent fallback.
fn extra_roots(ca_file: Option<&std::path::Path>) -> CoreResult<Vec<reqwest::Certificate>> {
    let Some(path) = ca_file else {
        return Ok(Vec::new());
    };
    let shown = path.display().to_string();
    let pem = std::fs::read(path).map_err(|e| {
        ErrorBody::new(
            Code::CaFileUnreadable,
            format!("The certificate file {shown} ({CA_FILE_VAR}) cannot be read: {e}."),
        )
    })?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem)
        .ok()
        .filter(|c| !c.is_empty());
    certs.ok_or_else(|| {
        ErrorBody::new(
            Code::CaFileUnreadable,
            format!("The certificate file {shown} ({CA_FILE_VAR}) holds no PEM certificate."),
        )
    })
}

/// Why the server could not be reached: an untrusted certificate is said as such (the
/// user can do something about it), anything else is "offline".
fn unreachable(base: &str, e: &reqwest::Error) -> ErrorBody {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(err) = source {
        let text = err.to_string().to_ascii_lowercase();
        if text.contains("certificate") || text.contains("unknown ca") {
            return ErrorBody::new(
                Code::UntrustedCertificate,
                format!(
                    "The server at {base} answered with a certificate this computer does not trust. If your WP Play operator uses its own certificate authority, start the app with {CA_FILE_VAR} set to its certificate file."
                ),
            );
        }
        source = err.source();
    }
    offline(base)
}

impl ApiClient {
    /// A client for the server at `base`, trusting the certificates of `ca_file` besides
    /// the system's.
    pub fn new(base: &str, ca_file: Option<&std::path::Path>) -> CoreResult<Self> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(4))
            .timeout(Duration::from_secs(20))
            // The server closes a kept-alive connection idle for its header timeout
            // (20 s by default): let go of idle ones first, never send on a closing one.
            .pool_idle_timeout(Duration::from_secs(10));
        for cert in extra_roots(ca_file)? {
            builder = builder.add_root_certificate(cert);
        }
        let http = builder.build().map_err(|e| {
            ErrorBody::new(
                Code::HttpClient,
                format!("The app could not start its network client: {e}"),
            )
        })?;
        Ok(Self {
            http,
            base: normalize_server_url(base)?,
        })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// Sends a request and decodes a JSON answer (or nothing for `204`).
    pub async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&B>,
    ) -> Result<T, CallError> {
        let mut req = self.http.request(method, format!("{}{}", self.base, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| CallError::Unreachable(unreachable(&self.base, &e)))?;
        let status = resp.status();
        let bytes = resp
            .bytes()
            .await
            .map_err(|_| CallError::Unreachable(offline(&self.base)))?;
        if status.is_success() {
            let bytes = if bytes.is_empty() {
                &b"null"[..]
            } else {
                &bytes[..]
            };
            return serde_json::from_slice(bytes).map_err(|e| {
                CallError::Answered(status, ErrorBody::new(Code::UnexpectedAnswer, format!("The server's answer was not understood ({e}). Is this a WP Play server?")))
            });
        }
        let body = serde_json::from_slice::<ErrorBody>(&bytes).unwrap_or_else(|_| {
            ErrorBody::new(
                Code::ServerError,
                format!("The server answered {status} without an explanation. Try again later."),
            )
        });
        Err(CallError::Answered(status, body))
    }

    /// Opens the server's event stream (`GET /api/v1/events`); read it with
    /// [`reqwest::Response::chunk`]. It stays open for as long as the access token lives
    /// (the caller notices a dead connection by the missing 15-second keep-alives).
    pub async fn open_events(&self, token: &str) -> Result<reqwest::Response, CallError> {
        let resp = self
            .http
            .get(format!("{}/api/v1/events", self.base))
            .bearer_auth(token)
            .timeout(Duration::from_secs(24 * 3600))
            .send()
            .await
            .map_err(|_| CallError::Unreachable(offline(&self.base)))?;
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let bytes = resp.bytes().await.unwrap_or_default();
        let body = serde_json::from_slice::<ErrorBody>(&bytes).unwrap_or_else(|_| {
            ErrorBody::new(
                Code::ServerError,
                format!("The server answered {status} without an explanation. Try again later."),
            )
        });
        Err(CallError::Answered(status, body))
    }

    /// GET of a file (e.g. a PDF): its bytes.
    pub async fn get_bytes(&self, path: &str, token: Option<&str>) -> Result<Vec<u8>, CallError> {
        let mut req = self.http.get(format!("{}{}", self.base, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| CallError::Unreachable(unreachable(&self.base, &e)))?;
        let status = resp.status();
        let bytes = resp
            .bytes()
            .await
            .map_err(|_| CallError::Unreachable(offline(&self.base)))?;
        if status.is_success() {
            return Ok(bytes.to_vec());
        }
        let body = serde_json::from_slice::<ErrorBody>(&bytes).unwrap_or_else(|_| {
            ErrorBody::new(
                Code::ServerError,
                format!("The server answered {status} without an explanation. Try again later."),
            )
        });
        Err(CallError::Answered(status, body))
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        token: Option<&str>,
    ) -> Result<T, CallError> {
        self.call::<(), T>(Method::GET, path, token, None).await
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        token: Option<&str>,
        body: &B,
    ) -> Result<T, CallError> {
        self.call(Method::POST, path, token, Some(body)).await
    }

    pub async fn patch<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        token: Option<&str>,
        body: &B,
    ) -> Result<T, CallError> {
        self.call(Method::PATCH, path, token, Some(body)).await
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_server_url;

    #[test]
    fn server_addresses() {
        assert_eq!(
            normalize_server_url("127.0.0.1:8750").ok().as_deref(),
            Some("http://127.0.0.1:8750")
        );
        assert_eq!(
            normalize_server_url(" https://wp.example.com/ ")
                .ok()
                .as_deref(),
            Some("https://wp.example.com")
        );
        for bad in ["", "ftp://x", "http://", "http://host/path", "not a url"] {
            assert!(
                normalize_server_url(bad).is_err(),
                "{bad:?} must be refused"
            );
        }
    }

    #[test]
    fn plain_http_only_reaches_this_computer() {
        let ok = |input: &str| normalize_server_url(input).ok();
        assert_eq!(
            ok("desk.example.com").as_deref(),
            Some("https://desk.example.com")
        );
        assert_eq!(
            ok("desk.example.com:8443").as_deref(),
            Some("https://desk.example.com:8443")
        );
        assert_eq!(
            ok("localhost:8750").as_deref(),
            Some("http://localhost:8750")
        );
        assert_eq!(
            ok("http://127.0.0.1:8750").as_deref(),
            Some("http://127.0.0.1:8750")
        );
        assert_eq!(
            ok("http://[::1]:8750").as_deref(),
            Some("http://[::1]:8750")
        );
        assert_eq!(ok("https://10.0.0.5").as_deref(), Some("https://10.0.0.5"));
        for insecure in [
            "http://desk.example.com",
            "http://10.0.0.5:8750",
            "HTTP://192.168.1.2",
        ] {
            let err = normalize_server_url(insecure).expect_err(insecure);
            assert_eq!(err.code, "insecure_server_url", "{insecure}");
            assert!(err.message.contains("https://"), "{}", err.message);
        }
    }
}
