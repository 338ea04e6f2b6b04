//! Paying an accepted upgrade moves the customer, in ONE transaction: the intent PAID
//! (attributed to the staff member), the customer's current block moved to the new room
//! (`ends_at` unchanged: an upgrade never extends the stay), the old room DIRTY or the old
//! locker CLEAN, the new room OCCUPIED, the entry COMPLETED, the hold released, the
//! UPGRADE_FEE charge and the UPGRADE_COMPLETED audit event. Any race (a checkout, an offer
//! that ran out and went to someone else, a room taken) is a 409 with a stable code and
//! nothing written: the intent stays DUE.
//!
//! Rows are taken in the order a checkout takes them (the visit first), so a checkout and a
//! payment of the same stay queue instead of deadlocking; every check re-reads after that.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::json;

use super::accept::{fee_changed, not_offered};
use super::{closed, intent, missing, moved, rooms};
use crate::db::DbConn;
use crate::db::ids::{BlockId, ChargeId, CustomerId, LockerId, PaymentIntentId, RoomId, StaffId, WaitlistId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::waitlist_entry::{Entry, release_hold};
use crate::db::schema::{charges, checkin_blocks, payment_intents, rooms as rooms_t, visits};
use crate::db::sql_types::Ts;
use crate::domain::enums::{InventoryStatus, PaymentMethod, PaymentStatus, RentalType, ResourceType, WaitlistStatus};
use crate::domain::pricing::upgrade_fee_cents;
use crate::error::AppError;
use crate::stays::checkout::free_unit;
use crate::stays::open::{self, OpenStay};
use crate::stays::transitions::{Cause, Transition};

/// What the employee sends.
#[derive(Debug, Clone, Copy)]
pub struct Payment {
    /// the entry
    pub entry: WaitlistId,
    /// the DUE intent the acceptance gave
    pub intent: PaymentIntentId,
    /// how it was paid
    pub method: PaymentMethod,
    /// who took it
    pub staff: StaffId,
}

fn checked_out() -> AppError {
    AppError::conflict("ALREADY_CHECKED_OUT", "This stay has already been checked out.")
}

/// Takes the payment and moves the customer at `now`, in the caller's transaction; returns the
/// new room's number.
pub fn pay(conn: &mut DbConn, p: &Payment, now: DateTime<Utc>) -> Result<String, AppError> {
    let entry = Entry::find(conn, p.entry)?.ok_or_else(missing)?;
    let touched = diesel::update(visits::table.find(entry.visit_id).filter(visits::ended_at.is_null()))
        .set(visits::updated_at.eq(Ts(now)))
        .execute(conn)?;
    // read again behind the visit's row: what a checkout or another payment committed counts
    let entry = Entry::find(conn, p.entry)?.ok_or_else(missing)?;
    match entry.status {
        WaitlistStatus::Offered => {}
        WaitlistStatus::Active => return Err(not_offered()),
        WaitlistStatus::Completed => return Err(closed(&entry)),
        _ if touched == 0 => return Err(checked_out()),
        _ => return Err(closed(&entry)),
    }
    if touched == 0 {
        return Err(checked_out());
    }
    let (Some(room_id), Some(expires)) = (entry.room_id, entry.offer_expires_at) else { return Err(not_offered()) };
    if expires.0 <= now || rooms::hold_on(conn, room_id)?.and_then(|(_, w)| w) != Some(entry.id) {
        return Err(not_offered());
    }
    let intent = intent::find(conn, p.intent)?.ok_or(AppError::NotFound { what: "The payment" })?;
    if intent.visit_id != Some(entry.visit_id) || intent.purpose != "UPGRADE" {
        return Err(AppError::conflict("INTENT_MISMATCH", "That payment is not this upgrade's."));
    }
    match intent.status {
        PaymentStatus::Due => {}
        PaymentStatus::Paid => return Err(AppError::conflict("ALREADY_COMPLETED", "This upgrade is already paid.")),
        _ => return Err(AppError::conflict("INTENT_NOT_DUE", "That payment was cancelled; accept the offer again.")),
    }
    let stay = open::of_visit(conn, entry.visit_id, now)?.ok_or_else(checked_out)?;
    let fee = upgrade_fee_cents(stay.rental_type, entry.desired_tier.into())
        .ok_or_else(|| AppError::conflict("UPGRADE_NOT_ALLOWED", "This upgrade is not offered."))?;
    if fee != intent.amount_cents {
        return Err(fee_changed(fee));
    }
    if !entry.close(conn, WaitlistStatus::Completed, None, now)? {
        return Err(moved());
    }
    mark_paid(conn, p, now)?;
    release_hold(conn, entry.id, "COMPLETED", now)?;
    let after = if stay.kind == ResourceType::Room { InventoryStatus::Dirty } else { InventoryStatus::Clean };
    free_unit(conn, &stay, after, Cause::Upgrade, p.staff, now)?;
    let rental: RentalType = entry.desired_tier.into();
    diesel::update(checkin_blocks::table.find(stay.block_id))
        .set((
            checkin_blocks::room_id.eq(Some(room_id)),
            checkin_blocks::locker_id.eq(None::<LockerId>),
            checkin_blocks::rental_type.eq(rental),
            checkin_blocks::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    let number = occupy(conn, room_id, stay.customer_id, stay.block_id, p.staff, now)?;
    charge(conn, &stay, fee, p.intent, now)?;
    audit(conn, p, &entry, &stay, &number, fee, now)?;
    Ok(number)
}

fn mark_paid(conn: &mut DbConn, p: &Payment, now: DateTime<Utc>) -> Result<(), AppError> {
    let n = diesel::update(payment_intents::table.find(p.intent).filter(payment_intents::status.eq("DUE")))
        .set((
            payment_intents::status.eq("PAID"),
            payment_intents::method.eq(p.method),
            payment_intents::paid_at.eq(Ts(now)),
            payment_intents::paid_by_staff_id.eq(p.staff),
            payment_intents::version.eq(payment_intents::version + 1),
            payment_intents::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    if n != 1 {
        return Err(AppError::conflict("ALREADY_COMPLETED", "This upgrade is already paid."));
    }
    Ok(())
}

fn occupy(
    conn: &mut DbConn,
    room: RoomId,
    customer: CustomerId,
    block: BlockId,
    staff: StaffId,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let n = diesel::update(
        rooms_t::table.find(room).filter(rooms_t::status.eq(InventoryStatus::Clean).and(rooms_t::assigned_to_customer_id.is_null())),
    )
    .set((
        rooms_t::status.eq(InventoryStatus::Occupied),
        rooms_t::assigned_to_customer_id.eq(customer),
        rooms_t::current_block_id.eq(block),
        rooms_t::version.eq(rooms_t::version + 1),
        rooms_t::last_status_change.eq(Ts(now)),
        rooms_t::updated_at.eq(Ts(now)),
    ))
    .execute(conn)?;
    if n != 1 {
        return Err(AppError::conflict("ROOM_TAKEN", "The offered room was taken in the meantime."));
    }
    crate::db::touched::stock();
    Transition {
        kind: ResourceType::Room,
        unit: room.into(),
        from: InventoryStatus::Clean,
        to: InventoryStatus::Occupied,
        cause: Cause::Upgrade,
        staff: Some(staff),
        reason: None,
    }
    .record(conn, now)?;
    Ok(rooms_t::table.find(room).select(rooms_t::number).first(conn)?)
}

fn charge(conn: &mut DbConn, stay: &OpenStay, fee: i64, intent: PaymentIntentId, now: DateTime<Utc>) -> Result<(), AppError> {
    diesel::insert_into(charges::table)
        .values((
            charges::id.eq(ChargeId::new()),
            charges::visit_id.eq(stay.visit_id),
            charges::checkin_block_id.eq(stay.block_id),
            charges::kind.eq("UPGRADE_FEE"),
            charges::amount_cents.eq(fee),
            charges::payment_intent_id.eq(intent),
            charges::created_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    Ok(())
}

fn audit(
    conn: &mut DbConn,
    p: &Payment,
    entry: &Entry,
    stay: &OpenStay,
    number: &str,
    fee: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let summary = json!({
        "visit_id": entry.visit_id,
        "customer_id": stay.customer_id,
        "from": { "kind": stay.kind, "number": stay.number, "rental_type": stay.rental_type },
        "to": { "kind": ResourceType::Room, "number": number, "rental_type": RentalType::from(entry.desired_tier) },
        "amount_cents": fee,
        "payment_intent_id": p.intent,
        "method": p.method,
    });
    NewAuditEvent {
        actor: Actor::Staff(p.staff),
        lane_id: None,
        action: "UPGRADE_COMPLETED",
        entity: Some(("waitlist", entry.id.to_string())),
        summary,
        reason: None,
    }
    .append(conn, now)?;
    Ok(())
}
