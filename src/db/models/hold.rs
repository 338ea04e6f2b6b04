//! `inventory_holds`: rooms and lockers reserved but not yet occupied.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{HoldId, LaneSessionId};
use crate::db::schema::inventory_holds;
use crate::db::sql_types::Ts;

/// Releases every unreleased hold of a lane session; returns how many.
pub fn release_for_session(conn: &mut DbConn, session: LaneSessionId, reason: &str, at: Ts) -> QueryResult<usize> {
    crate::db::cached::Reusable(
        diesel::update(
            inventory_holds::table.filter(inventory_holds::lane_session_id.eq(session).and(inventory_holds::released_at.is_null())),
        )
        .set((inventory_holds::released_at.eq(at), inventory_holds::release_reason.eq(reason))),
    )
    .execute(conn)
    .inspect(|released| mark(*released))
}

/// Releases one hold (no-op if already released).
pub fn release(conn: &mut DbConn, id: HoldId, reason: &str, at: Ts) -> QueryResult<usize> {
    crate::db::cached::Reusable(
        diesel::update(inventory_holds::table.find(id).filter(inventory_holds::released_at.is_null()))
            .set((inventory_holds::released_at.eq(at), inventory_holds::release_reason.eq(reason))),
    )
    .execute(conn)
    .inspect(|released| mark(*released))
}

fn mark(released: usize) {
    if released > 0 {
        crate::db::touched::stock();
    }
}
