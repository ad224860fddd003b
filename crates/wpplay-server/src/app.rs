//! The HTTP application: the router and the server's life.

use crate::delivery::Deliverer;
use crate::error::ApiError;
use crate::routes;
use crate::settings::Settings;
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use wpplay_domain::Code;
use wpplay_domain::clock::Clock;

/// The largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Every route: method and path. The OpenAPI document and the authorization tests are
/// checked against this list, so a route cannot be added without them.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/metrics"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/v1/packages"),
    ("POST", "/api/v1/registrations"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/api/v1/auth/password"),
    ("POST", "/api/v1/auth/recovery"),
    ("POST", "/api/v1/auth/recovery/confirm"),
    ("POST", "/api/v1/auth/second-factor"),
    ("GET", "/api/v1/auth/second-factor"),
    ("POST", "/api/v1/auth/second-factor/enrol"),
    ("POST", "/api/v1/auth/second-factor/confirm"),
    ("POST", "/api/v1/auth/second-factor/disable"),
    ("PUT", "/api/v1/partner/dealer-second-factor"),
    ("GET", "/api/v1/me"),
    ("GET", "/api/v1/sessions"),
    ("DELETE", "/api/v1/sessions/{id}"),
    ("POST", "/api/v1/sessions/end-others"),
    ("GET", "/api/v1/audit"),
    ("GET", "/api/v1/operator/partners"),
    ("GET", "/api/v1/operator/partners/{id}"),
    ("GET", "/api/v1/operator/payments"),
    ("POST", "/api/v1/operator/payments"),
    ("POST", "/api/v1/operator/payments/{id}/resolve"),
    ("POST", "/api/v1/operator/statements/preview"),
    ("POST", "/api/v1/operator/statements/import"),
    ("GET", "/api/v1/operator/packages"),
    ("POST", "/api/v1/operator/packages"),
    ("PATCH", "/api/v1/operator/packages/{id}"),
    ("GET", "/api/v1/operator/lifecycle/upcoming"),
    ("POST", "/api/v1/operator/lifecycle/run"),
    ("GET", "/api/v1/operator/deliveries"),
    ("GET", "/api/v1/operator/invoices"),
    ("POST", "/api/v1/operator/deliveries/{id}/retry"),
    ("GET", "/api/v1/partners"),
    ("GET", "/api/v1/partners/{partner_id}/content"),
    ("GET", "/api/v1/sync/pull"),
    ("GET", "/api/v1/events"),
    ("POST", "/api/v1/sync/push"),
    ("POST", "/api/v1/payments/webhook"),
    ("GET", "/api/v1/billing"),
    ("POST", "/api/v1/billing/package"),
    ("GET", "/api/v1/billing/invoices/{number}/pdf"),
    ("GET", "/api/v1/desktop/updates/{target}/{current_version}"),
    ("GET", "/api/v1/desktop/releases/{target}/{version}/{file}"),
];

/// The router with every route of [`ROUTES`].
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(routes::health::healthz))
        .route("/metrics", get(routes::metrics::metrics))
        .route("/api/openapi.json", get(routes::openapi::document))
        .route("/api/v1/packages", get(routes::packages::list))
        .route(
            "/api/v1/registrations",
            post(routes::registrations::register),
        )
        .route("/api/v1/auth/login", post(routes::auth::login))
        .route("/api/v1/auth/refresh", post(routes::auth::refresh))
        .route("/api/v1/auth/logout", post(routes::auth::logout))
        .route("/api/v1/auth/password", post(routes::auth::change_password))
        .route(
            "/api/v1/auth/second-factor",
            get(routes::second_factor::status).post(routes::second_factor::sign_in),
        )
        .route(
            "/api/v1/auth/second-factor/enrol",
            post(routes::second_factor::enrol),
        )
        .route(
            "/api/v1/auth/second-factor/confirm",
            post(routes::second_factor::confirm),
        )
        .route(
            "/api/v1/auth/second-factor/disable",
            post(routes::second_factor::disable),
        )
        .route(
            "/api/v1/partner/dealer-second-factor",
            put(routes::second_factor::dealer_rule),
        )
        .route(
            "/api/v1/auth/recovery",
            post(routes::auth::request_recovery),
        )
        .route(
            "/api/v1/auth/recovery/confirm",
            post(routes::auth::recover_password),
        )
        .route("/api/v1/me", get(routes::me::me))
        .route("/api/v1/sessions", get(routes::sessions::list))
        .route(
            "/api/v1/sessions/{id}",
            axum::routing::delete(routes::sessions::end),
        )
        .route(
            "/api/v1/sessions/end-others",
            post(routes::sessions::end_others),
        )
        .route("/api/v1/audit", get(routes::audit::list))
        .route("/api/v1/operator/partners", get(routes::operator::partners))
        .route(
            "/api/v1/operator/partners/{id}",
            get(routes::operator::partner),
        )
        .route(
            "/api/v1/operator/payments",
            get(routes::operator::payments).post(routes::operator::register_payment),
        )
        .route(
            "/api/v1/operator/payments/{id}/resolve",
            post(routes::operator::resolve),
        )
        // A statement file is larger than any other body (its own bound, checked again
        // after decoding).
        .route(
            "/api/v1/operator/statements/preview",
            post(routes::operator::preview_statement).layer(DefaultBodyLimit::max(
                routes::operator::STATEMENT_BODY_BYTES,
            )),
        )
        .route(
            "/api/v1/operator/statements/import",
            post(routes::operator::import_statement).layer(DefaultBodyLimit::max(
                routes::operator::STATEMENT_BODY_BYTES,
            )),
        )
        .route(
            "/api/v1/operator/packages",
            get(routes::desk::packages).post(routes::desk::add_package),
        )
        .route(
            "/api/v1/operator/packages/{id}",
            axum::routing::patch(routes::desk::change_package),
        )
        .route(
            "/api/v1/operator/lifecycle/upcoming",
            get(routes::desk::upcoming),
        )
        .route(
            "/api/v1/operator/lifecycle/run",
            post(routes::desk::run_lifecycle),
        )
        .route("/api/v1/operator/deliveries", get(routes::desk::deliveries))
        .route("/api/v1/operator/invoices", get(routes::desk::invoices))
        .route(
            "/api/v1/operator/deliveries/{id}/retry",
            post(routes::desk::retry_delivery),
        )
        .route("/api/v1/partners", get(routes::directory::list))
        .route(
            "/api/v1/partners/{partner_id}/content",
            get(routes::content::list),
        )
        .route("/api/v1/sync/pull", get(routes::sync::pull))
        .route("/api/v1/events", get(routes::events::events))
        .route("/api/v1/payments/webhook", post(routes::payments::webhook))
        .route("/api/v1/billing", get(routes::billing::view))
        .route(
            "/api/v1/billing/package",
            post(routes::billing::choose_package),
        )
        .route(
            "/api/v1/billing/invoices/{number}/pdf",
            get(routes::billing::invoice_pdf),
        )
        .route("/api/v1/sync/push", post(routes::sync::push))
        .route(
            "/api/v1/desktop/updates/{target}/{current_version}",
            get(routes::desktop::updates),
        )
        .route(
            "/api/v1/desktop/releases/{target}/{version}/{file}",
            get(routes::desktop::download),
        )
        .fallback(|| async { ApiError::not_found() })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                axum::http::StatusCode::METHOD_NOT_ALLOWED,
                Code::MethodNotAllowed,
                "This address does not accept that method.",
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            crate::limits::RequestLimits::new(&state.settings.limits),
            crate::limits::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::request_log::track,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                Code::InternalError,
                "The server hit an unexpected problem; it has been logged.",
            ))
        }))
        .with_state(state)
}

/// Connects the database, seeds the catalog, starts delivery and serves until `shutdown`.
pub async fn launch_with_listener(
    settings: Settings,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let clock = wpplay_clock::from_env();
    if wpplay_clock::is_moved() {
        tracing::warn!("this debug build runs on a moved clock (WPPLAY_DEBUG_CLOCK_OFFSET_FILE)");
    }
    launch(settings, listener, clock, shutdown).await
}

/// [`launch_with_listener`] with an injected clock.
pub async fn launch(
    settings: Settings,
    listener: TcpListener,
    clock: Arc<dyn Clock>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let blockers = crate::check::serve_blockers(&settings);
    if !blockers.is_empty() {
        anyhow::bail!("not starting: {}", blockers.join("; "));
    }
    let tls = match (&settings.tls_cert, &settings.tls_key) {
        (Some(cert), Some(key)) => Some(crate::net::tls_acceptor(cert, key)?),
        _ => None,
    };
    crate::private_fs::create_dir(&settings.data_dir)?;
    // While it is held, `wpplay-server restore` refuses to swap the SQLite file.
    let _serving = crate::backup::hold_serving_lock(&settings)?;
    let db = crate::db::connect(&settings.database_url(), clock.now()).await?;
    let rations = crate::limits::ChangeRations::new(&settings.limits);
    let state = AppState {
        db: db.clone(),
        settings: Arc::new(settings),
        clock,
        outbox_wake: Arc::new(Notify::new()),
        live: crate::live::Live::new(),
        metrics: crate::metrics::Metrics::default(),
        rations,
    };
    let deliverer = Deliverer::from_state(&state)?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(deliverer.run(stop_rx.clone()));
    let sweeper = tokio::spawn(sweep_throttle(state.clone(), stop_rx.clone()));
    let watcher = tokio::spawn(state.live.clone().watch(db.clone(), stop_rx.clone()));
    let scheduler = tokio::spawn(run_lifecycle(state.clone(), stop_rx));
    tracing::info!(
        addr = %listener.local_addr()?,
        https = tls.is_some(),
        "wpplay-server listening"
    );
    // Open event streams end first, or the graceful shutdown would wait for them.
    let live = state.live.clone();
    let shutdown = async move {
        shutdown.await;
        live.close();
    };
    let limits = state.settings.limits.clone();
    let app = router(state);
    let result = match tls {
        Some(acceptor) => {
            let listener = crate::net::TlsListener::new(listener, acceptor)?;
            crate::net::serve(listener, app, &limits, shutdown).await
        }
        None => crate::net::serve(listener, app, &limits, shutdown).await,
    };
    let _ = stop_tx.send(true);
    let _ = worker.await;
    let _ = sweeper.await;
    let _ = scheduler.await;
    let _ = watcher.await;
    db.close().await.ok();
    Ok(result?)
}

/// Every `lifecycle_interval_secs`, one lifecycle pass (reminders, invoices, locks,
/// purges). Several processes may run it at once: each event happens once anyway.
async fn run_lifecycle(state: AppState, mut stop: tokio::sync::watch::Receiver<bool>) {
    let every = state.settings.lifecycle_interval_secs;
    if every == 0 {
        return;
    }
    loop {
        let now = state.clock.now();
        let started = std::time::Instant::now();
        let result = crate::live::announcing(
            &state.live,
            crate::billing::lifecycle::run_pass(&state.db, state.settings.time_zone, now, false),
        )
        .await;
        state.metrics.lifecycle_pass(
            state.clock.now().timestamp(),
            started.elapsed(),
            result.is_ok(),
        );
        match result {
            Ok(r) if !r.done.is_empty() => {
                tracing::info!(events = r.done.len(), "lifecycle pass");
                state.outbox_wake.notify_one();
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the lifecycle pass failed; it runs again later"),
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(every)) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Every ten minutes, forgets sign-in counters, retired refresh tokens, sign-in
/// challenges and recovery codes that no longer matter.
async fn sweep_throttle(state: AppState, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        let now = state.clock.now();
        match crate::auth::throttle::sweep(&state.db, now).await {
            Ok(n) if n > 0 => tracing::debug!(removed = n, "old sign-in counters removed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "sweeping sign-in counters failed"),
        }
        match crate::auth::refresh::sweep(&state.db, &state.settings, now).await {
            Ok(n) if n > 0 => tracing::debug!(removed = n, "old retired refresh tokens removed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "sweeping retired refresh tokens failed"),
        }
        match crate::auth::second_factor::sweep(&state.db, now).await {
            Ok(n) if n > 0 => {
                tracing::debug!(removed = n, "expired sign-in challenges and codes removed")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "sweeping sign-in challenges failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(600)) => {}
            _ = stop.changed() => return,
        }
    }
}
