//! `lanes`: the counters, each with a register and a kiosk.

use diesel::prelude::*;

use crate::db::sql_types::Ts;

use crate::db::schema::lanes;
use crate::db::{DbConn, MultiBackend};

/// A lane row.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = lanes, check_for_backend(MultiBackend))]
pub struct Lane {
    /// `lane-1`, `lane-2`, ...
    pub id: String,
    /// shown to staff
    pub name: String,
    /// inactive lanes take no sessions
    pub active: bool,
    /// revision of what the lane's screens show
    pub rev: i64,
    /// when it was created
    pub created_at: Ts,
}

/// A lane to create.
#[derive(Debug, Insertable)]
#[diesel(table_name = lanes, treat_none_as_default_value = false)]
pub struct NewLane<'a> {
    /// `lane-N`
    pub id: &'a str,
    /// display name
    pub name: &'a str,
    /// creation time
    pub created_at: Ts,
}

impl NewLane<'_> {
    /// Inserts the lane.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(lanes::table).values(self).execute(conn).map(drop)
    }
}

impl Lane {
    /// All lanes by id.
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Lane>> {
        lanes::table.select(Lane::as_select()).order(lanes::id).load(conn)
    }

    /// A lane by id.
    pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Lane>> {
        lanes::table.find(id).select(Lane::as_select()).first(conn).optional()
    }

    /// Number of lanes.
    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        lanes::table.count().get_result(conn)
    }
}

/// Whether `id` has the `lane-N` form the database accepts.
pub fn is_valid_lane_id(id: &str) -> bool {
    id.strip_prefix("lane-").is_some_and(|n| (1..=4).contains(&n.len()) && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn lane_ids() {
        for ok in ["lane-1", "lane-12", "lane-9999"] {
            assert!(super::is_valid_lane_id(ok), "{ok}");
        }
        for bad in ["lane-0", "lane-01", "lane-", "Lane-1", "lane-1a", "lane-10000", "1"] {
            assert!(!super::is_valid_lane_id(bad), "{bad}");
        }
    }
}
