//! The one place that knows which database it talks to. Everything backend-specific —
//! transaction start, online backup, sequence-free upserts — is a `match` on [`DbConn`] here.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::{Connection, RunQueryDsl};

use super::DbConn;

/// Which database a URL or connection points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    /// PostgreSQL (several processes may share it).
    Postgres,
    /// Embedded SQLite (one process).
    Sqlite,
}

impl BackendKind {
    /// The backend a connection belongs to.
    pub fn of(conn: &DbConn) -> Self {
        match conn {
            DbConn::Pg(_) => Self::Postgres,
            DbConn::Sqlite(_) => Self::Sqlite,
        }
    }
}

/// One SQLite writer at a time in this process (see [`write_tx`]).
static SQLITE_WRITER: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

/// How long a writer waits for its turn: as long as SQLite's `busy_timeout`.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `f` in a write transaction.
///
/// On SQLite the transaction starts with `BEGIN IMMEDIATE`, taking the write lock up front:
/// a deferred transaction that reads and then writes fails with `SQLITE_BUSY` under
/// concurrency instead of waiting; the writers of this process take turns on a lock first.
/// On PostgreSQL it is an ordinary transaction; row locks,
/// optimistic `version` checks and unique indexes keep writers apart. Inside an open
/// transaction it nests as a savepoint.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let depth = <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn).transaction_depth()?;
    let DbConn::Sqlite(inner) = conn else {
        return conn.transaction(f);
    };
    if depth.is_some() {
        return conn.transaction(f);
    }
    // Writers of this process queue here, in turn, rather than in SQLite's busy handler,
    // which sleeps 1, 2, 5, 10, … ms between retries: under a busy desk that sleeping, not the
    // work, was most of a step's latency. Another process on the same file still meets the
    // busy handler (busy_timeout).
    let Some(_turn) = SQLITE_WRITER.try_lock_for(WRITER_WAIT) else {
        return Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            Box::new("database is locked (no write turn within 10 s)".to_owned()),
        )
        .into());
    };
    AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
    match f(conn) {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            if let Err(rollback) = <DbConn as Connection>::TransactionManager::rollback_transaction(conn) {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(err)
        }
    }
}

/// Reads through a memory map of up to 256 MiB instead of a `read` call per page. Measured
/// both ways (docs/performance.md): every connection's page cache is dropped after another
/// connection commits; reading the pages again with `pread` took 13 % of the server's samples,
/// re-mapping the file at the next read transaction 7 % (per check-in, within noise). Mapped pages are
/// shared by every connection and counted in RSS only once touched.
const MMAP: &str = "PRAGMA mmap_size = 268435456";

/// Copy the WAL back into the database every 10,000 pages (≈ 40 MB of WAL) instead of
/// SQLite's 1,000. A check-in writes ≈ 100 pages, mostly the same hot ones (the lanes row,
/// the audit head, index leaves), and a checkpoint writes each page once however often it
/// changed, then syncs: ten times fewer checkpoints write and sync those pages ten times
/// less (docs/performance.md). A crash replays at most that WAL at the next start.
const CHECKPOINT: &str = "PRAGMA wal_autocheckpoint = 10000";

/// Per-connection set-up, run once when a connection is established. WAL with
/// `synchronous = NORMAL`: a commit survives a crash of the process; after a power loss or
/// an OS crash the last commits may be rolled back, never corrupted (SQLite's documented
/// trade-off; `docs/performance.md`).
pub fn configure(conn: &mut DbConn) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Pg(_) => diesel::sql_query("SET TIME ZONE 'UTC'").execute(conn).map(drop),
        DbConn::Sqlite(_) => {
            for pragma in [
                "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 10000",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = NORMAL",
                CHECKPOINT,
                MMAP,
            ] {
                diesel::sql_query(pragma).execute(conn)?;
            }
            Ok(())
        }
    }
}

/// What `frontdesk backup <file>` does: an online, consistent copy on SQLite
/// (`VACUUM INTO`); on PostgreSQL the `pg_dump` command to run instead.
pub enum BackupOutcome {
    /// The SQLite database was copied to the file.
    Written,
    /// PostgreSQL: run this command (password redacted).
    UsePgDump(String),
}

/// Backs up the database behind `conn` (see [`BackupOutcome`]).
pub fn backup(conn: &mut DbConn, target: &str, redacted_url: &str) -> diesel::QueryResult<BackupOutcome> {
    match conn {
        DbConn::Sqlite(_) => {
            diesel::sql_query("VACUUM INTO ?").bind::<diesel::sql_types::Text, _>(target).execute(conn)?;
            Ok(BackupOutcome::Written)
        }
        DbConn::Pg(_) => Ok(BackupOutcome::UsePgDump(format!("pg_dump --format=custom --file={target} '{redacted_url}'"))),
    }
}

/// Sends a notification to the other processes sharing a PostgreSQL database, delivered when
/// the surrounding transaction commits. SQLite has one process: nothing to send.
pub fn notify(conn: &mut DbConn, channel: &str, payload: &str) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Pg(_) => diesel::sql_query("SELECT pg_notify($1, $2)")
            .bind::<diesel::sql_types::Text, _>(channel)
            .bind::<diesel::sql_types::Text, _>(payload)
            .execute(conn)
            .map(drop),
        DbConn::Sqlite(_) => Ok(()),
    }
}

/// Subscribes a PostgreSQL connection to `channel` and returns it, ready for
/// [`diesel::PgConnection::notifications_iter`].
pub fn listen(url: &str, channel: &str) -> Result<diesel::PgConnection, String> {
    match super::pool::establish(url).map_err(|e| e.to_string())? {
        DbConn::Pg(mut pg) => {
            diesel::sql_query(format!("LISTEN {channel}")).execute(&mut pg).map_err(|e| e.to_string())?;
            Ok(pg)
        }
        DbConn::Sqlite(_) => Err("LISTEN needs PostgreSQL".into()),
    }
}
