//! The route table: every endpoint, in one place. Who may call each one is stated by the
//! principal extractor in the handler's signature (see `access::extract`) and by its
//! `security` in the OpenAPI document.

use actix_web::web::{self, get, post, put};

use crate::http::{
    agreements, audit, auth, checkin_pay, checkin_select, checkin_sign, customer_correct, customers, devices, evidence, health,
    housekeeping, inventory, lane_sessions, lanes, limits, openapi, pages, registers, renewals, reports, signatures, slips, staff, stays,
    waitlist, ws,
};

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(limits::json_config())
        .app_data(limits::path_config())
        .app_data(limits::query_config())
        // before the pages: the API answers most requests
        .service(
            web::scope("/api")
                // first: the lane commands are most of the desk's requests
                .service(lane_scope())
                .route("/openapi.json", get().to(openapi::document))
                .route("/club", get().to(pages::club))
                // staff sessions
                .route("/auth/login", post().to(auth::login))
                .route("/auth/me", get().to(auth::me))
                .route("/auth/step-up", post().to(auth::step_up))
                .route("/auth/logout", post().to(auth::logout))
                // staff accounts (manager)
                .route("/staff", get().to(staff::list))
                .route("/staff", post().to(staff::create))
                .route("/staff/{staff_id}/deactivate", post().to(staff::deactivate))
                .route("/staff/{staff_id}/pin", post().to(staff::reset_pin))
                .route("/staff/{staff_id}/unlock", post().to(staff::unlock))
                // kiosk devices
                .route("/devices/pair", post().to(devices::pair))
                .route("/device", get().to(devices::me))
                .route("/devices", get().to(devices::list))
                .route("/devices/{device_id}/revoke", post().to(devices::revoke))
                // lanes and registers
                .route("/lanes", get().to(lanes::list))
                .route("/registers", get().to(registers::list))
                // customers
                .route("/customers", get().to(customers::search))
                .route("/customers", post().to(customers::create))
                .route("/customers/{customer_id}/corrections", post().to(customer_correct::correct))
                // inventory board (staff)
                .route("/inventory", get().to(inventory::board))
                .route("/inventory/status", post().to(housekeeping::set_status))
                .route("/stays", get().to(stays::list))
                .route("/stays/{visit_id}/checkout", post().to(stays::check_out))
                .route("/stays/{visit_id}/renewals", get().to(renewals::options))
                .route("/slips/{block_id}", get().to(slips::get))
                // upgrade waitlist (staff)
                .route("/waitlist", get().to(waitlist::list_waitlist))
                .route("/waitlist/{waitlist_id}/offer", post().to(waitlist::make_offer))
                .route("/waitlist/{waitlist_id}/accept", post().to(waitlist::accept_offer))
                .route("/waitlist/{waitlist_id}/pay", post().to(waitlist::pay_upgrade))
                .route("/waitlist/{waitlist_id}/cancel", post().to(waitlist::cancel_entry))
                // agreement versions (manager)
                .service(
                    web::resource("/agreements")
                        .app_data(limits::json_config_with(agreements::AGREEMENT_LIMIT))
                        .route(get().to(agreements::list))
                        .route(post().to(agreements::draft)),
                )
                .service(
                    web::resource("/agreements/{agreement_id}")
                        .app_data(limits::json_config_with(agreements::AGREEMENT_LIMIT))
                        .route(put().to(agreements::edit)),
                )
                .route("/agreements/{agreement_id}/activate", post().to(agreements::activate))
                // signed agreements (manager)
                .route("/signatures", get().to(signatures::list))
                .route("/signatures/export.zip", get().to(evidence::export_zip))
                .route("/signatures/export.csv", get().to(evidence::export_csv))
                .route("/signatures/export/size", get().to(evidence::export_size))
                .route("/signatures/verify", post().to(evidence::verify))
                .route("/signatures/{signature_id}/certificate.pdf", get().to(evidence::certificate))
                .route("/signatures/{signature_id}", get().to(signatures::detail))
                // audit log (manager)
                .route("/audit/verify", get().to(audit::verify))
                .route("/audit/events", get().to(audit::events))
                // reports (manager)
                .route("/reports/{name}", get().to(reports::report)),
        )
        .route("/healthz", get().to(health::healthz))
        .route("/readyz", get().to(health::readyz))
        // the screens (kiosk-ui build compiled in)
        .route("/", get().to(pages::index))
        .route("/kiosk", get().to(pages::index))
        .route("/register", get().to(pages::index))
        .route("/housekeeping", get().to(pages::index))
        .route("/manager", get().to(pages::index))
        .route("/manager/{rest:.*}", get().to(pages::index))
        .route("/slip/{block_id}", get().to(pages::index))
        .route("/assets/{file}", get().to(pages::asset))
        .route("/ws/lanes/{lane}", get().to(ws::lane))
        .route("/ws/monitor", get().to(ws::monitor))
        .default_service(web::to(limits::not_found));
}

/// Everything under `/api/lanes/{lane}` in one scope: the router matches the lane once with
/// its pattern, then the rest of the path against plain strings. Registered as separate
/// routes, each of the ≈ 30 lane paths was a regular expression tried in turn for every
/// request (≈ 500 regex searches a request, 6 % of the server's instructions per check-in;
/// docs/performance.md).
fn lane_scope() -> actix_web::Scope {
    web::scope("/lanes/{lane}")
        .route("", get().to(lanes::get))
        .route("/pairing-codes", post().to(devices::issue_code))
        .route("/register/sign-in", post().to(registers::sign_in))
        .route("/register/sign-out", post().to(registers::sign_out))
        .route("/register/force-sign-out", post().to(registers::force_sign_out))
        .route("/view", get().to(lane_sessions::view))
        .route("/sessions", post().to(lane_sessions::start))
        .route("/session/language", post().to(lane_sessions::set_language))
        .route("/session/cancel", post().to(lane_sessions::cancel))
        .route("/session/close", post().to(lane_sessions::close))
        .route("/session/acknowledge", post().to(lane_sessions::acknowledge))
        .route("/highlight", post().to(lane_sessions::highlight))
        .route("/identify", post().to(customers::identify))
        .route("/session/membership", post().to(checkin_select::membership))
        .route("/session/propose", post().to(checkin_select::propose))
        .route("/session/confirm", post().to(checkin_select::confirm))
        .route("/session/waitlist", post().to(checkin_select::waitlist))
        .route("/session/back", post().to(checkin_select::back))
        .route("/session/hold", post().to(checkin_select::swap_hold))
        .route("/session/addons", post().to(checkin_pay::addons))
        .route("/session/payment", post().to(checkin_pay::mark_paid))
        .route("/session/decline", post().to(checkin_pay::decline))
        .route("/session/past-due-bypass", post().to(checkin_pay::bypass))
        .route("/session/agreement-shown", post().to(checkin_sign::shown))
        .service(
            web::resource("/session/sign")
                .app_data(limits::json_config_with(checkin_sign::SIGN_LIMIT))
                .route(post().to(checkin_sign::sign)),
        )
        .route("/session/assign", post().to(checkin_sign::assign))
        .route("/renewals", post().to(renewals::start))
}
