//! `/api/stays`: the open stays (the due board) and checkout.

use actix_web::HttpResponse;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::text::{Input, Lines};
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AnyStaff, Authed};
use crate::db::ids::VisitId;
use crate::db::write_tx;
use crate::domain::enums::PaymentMethod;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::notify::{self, Notice};
use crate::lanes::waitlist_push;
use crate::stays::checkout::{self, CheckoutDone, Settlement};
use crate::stays::open::{self, OpenStay};

/// An optional search.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StaysQuery {
    /// up to 50 characters: stays whose unit number or customer's name contains it (any
    /// case); empty means all
    #[param(value_type = Option<String>, max_length = 50)]
    pub q: Option<Input>,
}

/// The due board.
#[derive(Serialize, ToSchema)]
pub struct DueBoard {
    /// when it was read (countdowns start here)
    pub at: DateTime<Utc>,
    /// overdue first (longest overdue on top), then the soonest due
    pub stays: Vec<OpenStay>,
}

/// Every open stay with its checkout time, minutes late and the late fee a checkout now
/// would charge.
#[utoipa::path(get, path = "/api/stays", tag = "stays", security(("staff" = [])), params(StaysQuery),
    responses((status = 200, body = DueBoard)))]
pub async fn list(
    Authed(AnyStaff(_), query): Authed<AnyStaff, web::Query<StaysQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let q = query.q.as_ref().filter(|q| !q.is_blank()).map(|q| q.text("q", 1, 50, Lines::One)).transpose()?;
    let at = state.clock.now();
    let stays = state.db(move |c| Ok(open::list(c, at, q.as_deref())?)).await?;
    Ok(HttpResponse::Ok().json(DueBoard { at, stays }))
}

/// A checkout.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckoutRequest {
    /// how a late fee is settled: PAID (at the desk now, with `method`) or PAST_DUE (added to
    /// the customer's balance); needed only when there is a fee
    pub late_fee: Option<Settlement>,
    /// CASH, CARD or OTHER (with PAID)
    #[schema(value_type = Option<String>, example = "CASH")]
    pub method: Option<PaymentMethod>,
    /// the late fee the screen showed, in cents; when the fee is different now (a minute
    /// passed a step of the table) the checkout is refused with `LATE_FEE_CHANGED`
    #[schema(minimum = 0, maximum = 1_000_000)]
    pub expected_late_fee_cents: Option<i64>,
}

/// Checks the stay out: the visit ends, a room goes to DIRTY and a locker to CLEAN, and the
/// late fee (30–59 min $15, 60–89 $35, ≥ 90 $35 and a 30-day ban) is either paid or added
/// to the past-due balance, never both.
#[utoipa::path(post, path = "/api/stays/{visit_id}/checkout", tag = "stays", request_body = CheckoutRequest, security(("staff" = [])),
    params(("visit_id" = String, Path, format = "uuid")),
    responses((status = 200, body = CheckoutDone),
        (status = 404, body = ErrorBody, description = "no such stay"),
        (status = 409, body = ErrorBody, description = "`ALREADY_CHECKED_OUT` (details: the checkout), `LATE_FEE_DECISION_NEEDED` or `LATE_FEE_CHANGED` (details: minutes_late, late_fee_cents, late_ban), `RENEWAL_IN_PROGRESS` (details: lane_id), `STALE_VERSION`")))]
pub async fn check_out(
    Authed(AnyStaff(auth), (visit, body)): Authed<AnyStaff, (web::Path<VisitId>, web::Json<CheckoutRequest>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if body.expected_late_fee_cents.is_some_and(|c| !(0..=1_000_000).contains(&c)) {
        return Err(AppError::invalid("expected_late_fee_cents", "expected_late_fee_cents must be between 0 and 1000000."));
    }
    let now = state.clock.now();
    let staff = auth.staff.id;
    let (visit, body) = (visit.into_inner(), body.into_inner());
    let hub = state.hub.clone();
    let done = state
        .db(move |c| {
            crate::db::touched::take_waitlist();
            let result = write_tx(c, |c| -> Result<_, AppError> {
                let req = checkout::Request {
                    visit,
                    staff,
                    lane: None,
                    settlement: body.late_fee,
                    method: body.method,
                    expected_fee_cents: body.expected_late_fee_cents,
                };
                let done = checkout::check_out(c, &req, now)?;
                notify::announce(c, &hub, Notice::Stock { force: true })?;
                Ok((done, waitlist_push::announce(c, &hub)?))
            });
            let (done, waitlist) = result.inspect_err(|_| waitlist_push::deliver(&hub, None))?;
            waitlist_push::deliver(&hub, waitlist);
            pushed(hub.stock_changed(c, true));
            Ok(done)
        })
        .await?;
    tracing::info!(visit.id = %done.visit_id, unit = %done.number, minutes_late = done.minutes_late, fee_cents = done.late_fee_cents, "checked out");
    Ok(HttpResponse::Ok().json(done))
}

/// Logs a failed push: the change itself committed, and the next change pushes again.
pub fn pushed(result: Result<(), AppError>) {
    if let Err(err) = result {
        tracing::warn!(error = %err, "cannot push the club's stock");
    }
}
