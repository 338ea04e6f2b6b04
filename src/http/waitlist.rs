//! `/api/waitlist`: the upgrade waitlist at the register — the list, a staff offer, the
//! customer's acceptance, the payment that moves them, and a cancellation (step-up).

use actix_web::HttpResponse;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::text::{Input, Lines};
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AnyStaff, Authed};
use crate::db::ids::{PaymentIntentId, WaitlistId};
use crate::domain::enums::{PaymentMethod, WaitlistStatus};
use crate::error::AppError;
use crate::http::state::AppState;
use crate::stays::upgrades::list::{self, Filter, WaitlistEntry};
use crate::stays::upgrades::{accept, cancel, offer, pay, push};

/// Which entries.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct WaitlistQuery {
    /// ACTIVE, OFFERED, COMPLETED, CANCELLED or EXPIRED; absent: the open ones (ACTIVE and
    /// OFFERED)
    #[param(value_type = Option<String>, max_length = 20, example = "ACTIVE")]
    pub status: Option<Input>,
}

/// The list.
#[derive(Serialize, ToSchema)]
pub struct WaitlistList {
    /// when it was read (offers' seconds_left count from here)
    pub at: DateTime<Utc>,
    /// oldest first
    pub entries: Vec<WaitlistEntry>,
}

/// The waitlist with each entry's place in the queue, ETA, current unit, offer and fee.
#[utoipa::path(get, path = "/api/waitlist", tag = "waitlist", security(("staff" = [])), params(WaitlistQuery),
    responses((status = 200, body = WaitlistList)))]
pub async fn list_waitlist(
    Authed(AnyStaff(_), query): Authed<AnyStaff, web::Query<WaitlistQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = match query.status.as_ref().filter(|s| !s.is_blank()) {
        None => Filter::Open,
        Some(raw) => {
            let text = raw.text("status", 1, 20, Lines::One)?;
            let status = text
                .as_str()
                .parse::<WaitlistStatus>()
                .map_err(|_| AppError::invalid("status", "status must be one of ACTIVE, OFFERED, COMPLETED, CANCELLED or EXPIRED."))?;
            Filter::Status(status)
        }
    };
    let at = state.clock.now();
    let entries = state.db(move |c| Ok(list::list(c, at, filter)?)).await?;
    Ok(HttpResponse::Ok().json(WaitlistList { at, entries }))
}

/// A staff offer.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferRequest {
    /// the room's number (1–10 characters)
    #[schema(value_type = String, min_length = 1, max_length = 10, example = "216")]
    pub number: Input,
}

/// Offers a specific CLEAN, free room of the desired tier; the hold lasts at least 10 minutes
/// from now (a longer one is kept). Answers the entry.
#[utoipa::path(post, path = "/api/waitlist/{waitlist_id}/offer", tag = "waitlist", request_body = OfferRequest, security(("staff" = [])),
    params(("waitlist_id" = String, Path, format = "uuid")),
    responses((status = 200, body = WaitlistEntry),
        (status = 404, body = ErrorBody, description = "no such entry or room"),
        (status = 409, body = ErrorBody, description = "`WAITLIST_CLOSED`, `ALREADY_COMPLETED`, `WRONG_TIER`, `OFFERED_ANOTHER_ROOM`, `ROOM_NOT_AVAILABLE`, `ROOM_HELD`, `STALE_VERSION`")))]
pub async fn make_offer(
    Authed(AnyStaff(auth), (id, body)): Authed<AnyStaff, (web::Path<WaitlistId>, web::Json<OfferRequest>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let number = body.number.text("number", 1, 10, Lines::One)?.as_str().to_owned();
    let (id, now, staff, hub) = (id.into_inner(), state.clock.now(), auth.staff.id, state.hub.clone());
    let entry = state
        .db(move |c| {
            push::committed(c, &hub, |c| offer::offer(c, id, &number, staff, now))?;
            Ok(list::one(c, now, id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(entry))
}

/// An acceptance.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    /// the fee the screen showed, in cents; a different fee now is `UPGRADE_FEE_CHANGED`
    #[schema(minimum = 0, maximum = 1_000_000)]
    pub expected_fee_cents: Option<i64>,
}

/// An accepted offer: the intent to pay and the entry.
#[derive(Serialize, ToSchema)]
pub struct AcceptAnswer {
    /// the DUE intent (the same on a repeated acceptance)
    #[schema(value_type = String, format = "uuid")]
    pub payment_intent_id: PaymentIntentId,
    /// the fixed upgrade fee in cents
    pub amount_cents: i64,
    /// the entry
    pub entry: WaitlistEntry,
}

/// The customer accepts the offered room: a DUE payment intent of the fixed upgrade fee.
#[utoipa::path(post, path = "/api/waitlist/{waitlist_id}/accept", tag = "waitlist", request_body = AcceptRequest, security(("staff" = [])),
    params(("waitlist_id" = String, Path, format = "uuid")),
    responses((status = 200, body = AcceptAnswer),
        (status = 404, body = ErrorBody, description = "no such entry"),
        (status = 409, body = ErrorBody, description = "`OFFER_EXPIRED`, `UPGRADE_NOT_ALLOWED`, `UPGRADE_FEE_CHANGED` (details: upgrade_fee_cents), `ALREADY_CHECKED_OUT`, `WAITLIST_CLOSED`, `ALREADY_COMPLETED`")))]
pub async fn accept_offer(
    Authed(AnyStaff(auth), (id, body)): Authed<AnyStaff, (web::Path<WaitlistId>, web::Json<AcceptRequest>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if body.expected_fee_cents.is_some_and(|c| !(0..=1_000_000).contains(&c)) {
        return Err(AppError::invalid("expected_fee_cents", "expected_fee_cents must be between 0 and 1000000."));
    }
    let (id, now, staff, hub, expected) = (id.into_inner(), state.clock.now(), auth.staff.id, state.hub.clone(), body.expected_fee_cents);
    let answer = state
        .db(move |c| {
            let accepted = push::committed(c, &hub, |c| accept::accept(c, id, expected, staff, now))?;
            Ok(AcceptAnswer {
                payment_intent_id: accepted.payment_intent_id,
                amount_cents: accepted.amount_cents,
                entry: list::one(c, now, id)?,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(answer))
}

/// A payment.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PayRequest {
    /// the intent the acceptance gave
    #[schema(value_type = String, format = "uuid")]
    pub payment_intent_id: PaymentIntentId,
    /// CASH, CARD or OTHER
    #[schema(value_type = String, example = "CASH")]
    pub method: PaymentMethod,
}

/// Marks the upgrade paid and moves the customer to the new room on the same block, in one
/// transaction. Answers the (COMPLETED) entry.
#[utoipa::path(post, path = "/api/waitlist/{waitlist_id}/pay", tag = "waitlist", request_body = PayRequest, security(("staff" = [])),
    params(("waitlist_id" = String, Path, format = "uuid")),
    responses((status = 200, body = WaitlistEntry),
        (status = 404, body = ErrorBody, description = "no such entry or payment"),
        (status = 409, body = ErrorBody, description = "`ALREADY_COMPLETED`, `ALREADY_CHECKED_OUT`, `OFFER_EXPIRED`, `ROOM_TAKEN`, `INTENT_MISMATCH`, `INTENT_NOT_DUE`, `UPGRADE_FEE_CHANGED`, `UPGRADE_NOT_ALLOWED`, `WAITLIST_CLOSED`, `STALE_VERSION`; nothing is written")))]
pub async fn pay_upgrade(
    Authed(AnyStaff(auth), (id, body)): Authed<AnyStaff, (web::Path<WaitlistId>, web::Json<PayRequest>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let payment = pay::Payment { entry: id.into_inner(), intent: body.payment_intent_id, method: body.method, staff: auth.staff.id };
    let (now, hub) = (state.clock.now(), state.hub.clone());
    let entry = state
        .db(move |c| {
            let number = push::committed(c, &hub, |c| pay::pay(c, &payment, now))?;
            tracing::info!(waitlist.id = %payment.entry, room = %number, "upgrade completed");
            Ok(list::one(c, now, payment.entry)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(entry))
}

/// A cancellation.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelRequest {
    /// why (1–500 characters); default `STAFF`
    #[schema(value_type = Option<String>, min_length = 1, max_length = 500)]
    pub reason: Option<Input>,
}

/// Cancels the entry (needs the PIN re-entered within 5 minutes): its hold is released and a
/// DUE upgrade intent cancelled. Answers the entry.
#[utoipa::path(post, path = "/api/waitlist/{waitlist_id}/cancel", tag = "waitlist", request_body = CancelRequest, security(("staff" = ["step_up"])),
    params(("waitlist_id" = String, Path, format = "uuid")),
    responses((status = 200, body = WaitlistEntry),
        (status = 404, body = ErrorBody, description = "no such entry"),
        (status = 409, body = ErrorBody, description = "`WAITLIST_CLOSED`, `ALREADY_COMPLETED`, `STALE_VERSION`")))]
pub async fn cancel_entry(
    Authed(AnyStaff(auth), (id, body)): Authed<AnyStaff, (web::Path<WaitlistId>, web::Json<CancelRequest>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let reason = body.reason.as_ref().filter(|r| !r.is_blank()).map(|r| r.text("reason", 1, 500, Lines::Many)).transpose()?;
    let now = state.clock.now();
    auth.require_step_up(now)?;
    let (id, staff, hub) = (id.into_inner(), auth.staff.id, state.hub.clone());
    let entry = state
        .db(move |c| {
            push::committed(c, &hub, |c| cancel::cancel(c, id, reason.as_deref(), staff, now))?;
            Ok(list::one(c, now, id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(entry))
}
