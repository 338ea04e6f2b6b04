//! Check-in steps over HTTP, part 2: add-ons, mark paid, declines, past-due bypass.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::lane_cmd::{CONFLICTS, register_cmd};
use super::lane_sessions::Revision;
use super::validate;
use super::wire::{ErrorBody, PIN_LOCKED, RATE_LIMITED};
use crate::access::extract::{AtRegister, Authed};
use crate::app::AppState;
use crate::checkin::idempotency::Idempotency;
use crate::checkin::payment::{self, Payment, PaymentTaken};
use crate::checkin::quote::StoredAddOn;
use crate::domain::enums::PaymentMethod;
use crate::error::AppError;

/// The add-ons of the quote (replacing the previous list).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetAddOns {
    /// up to 20 items
    #[schema(max_items = 20)]
    pub items: Vec<StoredAddOn>,
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
    for (i, item) in body.items.iter().enumerate() {
        validate::text(&format!("items[{i}].description"), &item.description, 1, 80)?;
        if !(1..=100_000).contains(&item.amount_cents) {
            return Err(AppError::invalid(format!("items[{i}].amount_cents"), "An add-on costs 1 to 100000 cents."));
        }
    }
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let (hub, config, items) = (state.hub.clone(), state.checkin_config(), body.items);
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
    #[schema(min_length = 1, max_length = 100)]
    pub external_reference: Option<String>,
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
    let mut body = body.into_inner();
    // stored as checked: trimmed (the column's CHECK counts the characters as stored)
    body.external_reference =
        body.external_reference.as_deref().map(|r| validate::text("external_reference", r, 1, 100).map(str::to_owned)).transpose()?;
    let raw = serde_json::to_vec(&body).unwrap_or_default();
    let header = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok());
    let key = Idempotency::from_header(header, format!("mark_paid:{}", at.lane), &raw)?;
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let hub = state.hub.clone();
    let answer = state
        .db(move |c| {
            let payment = Payment { method: body.method, external_reference: body.external_reference.as_deref() };
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
    #[schema(min_length = 1, max_length = 200)]
    pub reason: String,
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
    let reason = validate::text("reason", &body.reason, 1, 200)?.to_owned();
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
    #[schema(min_length = 1, max_length = 50)]
    pub manager_login: String,
    /// the manager's PIN (step-up at the register)
    #[schema(pattern = "^[0-9]{6}$", example = "123456")]
    pub pin: String,
    /// refuse unless the lane is at this revision (the quote the employee announced)
    pub expected_rev: Option<i64>,
}

/// A manager lets a customer with a past-due balance choose for themselves (register; the
/// manager's PIN is checked, 403 `MANAGER_PIN_REQUIRED`, 423 when locked).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/past-due-bypass", tag = "check-in", request_body = Bypass, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Revision), (status = 403, body = ErrorBody, description = "`MANAGER_PIN_REQUIRED` (not a manager's login and PIN)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `NOT_BLOCKED`")), (status = 423, body = ErrorBody, description = PIN_LOCKED), (status = 429, body = ErrorBody, description = RATE_LIMITED, headers(("Retry-After" = u64, description = "seconds to wait")))))]
pub async fn bypass(Authed(at, body): Authed<AtRegister, web::Json<Bypass>>, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let login = validate::text("manager_login", &body.manager_login, 1, 50)?.to_owned();
    validate::pin("pin", &body.pin)?;
    let (cmd, hub, pin) = (register_cmd(&at, &state, body.expected_rev), state.hub.clone(), body.into_inner().pin);
    let applied = state.db(move |c| payment::bypass_past_due(c, &hub, &cmd, &login, &pin)).await?;
    Ok(HttpResponse::Ok().json(Revision { rev: applied.rev, session_id: None }))
}
