//! A staff member offers a specific room to an entry: CLEAN, unassigned, of the desired tier,
//! held by nobody else. The hold lasts the current expiry, but at least 10 minutes from now;
//! an entry already offered another room is refused (`OFFERED_ANOTHER_ROOM`).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{closed, missing, moved, queue, rooms};
use crate::db::DbConn;
use crate::db::ids::{StaffId, WaitlistId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::waitlist_entry::Entry;
use crate::domain::enums::{InventoryStatus, WaitlistStatus};
use crate::domain::waitlist::staff_offer_expiry;
use crate::error::AppError;

/// Offers room `number` to the entry at `now`, in the caller's transaction.
pub fn offer(conn: &mut DbConn, id: WaitlistId, number: &str, staff: StaffId, now: DateTime<Utc>) -> Result<(), AppError> {
    let entry = Entry::find(conn, id)?.ok_or_else(missing)?;
    if !entry.is_open() {
        return Err(closed(&entry));
    }
    if !queue::stay_on(conn, &entry, now)? {
        return Err(AppError::conflict("WAITLIST_CLOSED", "This customer's stay is over."));
    }
    let room = rooms::by_number(conn, number)?.ok_or(AppError::NotFound { what: "The room" })?;
    if room.tier != entry.desired_tier {
        return Err(AppError::conflict("WRONG_TIER", format!("Room {} is {}, not {}.", room.number, room.tier, entry.desired_tier)));
    }
    if entry.status == WaitlistStatus::Offered && entry.room_id != Some(room.id) {
        return Err(AppError::conflict("OFFERED_ANOTHER_ROOM", "Another room is already offered to this customer."));
    }
    if room.status != InventoryStatus::Clean || room.assigned {
        return Err(AppError::conflict("ROOM_NOT_AVAILABLE", format!("Room {} is not clean and free.", room.number)));
    }
    let own_hold = match rooms::hold_on(conn, room.id)? {
        Some((_, Some(holder))) if holder == entry.id => true,
        Some(_) => return Err(AppError::conflict("ROOM_HELD", format!("Room {} is held for someone else.", room.number))),
        None => false,
    };
    let expires = staff_offer_expiry(entry.offer_expires_at.map(|t| t.0), now);
    if !entry.offer(conn, room.id, expires, now)? {
        return Err(moved());
    }
    let held = if own_hold { rooms::extend(conn, entry.id, expires)? } else { rooms::hold(conn, &room, entry.id, expires, now)? };
    if !held {
        return Err(AppError::conflict("ROOM_NOT_AVAILABLE", format!("Room {} was taken in the meantime.", room.number)));
    }
    let summary = json!({ "visit_id": entry.visit_id, "number": room.number, "tier": room.tier, "expires_at": expires, "by": "STAFF" });
    NewAuditEvent {
        actor: Actor::Staff(staff),
        lane_id: None,
        action: "WAITLIST_OFFERED",
        entity: Some(("waitlist", id.to_string())),
        summary,
        reason: None,
    }
    .append(conn, now)?;
    Ok(())
}
