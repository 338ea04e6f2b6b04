//! `/api/staff`: managers list, create and deactivate staff and reset PINs.

use actix_web::HttpResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::{Input, Lines};
use super::throttle;
use super::validate;
use super::web;
use super::wire::{ErrorBody, StaffView};
use crate::access::extract::{Authed, Manager, SteppedUpManager};
use crate::access::staff_admin::{self, NewStaffSpec};
use crate::db::ids::StaffId;
use crate::db::models::staff::Staff;
use crate::domain::enums::StaffRole;
use crate::error::AppError;
use crate::http::state::AppState;

/// Everyone on the staff list.
#[utoipa::path(get, path = "/api/staff", operation_id = "list_staff", tag = "staff", security(("manager" = [])),
    responses((status = 200, body = Vec<StaffView>)))]
pub async fn list(Manager(_): Manager, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let staff = state.db(|c| Ok(Staff::all(c)?)).await?;
    Ok(HttpResponse::Ok().json(staff.into_iter().map(StaffView::from).collect::<Vec<_>>()))
}

/// A staff member to create.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStaff {
    /// sign-in name, 1–50 characters
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub login: Input,
    /// name shown on screens, 1–100 characters
    #[schema(value_type = String, min_length = 1, max_length = 100)]
    pub display_name: Input,
    /// STAFF or MANAGER
    #[schema(value_type = String, example = "STAFF")]
    pub role: StaffRole,
    /// six digits
    #[schema(value_type = String, pattern = "^[0-9]{6}$", example = "123456")]
    pub pin: Input,
}

/// Creates a staff member (manager, step-up).
#[utoipa::path(post, path = "/api/staff", operation_id = "create_staff", tag = "staff", request_body = CreateStaff, security(("manager" = ["step_up"])),
    responses((status = 201, body = StaffView), (status = 409, body = ErrorBody, description = "`LOGIN_TAKEN`")))]
pub async fn create(
    Authed(SteppedUpManager(auth), body): Authed<SteppedUpManager, web::Json<CreateStaff>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let body = body.into_inner();
    let login = body.login.text("login", 1, 50, Lines::One)?;
    let display_name = body.display_name.text("display_name", 1, 100, Lines::One)?;
    let pin = validate::pin("pin", &body.pin)?.into_string();
    let pin_hash = throttle::hash_pin(&state.pins, "pin", pin).await?;
    let role = body.role;
    let staff = state
        .db(move |c| {
            let spec = NewStaffSpec { login: &login, display_name: &display_name, role, pin_hash: &pin_hash };
            staff_admin::create(c, &auth, &spec, now)
        })
        .await?;
    Ok(HttpResponse::Created().json(StaffView::from(staff)))
}

/// Deactivates a staff member: their sessions end and their registers close (manager, step-up).
#[utoipa::path(post, path = "/api/staff/{staff_id}/deactivate", tag = "staff", security(("manager" = ["step_up"])),
    params(("staff_id" = String, Path, format = "uuid")),
    responses((status = 200, body = StaffView), (status = 404, body = ErrorBody, description = "no such staff member"), (status = 409, body = ErrorBody, description = "`CANNOT_DEACTIVATE_SELF`")))]
pub async fn deactivate(
    Authed(SteppedUpManager(auth), id): Authed<SteppedUpManager, web::Path<StaffId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let staff = state.db(move |c| staff_admin::deactivate(c, &auth, id, now)).await?;
    Ok(HttpResponse::Ok().json(StaffView::from(staff)))
}

/// A new PIN.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetPin {
    /// six digits
    #[schema(value_type = String, pattern = "^[0-9]{6}$", example = "123456")]
    pub pin: Input,
}

/// Sets a new PIN and ends the member's other sessions (manager, step-up).
#[utoipa::path(post, path = "/api/staff/{staff_id}/pin", tag = "staff", request_body = ResetPin, security(("manager" = ["step_up"])),
    params(("staff_id" = String, Path, format = "uuid")),
    responses((status = 204, description = "the PIN is changed"), (status = 404, body = ErrorBody, description = "no such staff member")))]
pub async fn reset_pin(
    Authed(SteppedUpManager(auth), (id, body)): Authed<SteppedUpManager, (web::Path<StaffId>, web::Json<ResetPin>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let (id, pin) = (id.into_inner(), validate::pin("pin", &body.pin)?.into_string());
    let pin_hash = throttle::hash_pin(&state.pins, "pin", pin).await?;
    state.db(move |c| staff_admin::reset_pin(c, &auth, id, &pin_hash, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// How many locks an unlock cleared.
#[derive(Serialize, ToSchema)]
pub struct Unlocked {
    /// PIN locks removed (one per client address the member was locked from)
    pub locks_cleared: usize,
}

/// Clears a staff member's PIN locks from every address, so they can sign in again at once
/// (manager, step-up; audited as `STAFF_UNLOCKED`).
#[utoipa::path(post, path = "/api/staff/{staff_id}/unlock", tag = "staff", security(("manager" = ["step_up"])),
    params(("staff_id" = String, Path, format = "uuid")),
    responses((status = 200, body = Unlocked), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn unlock(
    Authed(SteppedUpManager(auth), id): Authed<SteppedUpManager, web::Path<StaffId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (now, id) = (state.clock.now(), id.into_inner());
    let locks_cleared = state.db(move |c| staff_admin::unlock(c, &auth, id, now)).await?;
    Ok(HttpResponse::Ok().json(Unlocked { locks_cleared }))
}
