//! Kiosk pairing and device management.

use actix_web::HttpRequest;
use actix_web::HttpResponse;
use actix_web::cookie::time;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::{Input, Lines};
use super::throttle;
use super::validate;
use super::web;
use super::wire::{DeviceView, ErrorBody, RATE_LIMITED};
use crate::access::credentials::{self, DEVICE_COOKIE};
use crate::access::devices;
use crate::access::extract::{Authed, Kiosk, Manager, SteppedUpManager};
use crate::db::ids::DeviceId;
use crate::db::models::device::Device;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::hub::PrincipalKey;
use crate::lanes::notify::{self, Notice};

/// A one-time code to type on the tablet.
#[derive(Serialize, ToSchema)]
pub struct PairingCodeResponse {
    /// 8 characters, valid once
    pub code: String,
    /// the lane the tablet will serve
    pub lane_id: String,
    /// end of validity (10 minutes)
    pub expires_at: DateTime<Utc>,
}

/// Issues a pairing code for a lane's kiosk (manager, step-up).
#[utoipa::path(post, path = "/api/lanes/{lane}/pairing-codes", tag = "devices", security(("manager" = ["step_up"])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 201, body = PairingCodeResponse), (status = 404, body = ErrorBody, description = "no such active lane")))]
pub async fn issue_code(
    Authed(SteppedUpManager(auth), lane): Authed<SteppedUpManager, web::Path<String>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let lane = validate::lane(&lane)?;
    let issued = state.db(move |c| devices::issue_code(c, &auth, &lane, now)).await?;
    Ok(HttpResponse::Created().json(PairingCodeResponse { code: issued.code, lane_id: issued.lane_id, expires_at: issued.expires_at }))
}

/// A tablet redeeming a code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PairRequest {
    /// the 8-character code (case, spaces and dashes do not matter)
    #[schema(value_type = String, min_length = 1, max_length = 20, example = "ABCD-2345")]
    pub code: Input,
    /// a label, e.g. "Lane 1 kiosk" (1–100 characters)
    #[schema(value_type = String, min_length = 1, max_length = 100)]
    pub name: Input,
    /// also return the token in the body (scripts); browsers use the cookie
    #[serde(default)]
    pub bearer: bool,
}

/// The paired device (its token travels in the HttpOnly cookie `fd_device`).
#[derive(Serialize, ToSchema)]
pub struct PairResponse {
    /// the device
    pub device: DeviceView,
    /// only when `bearer` was asked for
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// Pairs this tablet with the code's lane. No sign-in: the one-time code is the proof.
#[utoipa::path(post, path = "/api/devices/pair", tag = "devices", request_body = PairRequest,
    responses((status = 200, body = PairResponse), (status = 400, body = ErrorBody, description = "`PAIRING_CODE_INVALID` (unknown, used or expired)"), (status = 429, body = ErrorBody, description = RATE_LIMITED, headers(("Retry-After" = u64, description = "seconds to wait")))))]
pub async fn pair(state: web::Data<AppState>, req: HttpRequest, body: web::Json<PairRequest>) -> Result<HttpResponse, AppError> {
    // Codes are 8 characters valid 10 minutes: the limit makes guessing one hopeless.
    state.throttle.pairing(&throttle::client_key(&req), state.clock.now())?;
    let body = body.into_inner();
    let name = body.name.text("name", 1, 100, Lines::One)?;
    let code = body.code.text("code", 1, 20, Lines::One)?;
    let now = state.clock.now();
    let paired = state.db(move |c| devices::redeem(c, &code, &name, now)).await?;
    tracing::info!(device.id = %paired.device.id, lane.id = %paired.device.lane_id, "kiosk paired");
    let cookie = credentials::cookie(DEVICE_COOKIE, paired.token.clone(), time::Duration::days(400), state.settings.cookie_secure);
    let token = body.bearer.then_some(paired.token);
    Ok(HttpResponse::Ok().cookie(cookie).json(PairResponse { device: paired.device.into(), token }))
}

/// The calling kiosk's own pairing.
#[utoipa::path(get, path = "/api/device", operation_id = "device_me", tag = "devices", security(("kiosk" = [])),
    responses((status = 200, body = DeviceView)))]
pub async fn me(Kiosk(device): Kiosk) -> HttpResponse {
    HttpResponse::Ok().json(DeviceView::from(device))
}

/// Every paired device, newest first.
#[utoipa::path(get, path = "/api/devices", operation_id = "list_devices", tag = "devices", security(("manager" = [])),
    responses((status = 200, body = Vec<DeviceView>)))]
pub async fn list(Manager(_): Manager, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let devices = state.db(|c| Ok(Device::all(c)?)).await?;
    Ok(HttpResponse::Ok().json(devices.into_iter().map(DeviceView::from).collect::<Vec<_>>()))
}

/// Revokes a device: its next request is refused (manager, step-up).
#[utoipa::path(post, path = "/api/devices/{device_id}/revoke", tag = "devices", security(("manager" = ["step_up"])),
    params(("device_id" = String, Path, format = "uuid")),
    responses((status = 200, body = DeviceView), (status = 404, body = ErrorBody, description = "no such device")))]
pub async fn revoke(
    Authed(SteppedUpManager(auth), id): Authed<SteppedUpManager, web::Path<DeviceId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let (id, hub) = (id.into_inner(), state.hub.clone());
    let device = state
        .db(move |c| {
            let device = devices::revoke(c, &auth, id, now)?;
            notify::announce(c, &hub, Notice::CloseDevice { device: id })?;
            Ok(device)
        })
        .await?;
    let closed = state.hub.disconnect(PrincipalKey::Device(id));
    tracing::info!(device.id = %id, sockets_closed = closed, "device revoked");
    Ok(HttpResponse::Ok().json(DeviceView::from(device)))
}
