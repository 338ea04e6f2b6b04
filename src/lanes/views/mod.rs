//! What each screen may see. The kiosk and register views are separate types built from the
//! same facts, so a field added for staff can never reach the customer's screen by accident.

pub mod facts;
pub mod kiosk;
pub mod register;

use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

pub use self::facts::ViewConfig;
pub use self::kiosk::KioskView;
pub use self::register::RegisterView;
use crate::db::DbConn;
use crate::error::AppError;

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

/// Reads the lane and builds both views.
pub fn load(conn: &mut DbConn, lane_id: &str, config: &ViewConfig, now: DateTime<Utc>) -> Result<LaneViews, AppError> {
    let facts = facts::load(conn, lane_id, config, now)?;
    let kiosk = kiosk::build(&facts, &config.club_name);
    let register_view = register::build(&facts, kiosk.clone());
    let (lane, rev) = (facts.lane.id.clone(), facts.lane.rev);
    Ok(LaneViews {
        kiosk: envelope("lane.view", Some(&lane), rev, &kiosk),
        register: envelope("lane.view", Some(&lane), rev, &register_view),
        lane,
        rev,
        register_view,
        kiosk_view: kiosk,
    })
}
