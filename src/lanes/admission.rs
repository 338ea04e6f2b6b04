//! Who may start a lane session (shared by the session start in `lanes::commands` and the
//! check-in's identification): a running ban, an ID that cannot be used, and whether identity
//! was established by a scan at this lane.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::CustomerId;
use crate::db::models::customer::Customer;
use crate::db::sql_types::Ts;
use crate::domain::identity::IdRefusal;
use crate::error::AppError;

/// The refusal for an ID that cannot be used.
pub fn refusal(r: IdRefusal) -> AppError {
    match r {
        IdRefusal::Underage { .. } => AppError::forbidden("UNDERAGE", "The customer must be 18 or older."),
        IdRefusal::Expired { on } => AppError::forbidden("ID_EXPIRED", format!("This ID expired on {on}. Please ask for a valid ID.")),
    }
}

/// 403 `BANNED` while a ban runs.
pub fn check_ban(customer: &Customer, now: chrono::DateTime<chrono::Utc>) -> Result<(), AppError> {
    match customer.banned_until {
        Some(until) if until.0 > now => Err(AppError::Forbidden {
            code: "BANNED",
            message: format!("This customer is banned until {}.", until.0.format("%Y-%m-%d %H:%M UTC")),
        }),
        _ => Ok(()),
    }
}

/// Whether this customer's ID was scanned and matched with certainty at this lane in the last
/// 30 minutes: only then may a session record `ID_SCAN` as how identity was established.
pub fn scanned_recently(conn: &mut DbConn, lane: &str, customer: CustomerId, now: chrono::DateTime<chrono::Utc>) -> Result<bool, AppError> {
    use crate::db::schema::audit_events as a;
    let since = Ts(now - chrono::Duration::minutes(30));
    let n: i64 = a::table
        .filter(a::action.eq("CUSTOMER_IDENTIFIED").and(a::lane_id.eq(lane)).and(a::entity_id.eq(customer.to_string())))
        .filter(a::summary_json.like("%\"ID_SCAN\"%").and(a::at.ge(since)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
