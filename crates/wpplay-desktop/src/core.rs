//! [`Core`]: the signed-in session, its replica, and every action the UI can take.

use crate::client::{ApiClient, CallError, normalize_server_url};
use crate::commands::{
    ChangePasswordArgs, LoginArgs, MutationArgs, PasswordArgs, RegisterArgs, ServerArgs,
    UpdateProfileArgs,
};
use crate::error::{CoreResult, not_signed_in};
use crate::replica::Replica;
use crate::session_file::{self, LastSession};
use crate::view::{
    Dashboard, PasswordStrength, RejectedEdit, SessionView, StartupView, SubscriptionView,
    SyncStatus,
};
use crate::{keychain, sync};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, Notify, RwLock};
use wpplay_domain::ErrorCode;
use wpplay_domain::clock::Clock;
use wpplay_domain::credentials::{Strength, strength};
use wpplay_domain::lifecycle::{LifecycleFacts, days_left};
use wpplay_domain::registration::ProfileEdit;
use wpplay_wire::ErrorBody;
use wpplay_wire::auth::{ChangePasswordRequest, LoginRequest, Me, RefreshRequest, TokenResponse};
use wpplay_wire::packages::Package;
use wpplay_wire::registration::RegistrationResponse;
use wpplay_wire::sync::{Entity, Mutation, Profile};

/// How the core is set up.
#[derive(Clone)]
pub struct CoreConfig {
    /// Holds the replicas and the last-session file.
    pub data_dir: PathBuf,
    /// Pre-filled on the login screen.
    pub default_server_url: String,
    /// The keychain service name (tests use their own).
    pub keychain_service: String,
    /// How often to sync while nothing else asks for it.
    pub sync_interval: Duration,
    pub clock: Arc<dyn Clock>,
}

/// The signed-in account.
struct Session {
    /// Tells sessions apart: an answer for a session that was replaced meanwhile (sign-out,
    /// another account) must not touch the new one.
    id: u64,
    api: ApiClient,
    username: String,
    role: wpplay_wire::auth::Role,
    must_change_password: bool,
    access_token: Option<String>,
    /// The live refresh token; also in the keychain, but kept here in case the keychain
    /// refused the latest rotation.
    refresh_token: Option<String>,
    replica: Replica,
    online: bool,
    last_error: Option<ErrorBody>,
}

/// The desktop core. Cheap to share: wrap it in an `Arc`.
pub struct Core {
    cfg: CoreConfig,
    session: RwLock<Option<Session>>,
    /// One sync round at a time.
    syncing: Mutex<()>,
    /// One token refresh at a time: refresh tokens are single-use.
    refreshing: Mutex<()>,
    next_session_id: AtomicU64,
    wake: Notify,
}

impl Core {
    pub fn new(cfg: CoreConfig) -> Self {
        Self {
            cfg,
            session: RwLock::new(None),
            syncing: Mutex::new(()),
            refreshing: Mutex::new(()),
            next_session_id: AtomicU64::new(1),
            wake: Notify::new(),
        }
    }

    fn new_session_id(&self) -> u64 {
        self.next_session_id.fetch_add(1, Ordering::Relaxed)
    }

    fn last_session_path(&self) -> PathBuf {
        self.cfg.data_dir.join("last-session.json")
    }

    fn replica_path(&self, server_url: &str, username: &str) -> PathBuf {
        let slug: String = format!("{server_url}-{username}")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        self.cfg
            .data_dir
            .join("replicas")
            .join(format!("{slug}.sqlite"))
    }

    /// At start: sign in silently with the keychain's refresh token, online or offline.
    pub async fn startup(&self) -> CoreResult<StartupView> {
        let last = session_file::read(&self.last_session_path());
        let mut view = StartupView {
            session: None,
            last_server_url: last.as_ref().map(|l| l.server_url.clone()),
            last_username: last.as_ref().map(|l| l.username.clone()),
            default_server_url: self.cfg.default_server_url.clone(),
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
                    return Ok(view);
                }
            };
        let api = ApiClient::new(&last.server_url)?;
        let replica = Replica::open(&self.replica_path(&last.server_url, &last.username)).await?;
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
                Session {
                    id: self.new_session_id(),
                    refresh_token: Some(tokens.refresh_token),
                    api,
                    username: tokens.username,
                    role: tokens.role,
                    must_change_password: tokens.must_change_password,
                    access_token: Some(tokens.access_token),
                    replica,
                    online: true,
                    last_error: None,
                }
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
                access_token: None,
                replica,
                online: false,
                last_error: Some(e.body()),
            },
            Err(_) => {
                tracing::info!("the kept session has ended; sign in again");
                let _ =
                    keychain::delete(&self.cfg.keychain_service, &last.server_url, &last.username);
                replica.close().await;
                return Ok(view);
            }
        };
        *self.session.write().await = Some(session);
        self.wake.notify_one();
        view.session = self.session_view().await;
        Ok(view)
    }

    /// The packages a new partner can choose on `server_url`.
    pub async fn list_packages(&self, args: ServerArgs) -> CoreResult<Vec<Package>> {
        ApiClient::new(&args.server_url)?
            .get("/api/v1/packages", None)
            .await
            .map_err(CallError::body)
    }

    /// Registers a new partner; the credentials arrive by e-mail or SMS.
    pub async fn register(&self, args: RegisterArgs) -> CoreResult<RegistrationResponse> {
        ApiClient::new(&args.server_url)?
            .post("/api/v1/registrations", None, &args.form)
            .await
            .map_err(CallError::body)
    }

    /// Signs in, keeps the session in the keychain and fills the replica.
    pub async fn login(&self, args: LoginArgs) -> CoreResult<SessionView> {
        let server_url = normalize_server_url(&args.server_url)?;
        let api = ApiClient::new(&server_url)?;
        let tokens: TokenResponse = api
            .post(
                "/api/v1/auth/login",
                None,
                &LoginRequest {
                    username: args.username.trim().to_owned(),
                    password: args.password,
                },
            )
            .await
            .map_err(CallError::body)?;
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
        let replica = Replica::open(&self.replica_path(&server_url, &tokens.username)).await?;
        *self.session.write().await = Some(Session {
            id: self.new_session_id(),
            refresh_token: Some(tokens.refresh_token),
            api,
            username: tokens.username,
            role: tokens.role,
            must_change_password: tokens.must_change_password,
            access_token: Some(tokens.access_token),
            replica,
            online: true,
            last_error: None,
        });
        if !tokens.must_change_password {
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
        self.remember(&server_url, &username, role, false);
        let _ = self.sync_now().await;
        self.session_view().await.ok_or_else(not_signed_in)
    }

    /// The strength of a password as the server's policy sees it.
    pub fn password_strength(&self, args: &PasswordArgs) -> PasswordStrength {
        match strength(&args.password) {
            Strength::TooWeak => PasswordStrength::TooWeak,
            Strength::Fair => PasswordStrength::Fair,
            Strength::Strong => PasswordStrength::Strong,
        }
    }

    /// The dashboard, read from the replica with pending edits laid over it.
    pub async fn dashboard(&self) -> CoreResult<Dashboard> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let mut profile = None;
        let mut package = None;
        let mut subscription = None;
        for kind in ["profile", "package", "subscription"] {
            for e in s.replica.entities(kind).await? {
                match e {
                    Entity::Profile(p) => profile = Some(p),
                    Entity::Package(p) => package = Some(p),
                    Entity::Subscription(sub) => subscription = Some(sub),
                }
            }
        }
        if let Some(p) = profile.as_mut() {
            for pending in s.replica.pending().await? {
                overlay(p, &pending.mutation);
            }
        }
        let now = self.cfg.clock.now();
        // The state is recomputed from the facts with the local clock, so it stays right
        // offline: a trial that ended while the server was unreachable shows as locked.
        let subscription = subscription.map(|sub| {
            let facts = LifecycleFacts {
                trial_ends_at: sub.trial_ends_at,
                paid_through: sub.paid_through,
            };
            SubscriptionView {
                state: facts.state_at(now).as_str().to_owned(),
                days_left: days_left(facts.access_ends_at(), now),
                trial_ends_at: sub.trial_ends_at,
                paid_through: sub.paid_through,
            }
        });
        let sync = status_of(s).await?;
        Ok(Dashboard {
            session: view_of(s),
            profile,
            package,
            subscription,
            sync,
        })
    }

    /// Pushes waiting edits and pulls new changes now.
    pub async fn sync_now(&self) -> CoreResult<SyncStatus> {
        let _one = self.syncing.lock().await;
        let (replica, must_change) = {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            (s.replica.clone(), s.must_change_password)
        };
        if !must_change {
            let now = self.cfg.clock.now();
            let result = self
                .authorized(|api, token| {
                    let replica = replica.clone();
                    async move { sync::round(&api, &token, &replica, now).await }
                })
                .await;
            if let Err(e) = &result
                && e.code != "offline"
            {
                replica.set_error(Some(e)).await?;
            }
        }
        let guard = self.session.read().await;
        status_of(guard.as_ref().ok_or_else(not_signed_in)?).await
    }

    /// Edits the contact person and phone; works offline and syncs later.
    pub async fn update_profile(&self, args: UpdateProfileArgs) -> CoreResult<Dashboard> {
        let edit = ProfileEdit::validate(&args.contact_person, &args.phone)
            .map_err(|e| ErrorBody::new(e.code(), e.to_string()))?;
        {
            let guard = self.session.read().await;
            let s = guard.as_ref().ok_or_else(not_signed_in)?;
            let mutation = Mutation::UpdateProfile {
                contact_person: edit.contact_person,
                phone: edit.phone,
            };
            s.replica
                .enqueue(
                    &mutation,
                    "Profile: contact person and phone",
                    self.cfg.clock.now(),
                )
                .await?;
        }
        self.wake.notify_one();
        self.dashboard().await
    }

    /// Forgets a refused edit.
    pub async fn discard_rejected(&self, args: MutationArgs) -> CoreResult<SyncStatus> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        s.replica.discard(args.mutation_id).await?;
        status_of(s).await
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
        Ok(())
    }

    /// Syncs in the background: every `sync_interval`, at once when woken, and with
    /// exponential back-off and jitter while the server is unreachable.
    pub async fn run_background_sync(self: Arc<Self>) {
        let mut failures: u32 = 0;
        loop {
            let delay = if failures == 0 {
                self.cfg.sync_interval
            } else {
                let base = Duration::from_secs(1 << failures.min(6)).min(Duration::from_secs(60));
                let jitter = Duration::from_millis(u64::from(rand_jitter()) % 1000);
                base + jitter
            };
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(delay) => {}
            }
            let ready = self
                .session
                .read()
                .await
                .as_ref()
                .is_some_and(|s| !s.must_change_password);
            if !ready {
                continue;
            }
            match self.sync_now().await {
                Ok(status) if status.online => failures = 0,
                _ => failures = failures.saturating_add(1),
            }
        }
    }

    /// Asks the background loop to sync now.
    pub fn wake_sync(&self) {
        self.wake.notify_one();
    }

    /// Runs a call with the access token, refreshing it once if it expired; records
    /// whether the server was reachable.
    async fn authorized<T, F, Fut>(&self, call: F) -> CoreResult<T>
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
                ErrorBody::new("token_expired", "no access token yet"),
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
            if let Some(s) = guard.take() {
                let _ = keychain::delete(&self.cfg.keychain_service, s.api.base(), &s.username);
                s.replica.close().await;
            }
            return Err(ErrorBody::new(
                "not_signed_in",
                "The session has ended. Sign in again.",
            ));
        }
        if let Some(s) = guard.as_mut() {
            s.online = !matches!(&result, Err(e) if e.is_unreachable());
            s.last_error = result.as_ref().err().map(|e| e.clone().body());
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
                    ErrorBody::new("not_signed_in", "Sign in first."),
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
                        ErrorBody::new("session_ended", "The session has ended. Sign in again."),
                    ));
                }
                Err(e) => {
                    // A locked or missing keychain is not the end of the session.
                    return Err(CallError::Answered(
                        reqwest::StatusCode::OK,
                        ErrorBody::new(
                            "keychain_unavailable",
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
            s.must_change_password = tokens.must_change_password;
        }
        Ok(tokens.access_token)
    }

    fn keep_refresh_token(&self, server_url: &str, tokens: &TokenResponse) {
        if let Err(e) = keychain::store(
            &self.cfg.keychain_service,
            server_url,
            &tokens.username,
            &tokens.refresh_token,
        ) {
            tracing::warn!(error = %e, "the session could not be kept in the keychain; the next start will ask to sign in");
        }
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

    async fn session_view(&self) -> Option<SessionView> {
        self.session.read().await.as_ref().map(view_of)
    }
}

fn view_of(s: &Session) -> SessionView {
    SessionView {
        server_url: s.api.base().to_owned(),
        username: s.username.clone(),
        role: s.role,
        must_change_password: s.must_change_password,
    }
}

async fn status_of(s: &Session) -> CoreResult<SyncStatus> {
    let state = s.replica.state().await?;
    let rejected = s
        .replica
        .rejected()
        .await?
        .into_iter()
        .map(|r| RejectedEdit {
            mutation_id: r.mutation_id,
            summary: r.summary,
            code: r.reject_code.unwrap_or_default(),
            message: r.reject_message.unwrap_or_default(),
        })
        .collect();
    let last_error = s.last_error.clone().or_else(|| {
        state
            .last_error_code
            .clone()
            .map(|code| ErrorBody::new(code, state.last_error_message.clone().unwrap_or_default()))
    });
    Ok(SyncStatus {
        online: s.online,
        last_sync_at: state.last_sync_at,
        pending_changes: s.replica.pending_count().await?,
        rejected,
        last_error,
    })
}

/// Lays a pending edit over the profile the server last sent.
fn overlay(p: &mut Profile, m: &Mutation) {
    match m {
        Mutation::UpdateProfile {
            contact_person,
            phone,
        } => {
            p.contact_person.clone_from(contact_person);
            p.phone.clone_from(phone);
        }
    }
}

/// A little randomness for back-off jitter, without a random-number dependency.
fn rand_jitter() -> u32 {
    uuid::Uuid::new_v4().as_fields().0
}
