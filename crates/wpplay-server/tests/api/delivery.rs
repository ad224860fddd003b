//! Credential delivery over a real SMTP conversation and a real HTTP SMS gateway.

use crate::harness::{Backend, TestServer, parse_credentials, registration, wait_for};
use reqwest::StatusCode;
use sea_orm::{Database, EntityTrait};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use wpplay_domain::clock::Clock;
use wpplay_server::billing::lifecycle::run_pass;
use wpplay_server::db::entity::message;

/// A minimal SMTP server: speaks the protocol, keeps every message, and answers the first
/// `fail_first` DATA commands with a temporary failure.
pub(crate) struct SmtpSink {
    pub(crate) port: u16,
    received: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub(crate) async fn start(fail_first: usize) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let failures_left = Arc::new(Mutex::new(fail_first));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (store, failures_left) = (store.clone(), failures_left.clone());
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ESMTP ready\r\n").await;
                    while let Ok(Some(line)) = lines.next_line().await {
                        let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" => b"250-sink\r\n250-8BITMIME\r\n250 SIZE 10000000\r\n",
                            "HELO" | "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
                            "DATA" => {
                                let _ = write
                                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                                    .await;
                                let mut data = String::new();
                                while let Ok(Some(l)) = lines.next_line().await {
                                    if l == "." {
                                        break;
                                    }
                                    data.push_str(&l);
                                    data.push('\n');
                                }
                                let fail = {
                                    let mut left = failures_left.lock().expect("lock");
                                    let fail = *left > 0;
                                    *left = left.saturating_sub(1);
                                    fail
                                };
                                if fail {
                                    b"451 4.3.0 Temporary failure, try later\r\n"
                                } else {
                                    store.lock().expect("lock").push(data);
                                    b"250 2.0.0 Queued\r\n"
                                }
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 Bye\r\n").await;
                                break;
                            }
                            _ => b"502 Command not implemented\r\n",
                        };
                        if write.write_all(reply).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        Self { port, received }
    }

    pub(crate) fn messages(&self) -> Vec<String> {
        self.received.lock().expect("lock").clone()
    }
}

/// A received e-mail's decoded subject and text.
fn decoded(raw: &str) -> (String, String) {
    let mail = mailparse::parse_mail(raw.as_bytes()).expect("a well-formed e-mail");
    let subject = mail
        .headers
        .iter()
        .find(|h| h.get_key() == "Subject")
        .map(|h| h.get_value())
        .unwrap_or_default();
    let text = if mail.subparts.is_empty() {
        &mail
    } else {
        &mail.subparts[0]
    };
    (subject, text.get_body().expect("a readable body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_are_written_in_the_language_chosen_at_registration() {
    let sink = SmtpSink::start(0).await;
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let s = TestServer::start_with(Backend::Sqlite, |st| {
        st.smtp_url = Some(wpplay_server::settings::Secret::new(smtp))
    })
    .await
    .expect("server");
    for (lang, email) in [
        ("en", "en@acme.rs"),
        ("sr-Latn", "latn@acme.rs"),
        ("sr-Cyrl", "cyrl@acme.rs"),
    ] {
        let mut form = registration(email);
        form["language"] = json!(lang);
        let (status, body) = s.post("/api/v1/registrations", None, form).await;
        assert_eq!(status, StatusCode::CREATED, "{lang}: {body}");
    }
    let mails = wait_for(Duration::from_secs(20), || {
        let m = sink.messages();
        (m.len() == 3).then_some(m)
    })
    .await
    .expect("three credential e-mails arrive");
    let to = |who: &str| {
        let raw = mails
            .iter()
            .find(|m| m.contains(&format!("To: {who}")))
            .unwrap_or_else(|| panic!("a mail to {who}"));
        decoded(raw)
    };
    let (subject, body) = to("en@acme.rs");
    assert_eq!(subject, "Your WP Play account");
    assert!(
        body.contains("Hello Ana Anić,")
            && body.contains("Username: ")
            && body.contains("It ends on "),
        "{body}"
    );
    let (subject, body) = to("latn@acme.rs");
    assert_eq!(subject, "Vaš WP Play nalog");
    assert!(
        body.contains("Poštovani/a Ana Anić,")
            && body.contains("Korisničko ime: ")
            && body.contains("Lozinka: ")
            && body.contains("probni period od 14 dana za paket Business"),
        "{body}"
    );
    let (subject, body) = to("cyrl@acme.rs");
    assert_eq!(subject, "Ваш WP Play налог");
    assert!(
        body.contains("Поштовани/а Ana Anić,")
            && body.contains("Корисничко име: ")
            && body.contains("Лозинка: ")
            && body.contains("WP Play Partner Desk"),
        "names and the product stay as they are written: {body}"
    );
    // The credentials in each language work.
    for (who, user_label, pass_label) in [
        ("latn@acme.rs", "Korisničko ime:", "Lozinka:"),
        ("cyrl@acme.rs", "Корисничко име:", "Лозинка:"),
    ] {
        let (_, body) = to(who);
        let after = |label: &str| {
            body.split(label)
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .unwrap_or_default()
                .to_owned()
        };
        let (status, _) = s
            .post(
                "/api/v1/auth/login",
                None,
                json!({"username": after(user_label), "password": after(pass_label)}),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "the credentials mailed in {who}'s language work"
        );
    }
    s.stop().await;
}

async fn messages(s: &TestServer) -> Vec<message::Model> {
    let db = Database::connect(s.database_url.expose())
        .await
        .expect("connect");
    message::Entity::find().all(&db).await.expect("messages")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_go_out_over_smtp_and_failures_are_retried() {
    let sink = SmtpSink::start(1).await;
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let s = TestServer::start_with(Backend::Sqlite, |st| {
        st.smtp_url = Some(wpplay_server::settings::Secret::new(smtp))
    })
    .await
    .expect("server");
    let (status, body) = s
        .post("/api/v1/registrations", None, registration("mail@acme.rs"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // The first attempt meets a temporary failure: the message waits, with its error.
    let mut pending = None;
    for _ in 0..200 {
        let m = messages(&s).await;
        if m.first().is_some_and(|m| m.attempts >= 1) {
            pending = m.into_iter().next();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let pending = pending.expect("the first attempt was made");
    assert_eq!(pending.state, "pending", "a failed send is kept for retry");
    assert!(
        pending.last_error.as_deref().unwrap_or("").contains("451"),
        "the error is recorded: {:?}",
        pending.last_error
    );
    assert!(pending.body.is_some(), "the credentials are not lost");
    assert!(sink.messages().is_empty());

    // After the back-off the retry gets through.
    s.clock.advance(chrono::Duration::seconds(31));
    let mail = wait_for(Duration::from_secs(20), || {
        sink.messages().into_iter().next()
    })
    .await
    .expect("the retry delivers the message");
    assert!(
        mail.contains("To: mail@acme.rs") && mail.contains("Subject: Your WP Play account"),
        "{mail}"
    );
    let creds = parse_credentials(&mail);
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the mailed credentials work");
    let sent = loop {
        let m = messages(&s).await.remove(0);
        if m.state == "sent" {
            break m;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(sent.attempts, 2);
    assert_eq!(
        sent.body, None,
        "the body (with the password) is cleared once delivered"
    );
    assert!(
        !std::fs::read_dir(s.data_dir.join("outbox"))
            .map(|d| d.count() > 0)
            .unwrap_or(false),
        "SMTP mode writes no files"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_go_to_the_http_gateway() {
    let received: Arc<Mutex<Vec<Value>>> = Arc::default();
    let store = received.clone();
    let gateway = axum::Router::new().route(
        "/send",
        axum::routing::post(move |axum::Json(v): axum::Json<Value>| {
            let store = store.clone();
            async move {
                store.lock().expect("lock").push(v);
                "queued"
            }
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/send", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, gateway).await });

    let s = TestServer::start_with(Backend::Sqlite, |st| {
        st.sms_gateway_url = Some(wpplay_server::settings::Secret::new(url))
    })
    .await
    .expect("server");
    let mut form = registration("sms@acme.rs");
    form["credential_delivery"] = json!("sms");
    let (status, body) = s.post("/api/v1/registrations", None, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let sms = wait_for(Duration::from_secs(20), || {
        received.lock().expect("lock").first().cloned()
    })
    .await
    .expect("the gateway receives the SMS");
    assert_eq!(sms["to"], "+381641234567");
    let creds = parse_credentials(sms["text"].as_str().expect("text"));
    let (status, _) = s
        .post(
            "/api/v1/auth/login",
            None,
            json!({"username": creds.username, "password": creds.password}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the SMS credentials work");

    // A partner who chose SMS also gets its lifecycle reminders by SMS (besides e-mail and
    // the in-app list): 7 days before the trial ends, then 3 days; each once, however
    // often the pass runs.
    let registered = s.clock.now();
    let db = wpplay_server::db::connect(&s.database_url, registered)
        .await
        .expect("connect");
    let texts = || -> Vec<String> {
        received
            .lock()
            .expect("lock")
            .iter()
            .filter_map(|v| v["text"].as_str().map(str::to_owned))
            .collect()
    };
    for (days, expect) in [(7, "ends in 7 days"), (11, "ends in 3 days")] {
        let at = registered + chrono::Duration::days(days) + chrono::Duration::hours(1);
        s.clock.set(at);
        for _ in 0..2 {
            run_pass(&db, chrono_tz::Europe::Belgrade, at, false)
                .await
                .expect("pass");
        }
        let sms = wait_for(Duration::from_secs(20), || {
            texts().into_iter().find(|t| t.contains(expect))
        })
        .await
        .unwrap_or_else(|| panic!("an SMS saying {expect:?}: {:?}", texts()));
        assert!(sms.starts_with("WP Play: Your free trial"), "{sms}");
        assert!(sms.chars().count() <= 300, "{sms}");
    }
    let reminders: Vec<String> = texts()
        .into_iter()
        .filter(|t| t.contains("free trial ends in"))
        .collect();
    assert_eq!(reminders.len(), 2, "each reminder once: {reminders:?}");
    s.stop().await;
}
