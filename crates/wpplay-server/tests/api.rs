//! API integration tests: the real server over real HTTP, on SQLite and on PostgreSQL.

#[path = "api/auth.rs"]
mod auth;
#[path = "api/bad_input.rs"]
mod bad_input;
#[path = "api/billing.rs"]
mod billing;
#[path = "api/cli.rs"]
mod cli;
#[path = "api/dealers.rs"]
mod dealers;
#[path = "api/delivery.rs"]
mod delivery;
#[path = "api/desk.rs"]
mod desk;
#[path = "api/documented.rs"]
mod documented;
#[path = "api/fuzz.rs"]
mod fuzz;
#[path = "api/hardening.rs"]
mod hardening;
#[path = "api/harness.rs"]
mod harness;
#[path = "api/links.rs"]
mod links;
#[path = "api/live.rs"]
mod live;
#[path = "api/matrix.rs"]
mod matrix;
#[path = "api/multi.rs"]
mod multi;
#[path = "api/ops.rs"]
mod ops;
#[path = "api/package_limits.rs"]
mod package_limits;
#[path = "api/rations.rs"]
mod rations;
#[path = "api/recovery.rs"]
mod recovery;
#[path = "api/registration.rs"]
mod registration;
#[path = "api/releases.rs"]
mod releases;
#[path = "api/resellers.rs"]
mod resellers;
#[path = "api/second_factor.rs"]
mod second_factor;
#[path = "api/sessions.rs"]
mod sessions;
#[path = "api/simulation.rs"]
mod simulation;
#[path = "api/sync.rs"]
mod sync;

/// Runs a story on SQLite and, in a second test, on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($story:ident) => {
        mod $story {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(s) =
                    $crate::harness::TestServer::start($crate::harness::Backend::Sqlite).await
                {
                    super::$story(&s).await;
                    s.stop().await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(s) =
                    $crate::harness::TestServer::start($crate::harness::Backend::Postgres).await
                {
                    super::$story(&s).await;
                    s.stop().await;
                }
            }
        }
    };
}
