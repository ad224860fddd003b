//! Two-factor sign-in in the app: the second step of a sign-in, and setting it up or
//! switching it off in Settings (needs the server). The secret is shown once, as text and
//! as a QR code drawn here, and kept nowhere on this computer: the keychain holds only
//! the refresh token.

use super::Core;
use crate::changes::Area;
use crate::client::{ApiClient, CallError, normalize_server_url};
use crate::commands::{DealerSecondFactorArgs, SecondFactorArgs, SecondFactorCodeArgs};
use crate::error::{CoreResult, not_signed_in};
use crate::view::{SecondFactorSetup, SessionView};
use wpplay_wire::auth::{
    DealerSecondFactorRule, SecondFactorCode, SecondFactorEnabled, SecondFactorEnrolment,
    SecondFactorRequest, SecondFactorStatus, TokenResponse,
};

impl Core {
    /// Finishes a sign-in that asked for a second factor: its challenge and the code from
    /// the authenticator app (or a recovery code).
    pub async fn second_factor_sign_in(&self, args: SecondFactorArgs) -> CoreResult<SessionView> {
        let server_url = normalize_server_url(&args.server_url)?;
        let api = ApiClient::new(&server_url, self.cfg.ca_file.as_deref())?;
        let tokens: TokenResponse = api
            .post(
                "/api/v1/auth/second-factor",
                None,
                &SecondFactorRequest {
                    challenge: args.challenge,
                    code: args.code.trim().to_owned(),
                },
            )
            .await
            .map_err(CallError::body)?;
        self.begin_session(&server_url, api, tokens).await
    }

    /// Whether two-factor sign-in is on, and what the account may do about it.
    pub async fn second_factor(&self) -> CoreResult<SecondFactorStatus> {
        self.authorized(|api, token| async move {
            api.get("/api/v1/auth/second-factor", Some(&token)).await
        })
        .await
    }

    /// Starts setting up: a new secret for the authenticator app, with its QR code.
    pub async fn enrol_second_factor(&self) -> CoreResult<SecondFactorSetup> {
        let e: SecondFactorEnrolment = self
            .authorized(|api, token| async move {
                api.post("/api/v1/auth/second-factor/enrol", Some(&token), &())
                    .await
            })
            .await?;
        Ok(SecondFactorSetup {
            qr_svg: qr_svg(&e.otpauth_uri),
            // Grouped by four, as it is typed into an app by hand.
            secret: e
                .secret
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            otpauth_uri: e.otpauth_uri,
        })
    }

    /// Confirms the new secret with its first code: the ten recovery codes, shown once.
    /// An account that had to set it up is now free to work (and syncs).
    pub async fn confirm_second_factor(
        &self,
        args: SecondFactorCodeArgs,
    ) -> CoreResult<SecondFactorEnabled> {
        let body = SecondFactorCode {
            code: args.code.trim().to_owned(),
        };
        let enabled: SecondFactorEnabled = self
            .authorized(|api, token| {
                let body = body.clone();
                async move {
                    api.post("/api/v1/auth/second-factor/confirm", Some(&token), &body)
                        .await
                }
            })
            .await?;
        let was_due = {
            let mut guard = self.session.write().await;
            let s = guard.as_mut().ok_or_else(not_signed_in)?;
            std::mem::replace(&mut s.second_factor_setup, false)
        };
        if was_due {
            self.changes.announce([Area::Session]);
            let _ = self.sync_now().await;
        }
        Ok(enabled)
    }

    /// Switches two-factor sign-in off, given a current code.
    pub async fn disable_second_factor(
        &self,
        args: SecondFactorCodeArgs,
    ) -> CoreResult<SecondFactorStatus> {
        let body = SecondFactorCode {
            code: args.code.trim().to_owned(),
        };
        self.authorized(|api, token| {
            let body = body.clone();
            async move {
                api.post::<_, ()>("/api/v1/auth/second-factor/disable", Some(&token), &body)
                    .await
            }
        })
        .await?;
        self.second_factor().await
    }

    /// A partner requires (or stops requiring) two-factor sign-in of its dealers.
    pub async fn set_dealer_second_factor(
        &self,
        args: DealerSecondFactorArgs,
    ) -> CoreResult<SecondFactorStatus> {
        let body = DealerSecondFactorRule {
            required: args.required,
        };
        self.authorized(|api, token| {
            let body = body.clone();
            async move {
                api.call(
                    reqwest::Method::PUT,
                    "/api/v1/partner/dealer-second-factor",
                    Some(&token),
                    Some(&body),
                )
                .await
            }
        })
        .await
    }
}

/// The QR code of `text` as an SVG image (black modules on white, with the quiet zone
/// scanners need); empty if it does not fit in a QR code.
fn qr_svg(text: &str) -> String {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M) else {
        return String::new();
    };
    let n = code.width();
    let size = n + 8;
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", i % n + 4, i / n + 4));
        }
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_an_svg_with_its_quiet_zone() {
        let svg = qr_svg("otpauth://totp/WP%20Play:ana?secret=ABC&issuer=WP%20Play");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert!(svg.contains("viewBox=\"0 0 "), "{svg}");
        assert!(svg.matches('M').count() > 100, "many dark modules");
    }
}
