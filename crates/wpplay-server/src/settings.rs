//! Typed settings: defaults, then a TOML file (`--config`), then `WPPLAY_*` variables.

use anyhow::{Context, bail};
use serde::Deserialize;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

/// Where the server listens when nothing else is said.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8750";

/// A value that must never be printed: passwords inside URLs, shared secrets.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact_url(&self.0))
    }
}

/// Shows a URL without its secrets: the password of the user part and the whole query
/// string (`postgres://user:***@host/db`, `https://sms.example/send?***`). Anything that
/// is not a URL is hidden entirely.
pub fn redact_url(value: &str) -> String {
    let Some((scheme, rest)) = value.split_once("://") else {
        return "***".to_owned();
    };
    let (rest, query) = match rest.split_once('?') {
        Some((before, _)) => (before, "?***"),
        None => (rest, ""),
    };
    let rest = match rest.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{user}:***@{host}")
        }
        None => rest.to_owned(),
    };
    format!("{scheme}://{rest}{query}")
}

/// The server's settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    /// Holds the SQLite database (by default) and the file outbox.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; `None` means `DATA_DIR/wpplay.sqlite`.
    pub database_url: Option<Secret>,
    /// `smtp://user:pass@host:port` (or `smtps://…`); unset: e-mail goes to `DATA_DIR/outbox/`.
    pub smtp_url: Option<Secret>,
    /// The sender of every e-mail.
    pub mail_from: String,
    /// An HTTP endpoint taking `POST {"to", "text"}`; unset: SMS go to `DATA_DIR/outbox/`.
    pub sms_gateway_url: Option<Secret>,
    /// Lifetime of an access token, in seconds.
    pub access_token_ttl_secs: i64,
    /// Lifetime of a refresh token, in days.
    pub refresh_token_ttl_days: i64,
    /// A session ends this many days after its sign-in, however often it was refreshed.
    pub session_max_days: i64,
    /// The time zone of the billing calendar (periods, reminder days), e.g. `Europe/Belgrade`.
    pub time_zone: chrono_tz::Tz,
    /// How often the server runs the lifecycle pass itself, in seconds (0: never; run
    /// `wpplay-server lifecycle run` from cron instead).
    pub lifecycle_interval_secs: u64,
    /// The shared secret of the payment provider's webhook (HMAC-SHA256); unset: the
    /// webhook refuses every call.
    pub payment_webhook_secret: Option<Secret>,
    /// Who issues the invoices, and the account payments go to.
    pub issuer_name: String,
    pub issuer_address: String,
    /// The issuer's bank account, 18 digits (Serbian format `160-0000000000000-00`).
    pub issuer_account: String,
    /// A PEM certificate chain and its private key: serve HTTPS directly (rustls).
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    /// Reverse proxies (CIDRs) whose `Forwarded`/`X-Forwarded-For` name the real client.
    pub trusted_proxies: Vec<IpNet>,
    /// Serve `GET /metrics` (Prometheus text format).
    pub metrics: bool,
    /// Request and server logs as text lines or JSON objects.
    pub log_format: LogFormat,
    /// The address clients reach this server at (`https://desk.example.com`), for links
    /// it hands out (update downloads); unset: taken from each request.
    pub public_url: Option<String>,
    /// What one client may take of the server, independent of any proxy in front.
    pub limits: Limits,
}

/// The server's own bounds on connections, requests and event streams: no client,
/// slow or hostile, may stall or flood it whatever stands in front of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// A request (headers aside: body read and answer) must be done in this many seconds.
    pub request_timeout_secs: u64,
    /// A request's headers must arrive within this many seconds of its first byte, and
    /// an idle kept-alive connection is closed after it.
    pub header_timeout_secs: u64,
    /// Open TCP connections at once; more wait in the kernel's backlog.
    pub max_connections: usize,
    /// Requests being worked on at once; more are answered `503 server_busy`.
    pub max_requests_in_flight: usize,
    /// Open live event streams in all; more are answered `503 server_busy`.
    pub max_event_streams: usize,
    /// Open live event streams of one account (one per computer it signs in on); more
    /// are answered `429 too_many_streams`.
    pub max_event_streams_per_account: usize,
    /// Mutations one account may push per minute (a burst of as many at once); more are
    /// answered `429 too_many_changes` with `Retry-After` and wait in the app's queue.
    /// Counted per server process.
    pub max_changes_per_minute: usize,
    /// SMS (credentials, reminders) sent to one phone number in 24 hours; beyond that
    /// they are not sent (the outbox says why) and registration asks for e-mail.
    pub max_sms_per_number_per_day: u64,
    /// SMS sent in all in 24 hours: a ceiling on what the gateway may cost.
    pub max_sms_per_day: u64,
    /// Country calling codes SMS may go to (digits, e.g. `381`); empty: anywhere.
    pub sms_country_codes: Vec<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            request_timeout_secs: 30,
            header_timeout_secs: 20,
            max_connections: 4096,
            max_requests_in_flight: 256,
            max_event_streams: 2048,
            max_event_streams_per_account: 8,
            max_changes_per_minute: 600,
            max_sms_per_number_per_day: 5,
            max_sms_per_day: 500,
            // Serbia and its neighbours where WP Play sells.
            sms_country_codes: ["381", "382", "383", "385", "386", "387", "389"]
                .map(str::to_owned)
                .to_vec(),
        }
    }
}

/// How the server writes its log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> anyhow::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            other => bail!("log format '{other}' is neither 'text' nor 'json'"),
        }
    }
}

/// An IP network in CIDR form (`10.0.0.0/8`, `2001:db8::/32`; a bare address is one host).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Does the network hold `ip`? An IPv4-mapped IPv6 address counts as its IPv4 one.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical_ip(ip);
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for IpNet {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> anyhow::Result<Self> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .with_context(|| format!("'{s}' is not a network like 10.0.0.0/8 or 2001:db8::/32"))?;
        let addr = canonical_ip(addr);
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .with_context(|| format!("'{s}': the prefix length must be 0 to {max}"))?,
            None => max,
        };
        Ok(Self { addr, prefix })
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as the IPv4 address it is.
pub fn canonical_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn parse_proxies(v: &str) -> anyhow::Result<Vec<IpNet>> {
    v.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::parse)
        .collect()
}

/// The TOML file's shape: every field optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<Secret>,
    smtp_url: Option<Secret>,
    mail_from: Option<String>,
    sms_gateway_url: Option<Secret>,
    access_token_ttl_secs: Option<i64>,
    refresh_token_ttl_days: Option<i64>,
    session_max_days: Option<i64>,
    time_zone: Option<String>,
    lifecycle_interval_secs: Option<u64>,
    payment_webhook_secret: Option<Secret>,
    issuer_name: Option<String>,
    issuer_address: Option<String>,
    issuer_account: Option<String>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    trusted_proxies: Option<Vec<String>>,
    metrics: Option<bool>,
    log_format: Option<LogFormat>,
    public_url: Option<String>,
    request_timeout_secs: Option<u64>,
    header_timeout_secs: Option<u64>,
    max_connections: Option<usize>,
    max_requests_in_flight: Option<usize>,
    max_event_streams: Option<usize>,
    max_event_streams_per_account: Option<usize>,
    max_changes_per_minute: Option<usize>,
    max_sms_per_number_per_day: Option<u64>,
    max_sms_per_day: Option<u64>,
    sms_country_codes: Option<Vec<String>>,
}

/// Country calling codes as digits (`381`, `+382` and spaces accepted), comma-separated;
/// an empty list allows every country.
fn parse_country_codes(list: &str) -> anyhow::Result<Vec<String>> {
    list.split(',')
        .map(|c| c.trim().trim_start_matches('+'))
        .filter(|c| !c.is_empty())
        .map(|c| {
            if c.len() <= 4 && c.chars().all(|d| d.is_ascii_digit()) {
                Ok(c.to_owned())
            } else {
                bail!("sms_country_codes: '{c}' is not a country calling code such as 381")
            }
        })
        .collect()
}

impl Settings {
    /// Defaults only; the data directory is the platform's data folder.
    pub fn defaults() -> Self {
        let data_dir = dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("wpplay-server");
        Self {
            listen: DEFAULT_LISTEN
                .parse()
                .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 8750))),
            data_dir,
            database_url: None,
            smtp_url: None,
            mail_from: "WP Play <no-reply@wpplay.example>".to_owned(),
            sms_gateway_url: None,
            access_token_ttl_secs: 15 * 60,
            refresh_token_ttl_days: 30,
            session_max_days: 90,
            time_zone: chrono_tz::Europe::Belgrade,
            lifecycle_interval_secs: 300,
            payment_webhook_secret: None,
            issuer_name: "WP Play d.o.o.".to_owned(),
            issuer_address: "Beograd, Srbija".to_owned(),
            issuer_account: "160-0000000000000-00".to_owned(),
            tls_cert: None,
            tls_key: None,
            trusted_proxies: Vec::new(),
            metrics: false,
            log_format: LogFormat::Text,
            public_url: None,
            limits: Limits::default(),
        }
    }

    /// Defaults → the TOML file (if given) → `WPPLAY_*` from `env`.
    pub fn load(
        config: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Self> {
        let mut s = Self::defaults();
        if let Some(path) = config {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the config file {}", path.display()))?;
            let file: FileSettings = toml::from_str(&text)
                .with_context(|| format!("parsing the config file {}", path.display()))?;
            s.apply_file(file)?;
        }
        s.apply_env(env)?;
        if s.tls_cert.is_some() != s.tls_key.is_some() {
            bail!("HTTPS needs both WPPLAY_TLS_CERT and WPPLAY_TLS_KEY (tls_cert and tls_key)");
        }
        Ok(s)
    }

    fn apply_file(&mut self, f: FileSettings) -> anyhow::Result<()> {
        if let Some(v) = f.listen {
            self.listen = parse_listen(&v)?;
        }
        if let Some(v) = f.data_dir {
            self.data_dir = v;
        }
        self.database_url = f.database_url.or(self.database_url.take());
        self.smtp_url = f.smtp_url.or(self.smtp_url.take());
        self.sms_gateway_url = f.sms_gateway_url.or(self.sms_gateway_url.take());
        if let Some(v) = f.mail_from {
            self.mail_from = v;
        }
        if let Some(v) = f.access_token_ttl_secs {
            self.access_token_ttl_secs = v;
        }
        if let Some(v) = f.refresh_token_ttl_days {
            self.refresh_token_ttl_days = v;
        }
        if let Some(v) = f.session_max_days {
            self.session_max_days = v;
        }
        if let Some(v) = f.time_zone {
            self.time_zone = parse_tz(&v)?;
        }
        if let Some(v) = f.lifecycle_interval_secs {
            self.lifecycle_interval_secs = v;
        }
        self.payment_webhook_secret = f
            .payment_webhook_secret
            .or(self.payment_webhook_secret.take());
        if let Some(v) = f.issuer_name {
            self.issuer_name = v;
        }
        if let Some(v) = f.issuer_address {
            self.issuer_address = v;
        }
        if let Some(v) = f.issuer_account {
            self.issuer_account = v;
        }
        self.tls_cert = f.tls_cert.or(self.tls_cert.take());
        self.tls_key = f.tls_key.or(self.tls_key.take());
        if let Some(v) = f.trusted_proxies {
            self.trusted_proxies = parse_proxies(&v.join(","))?;
        }
        if let Some(v) = f.metrics {
            self.metrics = v;
        }
        if let Some(v) = f.log_format {
            self.log_format = v;
        }
        if let Some(v) = f.public_url {
            self.public_url = Some(parse_public_url(&v)?);
        }
        let l = &mut self.limits;
        l.request_timeout_secs = f.request_timeout_secs.unwrap_or(l.request_timeout_secs);
        l.header_timeout_secs = f.header_timeout_secs.unwrap_or(l.header_timeout_secs);
        l.max_connections = f.max_connections.unwrap_or(l.max_connections);
        l.max_requests_in_flight = f.max_requests_in_flight.unwrap_or(l.max_requests_in_flight);
        l.max_event_streams = f.max_event_streams.unwrap_or(l.max_event_streams);
        l.max_event_streams_per_account = f
            .max_event_streams_per_account
            .unwrap_or(l.max_event_streams_per_account);
        l.max_changes_per_minute = f.max_changes_per_minute.unwrap_or(l.max_changes_per_minute);
        l.max_sms_per_number_per_day = f
            .max_sms_per_number_per_day
            .unwrap_or(l.max_sms_per_number_per_day);
        l.max_sms_per_day = f.max_sms_per_day.unwrap_or(l.max_sms_per_day);
        if let Some(codes) = f.sms_country_codes {
            l.sms_country_codes = parse_country_codes(&codes.join(","))?;
        }
        Ok(())
    }

    fn apply_env(&mut self, env: impl Fn(&str) -> Option<String>) -> anyhow::Result<()> {
        let get = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("WPPLAY_LISTEN") {
            self.listen = parse_listen(&v)?;
        }
        if let Some(v) = get("WPPLAY_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
        }
        if let Some(v) = get("WPPLAY_DATABASE_URL") {
            self.database_url = Some(Secret::new(v));
        }
        if let Some(v) = get("WPPLAY_SMTP_URL") {
            self.smtp_url = Some(Secret::new(v));
        }
        if let Some(v) = get("WPPLAY_MAIL_FROM") {
            self.mail_from = v;
        }
        if let Some(v) = get("WPPLAY_SMS_GATEWAY_URL") {
            self.sms_gateway_url = Some(Secret::new(v));
        }
        if let Some(v) = get("WPPLAY_ACCESS_TOKEN_TTL_SECS") {
            self.access_token_ttl_secs = v
                .parse()
                .context("WPPLAY_ACCESS_TOKEN_TTL_SECS must be a number of seconds")?;
        }
        if let Some(v) = get("WPPLAY_REFRESH_TOKEN_TTL_DAYS") {
            self.refresh_token_ttl_days = v
                .parse()
                .context("WPPLAY_REFRESH_TOKEN_TTL_DAYS must be a number of days")?;
        }
        if let Some(v) = get("WPPLAY_SESSION_MAX_DAYS") {
            self.session_max_days = v
                .parse()
                .context("WPPLAY_SESSION_MAX_DAYS must be a number of days")?;
        }
        if let Some(v) = get("WPPLAY_TIME_ZONE") {
            self.time_zone = parse_tz(&v)?;
        }
        if let Some(v) = get("WPPLAY_LIFECYCLE_INTERVAL_SECS") {
            self.lifecycle_interval_secs = v
                .parse()
                .context("WPPLAY_LIFECYCLE_INTERVAL_SECS must be a number of seconds")?;
        }
        // Set but empty is kept, so that `serve` refuses it instead of quietly ignoring it.
        if let Some(v) = env("WPPLAY_PAYMENT_WEBHOOK_SECRET") {
            self.payment_webhook_secret = Some(Secret::new(v));
        }
        if let Some(v) = get("WPPLAY_ISSUER_NAME") {
            self.issuer_name = v;
        }
        if let Some(v) = get("WPPLAY_ISSUER_ADDRESS") {
            self.issuer_address = v;
        }
        if let Some(v) = get("WPPLAY_ISSUER_ACCOUNT") {
            self.issuer_account = v;
        }
        if let Some(v) = get("WPPLAY_TLS_CERT") {
            self.tls_cert = Some(PathBuf::from(v));
        }
        if let Some(v) = get("WPPLAY_TLS_KEY") {
            self.tls_key = Some(PathBuf::from(v));
        }
        if let Some(v) = get("WPPLAY_TRUSTED_PROXIES") {
            self.trusted_proxies =
                parse_proxies(&v).context("WPPLAY_TRUSTED_PROXIES: comma-separated CIDRs")?;
        }
        if let Some(v) = get("WPPLAY_METRICS") {
            self.metrics = parse_bool(&v).context("WPPLAY_METRICS must be true or false")?;
        }
        if let Some(v) = get("WPPLAY_LOG_FORMAT") {
            self.log_format = v.parse()?;
        }
        if let Some(v) = get("WPPLAY_PUBLIC_URL") {
            self.public_url = Some(parse_public_url(&v)?);
        }
        if self.access_token_ttl_secs < 1
            || self.refresh_token_ttl_days < 1
            || self.session_max_days < 1
        {
            bail!("token and session lifetimes must be positive");
        }
        let count = |name: &str| -> anyhow::Result<Option<u64>> {
            get(name)
                .map(|v| {
                    v.trim()
                        .parse::<u64>()
                        .with_context(|| format!("{name} must be a whole number"))
                })
                .transpose()
        };
        let l = &mut self.limits;
        if let Some(v) = count("WPPLAY_REQUEST_TIMEOUT_SECS")? {
            l.request_timeout_secs = v;
        }
        if let Some(v) = count("WPPLAY_HEADER_TIMEOUT_SECS")? {
            l.header_timeout_secs = v;
        }
        let size = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
        if let Some(v) = count("WPPLAY_MAX_CONNECTIONS")? {
            l.max_connections = size(v);
        }
        if let Some(v) = count("WPPLAY_MAX_REQUESTS_IN_FLIGHT")? {
            l.max_requests_in_flight = size(v);
        }
        if let Some(v) = count("WPPLAY_MAX_EVENT_STREAMS")? {
            l.max_event_streams = size(v);
        }
        if let Some(v) = count("WPPLAY_MAX_EVENT_STREAMS_PER_ACCOUNT")? {
            l.max_event_streams_per_account = size(v);
        }
        if let Some(v) = count("WPPLAY_MAX_CHANGES_PER_MINUTE")? {
            l.max_changes_per_minute = size(v);
        }
        if let Some(v) = count("WPPLAY_MAX_SMS_PER_NUMBER_PER_DAY")? {
            l.max_sms_per_number_per_day = v;
        }
        if let Some(v) = count("WPPLAY_MAX_SMS_PER_DAY")? {
            l.max_sms_per_day = v;
        }
        if let Some(v) = env("WPPLAY_SMS_COUNTRY_CODES") {
            l.sms_country_codes = parse_country_codes(&v)?;
        }
        let l = &self.limits;
        if l.request_timeout_secs == 0
            || l.header_timeout_secs == 0
            || l.max_connections == 0
            || l.max_requests_in_flight == 0
            || l.max_event_streams == 0
            || l.max_event_streams_per_account == 0
            || l.max_changes_per_minute == 0
        {
            bail!(
                "timeouts and limits must be at least 1 (request_timeout_secs, header_timeout_secs, max_*)"
            );
        }
        Ok(())
    }

    /// The database URL in force: the configured one or the embedded SQLite file.
    pub fn database_url(&self) -> Secret {
        self.database_url.clone().unwrap_or_else(|| {
            Secret::new(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("wpplay.sqlite").display()
            ))
        })
    }

    /// Where undelivered-by-network messages are written for a developer to read.
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }
}

fn parse_public_url(v: &str) -> anyhow::Result<String> {
    let v = v.trim().trim_end_matches('/');
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && !v.contains(char::is_whitespace)
        && v.split("://").nth(1).is_some_and(|rest| !rest.is_empty());
    if !ok {
        bail!("public_url '{v}' is not an address like https://desk.example.com");
    }
    Ok(v.to_owned())
}

fn parse_bool(v: &str) -> anyhow::Result<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => bail!("'{v}' is not true or false"),
    }
}

fn parse_tz(v: &str) -> anyhow::Result<chrono_tz::Tz> {
    v.trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("{v:?} is not a time zone name; use one like Europe/Belgrade"))
}

fn parse_listen(v: &str) -> anyhow::Result<SocketAddr> {
    v.trim()
        .parse()
        .with_context(|| format!("'{v}' is not a listen address like 127.0.0.1:8750"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn env_overrides_file_overrides_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("server.toml");
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:9000\"\nmail_from = \"Ops <ops@example.com>\"\nsmtp_url = \"smtp://a:file@mail:25\"\n",
        )
        .expect("write config");
        let env: HashMap<&str, &str> = [
            ("WPPLAY_LISTEN", "127.0.0.1:9100"),
            (
                "WPPLAY_DATABASE_URL",
                "postgres://postgres:hunter2@127.0.0.1/test",
            ),
        ]
        .into();
        let s =
            Settings::load(Some(&file), |k| env.get(k).map(|v| (*v).to_owned())).expect("loads");
        assert_eq!(s.listen.port(), 9100, "the environment wins over the file");
        assert_eq!(
            s.mail_from, "Ops <ops@example.com>",
            "the file wins over defaults"
        );
        assert_eq!(
            s.smtp_url.as_ref().map(Secret::expose),
            Some("smtp://a:file@mail:25")
        );
        let printed = format!("{s:?}");
        assert!(
            !printed.contains("hunter2") && !printed.contains(":file@"),
            "secrets are redacted: {printed}"
        );
        assert!(
            printed.contains("postgres://postgres:***@127.0.0.1/test"),
            "{printed}"
        );
    }

    #[test]
    fn urls_lose_their_secrets() {
        assert_eq!(
            redact_url("postgres://u:pw@h:5432/db?sslmode=require&password=x"),
            "postgres://u:***@h:5432/db?***"
        );
        assert_eq!(
            redact_url("https://sms.example/send?apikey=k"),
            "https://sms.example/send?***"
        );
        assert_eq!(redact_url("smtp://127.0.0.1:2525"), "smtp://127.0.0.1:2525");
        assert_eq!(redact_url("just-a-secret"), "***");
    }

    #[test]
    fn defaults_listen_on_8750_with_embedded_sqlite() {
        let s = Settings::load(None, |_| None).expect("defaults load");
        assert_eq!(s.listen.to_string(), "127.0.0.1:8750");
        assert!(s.database_url().expose().starts_with("sqlite://"));
    }

    #[test]
    fn networks_hold_their_addresses() {
        let net: IpNet = "10.1.0.0/16".parse().expect("parses");
        assert!(net.contains("10.1.200.3".parse().expect("ip")));
        assert!(!net.contains("10.2.0.1".parse().expect("ip")));
        assert!(
            net.contains("::ffff:10.1.0.9".parse().expect("ip")),
            "an IPv4-mapped address is its IPv4 one"
        );
        let v6: IpNet = "2001:db8::/32".parse().expect("parses");
        assert!(v6.contains("2001:db8:ffff::1".parse().expect("ip")));
        assert!(!v6.contains("2001:db9::1".parse().expect("ip")));
        let host: IpNet = "127.0.0.1".parse().expect("a bare address");
        assert!(host.contains("127.0.0.1".parse().expect("ip")));
        assert!(!host.contains("127.0.0.2".parse().expect("ip")));
        let all: IpNet = "0.0.0.0/0".parse().expect("parses");
        assert!(all.contains("8.8.8.8".parse().expect("ip")));
        for bad in ["10.0.0.0/33", "nowhere", "::/129", "10.0.0.0/x"] {
            assert!(bad.parse::<IpNet>().is_err(), "{bad} is refused");
        }
        let s = Settings::load(None, |k| {
            (k == "WPPLAY_TRUSTED_PROXIES").then(|| "127.0.0.1, 10.0.0.0/8".to_owned())
        })
        .expect("loads");
        assert_eq!(s.trusted_proxies.len(), 2);
    }

    /// Every key of the TOML file, as `packaging/server/server.toml` must show them.
    const FILE_KEYS: &[&str] = &[
        "listen",
        "data_dir",
        "database_url",
        "smtp_url",
        "mail_from",
        "sms_gateway_url",
        "access_token_ttl_secs",
        "refresh_token_ttl_days",
        "session_max_days",
        "time_zone",
        "lifecycle_interval_secs",
        "payment_webhook_secret",
        "issuer_name",
        "issuer_address",
        "issuer_account",
        "tls_cert",
        "tls_key",
        "trusted_proxies",
        "metrics",
        "log_format",
        "public_url",
        "request_timeout_secs",
        "header_timeout_secs",
        "max_connections",
        "max_requests_in_flight",
        "max_event_streams",
        "max_event_streams_per_account",
        "max_changes_per_minute",
        "max_sms_per_number_per_day",
        "max_sms_per_day",
        "sms_country_codes",
    ];

    #[test]
    fn the_packaged_settings_file_shows_every_setting_and_parses() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../packaging/server/server.toml"
        );
        let text = std::fs::read_to_string(path).expect("the packaged settings file");
        for key in FILE_KEYS {
            assert!(
                text.lines()
                    .any(|l| l.trim_start_matches('#').starts_with(&format!("{key} = "))),
                "{key} is missing from {path}"
            );
        }
        toml::from_str::<FileSettings>(&text).expect("the file as shipped parses");
        // Uncommented, every example is a valid setting (an empty secret aside).
        let all: String = text
            .lines()
            .map(|l| match l.strip_prefix('#') {
                Some(rest)
                    if FILE_KEYS
                        .iter()
                        .any(|k| rest.starts_with(&format!("{k} = "))) =>
                {
                    rest
                }
                _ => l,
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let file: FileSettings = toml::from_str(&all).expect("every example parses");
        let mut s = Settings::defaults();
        s.apply_file(file).expect("every example is a valid value");
        assert_eq!(s.data_dir, PathBuf::from("/var/lib/wpplay-server"));
        assert_eq!(s.trusted_proxies.len(), 2);
    }

    #[test]
    fn tls_needs_both_files() {
        let err = Settings::load(None, |k| {
            (k == "WPPLAY_TLS_CERT").then(|| "/etc/wpplay/cert.pem".to_owned())
        })
        .expect_err("a certificate without its key is refused");
        assert!(err.to_string().contains("WPPLAY_TLS_KEY"), "{err}");
    }

    #[test]
    fn bad_values_are_explained() {
        let err = Settings::load(None, |k| {
            (k == "WPPLAY_LISTEN").then(|| "nowhere".to_owned())
        })
        .expect_err("refused");
        assert!(err.to_string().contains("listen address"), "{err}");
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "lisen = \"x\"").expect("write");
        assert!(
            Settings::load(Some(&file), |_| None).is_err(),
            "unknown keys are refused"
        );
    }
}
