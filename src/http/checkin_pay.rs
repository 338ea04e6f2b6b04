//! Check-in steps over HTTP, part 2: add-ons, mark paid, declines, past-due bypass.

use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::lane_cmd::{CONFLICTS, register_cmd};
use super::lane_sessions::Revision;
use super::text::{Input, Lines, Text};
use super::throttle;
use super::web;
use super::wire::{ErrorBody, PIN_LOCKED, RATE_LIMITED};
use crate::access::extract::{AtRegister, Authed};
use crate::checkin::idempotency::Idempotency;
use crate::checkin::payment::{self, Payment, PaymentTaken};
use crate::domain::enums::PaymentMethod;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::quote::StoredAddOn;

/// A retail add-on to put on the quote.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAddOn {
    /// what it is (1–80 characters)
    #[schema(value_type = String)]
    pub description: Input,
    /// price in cents (1–100000)
    pub amount_cents: i64,
}

/// The add-ons of the quote (replacing the previous list).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetAddOns {
    /// up to 20 items
    #[schema(max_items = 20)]
    pub items: Vec<NewAddOn>,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Sets retail add-ons and re-prices the due payment (register).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/addons", tag = "check-in", request_body = SetAddOns, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `PAYMENT_NOT_DUE`"))))]
pub async fn addons(
    Authed(at, body): Authed<AtRegister, web::Json<SetAddOns>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    if body.items.len() > 20 {
        return Err(AppError::invalid("items", "At most 20 add-ons."));
    }
    let mut items = Vec::with_capacity(body.items.len());
    for (i, item) in body.items.iter().enumerate() {
        let description = item.description.text(&format!("items[{i}].description"), 1, 80, Lines::One)?;
        if !(1..=100_000).contains(&item.amount_cents) {
            return Err(AppError::invalid(format!("items[{i}].amount_cents"), "An add-on costs 1 to 100000 cents."));
        }
        items.push(StoredAddOn { description: description.into_string(), amount_cents: item.amount_cents });
    }
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let (hub, config) = (state.hub.clone(), state.checkin_config());
    let applied = state.db(move |c| payment::set_addons(c, &hub, &cmd, &config, &items)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}

/// How the payment was taken.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkPaid {
    /// CASH, CARD or OTHER
    #[schema(value_type = String, example = "CARD")]
    pub method: PaymentMethod,
    /// terminal or receipt reference (1–100 characters)
    #[schema(value_type = Option<String>, min_length = 1, max_length = 100)]
    pub external_reference: Option<Input>,
    /// refuse unless the lane is at this revision (the quote the employee announced)
    pub expected_rev: Option<i64>,
}

/// Marks the due payment as taken (register). Send an `Idempotency-Key` header: a retry with
/// the same key gets the first answer and changes nothing; paying twice is 409 `ALREADY_PAID`.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/payment", tag = "check-in", request_body = MarkPaid, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$"), ("Idempotency-Key" = Option<String>, Header, nullable = false, max_length = 200, description = "a retry with the same key and body gets the first answer (1–200 characters)")),
    responses((status = 200, body = PaymentTaken), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `ALREADY_PAID`, `PAYMENT_NOT_DUE`, `IDEMPOTENCY_KEY_REUSED`"))))]
pub async fn mark_paid(
    Authed(at, body): Authed<AtRegister, web::Json<MarkPaid>>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let reference = body.external_reference.as_ref().map(|r| r.text("external_reference", 1, 100, Lines::One)).transpose()?;
    let raw = serde_json::to_vec(&body).unwrap_or_default();
    let header = Text::header(&req, "Idempotency-Key", 1, 200)?;
    let key = Idempotency::from_header(header.as_deref(), "mark_paid", at.auth.actor(), &raw)?;
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let hub = state.hub.clone();
    let answer = state
        .db(move |c| {
            let payment = Payment { method: body.method, external_reference: reference.as_deref() };
            payment::mark_paid(c, &hub, &cmd, &at.auth, &payment, key.as_ref())
        })
        .await?;
    Ok(HttpResponse::Ok().json(answer))
}

/// A declined card.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Decline {
    /// what the terminal said (staff only; 1–200 characters)
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    pub reason: Input,
    /// refuse unless the lane is at this revision (the quote the employee announced)
    pub expected_rev: Option<i64>,
}

/// Records a declined payment; the reason is shown to staff only (register).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/decline", tag = "check-in", request_body = Decline, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 409, body = ErrorBody, description = CONFLICTS)))]
pub async fn decline(
    Authed(at, body): Authed<AtRegister, web::Json<Decline>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let reason = body.reason.text("reason", 1, 200, Lines::One)?;
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let hub = state.hub.clone();
    let applied = state.db(move |c| payment::decline(c, &hub, &cmd, &reason)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}

/// A manager's credentials, entered at the register.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Bypass {
    /// the manager's login
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub manager_login: Input,
    /// the manager's PIN (step-up at the register)
    #[schema(value_type = String, pattern = "^[0-9]{6}$", example = "123456")]
    pub pin: Input,
    /// refuse unless the lane is at this revision (the quote the employee announced)
    pub expected_rev: Option<i64>,
}

/// A manager lets a customer with a past-due balance choose for themselves (register; the
/// manager's PIN is checked, 403 `MANAGER_PIN_REQUIRED`, 423 when locked).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/past-due-bypass", tag = "check-in", request_body = Bypass, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 403, body = ErrorBody, description = "`MANAGER_PIN_REQUIRED` (not a manager's login and PIN)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `NOT_BLOCKED`")), (status = 423, body = ErrorBody, description = PIN_LOCKED), (status = 429, body = ErrorBody, description = RATE_LIMITED, headers(("Retry-After" = u64, description = "seconds to wait")))))]
pub async fn bypass(
    Authed(at, body): Authed<AtRegister, web::Json<Bypass>>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let login = body.manager_login.text("manager_login", 1, 50, Lines::One)?.into_string();
    let pin = super::validate::pin("pin", &body.pin)?.into_string();
    let (cmd, hub) = (register_cmd(&at, &state, body.expected_rev), state.hub.clone());
    let client = throttle::client_key(&req);
    state.throttle.pin_from(&client, cmd.now)?;
    let (lane, now, name) = (cmd.lane.clone(), cmd.now, login.clone());
    let found = state.db(move |c| payment::bypass_target(c, &lane, &name, client, now)).await?;
    state.throttle.pin_for(&login, now)?;
    let Some((manager, target, hash)) = found else {
        throttle::verify_dummy(&state.pins, pin).await?;
        return Err(payment::manager_pin_required());
    };
    let right = throttle::verify_pin(&state.pins, pin, hash).await?;
    let applied = state.db(move |c| payment::bypass_past_due(c, &hub, &cmd, &manager, &target, right)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}
