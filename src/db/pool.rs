//! Connections and the r2d2 pool. The backend is picked from the URL scheme so that a failed
//! connection reports its real cause ("connection refused", "role ... does not exist")
//! instead of diesel's generic multi-connection message.

use std::path::Path;
use std::time::Duration;

use diesel::connection::{Connection, SimpleConnection, TransactionManager};
use diesel::{PgConnection, SqliteConnection};

use super::{BackendKind, DbConn, dialect};

/// The shared pool.
pub type DbPool = r2d2::Pool<Manager>;
/// One connection borrowed from the pool.
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// Why a connection could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The URL names no supported database.
    #[error("DATABASE_URL must start with sqlite:// or postgres:// (got scheme {0:?})")]
    UnsupportedScheme(String),
    /// The SQLite file's folder could not be created.
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        /// the folder
        path: String,
        /// the cause
        source: std::io::Error,
    },
    /// The database refused or could not be reached.
    #[error("{0}")]
    Connect(#[from] diesel::ConnectionError),
    /// Per-connection set-up failed.
    #[error("connection set-up failed: {0}")]
    Setup(#[from] diesel::result::Error),
}

/// Which backend a URL selects.
pub fn backend_of(url: &str) -> Result<BackendKind, ConnectError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(BackendKind::Postgres)
    } else if url.starts_with("sqlite://") {
        Ok(BackendKind::Sqlite)
    } else {
        let scheme = url.split("://").next().unwrap_or_default();
        Err(ConnectError::UnsupportedScheme(scheme.to_owned()))
    }
}

/// Opens one configured connection (creating the SQLite file and its folder if needed).
pub fn establish(url: &str) -> Result<DbConn, ConnectError> {
    let mut conn = match backend_of(url)? {
        BackendKind::Postgres => DbConn::Pg(PgConnection::establish(url)?),
        BackendKind::Sqlite => {
            let path = &url["sqlite://".len()..];
            ensure_parent(path)?;
            super::sqlite_planner::keep_plans();
            DbConn::Sqlite(SqliteConnection::establish(path)?)
        }
    };
    dialect::configure(&mut conn)?;
    Ok(conn)
}

fn ensure_parent(path: &str) -> Result<(), ConnectError> {
    match Path::new(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => {
            std::fs::create_dir_all(dir).map_err(|source| ConnectError::Folder { path: dir.display().to_string(), source })
        }
        _ => Ok(()),
    }
}

/// r2d2 manager that dispatches on the URL scheme.
#[derive(Clone)]
pub struct Manager {
    url: String,
}

impl std::fmt::Debug for Manager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Manager").field("url", &crate::config::redact_url(&self.url)).finish()
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = ConnectError;

    fn connect(&self) -> Result<DbConn, ConnectError> {
        establish(&self.url)
    }

    /// Run on every checkout. A PostgreSQL connection can die with its server (a restart, a
    /// network cut), so it answers a `SELECT 1` first; an SQLite connection is a file handle
    /// in this process that does not go stale, so it is not asked (a round trip saved on every
    /// request).
    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ConnectError> {
        match conn {
            DbConn::Pg(_) => conn.batch_execute("SELECT 1").map_err(ConnectError::Setup),
            DbConn::Sqlite(_) => Ok(()),
        }
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// Builds the pool without opening connections yet: the caller has already proven the
/// database answers (see `app::prepare_database`).
pub fn build(url: &str, max_size: u32, timeout: Duration) -> DbPool {
    r2d2::Pool::builder().max_size(max_size).min_idle(Some(1)).connection_timeout(timeout).build_unchecked(Manager { url: url.to_owned() })
}
