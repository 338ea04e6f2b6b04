//! The club's stock: how many of each rental a new check-in could take now (CLEAN, unassigned,
//! unheld units; rooms net of the upgrades queued for their tier: ACTIVE entries of open
//! visits whose block has not ended; an OFFERED entry's room is already held, so it is not
//! subtracted twice) and how many units are
//! per status. Five aggregate queries, so that every change of the inventory can push it to
//! every screen (`inventory.changed`): the register's board and due list, the kiosks' rental
//! choices (sold-out options disabled) and the manager's monitor.

use std::collections::BTreeMap;

use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use chrono::{DateTime, Utc};

use crate::db::DbConn;
use crate::db::schema::{checkin_blocks, inventory_holds, lockers, rooms, visits, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::enums::{InventoryStatus, RentalType, ResourceType, RoomType};

/// What `inventory.changed` carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Stock {
    /// per rental type (STANDARD, DOUBLE, SPECIAL, LOCKER, GYM_LOCKER): how many a new
    /// check-in may take now (0 = sold out → waitlist)
    #[schema(value_type = Object)]
    pub available: BTreeMap<String, i64>,
    /// rooms per status (CLEAN, OCCUPIED, DIRTY, CLEANING, OUT_OF_ORDER)
    #[schema(value_type = Object)]
    pub rooms: BTreeMap<String, i64>,
    /// lockers per status
    #[schema(value_type = Object)]
    pub lockers: BTreeMap<String, i64>,
}

fn free_rooms_by_type(conn: &mut DbConn) -> QueryResult<Vec<(RoomType, i64)>> {
    let held = inventory_holds::table
        .filter(inventory_holds::resource_type.eq(ResourceType::Room.as_str()).and(inventory_holds::released_at.is_null()))
        .select(inventory_holds::resource_id);
    rooms::table
        .filter(rooms::status.eq(InventoryStatus::Clean).and(rooms::assigned_to_customer_id.is_null()))
        .filter(rooms::id.ne_all(held))
        .group_by(rooms::type_)
        .select((rooms::type_, count_star()))
        .load(conn)
}

fn free_lockers(conn: &mut DbConn) -> QueryResult<i64> {
    let held = inventory_holds::table
        .filter(inventory_holds::resource_type.eq(ResourceType::Locker.as_str()).and(inventory_holds::released_at.is_null()))
        .select(inventory_holds::resource_id);
    lockers::table
        .filter(lockers::status.eq(InventoryStatus::Clean).and(lockers::assigned_to_customer_id.is_null()))
        .filter(lockers::id.ne_all(held))
        .count()
        .get_result(conn)
}

/// The queued upgrades per desired tier: ACTIVE entries (an OFFERED one holds its room, which
/// is already out of the free units) of open visits whose block has not ended at `now`.
pub fn demand_by_tier(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<Vec<(String, i64)>> {
    waitlist::table
        .inner_join(visits::table)
        .inner_join(checkin_blocks::table.on(checkin_blocks::id.eq(waitlist::checkin_block_id)))
        .filter(waitlist::status.eq("ACTIVE").and(visits::ended_at.is_null()).and(checkin_blocks::ends_at.gt(Ts(now))))
        .group_by(waitlist::desired_tier)
        .select((waitlist::desired_tier, count_star()))
        .load(conn)
}

/// How many of each rental type (by its name) a new check-in may take now, counted by the
/// database at `now`: three aggregate queries whatever the size of the club.
pub fn available(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<BTreeMap<String, i64>> {
    let free = free_rooms_by_type(conn)?;
    let demand = demand_by_tier(conn, now)?;
    let lockers_free = free_lockers(conn)?;
    let mut available = BTreeMap::new();
    for tier in RoomType::ALL {
        let free = free.iter().find(|(t, _)| t == tier).map_or(0, |(_, n)| *n);
        let queued = demand.iter().find(|(t, _)| t == tier.as_str()).map_or(0, |(_, n)| *n);
        available.insert(tier.as_str().to_owned(), (free - queued).max(0));
    }
    for locker in [RentalType::Locker, RentalType::GymLocker] {
        available.insert(locker.as_str().to_owned(), lockers_free);
    }
    Ok(available)
}

/// The stock at `now`.
pub fn read(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<Stock> {
    let available = available(conn, now)?;
    let rooms: Vec<(String, i64)> = rooms::table.group_by(rooms::status).select((rooms::status, count_star())).load(conn)?;
    let lockers: Vec<(String, i64)> = lockers::table.group_by(lockers::status).select((lockers::status, count_star())).load(conn)?;
    Ok(Stock { available, rooms: by_status(rooms), lockers: by_status(lockers) })
}

/// Every status with its count (0 when none).
fn by_status(counted: Vec<(String, i64)>) -> BTreeMap<String, i64> {
    let mut all: BTreeMap<String, i64> = InventoryStatus::ALL.iter().map(|s| (s.as_str().to_owned(), 0)).collect();
    all.extend(counted);
    all
}
