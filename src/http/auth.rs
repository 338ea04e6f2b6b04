//! `/api/auth/*`: PIN login, step-up, logout, who am I.

use actix_web::cookie::time;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::{Input, Lines, Text};
use super::throttle;
use super::validate;
use super::web;
use super::wire::{ErrorBody, PIN_LOCKED, RATE_LIMITED, StaffView};
use crate::access::credentials::{self, SESSION_COOKIE};
use crate::access::extract::{AnyStaff, Authed};
use crate::access::login;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::hub::PrincipalKey;
use crate::lanes::notify::{self, Notice};

/// Login by name and PIN.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// sign-in name
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub login: Input,
    /// six digits
    #[schema(value_type = String, pattern = "^[0-9]{6}$", example = "123456")]
    pub pin: Input,
    /// also return the token in the body (for scripts using `Authorization: Bearer`)
    #[serde(default)]
    pub bearer: bool,
}

/// A new session (the token travels in the HttpOnly cookie `fd_session`).
#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// who signed in
    pub staff: StaffView,
    /// when the session ends
    pub expires_at: DateTime<Utc>,
    /// only when `bearer` was asked for
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// The `User-Agent` to store with a session or a signature: sanitised and cut to 300
/// characters, never refused (browsers send what they send).
pub fn user_agent(req: &HttpRequest) -> Option<String> {
    req.headers().get("user-agent").and_then(|v| Text::sanitised(v.as_bytes(), 300)).map(Text::into_string)
}

/// Signs a staff member in. Five wrong PINs in a row lock PIN login for 5 minutes (423).
#[utoipa::path(post, path = "/api/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody, description = "`INVALID_CREDENTIALS` (unknown login or wrong PIN: the same answer)"), (status = 423, body = ErrorBody, description = PIN_LOCKED), (status = 429, body = ErrorBody, description = RATE_LIMITED, headers(("Retry-After" = u64, description = "seconds to wait")))))]
pub async fn login(state: web::Data<AppState>, req: HttpRequest, body: web::Json<LoginRequest>) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let name = body.login.text("login", 1, 50, Lines::One)?.into_string();
    let pin = validate::pin("pin", &body.pin)?.into_string();
    let (ua, now, client) = (user_agent(&req), state.clock.now(), throttle::client_key(&req));
    state.throttle.pin_from(&client, now)?;
    let target = {
        let (name, client) = (name.clone(), client.clone());
        state
            .db(move |c| {
                let Some(staff) = login::find_active(c, &name)? else { return Ok(None) };
                let target = login::PinTarget { staff_id: staff.id, client };
                Ok(Some((login::hash_to_verify(c, &target, now)?, staff, target)))
            })
            .await?
    };
    state.throttle.pin_for(&name, now)?;
    let Some((hash, staff, target)) = target else {
        // Same work and same answer as a wrong PIN, so logins cannot be probed.
        throttle::verify_dummy(&state.pins, pin).await?;
        return Err(state.db(move |c| login::unknown_login(c, &name, &client, now)).await?);
    };
    let right = throttle::verify_pin(&state.pins, pin, hash).await?;
    let new = state.db(move |c| login::finish_login(c, staff, &target, right, ua.as_deref(), now)).await??;
    tracing::info!(staff.id = %new.staff.id, "staff signed in");
    let cookie = credentials::cookie(SESSION_COOKIE, new.token.clone(), time::Duration::hours(12), state.settings.cookie_secure);
    let token = body.bearer.then_some(new.token);
    Ok(HttpResponse::Ok().cookie(cookie).json(LoginResponse { staff: new.staff.into(), expires_at: new.expires_at, token }))
}

/// The signed-in staff member and the state of their session.
#[derive(Serialize, ToSchema)]
pub struct MeResponse {
    /// who
    pub staff: StaffView,
    /// session end
    pub expires_at: DateTime<Utc>,
    /// until when sensitive actions are allowed without re-entering the PIN
    pub step_up_until: Option<DateTime<Utc>>,
}

/// Who is signed in.
#[utoipa::path(get, path = "/api/auth/me", tag = "auth", security(("staff" = [])),
    responses((status = 200, body = MeResponse)))]
pub async fn me(AnyStaff(auth): AnyStaff, state: web::Data<AppState>) -> HttpResponse {
    let step_up_until = auth.step_up_until(state.clock.now());
    HttpResponse::Ok().json(MeResponse { expires_at: auth.expires_at, step_up_until, staff: auth.staff.into() })
}

/// Re-entered PIN.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepUpRequest {
    /// six digits
    #[schema(value_type = String, pattern = "^[0-9]{6}$", example = "123456")]
    pub pin: Input,
}

/// Until when the step-up counts.
#[derive(Serialize, ToSchema)]
pub struct StepUpResponse {
    /// now + 5 minutes
    pub step_up_until: DateTime<Utc>,
}

/// Confirms the PIN again so sensitive actions are allowed for 5 minutes.
#[utoipa::path(post, path = "/api/auth/step-up", tag = "auth", request_body = StepUpRequest, security(("staff" = [])),
    responses((status = 200, body = StepUpResponse), (status = 403, body = ErrorBody, description = "`INVALID_PIN` (a wrong PIN)"), (status = 423, body = ErrorBody, description = PIN_LOCKED), (status = 429, body = ErrorBody, description = RATE_LIMITED, headers(("Retry-After" = u64, description = "seconds to wait")))))]
pub async fn step_up(
    Authed(AnyStaff(auth), body): Authed<AnyStaff, web::Json<StepUpRequest>>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pin = validate::pin("pin", &body.pin)?.into_string();
    let (now, client) = (state.clock.now(), throttle::client_key(&req));
    state.throttle.pin_from(&client, now)?;
    let target = login::PinTarget { staff_id: auth.staff.id, client };
    let hash = {
        let target = target.clone();
        state.db(move |c| login::hash_to_verify(c, &target, now)).await?
    };
    state.throttle.pin_for(&auth.staff.login, now)?;
    let right = throttle::verify_pin(&state.pins, pin, hash).await?;
    let until = state.db(move |c| login::finish_step_up(c, &auth, &target, right, now)).await??;
    Ok(HttpResponse::Ok().json(StepUpResponse { step_up_until: until }))
}

/// Ends the session (and any register opened through it).
#[utoipa::path(post, path = "/api/auth/logout", tag = "auth", security(("staff" = [])),
    responses((status = 204, description = "signed out; the cookie is removed")))]
pub async fn logout(AnyStaff(auth): AnyStaff, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (now, hub, session) = (state.clock.now(), state.hub.clone(), auth.session_id);
    state
        .db(move |c| {
            login::logout(c, &auth, now)?;
            Ok(notify::announce(c, &hub, Notice::CloseSession { session })?)
        })
        .await?;
    state.hub.disconnect(PrincipalKey::Staff(session));
    Ok(HttpResponse::NoContent().cookie(credentials::removal(SESSION_COOKIE)).finish())
}
