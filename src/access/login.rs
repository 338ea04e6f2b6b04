//! PIN login, step-up and logout. A PIN check has three phases so that Argon2 never runs
//! inside a transaction (on SQLite that would hold the club's write lock for the whole hash):
//! read the hash and the lock (read-only), verify on the PIN workers (`security::pin_pool`,
//! driven by `http::pin_check`), then record the result in one write transaction. A wrong PIN
//! is committed (counter, lock, audit event) even though the request is refused, so each
//! operation returns an outcome and the handler maps it.

use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::principal::StaffAuth;
use crate::db::ids::{StaffId, StaffSessionId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::pin_lockout;
use crate::db::models::register_session::RegisterSession;
use crate::db::models::staff::Staff;
use crate::db::models::staff_session::{NewStaffSession, StaffSession};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::domain::lockout::{self, Attempt};
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

/// Whose PIN is being tried, from which client address (the key of the lockout).
#[derive(Debug, Clone)]
pub struct PinTarget {
    /// the staff member
    pub staff_id: StaffId,
    /// the caller's address (`pin_lockouts.client`)
    pub client: String,
}

/// Phase 1 of a PIN check, read-only and outside any transaction: the stored hash to verify
/// (on the PIN workers), or 423 at once when this login is locked from this address.
pub fn hash_to_verify(conn: &mut DbConn, target: &PinTarget, now: DateTime<Utc>) -> Result<String, AppError> {
    let state = pin_lockout::state(conn, target.staff_id, &target.client)?;
    if let Attempt::Locked { until } = lockout::before_attempt(state, now) {
        return Err(AppError::Locked { until });
    }
    Ok(Staff::credentials(conn, target.staff_id)?.pin_hash)
}

/// Phase 3, inside the caller's write transaction: records the result verified outside it
/// (counters, lock, audit). The staff row is locked first and the counters read after, so
/// parallel attempts queue and each one counts; a lock that started meanwhile refuses even
/// a right PIN.
pub fn settle(conn: &mut DbConn, target: &PinTarget, right: bool, now: DateTime<Utc>, context: &str) -> Result<PinCheck, AppError> {
    Staff::lock_row(conn, target.staff_id)?;
    let state = match lockout::before_attempt(pin_lockout::state(conn, target.staff_id, &target.client)?, now) {
        Attempt::Locked { until } => return Ok(PinCheck::Locked { until }),
        Attempt::Check(state) => state,
    };
    if right {
        if state.failures > 0 {
            pin_lockout::store(conn, target.staff_id, &target.client, lockout::after_success(), Ts(now))?;
        }
        return Ok(PinCheck::Right);
    }
    let next = lockout::after_failure(state, now);
    pin_lockout::store(conn, target.staff_id, &target.client, next, Ts(now))?;
    let audit = |conn: &mut DbConn, action: &str, summary| {
        let entity = Some(("staff", target.staff_id.to_string()));
        NewAuditEvent { actor: Actor::Staff(target.staff_id), lane_id: None, action, entity, summary, reason: None }.append(conn, now)
    };
    let client = &target.client;
    audit(conn, "STAFF_PIN_FAILED", json!({ "context": context, "failures_in_a_row": next.failures, "client": client }))?;
    if let Some(until) = next.locked_until {
        audit(conn, "STAFF_LOCKED_OUT", json!({ "locked_until": until, "client": client }))?;
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

/// A hash that no PIN matches, verified for unknown logins so they cost the same work.
pub fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| pin::hash("000000").unwrap_or_default())
}

fn invalid_credentials() -> AppError {
    AppError::Unauthenticated { code: "INVALID_CREDENTIALS", message: "That login and PIN do not match.".into() }
}

/// The active staff member signing in as `login`, if any (read-only).
pub fn find_active(conn: &mut DbConn, login: &str) -> Result<Option<Staff>, AppError> {
    Ok(Staff::by_login(conn, login)?.map(|(s, _)| s).filter(|s| s.active))
}

/// Records an attempt at an unknown or inactive login (after the dummy verification): 401.
pub fn unknown_login(conn: &mut DbConn, login: &str, client: &str, now: DateTime<Utc>) -> Result<AppError, AppError> {
    write_tx(conn, |conn| {
        let summary = json!({ "login": login, "reason": "unknown or inactive login", "client": client });
        NewAuditEvent { actor: Actor::System, lane_id: None, action: "STAFF_LOGIN_FAILED", entity: None, summary, reason: None }
            .append(conn, now)?;
        Ok(invalid_credentials())
    })
}

/// Phase 3 of a login: records the verified PIN and, if right, opens the session.
pub fn finish_login(
    conn: &mut DbConn,
    staff: Staff,
    target: &PinTarget,
    right: bool,
    user_agent: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Result<NewLogin, AppError>, AppError> {
    write_tx(conn, |conn| {
        if let Err(refusal) = settle(conn, target, right, now, "login")?.into_result(invalid_credentials()) {
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
        let summary = json!({ "session_id": id, "expires_at": expires_at, "client": target.client });
        let entity = Some(("staff_session", id.to_string()));
        NewAuditEvent { actor: Actor::Staff(staff.id), lane_id: None, action: "STAFF_LOGIN_PIN", entity, summary, reason: None }
            .append(conn, now)?;
        Ok(Ok(NewLogin { token, staff, expires_at }))
    })
}

/// Phase 3 of a step-up: records the PIN verified outside the transaction; if right, the
/// session may do sensitive actions for 5 minutes.
pub fn finish_step_up(
    conn: &mut DbConn,
    auth: &StaffAuth,
    target: &PinTarget,
    right: bool,
    now: DateTime<Utc>,
) -> Result<Result<DateTime<Utc>, AppError>, AppError> {
    write_tx(conn, |conn| {
        let wrong = AppError::forbidden("INVALID_PIN", "That PIN is not right.");
        if let Err(refusal) = settle(conn, target, right, now, "step_up")?.into_result(wrong) {
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
