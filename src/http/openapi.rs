//! The OpenAPI document, generated from the handlers' annotations so it cannot drift.
//!
//! Security schemes name the principal a route needs (all are sent as a Bearer token or the
//! matching HttpOnly cookie): `staff` (any signed-in staff), `manager`, `register` (staff signed
//! in at the register of the path's lane; on a path without a lane, at any register) and
//! `kiosk` (the device paired to the path's lane).
//! The scope `step_up` marks routes that also need the PIN re-entered within 5 minutes.
//!
//! A handler's annotation lists its success and the refusals only it can give (404 of a
//! record, 409 conflicts, 423, 429). The refusals that follow from the shape of a route are
//! added here, by [`Refusals`], from what the operation declares — so every route lists every
//! status it can answer and none is forgotten in one of fifty annotations:
//!
//! | the operation has | it also answers |
//! |---|---|
//! | a JSON body | 400 (`INVALID_JSON`, `UNSUPPORTED_CONTENT_TYPE`, `VALIDATION_FAILED`), 413 |
//! | path / query / header parameters | 400 (`INVALID_PATH` / `INVALID_QUERY` / `VALIDATION_FAILED`); path: 404 |
//! | a security requirement | 401, and 403 naming the codes of its principals |
//! | method POST or PUT, or a socket | 403 `ORIGIN_NOT_ALLOWED` |
//! | a socket | 400 `NOT_A_WEBSOCKET` (no upgrade headers) |
//! | any database access (all but [`NO_DATABASE`]) | 503 `DATABASE_UNAVAILABLE` |
//!
//! Every refusal's body is the [`ErrorBody`] envelope.

use std::sync::OnceLock;

use actix_web::HttpResponse;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::Ref;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Content, RefOr, Response};
use utoipa::{Modify, OpenApi};

use super::limits::JSON_LIMIT;
use super::wire::ErrorBody;
use super::{
    agreements, audit, auth, checkin_pay, checkin_select, checkin_sign, customer_correct, customers, devices, evidence, housekeeping,
    inventory, lane_sessions, lanes, pages, registers, renewals, reports, signatures, slips, staff, stays, waitlist, ws,
};
use crate::lanes::views::{KioskLaneView, KioskView, LaneEvent, RegisterLaneView, RegisterView};

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(title = "frontdesk", description = "Front desk of a club that rents rooms and lockers by time block."),
    paths(
        pages::club,
        auth::login, auth::me, auth::step_up, auth::logout,
        staff::list, staff::create, staff::deactivate, staff::reset_pin, staff::unlock,
        devices::issue_code, devices::pair, devices::me, devices::list, devices::revoke,
        registers::list, registers::sign_in, registers::sign_out, registers::force_sign_out,
        lanes::list, lanes::get,
        audit::verify, audit::events,
        lane_sessions::view, lane_sessions::start, lane_sessions::set_language, lane_sessions::cancel,
        lane_sessions::close, lane_sessions::acknowledge, lane_sessions::highlight,
        ws::lane, ws::monitor,
        checkin_select::membership, checkin_select::propose, checkin_select::confirm, checkin_select::waitlist, checkin_select::back, checkin_select::swap_hold,
        checkin_pay::addons, checkin_pay::mark_paid, checkin_pay::decline, checkin_pay::bypass,
        checkin_sign::shown, checkin_sign::sign, checkin_sign::assign,
        customers::identify, customers::create, customers::search,
        customer_correct::correct,
        inventory::board, housekeeping::set_status,
        stays::list, stays::check_out,
        renewals::options, renewals::start, slips::get,
        waitlist::list_waitlist, waitlist::make_offer, waitlist::accept_offer, waitlist::pay_upgrade, waitlist::cancel_entry,
        signatures::list, signatures::detail, evidence::certificate, evidence::verify, evidence::export_zip, evidence::export_csv, evidence::export_size,
        agreements::list, agreements::draft, agreements::edit, agreements::activate,
        reports::report,
    ),
    // The socket messages (see the `/ws/...` operations) and the screens' views.
    components(schemas(ErrorBody, KioskLaneView, RegisterLaneView, LaneEvent, KioskView, RegisterView)),
    modifiers(&Principals, &Refusals)
)]
pub struct ApiDoc;

struct Principals;

impl Modify for Principals {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, what) in [
            ("staff", "A signed-in staff member (cookie fd_session or Bearer fds_...)."),
            ("manager", "A signed-in manager. Scope step_up: PIN re-entered within 5 minutes."),
            ("register", "Staff signed in at the register of the path's lane."),
            ("kiosk", "The kiosk paired to the path's lane (cookie fd_device or Bearer fdd_...)."),
        ] {
            let mut scheme = Http::new(HttpAuthScheme::Bearer);
            scheme.description = Some(what.to_owned());
            components.add_security_scheme(name, SecurityScheme::Http(scheme));
        }
    }
}

/// Operations that never touch the database, so never answer 503.
pub const NO_DATABASE: [&str; 1] = ["/api/club"];

/// Routes whose JSON body limit is not [`JSON_LIMIT`] (see `routes.rs`).
pub const BODY_LIMITS: [(&str, usize); 3] = [
    ("/api/lanes/{lane}/session/sign", checkin_sign::SIGN_LIMIT),
    ("/api/agreements", agreements::AGREEMENT_LIMIT),
    ("/api/agreements/{agreement_id}", agreements::AGREEMENT_LIMIT),
];

/// Adds the refusals that follow from an operation's shape (see the module docs).
struct Refusals;

impl Modify for Refusals {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                ("get", &mut item.get),
                ("put", &mut item.put),
                ("post", &mut item.post),
                ("delete", &mut item.delete),
                ("patch", &mut item.patch),
            ];
            for (method, operation) in operations {
                if let Some(operation) = operation.as_mut() {
                    add_refusals(path, method, operation);
                }
            }
        }
    }
}

/// The security schemes an operation accepts, with their scopes.
fn schemes(op: &Operation) -> Vec<(String, Vec<String>)> {
    let requirements = serde_json::to_value(&op.security).unwrap_or_default();
    let alternatives = requirements.as_array().cloned().unwrap_or_default();
    alternatives
        .iter()
        .filter_map(|alt| alt.as_object())
        .flat_map(|alt| alt.iter())
        .map(|(name, scopes)| {
            let scopes = scopes.as_array().map(|s| s.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect()).unwrap_or_default();
            (name.clone(), scopes)
        })
        .collect()
}

fn add_refusals(path: &str, method: &str, op: &mut Operation) {
    let schemes = schemes(op);
    let accepts = |name: &str| schemes.iter().any(|(n, _)| n == name);
    let params = op.parameters.clone().unwrap_or_default();
    let has = |kind: ParameterIn| params.iter().any(|p| p.parameter_in == kind);
    let (body, in_path, in_query, in_header) =
        (op.request_body.is_some(), has(ParameterIn::Path), has(ParameterIn::Query), has(ParameterIn::Header));
    let socket = path.starts_with("/ws/");
    let lane = path.contains("{lane}");

    let mut bad = Vec::new();
    if body {
        bad.push(
            "`INVALID_JSON` (not JSON, or not this shape: unknown fields are refused), `UNSUPPORTED_CONTENT_TYPE` (not \
             `application/json`), `VALIDATION_FAILED` (a value out of range, named in `details.field`)",
        );
    }
    if in_path {
        bad.push("`INVALID_PATH` (a path parameter does not parse)");
    }
    if in_query {
        bad.push("`INVALID_QUERY` (the query string does not parse), `VALIDATION_FAILED` (a parameter out of range, in `details.field`)");
    }
    if in_header {
        bad.push("`VALIDATION_FAILED` (a header out of range, in `details.field`)");
    }
    if socket {
        bad.push("`NOT_A_WEBSOCKET` (a request without the WebSocket upgrade headers)");
    }
    refusal(op, 400, &bad);

    if !schemes.is_empty() {
        refusal(
            op,
            401,
            &["`NOT_AUTHENTICATED` (no credentials), `SESSION_ENDED` (the staff session ended or expired), `DEVICE_NOT_PAIRED` or \
               `DEVICE_REVOKED` (a kiosk token unknown or revoked)"],
        );
    }
    let mut forbidden = Vec::new();
    // a route for staff or for a kiosk refuses the other kind; one for both (a lane's viewer or actor) does not
    let one_kind = !((accepts("staff") || accepts("manager") || accepts("register")) && accepts("kiosk"));
    if !schemes.is_empty() && one_kind {
        forbidden.push("`WRONG_PRINCIPAL` (a kiosk on a staff route, or staff on a kiosk route)");
    }
    if accepts("manager") {
        forbidden.push("`MANAGER_REQUIRED` (staff who is not a manager)");
    }
    if schemes.iter().any(|(_, scopes)| scopes.iter().any(|s| s == "step_up")) {
        forbidden.push("`STEP_UP_REQUIRED` (the PIN was not re-entered in the last 5 minutes)");
    }
    if accepts("register") && lane {
        forbidden.push("`REGISTER_REQUIRED` (not signed in at this lane's register through this login)");
    } else if accepts("register") {
        forbidden.push("`REGISTER_REQUIRED` (not signed in at any register through this login, and not a manager)");
    }
    if accepts("kiosk") && lane {
        forbidden.push("`LANE_SCOPE` (the kiosk of another lane)");
    }
    if method == "post" || method == "put" || socket {
        forbidden.push("`ORIGIN_NOT_ALLOWED` (a cookie-authenticated request from a page of another origin)");
    }
    refusal(op, 403, &forbidden);

    if in_path {
        refusal(op, 404, &["`NOT_FOUND` (no such lane or record, or a path that matches no route)"]);
    }
    if body {
        let limit = BODY_LIMITS.iter().find(|(p, _)| *p == path).map_or(JSON_LIMIT, |(_, limit)| *limit);
        let text = format!("`PAYLOAD_TOO_LARGE` (the body is over {} KiB; `details.limit_bytes`)", limit / 1024);
        refusal(op, 413, &[&text]);
    }
    if !NO_DATABASE.contains(&path) {
        refusal(op, 503, &["`DATABASE_UNAVAILABLE` (the database did not answer in time; try again)"]);
    }
    // What an annotation lists without a body is still the error envelope.
    for (status, response) in op.responses.responses.iter_mut() {
        if let (true, RefOr::T(response)) = (status.starts_with('4') || status.starts_with('5'), response)
            && response.content.is_empty()
        {
            response.content.insert("application/json".into(), error_body());
        }
    }
}

fn error_body() -> Content {
    Content::new(Some(Ref::from_schema_name("ErrorBody")))
}

/// Adds `status` with the generic `codes` (nothing when empty); a response the annotation
/// already lists keeps its own codes after the generic ones.
fn refusal(op: &mut Operation, status: u16, codes: &[&str]) {
    if codes.is_empty() {
        return;
    }
    let generic = codes.join("; ");
    let entry = op.responses.responses.entry(status.to_string()).or_insert_with(|| RefOr::T(Response::new("")));
    if let RefOr::T(response) = entry {
        response.description = match response.description.trim() {
            "" => generic,
            own => format!("{generic}; {own}"),
        };
        if response.content.is_empty() {
            response.content.insert("application/json".into(), error_body());
        }
    }
}

/// `GET /api/openapi.json`
pub async fn document() -> HttpResponse {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let text = DOCUMENT.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_default());
    HttpResponse::Ok().content_type("application/json").body(text.as_str())
}
