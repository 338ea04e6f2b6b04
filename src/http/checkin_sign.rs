//! Check-in steps over HTTP, part 3: the agreement on the kiosk, the signature, and assigning a
//! unit when the hold was lost.

use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::user_agent;
use super::lane_cmd::{CONFLICTS, Expect, kiosk_cmd, register_cmd};
use super::text::{Input, Lines, Text};
use super::validate;
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AtRegister, Authed, KioskOf};
use crate::checkin::idempotency::{self, Idempotency};
use crate::checkin::signing::{self, Outcome, Submission};
use crate::db::ids::AgreementId;
use crate::db::models::audit_event::Actor;
use crate::domain::enums::SignatureMethod;
use crate::domain::signature::{self, MAX_TYPED_NAME, MIN_TYPED_NAME, Strokes};
use crate::error::AppError;
use crate::http::state::AppState;

/// Largest signature submission.
pub const SIGN_LIMIT: usize = 1024 * 1024;

/// The answer of agreement-shown.
#[derive(Serialize, ToSchema)]
pub struct AgreementShown {
    /// the lane's revision after the command (unchanged when already recorded)
    pub rev: i64,
    /// this agreement version's showing was already recorded; nothing changed
    pub already_recorded: bool,
}

/// The kiosk reports it displays the agreement (recorded as evidence of what was shown).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/agreement-shown", tag = "check-in", request_body = Expect, security(("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = AgreementShown), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `LANGUAGE_REQUIRED`, `NO_AGREEMENT`"))))]
pub async fn shown(Authed(k, body): Authed<KioskOf, web::Json<Expect>>, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let cmd = kiosk_cmd(&k, &state, body.expected_rev);
    let hub = state.hub.clone();
    let applied = state.db(move |c| signing::shown(c, &hub, &cmd)).await?;
    Ok(HttpResponse::Ok().json(AgreementShown { rev: applied.rev, already_recorded: applied.value }))
}

/// The customer's signature.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    /// the agreement version read (409 `AGREEMENT_CHANGED` if no longer active)
    #[schema(value_type = String, format = "uuid")]
    pub agreement_id: AgreementId,
    /// the consent box was ticked (must be true)
    pub consent: bool,
    /// when it was ticked (kiosk clock, 2000–2100; kept between "shown" and "signed")
    pub consent_at: Option<DateTime<Utc>>,
    /// `canvas.toDataURL('image/png')` or plain base64 PNG
    #[schema(value_type = Option<String>)]
    pub signature_png: Option<Input>,
    /// the drawn strokes (none with TYPED)
    #[schema(value_type = Option<Object>)]
    pub strokes: Option<Strokes>,
    /// DRAWN (the default) or TYPED: the customer typed their full name and confirmed it with
    /// its own button; `signature_png` is then the kiosk's image of the typed name
    #[schema(value_type = Option<String>, example = "TYPED")]
    pub method: Option<SignatureMethod>,
    /// with TYPED only: the full name as typed (2–200 characters); it must be the customer's
    /// name on file in any case, spacing or accents (400 `TYPED_NAME_MISMATCH`)
    #[schema(value_type = Option<String>, min_length = 2, max_length = 200)]
    pub typed_name: Option<Input>,
}

/// The method and typed name of a submission: a typed name exactly with TYPED, and no strokes
/// with it (400 `VALIDATION_FAILED` naming the field).
fn method_of(body: &Sign) -> Result<(SignatureMethod, Option<String>), AppError> {
    let method = body.method.unwrap_or(SignatureMethod::Drawn);
    let typed = body.typed_name.as_ref().map(|n| n.text("typed_name", MIN_TYPED_NAME, MAX_TYPED_NAME, Lines::One)).transpose()?;
    match (method, typed) {
        (SignatureMethod::Drawn, None) => Ok((method, None)),
        (SignatureMethod::Drawn, Some(_)) => Err(AppError::invalid("typed_name", "typed_name is sent only with method TYPED.")),
        (SignatureMethod::Typed, None) => Err(AppError::invalid("typed_name", "Type your full name to sign by typing.")),
        (SignatureMethod::Typed, Some(_)) if body.strokes.is_some() => {
            Err(AppError::invalid("strokes", "A typed signature has no strokes; send the image of the typed name."))
        }
        (SignatureMethod::Typed, Some(name)) => Ok((method, Some(name.into_string()))),
    }
}

fn client_ip(req: &HttpRequest) -> Option<String> {
    req.peer_addr().map(|a| a.ip().to_string())
}

/// Signs the agreement (kiosk; up to 1 MiB). Stores the signature and completes the check-in
/// in one transaction; with a lost hold the session waits for the employee to assign.
#[utoipa::path(post, path = "/api/lanes/{lane}/session/sign", tag = "check-in", request_body = Sign, security(("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$"), ("Idempotency-Key" = Option<String>, Header, nullable = false, max_length = 200, description = "a retry with the same key and body gets the first answer (1–200 characters)")),
    responses((status = 200, body = Outcome), (status = 400, body = ErrorBody, description = "`CONSENT_REQUIRED`, `SIGNATURE_MISSING`, `SIGNATURE_TOO_LARGE`, `SIGNATURE_INVALID_IMAGE`, `SIGNATURE_DIMENSIONS`, `SIGNATURE_BLANK`, `SIGNATURE_STROKES_INVALID`, `TYPED_NAME_MISMATCH`, `VALIDATION_FAILED` (`typed_name` missing with TYPED or sent without it; `strokes` with TYPED)"), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `LANGUAGE_REQUIRED`, `NO_AGREEMENT`, `AGREEMENT_CHANGED` (`details.agreement_id`, `details.version`), `NO_STAFF`, `UNIT_TAKEN`, `IDEMPOTENCY_KEY_REUSED`"))))]
pub async fn sign(
    Authed(k, body): Authed<KioskOf, web::Json<Sign>>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    if !body.consent {
        return Err(AppError::Invalid {
            code: "CONSENT_REQUIRED",
            field: Some("consent".into()),
            message: "Tick the box to agree before signing.".into(),
        });
    }
    let consent_at = body.consent_at.map(|at| validate::timestamp("consent_at", at)).transpose()?;
    let (method, typed_name) = method_of(&body)?;
    let png = body.signature_png.as_ref().map(|p| p.text("signature_png", 0, SIGN_LIMIT, Lines::One)).transpose()?;
    let header = Text::header(&req, "Idempotency-Key", 1, 200)?;
    let (user_agent, ip) = (user_agent(&req), client_ip(&req));
    let cmd = kiosk_cmd(&k, &state, None);
    let (hub, tz, device) = (state.hub.clone(), state.settings.tz, k.device.id);
    let answer = state
        .db(move |c| {
            // checking or drawing the image is CPU work: here, off the async workers
            let mark = signature::accept(png.as_deref(), body.strokes.as_ref()).map_err(|e| AppError::Invalid {
                code: e.code(),
                field: Some("signature".into()),
                message: e.to_string(),
            })?;
            // a drawn signature's fingerprint is as before typed signing
            let raw = match &typed_name {
                None => serde_json::to_vec(&(body.agreement_id, &mark.png_sha256)),
                Some(name) => serde_json::to_vec(&(body.agreement_id, &mark.png_sha256, method, name)),
            }
            .unwrap_or_default();
            let key = Idempotency::from_header(header.as_deref(), "sign", Actor::Device(device), &raw)?;
            let sub = Submission { agreement_id: body.agreement_id, consent_at, mark, method, typed_name, device, user_agent, ip };
            let lane = cmd.lane.clone();
            idempotency::once(key.as_ref(), c, &lane, |c| {
                Ok(signing::sign(c, &hub, &cmd, sub, (tz, crate::stays::renewal::extend::renew), key.as_ref())?.value)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(answer))
}

/// Which unit to assign (optional: the first free one of the locked type).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Assign {
    /// e.g. "214" (1–10 characters)
    #[schema(value_type = Option<String>, min_length = 1, max_length = 10)]
    pub number: Option<Input>,
    /// refuse unless the lane is at this revision
    pub expected_rev: Option<i64>,
}

/// Assigns a unit after a lost hold and completes the check-in (register).
#[utoipa::path(post, path = "/api/lanes/{lane}/session/assign", tag = "check-in", request_body = Assign, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = Outcome), (status = 409, body = ErrorBody, description = format!("{CONFLICTS}; `NO_SELECTION`, `NOT_SIGNED`, `SOLD_OUT`, `UNIT_TAKEN`"))))]
pub async fn assign(Authed(at, body): Authed<AtRegister, web::Json<Assign>>, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let number = body.number.as_ref().map(|n| n.text("number", 1, 10, Lines::One)).transpose()?;
    let cmd = register_cmd(&at, &state, body.expected_rev);
    let (hub, tz) = (state.hub.clone(), state.settings.tz);
    let applied = state.db(move |c| signing::assign(c, &hub, &cmd, tz, number.as_deref())).await?;
    Ok(HttpResponse::Ok().json(applied.value))
}
