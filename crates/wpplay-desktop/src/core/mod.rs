//! [`Core`]: the signed-in session, its replica, and every action the UI can take.
//!
//! This file holds the session's life (start-up, sign-in, password change, sign-out);
//! `tokens` the authorized calls and token refresh, `views` what the UI reads and edits,
//! `background` syncing.

mod alerts;
mod background;
mod billing;
mod dealers;
mod devices;
mod export;
mod live;
mod network;
mod operator;
mod recovery;
mod resellers;
mod second_factor;
mod state;
mod subscribers;
mod tokens;
mod tray;
mod views;

use state::Session;
pub use state::{Core, CoreConfig};
pub use tray::{TrayInputs, tray_model};
use wpplay_domain::Code;

use views::view_of;

use crate::changes::{Area, Changes};
use crate::client::{ApiClient, CallError, normalize_server_url};
use crate::commands::{
    ChangePasswordArgs, ForgetAccountArgs, FormArgs, LanguageArgs, LoginArgs, PasswordArgs,
    RegisterArgs, ServerArgs,
};
use crate::error::{CoreResult, local_storage, not_signed_in};
use crate::keychain;
use crate::replica::Replica;
use crate::session_file::{self, LastSession};
use crate::view::{
    FieldCheck, LanguageChoice, LanguageView, PasswordStrength, SessionView, StartupView,
};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{Mutex, Notify, RwLock};
use wpplay_domain::credentials::{Strength, strength};
use wpplay_domain::lang::Lang;
use wpplay_i18n::catalog::native_name;
use wpplay_i18n::{Later, args};
use wpplay_wire::ErrorBody;
use wpplay_wire::auth::{
    ChangePasswordRequest, Device, LoginRequest, Me, RefreshRequest, TokenResponse,
};
use wpplay_wire::packages::Package;
use wpplay_wire::registration::RegistrationResponse;
use wpplay_wire::sync::Mutation;

/// What the user is told when the keychain could not keep the sign-in (catalog id).
const KEYCHAIN_STORE_FAILED: &str = "keychain-store-failed";

/// What the user is told when the keychain could not give the sign-in back (catalog id).
const KEYCHAIN_LOAD_FAILED: &str = "keychain-load-failed";

/// This computer as the account's list of sessions shows it: its name, the operating
/// system and the app's version.
pub(crate) fn this_device() -> Device {
    let name: String = hostname::get()
        .map(|n| n.to_string_lossy().trim().to_owned())
        .ok()
        .filter(|n| !n.is_empty() && !n.chars().any(char::is_control))
        .unwrap_or_else(|| "desktop".to_owned())
        .chars()
        .take(100)
        .collect();
    Device {
        name,
        platform: std::env::consts::OS.to_owned(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
    }
}

impl Core {
    pub fn new(cfg: CoreConfig) -> Self {
        Self {
            cfg,
            session: RwLock::new(None),
            syncing: Mutex::new(()),
            editing: Mutex::new(()),
            refreshing: Mutex::new(()),
            next_session_id: AtomicU64::new(1),
            wake: Notify::new(),
            keychain_notice: std::sync::Mutex::new(None),
            ended_notice: std::sync::Mutex::new(None),
            chosen_lang: std::sync::Mutex::new(None),
            changes: Changes::new(),
        }
    }

    /// Where the core announces what changed: the shell forwards these to the window,
    /// the tray and the notification raiser.
    pub fn changes(&self) -> &Changes {
        &self.changes
    }

    /// Opens an account's replica, announcing its writes on the core's channel.
    async fn open_replica(&self, server_url: &str, username: &str) -> CoreResult<Replica> {
        Ok(Replica::open(&self.replica_path(server_url, username))
            .await?
            .announcing_to(self.changes.clone()))
    }

    /// A session just opened with fresh tokens from the server.
    fn signed_in(&self, api: ApiClient, tokens: TokenResponse, replica: Replica) -> Session {
        Session {
            id: self.new_session_id(),
            refresh_token: Some(tokens.refresh_token),
            api,
            username: tokens.username,
            role: tokens.role,
            must_change_password: tokens.must_change_password,
            second_factor_setup: tokens.second_factor_setup_required,
            access_token: Some(tokens.access_token),
            replica,
            online: true,
            last_error: None,
        }
    }

    pub(super) fn new_session_id(&self) -> u64 {
        self.next_session_id.fetch_add(1, Ordering::Relaxed)
    }

    fn language_path(&self) -> PathBuf {
        self.cfg.data_dir.join("language")
    }

    fn chosen_lang(&self) -> Option<Lang> {
        let read = || {
            std::fs::read_to_string(self.language_path())
                .ok()
                .and_then(|tag| Lang::parse(&tag))
        };
        match self.chosen_lang.lock() {
            Ok(mut kept) => *kept.get_or_insert_with(read),
            Err(_) => read(),
        }
    }

    /// The language the app speaks now (the tray, its own alerts).
    pub(crate) fn lang_now(&self) -> Lang {
        self.chosen_lang()
            .unwrap_or_else(|| Lang::from_locale(&self.cfg.system_locale))
    }

    /// The app's language: the one chosen in Settings, else the operating system's.
    pub async fn language(&self) -> CoreResult<LanguageView> {
        let chosen = self.chosen_lang();
        let lang = chosen.unwrap_or_else(|| Lang::from_locale(&self.cfg.system_locale));
        Ok(LanguageView {
            lang,
            chosen: chosen.is_some(),
            catalog: wpplay_i18n::catalog::ftl(lang),
            choices: Lang::ALL
                .into_iter()
                .map(|l| LanguageChoice {
                    lang: l,
                    name: wpplay_i18n::catalog::native_name(l).to_owned(),
                })
                .collect(),
        })
    }

    /// Chooses the app's language, kept on this computer for every account. Signed in,
    /// it becomes the account's language too (synced like any edit): what WP Play writes
    /// to the person, by e-mail, SMS and invoice, follows it.
    pub async fn set_language(&self, args: LanguageArgs) -> CoreResult<LanguageView> {
        crate::private_fs::write(&self.language_path(), args.lang.tag().as_bytes())
            .map_err(local_storage)?;
        if let Ok(mut kept) = self.chosen_lang.lock() {
            *kept = Some(Some(args.lang));
        }
        let m = Mutation::SetLanguage {
            language: args.lang.tag().to_owned(),
        };
        let summary = Later::new(
            "edit-language",
            args! {"language" => native_name(args.lang)},
        );
        match self.queue(&m, summary).await {
            Err(e) if e.code != Code::NotSignedIn => return Err(e),
            _ => {}
        }
        self.changes.announce(Area::ALL);
        self.language().await
    }

    fn last_session_path(&self) -> PathBuf {
        self.cfg.data_dir.join("last-session.json")
    }

    /// The replica of one account on one server: named by a hash of both, so no two
    /// accounts share a file (`shop.one` and `shop_one` once did) and the name reveals
    /// nothing. A replica under the older readable name is moved to it.
    fn replica_path(&self, server_url: &str, username: &str) -> PathBuf {
        let dir = self.cfg.data_dir.join("replicas");
        let path = dir.join(replica_file_name(server_url, username));
        let slug: String = format!("{server_url}-{username}")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let old = dir.join(format!("{slug}.sqlite"));
        if old.exists() && !path.exists() {
            for suffix in ["", "-wal", "-shm"] {
                let from = PathBuf::from(format!("{}{suffix}", old.display()));
                if from.exists()
                    && let Err(e) = std::fs::rename(&from, format!("{}{suffix}", path.display()))
                {
                    tracing::warn!(error = %e, "the replica could not be moved to its new name");
                }
            }
        }
        path
    }

    /// Removes what this computer keeps of an account: its replica files, its keychain
    /// entry, and the pre-filled sign-in if it names it. Answers whether a replica was
    /// there. Refused for the account signed in now (sign out first).
    pub async fn forget_account(&self, args: ForgetAccountArgs) -> CoreResult<bool> {
        self.forget(&args.server_url, &args.username).await
    }

    /// [`Core::forget_account`] by server and user name.
    pub(crate) async fn forget(&self, server_url: &str, username: &str) -> CoreResult<bool> {
        let server_url = normalize_server_url(server_url)?;
        let username = username.trim().to_lowercase();
        if let Some(s) = self.session.read().await.as_ref()
            && s.api.base() == server_url
            && s.username.to_lowercase() == username
        {
            return Err(ErrorBody::new(
                Code::SignedIn,
                "This account is signed in on this computer: sign out first, then remove its data.",
            ));
        }
        let path = self.replica_path(&server_url, &username);
        let existed = path.exists();
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            if let Err(e) = std::fs::remove_file(&file)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                return Err(crate::error::local_storage(e));
            }
        }
        if let Err(e) = keychain::delete(&self.cfg.keychain_service, &server_url, &username) {
            tracing::warn!(error = %e, "the keychain entry could not be removed");
        }
        let last = self.last_session_path();
        if session_file::read(&last)
            .is_some_and(|l| l.server_url == server_url && l.username.to_lowercase() == username)
        {
            let _ = std::fs::remove_file(&last);
        }
        Ok(existed)
    }

    /// At start: sign in silently with the keychain's refresh token, online or offline.
    pub async fn startup(&self) -> CoreResult<StartupView> {
        let last = session_file::read(&self.last_session_path());
        let mut view = StartupView {
            session: None,
            last_server_url: last.as_ref().map(|l| l.server_url.clone()),
            last_username: last.as_ref().map(|l| l.username.clone()),
            default_server_url: self.cfg.default_server_url.clone(),
            keychain_notice: None,
            account_notice: self.ended_notice.lock().ok().and_then(|mut n| n.take()),
        };
        if self.session.read().await.is_some() {
            view.session = self.session_view().await;
            return Ok(view);
        }
        let Some(last) = last else { return Ok(view) };
        let token =
            match keychain::load(&self.cfg.keychain_service, &last.server_url, &last.username) {
                Ok(Some(t)) => t,
                Ok(None) => return Ok(view),
                Err(e) => {
                    tracing::warn!(error = %e, "the keychain could not be read; sign in again");
                    self.keychain_says(KEYCHAIN_LOAD_FAILED);
                    view.keychain_notice = self.take_keychain_notice();
                    return Ok(view);
                }
            };
        let api = ApiClient::new(&last.server_url, self.cfg.ca_file.as_deref())?;
        let replica = self.open_replica(&last.server_url, &last.username).await?;
        let answer: Result<TokenResponse, CallError> = api
            .post(
                "/api/v1/auth/refresh",
                None,
                &RefreshRequest {
                    refresh_token: token.clone(),
                },
            )
            .await;
        let session = match answer {
            Ok(tokens) => {
                self.keep_refresh_token(&last.server_url, &tokens);
                self.signed_in(api, tokens, replica)
            }
            Err(e) if !e.is_session_ended() => Session {
                // Unreachable, or answering something other than "this session ended"
                // (a 503 while its database restarts, a captive portal): keep the session
                // and show the last known state; the next sync tries again.
                id: self.new_session_id(),
                refresh_token: Some(token),
                api,
                username: last.username.clone(),
                role: last.role,
                must_change_password: last.must_change_password,
                second_factor_setup: false,
                access_token: None,
                replica,
                online: false,
                last_error: Some(e.body()),
            },
            Err(e) if e.is_account_deleted() => {
                tracing::info!(
                    "the kept account was deleted on the server; its local data goes too"
                );
                replica.close().await;
                self.forget(&last.server_url, &last.username).await?;
                view.last_username = None;
                view.account_notice = Some(account_deleted(&last.username).message);
                return Ok(view);
            }
            Err(_) => {
                tracing::info!("the kept session has ended; sign in again");
                let _ =
                    keychain::delete(&self.cfg.keychain_service, &last.server_url, &last.username);
                replica.close().await;
                return Ok(view);
            }
        };
        *self.session.write().await = Some(session);
        self.changes.announce(Area::ALL);
        self.wake.notify_one();
        view.session = self.session_view().await;
        Ok(view)
    }

    /// The server this app talks to: the signed-in session's, else the last one used,
    /// else the pre-filled one. Updates are asked of it.
    pub async fn server_url(&self) -> Option<String> {
        if let Some(s) = self.session.read().await.as_ref() {
            return Some(s.api.base().to_owned());
        }
        session_file::read(&self.last_session_path())
            .map(|l| l.server_url)
            .or_else(|| normalize_server_url(&self.cfg.default_server_url).ok())
    }

    /// The CA file the app trusts besides the system's (`WPPLAY_CA_FILE`).
    pub fn ca_file(&self) -> Option<&std::path::Path> {
        self.cfg.ca_file.as_deref()
    }

    /// The packages a new partner can choose on `server_url`.
    pub async fn list_packages(&self, args: ServerArgs) -> CoreResult<Vec<Package>> {
        ApiClient::new(&args.server_url, self.cfg.ca_file.as_deref())?
            .get("/api/v1/packages", None)
            .await
            .map_err(CallError::body)
    }

    /// Registers a new partner; the credentials arrive by e-mail or SMS.
    pub async fn register(&self, args: RegisterArgs) -> CoreResult<RegistrationResponse> {
        ApiClient::new(&args.server_url, self.cfg.ca_file.as_deref())?
            .post("/api/v1/registrations", None, &args.form)
            .await
            .map_err(CallError::body)
    }

    /// Signs in, keeps the session in the keychain and fills the replica.
    pub async fn login(&self, args: LoginArgs) -> CoreResult<SessionView> {
        let server_url = normalize_server_url(&args.server_url)?;
        let api = ApiClient::new(&server_url, self.cfg.ca_file.as_deref())?;
        let tokens: TokenResponse = api
            .post(
                "/api/v1/auth/login",
                None,
                &LoginRequest {
                    username: args.username.trim().to_owned(),
                    password: args.password,
                    device: Some(this_device()),
                },
            )
            .await
            .map_err(CallError::body)?;
        self.begin_session(&server_url, api, tokens).await
    }

    /// Opens the session `tokens` started (a sign-in, a recovery): the refresh token to
    /// the keychain, the account's replica, a first sync.
    async fn begin_session(
        &self,
        server_url: &str,
        api: ApiClient,
        tokens: TokenResponse,
    ) -> CoreResult<SessionView> {
        let server_url = server_url.to_owned();
        if let Some(old) = self.session.write().await.take() {
            old.replica.close().await;
        }
        self.keep_refresh_token(&server_url, &tokens);
        self.remember(
            &server_url,
            &tokens.username,
            tokens.role,
            tokens.must_change_password,
        );
        let replica = self.open_replica(&server_url, &tokens.username).await?;
        let held = tokens.must_change_password || tokens.second_factor_setup_required;
        *self.session.write().await = Some(self.signed_in(api, tokens, replica));
        self.changes.announce(Area::ALL);
        if !held {
            let _ = self.sync_now().await;
        }
        self.session_view().await.ok_or_else(not_signed_in)
    }

    /// Replaces the password (required after the first sign-in).
    pub async fn change_password(&self, args: ChangePasswordArgs) -> CoreResult<SessionView> {
        let body = ChangePasswordRequest {
            current_password: args.current_password,
            new_password: args.new_password,
        };
        let _me: Me = self
            .authorized(|api, token| {
                let body = body.clone();
                async move { api.post("/api/v1/auth/password", Some(&token), &body).await }
            })
            .await?;
        let (server_url, username, role) = {
            let mut guard = self.session.write().await;
            let s = guard.as_mut().ok_or_else(not_signed_in)?;
            s.must_change_password = false;
            (s.api.base().to_owned(), s.username.clone(), s.role)
        };
        self.changes.announce([Area::Session]);
        self.remember(&server_url, &username, role, false);
        let _ = self.sync_now().await;
        self.session_view().await.ok_or_else(not_signed_in)
    }

    /// The strength of a password as the server's policy sees it.
    pub async fn password_strength(&self, args: PasswordArgs) -> CoreResult<PasswordStrength> {
        Ok(match strength(&args.password) {
            Strength::TooWeak => PasswordStrength::TooWeak,
            Strength::Fair => PasswordStrength::Fair,
            Strength::Strong => PasswordStrength::Strong,
        })
    }

    /// A form as typed, judged field by field by the domain's rules (see [`crate::forms`]).
    pub async fn check_form(&self, args: FormArgs) -> CoreResult<Vec<FieldCheck>> {
        let guard = self.session.read().await;
        let username = guard.as_ref().map_or("", |s| s.username.as_str());
        Ok(crate::forms::check(&args, username))
    }

    /// Signs out: ends the session on the server (if reachable) and forgets the token.
    pub async fn logout(&self) -> CoreResult<()> {
        // End the session on the server too, refreshing the access token if it expired, so
        // the refresh token dies there as well. Offline, only the local copy is forgotten.
        let ended_remotely: CoreResult<()> = self
            .authorized(|api, token| async move {
                api.post("/api/v1/auth/logout", Some(&token), &serde_json::json!({}))
                    .await
            })
            .await;
        if let Err(e) = ended_remotely {
            tracing::info!(code = %e.code, "the server session was not ended; the local one is");
        }
        let Some(s) = self.session.write().await.take() else {
            return Ok(());
        };
        if let Err(e) = keychain::delete(&self.cfg.keychain_service, s.api.base(), &s.username) {
            tracing::warn!(error = %e, "the session token could not be removed from the keychain");
        }
        s.replica.close().await;
        self.changes.announce(Area::ALL);
        Ok(())
    }

    pub(super) fn keep_refresh_token(&self, server_url: &str, tokens: &TokenResponse) {
        if let Err(e) = keychain::store(
            &self.cfg.keychain_service,
            server_url,
            &tokens.username,
            &tokens.refresh_token,
        ) {
            tracing::warn!(error = %e, "the session could not be kept in the keychain; the next start will ask to sign in");
            self.keychain_says(KEYCHAIN_STORE_FAILED);
        }
    }

    /// Remembers what to tell the user about the keychain; said once per problem.
    fn keychain_says(&self, id: &'static str) {
        if let Ok(mut notice) = self.keychain_notice.lock() {
            *notice = Some(id);
        }
    }

    /// The keychain notice in the app's language, if one waits; taking it means it has
    /// been said.
    pub(super) fn take_keychain_notice(&self) -> Option<String> {
        let id = self
            .keychain_notice
            .lock()
            .ok()
            .and_then(|mut n| n.take())?;
        Some(wpplay_i18n::text(self.lang_now(), id, None))
    }

    fn remember(
        &self,
        server_url: &str,
        username: &str,
        role: wpplay_wire::auth::Role,
        must_change_password: bool,
    ) {
        let last = LastSession {
            server_url: server_url.to_owned(),
            username: username.to_owned(),
            role,
            must_change_password,
        };
        if let Err(e) = session_file::write(&self.last_session_path(), &last) {
            tracing::warn!(error = %e, "the last session could not be remembered");
        }
    }

    pub(super) async fn session_view(&self) -> Option<SessionView> {
        self.session.read().await.as_ref().map(view_of)
    }
}

/// The replica file of `username` on `server_url`: a hash of both (128 bits, hex).
pub fn replica_file_name(server_url: &str, username: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{server_url}\n{}", username.to_lowercase()));
    format!("{}.sqlite", hex::encode(&digest[..16]))
}

/// What the user is told when the server deleted the account.
pub(crate) fn account_deleted(username: &str) -> ErrorBody {
    ErrorBody::new(
        Code::AccountDeleted,
        format!(
            "The account {username} no longer exists: WP Play deleted it 30 days after it stayed unpaid. Its data on this computer has been removed too."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::replica_file_name;

    #[test]
    fn replica_names_never_collide_and_reveal_nothing() {
        let url = "https://desk.wpplay.example";
        let a = replica_file_name(url, "shop.one");
        let b = replica_file_name(url, "shop_one");
        assert_ne!(a, b, "once these shared one file");
        assert_ne!(a, replica_file_name("https://other.example", "shop.one"));
        assert_eq!(
            a,
            replica_file_name(url, "Shop.One"),
            "usernames are case-insensitive"
        );
        assert!(
            !a.contains("shop") && a.len() == 32 + ".sqlite".len(),
            "{a}"
        );
    }
}
