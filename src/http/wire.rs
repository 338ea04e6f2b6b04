//! JSON shapes shared by several handlers, with their OpenAPI schemas.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::ids::{DeviceId, RegisterSessionId, StaffId};
use crate::db::models::device::Device;
use crate::db::models::register_session::RegisterSession;
use crate::db::models::staff::Staff;
use crate::domain::enums::StaffRole;

/// 423 of the routes that check a PIN (OpenAPI `description`).
pub const PIN_LOCKED: &str = "`PIN_LOCKED` (five wrong PINs in a row lock PIN login for 5 minutes; `details.locked_until`)";

/// 429 of the rate-limited routes (OpenAPI `description`; the response carries `Retry-After`).
pub const RATE_LIMITED: &str = "`RATE_LIMITED` (too many attempts; try again after `Retry-After` seconds)";

/// The error envelope of every refusal.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// what went wrong
    pub error: ErrorDetail,
}

/// Inside the error envelope.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// stable code, e.g. `STEP_UP_REQUIRED`
    pub code: String,
    /// a sentence for a person
    pub message: String,
    /// extra facts, e.g. `{"field": "pin"}`
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

/// A staff member as shown to staff screens.
#[derive(Serialize, ToSchema)]
pub struct StaffView {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: StaffId,
    /// sign-in name
    pub login: String,
    /// shown on screens
    pub display_name: String,
    /// STAFF or MANAGER
    #[schema(value_type = String, example = "STAFF")]
    pub role: StaffRole,
    /// false once deactivated
    pub active: bool,
}

impl From<Staff> for StaffView {
    fn from(s: Staff) -> Self {
        Self { id: s.id, login: s.login, display_name: s.display_name, role: s.role, active: s.active }
    }
}

/// A paired kiosk.
#[derive(Serialize, ToSchema)]
pub struct DeviceView {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: DeviceId,
    /// the only lane it serves
    pub lane_id: String,
    /// label
    pub name: String,
    /// when it was paired
    pub paired_at: DateTime<Utc>,
    /// when it was last heard from (a request or its socket's heartbeat), to the minute
    pub last_seen_at: Option<DateTime<Utc>>,
    /// when it was revoked, if it was
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<Device> for DeviceView {
    fn from(d: Device) -> Self {
        Self {
            id: d.id,
            lane_id: d.lane_id,
            name: d.name,
            paired_at: d.paired_at.0,
            last_seen_at: d.last_seen_at.map(|t| t.0),
            revoked_at: d.revoked_at.map(|t| t.0),
        }
    }
}

/// An open register session. (Named `OpenRegister` in the document: `RegisterView` there is
/// the register screen's lane view, `lanes::views::RegisterView`.)
#[derive(Serialize, ToSchema)]
#[schema(as = OpenRegister)]
pub struct RegisterView {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: RegisterSessionId,
    /// lane
    pub lane_id: String,
    /// who runs it
    #[schema(value_type = String, format = "uuid")]
    pub staff_id: StaffId,
    /// since when
    pub started_at: DateTime<Utc>,
}

impl From<RegisterSession> for RegisterView {
    fn from(r: RegisterSession) -> Self {
        Self { id: r.id, lane_id: r.lane_id, staff_id: r.staff_id, started_at: r.started_at.0 }
    }
}
