//! Updating the app from its own WP Play server (`tauri-plugin-updater`).
//!
//! The app asks `GET {server}/api/v1/desktop/updates/{os}-{arch}-{installer}/{version}`
//! at start and daily, and when a sync says the app is outdated. A newer version is only
//! offered; installing waits for the user ("Install and restart"). The download is
//! verified against the public key built into the app (`tauri.conf.json`) before anything
//! is installed; the local replica and its waiting edits stay where they are and the new
//! version migrates them.
//!
//! Debug builds read two test switches, ignored by release builds:
//! `WPPLAY_DEBUG_UPDATER_PUBKEY` replaces the public key, and
//! `WPPLAY_DEBUG_UPDATE_NO_INSTALL=1` stops after the verified download (installing a
//! package needs privileges a test machine does not grant).

use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_updater::{Update, UpdaterExt};
use tokio::sync::Mutex;
use wpplay_desktop::Core;
use wpplay_desktop::view::{UpdateOffer, UpdateStatus};
use wpplay_wire::Code;
use wpplay_wire::ErrorBody;

/// How often a running app asks for a newer version.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// The update state the commands share.
#[derive(Default)]
pub struct Updates {
    inner: Mutex<State>,
}

#[derive(Default)]
struct State {
    status: UpdateStatus,
    /// The update found by the last check, ready to download.
    pending: Option<Update>,
}

/// `{os}-{arch}-{installer}` of this copy, or why it cannot update itself.
fn target() -> Result<String, String> {
    use tauri::utils::config::BundleType;
    use tauri::utils::platform::bundle_type;
    let os = match std::env::consts::OS {
        "linux" => "linux",
        "windows" => "windows",
        "macos" => "darwin",
        other => return Err(format!("updates are not offered for {other}")),
    };
    let installer = match bundle_type() {
        Some(BundleType::Deb) => "deb",
        Some(BundleType::Rpm) => "rpm",
        Some(BundleType::AppImage) => "appimage",
        Some(BundleType::Nsis) => "nsis",
        Some(BundleType::Msi) => "msi",
        Some(BundleType::App) | Some(BundleType::Dmg) => "app",
        _ => {
            return Err(
                "This copy was not installed from an installer, so it cannot update itself; install the app from your WP Play operator's installer to get updates."
                    .to_owned(),
            );
        }
    };
    Ok(format!("{os}-{}-{installer}", std::env::consts::ARCH))
}

fn error(code: Code, message: impl Into<String>) -> ErrorBody {
    ErrorBody::new(code, message.into())
}

/// The updater's failure in words the user can act on.
fn explain(e: &tauri_plugin_updater::Error) -> ErrorBody {
    use tauri_plugin_updater::Error as E;
    match e {
        E::Minisign(_) | E::SignatureUtf8(_) | E::Base64(_) => error(
            Code::UpdateSignatureInvalid,
            "The downloaded update is not signed by WP Play, so it was not installed. Your app is unchanged; tell your WP Play operator.",
        ),
        E::Reqwest(_) | E::Network(_) => error(
            Code::UpdateUnreachable,
            "The update could not be downloaded from your WP Play server. Check your connection and try again.",
        ),
        other => error(Code::UpdateFailed, format!("The update failed: {other}.")),
    }
}

impl Updates {
    pub async fn status(&self, app: &AppHandle) -> UpdateStatus {
        let mut state = self.inner.lock().await;
        state.status.current_version = app.package_info().version.to_string();
        if let Err(why) = target() {
            state.status.unavailable = Some(why);
        }
        state.status.clone()
    }

    /// Asks the server for a newer version now.
    pub async fn check(&self, app: &AppHandle, core: &Core) -> UpdateStatus {
        let found = self.ask(app, core).await;
        let mut state = self.inner.lock().await;
        match found {
            Ok(Some(update)) => {
                let offer = UpdateOffer {
                    version: update.version.clone(),
                    notes: update.body.clone().unwrap_or_default(),
                };
                tracing::info!(version = %offer.version, "a newer version is available");
                if state.status.offer.as_ref() != Some(&offer) {
                    let _ = app.emit("update-available", offer.clone());
                }
                state.status.offer = Some(offer);
                state.status.error = None;
                state.pending = Some(update);
            }
            Ok(None) => {
                state.status.offer = None;
                state.status.error = None;
                state.pending = None;
            }
            Err(e) => {
                tracing::info!(code = %e.code, "checking for updates failed");
                state.status.error = Some(e);
            }
        }
        drop(state);
        self.status(app).await
    }

    async fn ask(&self, app: &AppHandle, core: &Core) -> Result<Option<Update>, ErrorBody> {
        let target = target().map_err(|why| error(Code::UpdateUnavailable, why))?;
        let server = core.server_url().await.ok_or_else(|| {
            error(
                Code::UpdateUnavailable,
                "Choose your WP Play server first; updates come from it.",
            )
        })?;
        let version = app.package_info().version.to_string();
        let endpoint = format!("{server}/api/v1/desktop/updates/{target}/{version}")
            .parse()
            .map_err(|_| {
                error(
                    Code::UpdateUnavailable,
                    format!("{server} is not a usable address."),
                )
            })?;
        let mut builder = app
            .updater_builder()
            .endpoints(vec![endpoint])
            .map_err(|e| explain(&e))?
            .timeout(Duration::from_secs(120));
        if let Some(ca) = core.ca_file() {
            let pem = std::fs::read(ca).map_err(|e| {
                error(
                    Code::CaFileUnreadable,
                    format!("The certificate file {} cannot be read: {e}.", ca.display()),
                )
            })?;
            let certs = reqwest013::Certificate::from_pem_bundle(&pem).unwrap_or_default();
            builder = builder.configure_client(move |mut client| {
                for cert in &certs {
                    client = client.add_root_certificate(cert.clone());
                }
                client
            });
        }
        if cfg!(debug_assertions)
            && let Ok(key) = std::env::var("WPPLAY_DEBUG_UPDATER_PUBKEY")
        {
            builder = builder.pubkey(key);
        }
        let updater = builder.build().map_err(|e| explain(&e))?;
        updater.check().await.map_err(|e| explain(&e))
    }

    /// Downloads the offered version, verifies its signature, installs it and restarts.
    pub async fn install(&self, app: &AppHandle) -> UpdateStatus {
        let pending = self.inner.lock().await.pending.clone();
        let Some(update) = pending else {
            let mut state = self.inner.lock().await;
            state.status.error = Some(error(
                Code::NoUpdate,
                "There is no update to install right now; check again later.",
            ));
            drop(state);
            return self.status(app).await;
        };
        tracing::info!(version = %update.version, "downloading the update");
        let bytes = match update.download(|_, _| {}, || {}).await {
            Ok(bytes) => bytes,
            Err(e) => {
                let body = explain(&e);
                tracing::warn!(code = %body.code, error = %e, "the update was refused");
                self.inner.lock().await.status.error = Some(body);
                return self.status(app).await;
            }
        };
        tracing::info!(version = %update.version, bytes = bytes.len(), "the update is downloaded and its signature verified");
        if cfg!(debug_assertions) && std::env::var_os("WPPLAY_DEBUG_UPDATE_NO_INSTALL").is_some() {
            let mut state = self.inner.lock().await;
            state.status.verified_version = Some(update.version.clone());
            state.status.error = None;
            drop(state);
            return self.status(app).await;
        }
        if let Err(e) = update.install(bytes) {
            let body = explain(&e);
            tracing::warn!(code = %body.code, error = %e, "installing the update failed");
            self.inner.lock().await.status.error = Some(body);
            return self.status(app).await;
        }
        tracing::info!(version = %update.version, "the update is installed; restarting");
        app.restart();
    }
}

/// Checks at start (once the window had a moment) and then daily.
pub async fn check_forever(app: AppHandle, core: Arc<Core>) {
    tokio::time::sleep(Duration::from_secs(3)).await;
    loop {
        let updates = app.state::<Updates>();
        let _ = updates.check(&app, &core).await;
        tokio::time::sleep(EVERY).await;
    }
}
