//! Register sign-in: one staff member runs a lane's register from one device at a time
//! (partial unique indexes per lane and per device), signs out, or is signed out by a manager.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::principal::StaffAuth;
use crate::db::ids::RegisterSessionId;
use crate::db::models::audit_event::NewAuditEvent;
use crate::db::models::lane::Lane;
use crate::db::models::register_session::{NewRegisterSession, RegisterSession};
use crate::db::models::staff::Staff;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::error::AppError;

fn busy(conn: &mut DbConn, other: &RegisterSession, what: &'static str) -> Result<AppError, AppError> {
    let holder = Staff::find(conn, other.staff_id)?;
    let message = match what {
        "REGISTER_BUSY" => format!("{} is signed in at this register. Ask them to sign out, or a manager to end it.", holder.display_name),
        _ => format!("This device is signed in at the register of {} by {}.", other.lane_id, holder.display_name),
    };
    let details = json!({ "lane_id": other.lane_id, "staff": holder.display_name, "since": other.started_at });
    Ok(AppError::Conflict { code: what, message, details })
}

/// Signs `auth` in at `lane_id` from `device_key`. Signing in again from the same login and
/// device returns the open session.
pub fn sign_in(
    conn: &mut DbConn,
    auth: &StaffAuth,
    lane_id: &str,
    device_key: &str,
    now: DateTime<Utc>,
) -> Result<RegisterSession, AppError> {
    write_tx(conn, |conn| {
        Lane::find(conn, lane_id)?.filter(|l| l.active).ok_or(AppError::NotFound { what: "The lane" })?;
        if let Some(open) = RegisterSession::active_on_lane(conn, lane_id)? {
            if open.staff_session_id == auth.session_id && open.register_device_key == device_key {
                return Ok(open);
            }
            return Err(busy(conn, &open, "REGISTER_BUSY")?);
        }
        if let Some(open) = RegisterSession::active_on_device(conn, device_key)? {
            return Err(busy(conn, &open, "REGISTER_DEVICE_BUSY")?);
        }
        let id = RegisterSessionId::new();
        let new = NewRegisterSession {
            id,
            lane_id,
            staff_id: auth.staff.id,
            staff_session_id: auth.session_id,
            register_device_key: device_key,
            started_at: Ts(now),
        };
        RegisterSession::insert(conn, &new)?;
        NewAuditEvent {
            actor: auth.actor(),
            lane_id: Some(lane_id),
            action: "REGISTER_SIGN_IN",
            entity: Some(("register_session", id.to_string())),
            summary: json!({}),
            reason: None,
        }
        .append(conn, now)?;
        RegisterSession::active_on_lane(conn, lane_id)?.ok_or(AppError::NotFound { what: "The register session" })
    })
}

/// Ends the register session of `lane_id`: by its owner (`SIGN_OUT`) or by a manager
/// (`FORCED`, with a reason).
pub fn sign_out(
    conn: &mut DbConn,
    by: &StaffAuth,
    register: &RegisterSession,
    forced_reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    write_tx(conn, |conn| {
        let (reason, action) = match forced_reason {
            Some(_) => ("FORCED", "REGISTER_FORCE_SIGN_OUT"),
            None => ("SIGN_OUT", "REGISTER_SIGN_OUT"),
        };
        if RegisterSession::end(conn, register.id, by.staff.id, reason, Ts(now))? {
            let summary = json!({ "staff_id": register.staff_id });
            let entity = Some(("register_session", register.id.to_string()));
            NewAuditEvent { actor: by.actor(), lane_id: Some(&register.lane_id), action, entity, summary, reason: forced_reason }
                .append(conn, now)?;
        }
        Ok(())
    })
}
