//! The HTTP client of the server's API. Maps every failure to `{code, message}`.

use crate::error::{CoreResult, offline};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;
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

    /// The server says the session is over: the refresh token is dead, or gone.
    pub fn is_session_ended(&self) -> bool {
        matches!(self, Self::Answered(StatusCode::UNAUTHORIZED, b) if b.code == "invalid_refresh_token" || b.code == "session_ended")
    }

    /// The access token is no longer accepted; a refresh may help.
    pub fn is_auth_expired(&self) -> bool {
        matches!(self, Self::Answered(StatusCode::UNAUTHORIZED, b) if b.code == "token_expired" || b.code == "invalid_token")
    }
}

/// Checks and normalises a server address the user typed: `http(s)://host[:port]`.
pub fn normalize_server_url(input: &str) -> CoreResult<String> {
    let trimmed = input.trim();
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("http://{trimmed}")
    };
    reqwest::Url::parse(&with_scheme)
        .ok()
        .filter(|u| {
            matches!(u.scheme(), "http" | "https") && u.path() == "/" && u.query().is_none()
        })
        .and_then(|u| {
            let host = u.host_str().filter(|h| !h.is_empty())?.to_owned();
            Some(match u.port() {
                Some(port) => format!("{}://{host}:{port}", u.scheme()),
                None => format!("{}://{host}", u.scheme()),
            })
        })
        .ok_or_else(|| {
            ErrorBody::new(
                "invalid_server_url",
                format!("'{trimmed}' is not a server address. Use one like http://127.0.0.1:8750."),
            )
        })
}

impl ApiClient {
    pub fn new(base: &str) -> CoreResult<Self> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(4))
            .timeout(Duration::from_secs(20))
            .build()
            .map_err(|e| {
                ErrorBody::new(
                    "http_client",
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
            .map_err(|_| CallError::Unreachable(offline(&self.base)))?;
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
                CallError::Answered(status, ErrorBody::new("unexpected_answer", format!("The server's answer was not understood ({e}). Is this a WP Play server?")))
            });
        }
        let body = serde_json::from_slice::<ErrorBody>(&bytes).unwrap_or_else(|_| {
            ErrorBody::new(
                "server_error",
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
                "server_error",
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
            .map_err(|_| CallError::Unreachable(offline(&self.base)))?;
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
                "server_error",
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
}
