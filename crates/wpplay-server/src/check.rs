//! `wpplay-server check`: is this configuration ready to serve? Each part is tried for
//! real (the database answers, the SMTP server greets, the TLS pair loads) and reported
//! in one line; `serve` refuses to start on the problems that would make it unsafe.

use crate::settings::{Secret, Settings};
use sea_orm::{ConnectOptions, ConnectionTrait, Database};
use std::fmt;
use std::time::Duration;

/// The shortest payment webhook secret accepted (an HMAC key anyone could guess is none).
pub const MIN_WEBHOOK_SECRET_LEN: usize = 16;

/// How long one reachability probe may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub ok: bool,
    pub part: &'static str,
    pub text: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.ok { "ok  " } else { "FAIL" };
        write!(f, "{mark} {}: {}", self.part, self.text)
    }
}

fn ok(part: &'static str, text: impl Into<String>) -> Finding {
    Finding {
        ok: true,
        part,
        text: text.into(),
    }
}

fn fail(part: &'static str, text: impl Into<String>) -> Finding {
    Finding {
        ok: false,
        part,
        text: text.into(),
    }
}

/// Problems that stop `serve` before it listens: settings that would leave it unsafe.
pub fn serve_blockers(s: &Settings) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(secret) = &s.payment_webhook_secret {
        let len = secret.expose().trim().chars().count();
        if len < MIN_WEBHOOK_SECRET_LEN {
            problems.push(format!(
                "the payment webhook secret is {}: set WPPLAY_PAYMENT_WEBHOOK_SECRET to at least {MIN_WEBHOOK_SECRET_LEN} random characters, or leave it unset to refuse every webhook call",
                if len == 0 { "empty".to_owned() } else { format!("only {len} characters") }
            ));
        }
    }
    if let (Some(cert), Some(key)) = (&s.tls_cert, &s.tls_key)
        && let Err(e) = crate::net::tls_acceptor(cert, key)
    {
        problems.push(format!("{e:#}"));
    }
    problems
}

/// Tries every configured part; the report lists each in one line.
pub async fn run(s: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    out.push(check_data_dir(s));
    out.push(check_database(&s.database_url()).await);
    out.push(match &s.smtp_url {
        Some(url) => check_smtp(url).await,
        None => ok(
            "e-mail",
            format!(
                "no SMTP server: messages are written to {}",
                s.outbox_dir().display()
            ),
        ),
    });
    out.push(match &s.sms_gateway_url {
        Some(url) => check_http_reachable("sms gateway", url).await,
        None => ok(
            "sms",
            format!(
                "no SMS gateway: messages are written to {}",
                s.outbox_dir().display()
            ),
        ),
    });
    out.push(match &s.payment_webhook_secret {
        None => ok(
            "payment webhook",
            "no secret set: the webhook refuses every call (payments by statement or by hand still work)",
        ),
        Some(_) => match serve_blockers(&Settings {
            tls_cert: None,
            tls_key: None,
            ..s.clone()
        })
        .into_iter()
        .next()
        {
            Some(problem) => fail("payment webhook", problem),
            None => ok("payment webhook", "secret set"),
        },
    });
    out.push(match (&s.tls_cert, &s.tls_key) {
        (Some(cert), Some(key)) => match crate::net::tls_acceptor(cert, key) {
            Ok(_) => ok(
                "tls",
                format!("serving HTTPS with {} and {}", cert.display(), key.display()),
            ),
            Err(e) => fail("tls", format!("{e:#}")),
        },
        _ => ok(
            "tls",
            "plain HTTP: put a TLS-terminating proxy in front, or set WPPLAY_TLS_CERT and WPPLAY_TLS_KEY",
        ),
    });
    out.push(ok(
        "proxies",
        if s.trusted_proxies.is_empty() {
            "no trusted proxies: the TCP peer is the client".to_owned()
        } else {
            let list: Vec<String> = s.trusted_proxies.iter().map(ToString::to_string).collect();
            format!("client addresses are read from {}", list.join(", "))
        },
    ));
    out
}

fn check_data_dir(s: &Settings) -> Finding {
    let dir = &s.data_dir;
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(
            "data dir",
            format!("{} cannot be created: {e}", dir.display()),
        );
    }
    let probe = dir.join(format!(".wpplay-check-{}", std::process::id()));
    let written = std::fs::write(&probe, b"check");
    let _ = std::fs::remove_file(&probe);
    match written {
        Ok(()) => ok("data dir", format!("{} is writable", dir.display())),
        Err(e) => fail(
            "data dir",
            format!("{} is not writable: {e}", dir.display()),
        ),
    }
}

async fn check_database(url: &Secret) -> Finding {
    let mut opts = ConnectOptions::new(url.expose().to_owned());
    opts.sqlx_logging(false)
        .connect_timeout(PROBE_TIMEOUT)
        .max_connections(1);
    let probe = async {
        let db = Database::connect(opts).await?;
        db.execute_unprepared("SELECT 1").await?;
        db.close().await
    };
    match tokio::time::timeout(PROBE_TIMEOUT, probe).await {
        Ok(Ok(())) => ok("database", format!("{url:?} answers")),
        Ok(Err(e)) => fail("database", format!("{url:?}: {e}")),
        Err(_) => fail("database", format!("{url:?} did not answer within 10 s")),
    }
}

async fn check_smtp(url: &Secret) -> Finding {
    use lettre::{AsyncSmtpTransport, Tokio1Executor};
    let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose()) {
        Ok(t) => t.timeout(Some(PROBE_TIMEOUT)).build::<Tokio1Executor>(),
        Err(e) => return fail("e-mail", format!("{url:?} is not an SMTP URL: {e}")),
    };
    match tokio::time::timeout(PROBE_TIMEOUT, transport.test_connection()).await {
        Ok(Ok(true)) => ok("e-mail", format!("the SMTP server {url:?} answers")),
        Ok(Ok(false)) => fail(
            "e-mail",
            format!("the SMTP server {url:?} refused the session"),
        ),
        Ok(Err(e)) => fail("e-mail", format!("the SMTP server {url:?}: {e}")),
        Err(_) => fail(
            "e-mail",
            format!("the SMTP server {url:?} did not answer within 10 s"),
        ),
    }
}

/// The gateway's host accepts connections (nothing is sent: a probe must not text anyone).
async fn check_http_reachable(part: &'static str, url: &Secret) -> Finding {
    let Some((host, port)) = host_port(url.expose()) else {
        return fail(part, format!("{url:?} is not an http(s) URL"));
    };
    match tokio::time::timeout(
        PROBE_TIMEOUT,
        tokio::net::TcpStream::connect((host.as_str(), port)),
    )
    .await
    {
        Ok(Ok(_)) => ok(part, format!("{url:?} accepts connections")),
        Ok(Err(e)) => fail(part, format!("{url:?}: {e}")),
        Err(_) => fail(part, format!("{url:?} did not answer within 10 s")),
    }
}

/// `https://user@host:port/path` → (host, port), with the scheme's default port.
fn host_port(url: &str) -> Option<(String, u16)> {
    let (scheme, rest) = url.split_once("://")?;
    let default = match scheme.to_ascii_lowercase().as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = hostport.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        let port = after
            .strip_prefix(':')
            .map_or(Some(default), |p| p.parse().ok())?;
        return Some((host.to_owned(), port));
    }
    match hostport.rsplit_once(':') {
        Some((host, port)) => Some((host.to_owned(), port.parse().ok()?)),
        None => Some((hostport.to_owned(), default)),
    }
    .filter(|(h, _)| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_urls_name_their_host_and_port() {
        assert_eq!(
            host_port("https://sms.example/send?key=1"),
            Some(("sms.example".to_owned(), 443))
        );
        assert_eq!(
            host_port("http://user:pw@127.0.0.1:9000/x"),
            Some(("127.0.0.1".to_owned(), 9000))
        );
        assert_eq!(host_port("http://[::1]:81/"), Some(("::1".to_owned(), 81)));
        assert_eq!(host_port("ftp://x"), None);
        assert_eq!(host_port("http:///x"), None);
    }

    #[test]
    fn serve_refuses_an_empty_or_short_webhook_secret() {
        let mut s = Settings::defaults();
        assert!(
            serve_blockers(&s).is_empty(),
            "unset is fine: the webhook refuses calls"
        );
        s.payment_webhook_secret = Some(Secret::new(""));
        assert!(serve_blockers(&s)[0].contains("empty"));
        s.payment_webhook_secret = Some(Secret::new("short"));
        assert!(serve_blockers(&s)[0].contains("only 5 characters"));
        s.payment_webhook_secret = Some(Secret::new("a-long-enough-random-secret"));
        assert!(serve_blockers(&s).is_empty());
    }

    #[test]
    fn serve_refuses_tls_files_it_cannot_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = Settings::defaults();
        s.tls_cert = Some(dir.path().join("missing-cert.pem"));
        s.tls_key = Some(dir.path().join("missing-key.pem"));
        let problems = serve_blockers(&s);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("missing-cert.pem"), "{}", problems[0]);
    }
}
