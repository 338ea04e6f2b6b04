//! Which room or locker a lane gets: the lowest-numbered CLEAN, unassigned, unheld unit of the
//! locked type, never one needed for queued upgrades; the database finds it through a partial
//! index, whatever the size of the club. Placing a hold bumps the unit's `version`
//! (optimistic check) and inserts the hold (the partial unique index refuses a second one), each
//! in a savepoint, moving on to the next candidate on conflict.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{HoldId, LaneSessionId, LockerId, ResourceId, RoomId};
use crate::db::schema::{inventory_holds, lockers, rooms};
use crate::db::sql_types::Ts;
use crate::domain::enums::{HoldKind, InventoryStatus, RentalType, ResourceType, RoomType};
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

diesel::define_sql_function!(fn length(x: diesel::sql_types::Text) -> diesel::sql_types::Integer);

/// How many candidates one read brings: enough that losing a race to other lanes moves on to
/// the next without another read, few enough that the cost does not grow with the club.
const CANDIDATES: i64 = 16;

/// Free units of the rental type (CLEAN, unassigned, unheld), lowest number first (numeric
/// order: "9" before "10", `domain::inventory::number_order`), at most `limit`, and only
/// `number` when given. The database orders and cuts the list (partial indexes
/// `rooms_free_by_number` / `lockers_free_by_number`), so the cost does not grow with the
/// number of free units.
fn free_units(conn: &mut DbConn, rental: RentalType, number: Option<&str>, limit: i64) -> QueryResult<Vec<Unit>> {
    let any = number.is_none();
    let number = number.unwrap_or_default();
    match room_tier(rental) {
        Some(tier) => {
            let held = inventory_holds::table
                .filter(inventory_holds::resource_type.eq(ResourceType::Room.as_str()).and(inventory_holds::released_at.is_null()))
                .select(inventory_holds::resource_id);
            let rows: Vec<(RoomId, String, i64)> = rooms::table
                .filter(rooms::type_.eq(tier).and(rooms::status.eq(InventoryStatus::Clean)).and(rooms::assigned_to_customer_id.is_null()))
                .filter(rooms::number.eq(number).or(any.into_sql::<diesel::sql_types::Bool>()))
                .filter(rooms::id.ne_all(held))
                .order((length(rooms::number), rooms::number))
                .limit(limit)
                .select((rooms::id, rooms::number, rooms::version))
                .load(conn)?;
            Ok(rows.into_iter().map(|(id, number, version)| Unit { id: id.into(), number, kind: ResourceType::Room, version }).collect())
        }
        None => {
            let held = inventory_holds::table
                .filter(inventory_holds::resource_type.eq(ResourceType::Locker.as_str()).and(inventory_holds::released_at.is_null()))
                .select(inventory_holds::resource_id);
            let rows: Vec<(LockerId, String, i64)> = lockers::table
                .filter(lockers::status.eq(InventoryStatus::Clean).and(lockers::assigned_to_customer_id.is_null()))
                .filter(lockers::number.eq(number).or(any.into_sql::<diesel::sql_types::Bool>()))
                .filter(lockers::id.ne_all(held))
                .order((length(lockers::number), lockers::number))
                .limit(limit)
                .select((lockers::id, lockers::number, lockers::version))
                .load(conn)?;
            Ok(rows.into_iter().map(|(id, number, version)| Unit { id: id.into(), number, kind: ResourceType::Locker, version }).collect())
        }
    }
}

/// Checked-in customers waiting for this room tier at `now` (see
/// [`super::stock::demand_by_tier`]: ACTIVE entries of open visits with unended blocks).
pub fn upgrade_demand(conn: &mut DbConn, tier: RoomType, now: DateTime<Utc>) -> QueryResult<i64> {
    Ok(super::stock::demand_by_tier(conn, now)?.into_iter().find(|(t, _)| t == tier.as_str()).map_or(0, |(_, n)| n))
}

/// How many units of the rental type a new check-in may take at `now` (rooms net of upgrade
/// demand), counted by the database ([`super::stock::available`]).
pub fn available(conn: &mut DbConn, rental: RentalType, now: DateTime<Utc>) -> QueryResult<i64> {
    Ok(super::stock::available(conn, now)?.get(rental.as_str()).copied().unwrap_or(0))
}

/// Tries to reserve `unit` for the lane session; `false` if someone got there first.
fn try_hold(conn: &mut DbConn, unit: &Unit, session: LaneSessionId, now: DateTime<Utc>) -> Result<Option<HoldId>, AppError> {
    let bumped = match unit.kind {
        ResourceType::Room => crate::db::cached::Reusable(
            diesel::update(rooms::table.filter(rooms::id.eq(RoomId(unit.id.0))).filter(
                rooms::version.eq(unit.version).and(rooms::status.eq(InventoryStatus::Clean)).and(rooms::assigned_to_customer_id.is_null()),
            ))
            .set((rooms::version.eq(unit.version + 1), rooms::updated_at.eq(Ts(now)))),
        )
        .execute(conn)?,
        ResourceType::Locker => crate::db::cached::Reusable(
            diesel::update(
                lockers::table.filter(lockers::id.eq(LockerId(unit.id.0))).filter(
                    lockers::version
                        .eq(unit.version)
                        .and(lockers::status.eq(InventoryStatus::Clean))
                        .and(lockers::assigned_to_customer_id.is_null()),
                ),
            )
            .set((lockers::version.eq(unit.version + 1), lockers::updated_at.eq(Ts(now)))),
        )
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
        Ok(_) => {
            crate::db::touched::stock();
            Ok(Some(id))
        }
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
    // Queued upgrades keep rooms of their tier from new check-ins: only then is the supply
    // counted, and again for every candidate, since after losing a race the winner's hold
    // (committed by then) may have used up what the queue leaves to new check-ins.
    let queued = match room_tier(rental) {
        Some(tier) => upgrade_demand(conn, tier, now)? > 0,
        None => false,
    };
    // Each round reads the lowest free candidates again: the ones lost to other lanes are
    // held by then and drop out. A round that wins nothing means every candidate was taken
    // while we tried; after a few such rounds the answer is sold out for now.
    for _round in 0..4 {
        let candidates = free_units(conn, rental, None, CANDIDATES)?;
        if candidates.is_empty() {
            return Ok(None);
        }
        for unit in candidates {
            if queued && available(conn, rental, now)? == 0 {
                return Ok(None);
            }
            if let Some(hold) = hold_unit(conn, &unit, session, now)? {
                // the hold bumped the unit's version
                return Ok(Some((hold, Unit { version: unit.version + 1, ..unit })));
            }
        }
    }
    Ok(None)
}

/// A specific free unit by number (for the employee's swap to e.g. room 214).
pub fn free_unit_by_number(conn: &mut DbConn, rental: RentalType, number: &str) -> QueryResult<Option<Unit>> {
    Ok(free_units(conn, rental, Some(number), 1)?.pop())
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
