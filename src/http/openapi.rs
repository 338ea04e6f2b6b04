//! The OpenAPI document, generated from the handlers' annotations so it cannot drift.
//!
//! Security schemes name the principal a route needs (all are sent as a Bearer token or the
//! matching HttpOnly cookie): `staff` (any signed-in staff), `manager`, `register` (staff signed
//! in at the register of the path's lane) and `kiosk` (the device paired to the path's lane).
//! The scope `step_up` marks routes that also need the PIN re-entered within 5 minutes.

use actix_web::HttpResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    audit, auth, checkin_pay, checkin_select, checkin_sign, customers, devices, inventory, lane_sessions, lanes, pages, registers,
    signatures, staff, ws,
};

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
        checkin_select::membership, checkin_select::propose, checkin_select::confirm, checkin_select::waitlist, checkin_select::swap_hold,
        checkin_pay::addons, checkin_pay::mark_paid, checkin_pay::decline, checkin_pay::bypass,
        checkin_sign::shown, checkin_sign::sign, checkin_sign::assign,
        customers::identify, customers::create, customers::search,
        inventory::board,
        signatures::list, signatures::detail,
    ),
    modifiers(&Principals)
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

/// `GET /api/openapi.json`
pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
