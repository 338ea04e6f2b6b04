//! Database preparation and the HTTP server: the app that `cli::serve` and the tests run.
//! The state every handler reaches is [`AppState`] (`http::state`).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};

use crate::config::{Settings, redact_url};
use crate::db::pool::{self, ConnectError};
use crate::db::{DbConn, DbPool, migrate};
use crate::http::telemetry;
use crate::lanes::{idle, notify};
use crate::stays::upgrades;

pub use crate::http::state::AppState;

/// Why start-up failed.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// the database could not be reached
    #[error("cannot connect to the database at {url}: {source}")]
    Connect {
        /// redacted URL
        url: String,
        /// the real cause
        source: ConnectError,
    },
    /// a migration failed
    #[error("migrations failed: {0}")]
    Migrate(migrate::MigrationError),
}

/// Connects once (so errors name their real cause), applies pending migrations, and returns
/// the migrated connection for any further set-up.
pub fn prepare_database(settings: &Settings) -> Result<DbConn, StartupError> {
    let url = &settings.database_url;
    let mut conn = pool::establish(url).map_err(|source| StartupError::Connect { url: redact_url(url), source })?;
    let applied = migrate::run_pending(&mut conn).map_err(StartupError::Migrate)?;
    for name in &applied {
        tracing::info!(migration = %name, "applied migration {name}");
    }
    Ok(conn)
}

/// The pool for the configured database.
pub fn build_pool(settings: &Settings) -> DbPool {
    pool::build(&settings.database_url, settings.pool_size, settings.db_timeout)
}

/// Builds the actix service factory for `state` (used by `serve` and by the tests).
pub fn service(state: AppState) -> impl Fn(&mut web::ServiceConfig) + Clone {
    move |cfg: &mut web::ServiceConfig| {
        cfg.app_data(web::Data::new(state.clone()));
        crate::routes::configure(cfg);
    }
}

/// The complete application: routes, state, headers and request logging. `serve` and the
/// tests build exactly this.
pub fn build(
    state: AppState,
) -> App<
    impl ServiceFactory<ServiceRequest, Config = (), Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error, InitError = ()>,
> {
    App::new()
        .wrap(from_fn(crate::http::origin::guard))
        .wrap(from_fn(telemetry::log_request))
        .wrap(telemetry::security_headers())
        .configure(service(state))
}

/// Starts what runs beside the requests: the idle-timeout sweep (every 5 s), the upgrade offer
/// tick (`FRONTDESK_UPGRADE_TICK`, at the injected clock's time) and, on PostgreSQL, the
/// listener that brings other processes' lane changes to this one's sockets.
pub fn start_background(state: &AppState) -> std::io::Result<()> {
    if pool::backend_of(&state.settings.database_url).is_ok_and(|b| b == crate::db::BackendKind::Postgres) {
        notify::spawn_listener(state.settings.database_url.clone(), state.hub.downgrade())?;
    }
    let sweeper = state.clone();
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(5));
        loop {
            tick.tick().await;
            let (hub, now, timeout) = (sweeper.hub.clone(), sweeper.clock.now(), sweeper.settings.lane_idle_timeout);
            match sweeper.db(move |conn| idle::sweep(conn, &hub, now, timeout)).await {
                Ok(lanes) if !lanes.is_empty() => tracing::info!(lanes = ?lanes, "cancelled idle lane sessions"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "idle sweep failed"),
            }
        }
    });
    let ticker = state.clone();
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(ticker.settings.upgrade_tick_every);
        loop {
            tick.tick().await;
            let (hub, now) = (ticker.hub.clone(), ticker.clock.now());
            match ticker.db(move |conn| upgrades::tick::run(conn, &hub, now)).await {
                Ok(out) if !out.is_empty() => {
                    tracing::info!(expired = out.expired.len(), lapsed = out.lapsed.len(), offered = out.offered.len(), "upgrade tick")
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "upgrade tick failed"),
            }
        }
    });
    Ok(())
}

/// The HTTP server on an already-bound listener, with the background work started; await it
/// to serve (its `handle()` stops it). Call inside an actix system.
pub fn server(listener: std::net::TcpListener, state: AppState) -> std::io::Result<actix_web::dev::Server> {
    start_background(&state)?;
    let blocking = blocking_threads(&state.settings);
    // TCP_NODELAY: a view frame must not wait for the client's delayed ACK (Nagle, ~40 ms).
    // Blocking threads: database work can only run on `pool_size` connections at once, so more
    // threads than that only wait (actix's default is 512, each with its own stack and malloc
    // arena: a flood of requests would grow the server by hundreds of MB for nothing).
    Ok(HttpServer::new(move || build(state.clone()))
        .tcp_nodelay(true)
        .worker_max_blocking_threads(blocking)
        .listen(listener)?
        .shutdown_timeout(5)
        .run())
}

/// Blocking threads per worker: the connection pool split over the workers, plus slack for
/// work that waits on a connection while others run.
fn blocking_threads(settings: &Settings) -> usize {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    (settings.pool_size as usize).div_ceil(workers) + 2
}

/// Serves HTTP on an already-bound listener until shut down.
pub async fn run(listener: std::net::TcpListener, state: AppState) -> std::io::Result<()> {
    server(listener, state)?.await
}
