//! Building the `LaneCommand` of a request from its principal: who acts, in which role, on
//! which lane, expecting which revision. One place for every lane handler.

use serde::Deserialize;
use utoipa::ToSchema;

use crate::access::extract::{AtRegister, KioskOf, LaneActor};
use crate::db::models::audit_event::Actor;
use crate::http::state::AppState;
use crate::lanes::commands::LaneCommand;
use crate::lanes::gates::Side;
use crate::lanes::hub::Role;

/// The 409 refusals every lane command can give (OpenAPI `description`; each route adds its own).
pub const CONFLICTS: &str = "`STALE_VERSION` (the lane is no longer at `expected_rev`: `details.rev` and `details.view`, the caller's \
                             current view; nothing changed), `NO_SESSION`, `INVALID_TRANSITION` (not possible in the session's status)";

/// A body carrying only the expected revision.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// The command of the employee signed in at the path's register.
pub fn register_cmd(at: &AtRegister, state: &AppState, expected_rev: Option<i64>) -> LaneCommand {
    LaneCommand { lane: at.lane.clone(), actor: at.auth.actor(), role: Role::Register, expected_rev, now: state.clock.now() }
}

/// The command of the path's kiosk.
pub fn kiosk_cmd(k: &KioskOf, state: &AppState, expected_rev: Option<i64>) -> LaneCommand {
    LaneCommand { lane: k.lane.clone(), actor: Actor::Device(k.device.id), role: Role::Kiosk, expected_rev, now: state.clock.now() }
}

/// The command of either screen, and which side of the counter it is.
pub fn actor_cmd(actor: &LaneActor, state: &AppState, expected_rev: Option<i64>) -> (LaneCommand, Side) {
    match actor {
        LaneActor::Register(at) => (register_cmd(at, state, expected_rev), Side::Employee),
        LaneActor::Kiosk(k) => (kiosk_cmd(k, state, expected_rev), Side::Customer),
    }
}
