//! Lane session lifecycle commands. Each runs in one write transaction that first takes the
//! lane's revision forward (refusing with 409 `STALE_VERSION` and the current view when the
//! caller's `expected_rev` is behind), applies the state machine with the row's version check,
//! writes its audit event and announces the change; after commit the hub pushes fresh views
//! (and the club's stock, when the command moved it: see [`crate::db::touched`]).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::admission;
use super::hub::{Hub, Role};
use super::notify::{self, Notice};
use super::views::LaneViews;
use crate::access::principal::StaffAuth;
use crate::db::ids::{CustomerId, LaneSessionId, StaffId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::customer::Customer;
use crate::db::models::lane::Lane;
use crate::db::models::lane_session::{LaneSession, NewLaneSession, SessionChanges, bump_rev};
use crate::db::models::visit::Visit;
use crate::db::models::{hold, payment_intent};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, touched, write_tx};
use crate::domain::enums::{IdentityMethod, LaneSessionStatus, Language, PaymentStatus};
use crate::domain::lane_session::{self as machine, Command};
use crate::error::AppError;

/// Who acts on which lane, expecting which revision.
#[derive(Debug, Clone)]
pub struct LaneCommand {
    /// the lane
    pub lane: String,
    /// for the audit log
    pub actor: Actor,
    /// which view the caller gets back on a stale revision
    pub role: Role,
    /// refuse unless the lane is still at this revision
    pub expected_rev: Option<i64>,
    /// now
    pub now: DateTime<Utc>,
}

/// A command that went through: the lane's new revision and what it produced.
#[derive(Debug)]
pub struct Applied<T> {
    /// revision after the change
    pub rev: i64,
    /// the command's result
    pub value: T,
}

const STALE: &str = "STALE_VERSION";

/// Runs `f` as a lane command (see the module docs).
pub fn run<T>(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    f: impl FnOnce(&mut DbConn, i64) -> Result<T, AppError>,
) -> Result<Applied<T>, AppError> {
    touched::take_stock();
    touched::take_stays();
    touched::take_waitlist();
    let result = write_tx(conn, |conn| {
        let Some(rev) = bump_rev(conn, &cmd.lane, cmd.expected_rev)? else {
            return Err(match Lane::find(conn, &cmd.lane)? {
                None => AppError::NotFound { what: "The lane" },
                Some(_) => AppError::conflict(STALE, "The lane changed in the meantime."),
            });
        };
        let value = f(conn, rev)?;
        // the stock first, so that another process's view of this change counts it already
        if touched::stock_marked() {
            notify::announce(conn, hub, Notice::Stock { force: touched::stays_marked() })?;
        }
        notify::announce(conn, hub, Notice::View { lane: cmd.lane.clone(), rev })?;
        let waitlist = super::waitlist_push::announce(conn, hub)?;
        Ok((Applied { rev, value }, waitlist))
    });
    let (stock_moved, stays_moved) = (touched::take_stock(), touched::take_stays());
    let result = result.map(|(applied, waitlist)| {
        super::waitlist_push::deliver(hub, waitlist);
        applied
    });
    touched::take_waitlist();
    match result {
        Ok(applied) => {
            // only a command that placed, released or assigned a unit re-reads the stock
            if stock_moved && let Err(err) = hub.stock_changed(conn, stays_moved) {
                tracing::warn!(lane.id = %cmd.lane, error = %err, "cannot push the club's stock");
            }
            if let Err(err) = hub.refresh(conn, &cmd.lane) {
                tracing::warn!(lane.id = %cmd.lane, error = %err, "cannot push the lane's new views");
            }
            Ok(applied)
        }
        Err(AppError::Conflict { code: STALE, .. }) => Err(stale(&hub.load(conn, &cmd.lane)?, cmd.role)),
        Err(err) => Err(err),
    }
}

/// The lane's revision as it stands, for the answer to a command that changed nothing (a
/// repeated confirmation, an agreement already shown): every command answer carries a `rev`.
pub fn current_rev(conn: &mut DbConn, lane: &str) -> Result<i64, AppError> {
    Ok(Lane::find(conn, lane)?.ok_or(AppError::NotFound { what: "The lane" })?.rev)
}

/// 409 `STALE_VERSION` carrying the caller's current view.
pub fn stale(views: &LaneViews, role: Role) -> AppError {
    let view = match role {
        Role::Kiosk => serde_json::to_value(&views.kiosk_view),
        Role::Register | Role::Monitor => serde_json::to_value(&views.register_view),
    };
    AppError::Conflict {
        code: STALE,
        message: "The lane changed in the meantime; here is what it shows now.".into(),
        details: json!({ "rev": views.rev, "view": view.unwrap_or(Value::Null) }),
    }
}

/// Writes the audit event of a command on `session`.
pub fn audit(
    conn: &mut DbConn,
    cmd: &LaneCommand,
    action: &str,
    session: LaneSessionId,
    summary: Value,
    reason: Option<&str>,
) -> Result<(), AppError> {
    let entity = Some(("lane_session", session.to_string()));
    NewAuditEvent { actor: cmd.actor, lane_id: Some(&cmd.lane), action, entity, summary, reason }.append(conn, cmd.now)?;
    Ok(())
}

fn refusal(r: machine::Refusal) -> AppError {
    AppError::conflict(r.code, r.message)
}

fn current(conn: &mut DbConn, lane: &str) -> Result<LaneSession, AppError> {
    LaneSession::current(conn, lane)?.ok_or_else(|| AppError::conflict("NO_SESSION", "There is no session on this lane."))
}

/// Applies `changes` to `session` with its version check (409 `STALE_VERSION` if it moved).
pub fn save(conn: &mut DbConn, session: &LaneSession, changes: &SessionChanges<'_>, now: DateTime<Utc>) -> Result<(), AppError> {
    if LaneSession::update_if_version(conn, session.id, session.version, changes, Ts(now))? {
        Ok(())
    } else {
        Err(AppError::conflict(STALE, "The session changed in the meantime."))
    }
}

/// Starts a check-in for `customer` at the lane (409 `LANE_BUSY` while a session is live).
/// Refused with 403 `BANNED`, `UNDERAGE` or `ID_EXPIRED` (`today` is the club-local date).
pub fn start(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    staff: StaffId,
    customer: CustomerId,
    identity: IdentityMethod,
    today: chrono::NaiveDate,
) -> Result<Applied<LaneSessionId>, AppError> {
    run(conn, hub, cmd, |conn, _| {
        let customer = Customer::find(conn, customer)?.ok_or(AppError::NotFound { what: "The customer" })?;
        admission::check_ban(&customer, cmd.now)?;
        crate::domain::identity::check(customer.dob, customer.id_expires_on, today).map_err(admission::refusal)?;
        ensure_free(conn, &cmd.lane, customer.id)?;
        if let Some(visit) = Visit::open_for(conn, customer.id)? {
            let details = json!({ "visit_id": visit.id, "started_at": visit.started_at });
            return Err(AppError::Conflict { code: "ALREADY_CHECKED_IN", message: "This customer is already checked in.".into(), details });
        }
        // The register's word is not evidence: ID_SCAN only after a matched scan here.
        let identity = if identity == IdentityMethod::IdScan && !admission::scanned_recently(conn, &cmd.lane, customer.id, cmd.now)? {
            IdentityMethod::StaffChecked
        } else {
            identity
        };
        LaneSession::close_finished(conn, &cmd.lane, Ts(cmd.now))?;
        let id = LaneSessionId::new();
        let now = Ts(cmd.now);
        let new = NewLaneSession {
            id,
            lane_id: &cmd.lane,
            status: LaneSessionStatus::Active,
            staff_id: staff,
            customer_id: customer.id,
            language: customer.primary_language,
            identity_method: Some(identity),
            mode: "CHECKIN",
            visit_id: None,
            renewal_hours: None,
            last_activity_at: now,
            created_at: now,
            updated_at: now,
        };
        LaneSession::insert(conn, &new)?;
        audit(conn, cmd, "LANE_SESSION_STARTED", id, json!({ "customer_id": customer.id, "status": LaneSessionStatus::Active }), None)?;
        Ok(id)
    })
}

/// 409 `LANE_BUSY` while the lane has a live session, `CUSTOMER_BUSY` while the customer has
/// one at any lane: a lane serves one customer at a time, a customer stands at one lane.
pub fn ensure_free(conn: &mut DbConn, lane: &str, customer: CustomerId) -> Result<(), AppError> {
    if let Some(live) = LaneSession::current(conn, lane)?.filter(|s| s.status.is_live()) {
        let details = json!({ "session_id": live.id, "status": live.status });
        return Err(AppError::Conflict {
            code: "LANE_BUSY",
            message: "This lane already has a session in progress. Cancel it first.".into(),
            details,
        });
    }
    if let Some(elsewhere) = LaneSession::live_for_customer(conn, customer)? {
        let details = json!({ "lane_id": elsewhere.lane_id });
        return Err(AppError::Conflict {
            code: "CUSTOMER_BUSY",
            message: format!("This customer is already being served at {}.", elsewhere.lane_id),
            details,
        });
    }
    Ok(())
}

/// Sets the customer's language (either screen); it is also kept on the customer.
pub fn set_language(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, language: Language) -> Result<Applied<()>, AppError> {
    run(conn, hub, cmd, |conn, _| {
        let session = current(conn, &cmd.lane)?;
        machine::apply(session.status, session.closed_at.is_some(), Command::SetLanguage).map_err(refusal)?;
        save(
            conn,
            &session,
            &SessionChanges { language: Some(Some(language)), last_activity_at: Some(Ts(cmd.now)), ..Default::default() },
            cmd.now,
        )?;
        if let Some(customer) = session.customer_id {
            Customer::set_language(conn, customer, language, Ts(cmd.now))?;
        }
        audit(conn, cmd, "LANGUAGE_SET", session.id, json!({ "from": session.language, "to": language }), None)
    })
}

/// Why a session is being cancelled, and by whom.
pub enum CancelBy<'a> {
    /// an employee at the register (a manager with step-up if the session was paid)
    Staff(&'a StaffAuth),
    /// the idle-timeout job, for this session if it is still untouched since `cutoff`; it
    /// never cancels a paid session
    IdleTimeout {
        /// the session found idle
        session: LaneSessionId,
        /// its last activity must be before this
        cutoff: DateTime<Utc>,
    },
}

/// Cancels the live session: its hold is released and its DUE intent cancelled. A PAID intent
/// is never dropped silently: only a manager with a fresh step-up may cancel then, and the
/// intent is marked REFUNDED (money to give back) in the same transaction.
pub fn cancel(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, by: CancelBy<'_>, reason: &str) -> Result<Applied<()>, AppError> {
    run(conn, hub, cmd, |conn, _| {
        let session = current(conn, &cmd.lane)?;
        if let CancelBy::IdleTimeout { session: idle, cutoff } = by
            && (session.id != idle || session.last_activity_at.0 >= cutoff)
        {
            return Err(AppError::conflict("NOT_IDLE", "The session was used in the meantime."));
        }
        let command = if matches!(by, CancelBy::IdleTimeout { .. }) { Command::IdleTimeout } else { Command::Cancel };
        let status = machine::apply(session.status, session.closed_at.is_some(), command).map_err(refusal)?;
        let paid = payment_intent::of_session(conn, session.id, PaymentStatus::Paid)?;
        let refund_cents: i64 = paid.iter().map(|(_, cents)| cents).sum();
        if !paid.is_empty() {
            match by {
                CancelBy::Staff(auth) => {
                    auth.require_manager().map_err(|_| {
                        AppError::forbidden(
                            "STEP_UP_REQUIRED",
                            "This session is paid: a manager must confirm the cancellation with their PIN.",
                        )
                    })?;
                    auth.require_step_up(cmd.now)?;
                }
                CancelBy::IdleTimeout { .. } => {
                    return Err(AppError::conflict("PAID_SESSION", "A paid session is never cancelled automatically."));
                }
            }
            payment_intent::set_status_of_session(conn, session.id, PaymentStatus::Paid, PaymentStatus::Refunded, Ts(cmd.now))?;
        }
        let due = payment_intent::set_status_of_session(conn, session.id, PaymentStatus::Due, PaymentStatus::Cancelled, Ts(cmd.now))?;
        let holds = hold::release_for_session(conn, session.id, "CANCELLED", Ts(cmd.now))?;
        let changes =
            SessionChanges { status: Some(status), cancel_reason: Some(reason), last_activity_at: Some(Ts(cmd.now)), ..Default::default() };
        save(conn, &session, &changes, cmd.now)?;
        let summary = json!({ "from": session.status, "to": status, "holds_released": holds, "intents_cancelled": due, "refund_due_cents": refund_cents });
        audit(conn, cmd, "LANE_SESSION_CANCELLED", session.id, summary, Some(reason))
    })
}

/// Dismisses a finished session; the lane becomes idle.
pub fn close(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand) -> Result<Applied<()>, AppError> {
    run(conn, hub, cmd, |conn, _| {
        let session = current(conn, &cmd.lane)?;
        machine::apply(session.status, session.closed_at.is_some(), Command::Close).map_err(refusal)?;
        save(conn, &session, &SessionChanges { closed_at: Some(Ts(cmd.now)), ..Default::default() }, cmd.now)?;
        audit(conn, cmd, "LANE_SESSION_CLOSED", session.id, json!({ "status": session.status }), None)
    })
}

/// The customer tapped OK on the done screen: the kiosk returns to idle.
pub fn acknowledge(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand) -> Result<Applied<()>, AppError> {
    run(conn, hub, cmd, |conn, _| {
        let session = current(conn, &cmd.lane)?;
        machine::apply(session.status, session.closed_at.is_some(), Command::Acknowledge).map_err(refusal)?;
        save(conn, &session, &SessionChanges { kiosk_acknowledged_at: Some(Ts(cmd.now)), ..Default::default() }, cmd.now)?;
        audit(conn, cmd, "KIOSK_ACKNOWLEDGED", session.id, json!({}), None)
    })
}
