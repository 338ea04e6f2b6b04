//! `staff_sessions`: signed-in staff, by SHA-256 of their token.

use diesel::prelude::*;

use crate::db::ids::{StaffId, StaffSessionId};
use crate::db::schema::staff_sessions;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};

/// A session row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_sessions, check_for_backend(MultiBackend))]
pub struct StaffSession {
    /// id
    pub id: StaffSessionId,
    /// whose session
    pub staff_id: StaffId,
    /// when it ends by itself
    pub expires_at: Ts,
    /// last PIN re-entry (step-up)
    pub step_up_at: Option<Ts>,
    /// set by logout or by a manager
    pub revoked_at: Option<Ts>,
}

/// A session to create.
#[derive(Debug, Insertable)]
#[diesel(table_name = staff_sessions, treat_none_as_default_value = false)]
pub struct NewStaffSession<'a> {
    /// id
    pub id: StaffSessionId,
    /// whose
    pub staff_id: StaffId,
    /// SHA-256 of the token
    pub token_sha256: &'a str,
    /// now
    pub created_at: Ts,
    /// now + 12 h
    pub expires_at: Ts,
    /// now
    pub last_seen_at: Ts,
    /// the browser or script, for the session list
    pub user_agent: Option<&'a str>,
}

impl NewStaffSession<'_> {
    /// Inserts the session.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(staff_sessions::table).values(self).execute(conn).map(drop)
    }
}

impl StaffSession {
    /// The session behind a token digest with its staff member, in one query (every staff
    /// request resolves its caller through it).
    pub fn with_staff_by_token_hash(
        conn: &mut DbConn,
        token_sha256: &str,
    ) -> QueryResult<Option<(StaffSession, crate::db::models::staff::Staff)>> {
        use crate::db::schema::staff;
        staff_sessions::table
            .inner_join(staff::table)
            .filter(staff_sessions::token_sha256.eq(token_sha256))
            .select((StaffSession::as_select(), crate::db::models::staff::Staff::as_select()))
            .first(conn)
            .optional()
    }

    /// Whether the session can still be used at `now` (not revoked, not expired, staff active).
    pub fn is_current(conn: &mut DbConn, id: StaffSessionId, now: Ts) -> QueryResult<bool> {
        use crate::db::schema::staff;
        let n: i64 = staff_sessions::table
            .inner_join(staff::table)
            .filter(
                staff_sessions::id
                    .eq(id)
                    .and(staff_sessions::revoked_at.is_null())
                    .and(staff_sessions::expires_at.gt(now))
                    .and(staff::active.eq(true)),
            )
            .count()
            .get_result(conn)?;
        Ok(n == 1)
    }

    /// Records a successful step-up.
    pub fn set_step_up(conn: &mut DbConn, id: StaffSessionId, at: Ts) -> QueryResult<()> {
        diesel::update(staff_sessions::table.find(id)).set(staff_sessions::step_up_at.eq(at)).execute(conn).map(drop)
    }

    /// Revokes one session (no-op if already revoked).
    pub fn revoke(conn: &mut DbConn, id: StaffSessionId, at: Ts) -> QueryResult<usize> {
        diesel::update(staff_sessions::table.find(id).filter(staff_sessions::revoked_at.is_null()))
            .set(staff_sessions::revoked_at.eq(at))
            .execute(conn)
    }

    /// Revokes every open session of a staff member; returns how many.
    pub fn revoke_all_of(conn: &mut DbConn, staff_id: StaffId, at: Ts) -> QueryResult<usize> {
        diesel::update(staff_sessions::table.filter(staff_sessions::staff_id.eq(staff_id).and(staff_sessions::revoked_at.is_null())))
            .set(staff_sessions::revoked_at.eq(at))
            .execute(conn)
    }
}
