//! HTTP handlers, one module per resource. Each is thin: extract, call, answer.

pub mod audit;
pub mod auth;
pub mod billing;
pub mod content;
pub mod desk;
pub mod desktop;
pub mod directory;
pub mod events;
pub mod health;
pub mod me;
pub mod metrics;
pub mod openapi;
pub mod operator;
pub mod packages;
pub mod payments;
pub mod registrations;
pub mod second_factor;
pub mod sessions;
pub mod sync;

/// A page's size from the query: `default` when not given; refused outside 1 to `max`.
pub(crate) fn page_size(
    limit: Option<u64>,
    default: u64,
    max: u64,
) -> crate::error::ApiResult<u64> {
    let limit = limit.unwrap_or(default);
    if (1..=max).contains(&limit) {
        Ok(limit)
    } else {
        Err(crate::error::ApiError::bad_request(
            wpplay_domain::Code::InvalidQuery,
            format!("'limit' must be between 1 and {max}."),
        ))
    }
}
