//! What each screen may see. The kiosk and register views are separate types, so a field added
//! for staff can never reach the customer's screen by accident.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::ids::{CustomerId, LaneSessionId, StaffId};
use crate::db::models::customer::Customer;
use crate::db::models::lane::Lane;
use crate::db::models::lane_session::LaneSession;
use crate::db::DbConn;
use crate::domain::enums::{Language, LaneSessionStatus as S};
use crate::error::AppError;

/// What the customer's tablet shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KioskView {
    /// the club's name (idle screen)
    pub club_name: String,
    /// IDLE when there is nothing for the customer (no session, cancelled, or acknowledged)
    #[schema(value_type = String, example = "ACTIVE")]
    pub status: S,
    /// the session on screen
    #[schema(value_type = Option<String>, format = "uuid")]
    pub session_id: Option<LaneSessionId>,
    /// first name only
    pub first_name: Option<String>,
    /// EN/ES once chosen
    #[schema(value_type = Option<String>, example = "EN")]
    pub language: Option<Language>,
}

/// The customer as the employee sees them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerSummary {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: CustomerId,
    /// full name
    pub name: String,
    /// date of birth
    pub dob: Option<NaiveDate>,
    /// membership number
    pub membership_number: Option<String>,
    /// membership valid through
    pub membership_valid_until: Option<NaiveDate>,
    /// owed, in cents
    pub past_due_cents: i64,
    /// staff notes
    pub notes: String,
    /// banned until
    pub banned_until: Option<DateTime<Utc>>,
}

/// The session as the employee sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisterSessionView {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: LaneSessionId,
    /// status
    #[schema(value_type = String, example = "ACTIVE")]
    pub status: S,
    /// row version
    pub version: i64,
    /// CHECKIN or RENEWAL
    pub mode: String,
    /// EN/ES once chosen
    #[schema(value_type = Option<String>)]
    pub language: Option<Language>,
    /// the customer
    pub customer: Option<CustomerSummary>,
    /// who started it
    #[schema(value_type = Option<String>, format = "uuid")]
    pub started_by: Option<StaffId>,
    /// when it started
    pub started_at: DateTime<Utc>,
    /// last command
    pub last_activity_at: DateTime<Utc>,
    /// why it was cancelled
    pub cancel_reason: Option<String>,
    /// when it completed
    pub completed_at: Option<DateTime<Utc>>,
    /// when the customer tapped OK
    pub kiosk_acknowledged_at: Option<DateTime<Utc>>,
}

/// What the register (and the manager monitor) shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisterView {
    /// lane name
    pub lane_name: String,
    /// the lane's state (IDLE without a session on screen)
    #[schema(value_type = String)]
    pub status: S,
    /// the session on screen
    pub session: Option<RegisterSessionView>,
    /// the live mirror: what the kiosk shows right now
    pub kiosk: KioskView,
}

/// Both views of one lane at one revision, serialised once as complete `lane.view` envelopes.
#[derive(Debug, Clone)]
pub struct LaneViews {
    /// lane id
    pub lane: String,
    /// revision
    pub rev: i64,
    /// envelope for kiosks
    pub kiosk: Arc<str>,
    /// envelope for registers and monitors
    pub register: Arc<str>,
    /// the register view, for HTTP answers
    pub register_view: RegisterView,
    /// the kiosk view, for HTTP answers
    pub kiosk_view: KioskView,
}

/// The wire envelope of every server message.
#[derive(Serialize)]
pub struct Envelope<'a, T: Serialize> {
    /// message type
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// lane, or null for club-wide messages
    pub lane: Option<&'a str>,
    /// the lane's revision
    pub rev: i64,
    /// when the server sent it
    pub at: String,
    /// the payload
    pub data: T,
}

/// Serialises a message envelope.
pub fn envelope<T: Serialize>(kind: &str, lane: Option<&str>, rev: i64, data: &T) -> Arc<str> {
    let at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    let text = serde_json::to_string(&Envelope { kind, lane, rev, at, data }).unwrap_or_default();
    Arc::from(text)
}

fn kiosk_view(club_name: &str, session: Option<&LaneSession>, customer: Option<&Customer>) -> KioskView {
    let on_screen = session.filter(|s| match s.status {
        S::Cancelled => false,
        S::Completed => s.kiosk_acknowledged_at.is_none(),
        _ => true,
    });
    KioskView {
        club_name: club_name.to_owned(),
        status: on_screen.map_or(S::Idle, |s| s.status),
        session_id: on_screen.map(|s| s.id),
        first_name: on_screen.and(customer).map(Customer::first_name),
        language: on_screen.and_then(|s| s.language),
    }
}

fn customer_summary(c: &Customer) -> CustomerSummary {
    CustomerSummary {
        id: c.id,
        name: c.name.clone(),
        dob: c.dob,
        membership_number: c.membership_number.clone(),
        membership_valid_until: c.membership_valid_until,
        past_due_cents: c.past_due_cents,
        notes: c.notes.clone(),
        banned_until: c.banned_until.map(|t| t.0),
    }
}

fn register_session(s: &LaneSession, customer: Option<&Customer>) -> RegisterSessionView {
    RegisterSessionView {
        id: s.id,
        status: s.status,
        version: s.version,
        mode: s.mode.clone(),
        language: s.language,
        customer: customer.map(customer_summary),
        started_by: s.staff_id,
        started_at: s.created_at.0,
        last_activity_at: s.last_activity_at.0,
        cancel_reason: s.cancel_reason.clone(),
        completed_at: s.completed_at.map(|t| t.0),
        kiosk_acknowledged_at: s.kiosk_acknowledged_at.map(|t| t.0),
    }
}

/// Reads the lane and its current session and builds both views. The revision is read first,
/// so the data is never older than the revision it is labelled with.
pub fn load(conn: &mut DbConn, lane_id: &str, club_name: &str) -> Result<LaneViews, AppError> {
    let lane = Lane::find(conn, lane_id)?.ok_or(AppError::NotFound { what: "The lane" })?;
    let session = LaneSession::current(conn, lane_id)?;
    let customer = match session.as_ref().and_then(|s| s.customer_id) {
        Some(id) => Customer::find(conn, id)?,
        None => None,
    };
    let kiosk = kiosk_view(club_name, session.as_ref(), customer.as_ref());
    let register_view = RegisterView {
        lane_name: lane.name.clone(),
        status: session.as_ref().map_or(S::Idle, |s| s.status),
        session: session.as_ref().map(|s| register_session(s, customer.as_ref())),
        kiosk: kiosk.clone(),
    };
    Ok(LaneViews {
        kiosk: envelope("lane.view", Some(&lane.id), lane.rev, &kiosk),
        register: envelope("lane.view", Some(&lane.id), lane.rev, &register_view),
        lane: lane.id,
        rev: lane.rev,
        register_view,
        kiosk_view: kiosk,
    })
}
