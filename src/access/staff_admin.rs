//! Managers create and deactivate staff and reset PINs (each needs a fresh step-up).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::principal::StaffAuth;
use crate::db::ids::StaffId;
use crate::db::models::audit_event::NewAuditEvent;
use crate::db::models::register_session::RegisterSession;
use crate::db::models::staff::{NewStaff, Staff};
use crate::db::models::staff_session::StaffSession;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::domain::enums::StaffRole;
use crate::error::AppError;

/// A staff member to create.
pub struct NewStaffSpec<'a> {
    /// sign-in name
    pub login: &'a str,
    /// shown on screens
    pub display_name: &'a str,
    /// role
    pub role: StaffRole,
    /// the PIN's Argon2id hash (hashed on the PIN workers, never inside a transaction)
    pub pin_hash: &'a str,
}

fn audit(
    conn: &mut DbConn,
    by: &StaffAuth,
    action: &str,
    target: StaffId,
    summary: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    NewAuditEvent { actor: by.actor(), lane_id: None, action, entity: Some(("staff", target.to_string())), summary, reason: None }
        .append(conn, now)?;
    Ok(())
}

/// Creates a staff member. 409 `LOGIN_TAKEN` if the login exists.
pub fn create(conn: &mut DbConn, by: &StaffAuth, spec: &NewStaffSpec<'_>, now: DateTime<Utc>) -> Result<Staff, AppError> {
    write_tx(conn, |conn| {
        if Staff::by_login(conn, spec.login)?.is_some() {
            return Err(AppError::conflict("LOGIN_TAKEN", format!("The login {:?} is already used.", spec.login)));
        }
        let id = StaffId::new();
        NewStaff {
            id,
            login: spec.login,
            display_name: spec.display_name,
            role: spec.role,
            pin_hash: spec.pin_hash,
            created_at: Ts(now),
            updated_at: Ts(now),
        }
        .insert(conn)?;
        audit(conn, by, "STAFF_CREATED", id, json!({ "login": spec.login, "role": spec.role }), now)?;
        Ok(Staff::find(conn, id)?)
    })
}

/// Deactivates a staff member: their sessions are revoked and their registers closed.
pub fn deactivate(conn: &mut DbConn, by: &StaffAuth, target: StaffId, now: DateTime<Utc>) -> Result<Staff, AppError> {
    if target == by.staff.id {
        return Err(AppError::conflict("CANNOT_DEACTIVATE_SELF", "You cannot deactivate your own account."));
    }
    write_tx(conn, |conn| {
        let staff = Staff::find(conn, target).map_err(|_| AppError::NotFound { what: "The staff member" })?;
        if !Staff::set_active(conn, target, false, Ts(now))? {
            return Ok(staff);
        }
        let sessions = revoke_everything(conn, by, target, now)?;
        audit(conn, by, "STAFF_DEACTIVATED", target, json!({ "sessions_revoked": sessions }), now)?;
        Ok(Staff::find(conn, target)?)
    })
}

/// Sets a new PIN (its hash); the member's other sessions end so the old PIN's sessions
/// cannot linger, and every lock of theirs is cleared.
pub fn reset_pin(conn: &mut DbConn, by: &StaffAuth, target: StaffId, pin_hash: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    write_tx(conn, |conn| {
        if Staff::set_pin_hash(conn, target, pin_hash, Ts(now))? == 0 {
            return Err(AppError::NotFound { what: "The staff member" });
        }
        let sessions = if target == by.staff.id { 0 } else { revoke_everything(conn, by, target, now)? };
        audit(conn, by, "STAFF_PIN_RESET", target, json!({ "sessions_revoked": sessions }), now)
    })
}

/// Clears every PIN lock of a staff member (all client addresses); audited even when there
/// was none, so the manager's act is on record.
pub fn unlock(conn: &mut DbConn, by: &StaffAuth, target: StaffId, now: DateTime<Utc>) -> Result<usize, AppError> {
    write_tx(conn, |conn| {
        Staff::find(conn, target).map_err(|_| AppError::NotFound { what: "The staff member" })?;
        let cleared = crate::db::models::pin_lockout::clear(conn, target)?;
        audit(conn, by, "STAFF_UNLOCKED", target, json!({ "locks_cleared": cleared }), now)?;
        Ok(cleared)
    })
}

fn revoke_everything(conn: &mut DbConn, by: &StaffAuth, target: StaffId, now: DateTime<Utc>) -> Result<usize, AppError> {
    use crate::db::schema::register_sessions as r;
    use diesel::prelude::*;
    let open: Vec<RegisterSession> =
        r::table.filter(r::staff_id.eq(target).and(r::ended_at.is_null())).select(RegisterSession::as_select()).load(conn)?;
    for register in open {
        RegisterSession::end(conn, register.id, by.staff.id, "FORCED", Ts(now))?;
    }
    Ok(StaffSession::revoke_all_of(conn, target, Ts(now))?)
}
