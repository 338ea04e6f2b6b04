//! Which room or locker a lane gets: the lowest-numbered CLEAN, unassigned, unheld unit of the
//! locked type, never one needed for queued upgrades. Placing a hold bumps the unit's `version`
//! (optimistic check) and inserts the hold (the partial unique index refuses a second one), each
//! in a savepoint, moving on to the next candidate on conflict.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{HoldId, LaneSessionId, ResourceId};
use crate::db::schema::{inventory_holds, lockers, rooms, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::enums::{HoldKind, InventoryStatus, RentalType, ResourceType, RoomType};
use crate::domain::inventory::number_order;
use crate::error::AppError;

/// A rentable unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// room or locker id
    pub id: ResourceId,
    /// e.g. "214" or "007"
    pub number: String,
    /// which table
    pub kind: ResourceType,
    /// optimistic counter when read
    pub version: i64,
}

/// The room tier of a rental, or `None` for lockers.
pub fn room_tier(rental: RentalType) -> Option<RoomType> {
    match rental {
        RentalType::Standard => Some(RoomType::Standard),
        RentalType::Double => Some(RoomType::Double),
        RentalType::Special => Some(RoomType::Special),
        RentalType::Locker | RentalType::GymLocker => None,
    }
}

/// Numeric order for unit numbers ("9" before "10", "007" before "012").
fn by_number(units: &mut [Unit]) {
    units.sort_by(|a, b| number_order(&a.number).cmp(&number_order(&b.number)));
}

fn held_ids(conn: &mut DbConn, kind: ResourceType) -> QueryResult<Vec<ResourceId>> {
    inventory_holds::table
        .filter(inventory_holds::resource_type.eq(kind).and(inventory_holds::released_at.is_null()))
        .select(inventory_holds::resource_id)
        .load(conn)
}

/// Free units of the rental type (CLEAN, unassigned, unheld), lowest number first.
pub fn free_units(conn: &mut DbConn, rental: RentalType) -> QueryResult<Vec<Unit>> {
    let mut units: Vec<Unit> = match room_tier(rental) {
        Some(tier) => {
            let held = held_ids(conn, ResourceType::Room)?;
            rooms::table
                .filter(rooms::type_.eq(tier).and(rooms::status.eq(InventoryStatus::Clean)).and(rooms::assigned_to_customer_id.is_null()))
                .select((rooms::id, rooms::number, rooms::version))
                .load::<(crate::db::ids::RoomId, String, i64)>(conn)?
                .into_iter()
                .map(|(id, number, version)| Unit { id: id.into(), number, kind: ResourceType::Room, version })
                .filter(|u| !held.contains(&u.id))
                .collect()
        }
        None => {
            let held = held_ids(conn, ResourceType::Locker)?;
            lockers::table
                .filter(lockers::status.eq(InventoryStatus::Clean).and(lockers::assigned_to_customer_id.is_null()))
                .select((lockers::id, lockers::number, lockers::version))
                .load::<(crate::db::ids::LockerId, String, i64)>(conn)?
                .into_iter()
                .map(|(id, number, version)| Unit { id: id.into(), number, kind: ResourceType::Locker, version })
                .filter(|u| !held.contains(&u.id))
                .collect()
        }
    };
    by_number(&mut units);
    Ok(units)
}

/// Checked-in customers waiting for this room tier (ACTIVE or OFFERED entries).
pub fn upgrade_demand(conn: &mut DbConn, tier: RoomType) -> QueryResult<i64> {
    waitlist::table
        .filter(waitlist::desired_tier.eq(tier.as_str()).and(waitlist::status.eq_any(["ACTIVE", "OFFERED"])))
        .count()
        .get_result(conn)
}

/// How many units of the rental type a new check-in may take now (rooms net of upgrade
/// demand), counted by the database ([`super::stock::available`]).
pub fn available(conn: &mut DbConn, rental: RentalType) -> QueryResult<i64> {
    Ok(super::stock::available(conn)?.get(rental.as_str()).copied().unwrap_or(0))
}

/// Tries to reserve `unit` for the lane session; `false` if someone got there first.
fn try_hold(conn: &mut DbConn, unit: &Unit, session: LaneSessionId, now: DateTime<Utc>) -> Result<Option<HoldId>, AppError> {
    let bumped = match unit.kind {
        ResourceType::Room => diesel::update(rooms::table.filter(rooms::id.eq(crate::db::ids::RoomId(unit.id.0))).filter(
            rooms::version.eq(unit.version).and(rooms::status.eq(InventoryStatus::Clean)).and(rooms::assigned_to_customer_id.is_null()),
        ))
        .set((rooms::version.eq(unit.version + 1), rooms::updated_at.eq(Ts(now))))
        .execute(conn)?,
        ResourceType::Locker => diesel::update(
            lockers::table.filter(lockers::id.eq(crate::db::ids::LockerId(unit.id.0))).filter(
                lockers::version
                    .eq(unit.version)
                    .and(lockers::status.eq(InventoryStatus::Clean))
                    .and(lockers::assigned_to_customer_id.is_null()),
            ),
        )
        .set((lockers::version.eq(unit.version + 1), lockers::updated_at.eq(Ts(now))))
        .execute(conn)?,
    };
    if bumped == 0 {
        return Ok(None);
    }
    let id = HoldId::new();
    let insert = conn.transaction(|c| {
        diesel::insert_into(inventory_holds::table)
            .values((
                inventory_holds::id.eq(id),
                inventory_holds::resource_type.eq(unit.kind),
                inventory_holds::resource_id.eq(unit.id),
                inventory_holds::kind.eq(HoldKind::LaneSelection),
                inventory_holds::lane_session_id.eq(session),
                inventory_holds::created_at.eq(Ts(now)),
            ))
            .execute(c)
    });
    match insert {
        Ok(_) => Ok(Some(id)),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// Reserves the first free unit of the rental type for the session, or `None` when sold out
/// (including rooms that queued upgrades need).
pub fn place_hold(
    conn: &mut DbConn,
    rental: RentalType,
    session: LaneSessionId,
    now: DateTime<Utc>,
) -> Result<Option<(HoldId, Unit)>, AppError> {
    for unit in free_units(conn, rental)? {
        // Re-checked for every candidate: after losing a race, the winner's hold (committed by
        // then) may have used up the supply that queued upgrades leave to new check-ins.
        if available(conn, rental)? == 0 {
            return Ok(None);
        }
        if let Some(hold) = hold_unit(conn, &unit, session, now)? {
            // the hold bumped the unit's version
            return Ok(Some((hold, Unit { version: unit.version + 1, ..unit })));
        }
    }
    Ok(None)
}

/// A specific free unit by number (for the employee's swap to e.g. room 214).
pub fn free_unit_by_number(conn: &mut DbConn, rental: RentalType, number: &str) -> QueryResult<Option<Unit>> {
    Ok(free_units(conn, rental)?.into_iter().find(|u| u.number == number))
}

/// Reserves exactly `unit`, or `None` if someone got there first. The version bump and the
/// hold insert share a savepoint, so a lost race undoes both.
pub fn hold_unit(conn: &mut DbConn, unit: &Unit, session: LaneSessionId, now: DateTime<Utc>) -> Result<Option<HoldId>, AppError> {
    let attempt = conn.transaction(|c| match try_hold(c, unit, session, now)? {
        Some(hold) => Ok(hold),
        None => Err(AppError::conflict("TAKEN", "taken")),
    });
    match attempt {
        Ok(hold) => Ok(Some(hold)),
        Err(AppError::Conflict { code: "TAKEN", .. }) => Ok(None),
        Err(err) => Err(err),
    }
}
