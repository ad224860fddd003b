//! Request extractors whose failures are `{code, message}` errors, never plain text.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use wpplay_domain::Code;

/// A JSON body; malformed, oversized or mistyped bodies get a precise 4xx.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim().to_ascii_lowercase();
                mime == "application/json"
                    || (mime.starts_with("application/") && mime.ends_with("+json"))
            });
        if !is_json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Code::UnsupportedMediaType,
                "Send the request body as JSON with 'Content-Type: application/json'.",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    Code::PayloadTooLarge,
                    "The request body is too large.",
                )
            } else {
                ApiError::bad_request(Code::InvalidBody, "The request body could not be read.")
            }
        })?;
        // Two steps, so valid JSON of the wrong shape is never called "not valid JSON".
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| {
            ApiError::bad_request(Code::MalformedJson, "The request body is not valid JSON.")
        })?;
        // Every body of this API is an object: serde would otherwise read a struct from
        // an array of its fields in order (`[null, null]` as an empty change).
        if !value.is_object() {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Code::InvalidField,
                "The request body must be a JSON object.",
            ));
        }
        let parsed = serde_json::from_value(value).map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Code::InvalidField,
                format!("The request body does not have the expected fields: {e}"),
            )
        })?;
        Ok(Self(parsed))
    }
}

/// Query parameters; bad ones get `400 invalid_query`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Query(value) =
            axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Self(value))
    }
}

/// Path parameters; bad ones get `400 invalid_path`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(value) = axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map_err(|e| {
                ApiError::bad_request(
                    Code::InvalidPath,
                    format!("The address is not valid: {}", e.body_text()),
                )
            })?;
        Ok(Self(value))
    }
}
