//! The renewal's block, added when the customer signs (payment was taken before): it starts at
//! the current checkout, lies on the **same** room or locker (the unit's current block moves to
//! it, the unit stays OCCUPIED), and an open waitlist entry moves with the stay. The cap is
//! judged again here; the window is not (the customer paid inside it).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::current;
use crate::db::DbConn;
use crate::db::ids::{BlockId, LockerId, RoomId, SignatureId, WaitlistId};
use crate::db::models::block::NewBlock;
use crate::db::models::lane_session::LaneSession;
use crate::db::models::waitlist_entry::OPEN;
use crate::db::schema::{lockers, rooms, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::enums::{InventoryStatus, ResourceType};
use crate::domain::{renewal, time_blocks};
use crate::error::AppError;

/// Where the stay continues.
#[derive(Debug, Clone)]
pub struct Extended {
    /// ROOM or LOCKER
    pub kind: ResourceType,
    /// the same number as before
    pub number: String,
    /// the new checkout
    pub checkout_at: DateTime<Utc>,
}

/// [`extend`] in the shape signing calls (`checkin::signing::Renew`).
pub fn renew(
    conn: &mut DbConn,
    session: &LaneSession,
    signed: (SignatureId, BlockId),
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), AppError> {
    extend(conn, session, signed, now).map(|e| (e.number, e.checkout_at))
}

/// Adds block `block_id` (signed by `signature`) to the session's visit.
pub fn extend(
    conn: &mut DbConn,
    session: &LaneSession,
    (signature, block_id): (SignatureId, BlockId),
    now: DateTime<Utc>,
) -> Result<Extended, AppError> {
    let (Some(visit), Some(hours)) = (session.visit_id, session.renewal_hours) else {
        return Err(AppError::conflict("NOT_A_RENEWAL", "This session does not renew a stay."));
    };
    let c = current(conn, visit, now).map_err(|err| match err {
        AppError::Conflict { code: "ALREADY_CHECKED_OUT", .. } => AppError::conflict(
            "STAY_ENDED",
            "The stay was checked out before the renewal was signed. Cancel this renewal; the payment is to be refunded.",
        ),
        other => other,
    })?;
    if !time_blocks::can_purchase(c.rules.hours_purchased, hours) {
        return Err(AppError::conflict("VISIT_CAP_REACHED", "The visit has reached its 14 purchased hours."));
    }
    let plan =
        renewal::block(hours, c.rules.checkout_at).ok_or_else(|| AppError::conflict("INVALID_RENEWAL", "A renewal is 6 or 2 hours."))?;
    let (room_id, locker_id) = match c.stay.kind {
        ResourceType::Room => (Some(RoomId(c.stay.unit_id.0)), None),
        ResourceType::Locker => (None, Some(LockerId(c.stay.unit_id.0))),
    };
    NewBlock {
        id: block_id,
        visit_id: visit,
        block_type: plan.block_type,
        starts_at: Ts(plan.starts_at),
        ends_at: Ts(plan.ends_at),
        hours_purchased: plan.hours,
        rental_type: c.stay.rental_type,
        room_id,
        locker_id,
        session_id: Some(session.id),
        agreement_signature_id: Some(signature),
        payment_intent_id: session.payment_intent_id,
        waitlist_id: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    }
    .insert(conn)?;
    move_unit(conn, c.stay.kind, c.stay.unit_id.0, (c.stay.block_id, block_id), now)?;
    let open = waitlist::table.filter(waitlist::visit_id.eq(visit).and(waitlist::status.eq_any(OPEN)));
    let moved: Vec<WaitlistId> = open.clone().select(waitlist::id).load(conn)?;
    diesel::update(open)
        .set((waitlist::checkin_block_id.eq(block_id), waitlist::version.eq(waitlist::version + 1), waitlist::updated_at.eq(Ts(now))))
        .execute(conn)?;
    // the staff's list shows the entry's checkout: it moved with the stay
    moved.into_iter().for_each(crate::db::touched::waitlist);
    crate::db::touched::stays();
    Ok(Extended { kind: c.stay.kind, number: c.stay.number, checkout_at: plan.ends_at })
}

/// Points the unit at the new block, only if it still carries the old one (else 409
/// `STALE_VERSION`: the stay moved under the renewal, and the transaction rolls back).
fn move_unit(
    conn: &mut DbConn,
    kind: ResourceType,
    unit: uuid::Uuid,
    (from, to): (BlockId, BlockId),
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let n = match kind {
        ResourceType::Room => diesel::update(
            rooms::table.find(RoomId(unit)).filter(rooms::current_block_id.eq(from).and(rooms::status.eq(InventoryStatus::Occupied))),
        )
        .set((rooms::current_block_id.eq(to), rooms::version.eq(rooms::version + 1), rooms::updated_at.eq(Ts(now))))
        .execute(conn)?,
        ResourceType::Locker => diesel::update(
            lockers::table
                .find(LockerId(unit))
                .filter(lockers::current_block_id.eq(from).and(lockers::status.eq(InventoryStatus::Occupied))),
        )
        .set((lockers::current_block_id.eq(to), lockers::version.eq(lockers::version + 1), lockers::updated_at.eq(Ts(now))))
        .execute(conn)?,
    };
    if n == 1 { Ok(()) } else { Err(AppError::conflict("STALE_VERSION", "The stay changed while the renewal was signed.")) }
}
