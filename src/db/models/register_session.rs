//! `register_sessions`: which staff member runs which lane's register, from which device.

use diesel::prelude::*;

use crate::db::ids::{RegisterSessionId, StaffId, StaffSessionId};
use crate::db::schema::register_sessions;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};

/// An active or ended register session.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = register_sessions, check_for_backend(MultiBackend))]
pub struct RegisterSession {
    /// id
    pub id: RegisterSessionId,
    /// lane
    pub lane_id: String,
    /// who runs it
    pub staff_id: StaffId,
    /// through which login session
    pub staff_session_id: StaffSessionId,
    /// the register device (browser) key
    pub register_device_key: String,
    /// since
    pub started_at: Ts,
}

/// A register session to open.
#[derive(Debug, Insertable)]
#[diesel(table_name = register_sessions, treat_none_as_default_value = false)]
pub struct NewRegisterSession<'a> {
    /// id
    pub id: RegisterSessionId,
    /// lane
    pub lane_id: &'a str,
    /// staff
    pub staff_id: StaffId,
    /// login session
    pub staff_session_id: StaffSessionId,
    /// device key
    pub register_device_key: &'a str,
    /// now
    pub started_at: Ts,
}

impl RegisterSession {
    /// Opens a register session; the partial unique indexes refuse a second one per lane or
    /// per device.
    pub fn insert(conn: &mut DbConn, new: &NewRegisterSession<'_>) -> QueryResult<()> {
        diesel::insert_into(register_sessions::table).values(new).execute(conn).map(drop)
    }

    /// The active session on a lane.
    pub fn active_on_lane(conn: &mut DbConn, lane_id: &str) -> QueryResult<Option<RegisterSession>> {
        register_sessions::table
            .filter(register_sessions::lane_id.eq(lane_id).and(register_sessions::ended_at.is_null()))
            .select(RegisterSession::as_select())
            .first(conn)
            .optional()
    }

    /// The active session on a device.
    pub fn active_on_device(conn: &mut DbConn, device_key: &str) -> QueryResult<Option<RegisterSession>> {
        register_sessions::table
            .filter(register_sessions::register_device_key.eq(device_key).and(register_sessions::ended_at.is_null()))
            .select(RegisterSession::as_select())
            .first(conn)
            .optional()
    }

    /// The active session opened through a staff login session, if any.
    pub fn active_of_login(conn: &mut DbConn, session: StaffSessionId) -> QueryResult<Option<RegisterSession>> {
        register_sessions::table
            .filter(register_sessions::staff_session_id.eq(session).and(register_sessions::ended_at.is_null()))
            .select(RegisterSession::as_select())
            .first(conn)
            .optional()
    }

    /// Every active register session.
    pub fn all_active(conn: &mut DbConn) -> QueryResult<Vec<RegisterSession>> {
        register_sessions::table
            .filter(register_sessions::ended_at.is_null())
            .order(register_sessions::lane_id)
            .select(RegisterSession::as_select())
            .load(conn)
    }

    /// Ends a session if still active; returns whether it was.
    pub fn end(conn: &mut DbConn, id: RegisterSessionId, by: StaffId, reason: &str, at: Ts) -> QueryResult<bool> {
        let n = diesel::update(register_sessions::table.find(id).filter(register_sessions::ended_at.is_null()))
            .set((
                register_sessions::ended_at.eq(at),
                register_sessions::ended_by_staff_id.eq(by),
                register_sessions::end_reason.eq(reason),
            ))
            .execute(conn)?;
        Ok(n == 1)
    }

    /// Ends every active register session opened through one login session.
    pub fn end_all_of_login(conn: &mut DbConn, session: StaffSessionId, by: StaffId, reason: &str, at: Ts) -> QueryResult<usize> {
        diesel::update(
            register_sessions::table.filter(register_sessions::staff_session_id.eq(session).and(register_sessions::ended_at.is_null())),
        )
        .set((register_sessions::ended_at.eq(at), register_sessions::ended_by_staff_id.eq(by), register_sessions::end_reason.eq(reason)))
        .execute(conn)
    }
}
