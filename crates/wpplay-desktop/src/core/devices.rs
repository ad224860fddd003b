//! Devices and sessions: where the signed-in account is signed in, and ending the ones
//! its owner does not recognise (needs the server).

use super::Core;
use crate::commands::SessionArgs;
use crate::error::CoreResult;
use reqwest::Method;
use wpplay_wire::auth::{SessionInfo, SessionsEnded};

impl Core {
    /// The account's signed-in sessions, this computer's marked `current`.
    pub async fn sessions(&self) -> CoreResult<Vec<SessionInfo>> {
        self.authorized(|api, token| async move { api.get("/api/v1/sessions", Some(&token)).await })
            .await
    }

    /// Ends one session (its device is signed out at once); the list as it is then.
    pub async fn end_session(&self, args: SessionArgs) -> CoreResult<Vec<SessionInfo>> {
        let path = format!("/api/v1/sessions/{}", args.session_id);
        self.authorized(|api, token| {
            let path = path.clone();
            async move {
                api.call::<(), ()>(Method::DELETE, &path, Some(&token), None)
                    .await
            }
        })
        .await?;
        self.sessions().await
    }

    /// Ends every session but this computer's; the list as it is then.
    pub async fn end_other_sessions(&self) -> CoreResult<Vec<SessionInfo>> {
        self.authorized(|api, token| async move {
            api.post::<_, SessionsEnded>("/api/v1/sessions/end-others", Some(&token), &())
                .await
        })
        .await?;
        self.sessions().await
    }
}
