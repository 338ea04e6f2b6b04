//! PIN login, step-up and logout. A wrong PIN is committed (counter, lock, audit event) even
//! though the request is refused, so each operation returns an outcome and the handler maps it.

use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::principal::StaffAuth;
use crate::db::ids::{StaffId, StaffSessionId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::register_session::RegisterSession;
use crate::db::models::staff::{Staff, StaffCredentials};
use crate::db::models::staff_session::{NewStaffSession, StaffSession};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::domain::lockout::{self, Attempt, LockState};
use crate::error::AppError;
use crate::security::{pin, token};

/// How long a login session lasts.
pub fn session_lifetime() -> Duration {
    Duration::hours(12)
}

/// Result of checking one PIN against one staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCheck {
    /// right PIN
    Right,
    /// wrong PIN; `locked_until` is set when this failure started a lock
    Wrong {
        /// new lock end, if any
        locked_until: Option<DateTime<Utc>>,
    },
    /// not checked: locked
    Locked {
        /// lock end
        until: DateTime<Utc>,
    },
}

impl PinCheck {
    /// The refusal for anything but `Right` (`wrong` is the 401/403 for a plain wrong PIN).
    pub fn into_result(self, wrong: AppError) -> Result<(), AppError> {
        match self {
            Self::Right => Ok(()),
            Self::Wrong { locked_until: None } => Err(wrong),
            Self::Wrong { locked_until: Some(until) } | Self::Locked { until } => Err(AppError::Locked { until }),
        }
    }
}

/// Checks `pin` for `staff_id`, storing the lockout counters and auditing failures and locks.
/// The staff row is locked first and the counters read after, so parallel attempts queue and
/// each one counts (otherwise many wrong PINs at once would all read the same count).
pub fn check_pin(conn: &mut DbConn, staff_id: StaffId, pin: &str, now: DateTime<Utc>, context: &str) -> Result<PinCheck, AppError> {
    Staff::lock_row(conn, staff_id)?;
    let creds: StaffCredentials = Staff::credentials(conn, staff_id)?;
    let state = LockState { failures: creds.failed_pin_attempts, locked_until: creds.locked_until.map(|t| t.0) };
    let state = match lockout::before_attempt(state, now) {
        Attempt::Locked { until } => return Ok(PinCheck::Locked { until }),
        Attempt::Check(state) => state,
    };
    let audit = |conn: &mut DbConn, action: &str, summary| {
        let entity = Some(("staff", staff_id.to_string()));
        NewAuditEvent { actor: Actor::Staff(staff_id), lane_id: None, action, entity, summary, reason: None }.append(conn, now)
    };
    if pin::verify(pin, &creds.pin_hash) {
        if state.failures > 0 || creds.locked_until.is_some() {
            Staff::set_lock_state(conn, staff_id, 0, None, Ts(now))?;
        }
        return Ok(PinCheck::Right);
    }
    let next = lockout::after_failure(state, now);
    Staff::set_lock_state(conn, staff_id, next.failures, next.locked_until.map(Ts), Ts(now))?;
    audit(conn, "STAFF_PIN_FAILED", json!({ "context": context, "failures_in_a_row": next.failures }))?;
    if let Some(until) = next.locked_until {
        audit(conn, "STAFF_LOCKED_OUT", json!({ "locked_until": until }))?;
    }
    Ok(PinCheck::Wrong { locked_until: next.locked_until })
}

/// A new login session.
#[derive(Debug)]
pub struct NewLogin {
    /// the secret, shown once (cookie or body)
    pub token: String,
    /// who signed in
    pub staff: Staff,
    /// when the session ends
    pub expires_at: DateTime<Utc>,
}

fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| pin::hash("000000").unwrap_or_default())
}

fn invalid_credentials() -> AppError {
    AppError::Unauthenticated { code: "INVALID_CREDENTIALS", message: "That login and PIN do not match.".into() }
}

/// Signs a staff member in by login name and PIN.
pub fn login(
    conn: &mut DbConn,
    login: &str,
    pin: &str,
    user_agent: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Result<NewLogin, AppError>, AppError> {
    write_tx(conn, |conn| {
        let Some((staff, creds)) = Staff::by_login(conn, login)?.filter(|(s, _)| s.active) else {
            // Same work and same answer as a wrong PIN, so logins cannot be probed.
            pin::verify(pin, dummy_hash());
            let summary = json!({ "login": login, "reason": "unknown or inactive login" });
            NewAuditEvent { actor: Actor::System, lane_id: None, action: "STAFF_LOGIN_FAILED", entity: None, summary, reason: None }
                .append(conn, now)?;
            return Ok(Err(invalid_credentials()));
        };
        let _ = creds;
        if let Err(refusal) = check_pin(conn, staff.id, pin, now, "login")?.into_result(invalid_credentials()) {
            return Ok(Err(refusal));
        }
        let (id, token) = (StaffSessionId::new(), token::generate(token::TokenKind::StaffSession));
        let expires_at = now + session_lifetime();
        let digest = token::digest(&token);
        NewStaffSession {
            id,
            staff_id: staff.id,
            token_sha256: &digest,
            created_at: Ts(now),
            expires_at: Ts(expires_at),
            last_seen_at: Ts(now),
            user_agent,
        }
        .insert(conn)?;
        let summary = json!({ "session_id": id, "expires_at": expires_at });
        NewAuditEvent {
            actor: Actor::Staff(staff.id),
            lane_id: None,
            action: "STAFF_LOGIN_PIN",
            entity: Some(("staff_session", id.to_string())),
            summary,
            reason: None,
        }
        .append(conn, now)?;
        Ok(Ok(NewLogin { token, staff, expires_at }))
    })
}

/// Re-checks the signed-in staff member's PIN; on success the session may do sensitive
/// actions for 5 minutes.
pub fn step_up(conn: &mut DbConn, auth: &StaffAuth, pin: &str, now: DateTime<Utc>) -> Result<Result<DateTime<Utc>, AppError>, AppError> {
    write_tx(conn, |conn| {
        let wrong = AppError::forbidden("INVALID_PIN", "That PIN is not right.");
        if let Err(refusal) = check_pin(conn, auth.staff.id, pin, now, "step_up")?.into_result(wrong) {
            return Ok(Err(refusal));
        }
        StaffSession::set_step_up(conn, auth.session_id, Ts(now))?;
        let entity = Some(("staff_session", auth.session_id.to_string()));
        NewAuditEvent { actor: auth.actor(), lane_id: None, action: "STAFF_STEP_UP", entity, summary: json!({}), reason: None }
            .append(conn, now)?;
        Ok(Ok(now + super::principal::step_up_window()))
    })
}

/// Ends the login session and any register session opened through it.
pub fn logout(conn: &mut DbConn, auth: &StaffAuth, now: DateTime<Utc>) -> Result<(), AppError> {
    write_tx(conn, |conn| {
        StaffSession::revoke(conn, auth.session_id, Ts(now))?;
        let registers = RegisterSession::end_all_of_login(conn, auth.session_id, auth.staff.id, "SIGN_OUT", Ts(now))?;
        let entity = Some(("staff_session", auth.session_id.to_string()));
        NewAuditEvent {
            actor: auth.actor(),
            lane_id: None,
            action: "STAFF_LOGOUT",
            entity,
            summary: json!({ "registers_closed": registers }),
            reason: None,
        }
        .append(conn, now)?;
        Ok(())
    })
}
