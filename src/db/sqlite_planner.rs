//! SQLite's query-planner stability guarantee (`SQLITE_DBCONFIG_ENABLE_QPSG`) on every
//! connection this process opens.
//!
//! Without it, a prepared statement whose plan *could* depend on a bound value — a `LIMIT ?`
//! (every diesel `.first()`), or a `col = ?` on a table with a partial index such as
//! `lane_sessions_one_live_per_lane` — is marked expired each time a value is bound and is
//! parsed and planned again on its next step: diesel's statement cache then saves nothing, and
//! re-preparing was a tenth of the server's CPU per check-in (docs/performance.md). With it,
//! the plan is made once per statement, from the schema alone; the hot lookups have plain
//! indexes for that (migration `2026-12-03-000011_hot_path_indexes`).

use std::ffi::{c_char, c_int};
use std::sync::Once;

use libsqlite3_sys::{SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK, sqlite3, sqlite3_api_routines, sqlite3_auto_extension, sqlite3_db_config};

/// Makes every SQLite connection opened from now on keep one plan per statement. Idempotent;
/// call before the first connection.
pub fn keep_plans() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: registers a function with exactly the signature SQLite calls auto-extensions
        // with; it stays valid for the life of the process (a plain `fn`).
        let rc = unsafe { sqlite3_auto_extension(Some(enable_qpsg)) };
        if rc != SQLITE_OK {
            tracing::warn!(code = rc, "cannot register the SQLite planner setting; statements will be re-planned");
        }
    });
}

/// The auto-extension: runs inside `sqlite3_open` for each new connection.
unsafe extern "C" fn enable_qpsg(db: *mut sqlite3, _error: *mut *mut c_char, _api: *const sqlite3_api_routines) -> c_int {
    // SAFETY: `db` is the connection being opened, valid during this call; the option takes
    // an int (1 = on) and an optional int pointer for the new value (none here).
    unsafe { sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_QPSG, 1 as c_int, std::ptr::null_mut::<c_int>()) };
    SQLITE_OK
}

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::Text;

    #[derive(QueryableByName)]
    struct Step {
        #[diesel(sql_type = Text)]
        detail: String,
    }

    #[test]
    fn a_bound_value_does_not_pick_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/plan.db", dir.path().display());
        let mut conn = crate::db::pool::establish(&url).unwrap();
        diesel::sql_query("CREATE TABLE t (s TEXT NOT NULL, n INTEGER NOT NULL)").execute(&mut conn).unwrap();
        diesel::sql_query("CREATE INDEX t_live ON t (n) WHERE s = 'LIVE'").execute(&mut conn).unwrap();
        // Planned from the bound 'LIVE', the partial index would serve this query; with one
        // plan per statement it cannot, since the statement may be run with any value.
        let plan: Vec<Step> =
            diesel::sql_query("EXPLAIN QUERY PLAN SELECT n FROM t WHERE s = ? ORDER BY n").bind::<Text, _>("LIVE").load(&mut conn).unwrap();
        let plan: Vec<String> = plan.into_iter().map(|s| s.detail).collect();
        assert!(!plan.iter().any(|d| d.contains("t_live")), "the plan used the bound value: {plan:?}");
    }
}
