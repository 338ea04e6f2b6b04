//! The live inventory board (spec/ux.md, "Inventory board"): every room and locker with its
//! status, the lane holding it, its occupant and checkout time. Three queries in bulk (rooms,
//! lockers, unreleased holds), each joined in SQL to what it needs; the rest is done here.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::db::ids::{LockerId, ResourceId, RoomId};
use crate::db::schema::{checkin_blocks, customers, inventory_holds, lane_sessions, lockers, rooms};
use crate::db::sql_types::Ts;
use crate::domain::enums::{InventoryStatus, RentalType, ResourceType, RoomType};
use crate::domain::inventory::number_order;

/// How close to its checkout time a unit counts as "due soon".
pub const DUE_SOON_MINUTES: i64 = 30;

/// One room or locker on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct BoardUnit {
    /// ROOM or LOCKER
    #[schema(value_type = String, example = "ROOM")]
    pub kind: ResourceType,
    /// e.g. "214" or "007"
    pub number: String,
    /// a room's type (STANDARD, DOUBLE, SPECIAL); for a locker, GYM_LOCKER when its current
    /// stay was rented as a gym locker, else LOCKER
    #[schema(value_type = String, example = "STANDARD")]
    pub tier: RentalType,
    /// CLEAN, OCCUPIED, DIRTY, CLEANING or OUT_OF_ORDER
    #[schema(value_type = String, example = "CLEAN")]
    pub status: InventoryStatus,
    /// the lane whose session holds the unit (an unreleased hold), if any
    pub held_by_lane: Option<String>,
    /// the customer the unit is assigned to
    pub customer_name: Option<String>,
    /// end of the unit's current check-in block
    pub checkout_at: Option<DateTime<Utc>>,
    /// the checkout time has passed
    pub overdue: bool,
    /// the checkout time is within the next 30 minutes
    pub due_soon: bool,
}

/// `(overdue, due_soon)` of a checkout time at `now`.
pub fn due_flags(checkout: Option<DateTime<Utc>>, now: DateTime<Utc>) -> (bool, bool) {
    match checkout {
        Some(at) => (at < now, now <= at && at <= now + Duration::minutes(DUE_SOON_MINUTES)),
        None => (false, false),
    }
}

/// Whether the unit's number or occupant contains `q` (any case).
pub fn matches(unit: &BoardUnit, q: &str) -> bool {
    let q = q.to_lowercase();
    unit.number.to_lowercase().contains(&q) || unit.customer_name.as_deref().is_some_and(|n| n.to_lowercase().contains(&q))
}

type Row<Id, Tier> = (Id, String, Tier, InventoryStatus, Option<Ts>, Option<String>);

fn room_rows(conn: &mut DbConn) -> QueryResult<Vec<Row<RoomId, RoomType>>> {
    rooms::table
        .left_join(checkin_blocks::table.on(rooms::current_block_id.eq(checkin_blocks::id.nullable())))
        .left_join(customers::table.on(rooms::assigned_to_customer_id.eq(customers::id.nullable())))
        .select((rooms::id, rooms::number, rooms::type_, rooms::status, checkin_blocks::ends_at.nullable(), customers::name.nullable()))
        .load(conn)
}

fn locker_rows(conn: &mut DbConn) -> QueryResult<Vec<Row<LockerId, Option<RentalType>>>> {
    lockers::table
        .left_join(checkin_blocks::table.on(lockers::current_block_id.eq(checkin_blocks::id.nullable())))
        .left_join(customers::table.on(lockers::assigned_to_customer_id.eq(customers::id.nullable())))
        .select((
            lockers::id,
            lockers::number,
            checkin_blocks::rental_type.nullable(),
            lockers::status,
            checkin_blocks::ends_at.nullable(),
            customers::name.nullable(),
        ))
        .load(conn)
}

/// Unreleased holds by unit, with the lane of the session that placed them (none for a
/// waitlist offer).
fn holds(conn: &mut DbConn) -> QueryResult<HashMap<(ResourceType, ResourceId), Option<String>>> {
    let rows: Vec<(ResourceType, ResourceId, Option<String>)> = inventory_holds::table
        .left_join(lane_sessions::table.on(inventory_holds::lane_session_id.eq(lane_sessions::id.nullable())))
        .filter(inventory_holds::released_at.is_null())
        .select((inventory_holds::resource_type, inventory_holds::resource_id, lane_sessions::lane_id.nullable()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(kind, id, lane)| ((kind, id), lane)).collect())
}

/// The board at `now`: rooms then lockers, each in numeric order, filtered by `q` when given.
pub fn load(conn: &mut DbConn, now: DateTime<Utc>, q: Option<&str>) -> QueryResult<Vec<BoardUnit>> {
    let held = holds(conn)?;
    let unit = |kind, id: ResourceId, number, tier, status, ends: Option<Ts>, customer_name| {
        let checkout_at = ends.map(|t| t.0);
        let (overdue, due_soon) = due_flags(checkout_at, now);
        let held_by_lane = held.get(&(kind, id)).cloned().flatten();
        BoardUnit { kind, number, tier, status, held_by_lane, customer_name, checkout_at, overdue, due_soon }
    };
    let mut rooms: Vec<BoardUnit> = room_rows(conn)?
        .into_iter()
        .map(|(id, number, tier, status, ends, name)| unit(ResourceType::Room, id.into(), number, tier.into(), status, ends, name))
        .collect();
    let mut lockers: Vec<BoardUnit> = locker_rows(conn)?
        .into_iter()
        .map(|(id, number, rental, status, ends, name)| {
            let tier = if rental == Some(RentalType::GymLocker) { RentalType::GymLocker } else { RentalType::Locker };
            unit(ResourceType::Locker, id.into(), number, tier, status, ends, name)
        })
        .collect();
    rooms.sort_by(|a, b| number_order(&a.number).cmp(&number_order(&b.number)));
    lockers.sort_by(|a, b| number_order(&a.number).cmp(&number_order(&b.number)));
    rooms.append(&mut lockers);
    if let Some(q) = q {
        rooms.retain(|u| matches(u, q));
    }
    Ok(rooms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn overdue_and_due_soon_have_sharp_edges() {
        let now = at(0);
        assert_eq!(due_flags(None, now), (false, false));
        assert_eq!(due_flags(Some(at(-1)), now), (true, false));
        assert_eq!(due_flags(Some(now), now), (false, true));
        assert_eq!(due_flags(Some(at(30)), now), (false, true));
        assert_eq!(due_flags(Some(at(31)), now), (false, false));
    }

    #[test]
    fn search_matches_number_or_occupant_in_any_case() {
        let unit = BoardUnit {
            kind: ResourceType::Room,
            number: "214".into(),
            tier: RentalType::Standard,
            status: InventoryStatus::Occupied,
            held_by_lane: None,
            customer_name: Some("Ana Pérez".into()),
            checkout_at: None,
            overdue: false,
            due_soon: false,
        };
        assert!(matches(&unit, "21"));
        assert!(matches(&unit, "PÉREZ"));
        assert!(!matches(&unit, "215"));
        assert!(!matches(&BoardUnit { customer_name: None, ..unit }, "ana"));
    }
}
