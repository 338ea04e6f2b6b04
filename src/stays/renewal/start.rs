//! Starting a renewal at the register's lane: the stay is judged (window, cap), the lane and
//! the customer must be free, and the session opens straight at payment — the rental is the
//! stay's own, priced as a renewal, with a DUE intent (RENEWAL or FINAL_EXTENSION) tied to the
//! visit. The customer then sees it on the kiosk, pays, reads and signs.

use diesel::prelude::*;
use serde_json::json;

use super::current;
use crate::db::DbConn;
use crate::db::ids::{LaneSessionId, StaffId, VisitId};
use crate::db::models::lane_session::{LaneSession, NewLaneSession, SessionChanges};
use crate::db::schema::{checkin_blocks, lane_sessions};
use crate::db::sql_types::Ts;
use crate::domain::enums::{BlockType, IdentityMethod, LaneSessionStatus as S};
use crate::domain::renewal;
use crate::error::AppError;
use crate::lanes::commands::{self, Applied, LaneCommand};
use crate::lanes::hub::Hub;
use crate::lanes::quote;

/// What the register asked for.
pub struct Request {
    /// the employee at the register
    pub staff: StaffId,
    /// the stay
    pub visit: VisitId,
    /// 6 or 2
    pub hours: i32,
}

/// How the customer was identified when the stay began: a renewal's evidence carries it on.
fn identity_of(conn: &mut DbConn, visit: VisitId) -> QueryResult<Option<IdentityMethod>> {
    let found: Option<Option<IdentityMethod>> = checkin_blocks::table
        .inner_join(lane_sessions::table.on(checkin_blocks::session_id.eq(lane_sessions::id.nullable())))
        .filter(checkin_blocks::visit_id.eq(visit).and(checkin_blocks::block_type.eq(BlockType::Initial)))
        .select(lane_sessions::identity_method)
        .first(conn)
        .optional()?;
    Ok(found.flatten())
}

/// Opens the renewal session on the command's lane; answers its id.
pub fn start(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    tz: chrono_tz::Tz,
    req: &Request,
) -> Result<Applied<LaneSessionId>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let c = current(conn, req.visit, cmd.now)?;
        let plan = renewal::judge(c.rules, req.hours, cmd.now).map_err(|r| AppError::Conflict {
            code: r.code,
            message: r.message,
            details: json!({ "checkout_at": c.rules.checkout_at, "hours_purchased": c.rules.hours_purchased }),
        })?;
        commands::ensure_free(conn, &cmd.lane, c.customer.id)?;
        LaneSession::close_finished(conn, &cmd.lane, Ts(cmd.now))?;
        let (id, now) = (LaneSessionId::new(), Ts(cmd.now));
        let new = NewLaneSession {
            id,
            lane_id: &cmd.lane,
            status: S::AwaitingPayment,
            staff_id: req.staff,
            customer_id: c.customer.id,
            language: c.customer.primary_language,
            identity_method: Some(identity_of(conn, req.visit)?.unwrap_or(IdentityMethod::StaffChecked)),
            mode: "RENEWAL",
            visit_id: Some(req.visit),
            renewal_hours: Some(req.hours),
            last_activity_at: now,
            created_at: now,
            updated_at: now,
        };
        LaneSession::insert(conn, &new)?;
        let rental = c.stay.rental_type;
        let quote = quote::renewal(&c.customer, false, req.hours, rental, cmd.now, tz)?;
        let purpose = if plan.block_type == BlockType::Final2h { "FINAL_EXTENSION" } else { "RENEWAL" };
        let intent = quote::create_intent_for(conn, id, (purpose, Some(req.visit)), &quote, cmd.now)?;
        let quote_json = serde_json::to_string(&quote).unwrap_or_default();
        let changes = SessionChanges {
            proposed_rental_type: Some(Some(rental)),
            proposed_by: Some(Some("EMPLOYEE")),
            selection_confirmed: Some(true),
            selection_confirmed_by: Some(Some("EMPLOYEE")),
            selection_locked_at: Some(Some(now)),
            desired_rental_type: Some(Some(rental)),
            price_quote_json: Some(Some(&quote_json)),
            payment_intent_id: Some(Some(intent)),
            ..Default::default()
        };
        let session = LaneSession::current(conn, &cmd.lane)?.ok_or_else(|| AppError::conflict("NO_SESSION", "The session vanished."))?;
        commands::save(conn, &session, &changes, cmd.now)?;
        let summary = json!({
            "visit_id": req.visit, "hours": req.hours, "block_type": plan.block_type, "unit": c.stay.number,
            "starts_at": plan.starts_at, "ends_at": plan.ends_at, "amount_cents": quote.total_cents,
        });
        commands::audit(conn, cmd, "RENEWAL_STARTED", id, summary, None)?;
        Ok(id)
    })
}
