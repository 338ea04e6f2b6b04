//! The rooms an upgrade can be offered: CLEAN, unassigned and unheld, of the desired tier
//! (`rooms.type`, the tier check-in uses too), and the UPGRADE_HOLD that reserves one.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{HoldId, RoomId, WaitlistId};
use crate::db::schema::{inventory_holds, rooms};
use crate::db::sql_types::Ts;
use crate::domain::enums::{HoldKind, InventoryStatus, ResourceType, RoomType};

/// A room as read for an offer.
#[derive(Debug, Clone, Queryable)]
pub struct Room {
    /// id
    pub id: RoomId,
    /// e.g. "216"
    pub number: String,
    /// its tier
    pub tier: RoomType,
    /// status when read
    pub status: InventoryStatus,
    /// occupied by someone
    pub assigned: bool,
    /// optimistic counter when read
    pub version: i64,
}

diesel::define_sql_function!(fn length(x: diesel::sql_types::Text) -> diesel::sql_types::Integer);

/// Every CLEAN, unassigned, unheld room of the tiers, lowest number first.
pub fn free(conn: &mut DbConn, tiers: &[RoomType]) -> QueryResult<Vec<Room>> {
    let held = inventory_holds::table
        .filter(inventory_holds::resource_type.eq(ResourceType::Room.as_str()).and(inventory_holds::released_at.is_null()))
        .select(inventory_holds::resource_id);
    let tiers: Vec<&str> = tiers.iter().map(|t| t.as_str()).collect();
    rooms::table
        .filter(rooms::type_.eq_any(tiers).and(rooms::status.eq(InventoryStatus::Clean)).and(rooms::assigned_to_customer_id.is_null()))
        .filter(rooms::id.ne_all(held))
        .order((length(rooms::number), rooms::number))
        .select((rooms::id, rooms::number, rooms::type_, rooms::status, rooms::assigned_to_customer_id.is_not_null(), rooms::version))
        .load(conn)
}

/// The room with this number.
pub fn by_number(conn: &mut DbConn, number: &str) -> QueryResult<Option<Room>> {
    rooms::table
        .filter(rooms::number.eq(number))
        .select((rooms::id, rooms::number, rooms::type_, rooms::status, rooms::assigned_to_customer_id.is_not_null(), rooms::version))
        .first(conn)
        .optional()
}

/// The unreleased hold on the room: its id and the entry it is for (none for a lane's).
pub fn hold_on(conn: &mut DbConn, room: RoomId) -> QueryResult<Option<(HoldId, Option<WaitlistId>)>> {
    inventory_holds::table
        .filter(inventory_holds::resource_type.eq(ResourceType::Room.as_str()))
        .filter(inventory_holds::resource_id.eq(crate::db::ids::ResourceId::from(room)))
        .filter(inventory_holds::released_at.is_null())
        .select((inventory_holds::id, inventory_holds::waitlist_id))
        .first(conn)
        .optional()
}

/// Reserves `room` for `entry` until `expires`: the room's version is bumped only if it is
/// still CLEAN, unassigned and as read (so a check-in that read it loses its own bump), then the
/// hold is inserted (`inventory_holds_one_unreleased` refuses a second). `false` when the room
/// moved; a unique violation is an error for the caller's savepoint.
pub fn hold(conn: &mut DbConn, room: &Room, entry: WaitlistId, expires: DateTime<Utc>, now: DateTime<Utc>) -> QueryResult<bool> {
    let bumped = diesel::update(rooms::table.find(room.id).filter(
        rooms::version.eq(room.version).and(rooms::status.eq(InventoryStatus::Clean)).and(rooms::assigned_to_customer_id.is_null()),
    ))
    .set((rooms::version.eq(room.version + 1), rooms::updated_at.eq(Ts(now))))
    .execute(conn)?;
    if bumped == 0 {
        return Ok(false);
    }
    diesel::insert_into(inventory_holds::table)
        .values((
            inventory_holds::id.eq(HoldId::new()),
            inventory_holds::resource_type.eq(ResourceType::Room),
            inventory_holds::resource_id.eq(crate::db::ids::ResourceId::from(room.id)),
            inventory_holds::kind.eq(HoldKind::UpgradeHold),
            inventory_holds::waitlist_id.eq(entry),
            inventory_holds::created_at.eq(Ts(now)),
            inventory_holds::expires_at.eq(Ts(expires)),
        ))
        .execute(conn)?;
    crate::db::touched::stock();
    Ok(true)
}

/// Moves the expiry of the entry's unreleased hold; `false` when it has none.
pub fn extend(conn: &mut DbConn, entry: WaitlistId, expires: DateTime<Utc>) -> QueryResult<bool> {
    diesel::update(inventory_holds::table.filter(inventory_holds::waitlist_id.eq(entry).and(inventory_holds::released_at.is_null())))
        .set(inventory_holds::expires_at.eq(Ts(expires)))
        .execute(conn)
        .map(|n| n == 1)
}
