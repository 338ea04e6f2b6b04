//! Database access: one connection type over PostgreSQL and SQLite, the pool, migrations,
//! the portable schema and one model file per entity.
//!
//! Backend-specific SQL lives only in [`dialect`]; everything else is portable diesel.

pub mod cached;
pub mod dialect;
pub mod ids;
pub mod integrity;
pub mod migrate;
pub mod models;
mod multi;
pub mod pool;
pub mod schema;
pub mod sql_types;
pub mod sqlite_planner;
pub mod text_enums;
pub mod touched;

pub use dialect::{BackendKind, write_tx};
pub use multi::{MultiBackend, MultiField, MultiRawValue, MultiRow};
pub use pool::{DbPool, PooledConn};

/// One connection to either database. The variant is chosen from the URL scheme by
/// [`pool::establish`], never by trial, so connection errors keep their real cause.
/// The connection traits are implemented in [`multi`] (the derive's output, kept as source).
pub enum DbConn {
    /// `postgres://` or `postgresql://` URLs.
    Pg(diesel::PgConnection),
    /// `sqlite://path` URLs (the embedded default).
    Sqlite(diesel::SqliteConnection),
}
