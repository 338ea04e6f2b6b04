//! Test support shared by the test binaries: a fresh, migrated database per test on SQLite
//! (a temp file) and on PostgreSQL (a new database on the server at `TEST_DATABASE_URL`,
//! default `postgres://postgres@127.0.0.1:5432/postgres`, dropped afterwards).
//!
//! Locally, a PostgreSQL test is skipped with a printed notice when no server answers; under
//! `CI=true` a missing PostgreSQL fails the test.
#![allow(dead_code)]

pub mod fixtures;

use std::sync::OnceLock;

use diesel::RunQueryDsl;
use frontdesk::db::{BackendKind, DbConn, migrate, pool};

/// One test's private database.
pub struct TestDb {
    /// URL to give the app or the CLI
    pub url: String,
    /// which backend
    pub backend: BackendKind,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn postgres_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| match pool::establish(&admin_url()) {
        Ok(_) => true,
        Err(err) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but PostgreSQL is not reachable at {}: {err}", admin_url())
        }
        Err(err) => {
            // Straight to stderr: the test harness would swallow eprintln! from a passing test.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "NOTICE: skipping PostgreSQL tests, no server at {}: {err}", admin_url());
            false
        }
    })
}

impl TestDb {
    /// A fresh SQLite database file, migrated.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}/test.db", dir.path().display());
        let db = Self { url, backend: BackendKind::Sqlite, _dir: Some(dir), pg_name: None };
        db.migrate();
        db
    }

    /// A fresh PostgreSQL database, migrated; `None` (after a notice) when no server answers
    /// outside CI.
    pub fn postgres() -> Option<Self> {
        if !postgres_available() {
            return None;
        }
        let name = format!("fdtest_{}", uuid::Uuid::now_v7().simple());
        let mut admin = pool::establish(&admin_url()).expect("admin connection");
        diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).expect("create test database");
        let mut url = url::Url::parse(&admin_url()).expect("TEST_DATABASE_URL");
        url.set_path(&name);
        let db = Self { url: url.to_string(), backend: BackendKind::Postgres, _dir: None, pg_name: Some(name) };
        db.migrate();
        Some(db)
    }

    /// The database for `backend` (see [`TestDb::postgres`] for `None`).
    pub fn new(backend: BackendKind) -> Option<Self> {
        match backend {
            BackendKind::Sqlite => Some(Self::sqlite()),
            BackendKind::Postgres => Self::postgres(),
        }
    }

    fn migrate(&self) {
        migrate::run_pending(&mut self.conn()).expect("migrations");
    }

    /// A new configured connection.
    pub fn conn(&self) -> DbConn {
        pool::establish(&self.url).expect("test connection")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name
            && let Ok(mut admin) = pool::establish(&admin_url())
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin);
        }
    }
}

/// Declares a test that runs once per backend: `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($(#[$meta:meta])* fn $name:ident($db:ident) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            fn run($db: &$crate::support::TestDb) $body
            #[test]
            fn sqlite() {
                run(&$crate::support::TestDb::sqlite());
            }
            #[test]
            fn postgres() {
                if let Some(db) = $crate::support::TestDb::postgres() {
                    run(&db);
                }
            }
        }
    };
}
