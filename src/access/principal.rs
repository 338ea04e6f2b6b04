//! Resolving presented tokens into principals, with every refusal's code.

use chrono::{DateTime, Duration, Utc};

use crate::db::DbConn;
use crate::db::ids::StaffSessionId;
use crate::db::models::audit_event::Actor;
use crate::db::models::device::Device;
use crate::db::models::staff::Staff;
use crate::db::models::staff_session::StaffSession;
use crate::db::sql_types::Ts;
use crate::domain::enums::StaffRole;
use crate::error::AppError;
use crate::security::token;

/// How long a step-up PIN counts.
pub fn step_up_window() -> Duration {
    Duration::minutes(5)
}

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct StaffAuth {
    /// who
    pub staff: Staff,
    /// through which login session
    pub session_id: StaffSessionId,
    /// when the session ends by itself
    pub expires_at: DateTime<Utc>,
    /// last PIN re-entry
    pub step_up_at: Option<DateTime<Utc>>,
}

impl StaffAuth {
    /// The audit actor.
    pub fn actor(&self) -> Actor {
        Actor::Staff(self.staff.id)
    }

    /// Until when the last step-up counts, if it still does.
    pub fn step_up_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.step_up_at.map(|at| at + step_up_window()).filter(|until| *until > now)
    }

    /// Refuses with 403 `STEP_UP_REQUIRED` unless the PIN was re-entered within 5 minutes.
    pub fn require_step_up(&self, now: DateTime<Utc>) -> Result<(), AppError> {
        match self.step_up_until(now) {
            Some(_) => Ok(()),
            None => Err(AppError::forbidden("STEP_UP_REQUIRED", "Enter your PIN again to confirm this action.")),
        }
    }

    /// Refuses with 403 `MANAGER_REQUIRED` unless a manager.
    pub fn require_manager(&self) -> Result<(), AppError> {
        if self.staff.role == StaffRole::Manager {
            Ok(())
        } else {
            Err(AppError::forbidden("MANAGER_REQUIRED", "Only a manager can do this."))
        }
    }
}

fn session_ended() -> AppError {
    AppError::Unauthenticated { code: "SESSION_ENDED", message: "Your session has ended. Please sign in again.".into() }
}

/// The staff session behind `raw_token`, if it is current.
pub fn resolve_staff(conn: &mut DbConn, raw_token: &str, now: DateTime<Utc>) -> Result<StaffAuth, AppError> {
    let (session, staff) = StaffSession::with_staff_by_token_hash(conn, &token::digest(raw_token))?.ok_or_else(session_ended)?;
    if session.revoked_at.is_some() || session.expires_at.0 <= now || !staff.active {
        return Err(session_ended());
    }
    Ok(StaffAuth { staff, session_id: session.id, expires_at: session.expires_at.0, step_up_at: session.step_up_at.map(|t| t.0) })
}

/// The paired, unrevoked device behind `raw_token`.
pub fn resolve_device(conn: &mut DbConn, raw_token: &str, now: DateTime<Utc>) -> Result<Device, AppError> {
    let device = Device::by_token_hash(conn, &token::digest(raw_token))?.ok_or_else(|| AppError::Unauthenticated {
        code: "DEVICE_NOT_PAIRED",
        message: "This tablet is not paired. Please see the attendant.".into(),
    })?;
    if device.revoked_at.is_some() {
        return Err(AppError::Unauthenticated {
            code: "DEVICE_REVOKED",
            message: "This tablet's pairing was revoked. Please see the attendant.".into(),
        });
    }
    // "last seen" is a hint for the manager: failing to write it never refuses the kiosk
    if let Err(err) = Device::seen(conn, &device, Ts(now)) {
        tracing::warn!(device.id = %device.id, error = %err, "cannot record when the kiosk was last seen");
    }
    Ok(device)
}
