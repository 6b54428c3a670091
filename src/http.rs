//! The optional HTTP endpoint for orchestrators and dashboards (`http.listen`, off by default):
//!
//! - `GET /healthz`: 200 when the Discord Gateway is connected and the database takes a write,
//!   503 otherwise; the JSON body says which part is unhealthy;
//! - `GET /metrics`: Prometheus text format, from the `metrics` facade (see [`names`]).
//!
//! The server takes its listener address and a shutdown signal, so tests run it on port 0.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde_json::json;
use serenity::all::{ConnectionStage, ShardManager};

use crate::app::App;

/// The metric names tunegate records, in one place for the README and dashboards.
pub mod names {
    /// Walkthroughs started, by `source` (chat, slash, context_menu).
    pub const WALKTHROUGHS_STARTED: &str = "tunegate_walkthroughs_started_total";
    /// Decisions recorded, by `verdict`.
    pub const DECISIONS: &str = "tunegate_decisions_total";
    /// Chat messages the detector flagged as proposals.
    pub const DETECTIONS: &str = "tunegate_detections_total";
    /// Detections people marked "Not a fine-tune request".
    pub const DISMISSALS: &str = "tunegate_dismissals_total";
    /// Seconds from receiving a click to answering it, a histogram.
    pub const INTERACTION_SECONDS: &str = "tunegate_interaction_seconds";
    /// Discord REST calls that failed for good, by `status`.
    pub const DISCORD_REST_ERRORS: &str = "tunegate_discord_rest_errors_total";
    /// Database operations that failed, by `kind` (busy, read_only, disk_full, other).
    pub const DATABASE_ERRORS: &str = "tunegate_database_errors_total";
}

/// The process-wide Prometheus recorder, installed on first use.
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                metrics_exporter_prometheus::Matcher::Full(names::INTERACTION_SECONDS.into()),
                &[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0],
            )
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // Another recorder may be installed already (an embedding program): then ours still
        // renders, just empty.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// What `/healthz` looks at.
#[derive(Clone)]
pub struct Health {
    /// Serenity's shard manager: its runners report each Gateway connection's stage.
    pub shards: Arc<ShardManager>,
    /// Cleared when the client gave up for good (its runners may keep their last stage).
    pub client_running: Arc<AtomicBool>,
    pub app: App,
}

impl Health {
    /// Whether the client runs and every shard's Gateway connection is up.
    pub async fn gateway_connected(&self) -> bool {
        if !self.client_running.load(Ordering::Relaxed) {
            return false;
        }
        let runners = self.shards.runners.lock().await;
        !runners.is_empty()
            && runners
                .values()
                .all(|runner| runner.stage == ConnectionStage::Connected)
    }
}

/// Why the endpoint could not start.
#[derive(Debug, thiserror::Error)]
#[error(
    "could not serve the health endpoint on {addr}: {reason}; another program may use that port, \
     change http.listen (or TUNEGATE_HTTP__LISTEN)"
)]
pub struct BindError {
    pub addr: String,
    pub reason: String,
}

/// Binds `listen` and serves until `shutdown` completes. Returns the bound address (useful
/// with port 0) and the server task.
pub async fn serve(
    listen: &str,
    health: Health,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), BindError> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| BindError {
            addr: listen.to_string(),
            reason: e.to_string(),
        })?;
    let addr = listener.local_addr().map_err(|e| BindError {
        addr: listen.to_string(),
        reason: e.to_string(),
    })?;
    metrics_handle();
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .with_state(health);
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(error = %e, "the health endpoint stopped");
        }
    });
    tracing::info!(%addr, "health and metrics endpoint listening");
    Ok((addr, task))
}

async fn healthz(State(health): State<Health>) -> impl IntoResponse {
    let gateway = health.gateway_connected().await;
    let database = health.app.probe_write().await;
    let ok = gateway && database.is_ok();
    let body = json!({
        "status": if ok { "ok" } else { "unhealthy" },
        "gateway": if gateway { "connected" } else { "disconnected" },
        "database": match &database {
            Ok(()) => "writable".to_string(),
            Err(e) => format!("not writable: {e}"),
        },
    });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body))
}

async fn metrics_text() -> impl IntoResponse {
    (
        [("content-type", "text/plain; version=0.0.4")],
        metrics_handle().render(),
    )
}

/// Records a failed database operation under its kind.
pub fn count_database_error(error: &crate::app::StoreError) {
    use crate::app::StoreError;
    let kind = match error {
        StoreError::Busy => "busy",
        StoreError::ReadOnly => "read_only",
        StoreError::DiskFull => "disk_full",
        _ => "other",
    };
    metrics::counter!(names::DATABASE_ERRORS, "kind" => kind).increment(1);
}
