//! The desktop core, headless, against a real server over HTTP, with the real OS keychain
//! (Secret Service; the test command runs it inside a private D-Bus session with an
//! unlocked gnome-keyring).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wpplay_clock::SystemClock;
use wpplay_desktop::commands::{
    AddDealerArgs, AddStreamArgs, AddSubscriberArgs, AnswerRequestArgs, AuditArgs, AuditCsvRow,
    AuditExportArgs, ChangePasswordArgs, DealerPasswordArgs, DealerStatusArgs, DeleteDealerArgs,
    EditDealerArgs, EditSubscriberArgs, ExtendSubscriberArgs, ForgetAccountArgs, FormArgs,
    LanguageArgs, LoginArgs, MutationArgs, PartnerArgs, RecoverPasswordArgs, RecoveryArgs,
    RegisterArgs, RemoveResellerArgs, RequestArgs, RequestPartnerArgs, ResellerSettingsArgs,
    ServerArgs, SubscriberArgs, UpdateProfileArgs,
};
use wpplay_desktop::view::{
    DealerFilter, DealerQuery, DealerSort, LineView, Relation, RowSync, SubscriberPage,
    SubscriberQuery, SubscriberSort,
};
use wpplay_desktop::{Core, CoreConfig, keychain};
use wpplay_domain::lang::Lang;
use wpplay_server::Settings;
use wpplay_wire::dealers::DealerState;
use wpplay_wire::dealers::LineStatus;
use wpplay_wire::registration::{AccountKind, Channel, RegistrationRequest};
use wpplay_wire::resellers::{ContactVisibility, RequestStatus};

struct Server {
    url: String,
    addr: std::net::SocketAddr,
    data_dir: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl Server {
    async fn start(data_dir: &Path, addr: Option<std::net::SocketAddr>) -> Self {
        Self::start_with(data_dir, addr, |_| {}).await
    }

    async fn start_with(
        data_dir: &Path,
        addr: Option<std::net::SocketAddr>,
        tweak: impl FnOnce(&mut Settings),
    ) -> Self {
        let mut settings = Settings::load(None, |_| None).expect("settings");
        settings.data_dir = data_dir.to_owned();
        tweak(&mut settings);
        let listener = tokio::net::TcpListener::bind(
            addr.unwrap_or_else(|| "127.0.0.1:0".parse().expect("addr")),
        )
        .await
        .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(wpplay_server::launch_with_listener(
            settings,
            listener,
            async {
                let _ = rx.await;
            },
        ));
        let url = format!("http://{addr}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while reqwest::get(format!("{url}/healthz")).await.is_err() {
            assert!(Instant::now() < deadline, "server starts");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self {
            url,
            addr,
            data_dir: data_dir.to_owned(),
            stop: Some(tx),
            task: Some(task),
        }
    }

    async fn stop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.task.take() {
            t.await.expect("join").expect("server ran");
        }
    }

    async fn credentials(&self, recipient: &str) -> (String, String) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(dir) = std::fs::read_dir(self.data_dir.join("outbox")) {
                for e in dir.flatten() {
                    let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                    if text.contains(&format!("To: {recipient}")) {
                        let field = |name: &str| {
                            text.lines()
                                .find_map(|l| {
                                    l.trim().strip_prefix(name).map(|v| v.trim().to_owned())
                                })
                                .unwrap_or_else(|| panic!("{name} in {text}"))
                        };
                        return (field("Username:"), field("Password:"));
                    }
                }
            }
            assert!(
                Instant::now() < deadline,
                "the credentials reach the outbox"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The six-digit code of a password recovery message to `recipient`.
    async fn recovery_code(&self, recipient: &str) -> String {
        let outbox = self.data_dir.join("outbox");
        let mut code = None;
        eventually(
            &format!("a recovery code in {recipient}'s outbox"),
            async || {
                code = std::fs::read_dir(&outbox)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                    .filter(|t| t.contains(&format!("To: {recipient}")))
                    .find_map(|t| {
                        let at = t.find("Your code: ")? + "Your code: ".len();
                        Some(t[at..at + 6].to_owned())
                    });
                code.is_some()
            },
        )
        .await;
        code.expect("found above")
    }
}

fn core(data_dir: &Path, service: &str, server_url: &str) -> Arc<Core> {
    core_with_clock(data_dir, service, server_url, Arc::new(SystemClock))
}

fn core_with_clock(
    data_dir: &Path,
    service: &str,
    server_url: &str,
    clock: Arc<dyn wpplay_domain::clock::Clock>,
) -> Arc<Core> {
    Arc::new(Core::new(CoreConfig {
        ca_file: None,
        data_dir: data_dir.to_owned(),
        export_dir: data_dir.join("exports"),
        default_server_url: server_url.to_owned(),
        keychain_service: service.to_owned(),
        sync_interval: Duration::from_millis(300),
        clock,
        time_zone: chrono_tz::Europe::Belgrade,
        system_locale: "en_US.UTF-8".to_owned(),
    }))
}

#[tokio::test]
async fn the_language_follows_the_system_until_chosen_and_the_choice_is_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let with_locale = |locale: &str| {
        Core::new(CoreConfig {
            ca_file: None,
            data_dir: dir.path().to_owned(),
            export_dir: dir.path().join("exports"),
            default_server_url: "http://127.0.0.1:9".to_owned(),
            keychain_service: "wpplay-language-test".to_owned(),
            sync_interval: Duration::from_secs(60),
            clock: Arc::new(SystemClock),
            time_zone: chrono_tz::Europe::Belgrade,
            system_locale: locale.to_owned(),
        })
    };
    let app = with_locale("sr_RS.UTF-8@latin");
    let view = app.language().await.expect("language");
    assert_eq!((view.lang, view.chosen), (Lang::SrLatn, false));
    assert!(
        view.catalog.contains("nav-dashboard = Početna"),
        "the Latin catalog"
    );
    assert_eq!(view.choices.len(), 3);

    let view = app
        .set_language(LanguageArgs { lang: Lang::SrCyrl })
        .await
        .expect("choose");
    assert_eq!((view.lang, view.chosen), (Lang::SrCyrl, true));
    assert!(
        view.catalog.contains("Почетна"),
        "the catalog is transliterated"
    );
    // Chosen once, kept on this computer whatever the system says.
    let again = with_locale("en_US.UTF-8")
        .language()
        .await
        .expect("language");
    assert_eq!((again.lang, again.chosen), (Lang::SrCyrl, true));
}

/// The language the server keeps for `username`.
async fn server_language(server_dir: &Path, username: &str) -> String {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use wpplay_server::db::entity::account;
    let mut settings = Settings::load(None, |_| None).expect("settings");
    settings.data_dir = server_dir.to_owned();
    let now = wpplay_domain::clock::Clock::now(&SystemClock);
    let db = wpplay_server::db::connect(&settings.database_url(), now)
        .await
        .expect("the server's database");
    account::Entity::find()
        .filter(account::Column::Username.eq(username))
        .one(&db)
        .await
        .expect("query")
        .expect("the account")
        .language
}

/// Polls `f` until it is true.
async fn eventually(what: &str, f: impl AsyncFnMut() -> bool) {
    eventually_within(what, Duration::from_secs(20), f).await;
}

/// Polls `f` until it is true, for at most `limit`.
async fn eventually_within(what: &str, limit: Duration, mut f: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !f().await {
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_login_work_offline_and_resume_from_the_keychain() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    keychain::store(&service, "probe", "probe", "x").unwrap_or_else(|e| {
        panic!("the OS keychain is not available ({e}); run the tests through the README's test command, which starts a private D-Bus session with gnome-keyring")
    });
    keychain::delete(&service, "probe", "probe").expect("delete probe");

    let server_dir = tempfile::tempdir().expect("dir");
    let app_dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(app_dir.path(), &service, &server.url);

    let start = app.startup().await.expect("startup");
    assert!(
        start.session.is_none(),
        "nobody is signed in on a fresh install"
    );

    let packages = app
        .list_packages(ServerArgs {
            server_url: server.url.clone(),
        })
        .await
        .expect("packages");
    assert_eq!(packages.len(), 3);
    let bad = app
        .register(RegisterArgs {
            server_url: server.url.clone(),
            form: RegistrationRequest {
                role: None,
                package_id: Some(packages[0].id),
                company: "Desk TV".into(),
                contact_person: "Ana".into(),
                email: "not-an-email".into(),
                phone: "+381641234567".into(),
                country: "RS".into(),
                credential_delivery: Channel::Email,
                no_reseller_services: false,
                language: None,
            },
        })
        .await
        .expect_err("a bad e-mail is refused");
    assert_eq!(
        bad.code, "invalid_email",
        "the server's code reaches the UI: {bad:?}"
    );
    let receipt = app
        .register(RegisterArgs {
            server_url: server.url.clone(),
            form: RegistrationRequest {
                role: None,
                package_id: Some(packages[0].id),
                company: "Desk TV".into(),
                contact_person: "Ana".into(),
                email: "desk@acme.rs".into(),
                phone: "+381641234567".into(),
                country: "RS".into(),
                credential_delivery: Channel::Email,
                no_reseller_services: false,
                language: None,
            },
        })
        .await
        .expect("registered");
    assert_eq!(receipt.destination, "d***@acme.rs");

    let (username, password) = server.credentials("desk@acme.rs").await;
    let wrong = app
        .login(LoginArgs {
            server_url: server.url.clone(),
            username: username.clone(),
            password: "wrong-pass-1".into(),
        })
        .await
        .expect_err("wrong password");
    assert_eq!(wrong.code, "wrong_credentials");
    let session = app
        .login(LoginArgs {
            server_url: server.url.clone(),
            username: username.clone(),
            password: password.clone(),
        })
        .await
        .expect("login");
    assert!(
        session.must_change_password,
        "the generated password must be replaced first"
    );
    let token = keychain::load(&service, &server.url, &username).expect("keychain readable");
    assert!(token.is_some(), "the refresh token is in the keychain");
    assert!(
        !std::fs::read_to_string(app_dir.path().join("last-session.json"))
            .expect("file")
            .contains(&token.unwrap_or_default()),
        "never in a file"
    );

    let session = app
        .change_password(ChangePasswordArgs {
            current_password: password,
            new_password: "Desk-password-2026".into(),
        })
        .await
        .expect("password changed");
    assert!(!session.must_change_password);
    let dash = app.dashboard().await.expect("dashboard");
    let sub = dash
        .subscription
        .expect("subscription pulled into the replica");
    assert_eq!(
        (sub.state.as_str(), sub.days_left),
        ("trial", 14),
        "a new partner has 14 days"
    );
    assert_eq!(dash.package.expect("package").code, "starter");
    assert!(dash.sync.online && dash.sync.last_sync_at.is_some());

    // The account's sessions: this computer's, named by its host and operating system.
    let sessions = app.sessions().await.expect("sessions");
    let current: Vec<_> = sessions.iter().filter(|s| s.current).collect();
    assert_eq!(current.len(), 1, "{sessions:?}");
    let device = current[0]
        .device
        .as_ref()
        .expect("the app names its device");
    assert_eq!(device.platform, std::env::consts::OS);
    assert_eq!(device.app_version, env!("CARGO_PKG_VERSION"));
    assert!(!device.name.is_empty());

    // The language chosen in the app becomes the account's: what WP Play writes to this
    // person (e-mail, SMS, invoices) follows it.
    app.set_language(LanguageArgs { lang: Lang::SrLatn })
        .await
        .expect("choose");
    app.sync_now().await.expect("sync the choice");
    assert_eq!(
        server_language(&server.data_dir, &username).await,
        "sr-Latn"
    );
    app.set_language(LanguageArgs { lang: Lang::En })
        .await
        .expect("choose again");
    app.sync_now().await.expect("sync the choice");
    assert_eq!(server_language(&server.data_dir, &username).await, "en");

    // Offline: the server goes away; the dashboard still shows the last known state and
    // an edit waits in the outbox.
    let background = tokio::spawn(app.clone().run_background_sync());
    server.stop().await;
    let bad_edit = app
        .update_profile(UpdateProfileArgs {
            contact_person: "Ana".into(),
            phone: "nope".into(),
        })
        .await
        .expect_err("validated locally");
    assert_eq!(bad_edit.code, "invalid_phone");
    let dash = app
        .update_profile(UpdateProfileArgs {
            contact_person: "Ana Offline".into(),
            phone: "+381 11 555 0000".into(),
        })
        .await
        .expect("an edit works offline");
    assert_eq!(dash.sync.pending_changes, 1, "the edit waits to sync");
    assert_eq!(
        dash.profile.as_ref().map(|p| p.contact_person.as_str()),
        Some("Ana Offline"),
        "and shows at once"
    );
    eventually("the app notices it is offline", async || {
        !app.dashboard().await.expect("dash").sync.online
    })
    .await;
    let dash = app.dashboard().await.expect("dashboard offline");
    assert_eq!(
        dash.subscription.map(|s| s.days_left),
        Some(14),
        "the last known state stays visible"
    );

    // The app restarts while offline: it opens the replica and shows the dashboard.
    background.abort();
    drop(app);
    let app = core(app_dir.path(), &service, &server.url);
    let start = app.startup().await.expect("startup offline");
    assert_eq!(
        start.session.as_ref().map(|s| s.username.as_str()),
        Some(username.as_str()),
        "signed in from the keychain while offline"
    );
    assert_eq!(
        app.dashboard().await.expect("dash").sync.pending_changes,
        1,
        "the queued edit survived the restart"
    );

    // The server comes back on the same address: the edit syncs exactly once.
    let mut server = Server::start(server_dir.path(), Some(server.addr)).await;
    let status = app.sync_now().await.expect("sync");
    assert!(status.online, "{status:?}");
    assert_eq!(status.pending_changes, 0, "the edit was accepted");
    let dash = app.dashboard().await.expect("dash");
    let profile = dash.profile.expect("profile");
    assert_eq!(
        (profile.contact_person.as_str(), profile.phone.as_str()),
        ("Ana Offline", "+381115550000"),
        "the server's normalised values"
    );

    // The server's feed no longer reaches the local cursor (as after a restore): the next
    // sync starts over from the beginning instead of failing forever.
    let replica_file = std::fs::read_dir(app_dir.path().join("replicas"))
        .expect("replicas folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .expect("a replica file");
    let raw = sea_orm::Database::connect(format!("sqlite://{}", replica_file.display()))
        .await
        .expect("open replica");
    sea_orm::ConnectionTrait::execute_unprepared(&raw, "UPDATE sync_state SET cursor = 99999")
        .await
        .expect("move the cursor");
    raw.close().await.expect("close");
    let status = app.sync_now().await.expect("sync after the feed moved");
    assert!(
        status.online && status.last_error.is_none(),
        "a full resync, not an error: {status:?}"
    );
    let dash = app.dashboard().await.expect("dash");
    assert_eq!(
        dash.profile.map(|p| p.contact_person),
        Some("Ana Offline".to_owned()),
        "the replica was filled again"
    );
    assert_eq!(dash.subscription.map(|s| s.days_left), Some(14));

    // Another start signs in silently (online); sign-out removes the keychain entry.
    let app2 = core(app_dir.path(), &service, &server.url);
    let start = app2.startup().await.expect("startup");
    assert!(
        start.session.is_some(),
        "a restart signs in silently with the keychain"
    );
    let kept = keychain::load(&service, &server.url, &username)
        .expect("keychain")
        .expect("a kept token");
    app2.logout().await.expect("logout");
    let refreshed = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/refresh", server.url))
        .json(&serde_json::json!({"refresh_token": kept}))
        .send()
        .await
        .expect("server reachable");
    assert_eq!(
        refreshed.status(),
        reqwest::StatusCode::UNAUTHORIZED,
        "sign-out ended the session on the server too"
    );
    assert_eq!(
        keychain::load(&service, &server.url, &username).expect("keychain"),
        None,
        "sign-out deletes the token"
    );
    let app3 = core(app_dir.path(), &service, &server.url);
    let start = app3.startup().await.expect("startup");
    assert!(
        start.session.is_none(),
        "after sign-out the app asks to sign in"
    );
    assert_eq!(
        start.last_username.as_deref(),
        Some(username.as_str()),
        "with the username pre-filled"
    );
    server.stop().await;
}

/// Registers a partner through `app`, signs in and replaces the generated password.
async fn ready_partner(app: &Core, server: &Server, email: &str) -> (String, String) {
    ready_account(app, server, email, "Dealer Net", None).await
}

/// Registers an account (a partner with a package, or a reseller), signs in and replaces
/// the generated password.
async fn ready_account(
    app: &Core,
    server: &Server,
    email: &str,
    company: &str,
    role: Option<AccountKind>,
) -> (String, String) {
    ready_account_on(app, server, email, company, role, "business").await
}

/// [`ready_account`] on the package with code `package` (for a partner).
async fn ready_account_on(
    app: &Core,
    server: &Server,
    email: &str,
    company: &str,
    role: Option<AccountKind>,
    package: &str,
) -> (String, String) {
    let packages = app
        .list_packages(ServerArgs {
            server_url: server.url.clone(),
        })
        .await
        .expect("packages");
    let package = packages
        .iter()
        .find(|p| p.code == package)
        .unwrap_or_else(|| panic!("the package {package} is on offer: {packages:?}"));
    let reseller = role == Some(AccountKind::Reseller);
    app.register(RegisterArgs {
        server_url: server.url.clone(),
        form: RegistrationRequest {
            role,
            package_id: (!reseller).then_some(package.id),
            company: company.into(),
            contact_person: "Ana".into(),
            email: email.into(),
            phone: "+381641234567".into(),
            country: "RS".into(),
            credential_delivery: Channel::Email,
            no_reseller_services: false,
            language: None,
        },
    })
    .await
    .expect("registered");
    let (username, password) = server.credentials(email).await;
    app.login(LoginArgs {
        server_url: server.url.clone(),
        username: username.clone(),
        password: password.clone(),
    })
    .await
    .expect("login");
    let new_password = "Dealer-Net-2026".to_owned();
    app.change_password(ChangePasswordArgs {
        current_password: password,
        new_password: new_password.clone(),
    })
    .await
    .expect("changed");
    (username, new_password)
}

fn all_dealers() -> DealerQuery {
    DealerQuery {
        search: String::new(),
        status: None,
        sort: DealerSort::Name,
        descending: false,
        page: 0,
        page_size: 100,
    }
}

fn new_dealer(name: &str, username: &str) -> AddDealerArgs {
    AddDealerArgs {
        display_name: name.into(),
        contact_email: None,
        contact_phone: Some("+381 11 222 3333".into()),
        username: username.into(),
        password: "Dealer-pass-2026".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dealer_edits_work_offline_and_sync_with_refusals_and_conflicts() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let (dir1, dir2) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(dir1.path(), &service, &server.url);
    let (username, password) = ready_partner(&app, &server, "net@acme.rs").await;

    // Offline: every dealer edit is queued, shown at once with its waiting mark.
    server.stop().await;
    let alpha = app
        .add_dealer(new_dealer("Alpha Shop", "alpha.shop"))
        .await
        .expect("added offline");
    let beta = app
        .add_dealer(new_dealer("Beta Shop", "beta.shop"))
        .await
        .expect("added offline");
    assert_eq!(alpha.sync, RowSync::Pending);
    let bad = app.add_dealer(new_dealer("Weak", "weak.one")).await;
    assert!(bad.is_ok(), "a valid add works offline");
    let weak = app
        .add_dealer(AddDealerArgs {
            password: "short".into(),
            ..new_dealer("X", "x.dealer")
        })
        .await
        .expect_err("checked locally");
    assert_eq!(weak.code, "password_too_weak");
    let own = app
        .check_form(FormArgs::NewPassword {
            current_password: password.clone(),
            new_password: format!("X-{}-9", username.to_uppercase()),
        })
        .await
        .expect("checked offline");
    assert_eq!(
        own[0].problem.as_ref().map(|p| p.code.as_str()),
        Some("password_too_weak"),
        "the form check knows who is signed in: a new password must not contain its username"
    );
    app.set_dealer_status(DealerStatusArgs {
        dealer_id: alpha.id.clone(),
        status: DealerState::Inactive,
    })
    .await
    .expect("status offline");
    app.edit_dealer(EditDealerArgs {
        dealer_id: beta.id.clone(),
        display_name: "Beta Shop 2".into(),
        contact_email: Some("beta@shop.rs".into()),
        contact_phone: None,
    })
    .await
    .expect("edit offline");
    let weak_reset = app
        .reset_dealer_password(DealerPasswordArgs {
            dealer_id: beta.id.clone(),
            password: "my-BETA.SHOP-1".into(),
        })
        .await
        .expect_err("checked locally against the dealer's username");
    assert_eq!(weak_reset.code, "password_too_weak");
    let reset = app
        .reset_dealer_password(DealerPasswordArgs {
            dealer_id: beta.id.clone(),
            password: "Beta-reset-2027".into(),
        })
        .await
        .expect("a new password offline");
    assert_eq!(reset.sync, RowSync::Pending, "waiting to be sent");
    let page = app.list_dealers(all_dealers()).await.expect("list");
    assert_eq!(page.total, 3);
    let row = |p: &wpplay_desktop::view::DealerPage, id: &str| {
        p.rows.iter().find(|r| r.id == id).cloned().expect("row")
    };
    assert_eq!(
        (row(&page, &alpha.id).status, row(&page, &alpha.id).sync),
        (DealerState::Inactive, RowSync::Pending)
    );
    assert_eq!(row(&page, &beta.id).display_name, "Beta Shop 2");
    assert!(
        !std::fs::read(app_replica(dir1.path()))
            .expect("replica")
            .windows(16)
            .any(|w| w == b"Dealer-pass-2026"),
        "the clear password never reaches the disk"
    );

    // Back online: everything syncs, exactly as queued.
    let mut server = Server::start(server_dir.path(), Some(server.addr)).await;
    let status = app.sync_now().await.expect("sync");
    assert_eq!(
        (status.online, status.pending_changes),
        (true, 0),
        "{status:?}"
    );
    let page = app.list_dealers(all_dealers()).await.expect("list");
    assert!(
        page.rows.iter().all(|r| r.sync == RowSync::Synced),
        "{:?}",
        page.rows
    );
    assert_eq!(row(&page, &alpha.id).status, DealerState::Inactive);
    assert_eq!(
        row(&page, &beta.id).contact_email.as_deref(),
        Some("beta@shop.rs")
    );
    let dealer_dir = tempfile::tempdir().expect("dir");
    let dealer_app = core(dealer_dir.path(), &format!("{service}-dealer"), &server.url);
    let sign_in = |password: &str| LoginArgs {
        server_url: server.url.clone(),
        username: "beta.shop".into(),
        password: password.into(),
    };
    let old = dealer_app
        .login(sign_in("Dealer-pass-2026"))
        .await
        .expect_err("the password it was added with no longer works");
    assert_eq!(old.code, "wrong_credentials");
    dealer_app
        .login(sign_in("Beta-reset-2027"))
        .await
        .expect("the dealer signs in with the new password");
    dealer_app.logout().await.expect("sign out");

    // A refusal surfaces on its row and does not block the edits after it.
    let taken = app
        .add_dealer(new_dealer("Taken", &username))
        .await
        .expect("queued");
    let after = app
        .add_dealer(new_dealer("After", "after.shop"))
        .await
        .expect("queued");
    app.sync_now().await.expect("sync");
    let page = app.list_dealers(all_dealers()).await.expect("list");
    let refused = row(&page, &taken.id);
    assert_eq!(refused.sync, RowSync::Rejected);
    assert_eq!(
        refused.problem.as_ref().map(|p| p.code.as_str()),
        Some("dealer_username_taken"),
        "with the server's reason"
    );
    assert_eq!(
        row(&page, &after.id).sync,
        RowSync::Synced,
        "the next edit went through"
    );
    app.discard_rejected(MutationArgs {
        mutation_id: refused.problem.expect("problem").mutation_id,
    })
    .await
    .expect("discard");
    assert!(
        app.list_dealers(all_dealers())
            .await
            .expect("list")
            .rows
            .iter()
            .all(|r| r.id != taken.id),
        "discarded"
    );

    // Two devices edit the same dealer: the server keeps the first, the second sees a conflict.
    let other = core(dir2.path(), &format!("{service}-2"), &server.url);
    other
        .login(LoginArgs {
            server_url: server.url.clone(),
            username: username.clone(),
            password,
        })
        .await
        .expect("second device");
    other
        .edit_dealer(EditDealerArgs {
            dealer_id: beta.id.clone(),
            display_name: "Beta (device 2)".into(),
            contact_email: None,
            contact_phone: None,
        })
        .await
        .expect("edit");
    other.sync_now().await.expect("sync");
    app.edit_dealer(EditDealerArgs {
        dealer_id: beta.id.clone(),
        display_name: "Beta (device 1)".into(),
        contact_email: None,
        contact_phone: None,
    })
    .await
    .expect("edit");
    app.sync_now().await.expect("sync");
    let mine = row(
        &app.list_dealers(all_dealers()).await.expect("list"),
        &beta.id,
    );
    assert_eq!(
        mine.display_name, "Beta (device 2)",
        "not silently overwritten either way"
    );
    assert_eq!(
        mine.problem.map(|p| p.code),
        Some(wpplay_domain::Code::VersionConflict),
        "the loser is shown as a conflict"
    );

    // Delete names the subscriber count it confirmed.
    let wrong = app
        .delete_dealer(DeleteDealerArgs {
            dealer_id: after.id.clone(),
            subscriber_count: 3,
        })
        .await
        .expect_err("count checked");
    assert_eq!(wrong.code, "subscriber_count_changed");
    app.delete_dealer(DeleteDealerArgs {
        dealer_id: after.id.clone(),
        subscriber_count: 0,
    })
    .await
    .expect("delete");
    app.sync_now().await.expect("sync");
    other.sync_now().await.expect("sync");
    for device in [&app, &other] {
        let ids: Vec<String> = device
            .list_dealers(all_dealers())
            .await
            .expect("list")
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert!(!ids.contains(&after.id), "deleted on both devices: {ids:?}");
    }
    server.stop().await;
}

fn app_replica(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir.join("replicas"))
        .expect("replicas")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .expect("replica file")
}

fn lines(dealer: Option<DealerFilter>) -> SubscriberQuery {
    SubscriberQuery {
        search: String::new(),
        state: None,
        dealer,
        sort: SubscriberSort::Name,
        descending: false,
        page: 0,
        page_size: 100,
    }
}

fn new_line(dealer_id: Option<&str>, name: &str, mac: &str) -> AddSubscriberArgs {
    AddSubscriberArgs {
        dealer_id: dealer_id.map(str::to_owned),
        name: name.into(),
        line_username: name.to_lowercase().replace(' ', "."),
        mac: mac.into(),
        days: 30,
    }
}

/// The data rows of an exported CSV (header and byte order mark checked, then dropped).
fn csv_rows(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("the export exists");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("UTF-8 BOM for spreadsheets");
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    assert_eq!(lines.pop().as_deref(), Some(""), "ends with CRLF");
    assert!(lines[0].starts_with("Name,"), "header first: {}", lines[0]);
    lines.remove(0);
    lines
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribers_work_offline_export_exactly_the_view_and_a_dealer_sees_only_its_own() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let (dir1, dir2) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(dir1.path(), &service, &server.url);
    ready_partner(&app, &server, "lines@acme.rs").await;
    let alpha = app
        .add_dealer(new_dealer("Alpha Shop", "alpha.lines"))
        .await
        .expect("dealer");
    let own = app
        .add_subscriber(new_line(None, "Hotel Lobby", "00:1a:2b:3c:4d:01"))
        .await
        .expect("own line");
    let a1 = app
        .add_subscriber(new_line(
            Some(&alpha.id),
            "Marko Petrovic",
            "00-1A-2B-3C-4D-02",
        ))
        .await
        .expect("alpha's line");
    assert_eq!(a1.mac, "00:1A:2B:3C:4D:02", "normalised at once");
    app.sync_now().await.expect("sync");

    // Offline: add, edit, extend, and a dealer switched off suspends its lines at once.
    server.stop().await;
    let a2 = app
        .add_subscriber(new_line(Some(&alpha.id), "Jelena Ilic", "001a.2b3c.4d03"))
        .await
        .expect("added offline");
    assert_eq!(
        (a2.sync, a2.dealer_name.as_deref()),
        (RowSync::Pending, Some("Alpha Shop"))
    );
    let taken = app
        .add_subscriber(new_line(None, "Copy", "00:1A:2B:3C:4D:03"))
        .await
        .expect_err("the MAC is checked here too");
    assert_eq!(taken.code, "mac_taken");
    let bad = app
        .add_subscriber(new_line(None, "Bad", "00:1A:2B"))
        .await
        .expect_err("checked locally");
    assert_eq!(bad.code, "invalid_mac");
    let before = app
        .list_subscribers(lines(None))
        .await
        .expect("list")
        .rows
        .into_iter()
        .find(|r| r.id == a1.id)
        .expect("a1");
    let extended = app
        .extend_subscriber(ExtendSubscriberArgs {
            subscriber_id: a1.id.clone(),
            days: 90,
        })
        .await
        .expect("extend offline");
    assert_eq!(
        (extended.expires_at - before.expires_at).num_days(),
        90,
        "from the old expiry, which is later than now"
    );
    app.edit_subscriber(EditSubscriberArgs {
        subscriber_id: own.id.clone(),
        name: "Hotel Lobby TV".into(),
        line_username: "hotel.lobby".into(),
        mac: own.mac.clone(),
        status: LineStatus::Disabled,
    })
    .await
    .expect("edit offline");
    app.set_dealer_status(DealerStatusArgs {
        dealer_id: alpha.id.clone(),
        status: DealerState::Inactive,
    })
    .await
    .expect("deactivate offline");
    let page = app.list_subscribers(lines(None)).await.expect("list");
    let state = |p: &SubscriberPage, id: &str| {
        p.rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| (r.state, r.sync))
            .expect("row")
    };
    assert_eq!(state(&page, &a1.id).0, LineView::Suspended);
    assert_eq!(state(&page, &a2.id).0, LineView::Suspended);
    assert_eq!(
        state(&page, &own.id),
        (LineView::Disabled, RowSync::Pending)
    );
    assert_eq!((page.suspended, page.disabled, page.active), (2, 1, 0));
    let alphas = app
        .list_subscribers(lines(Some(DealerFilter::Dealer(alpha.id.clone()))))
        .await
        .expect("list");
    assert_eq!(alphas.total, 2, "the dealer filter");
    assert_eq!(
        app.list_subscribers(lines(Some(DealerFilter::Own)))
            .await
            .expect("list")
            .total,
        1
    );

    // Back online: everything syncs; reactivating brings the lines back as they were.
    let mut server = Server::start(server_dir.path(), Some(server.addr)).await;
    let status = app.sync_now().await.expect("sync");
    assert_eq!(
        (status.online, status.pending_changes),
        (true, 0),
        "{status:?}"
    );
    app.set_dealer_status(DealerStatusArgs {
        dealer_id: alpha.id.clone(),
        status: DealerState::Active,
    })
    .await
    .expect("reactivate");
    app.sync_now().await.expect("sync");
    let page = app.list_subscribers(lines(None)).await.expect("list");
    assert!(
        page.rows.iter().all(|r| r.sync == RowSync::Synced),
        "{:?}",
        page.rows
    );
    assert_eq!(state(&page, &a1.id).0, LineView::Active);
    assert_eq!(
        state(&page, &own.id).0,
        LineView::Disabled,
        "its own setting kept"
    );
    let synced_a1 = page.rows.iter().find(|r| r.id == a1.id).expect("a1");
    assert_eq!(
        (synced_a1.expires_at - before.expires_at).num_days(),
        90,
        "the server extended it the same way"
    );

    // CSV export: exactly the filtered, searched, sorted view, every page of it.
    let export = app
        .export_subscribers(SubscriberQuery {
            search: "2B:3C".into(),
            descending: true,
            page_size: 1,
            ..lines(Some(DealerFilter::Dealer(alpha.id.clone())))
        })
        .await
        .expect("export");
    let rows = csv_rows(&export.path);
    assert_eq!(export.rows, 2);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].starts_with("Marko Petrovic,marko.petrovic,00:1A:2B:3C:4D:02,Alpha Shop,"),
        "{rows:?}"
    );
    assert!(
        rows[1].starts_with("Jelena Ilic,"),
        "sorted as shown: {rows:?}"
    );
    assert!(
        !rows.iter().any(|r| r.contains("Hotel")),
        "the partner's own line is filtered out"
    );
    let dealers = app
        .export_dealers(DealerQuery {
            status: Some(DealerState::Active),
            ..all_dealers()
        })
        .await
        .expect("export");
    let rows = csv_rows(&dealers.path);
    assert_eq!(
        rows,
        vec!["Alpha Shop,alpha.lines,,'+381112223333,Active,2,Synced".to_owned()]
    );
    assert_ne!(export.path, dealers.path);

    // The dealer signs in to the same app and sees only its own lines; its additions are its own.
    let dealer_app = core(dir2.path(), &format!("{service}-dealer"), &server.url);
    dealer_app
        .login(LoginArgs {
            server_url: server.url.clone(),
            username: "alpha.lines".into(),
            password: "Dealer-pass-2026".into(),
        })
        .await
        .expect("the dealer signs in");
    dealer_app.sync_now().await.expect("sync");
    let mine = dealer_app
        .list_subscribers(lines(None))
        .await
        .expect("list");
    let mut names: Vec<&str> = mine.rows.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["Jelena Ilic", "Marko Petrovic"],
        "never the partner's own line"
    );
    assert!(mine.dealers.is_empty(), "a dealer sees no other dealers");
    let added = dealer_app
        .add_subscriber(new_line(None, "Dealer Added", "00:1a:2b:3c:4d:09"))
        .await
        .expect("the dealer adds a line");
    dealer_app.sync_now().await.expect("sync");
    app.sync_now().await.expect("sync");
    let seen = app
        .list_subscribers(lines(None))
        .await
        .expect("list")
        .rows
        .into_iter()
        .find(|r| r.id == added.id)
        .expect("the partner sees the dealer's new line");
    assert_eq!(seen.dealer_name.as_deref(), Some("Alpha Shop"));
    app.remove_subscriber(SubscriberArgs {
        subscriber_id: added.id.clone(),
    })
    .await
    .expect("remove");
    app.sync_now().await.expect("sync");
    dealer_app.sync_now().await.expect("sync");
    assert!(
        dealer_app
            .list_subscribers(lines(None))
            .await
            .expect("list")
            .rows
            .iter()
            .all(|r| r.id != added.id),
        "removed on the dealer's app too"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reseller_finds_a_partner_asks_is_accepted_reads_the_content_and_is_removed() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let (dir1, dir2) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let mut server = Server::start(server_dir.path(), None).await;
    let partner = core(dir1.path(), &service, &server.url);
    ready_account(&partner, &server, "owner@streams.rs", "Stream House", None).await;
    let reseller = core(dir2.path(), &format!("{service}-r"), &server.url);
    ready_account(
        &reseller,
        &server,
        "sales@resell.rs",
        "Resell Co",
        Some(AccountKind::Reseller),
    )
    .await;
    for role_bound in [
        partner.partner_directory().await.map(|_| ()),
        reseller.my_content().await.map(|_| ()),
        reseller.reseller_settings().await.map(|_| ()),
    ] {
        assert_eq!(role_bound.expect_err("role checked").code, "forbidden");
    }

    // Settings → Reseller services: what resellers may see, previewed before it is saved
    // and before it syncs, by the same rule.
    partner.sync_now().await.expect("sync");
    let draft = ResellerSettingsArgs {
        offers_reseller_services: true,
        website: Some(" https://streams.rs ".into()),
        messenger: Some("Telegram @streamhouse".into()),
        address: None,
        note: Some("Write first, then call.".into()),
        visible: ContactVisibility {
            email: true,
            phone: false,
            website: true,
            messenger: false,
            address: true,
            note: true,
        },
    };
    let unsaved = partner
        .preview_reseller_settings(draft.clone())
        .await
        .expect("preview of unsaved values");
    let view = partner
        .update_reseller_settings(draft.clone())
        .await
        .expect("settings");
    assert_eq!(view.sync, RowSync::Pending);
    assert_eq!(
        unsaved, view.preview,
        "the draft's preview is the saved one's"
    );
    let unlisted = partner
        .preview_reseller_settings(ResellerSettingsArgs {
            offers_reseller_services: false,
            ..draft
        })
        .await
        .expect("preview");
    assert_eq!(unlisted, None, "not offering: not listed");
    let preview = view.preview.expect("listed").contacts;
    assert_eq!(preview.website.as_deref(), Some("https://streams.rs"));
    assert_eq!(
        (preview.phone, preview.messenger, preview.address),
        (None, None, None)
    );
    partner
        .add_stream(AddStreamArgs {
            name: "Sport 1 HD".into(),
            category: "Sport".into(),
            stream_url: "http://cdn.streams.rs/sport1.m3u8".into(),
        })
        .await
        .expect("stream");
    let bad = partner
        .add_stream(AddStreamArgs {
            name: "Bad".into(),
            category: "Sport".into(),
            stream_url: "javascript:alert(1)".into(),
        })
        .await
        .expect_err("checked locally");
    assert_eq!(bad.code, "invalid_stream_url");
    partner.sync_now().await.expect("sync");
    let view = partner.reseller_settings().await.expect("settings");
    assert_eq!((view.sync, view.settings.version), (RowSync::Synced, 1));

    // The directory shows exactly what the partner made visible, as the preview said.
    let directory = reseller.partner_directory().await.expect("directory");
    let entry = directory
        .iter()
        .find(|r| r.entry.company == "Stream House")
        .expect("listed");
    assert_eq!(entry.relation, Relation::None);
    assert_eq!(
        Some(&entry.entry.contacts),
        partner
            .reseller_settings()
            .await
            .expect("settings")
            .preview
            .as_ref()
            .map(|p| &p.contacts),
        "the preview is what resellers get"
    );
    let partner_id = entry.entry.partner_id;
    let not_yet = reseller
        .partner_content(PartnerArgs { partner_id })
        .await
        .expect_err("not linked yet");
    assert_eq!(not_yet.code, "not_linked");

    // Request for Partner: shown at once, synced, answered.
    let mine = reseller
        .request_partner(RequestPartnerArgs {
            partner_id,
            partner_company: "Stream House".into(),
            message: "We sell in Novi Sad.".into(),
        })
        .await
        .expect("request");
    assert_eq!(mine.requests.len(), 1);
    assert!(mine.requests[0].waiting);
    assert_eq!(mine.requests[0].request.partner_company, "Stream House");
    let twice = reseller
        .request_partner(RequestPartnerArgs {
            partner_id,
            partner_company: "Stream House".into(),
            message: "Again".into(),
        })
        .await
        .expect_err("one pending request per pair");
    assert_eq!(twice.code, "request_pending");
    reseller.sync_now().await.expect("sync");
    let mine = reseller.my_requests().await.expect("requests");
    assert_eq!(
        (
            mine.requests.len(),
            mine.requests[0].waiting,
            mine.requests[0].request.status
        ),
        (1, false, RequestStatus::Pending),
        "the server's copy replaced the local one: {mine:?}"
    );
    assert_eq!(
        reseller.partner_directory().await.expect("directory")[0].relation,
        Relation::Pending
    );
    partner.sync_now().await.expect("sync");
    let incoming = partner.resellers().await.expect("resellers").incoming;
    assert_eq!(incoming.len(), 1);
    partner
        .answer_request(AnswerRequestArgs {
            request_id: incoming[0].request.id.clone(),
            accept: true,
            reason: None,
        })
        .await
        .expect("accept");
    partner.sync_now().await.expect("sync");
    reseller.sync_now().await.expect("sync");
    let mine = reseller.my_requests().await.expect("requests");
    assert_eq!(mine.requests[0].request.status, RequestStatus::Accepted);
    assert_eq!(mine.partners.len(), 1);
    assert!(
        mine.notifications
            .iter()
            .any(|n| n.kind == "request_accepted"),
        "{:?}",
        mine.notifications
    );
    let raised: Vec<String> = reseller
        .take_new_notifications()
        .await
        .expect("notifications")
        .into_iter()
        .map(|n| n.kind)
        .collect();
    assert_eq!(raised, ["request_accepted"], "raised natively once");
    assert!(
        reseller
            .take_new_notifications()
            .await
            .expect("notifications")
            .is_empty(),
        "never twice"
    );
    let content = reseller
        .partner_content(PartnerArgs { partner_id })
        .await
        .expect("linked: the content opens");
    assert_eq!(content.partner_company, "Stream House");
    let names: Vec<&str> = content
        .streams
        .iter()
        .map(|s| s.stream.name.as_str())
        .collect();
    assert_eq!(names, ["Sport 1 HD"]);

    // Remove My Reseller ends access; both sides are told.
    partner
        .remove_reseller(RemoveResellerArgs {
            reseller_id: partner.resellers().await.expect("view").linked[0]
                .link
                .reseller_id,
            reason: "Contract ended".into(),
        })
        .await
        .expect("remove");
    partner.sync_now().await.expect("sync");
    reseller.sync_now().await.expect("sync");
    let closed = reseller
        .partner_content(PartnerArgs { partner_id })
        .await
        .expect_err("access ended");
    assert_eq!(closed.code, "not_linked");
    let mine = reseller.my_requests().await.expect("requests");
    assert!(mine.partners.is_empty());
    assert!(
        mine.notifications
            .iter()
            .any(|n| n.kind == "reseller_removed")
    );

    // A new request can be withdrawn, offline too.
    let mine = reseller
        .request_partner(RequestPartnerArgs {
            partner_id,
            partner_company: "Stream House".into(),
            message: "Can we start again?".into(),
        })
        .await
        .expect("request again");
    reseller.sync_now().await.expect("sync");
    let again = mine
        .requests
        .iter()
        .find(|r| r.request.status == RequestStatus::Pending)
        .expect("pending")
        .request
        .id
        .clone();
    server.stop().await;
    let mine = reseller
        .withdraw_request(RequestArgs {
            request_id: again.clone(),
        })
        .await
        .expect("withdraw offline");
    let row = mine
        .requests
        .iter()
        .find(|r| r.request.id == again)
        .expect("row");
    assert_eq!(
        (row.request.status, row.waiting),
        (RequestStatus::Withdrawn, true)
    );
    let offline = reseller
        .partner_directory()
        .await
        .expect_err("the directory needs the server");
    assert!(!offline.message.is_empty());
    let mut server = Server::start(server_dir.path(), Some(server.addr)).await;
    reseller.sync_now().await.expect("sync");
    let mine = reseller.my_requests().await.expect("requests");
    let row = mine
        .requests
        .iter()
        .find(|r| r.request.id == again)
        .expect("row");
    assert_eq!(
        (row.request.status, row.waiting),
        (RequestStatus::Withdrawn, false)
    );

    // Opting out hides the partner from the directory.
    let s = partner
        .reseller_settings()
        .await
        .expect("settings")
        .settings;
    let view = partner
        .update_reseller_settings(ResellerSettingsArgs {
            offers_reseller_services: false,
            website: s.website,
            messenger: s.messenger,
            address: s.address,
            note: s.note,
            visible: s.visible,
        })
        .await
        .expect("opt out");
    assert!(view.preview.is_none(), "the preview says: not listed");
    partner.sync_now().await.expect("sync");
    assert!(
        reseller
            .partner_directory()
            .await
            .expect("directory")
            .iter()
            .all(|r| r.entry.partner_id != partner_id),
        "an opted-out partner is not listed"
    );

    // The partner's activity log names each step, newest first.
    let log = partner
        .audit_log(AuditArgs {
            before: None,
            since: None,
        })
        .await
        .expect("audit");
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    for expected in [
        "update_reseller_settings",
        "add_stream",
        "answer_request",
        "remove_reseller",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    assert!(log.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let older = partner
        .audit_log(AuditArgs {
            before: Some(log[0].id),
            since: None,
        })
        .await
        .expect("older page");
    assert_eq!(older.len(), log.len() - 1);
    // From a moment on: nothing yet after now; everything since an hour ago.
    let now = wpplay_domain::clock::Clock::now(&SystemClock);
    let later = partner
        .audit_log(AuditArgs {
            before: None,
            since: Some(now + chrono::Duration::minutes(5)),
        })
        .await
        .expect("from a later moment");
    assert!(later.is_empty(), "{later:?}");
    let recent = partner
        .audit_log(AuditArgs {
            before: None,
            since: Some(now - chrono::Duration::hours(1)),
        })
        .await
        .expect("from an hour ago");
    assert_eq!(recent.len(), log.len());

    // The page's rows export as the page words them; a flood of rows is refused.
    let row = |what: &str| AuditCsvRow {
        at: "7. 12. 2026. 10:00".into(),
        who: "ana".into(),
        role: "Partner".into(),
        what: what.into(),
        which: "Marko; \"Elektro\"".into(),
        outcome: String::new(),
    };
    let file = partner
        .export_audit(AuditExportArgs {
            rows: vec![row("Added dealer"), row("=cmd()")],
        })
        .await
        .expect("exported");
    assert_eq!(file.rows, 2);
    let text = std::fs::read_to_string(&file.path).expect("the export exists");
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 3, "a header and two rows: {lines:?}");
    assert!(
        lines[0].contains("When") && lines[1].contains("Added dealer"),
        "{lines:?}"
    );
    assert!(
        lines[2].contains("'=cmd()"),
        "a formula is not run: {lines:?}"
    );
    let flood = partner
        .export_audit(AuditExportArgs {
            rows: vec![row("x"); 100_001],
        })
        .await
        .expect_err("too many rows");
    assert_eq!(flood.code, "invalid_field");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_partner_keeps_its_edits_queued_and_still_learns_of_the_lock() {
    use sea_orm::sea_query::Expr;
    use sea_orm::{EntityTrait, QueryFilter};
    use wpplay_server::db::entity::partner;
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(dir.path(), &service, &server.url);
    ready_partner(&app, &server, "locked@acme.rs").await;

    // The trial ended an hour ago (the state is a function of the stored facts), and the
    // lifecycle pass locked the account.
    let mut settings = Settings::load(None, |_| None).expect("settings");
    settings.data_dir = server_dir.path().to_owned();
    let now = wpplay_domain::clock::Clock::now(&SystemClock);
    let db = wpplay_server::db::connect(&settings.database_url(), now)
        .await
        .expect("the server's database");
    partner::Entity::update_many()
        .col_expr(
            partner::Column::TrialEndsAt,
            Expr::value(now - chrono::Duration::hours(1)),
        )
        // As every write of a trial end does: the next event is unknown until a pass.
        .col_expr(
            partner::Column::NextEventAt,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .filter(sea_orm::ColumnTrait::eq(
            &partner::Column::Email,
            "locked@acme.rs",
        ))
        .exec(&db)
        .await
        .expect("end the trial");
    let report = wpplay_server::billing::lifecycle::run_pass(&db, settings.time_zone, now, false)
        .await
        .expect("pass");
    assert!(
        report
            .done
            .iter()
            .any(|d| d.kind.as_str() == "locked" && d.sent)
    );

    let row = app
        .add_dealer(new_dealer("Waiting Shop", "waiting.shop"))
        .await
        .expect("queued");
    let status = app.sync_now().await.expect("sync");
    assert!(status.online, "the server answered: {status:?}");
    assert_eq!(
        status.pending_changes, 1,
        "the edit waits for the payment, not refused"
    );
    assert_eq!(
        status.last_error.as_ref().map(|e| e.code.as_str()),
        Some("partner_locked"),
        "with what to do: {status:?}"
    );
    let dashboard = app.dashboard().await.expect("dashboard");
    assert_eq!(
        dashboard.subscription.map(|s| s.state),
        Some("locked".to_owned()),
        "the pull still ran and brought the lock"
    );
    let page = app.list_dealers(all_dealers()).await.expect("list");
    assert_eq!(
        page.rows.iter().find(|r| r.id == row.id).map(|r| r.sync),
        Some(RowSync::Pending)
    );
    db.close().await.ok();
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trial_alerts_come_from_the_replica_once_each_offline_too() {
    use wpplay_domain::clock::{Clock, ManualClock};
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let clock = ManualClock::new(SystemClock.now());
    let app = core_with_clock(dir.path(), &service, &server.url, Arc::new(clock.clone()));
    ready_partner(&app, &server, "alerts@acme.rs").await;
    app.sync_now().await.expect("sync");
    let kinds = async || -> Vec<String> {
        app.take_new_notifications()
            .await
            .expect("notifications")
            .into_iter()
            .map(|n| n.kind)
            .collect()
    };
    assert!(kinds().await.is_empty(), "14 days left: nothing to say");
    // Offline from here: the replica knows the trial end.
    server.stop().await;
    let trial_end = app
        .dashboard()
        .await
        .expect("dashboard")
        .subscription
        .expect("subscription")
        .trial_ends_at;
    clock.set(trial_end - chrono::Duration::days(5));
    // The UI dates everything from the core's clock: the dashboard says how far ahead it is.
    let ahead = app.dashboard().await.expect("dashboard").clock_ahead_ms;
    let expected = (clock.now() - SystemClock.now()).num_milliseconds();
    assert!((ahead - expected).abs() < 5_000, "{ahead} vs {expected}");
    assert_eq!(kinds().await, ["lifecycle_ends_in_7_days"]);
    assert!(kinds().await.is_empty(), "never twice");
    // (The last second of the trial: "today" is due by then whatever the hour it ends.)
    clock.set(trial_end - chrono::Duration::seconds(1));
    assert_eq!(
        kinds().await,
        ["lifecycle_ends_today"],
        "after a gap only the latest reminder"
    );
    clock.set(trial_end + chrono::Duration::minutes(1));
    assert_eq!(kinds().await, ["lifecycle_locked"]);
    // A restart of the app does not repeat them.
    drop(app);
    let again = core_with_clock(dir.path(), &service, &server.url, Arc::new(clock.clone()));
    again.startup().await.expect("startup");
    assert!(
        again
            .take_new_notifications()
            .await
            .expect("notifications")
            .is_empty(),
        "nothing raised twice across restarts"
    );
    clock.set(trial_end + chrono::Duration::days(24));
    assert_eq!(
        again
            .take_new_notifications()
            .await
            .expect("notifications")
            .into_iter()
            .map(|n| n.kind)
            .collect::<Vec<_>>(),
        ["lifecycle_purge_in_7_days"]
    );
}

/// A partner app whose periodic sync is an hour away hears of a Request for Partner at
/// once: the server's event stream wakes its sync.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_updates_bring_a_request_without_waiting_for_the_periodic_sync() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let (partner_dir, reseller_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let mut server = Server::start(server_dir.path(), None).await;
    let partner = Arc::new(Core::new(CoreConfig {
        ca_file: None,
        data_dir: partner_dir.path().to_owned(),
        export_dir: partner_dir.path().join("exports"),
        default_server_url: server.url.clone(),
        keychain_service: service.clone(),
        sync_interval: Duration::from_secs(3600),
        clock: Arc::new(SystemClock),
        time_zone: chrono_tz::Europe::Belgrade,
        system_locale: "en_US.UTF-8".to_owned(),
    }));
    ready_partner(&partner, &server, "live@partner.rs").await;
    partner.sync_now().await.expect("sync");
    let background = tokio::spawn(partner.clone().run_background_sync());
    let live = tokio::spawn(partner.clone().run_live_updates());

    let reseller = core(reseller_dir.path(), &service, &server.url);
    ready_account(
        &reseller,
        &server,
        "live@resell.rs",
        "Live Resell",
        Some(AccountKind::Reseller),
    )
    .await;
    let directory = reseller.partner_directory().await.expect("directory");
    let partner_id = directory
        .iter()
        .find(|r| r.entry.company == "Dealer Net")
        .expect("listed")
        .entry
        .partner_id;
    reseller
        .request_partner(RequestPartnerArgs {
            partner_id,
            partner_company: "Dealer Net".into(),
            message: "Live, please.".into(),
        })
        .await
        .expect("request");
    reseller.sync_now().await.expect("sync");
    eventually("the request in the partner's app", async || {
        partner
            .resellers()
            .await
            .is_ok_and(|v| v.incoming.len() == 1)
    })
    .await;
    background.abort();
    live.abort();
    server.stop().await;
}

/// "Download everything again": the local copy is rebuilt from the server's feed (over
/// several pages), and an edit still waiting to sync is kept and goes through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_resync_downloads_everything_again_and_keeps_waiting_edits() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(dir.path(), &service, &server.url);
    ready_partner(&app, &server, "resync@acme.rs").await;
    // More than one page (500) of feed.
    for i in 0..520 {
        app.update_profile(UpdateProfileArgs {
            contact_person: format!("Person {i}"),
            phone: "+381 64 123 4567".into(),
        })
        .await
        .expect("edit");
    }
    app.sync_now().await.expect("sync");
    app.update_profile(UpdateProfileArgs {
        contact_person: "Waiting Person".into(),
        phone: "+381 64 123 4567".into(),
    })
    .await
    .expect("edit");
    let status = app.resync_all().await.expect("resync");
    assert!(status.online, "{status:?}");
    assert_eq!(status.pending_changes, 0, "the waiting edit went through");
    assert_eq!(status.progress, None, "no pull under way any more");
    let dash = app.dashboard().await.expect("dashboard");
    assert_eq!(
        dash.profile.map(|p| p.contact_person).as_deref(),
        Some("Waiting Person")
    );
    assert_eq!(
        dash.package.map(|p| p.code).as_deref(),
        Some("business"),
        "the package came down again with the rest"
    );
    server.stop().await;
}

/// Beyond the account's ration of changes per minute the server answers 429
/// too_many_changes: the edits stay queued, the user is told, and they go through once
/// the ration refills.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_beyond_the_change_ration_wait_in_the_queue() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    // Four changes a minute: one more every 15 seconds.
    let mut server = Server::start_with(server_dir.path(), None, |s| {
        s.limits.max_changes_per_minute = 4;
    })
    .await;
    let app = core(dir.path(), &service, &server.url);
    ready_partner(&app, &server, "rationed@acme.rs").await;
    for n in 0..4 {
        app.add_dealer(new_dealer(&format!("Shop {n}"), &format!("shop.{n}")))
            .await
            .expect("queued");
    }
    // However much of the ration signing in took, within a few rounds it runs out.
    let mut status = app.sync_now().await.expect("sync");
    for n in 4..8 {
        if status.last_error.is_some() {
            break;
        }
        app.add_dealer(new_dealer(&format!("Shop {n}"), &format!("shop.{n}")))
            .await
            .expect("queued");
        status = app.sync_now().await.expect("sync");
    }
    assert_eq!(
        status.last_error.as_ref().map(|e| e.code.as_str()),
        Some("too_many_changes"),
        "{status:?}"
    );
    assert!(status.online, "the server answered: {status:?}");
    assert!(status.pending_changes >= 1, "the edits wait: {status:?}");
    let waiting = status.pending_changes;
    // The ration refills at one change per 15 seconds: everything goes through.
    eventually_within(
        &format!("{waiting} rationed edits to go through"),
        Duration::from_secs(180),
        async || app.sync_now().await.expect("sync").pending_changes == 0,
    )
    .await;
    let page = app.list_dealers(all_dealers()).await.expect("list");
    assert!(
        page.rows.iter().all(|r| r.sync == RowSync::Synced),
        "every dealer reached the server: {:?}",
        page.rows
    );
    server.stop().await;
}

/// The package's limits are checked in the core before an edit is queued, with the
/// server's words, and the pages show how much of them is used.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn package_limits_are_checked_before_queuing_and_shown() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    {
        let db = sea_orm::Database::connect(format!(
            "sqlite://{}?mode=rw",
            server_dir.path().join("wpplay.sqlite").display()
        ))
        .await
        .expect("the server's database");
        let spec = wpplay_domain::package::PackageSpec {
            code: "duo".into(),
            name: "Duo".into(),
            monthly_price_minor: 900,
            currency: "EUR".into(),
            max_subscribers: 2,
            max_streams: 1,
            features: vec!["Unlimited dealers".into()],
        };
        wpplay_server::catalog::insert(&db, spec, wpplay_domain::clock::Clock::now(&SystemClock))
            .await
            .expect("package added");
    }
    let app = core(dir.path(), &service, &server.url);
    ready_account_on(&app, &server, "duo@acme.rs", "Duo Net", None, "duo").await;
    app.sync_now().await.expect("sync");
    let page = app.list_subscribers(lines(None)).await.expect("list");
    assert_eq!(
        page.allowance
            .as_ref()
            .map(|a| (a.used, a.max, a.package.as_str())),
        Some((0, 2, "Duo")),
        "{page:?}"
    );
    for (name, mac) in [("One", "00:1a:2b:3c:4d:01"), ("Two", "00:1a:2b:3c:4d:02")] {
        app.add_subscriber(new_line(None, name, mac))
            .await
            .expect("queued");
    }
    let refused = app
        .add_subscriber(new_line(None, "Three", "00:1a:2b:3c:4d:03"))
        .await
        .expect_err("over the package");
    assert_eq!(refused.code, "package_limit_reached");
    assert!(
        refused
            .message
            .contains("Duo package allows 2 subscriber lines"),
        "{refused:?}"
    );
    let status = app.sync_now().await.expect("sync");
    assert_eq!(
        status.pending_changes, 0,
        "only the two lines were queued: {status:?}"
    );
    let page = app.list_subscribers(lines(None)).await.expect("list");
    assert_eq!(page.allowance.map(|a| (a.used, a.max)), Some((2, 2)));

    let stream = |n: u32| AddStreamArgs {
        name: format!("Channel {n}"),
        category: "News".into(),
        stream_url: format!("https://cdn.example/{n}.m3u8"),
    };
    let content = app.add_stream(stream(1)).await.expect("queued");
    assert_eq!(content.allowance.map(|a| (a.used, a.max)), Some((1, 1)));
    let refused = app
        .add_stream(stream(2))
        .await
        .expect_err("over the package");
    assert_eq!(refused.code, "package_limit_reached");
    server.stop().await;
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{} exists: {e}", p.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A purged account is forgotten on the desktop the next time the app talks to the
/// server; the replica is owner-only from its creation and named by a hash.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purged_account_is_removed_from_the_desktop() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(dir.path(), &service, &server.url);
    let (username, _) = ready_partner(&app, &server, "purged@acme.rs").await;
    app.add_dealer(new_dealer("Shop Purged", "shop.purged"))
        .await
        .expect("queued");
    app.sync_now().await.expect("sync");
    let replica = dir
        .path()
        .join("replicas")
        .join(wpplay_desktop::replica_file_name(&server.url, &username));
    assert!(
        replica.exists(),
        "the replica is named by a hash: {}",
        replica.display()
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&dir.path().join("replicas")), 0o700);
        assert_eq!(mode(&replica), 0o600);
        assert_eq!(mode(&dir.path().join("last-session.json")), 0o600);
    }

    // Unpaid: locked at the trial's end, purged 30 days later (passes run on the server).
    {
        let db = wpplay_server::db::connect(
            &wpplay_server::settings::Secret::new(format!(
                "sqlite://{}?mode=rw",
                server_dir.path().join("wpplay.sqlite").display()
            )),
            wpplay_domain::clock::Clock::now(&SystemClock),
        )
        .await
        .expect("the server's database");
        for days in [15, 45] {
            wpplay_server::billing::lifecycle::run_pass(
                &db,
                chrono_tz::Europe::Belgrade,
                wpplay_domain::clock::Clock::now(&SystemClock) + chrono::Duration::days(days),
                false,
            )
            .await
            .expect("pass");
        }
    }
    let gone = app.sync_now().await;
    let told = match gone {
        Err(e) => e,
        Ok(status) => status.last_error.expect("the sync tells why it stopped"),
    };
    assert_eq!(told.code, "account_deleted", "{told:?}");
    assert!(!replica.exists(), "the replica is deleted");
    let view = app.startup().await.expect("startup");
    assert!(view.session.is_none());
    assert!(
        view.account_notice
            .as_deref()
            .is_some_and(|n| n.contains(&username) && n.contains("removed")),
        "{view:?}"
    );
    assert_eq!(
        view.last_username, None,
        "nothing pre-fills the gone account"
    );
    server.stop().await;
}

/// A signed-out account's data can be removed from the sign-in screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_out_account_s_data_can_be_removed() {
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let app = core(dir.path(), &service, &server.url);
    let (username, _) = ready_partner(&app, &server, "forget@acme.rs").await;
    app.sync_now().await.expect("sync");
    let refused = app
        .forget_account(ForgetAccountArgs {
            server_url: server.url.clone(),
            username: username.clone(),
        })
        .await
        .expect_err("signed in");
    assert_eq!(refused.code, "signed_in");
    app.logout().await.expect("signed out");
    let replica = dir
        .path()
        .join("replicas")
        .join(wpplay_desktop::replica_file_name(&server.url, &username));
    assert!(replica.exists(), "signing out keeps the replica");
    assert!(
        app.forget_account(ForgetAccountArgs {
            server_url: server.url.clone(),
            username: username.clone(),
        })
        .await
        .expect("removed")
    );
    assert!(!replica.exists());
    assert!(
        !dir.path().join("last-session.json").exists(),
        "the sign-in is no longer pre-filled"
    );
    assert!(
        !app.forget_account(ForgetAccountArgs {
            server_url: server.url.clone(),
            username: username.clone(),
        })
        .await
        .expect("nothing left"),
        "a second time there is nothing to remove"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_recovered_with_a_code_and_signs_this_device_in() {
    let server_dir = tempfile::tempdir().expect("tmp");
    let mut server = Server::start(server_dir.path(), None).await;
    let app_dir = tempfile::tempdir().expect("tmp");
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let app = core(app_dir.path(), &service, &server.url);
    let (username, _) = ready_partner(&app, &server, "forgot@desk.rs").await;
    app.logout().await.expect("signed out");

    // An unknown login gets the same answer as a real one.
    let unknown = app
        .request_recovery(RecoveryArgs {
            server_url: server.url.clone(),
            login: "nobody@nowhere.rs".into(),
        })
        .await
        .expect("asked for nobody");
    let asked = app
        .request_recovery(RecoveryArgs {
            server_url: server.url.clone(),
            login: "forgot@desk.rs".into(),
        })
        .await
        .expect("asked by e-mail address");
    assert_eq!(unknown, asked, "the answer does not tell who exists");
    assert_eq!(asked.code_valid_minutes, 15);
    let code = server.recovery_code("forgot@desk.rs").await;

    let refused = app
        .recover_password(RecoverPasswordArgs {
            server_url: server.url.clone(),
            login: username.clone(),
            code: code.clone(),
            new_password: "short".into(),
        })
        .await
        .expect_err("a weak password is refused");
    assert_eq!(refused.code, "password_too_weak", "{refused:?}");
    let session = app
        .recover_password(RecoverPasswordArgs {
            server_url: server.url.clone(),
            login: username.clone(),
            code,
            new_password: "Found-again-2026".into(),
        })
        .await
        .expect("recovered with the code (kept after the weak try)");
    assert_eq!(session.username, username);
    assert!(!session.must_change_password);
    app.logout().await.expect("signed out");
    let old = app
        .login(LoginArgs {
            server_url: server.url.clone(),
            username: username.clone(),
            password: "Dealer-Net-2026".into(),
        })
        .await
        .expect_err("the old password is gone");
    assert_eq!(old.code, "wrong_credentials");
    app.login(LoginArgs {
        server_url: server.url.clone(),
        username,
        password: "Found-again-2026".into(),
    })
    .await
    .expect("the new password signs in");
    server.stop().await;
}

/// The app's own notifications follow the partner's choice at once, even before it
/// syncs: reminders turned off in the app raise nothing natively (and are not raised
/// later either); turned on again, the next one comes. Reminders that could reach the
/// partner no way are refused before anything is queued.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn native_notifications_follow_the_partners_choice() {
    use wpplay_domain::clock::{Clock, ManualClock};
    use wpplay_domain::notify::{Channels, NotificationPreferences};
    let service = format!("wpplay-test-{}", uuid::Uuid::new_v4());
    let server_dir = tempfile::tempdir().expect("dir");
    let dir = tempfile::tempdir().expect("dir");
    let mut server = Server::start(server_dir.path(), None).await;
    let clock = ManualClock::new(SystemClock.now());
    let app = core_with_clock(dir.path(), &service, &server.url, Arc::new(clock.clone()));
    ready_partner(&app, &server, "choice@acme.rs").await;
    app.sync_now().await.expect("sync");
    let mut quiet = NotificationPreferences::defaults(false);
    quiet.reminders = Channels {
        email: true,
        sms: false,
        in_app: false,
    };
    let off = NotificationPreferences {
        reminders: Channels {
            email: false,
            sms: false,
            in_app: false,
        },
        ..quiet
    };
    let refused = app
        .set_notification_preferences(off)
        .await
        .expect_err("reminders that reach nobody");
    assert_eq!(refused.code, wpplay_domain::Code::InvalidField);
    server.stop().await;
    let dash = app
        .set_notification_preferences(quiet)
        .await
        .expect("queued offline");
    assert_eq!(
        dash.profile.expect("profile").notifications,
        quiet,
        "shown as chosen before it syncs"
    );
    let kinds = async || -> Vec<String> {
        app.take_new_notifications()
            .await
            .expect("notifications")
            .into_iter()
            .map(|n| n.kind)
            .collect()
    };
    let trial_end = app
        .dashboard()
        .await
        .expect("dashboard")
        .subscription
        .expect("subscription")
        .trial_ends_at;
    clock.set(trial_end - chrono::Duration::days(5));
    assert!(kinds().await.is_empty(), "reminders are off in the app");
    let mut on = quiet;
    on.reminders.in_app = true;
    app.set_notification_preferences(on)
        .await
        .expect("queued offline");
    assert!(kinds().await.is_empty(), "old news does not come back");
    clock.set(trial_end - chrono::Duration::seconds(1));
    assert_eq!(kinds().await, ["lifecycle_ends_today"]);
}
