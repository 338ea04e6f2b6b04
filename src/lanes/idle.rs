//! The idle timeout: a live session untouched for `LANE_IDLE_TIMEOUT` is cancelled with reason
//! `IDLE_TIMEOUT`. Safe on several processes at once: each cancellation re-checks the session
//! inside its own lane command (revision bump + version check), so only one process wins and
//! the others skip.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::commands::{self, CancelBy, LaneCommand};
use super::hub::{Hub, Role};
use crate::db::DbConn;
use crate::db::models::audit_event::Actor;
use crate::db::models::lane_session::LaneSession;
use crate::db::sql_types::Ts;
use crate::error::AppError;

/// The reason recorded on timed-out sessions.
pub const REASON: &str = "IDLE_TIMEOUT";

/// Cancels every session idle for `timeout` at `now`; returns the lanes that changed.
pub fn sweep(conn: &mut DbConn, hub: &Hub, now: DateTime<Utc>, timeout: Duration) -> Result<Vec<String>, AppError> {
    let cutoff = now - chrono::Duration::from_std(timeout).unwrap_or_else(|_| chrono::Duration::minutes(10));
    let mut cancelled = Vec::new();
    for session in LaneSession::idle_since(conn, Ts(cutoff))? {
        let cmd = LaneCommand { lane: session.lane_id.clone(), actor: Actor::System, role: Role::Register, expected_rev: None, now };
        match commands::cancel(conn, hub, &cmd, CancelBy::IdleTimeout { session: session.id, cutoff }, REASON) {
            Ok(_) => cancelled.push(session.lane_id),
            // someone acted, another process won, or the session is paid: leave it
            Err(AppError::Conflict { .. }) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(cancelled)
}
