//! `rooms` and `lockers`: what is rented, with the optimistic `version` check.

use diesel::prelude::*;

use crate::db::sql_types::Ts;

use crate::db::ids::{CustomerId, LockerId, RoomId};
use crate::db::schema::{lockers, rooms};
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::{InventoryStatus, RoomType};

/// A room row.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = rooms, check_for_backend(MultiBackend))]
pub struct Room {
    /// id
    pub id: RoomId,
    /// e.g. "214"
    pub number: String,
    /// tier
    #[diesel(column_name = type_)]
    pub room_type: RoomType,
    /// current state
    pub status: InventoryStatus,
    /// who occupies it
    pub assigned_to_customer_id: Option<CustomerId>,
    /// sticky: an override touched this room
    pub override_flag: bool,
    /// optimistic concurrency counter
    pub version: i64,
}

/// A room to create (CLEAN, unassigned).
#[derive(Debug, Insertable)]
#[diesel(table_name = rooms, treat_none_as_default_value = false)]
pub struct NewRoom<'a> {
    /// id
    pub id: RoomId,
    /// number
    pub number: &'a str,
    /// tier
    #[diesel(column_name = type_)]
    pub room_type: RoomType,
    /// initial state
    pub status: InventoryStatus,
    /// now
    pub last_status_change: Ts,
    /// now
    pub created_at: Ts,
    /// now
    pub updated_at: Ts,
}

impl NewRoom<'_> {
    /// Inserts the room.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(rooms::table).values(self).execute(conn).map(drop)
    }
}

impl Room {
    /// A room by number.
    pub fn by_number(conn: &mut DbConn, number: &str) -> QueryResult<Room> {
        rooms::table.filter(rooms::number.eq(number)).select(Room::as_select()).first(conn)
    }

    /// Sets the status if the row is still at `expected_version`. Returns whether it was
    /// (false = someone else changed the room first: a conflict, nothing written).
    pub fn set_status_if_version(
        conn: &mut DbConn,
        id: RoomId,
        expected_version: i64,
        status: InventoryStatus,
        at: Ts,
    ) -> QueryResult<bool> {
        let updated = crate::db::cached::Reusable(diesel::update(rooms::table.find(id).filter(rooms::version.eq(expected_version))).set((
            rooms::status.eq(status),
            rooms::last_status_change.eq(at),
            rooms::updated_at.eq(at),
            rooms::version.eq(expected_version + 1),
        )))
        .execute(conn)?;
        Ok(updated == 1)
    }
}

/// A locker to create (CLEAN, unassigned).
#[derive(Debug, Insertable)]
#[diesel(table_name = lockers, treat_none_as_default_value = false)]
pub struct NewLocker<'a> {
    /// id
    pub id: LockerId,
    /// "001" ...
    pub number: &'a str,
    /// initial state
    pub status: InventoryStatus,
    /// now
    pub last_status_change: Ts,
    /// now
    pub created_at: Ts,
    /// now
    pub updated_at: Ts,
}

impl NewLocker<'_> {
    /// Inserts the locker.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(lockers::table).values(self).execute(conn).map(drop)
    }
}

/// Counts of rooms and lockers.
pub fn counts(conn: &mut DbConn) -> QueryResult<(i64, i64)> {
    let rooms = rooms::table.count().get_result(conn)?;
    let lockers = lockers::table.count().get_result(conn)?;
    Ok((rooms, lockers))
}
