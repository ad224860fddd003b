//! The clocks programs run on: the system time, or in a debug build told to, the system
//! time moved by an offset read from a file. This is the edge where the real time is read;
//! the domain only sees the [`Clock`] trait and the `now` it gives.

use chrono::{DateTime, Utc};
use std::sync::Arc;
pub use wpplay_domain::clock::{Clock, ManualClock};

/// The real clock: the only place in the workspace that reads the system time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The environment variable naming a file that moves a debug build's clock (see
/// [`from_env`]). Release builds do not contain it, nor the clock that reads it.
#[cfg(debug_assertions)]
pub const DEBUG_OFFSET_FILE_VAR: &str = "WPPLAY_DEBUG_CLOCK_OFFSET_FILE";

/// The system time plus a number of seconds read from a file on every call (missing,
/// empty or unreadable: no offset). The end-to-end story moves the server, its operator
/// commands and the desktop app together through the calendar with it.
#[cfg(debug_assertions)]
#[derive(Debug, Clone)]
pub struct OffsetFileClock {
    path: std::path::PathBuf,
}

#[cfg(debug_assertions)]
impl OffsetFileClock {
    pub fn new(path: impl Into<std::path::PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The offset in whole seconds the file holds now.
    pub fn offset_secs(&self) -> i64 {
        std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }
}

#[cfg(debug_assertions)]
impl Clock for OffsetFileClock {
    fn now(&self) -> DateTime<Utc> {
        SystemClock.now() + chrono::Duration::seconds(self.offset_secs())
    }
}

/// The clock a program should run on: the system clock, or in a debug build whose
/// environment names `WPPLAY_DEBUG_CLOCK_OFFSET_FILE`, an `OffsetFileClock` on that
/// file. A release build has neither the variable nor that clock compiled in.
pub fn from_env() -> Arc<dyn Clock> {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os(DEBUG_OFFSET_FILE_VAR) {
        return Arc::new(OffsetFileClock::new(path));
    }
    Arc::new(SystemClock)
}

/// Whether this program runs on a moved clock (a debug build told to): never in release.
pub fn is_moved() -> bool {
    #[cfg(debug_assertions)]
    if std::env::var_os(DEBUG_OFFSET_FILE_VAR).is_some() {
        return true;
    }
    false
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use super::*;

    #[test]
    fn offset_file_clock_follows_its_file() {
        let dir = std::env::temp_dir().join(format!("wpplay-clock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("offset");
        let clock = OffsetFileClock::new(&file);
        assert_eq!(clock.offset_secs(), 0, "no file: no offset");
        std::fs::write(&file, "604800\n").expect("write");
        let ahead = clock.now() - SystemClock.now();
        assert!(
            (ahead - chrono::Duration::days(7)).num_seconds().abs() <= 1,
            "{ahead}"
        );
        std::fs::write(&file, "not a number").expect("write");
        assert_eq!(clock.offset_secs(), 0, "garbage: no offset");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
