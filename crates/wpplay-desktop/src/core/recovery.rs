//! "Forgot password?": a recovery code asked for by username or e-mail, then used with a
//! new password, which signs this device in (every other session of the account ends).

use super::state::Core;
use super::this_device;
use crate::client::{ApiClient, CallError, normalize_server_url};
use crate::commands::{RecoverPasswordArgs, RecoveryArgs};
use crate::error::CoreResult;
use crate::view::SessionView;
use wpplay_wire::auth::{
    RecoverPasswordRequest, RecoveryRequest, RecoveryRequested, TokenResponse,
};

impl Core {
    /// Asks the server to send a recovery code; the answer is the same for any login.
    pub async fn request_recovery(&self, args: RecoveryArgs) -> CoreResult<RecoveryRequested> {
        let server_url = normalize_server_url(&args.server_url)?;
        let api = ApiClient::new(&server_url, self.cfg.ca_file.as_deref())?;
        api.post(
            "/api/v1/auth/recovery",
            None,
            &RecoveryRequest {
                login: args.login.trim().to_owned(),
            },
        )
        .await
        .map_err(CallError::body)
    }

    /// Uses the code with a new password, and opens the session it answers.
    pub async fn recover_password(&self, args: RecoverPasswordArgs) -> CoreResult<SessionView> {
        let server_url = normalize_server_url(&args.server_url)?;
        let api = ApiClient::new(&server_url, self.cfg.ca_file.as_deref())?;
        let tokens: TokenResponse = api
            .post(
                "/api/v1/auth/recovery/confirm",
                None,
                &RecoverPasswordRequest {
                    login: args.login.trim().to_owned(),
                    code: args.code.trim().to_owned(),
                    new_password: args.new_password,
                    device: Some(this_device()),
                },
            )
            .await
            .map_err(CallError::body)?;
        self.begin_session(&server_url, api, tokens).await
    }
}
