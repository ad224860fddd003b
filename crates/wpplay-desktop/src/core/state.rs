//! What the core is made of: its set-up, the signed-in [`Session`] and the [`Core`] itself.
//! The behaviour lives beside it (`impl Core` blocks in the sibling modules), so every
//! sibling can name these types without importing the module that calls it.

use crate::changes::Changes;
use crate::client::ApiClient;
use crate::replica::Replica;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Duration;
use tokio::sync::{Mutex, Notify, RwLock};
use wpplay_domain::clock::Clock;
use wpplay_wire::ErrorBody;

/// How the core is set up.
#[derive(Clone)]
pub struct CoreConfig {
    /// Holds the replicas and the last-session file.
    pub data_dir: PathBuf,
    /// Pre-filled on the login screen.
    pub default_server_url: String,
    /// Where CSV exports are written (the user's Downloads folder in the app).
    pub export_dir: PathBuf,
    /// The keychain service name (tests use their own).
    pub keychain_service: String,
    /// Extra trusted CA certificates (PEM) for a server with a private CA
    /// (`WPPLAY_CA_FILE`).
    pub ca_file: Option<PathBuf>,
    /// How often to sync while nothing else asks for it.
    pub sync_interval: Duration,
    pub clock: Arc<dyn Clock>,
    /// The billing calendar's time zone (the server's), for when alerts are due.
    pub time_zone: chrono_tz::Tz,
    /// The operating system's locale (`sr_RS@latin`, `en_US.UTF-8`…), read by the shell:
    /// the app's language until the user chooses one.
    pub system_locale: String,
}

/// The signed-in account.
pub(crate) struct Session {
    /// Tells sessions apart: an answer for a session that was replaced meanwhile (sign-out,
    /// another account) must not touch the new one.
    pub(super) id: u64,
    pub(super) api: ApiClient,
    pub(super) username: String,
    pub(super) role: wpplay_wire::auth::Role,
    pub(super) must_change_password: bool,
    /// Two-factor sign-in must be set up before anything else.
    pub(super) second_factor_setup: bool,
    pub(super) access_token: Option<String>,
    /// The live refresh token; also in the keychain, but kept here in case the keychain
    /// refused the latest rotation.
    pub(super) refresh_token: Option<String>,
    pub(super) replica: Replica,
    pub(super) online: bool,
    pub(super) last_error: Option<ErrorBody>,
}

impl Session {
    /// Free to sync and work: the generated password replaced and, where required,
    /// two-factor sign-in set up.
    pub(super) fn ready(&self) -> bool {
        !self.must_change_password && !self.second_factor_setup
    }
}

/// The desktop core. Cheap to share: wrap it in an `Arc`.
pub struct Core {
    pub(super) cfg: CoreConfig,
    pub(super) session: RwLock<Option<Session>>,
    /// One sync round at a time.
    pub(super) syncing: Mutex<()>,
    /// One versioned edit at a time: its base version and its place in the outbox are
    /// decided together, so two quick edits of a row never name the same version.
    pub(super) editing: Mutex<()>,
    /// One token refresh at a time: refresh tokens are single-use.
    pub(super) refreshing: Mutex<()>,
    pub(super) next_session_id: AtomicU64,
    pub(super) wake: Notify,
    /// What the user must hear about the OS keychain (locked or missing), said once.
    pub(super) keychain_notice: std::sync::Mutex<Option<&'static str>>,
    /// Why the last session ended, when the user must be told (its account was deleted):
    /// said by the next `startup`.
    pub(super) ended_notice: std::sync::Mutex<Option<String>>,
    /// The language chosen in Settings, read from its file once and kept with each choice
    /// (the tray and the alerts ask for it on every change).
    pub(super) chosen_lang: std::sync::Mutex<Option<Option<wpplay_domain::lang::Lang>>>,
    /// Announces what the views show changed (see [`crate::changes`]).
    pub(super) changes: Changes,
}
