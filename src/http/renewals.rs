//! Renewals: what an open stay allows (`GET /api/stays/{visit_id}/renewals`) and starting one
//! at the register's lane (`POST /api/lanes/{lane}/renewals`). Payment, the agreement and the
//! signature then use the lane session's own calls.

use actix_web::HttpResponse;
use serde::Deserialize;
use utoipa::ToSchema;

use super::lane_cmd::{CONFLICTS, register_cmd};
use super::lane_sessions::Revision;
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AnyStaff, AtRegister, Authed};
use crate::db::ids::VisitId;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::stays::renewal::options::{self, RenewalOptions};
use crate::stays::renewal::start::{self, Request};

/// The renewals a stay allows now, each with why not when it does not: 6 hours (RENEWAL) and
/// the final 2 hours (FINAL2H), within 60 minutes of the checkout, 14 purchased hours at most.
#[utoipa::path(get, path = "/api/stays/{visit_id}/renewals", tag = "stays", security(("staff" = [])),
    params(("visit_id" = String, Path, format = "uuid")),
    responses((status = 200, body = RenewalOptions),
        (status = 404, body = ErrorBody, description = "no such stay"),
        (status = 409, body = ErrorBody, description = "`ALREADY_CHECKED_OUT`")))]
pub async fn options(
    Authed(AnyStaff(_), visit): Authed<AnyStaff, web::Path<VisitId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (visit, now, tz) = (visit.into_inner(), state.clock.now(), state.settings.tz);
    let answer = state.db(move |c| options::list(c, visit, now, tz)).await?;
    Ok(HttpResponse::Ok().json(answer))
}

/// Start a renewal.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartRenewal {
    /// the stay to extend
    #[schema(value_type = String, format = "uuid")]
    pub visit_id: VisitId,
    /// 6 (RENEWAL) or 2 (the final 2 hours)
    #[schema(minimum = 2, maximum = 6, example = 6)]
    pub hours: i32,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Starts a renewal at this register's lane: the session opens at payment (same room or
/// locker, priced as a renewal); the customer signs on the kiosk after paying, and only then
/// is the block added.
#[utoipa::path(post, path = "/api/lanes/{lane}/renewals", tag = "lane sessions", request_body = StartRenewal, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 201, body = Revision),
        (status = 400, body = ErrorBody, description = "`VALIDATION_FAILED`: hours other than 6 or 2"),
        (status = 404, body = ErrorBody, description = "no such stay"),
        (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `OUTSIDE_RENEWAL_WINDOW`, `VISIT_CAP_REACHED`, `ALREADY_CHECKED_OUT`, `LANE_BUSY`, `CUSTOMER_BUSY`"))))]
pub async fn start(
    Authed(at, body): Authed<AtRegister, web::Json<StartRenewal>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if !matches!(body.hours, 2 | 6) {
        return Err(AppError::invalid("hours", "A renewal is 6 or 2 hours."));
    }
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let req = Request { staff: at.auth.staff.id, visit: body.visit_id, hours: body.hours };
    let (hub, tz) = (state.hub.clone(), state.settings.tz);
    let applied = state.db(move |c| start::start(c, &hub, &cmd, tz, &req)).await?;
    tracing::info!(lane.id = %at.lane, visit.id = %body.visit_id, hours = body.hours, "renewal started");
    Ok(HttpResponse::Created().json(Revision { rev: applied.rev, session_id: Some(applied.value) }))
}
