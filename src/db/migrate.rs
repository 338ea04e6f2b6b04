//! Embedded migrations, one set per backend with identical names (`migrations/README.md`).

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConn;

const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// A migration failure, with diesel's message.
pub type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Applies every pending migration; returns the names applied.
pub fn run_pending(conn: &mut DbConn) -> Result<Vec<String>, MigrationError> {
    let applied = match conn {
        DbConn::Pg(c) => c.run_pending_migrations(POSTGRES)?,
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE)?,
    };
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Whether any migration is still to be applied (used by `/readyz`).
pub fn has_pending(conn: &mut DbConn) -> Result<bool, MigrationError> {
    match conn {
        DbConn::Pg(c) => c.has_pending_migration(POSTGRES),
        DbConn::Sqlite(c) => c.has_pending_migration(SQLITE),
    }
}

/// Reverts every applied migration, newest first (`frontdesk migrate --revert-all`).
pub fn revert_all(conn: &mut DbConn) -> Result<Vec<String>, MigrationError> {
    let reverted = match conn {
        DbConn::Pg(c) => c.revert_all_migrations(POSTGRES)?,
        DbConn::Sqlite(c) => c.revert_all_migrations(SQLITE)?,
    };
    Ok(reverted.iter().map(ToString::to_string).collect())
}
