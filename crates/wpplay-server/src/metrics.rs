//! What an operator watches: request counts and latencies by route and status, the
//! delivery outbox, the lifecycle scheduler and the live event streams, rendered as
//! Prometheus text for `GET /metrics` (`routes::metrics`) when `WPPLAY_METRICS=true`.
//! The requests are counted by the middleware in `request_log`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    total: u64,
}

/// The process's counters; cheap to clone.
#[derive(Clone, Default)]
pub struct Metrics {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// (method, route, status) → requests.
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// (method, route) → latency.
    latency: Mutex<BTreeMap<(String, String), Histogram>>,
    streams_open: AtomicI64,
    lifecycle_last_unix: AtomicI64,
    lifecycle_last_micros: AtomicU64,
    lifecycle_failures: AtomicU64,
}

/// The delivery outbox as the database has it, for the gauges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutboxBacklog {
    /// Messages waiting to be delivered.
    pub depth: u64,
    /// Age of the oldest of them, 0 when none waits.
    pub oldest_age_secs: f64,
}

/// Counts one open event stream until dropped.
pub struct StreamGuard(Metrics);

impl Drop for StreamGuard {
    fn drop(&mut self) {
        self.0.inner.streams_open.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Metrics {
    /// One request answered: its method, route pattern, status and time taken.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        if let Ok(mut r) = self.inner.requests.lock() {
            *r.entry((method.to_owned(), route.to_owned(), status))
                .or_default() += 1;
        }
        if let Ok(mut l) = self.inner.latency.lock() {
            let h = l.entry((method.to_owned(), route.to_owned())).or_default();
            for (i, le) in BUCKETS.iter().enumerate() {
                if seconds <= *le {
                    h.counts[i] += 1;
                }
            }
            h.sum += seconds;
            h.total += 1;
        }
    }

    /// An event stream opened; it counts until the guard is dropped.
    pub fn stream_opened(&self) -> StreamGuard {
        self.inner.streams_open.fetch_add(1, Ordering::Relaxed);
        StreamGuard(self.clone())
    }

    pub fn streams_open(&self) -> i64 {
        self.inner.streams_open.load(Ordering::Relaxed)
    }

    /// A lifecycle pass finished (or failed) at `at_unix` after `took`.
    pub fn lifecycle_pass(&self, at_unix: i64, took: std::time::Duration, ok: bool) {
        self.inner
            .lifecycle_last_unix
            .store(at_unix, Ordering::Relaxed);
        self.inner.lifecycle_last_micros.store(
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
        if !ok {
            self.inner
                .lifecycle_failures
                .fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Prometheus text: this process's counters, then the outbox as the database has it.
    pub fn render(&self, outbox: &OutboxBacklog) -> String {
        let mut out = String::new();
        self.render_process(&mut out);
        let _ = writeln!(
            out,
            "# HELP wpplay_outbox_undelivered Messages (e-mail, SMS) waiting to be delivered.\n# TYPE wpplay_outbox_undelivered gauge\nwpplay_outbox_undelivered {}\n# HELP wpplay_outbox_oldest_undelivered_age_seconds Age of the oldest message waiting (0: none).\n# TYPE wpplay_outbox_oldest_undelivered_age_seconds gauge\nwpplay_outbox_oldest_undelivered_age_seconds {}",
            outbox.depth, outbox.oldest_age_secs
        );
        out
    }

    fn render_process(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "# HELP wpplay_http_requests_total HTTP requests answered, by route and status.\n# TYPE wpplay_http_requests_total counter"
        );
        if let Ok(r) = self.inner.requests.lock() {
            for ((method, route, status), n) in r.iter() {
                let _ = writeln!(
                    out,
                    "wpplay_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP wpplay_http_request_duration_seconds Time to answer, by route.\n# TYPE wpplay_http_request_duration_seconds histogram"
        );
        if let Ok(l) = self.inner.latency.lock() {
            for ((method, route), h) in l.iter() {
                let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
                for (i, le) in BUCKETS.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "wpplay_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {}",
                        h.counts[i]
                    );
                }
                let _ = writeln!(
                    out,
                    "wpplay_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\nwpplay_http_request_duration_seconds_sum{{{labels}}} {}\nwpplay_http_request_duration_seconds_count{{{labels}}} {}",
                    h.total, h.sum, h.total
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP wpplay_event_streams_open Live event streams open on this process.\n# TYPE wpplay_event_streams_open gauge\nwpplay_event_streams_open {}",
            self.streams_open()
        );
        let last = self.inner.lifecycle_last_unix.load(Ordering::Relaxed);
        let took = self.inner.lifecycle_last_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(
            out,
            "# HELP wpplay_lifecycle_last_pass_timestamp_seconds When this process's last lifecycle pass ended (0: none yet).\n# TYPE wpplay_lifecycle_last_pass_timestamp_seconds gauge\nwpplay_lifecycle_last_pass_timestamp_seconds {last}\n# HELP wpplay_lifecycle_last_pass_duration_seconds How long it took.\n# TYPE wpplay_lifecycle_last_pass_duration_seconds gauge\nwpplay_lifecycle_last_pass_duration_seconds {took}\n# HELP wpplay_lifecycle_pass_failures_total Lifecycle passes that failed.\n# TYPE wpplay_lifecycle_pass_failures_total counter\nwpplay_lifecycle_pass_failures_total {}",
            self.inner.lifecycle_failures.load(Ordering::Relaxed)
        );
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"")
}
