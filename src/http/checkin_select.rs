//! Check-in steps over HTTP, part 1: membership choice and rental selection.

use actix_web::HttpResponse;
use serde::Deserialize;
use utoipa::ToSchema;

use super::lane_cmd::{CONFLICTS, Expect, actor_cmd, register_cmd};
use super::lane_sessions::Revision;
use super::text::{Input, Lines};
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AtRegister, Authed, LaneActor};
use crate::checkin::back::BackTo;
use crate::checkin::selection::{self, Locked, Waitlist};
use crate::domain::enums::RentalType;
use crate::error::AppError;
use crate::http::state::AppState;

/// A non-member's membership choice.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MembershipChoice {
    /// ONE_TIME (daily fee) or SIX_MONTH (buy the six-month membership)
    #[schema(value_type = String, pattern = "^(ONE_TIME|SIX_MONTH)$", example = "ONE_TIME")]
    pub choice: Input,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Chooses between the daily fee and buying a six-month membership (either screen; re-prices
/// a due quote).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/membership", tag = "check-in", request_body = MembershipChoice, security(("register" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = CONFLICTS)))]
pub async fn membership(
    Authed(actor, body): Authed<LaneActor, web::Json<MembershipChoice>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let choice = body.choice.text("choice", 1, 20, Lines::One)?;
    if !matches!(choice.as_str(), "ONE_TIME" | "SIX_MONTH") {
        return Err(AppError::invalid("choice", "choice must be ONE_TIME or SIX_MONTH."));
    }
    let (cmd, side) = actor_cmd(&actor, &state, body.expected_rev);
    let (hub, config) = (state.hub.clone(), state.checkin_config());
    let applied = state.db(move |c| crate::checkin::payment::choose_membership(c, &hub, &cmd, &config, side, &choice)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}

/// A rental to propose.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Propose {
    /// LOCKER, GYM_LOCKER, STANDARD, DOUBLE or SPECIAL
    #[schema(value_type = String, example = "STANDARD")]
    pub rental_type: RentalType,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Proposes a rental (either screen; 409 `LANGUAGE_REQUIRED`, 403 `PAST_DUE_BLOCKED` for the
/// customer).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/propose", tag = "check-in", request_body = Propose, security(("register" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 403, body = ErrorBody, description = "`PAST_DUE_BLOCKED` (the customer, until the attendant resolves a balance)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `LANGUAGE_REQUIRED`, `RENTAL_NOT_ALLOWED`, `SELECTION_LOCKED`"))))]
pub async fn propose(
    Authed(actor, body): Authed<LaneActor, web::Json<Propose>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (cmd, side) = actor_cmd(&actor, &state, body.expected_rev);
    let (hub, config, rental) = (state.hub.clone(), state.checkin_config(), body.rental_type);
    let applied = state.db(move |c| selection::propose(c, &hub, &cmd, &config, side, rental)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}

/// Confirms the proposal. The first confirmation locks it: a unit is held, the quote made and
/// the payment becomes due (409 `SOLD_OUT` changes nothing); later ones report who locked it.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/confirm", tag = "check-in", request_body = Expect, security(("register" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Locked), (status = 403, body = ErrorBody, description = "`PAST_DUE_BLOCKED` (the customer, until the attendant resolves a balance)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `NO_PROPOSAL`, `LANGUAGE_REQUIRED`, `RENTAL_NOT_ALLOWED`, `SOLD_OUT` (`details.waitlist_possible`; nothing changed)"))))]
pub async fn confirm(
    Authed(actor, body): Authed<LaneActor, web::Json<Expect>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (cmd, side) = actor_cmd(&actor, &state, body.expected_rev);
    let (hub, config) = (state.hub.clone(), state.checkin_config());
    let locked = state.db(move |c| selection::confirm(c, &hub, &cmd, &config, side)).await?;
    Ok(HttpResponse::Ok().json(locked))
}

/// Wait for a sold-out room tier with a backup meanwhile.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinWaitlist {
    /// the sold-out room tier wanted
    #[schema(value_type = String, example = "DOUBLE")]
    pub desired: RentalType,
    /// the available rental taken now (and paid for)
    #[schema(value_type = String, example = "STANDARD")]
    pub backup: RentalType,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Joins the upgrade waiting list and locks the backup (either screen).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/waitlist", tag = "check-in", request_body = JoinWaitlist, security(("register" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 403, body = ErrorBody, description = "`PAST_DUE_BLOCKED` (the customer, until the attendant resolves a balance)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `ALREADY_LOCKED`, `LANGUAGE_REQUIRED`, `RENTAL_NOT_ALLOWED`, `WAITLIST_NOT_POSSIBLE`, `NOT_SOLD_OUT`, `SOLD_OUT`"))))]
pub async fn waitlist(
    Authed(actor, body): Authed<LaneActor, web::Json<JoinWaitlist>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (cmd, side) = actor_cmd(&actor, &state, body.expected_rev);
    let (hub, config, wish) = (state.hub.clone(), state.checkin_config(), Waitlist { desired: body.desired, backup: body.backup });
    let applied = state.db(move |c| selection::join_waitlist(c, &hub, &cmd, &config, side, wish)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}

/// A specific unit of the locked type.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwapHold {
    /// e.g. "214" (1–10 characters)
    #[schema(value_type = String, min_length = 1, max_length = 10)]
    pub number: Input,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Swaps the held unit for a specific free one of the same type (register).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/hold", tag = "check-in", request_body = SwapHold, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `NO_HOLD`, `UNIT_UNAVAILABLE`"))))]
pub async fn swap_hold(
    Authed(at, body): Authed<AtRegister, web::Json<SwapHold>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let number = body.number.text("number", 1, 10, Lines::One)?;
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let hub = state.hub.clone();
    let applied = state.db(move |c| selection::swap_hold(c, &hub, &cmd, &number)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}

/// Where the customer steps back to.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepBack {
    /// LANGUAGE, MEMBERSHIP or RENTAL: that choice and every later one are cleared
    #[schema(value_type = String, pattern = "^(LANGUAGE|MEMBERSHIP|RENTAL)$", example = "MEMBERSHIP")]
    pub to: BackTo,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Back before confirming (either screen): clears the choice stepped back to and every later
/// one, until the selection is confirmed (409 `SELECTION_LOCKED` then).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/back", tag = "check-in", request_body = StepBack, security(("register" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 403, body = ErrorBody, description = "`PAST_DUE_BLOCKED` (the customer, until the attendant resolves a balance)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `SELECTION_LOCKED` (confirmed: only the attendant can cancel)"))))]
pub async fn back(
    Authed(actor, body): Authed<LaneActor, web::Json<StepBack>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (cmd, side) = actor_cmd(&actor, &state, body.expected_rev);
    let (hub, to) = (state.hub.clone(), body.to);
    let applied = state.db(move |c| crate::checkin::back::step_back(c, &hub, &cmd, side, to)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}
