//! Calls that need the access token, and the one-at-a-time token refresh.

use crate::client::{ApiClient, CallError};
use crate::error::{CoreResult, not_signed_in};
use crate::keychain;
use wpplay_domain::Code;
use wpplay_wire::ErrorBody;
use wpplay_wire::auth::{RefreshRequest, TokenResponse};

use super::state::Core;

impl Core {
    /// Runs a call with the access token, refreshing it once if it expired; records
    /// whether the server was reachable.
    pub(super) async fn authorized<T, F, Fut>(&self, call: F) -> CoreResult<T>
    where
        F: Fn(ApiClient, String) -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let (id, api, token) = {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            (s.id, s.api.clone(), s.access_token.clone())
        };
        let first = match token.clone() {
            Some(t) => call(api.clone(), t).await,
            None => Err(CallError::Answered(
                reqwest::StatusCode::UNAUTHORIZED,
                ErrorBody::new(Code::TokenExpired, "no access token yet"),
            )),
        };
        let result = match first {
            Err(e) if e.is_auth_expired() => match self.refresh(id, &api, token.as_deref()).await {
                Ok(t) => call(api.clone(), t).await,
                Err(e) => Err(e),
            },
            other => other,
        };
        let mut guard = self.session.write().await;
        if guard.as_ref().map(|s| s.id) != Some(id) {
            // Signed out or switched accounts meanwhile: this answer is of no use.
            return Err(not_signed_in());
        }
        let ended = matches!(&result, Err(e) if e.is_session_ended());
        if ended {
            // The server ended the session (signed out elsewhere, password changed): forget it.
            let deleted = matches!(&result, Err(e) if e.is_account_deleted());
            if let Some(s) = guard.take() {
                let _ = keychain::delete(&self.cfg.keychain_service, s.api.base(), &s.username);
                s.replica.close().await;
                drop(guard);
                self.changes.announce(crate::changes::Area::ALL);
                if deleted {
                    // The account is gone on the server: so is its copy here.
                    self.forget(s.api.base(), &s.username).await?;
                    let told = super::account_deleted(&s.username);
                    if let Ok(mut notice) = self.ended_notice.lock() {
                        *notice = Some(told.message.clone());
                    }
                    return Err(told);
                }
            }
            return Err(ErrorBody::new(
                Code::NotSignedIn,
                "The session has ended. Sign in again.",
            ));
        }
        if let Some(s) = guard.as_mut() {
            let online = !matches!(&result, Err(e) if e.is_unreachable());
            let last_error = result.as_ref().err().map(|e| e.clone().body());
            if s.online != online || s.last_error != last_error {
                self.changes.announce([crate::changes::Area::Sync]);
            }
            s.online = online;
            s.last_error = last_error;
        }
        result.map_err(CallError::body)
    }

    /// Trades the refresh token for a new access token, one refresh at a time. `failed` is
    /// the access token that was refused: if another call refreshed meanwhile, its new
    /// token is used instead of spending the (single-use) refresh token again.
    async fn refresh(
        &self,
        id: u64,
        api: &ApiClient,
        failed: Option<&str>,
    ) -> Result<String, CallError> {
        let _one = self.refreshing.lock().await;
        let (username, current, in_memory) = {
            let guard = self.session.read().await;
            let s = guard.as_ref().filter(|s| s.id == id).ok_or_else(|| {
                CallError::Answered(
                    reqwest::StatusCode::UNAUTHORIZED,
                    ErrorBody::new(Code::NotSignedIn, "Sign in first."),
                )
            })?;
            (
                s.username.clone(),
                s.access_token.clone(),
                s.refresh_token.clone(),
            )
        };
        if let Some(fresh) = current.filter(|c| Some(c.as_str()) != failed) {
            return Ok(fresh);
        }
        let refresh_token = match in_memory {
            Some(t) => t,
            None => match keychain::load(&self.cfg.keychain_service, api.base(), &username) {
                Ok(Some(t)) => t,
                Ok(None) => {
                    return Err(CallError::Answered(
                        reqwest::StatusCode::UNAUTHORIZED,
                        ErrorBody::new(Code::SessionEnded, "The session has ended. Sign in again."),
                    ));
                }
                Err(e) => {
                    // A locked or missing keychain is not the end of the session.
                    return Err(CallError::Answered(
                        reqwest::StatusCode::OK,
                        ErrorBody::new(
                            Code::KeychainUnavailable,
                            format!(
                                "The system keychain could not be read ({e}). Unlock it and sync again."
                            ),
                        ),
                    ));
                }
            },
        };
        let tokens: TokenResponse = api
            .post(
                "/api/v1/auth/refresh",
                None,
                &RefreshRequest { refresh_token },
            )
            .await?;
        self.keep_refresh_token(api.base(), &tokens);
        if let Some(s) = self.session.write().await.as_mut().filter(|s| s.id == id) {
            s.access_token = Some(tokens.access_token.clone());
            s.refresh_token = Some(tokens.refresh_token.clone());
            if s.must_change_password != tokens.must_change_password
                || s.second_factor_setup != tokens.second_factor_setup_required
            {
                self.changes.announce([crate::changes::Area::Session]);
            }
            s.must_change_password = tokens.must_change_password;
            s.second_factor_setup = tokens.second_factor_setup_required;
        }
        Ok(tokens.access_token)
    }
}
