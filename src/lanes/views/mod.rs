//! What each screen may see. The kiosk and register views are separate types built from the
//! same facts, so a field added for staff can never reach the customer's screen by accident.

pub mod facts;
pub mod kiosk;
pub mod last_signed;
pub mod offers;
pub mod place;
pub mod register;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use utoipa::ToSchema;

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

/// `type` of a state message: always `lane.view`.
#[derive(Serialize, ToSchema)]
pub enum LaneViewType {
    /// the complete view of a lane
    #[serde(rename = "lane.view")]
    LaneView,
}

/// The `lane.view` message a kiosk receives: on `GET /ws/lanes/{lane}` (on connect, on
/// `resync`, after every change) and from `GET /api/lanes/{lane}/view`. The OpenAPI schema of
/// the [`Envelope`] the hub sends with a [`KioskView`] inside.
#[derive(Serialize, ToSchema)]
pub struct KioskLaneView {
    /// `lane.view`
    #[serde(rename = "type")]
    pub kind: LaneViewType,
    /// lane id
    #[schema(example = "lane-1")]
    pub lane: String,
    /// the lane's revision: apply only a view newer than the last one applied
    pub rev: i64,
    /// when the server sent it (UTC, milliseconds)
    #[schema(value_type = String, format = DateTime, example = "2026-11-20T18:03:07.512Z")]
    pub at: String,
    /// what the customer's tablet shows
    pub data: KioskView,
}

/// The `lane.view` message a register receives (`GET /ws/lanes/{lane}` as staff, every lane
/// on the manager's `GET /ws/monitor`, and `GET /api/lanes/{lane}/view`): an [`Envelope`] with
/// a [`RegisterView`] inside.
#[derive(Serialize, ToSchema)]
pub struct RegisterLaneView {
    /// `lane.view`
    #[serde(rename = "type")]
    pub kind: LaneViewType,
    /// lane id
    #[schema(example = "lane-1")]
    pub lane: String,
    /// the lane's revision: apply only a view newer than the last one applied
    pub rev: i64,
    /// when the server sent it (UTC, milliseconds)
    #[schema(value_type = String, format = DateTime, example = "2026-11-20T18:03:07.512Z")]
    pub at: String,
    /// what the register shows
    pub data: RegisterView,
}

/// A lane's view for the caller's screen: the register's for staff, the kiosk's for the
/// lane's kiosk.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum LaneViewMessage {
    /// for staff
    Register(Box<RegisterLaneView>),
    /// for the lane's kiosk
    Kiosk(Box<KioskLaneView>),
}

/// `type` of an ephemeral event (no state, not revisioned).
#[derive(Serialize, ToSchema)]
pub enum LaneEventType {
    /// to the lane's kiosk: `{"option": "STANDARD"}`, the employee points at an option
    #[serde(rename = "lane.highlight")]
    Highlight,
    /// to the asking socket: `{}`, the answer to `{"type": "ping"}`
    #[serde(rename = "pong")]
    Pong,
    /// to the asking socket: `{"code", "message"}`, a client message the server refuses
    #[serde(rename = "error")]
    Error,
}

/// An ephemeral event on a socket: the same envelope as `lane.view`, with an event's `data`.
#[derive(Serialize, ToSchema)]
pub struct LaneEvent {
    /// which event
    #[serde(rename = "type")]
    pub kind: LaneEventType,
    /// the lane, or null for an answer to the asking socket
    pub lane: Option<String>,
    /// the lane's newest revision known to the server (0 on answers to the asking socket)
    pub rev: i64,
    /// when the server sent it (UTC, milliseconds)
    #[schema(value_type = String, format = DateTime)]
    pub at: String,
    /// the event's facts
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

/// Serialises a message envelope.
pub fn envelope<T: Serialize>(kind: &str, lane: Option<&str>, rev: i64, data: &T) -> Arc<str> {
    let at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    let text = serde_json::to_string(&Envelope { kind, lane, rev, at, data }).unwrap_or_default();
    Arc::from(text)
}

/// Reads the lane and builds both views; `available` is the club's stock per rental type as
/// the hub last read it (`None`: count it now).
pub fn load(
    conn: &mut DbConn,
    lane_id: &str,
    config: &ViewConfig,
    now: DateTime<Utc>,
    available: Option<BTreeMap<String, i64>>,
) -> Result<LaneViews, AppError> {
    let facts = facts::load(conn, lane_id, config, now, available)?;
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

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};
    use utoipa::PartialSchema;

    use super::*;

    fn properties(schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>) -> (Vec<String>, Vec<String>) {
        let schema = serde_json::to_value(schema).unwrap();
        let mut props: Vec<String> = schema["properties"].as_object().unwrap().keys().cloned().collect();
        let mut required: Vec<String> = schema["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_owned()).collect();
        props.sort();
        required.sort();
        (props, required)
    }

    #[test]
    fn the_documented_envelopes_are_what_envelope_sends() {
        let sent: Value = serde_json::from_str(&envelope("lane.view", Some("lane-1"), 7, &json!({}))).unwrap();
        let mut keys: Vec<String> = sent.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        for schema in [KioskLaneView::schema(), RegisterLaneView::schema()] {
            assert_eq!(properties(schema), (keys.clone(), keys.clone()));
        }
        let event: Value = serde_json::from_str(&envelope("pong", None, 0, &json!({}))).unwrap();
        assert_eq!(properties(LaneEvent::schema()).0, keys);
        assert!(event["lane"].is_null() && event["type"] == "pong");
        assert_eq!(serde_json::to_value(LaneViewType::LaneView).unwrap(), "lane.view");
    }
}
