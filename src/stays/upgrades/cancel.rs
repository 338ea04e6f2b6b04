//! Staff cancel an entry (the handler requires a fresh step-up): CANCELLED, its hold released
//! and a DUE upgrade intent cancelled, in one transaction.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{closed, intent, missing, moved};
use crate::db::DbConn;
use crate::db::ids::{StaffId, WaitlistId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::waitlist_entry::{Entry, release_hold};
use crate::domain::enums::WaitlistStatus;
use crate::error::AppError;

/// Cancels the entry at `now`, in the caller's transaction.
pub fn cancel(conn: &mut DbConn, id: WaitlistId, reason: Option<&str>, staff: StaffId, now: DateTime<Utc>) -> Result<(), AppError> {
    let entry = Entry::find(conn, id)?.ok_or_else(missing)?;
    if !entry.is_open() {
        return Err(closed(&entry));
    }
    if !entry.close(conn, WaitlistStatus::Cancelled, Some(reason.unwrap_or("STAFF")), now)? {
        return Err(moved());
    }
    let holds = release_hold(conn, id, "CANCELLED", now)?;
    let intents = intent::cancel_due(conn, entry.visit_id, now)?;
    let summary = json!({ "visit_id": entry.visit_id, "was": entry.status, "holds_released": holds, "intents_cancelled": intents });
    NewAuditEvent {
        actor: Actor::Staff(staff),
        lane_id: None,
        action: "WAITLIST_CANCELLED",
        entity: Some(("waitlist", id.to_string())),
        summary,
        reason,
    }
    .append(conn, now)?;
    Ok(())
}
