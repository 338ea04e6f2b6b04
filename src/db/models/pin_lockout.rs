//! `pin_lockouts`: wrong PINs in a row and the lock, per staff member and client address.
//! A missing row is a clean slate.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::StaffId;
use crate::db::schema::pin_lockouts;
use crate::db::sql_types::Ts;
use crate::domain::lockout::LockState;

/// The lockout state of `staff` from `client` (a clean slate when there is no row).
pub fn state(conn: &mut DbConn, staff: StaffId, client: &str) -> QueryResult<LockState> {
    let row: Option<(i32, Option<Ts>)> =
        pin_lockouts::table.find((staff, client)).select((pin_lockouts::failures, pin_lockouts::locked_until)).first(conn).optional()?;
    Ok(row.map_or(LockState { failures: 0, locked_until: None }, |(failures, until)| LockState {
        failures,
        locked_until: until.map(|t| t.0),
    }))
}

/// Stores `next` for `staff` from `client`; a clean state removes the row. Call with the
/// staff row locked (`Staff::lock_row`), so that update-or-insert cannot race.
pub fn store(conn: &mut DbConn, staff: StaffId, client: &str, next: LockState, at: Ts) -> QueryResult<()> {
    let row = pin_lockouts::table.find((staff, client));
    if next.failures == 0 && next.locked_until.is_none() {
        return diesel::delete(row).execute(conn).map(drop);
    }
    let until = next.locked_until.map(Ts);
    let n = diesel::update(row)
        .set((pin_lockouts::failures.eq(next.failures), pin_lockouts::locked_until.eq(until), pin_lockouts::updated_at.eq(at)))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(pin_lockouts::table)
            .values((
                pin_lockouts::staff_id.eq(staff),
                pin_lockouts::client.eq(client),
                pin_lockouts::failures.eq(next.failures),
                pin_lockouts::locked_until.eq(until),
                pin_lockouts::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Clears every lock of `staff` (manager unlock, PIN reset); returns how many were cleared.
pub fn clear(conn: &mut DbConn, staff: StaffId) -> QueryResult<usize> {
    diesel::delete(pin_lockouts::table.filter(pin_lockouts::staff_id.eq(staff))).execute(conn)
}

/// Whether `staff` is locked from any address at `now` (for the staff list).
pub fn locked_anywhere(conn: &mut DbConn, staff: StaffId, now: Ts) -> QueryResult<bool> {
    let n: i64 =
        pin_lockouts::table.filter(pin_lockouts::staff_id.eq(staff).and(pin_lockouts::locked_until.gt(now))).count().get_result(conn)?;
    Ok(n > 0)
}
