//! Live updates: the event stream says `changed` when the account's feed moves, on either
//! backend, and on PostgreSQL across two server processes (LISTEN/NOTIFY).

use crate::harness::{TestServer, fresh_pg_database};
use crate::links::{push, ready_reseller};
use crate::on_both_backends;
use serde_json::json;
use std::time::{Duration, Instant};

/// Generous: the signal normally takes milliseconds (the latency is measured by the
/// live-updates benchmark); this only bounds a test that would otherwise hang.
const WITHIN: Duration = Duration::from_secs(5);

/// A client's open event stream.
pub(crate) struct Events {
    resp: reqwest::Response,
    buf: String,
}

impl Events {
    pub(crate) async fn open(base_url: &str, token: &str) -> Self {
        let resp = reqwest::Client::new()
            .get(format!("{base_url}/api/v1/events"))
            .bearer_auth(token)
            .send()
            .await
            .expect("events");
        assert_eq!(resp.status(), reqwest::StatusCode::OK);
        let kind = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        assert!(kind.starts_with("text/event-stream"), "{kind}");
        Self {
            resp,
            buf: String::new(),
        }
    }

    /// The name of the next event within `limit` (keep-alive comments skipped).
    pub(crate) async fn next(&mut self, limit: Duration) -> Option<String> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(end) = self.buf.find("\n\n") {
                let block: String = self.buf.drain(..end + 2).collect();
                if let Some(name) = block.lines().find_map(|l| l.strip_prefix("event: ")) {
                    return Some(name.to_owned());
                }
                continue;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.resp.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buf.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return None,
            }
        }
    }
}

async fn account_id(s: &TestServer, token: &str) -> i64 {
    let (_, me) = s.get("/api/v1/me", Some(token)).await;
    me["account_id"].as_i64().expect("id")
}

async fn a_request_or_an_own_edit_signals_at_once(s: &TestServer) {
    let (_, partner) = s.ready_partner("live@partner.rs").await;
    let partner_id = account_id(s, &partner).await;
    let (_, reseller) = ready_reseller(s, "live@resell.rs", "Live Resell").await;
    let mut events = Events::open(&s.url, &partner).await;
    assert_eq!(events.next(WITHIN).await.as_deref(), Some("ready"));

    // Another account's action that lands in the partner's feed.
    let request = json!({"type": "request_partner", "request_id": uuid::Uuid::new_v4().to_string(),
        "partner_id": partner_id, "message": "Live?"});
    assert_eq!(push(s, &reseller, request).await.0, "applied");
    assert_eq!(
        events.next(WITHIN).await.as_deref(),
        Some("changed"),
        "the partner hears of the request"
    );

    // The partner's own edit from another device.
    let edit = json!({"type": "update_profile", "contact_person": "Live Person", "phone": "+381112223333"});
    assert_eq!(push(s, &partner, edit).await.0, "applied");
    assert_eq!(events.next(WITHIN).await.as_deref(), Some("changed"));
}
on_both_backends!(a_request_or_an_own_edit_signals_at_once);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_one_server_reaches_a_client_of_the_other() {
    let Some((_name, url)) = fresh_pg_database().await else {
        return;
    };
    let a = TestServer::start_on(Some(url.clone()), |_| {}).await;
    let b = TestServer::start_on(Some(url), |_| {}).await;
    let (_, partner) = a.ready_partner("two@partner.rs").await;
    let partner_id = account_id(&a, &partner).await;
    let (_, reseller) = ready_reseller(&b, "two@resell.rs", "Two Resell").await;
    let mut events = Events::open(&a.url, &partner).await;
    assert_eq!(events.next(WITHIN).await.as_deref(), Some("ready"));
    let request = json!({"type": "request_partner", "request_id": uuid::Uuid::new_v4().to_string(),
        "partner_id": partner_id, "message": "Through B"});
    assert_eq!(push(&b, &reseller, request).await.0, "applied");
    assert_eq!(
        events.next(WITHIN).await.as_deref(),
        Some("changed"),
        "a client of A hears of a change made through B"
    );
    a.stop().await;
    b.stop().await;
}
