//! Typed settings: defaults, then a TOML file (`--config`), then `WPPLAY_*` variables.

use anyhow::{Context, bail};
use serde::Deserialize;
use std::fmt;
use std::net::SocketAddr;
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
    time_zone: Option<String>,
    lifecycle_interval_secs: Option<u64>,
    payment_webhook_secret: Option<Secret>,
    issuer_name: Option<String>,
    issuer_address: Option<String>,
    issuer_account: Option<String>,
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
            time_zone: chrono_tz::Europe::Belgrade,
            lifecycle_interval_secs: 300,
            payment_webhook_secret: None,
            issuer_name: "WP Play d.o.o.".to_owned(),
            issuer_address: "Beograd, Srbija".to_owned(),
            issuer_account: "160-0000000000000-00".to_owned(),
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
        if let Some(v) = get("WPPLAY_TIME_ZONE") {
            self.time_zone = parse_tz(&v)?;
        }
        if let Some(v) = get("WPPLAY_LIFECYCLE_INTERVAL_SECS") {
            self.lifecycle_interval_secs = v
                .parse()
                .context("WPPLAY_LIFECYCLE_INTERVAL_SECS must be a number of seconds")?;
        }
        if let Some(v) = get("WPPLAY_PAYMENT_WEBHOOK_SECRET") {
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
        if self.access_token_ttl_secs < 1 || self.refresh_token_ttl_days < 1 {
            bail!("token lifetimes must be positive");
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
