//! A customer's place on the upgrade waitlist, as both screens show it once the check-in is
//! done (flows §3): position among the ACTIVE entries of the tier, and an ETA from the
//! soonest-ending occupied rooms of that tier plus the cleaning buffer (`domain::waitlist`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::db::ids::LaneSessionId;
use crate::db::schema::{checkin_blocks, rooms, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::enums::InventoryStatus;
use crate::domain::waitlist::{eta, position};

/// Where the customer stands for the room tier they wait for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaitlistPlace {
    /// the tier waited for
    #[schema(example = "DOUBLE")]
    pub desired_tier: String,
    /// ACTIVE, OFFERED, COMPLETED, CANCELLED or EXPIRED
    #[schema(example = "ACTIVE")]
    pub status: String,
    /// 1 = next in line (open entries)
    pub position: Option<i64>,
    /// when a room of the tier is likely free (unknown without enough occupied rooms)
    pub eta: Option<DateTime<Utc>>,
}

/// The place of the entry the session's check-in created, if it created one.
pub fn of_session(conn: &mut DbConn, session: LaneSessionId, now: DateTime<Utc>) -> QueryResult<Option<WaitlistPlace>> {
    let entry: Option<(String, String, Ts)> = checkin_blocks::table
        .inner_join(waitlist::table.on(checkin_blocks::waitlist_id.eq(waitlist::id.nullable())))
        .filter(checkin_blocks::session_id.eq(session))
        .select((waitlist::desired_tier, waitlist::status, waitlist::created_at))
        .first(conn)
        .optional()?;
    let Some((tier, status, created)) = entry else { return Ok(None) };
    if !matches!(status.as_str(), "ACTIVE" | "OFFERED") {
        return Ok(Some(WaitlistPlace { desired_tier: tier, status, position: None, eta: None }));
    }
    let active: Vec<Ts> = waitlist::table
        .filter(waitlist::status.eq("ACTIVE").and(waitlist::desired_tier.eq(&tier)))
        .select(waitlist::created_at)
        .load(conn)?;
    let occupied: Vec<Ts> = rooms::table
        .inner_join(checkin_blocks::table.on(rooms::current_block_id.eq(checkin_blocks::id.nullable())))
        .filter(rooms::status.eq(InventoryStatus::Occupied).and(rooms::type_.eq(tier.as_str())))
        .select(checkin_blocks::ends_at)
        .load(conn)?;
    let place = position(created.0, &active.iter().map(|t| t.0).collect::<Vec<_>>());
    let eta = eta(place, &occupied.iter().map(|t| t.0).collect::<Vec<_>>(), now);
    Ok(Some(WaitlistPlace { desired_tier: tier, status, position: Some(place), eta }))
}
