//! `staff`: the people who work the desk, with Argon2id PIN hashes.

use diesel::prelude::*;

use crate::db::sql_types::Ts;

use crate::db::ids::StaffId;
use crate::db::schema::staff;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::StaffRole;

/// A staff row (without the PIN hash).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = staff, check_for_backend(MultiBackend))]
pub struct Staff {
    /// id
    pub id: StaffId,
    /// what they type to sign in
    pub login: String,
    /// shown on screens
    pub display_name: String,
    /// STAFF or MANAGER
    pub role: StaffRole,
    /// deactivated staff cannot sign in
    pub active: bool,
}

/// A staff member to create.
#[derive(Debug, Insertable)]
#[diesel(table_name = staff, treat_none_as_default_value = false)]
pub struct NewStaff<'a> {
    /// id
    pub id: StaffId,
    /// sign-in name
    pub login: &'a str,
    /// display name
    pub display_name: &'a str,
    /// role
    pub role: StaffRole,
    /// Argon2id PHC string
    pub pin_hash: &'a str,
    /// now
    pub created_at: Ts,
    /// now
    pub updated_at: Ts,
}

impl NewStaff<'_> {
    /// Inserts the staff member.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(staff::table).values(self).execute(conn).map(drop)
    }
}

/// What PIN checks need: the hash (lockout counters are in `pin_lockouts`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff, check_for_backend(MultiBackend))]
pub struct StaffCredentials {
    /// Argon2id PHC string
    pub pin_hash: String,
}

impl Staff {
    /// A staff member by id.
    pub fn find(conn: &mut DbConn, id: StaffId) -> QueryResult<Staff> {
        staff::table.find(id).select(Staff::as_select()).first(conn)
    }

    /// A staff member and their credentials by login name.
    pub fn by_login(conn: &mut DbConn, login: &str) -> QueryResult<Option<(Staff, StaffCredentials)>> {
        staff::table.filter(staff::login.eq(login)).select((Staff::as_select(), StaffCredentials::as_select())).first(conn).optional()
    }

    /// The credentials of a staff member.
    pub fn credentials(conn: &mut DbConn, id: StaffId) -> QueryResult<StaffCredentials> {
        staff::table.find(id).select(StaffCredentials::as_select()).first(conn)
    }

    /// Takes the row's write lock for the rest of the transaction (PIN checks queue here).
    pub fn lock_row(conn: &mut DbConn, id: StaffId) -> QueryResult<()> {
        diesel::update(staff::table.find(id)).set(staff::updated_at.eq(staff::updated_at)).execute(conn).map(drop)
    }

    /// Replaces the PIN hash and clears every lock (`pin_lockouts`).
    pub fn set_pin_hash(conn: &mut DbConn, id: StaffId, pin_hash: &str, at: Ts) -> QueryResult<usize> {
        super::pin_lockout::clear(conn, id)?;
        diesel::update(staff::table.find(id)).set((staff::pin_hash.eq(pin_hash), staff::updated_at.eq(at))).execute(conn)
    }

    /// Activates or deactivates; returns whether the row changed.
    pub fn set_active(conn: &mut DbConn, id: StaffId, active: bool, at: Ts) -> QueryResult<bool> {
        let n = diesel::update(staff::table.find(id).filter(staff::active.ne(active)))
            .set((staff::active.eq(active), staff::updated_at.eq(at)))
            .execute(conn)?;
        Ok(n == 1)
    }

    /// Everyone, by display name.
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Staff>> {
        staff::table.order(staff::display_name).select(Staff::as_select()).load(conn)
    }

    /// Number of active managers.
    pub fn count_active_managers(conn: &mut DbConn) -> QueryResult<i64> {
        staff::table.filter(staff::role.eq(StaffRole::Manager).and(staff::active.eq(true))).count().get_result(conn)
    }
}
