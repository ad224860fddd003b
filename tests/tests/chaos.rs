//! Chaos: offline sync never loses or doubles an edit.
//!
//! Two desktop cores of one partner (the real `wpplay-desktop` core, each with its own
//! replica and keychain entry) edit concurrently (conflicting edits of the same dealers
//! wait in both outboxes; sometimes both sync at the same moment) and sync with the real server binary
//! through a fault-injecting TCP proxy on loopback that passes, delays, refuses,
//! truncates and resets connections. Each client core runs as a process of its own
//! (`wpplay-core-process`, the real core behind a line protocol on stdin/stdout), as the
//! app does. Schedules also SIGKILL the server in the middle of a push and restart it,
//! and SIGKILL a client's process in the middle of a push or a pull (all it keeps is its
//! SQLite replica on disk and its keychain entry) and start it again. After each
//! schedule the faults stop, both clients sync until quiet, and a checker proves:
//! - every edit was applied on the server exactly once or shown to its user as refused:
//!   line extensions (not idempotent: a repeat would show) add up to the day, each
//!   dealer's version grew by exactly the edits applied, each new line exists once;
//! - both clients hold exactly the server's state (the whole feed folded), so no cursor
//!   skipped a change.
//!
//! `WPPLAY_CHAOS_RUNS` sets the number of schedules (200 by default; the README's test
//! command takes `--long` for 2,000) and `WPPLAY_CHAOS_SEED` the seed. A failure prints
//! both to replay it. The schedule (which client does what, which faults, when kills
//! happen) follows from the seed; the exact interleaving of the kills with the sync
//! still depends on timing.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use wpplay_desktop::commands::{
    AddDealerArgs, AddSubscriberArgs, EditDealerArgs, ExtendSubscriberArgs, LoginArgs,
    MutationArgs, UpdateProfileArgs,
};
use wpplay_desktop::view::{
    Dashboard, DealerPage, DealerQuery, DealerRow, DealerSort, SessionView, StartupView,
    SubscriberPage, SubscriberQuery, SubscriberRow, SubscriberSort, SyncStatus,
};
use wpplay_e2e::process::Proc;
use wpplay_e2e::server;
use wpplay_wire::ErrorBody;
use wpplay_wire::sync::{Entity, PullResponse};

const WAIT: Duration = Duration::from_secs(30);

/// A small, seedable generator (SplitMix64): the schedule follows from the seed.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// What the proxy does to one connection.
#[derive(Debug, Clone, Copy)]
enum Fault {
    Pass,
    /// Every chunk waits this many milliseconds.
    Delay(u64),
    /// Accepted and closed at once.
    Refuse,
    /// The answer is cut after this many bytes.
    Truncate(usize),
    /// The connection is reset (RST) after this many bytes of the answer.
    Reset(usize),
}

/// The fault-injecting proxy between the clients and the server.
struct Proxy {
    url: String,
    upstream: Arc<Mutex<SocketAddr>>,
    /// `None`: no faults (every connection passes).
    faults: Arc<Mutex<Option<Rng>>>,
}

impl Proxy {
    async fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the proxy");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let upstream = Arc::new(Mutex::new(upstream));
        let faults: Arc<Mutex<Option<Rng>>> = Arc::new(Mutex::new(None));
        let (up, fs) = (upstream.clone(), faults.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let fault =
                    fs.lock()
                        .expect("faults")
                        .as_mut()
                        .map_or(Fault::Pass, |rng| match rng.below(100) {
                            0..50 => Fault::Pass,
                            50..70 => Fault::Delay(1 + rng.below(30)),
                            70..80 => Fault::Refuse,
                            80..90 => Fault::Truncate(rng.below(300) as usize),
                            _ => Fault::Reset(rng.below(300) as usize),
                        });
                let target = *up.lock().expect("upstream");
                tokio::spawn(relay(client, target, fault));
            }
        });
        Self {
            url,
            upstream,
            faults,
        }
    }

    fn point_at(&self, addr: SocketAddr) {
        *self.upstream.lock().expect("upstream") = addr;
    }

    fn faults(&self, rng: Option<Rng>) {
        *self.faults.lock().expect("faults") = rng;
    }
}

/// Pipes one connection through, doing `fault` to it.
async fn relay(mut client: TcpStream, target: SocketAddr, fault: Fault) {
    if matches!(fault, Fault::Refuse) {
        return;
    }
    let Ok(mut server) = TcpStream::connect(target).await else {
        return;
    };
    let (mut cr, mut cw) = client.split();
    let (mut sr, mut sw) = server.split();
    let delay = match fault {
        Fault::Delay(ms) => Duration::from_millis(ms),
        _ => Duration::ZERO,
    };
    let limit = match fault {
        Fault::Truncate(n) | Fault::Reset(n) => Some(n),
        _ => None,
    };
    let up = async {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let n = match cr.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            tokio::time::sleep(delay).await;
            if sw.write_all(&buf[..n]).await.is_err() {
                break;
            }
        }
        let _ = sw.shutdown().await;
    };
    let down = async {
        let mut buf = vec![0u8; 16 * 1024];
        let mut sent = 0usize;
        loop {
            let n = match sr.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            tokio::time::sleep(delay).await;
            let n = match limit {
                Some(max) if sent + n >= max => {
                    let _ = cw.write_all(&buf[..max - sent]).await;
                    return true;
                }
                _ => n,
            };
            sent += n;
            if cw.write_all(&buf[..n]).await.is_err() {
                break;
            }
        }
        let _ = cw.shutdown().await;
        false
    };
    let cut = tokio::select! {
        () = up => { false }
        cut = down => cut,
    };
    if cut && matches!(fault, Fault::Reset(_)) {
        // Linger 0: closing sends a reset instead of an orderly end (and, being zero, does
        // not block on drop, which is why tokio deprecated the general case).
        #[allow(deprecated)]
        let _ = client.set_linger(Some(Duration::ZERO));
    }
}

/// The real server binary on SQLite, restartable.
struct Server {
    data: std::path::PathBuf,
    log: std::path::PathBuf,
    proc: Option<Proc>,
    addr: SocketAddr,
}

impl Server {
    async fn start(data: &Path, log: &Path) -> Self {
        let mut s = Self {
            data: data.to_owned(),
            log: log.to_owned(),
            proc: None,
            addr: "127.0.0.1:1".parse().expect("addr"),
        };
        s.restart().await;
        s
    }

    /// Starts (again) on a fresh port and waits until it answers.
    async fn restart(&mut self) {
        let (proc, port) = server::start(
            &self.data,
            &[
                ("WPPLAY_LIFECYCLE_INTERVAL_SECS", "0".into()),
                ("WPPLAY_LOG", "warn".into()),
            ],
            &self.log,
            WAIT,
        )
        .await;
        self.addr = format!("127.0.0.1:{port}").parse().expect("addr");
        self.proc = Some(proc);
    }

    /// SIGKILL: no graceful shutdown, no chance to finish anything.
    fn kill(&mut self) {
        if let Some(mut p) = self.proc.take() {
            p.kill();
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// One desktop installation: its folder and keychain entry outlive its core.
/// A desktop core running as a process of its own (`wpplay-core-process`), driven over
/// its stdin and stdout, one command at a time. Killing it is a SIGKILL, as when the app
/// dies.
struct Remote {
    io: tokio::sync::Mutex<(
        tokio::process::ChildStdin,
        tokio::io::Lines<tokio::io::BufReader<tokio::process::ChildStdout>>,
    )>,
    child: tokio::sync::Mutex<tokio::process::Child>,
}

impl Remote {
    fn spawn(dir: &Path, service: &str, server_url: &str) -> Arc<Self> {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_wpplay-core-process"))
            .arg(dir)
            .args([service, server_url])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("start wpplay-core-process");
        let stdin = child.stdin.take().expect("its stdin");
        let stdout = tokio::io::BufReader::new(child.stdout.take().expect("its stdout")).lines();
        Arc::new(Self {
            io: tokio::sync::Mutex::new((stdin, stdout)),
            child: tokio::sync::Mutex::new(child),
        })
    }

    async fn call<R: serde::de::DeserializeOwned>(
        &self,
        cmd: &str,
        args: impl serde::Serialize,
    ) -> Result<R, ErrorBody> {
        let gone = |why: String| {
            ErrorBody::new(
                wpplay_domain::Code::Unknown,
                format!("the core process is gone: {why}"),
            )
        };
        let mut io = self.io.lock().await;
        let line = format!("{}\n", serde_json::json!({"cmd": cmd, "args": args}));
        io.0.write_all(line.as_bytes())
            .await
            .map_err(|e| gone(e.to_string()))?;
        io.0.flush().await.map_err(|e| gone(e.to_string()))?;
        let answer =
            io.1.next_line()
                .await
                .map_err(|e| gone(e.to_string()))?
                .ok_or_else(|| gone("the core's process ended".into()))?;
        let v: serde_json::Value = serde_json::from_str(&answer).expect("an answer line");
        if let Some(e) = v.get("err") {
            return Err(serde_json::from_value(e.clone()).expect("an error body"));
        }
        Ok(serde_json::from_value(v["ok"].clone())
            .unwrap_or_else(|e| panic!("the answer to {cmd}: {e}: {answer}")))
    }

    /// SIGKILL, and wait until it is gone.
    async fn kill(&self) {
        let _ = self.child.lock().await.kill().await;
    }

    async fn startup(&self) -> Result<StartupView, ErrorBody> {
        self.call("startup", ()).await
    }
    async fn login(&self, args: LoginArgs) -> Result<SessionView, ErrorBody> {
        self.call("login", args).await
    }
    async fn sync_now(&self) -> Result<SyncStatus, ErrorBody> {
        self.call("sync_now", ()).await
    }
    async fn dashboard(&self) -> Result<Dashboard, ErrorBody> {
        self.call("dashboard", ()).await
    }
    async fn list_dealers(&self, q: DealerQuery) -> Result<DealerPage, ErrorBody> {
        self.call("list_dealers", q).await
    }
    async fn list_subscribers(&self, q: SubscriberQuery) -> Result<SubscriberPage, ErrorBody> {
        self.call("list_subscribers", q).await
    }
    async fn add_dealer(&self, args: AddDealerArgs) -> Result<DealerRow, ErrorBody> {
        self.call("add_dealer", args).await
    }
    async fn edit_dealer(&self, args: EditDealerArgs) -> Result<DealerRow, ErrorBody> {
        self.call("edit_dealer", args).await
    }
    async fn add_subscriber(&self, args: AddSubscriberArgs) -> Result<SubscriberRow, ErrorBody> {
        self.call("add_subscriber", args).await
    }
    async fn extend_subscriber(
        &self,
        args: ExtendSubscriberArgs,
    ) -> Result<SubscriberRow, ErrorBody> {
        self.call("extend_subscriber", args).await
    }
    async fn update_profile(&self, args: UpdateProfileArgs) -> Result<Dashboard, ErrorBody> {
        self.call("update_profile", args).await
    }
    async fn discard_rejected(&self, args: MutationArgs) -> Result<SyncStatus, ErrorBody> {
        self.call("discard_rejected", args).await
    }
}

struct Client {
    name: &'static str,
    dir: tempfile::TempDir,
    service: String,
    core: Arc<Remote>,
}

impl Client {
    fn new(name: &'static str, server_url: &str) -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let service = format!("wpplay-chaos-{name}-{}", std::process::id());
        let core = Self::core(dir.path(), &service, server_url);
        Self {
            name,
            dir,
            service,
            core,
        }
    }

    fn core(dir: &Path, service: &str, server_url: &str) -> Arc<Remote> {
        Remote::spawn(dir, service, server_url)
    }

    /// The process died: a new one on the same folder resumes the session.
    async fn restart(&mut self, server_url: &str) {
        self.core.kill().await;
        self.core = Self::core(self.dir.path(), &self.service, server_url);
        let view = self.core.startup().await.expect("startup");
        assert!(
            view.session.is_some(),
            "{} resumes its session after a restart",
            self.name
        );
    }
}

/// What the user did, to check against the server afterwards.
#[derive(Default)]
struct Ledger {
    /// Days each line was extended by, edit by edit.
    extended_days: BTreeMap<String, i64>,
    /// Dealer edits made (they may be refused as conflicts).
    dealer_edits: usize,
    /// Lines added (by name).
    new_lines: BTreeSet<String>,
    /// Refused edits the users were shown (and then discarded).
    refused: usize,
    profile_names: BTreeSet<String>,
}

/// The server's state: the whole feed of the partner folded.
#[derive(Debug, PartialEq, Eq)]
struct State {
    contact_person: String,
    /// id → (display name, status, version)
    dealers: BTreeMap<String, (String, String, i64)>,
    /// id → (name, expires at)
    lines: BTreeMap<String, (String, String)>,
}

async fn server_state(server_url: &str, token: &str) -> State {
    let mut since = 0;
    let mut state = State {
        contact_person: String::new(),
        dealers: BTreeMap::new(),
        lines: BTreeMap::new(),
    };
    loop {
        let page: PullResponse =
            server::pull_page(&reqwest::Client::new(), server_url, token, since).await;
        for c in &page.changes {
            match &c.entity {
                Entity::Profile(p) => state.contact_person = p.contact_person.clone(),
                Entity::Dealer(d) => {
                    state.dealers.insert(
                        d.id.clone(),
                        (d.display_name.clone(), format!("{:?}", d.status), d.version),
                    );
                }
                Entity::DealerRemoved(r) => {
                    state.dealers.remove(&r.id);
                }
                Entity::Subscriber(s) => {
                    state
                        .lines
                        .insert(s.id.clone(), (s.name.clone(), s.expires_at.to_rfc3339()));
                }
                Entity::SubscriberRemoved(r) => {
                    state.lines.remove(&r.id);
                }
                _ => {}
            }
        }
        since = page.cursor;
        if !page.has_more {
            return state;
        }
    }
}

/// What a client shows (its replica with nothing pending), in the same shape.
async fn client_state(core: &Remote) -> State {
    let dash = core.dashboard().await.expect("dashboard");
    let dealers = core
        .list_dealers(DealerQuery {
            search: String::new(),
            status: None,
            sort: DealerSort::Name,
            descending: false,
            page: 0,
            page_size: 500,
        })
        .await
        .expect("dealers");
    // Every page: the lines outgrow one page as the schedules add them.
    let mut lines = Vec::new();
    for page in 0.. {
        let got = core
            .list_subscribers(SubscriberQuery {
                search: String::new(),
                state: None,
                dealer: None,
                sort: SubscriberSort::Name,
                descending: false,
                page,
                page_size: 500,
            })
            .await
            .expect("lines");
        let done = (page + 1) * got.page_size >= got.total;
        lines.extend(got.rows);
        if done {
            break;
        }
    }
    State {
        contact_person: dash.profile.map(|p| p.contact_person).unwrap_or_default(),
        dealers: dealers
            .rows
            .into_iter()
            .map(|d| (d.id, (d.display_name, format!("{:?}", d.status), 0)))
            .collect(),
        lines: lines
            .into_iter()
            .map(|l| (l.id, (l.name, l.expires_at.to_rfc3339())))
            .collect(),
    }
}

/// What differs between a client's state and the server's, briefly.
fn difference(held: &State, want: &State) -> String {
    let mut out = Vec::new();
    if held.contact_person != want.contact_person {
        out.push(format!(
            "contact person: client {:?}, server {:?}",
            held.contact_person, want.contact_person
        ));
    }
    for (what, h, w) in [
        (
            "dealer",
            held.dealers
                .iter()
                .map(|(k, v)| (k.clone(), format!("{v:?}")))
                .collect::<BTreeMap<_, _>>(),
            want.dealers
                .iter()
                .map(|(k, v)| (k.clone(), format!("{v:?}")))
                .collect::<BTreeMap<_, _>>(),
        ),
        (
            "line",
            held.lines
                .iter()
                .map(|(k, v)| (k.clone(), format!("{v:?}")))
                .collect(),
            want.lines
                .iter()
                .map(|(k, v)| (k.clone(), format!("{v:?}")))
                .collect(),
        ),
    ] {
        for (k, v) in &w {
            match h.get(k) {
                None => out.push(format!("{what} {k} missing on the client (server {v})")),
                Some(hv) if hv != v => out.push(format!("{what} {k}: client {hv}, server {v}")),
                _ => {}
            }
        }
        for (k, v) in &h {
            if !w.contains_key(k) {
                out.push(format!("{what} {k} only on the client ({v})"));
            }
        }
    }
    let n = out.len();
    out.truncate(10);
    format!("{n} differences, the first: {}", out.join("; "))
}

/// The account and what was there before the chaos began.
struct Start {
    username: String,
    password: String,
    /// Each line's expiry before any extension.
    line_expiry: BTreeMap<String, chrono::DateTime<chrono::Utc>>,
    dealer_versions: BTreeMap<String, i64>,
}

/// Registers the partner, sets its password, and through client A adds two dealers and
/// two lines; both clients sign in and sync.
async fn set_up(server: &Server, a: &Client, b: &Client, proxy: &Proxy) -> Start {
    let url = server.url();
    let form = serde_json::json!({"package_id": 2, "company": "Chaos TV", "contact_person": "Ana",
        "email": "chaos@tv.rs", "phone": "+381 64 555 0000", "country": "RS", "credential_delivery": "email"});
    let password = "Chaos-pass-2026".to_owned();
    let username = server::account(
        &reqwest::Client::new(),
        &url,
        &[&server.data],
        form,
        &password,
        WAIT,
    )
    .await
    .username;
    for c in [a, b] {
        c.core
            .login(LoginArgs {
                server_url: proxy.url.clone(),
                username: username.clone(),
                password: password.clone(),
            })
            .await
            .expect("login");
    }
    for i in 1..=2 {
        a.core
            .add_dealer(AddDealerArgs {
                display_name: format!("Dealer {i}"),
                contact_email: None,
                contact_phone: None,
                username: format!("chaos.dealer{i}"),
                password: "Dealer-pass-2026".into(),
            })
            .await
            .expect("dealer");
        a.core
            .add_subscriber(AddSubscriberArgs {
                dealer_id: None,
                name: format!("Line {i}"),
                line_username: format!("line{i}"),
                mac: format!("00:1A:2B:3C:4D:0{i}"),
                days: 365,
            })
            .await
            .expect("line");
    }
    a.core.sync_now().await.expect("sync a");
    b.core.sync_now().await.expect("sync b");
    let token = server::login(&url, &username, &password).await;
    let state = server_state(&url, &token).await;
    assert_eq!(
        (state.dealers.len(), state.lines.len()),
        (2, 2),
        "{state:?}"
    );
    let mut line_expiry = BTreeMap::new();
    for (id, (_, at)) in &state.lines {
        line_expiry.insert(id.clone(), at.parse().expect("time"));
    }
    Start {
        username,
        password,
        line_expiry,
        dealer_versions: state
            .dealers
            .iter()
            .map(|(id, (_, _, v))| (id.clone(), *v))
            .collect(),
    }
}

/// One user edit by `c`, chosen by `rng`, recorded in the ledger.
async fn edit(c: &Client, rng: &mut Rng, run: u64, step: usize, ledger: &mut Ledger) {
    let tag = format!("r{run}s{step}{}", c.name);
    match rng.below(4) {
        0 => {
            let lines = client_state(&c.core).await.lines;
            let Some(id) = lines
                .keys()
                .nth(rng.below(lines.len() as u64) as usize)
                .cloned()
            else {
                return;
            };
            let days = 1 + rng.below(30) as i64;
            if c.core
                .extend_subscriber(ExtendSubscriberArgs {
                    subscriber_id: id.clone(),
                    days,
                })
                .await
                .is_ok()
            {
                *ledger.extended_days.entry(id).or_default() += days;
            }
        }
        1 => {
            let dealers = client_state(&c.core).await.dealers;
            let Some(id) = dealers
                .keys()
                .nth(rng.below(dealers.len() as u64) as usize)
                .cloned()
            else {
                return;
            };
            if c.core
                .edit_dealer(EditDealerArgs {
                    dealer_id: id,
                    display_name: format!("Dealer {tag}"),
                    contact_email: None,
                    contact_phone: None,
                })
                .await
                .is_ok()
            {
                ledger.dealer_edits += 1;
            }
        }
        2 => {
            let name = format!("Person {tag}");
            if c.core
                .update_profile(UpdateProfileArgs {
                    contact_person: name.clone(),
                    phone: "+381 64 555 0000".into(),
                })
                .await
                .is_ok()
            {
                ledger.profile_names.insert(name);
            }
        }
        _ => {
            let name = format!("Line {tag}");
            let n = ledger.new_lines.len() + 10;
            if c.core
                .add_subscriber(AddSubscriberArgs {
                    dealer_id: None,
                    name: name.clone(),
                    line_username: format!("line.{tag}").to_lowercase(),
                    mac: format!("02:00:00:00:{:02X}:{:02X}", (n / 256) % 256, n % 256),
                    days: 365,
                })
                .await
                .is_ok()
            {
                ledger.new_lines.insert(name);
            }
        }
    }
}

/// Syncs both clients until neither has anything waiting and both saw each other's work.
async fn settle(a: &Client, b: &Client, ledger: &mut Ledger, replay: &str) {
    for round in 0.. {
        let sync = async |c: &Client| {
            c.core.sync_now().await.unwrap_or_else(|e| {
                panic!("{} syncs once the faults stop: {e:?}; {replay}", c.name)
            })
        };
        let sa = sync(a).await;
        let sb = sync(b).await;
        let sa2 = sync(a).await;
        // Refused edits are shown to the user; the user reads and discards them.
        for (c, s) in [(a, &sa2), (b, &sb)] {
            for r in &s.rejected {
                assert_eq!(
                    r.code, "version_conflict",
                    "only concurrent dealer edits may be refused: {r:?}; {replay}"
                );
                ledger.refused += 1;
                c.core
                    .discard_rejected(MutationArgs {
                        mutation_id: r.mutation_id,
                    })
                    .await
                    .expect("discard");
            }
        }
        let quiet = sa.online
            && sb.online
            && sa2.online
            && sa2.pending_changes == 0
            && sb.pending_changes == 0
            && sa2.rejected.is_empty()
            && sb.rejected.is_empty();
        if quiet {
            // One more pull each, so both saw the last discards' effects (none) and each
            // other's last pushes.
            sync(b).await;
            sync(a).await;
            return;
        }
        assert!(round < 20, "the clients settle within 20 rounds; {replay}");
    }
}

/// Runs one schedule; returns what the users did.
#[allow(clippy::too_many_arguments)]
async fn schedule(
    run: u64,
    rng: &mut Rng,
    server: &mut Server,
    proxy: &Proxy,
    a: &mut Client,
    b: &mut Client,
    ledger: &mut Ledger,
    kills: &mut (usize, usize),
) {
    proxy.faults(Some(Rng(rng.next())));
    let steps = 3 + rng.below(6) as usize;
    for step in 0..steps {
        let which = rng.below(2);
        if rng.below(10) == 0 {
            // Both devices push and pull at the same moment.
            let (ca, cb) = (a.core.clone(), b.core.clone());
            let _ = tokio::join!(ca.sync_now(), cb.sync_now());
            continue;
        }
        let c = if which == 0 { &mut *a } else { &mut *b };
        match rng.below(10) {
            0..4 => edit(c, rng, run, step, ledger).await,
            4..7 => {
                let _ = c.core.sync_now().await;
            }
            7..9 => {
                // The server dies in the middle of this client's push.
                edit(c, rng, run, step, ledger).await;
                let core = c.core.clone();
                let sync = tokio::spawn(async move { core.sync_now().await });
                tokio::time::sleep(Duration::from_millis(rng.below(40))).await;
                server.kill();
                kills.0 += 1;
                let _ = sync.await;
                server.restart().await;
                proxy.point_at(server.addr);
            }
            _ => {
                // The app dies (SIGKILL) in the middle of a push (an edit waits) or of a
                // pull, then starts again on what it kept on disk.
                if rng.below(2) == 0 {
                    edit(c, rng, run, step, ledger).await;
                }
                let core = c.core.clone();
                let sync = tokio::spawn(async move { core.sync_now().await });
                tokio::time::sleep(Duration::from_millis(rng.below(40))).await;
                c.core.kill().await;
                let _ = sync.await;
                kills.1 += 1;
                c.restart(&proxy.url).await;
            }
        }
    }
    proxy.faults(None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_survives_faults_and_never_loses_or_doubles_an_edit() {
    let runs: u64 = std::env::var("WPPLAY_CHAOS_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("WPPLAY_CHAOS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::UNIX_EPOCH
                .elapsed()
                .map(|d| d.as_secs())
                .unwrap_or(1)
        });
    eprintln!(
        "chaos: {runs} schedules, seed {seed} (replay: WPPLAY_CHAOS_SEED={seed} WPPLAY_CHAOS_RUNS={runs})"
    );
    let artifacts = wpplay_e2e::workspace_root().join("e2e-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts");
    let data = tempfile::tempdir().expect("dir");
    let mut server = Server::start(
        &data.path().join("server"),
        &artifacts.join("chaos-server.log"),
    )
    .await;
    let proxy = Proxy::start(server.addr).await;
    let mut a = Client::new("a", &proxy.url);
    let mut b = Client::new("b", &proxy.url);
    let start = set_up(&server, &a, &b, &proxy).await;
    let mut ledger = Ledger::default();
    let mut kills = (0usize, 0usize);
    let replay = format!("replay: WPPLAY_CHAOS_SEED={seed} WPPLAY_CHAOS_RUNS={runs}");

    for run in 0..runs {
        let mut rng = Rng(seed ^ (run.wrapping_mul(0x2545_F491_4F6C_DD1D)));
        schedule(
            run,
            &mut rng,
            &mut server,
            &proxy,
            &mut a,
            &mut b,
            &mut ledger,
            &mut kills,
        )
        .await;
        settle(&a, &b, &mut ledger, &format!("in schedule {run}, {replay}")).await;

        // The checker.
        let url = server.url();
        let token = server::login(&url, &start.username, &start.password).await;
        let truth = server_state(&url, &token).await;
        let context = || format!("after schedule {run} ({replay})");
        for (id, before) in &start.line_expiry {
            let days = ledger.extended_days.get(id).copied().unwrap_or(0);
            let expected = (*before + chrono::Duration::days(days)).to_rfc3339();
            assert_eq!(
                truth.lines.get(id).map(|l| l.1.as_str()),
                Some(expected.as_str()),
                "line {id} was extended by exactly {days} days, each extension once; {}",
                context()
            );
        }
        let grown: i64 = truth
            .dealers
            .iter()
            .map(|(id, (_, _, v))| v - start.dealer_versions.get(id).copied().unwrap_or(0))
            .sum();
        assert_eq!(
            usize::try_from(grown).unwrap_or(usize::MAX) + ledger.refused,
            ledger.dealer_edits,
            "each dealer edit applied once or shown as refused; {}",
            context()
        );
        for name in &ledger.new_lines {
            assert_eq!(
                truth.lines.values().filter(|(n, _)| n == name).count(),
                1,
                "the new line {name} exists exactly once; {}",
                context()
            );
        }
        assert_eq!(
            truth.lines.len(),
            start.line_expiry.len() + ledger.new_lines.len(),
            "no line appeared that nobody added; {}",
            context()
        );
        assert!(
            ledger.profile_names.is_empty() || ledger.profile_names.contains(&truth.contact_person),
            "the contact person is one somebody typed; {}",
            context()
        );
        let without_versions = |s: &State| State {
            contact_person: s.contact_person.clone(),
            dealers: s
                .dealers
                .iter()
                .map(|(k, (n, st, _))| (k.clone(), (n.clone(), st.clone(), 0)))
                .collect(),
            lines: s.lines.clone(),
        };
        for c in [&a, &b] {
            let held = client_state(&c.core).await;
            let want = without_versions(&truth);
            assert!(
                held == want,
                "client {} holds exactly the server's state; {}\n{}",
                c.name,
                context(),
                difference(&held, &want)
            );
        }
    }
    eprintln!(
        "chaos: {runs} schedules passed; server killed mid-push {} times, client processes killed mid-sync {} times, {} edits refused as conflicts",
        kills.0, kills.1, ledger.refused
    );
    assert!(
        kills.0 > 0 && kills.1 > 0,
        "the schedules did kill processes"
    );
    for c in [&a, &b] {
        let _ = wpplay_desktop::keychain::delete(&c.service, &proxy.url, &start.username);
    }
}
