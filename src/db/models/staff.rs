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

impl Staff {
    /// Number of active managers.
    pub fn count_active_managers(conn: &mut DbConn) -> QueryResult<i64> {
        staff::table
            .filter(staff::role.eq(StaffRole::Manager).and(staff::active.eq(true)))
            .count()
            .get_result(conn)
    }
}
