//! Lane session commands over HTTP. Each answers with the lane's new revision; the fresh views
//! reach both screens over their sockets.

use actix_web::HttpResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::lane_cmd::{CONFLICTS, Expect, actor_cmd, kiosk_cmd, register_cmd};
use super::text::{Input, Lines};
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AtRegister, Authed, KioskOf, LaneActor, LaneViewer};
use crate::db::ids::{CustomerId, LaneSessionId};
use crate::domain::enums::{IdentityMethod, Language};
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::commands::{self, CancelBy};
use crate::lanes::hub::Role;
use crate::lanes::notify::{self, Notice};
use crate::lanes::views::LaneViewMessage;

/// The lane's revision after a command (the answer of most lane commands).
#[derive(Serialize, ToSchema)]
pub struct Revision {
    /// new revision of the lane
    pub rev: i64,
    /// the session concerned
    #[schema(value_type = Option<String>, format = "uuid")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<LaneSessionId>,
}

fn ok(rev: i64) -> HttpResponse {
    HttpResponse::Ok().json(Revision { rev, session_id: None })
}

/// Start a check-in.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartSession {
    /// the identified customer
    #[schema(value_type = String, format = "uuid")]
    pub customer_id: CustomerId,
    /// how the customer was identified: ID_SCAN, STAFF_CHECKED or MANUAL (default)
    #[schema(value_type = Option<String>, example = "ID_SCAN")]
    #[serde(default)]
    pub identity_method: Option<IdentityMethod>,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Starts a session for a customer at this register's lane (409 `LANE_BUSY`,
/// `ALREADY_CHECKED_IN`, `CUSTOMER_BUSY`, `STALE_VERSION`; 403 `BANNED`, `UNDERAGE`, `ID_EXPIRED`).
#[utoipa::path(post, path = "/api/lanes/{lane}/sessions", operation_id = "start_session", tag = "lane sessions", request_body = StartSession, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 201, body = Revision), (status = 403, body = ErrorBody, description = "`BANNED`, `UNDERAGE`, `ID_EXPIRED`"), (status = 404, body = ErrorBody, description = "no such customer"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `LANE_BUSY`, `CUSTOMER_BUSY`, `ALREADY_CHECKED_IN`"))))]
pub async fn start(
    Authed(at, body): Authed<AtRegister, web::Json<StartSession>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let (hub, staff, customer) = (state.hub.clone(), at.auth.staff.id, body.customer_id);
    let identity = body.identity_method.unwrap_or(IdentityMethod::Manual);
    let today = cmd.now.with_timezone(&state.settings.tz).date_naive();
    let applied = state.db(move |c| commands::start(c, &hub, &cmd, staff, customer, identity, today)).await?;
    Ok(HttpResponse::Created().json(Revision { rev: applied.rev, session_id: Some(applied.value) }))
}

/// The customer's language.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetLanguage {
    /// EN or ES
    #[schema(value_type = String, example = "ES")]
    pub language: Language,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Sets the language (register or kiosk); kept on the customer for next time.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/language", tag = "lane sessions", request_body = SetLanguage, security(("register" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = CONFLICTS)))]
pub async fn set_language(
    Authed(actor, body): Authed<LaneActor, web::Json<SetLanguage>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (cmd, _) = actor_cmd(&actor, &state, body.expected_rev);
    let (hub, language) = (state.hub.clone(), body.language);
    let applied = state.db(move |c| commands::set_language(c, &hub, &cmd, language)).await?;
    Ok(ok(applied.rev))
}

/// Cancel with a reason.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelSession {
    /// 1–500 characters (may span lines)
    #[schema(value_type = String, min_length = 1, max_length = 500)]
    pub reason: Input,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Cancels the live session: hold released, DUE intent cancelled. A paid session needs a
/// manager's fresh step-up and is marked for refund.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/cancel", tag = "lane sessions", request_body = CancelSession, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 403, body = ErrorBody, description = "`STEP_UP_REQUIRED` (a paid session needs a manager with a fresh step-up)"), (status = 409, body = ErrorBody, description = CONFLICTS)))]
pub async fn cancel(
    Authed(at, body): Authed<AtRegister, web::Json<CancelSession>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let reason = body.reason.text("reason", 1, 500, Lines::Many)?;
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let hub = state.hub.clone();
    let applied = state.db(move |c| commands::cancel(c, &hub, &cmd, CancelBy::Staff(&at.auth), &reason)).await?;
    Ok(ok(applied.rev))
}

/// Dismisses a completed or cancelled session; the lane becomes idle.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/close", tag = "lane sessions", request_body = Expect, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = CONFLICTS)))]
pub async fn close(Authed(at, body): Authed<AtRegister, web::Json<Expect>>, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let hub = state.hub.clone();
    let applied = state.db(move |c| commands::close(c, &hub, &cmd)).await?;
    Ok(ok(applied.rev))
}

/// The customer taps OK on the done screen; the kiosk returns to idle.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/acknowledge", tag = "lane sessions", request_body = Expect, security(("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = CONFLICTS)))]
pub async fn acknowledge(
    Authed(kiosk, body): Authed<KioskOf, web::Json<Expect>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let cmd = kiosk_cmd(&kiosk, &state, body.expected_rev);
    let hub = state.hub.clone();
    let applied = state.db(move |c| commands::acknowledge(c, &hub, &cmd)).await?;
    Ok(ok(applied.rev))
}

/// What the employee points at on the customer's screen.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    /// the option's key, e.g. `STANDARD` (1–50 characters)
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub option: Input,
}

/// Points at an option on the kiosk (an ephemeral `lane.highlight` event; no state changes).
#[utoipa::path(post, path = "/api/lanes/{lane}/highlight", tag = "lane sessions", request_body = Highlight, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 204, description = "sent to the kiosk (no state changes, no new revision)")))]
pub async fn highlight(
    Authed(at, body): Authed<AtRegister, web::Json<Highlight>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let option = body.option.text("option", 1, 50, Lines::One)?;
    let data = serde_json::json!({ "option": option.as_str() });
    state.hub.event(&at.lane, "lane.highlight", &data, &[Role::Kiosk]);
    let (hub, lane) = (state.hub.clone(), at.lane.clone());
    state
        .db(move |c| {
            let notice = Notice::Event { lane, event: "lane.highlight".into(), data, kiosk: true, staff: false };
            Ok(notify::announce(c, &hub, notice)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The current view for the caller's screen (the same `lane.view` envelope the socket sends).
#[utoipa::path(get, path = "/api/lanes/{lane}/view", operation_id = "lane_view", tag = "lane sessions", security(("staff" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = LaneViewMessage, description = "the register's `lane.view` for staff, the kiosk's for the lane's kiosk")))]
pub async fn view(viewer: LaneViewer, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (lane, kiosk) = match viewer {
        LaneViewer::Staff(_, lane) => (lane, false),
        LaneViewer::Kiosk(_, lane) => (lane, true),
    };
    let hub = state.hub.clone();
    let views = state.db(move |c| hub.load(c, &lane)).await?;
    let text = if kiosk { views.kiosk } else { views.register };
    Ok(HttpResponse::Ok().content_type("application/json").body(text.to_string()))
}
