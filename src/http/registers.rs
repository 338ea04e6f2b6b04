//! Register sign-in at a lane.

use actix_web::HttpResponse;
use serde::Deserialize;
use utoipa::ToSchema;

use super::text::{Input, Lines};
use super::validate;
use super::web;
use super::wire::{ErrorBody, RegisterView};
use crate::access::extract::{AnyStaff, AtRegister, Authed, SteppedUpManager};
use crate::access::registers;
use crate::db::models::register_session::RegisterSession;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::hub::Role;
use crate::lanes::notify::{self, Notice};

/// The socket event a register screen gets when a manager ends its session.
pub const REGISTER_ENDED: &str = "register.ended";

/// Open registers.
#[utoipa::path(get, path = "/api/registers", operation_id = "list_registers", tag = "registers", security(("staff" = [])),
    responses((status = 200, body = Vec<RegisterView>)))]
pub async fn list(AnyStaff(_): AnyStaff, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let open = state.db(|c| Ok(RegisterSession::all_active(c)?)).await?;
    Ok(HttpResponse::Ok().json(open.into_iter().map(RegisterView::from).collect::<Vec<_>>()))
}

/// Which register device is signing in.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// a stable random key the register browser keeps (8–100 characters)
    #[schema(value_type = String, min_length = 8, max_length = 100)]
    pub device_key: Input,
}

/// Signs the caller in at the lane's register (409 `REGISTER_BUSY` / `REGISTER_DEVICE_BUSY`).
#[utoipa::path(post, path = "/api/lanes/{lane}/register/sign-in", tag = "registers", request_body = SignIn, security(("staff" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = RegisterView), (status = 404, body = ErrorBody, description = "no such active lane"), (status = 409, body = ErrorBody, description = "`REGISTER_BUSY` (someone else holds it), `REGISTER_DEVICE_BUSY` (this register device is signed in at another lane)")))]
pub async fn sign_in(
    Authed(AnyStaff(auth), (lane, body)): Authed<AnyStaff, (web::Path<String>, web::Json<SignIn>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let lane = validate::lane(&lane)?;
    let key = body.device_key.text("device_key", 8, 100, Lines::One)?;
    let now = state.clock.now();
    let register = state.db(move |c| registers::sign_in(c, &auth, &lane, &key, now)).await?;
    Ok(HttpResponse::Ok().json(RegisterView::from(register)))
}

/// Signs the caller out of the lane's register.
#[utoipa::path(post, path = "/api/lanes/{lane}/register/sign-out", tag = "registers", security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 204, description = "signed out of the register")))]
pub async fn sign_out(at: AtRegister, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    state.db(move |c| registers::sign_out(c, &at.auth, &at.register, None, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Why a manager ends someone's register session.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForceSignOut {
    /// 1–500 characters (may span lines)
    #[schema(value_type = String, min_length = 1, max_length = 500)]
    pub reason: Input,
}

/// Ends whoever's register session is open on the lane (manager, step-up; audited as
/// `REGISTER_FORCE_SIGN_OUT` with the reason). The register screen's next request is refused
/// with `REGISTER_REQUIRED` and it shows its sign-in again.
#[utoipa::path(post, path = "/api/lanes/{lane}/register/force-sign-out", tag = "registers", request_body = ForceSignOut, security(("manager" = ["step_up"])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 204, description = "the register session is ended"), (status = 404, body = ErrorBody, description = "no open register on this lane")))]
pub async fn force_sign_out(
    Authed(SteppedUpManager(auth), (lane, body)): Authed<SteppedUpManager, (web::Path<String>, web::Json<ForceSignOut>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let reason = body.reason.text("reason", 1, 500, Lines::Many)?;
    let (lane, now) = (validate::lane(&lane)?, state.clock.now());
    let at_lane = lane.clone();
    let ended = state
        .db(move |c| {
            let open = RegisterSession::active_on_lane(c, &lane)?.ok_or(AppError::NotFound { what: "An open register on this lane" })?;
            registers::sign_out(c, &auth, &open, Some(&reason), now)?;
            Ok(open)
        })
        .await?;
    tell_register_ended(&state, at_lane, &ended).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Tells the lane's register screen (in every process) that its session was ended, so it
/// goes back to choosing a lane with a message instead of failing at its next action.
async fn tell_register_ended(state: &AppState, lane: String, ended: &RegisterSession) -> Result<(), AppError> {
    let data = serde_json::json!({ "staff_id": ended.staff_id, "register_session_id": ended.id });
    state.hub.event(&lane, REGISTER_ENDED, &data, &[Role::Register, Role::Monitor]);
    let hub = state.hub.clone();
    state
        .db(move |c| {
            let notice = Notice::Event { lane, event: REGISTER_ENDED.into(), data, kiosk: false, staff: true };
            Ok(notify::announce(c, &hub, notice)?)
        })
        .await
}
