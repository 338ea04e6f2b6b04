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
        .service(
            web::scope("/api")
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
                .route("/lanes/{lane}", get().to(lanes::get))
                .route("/lanes/{lane}/pairing-codes", post().to(devices::issue_code))
                .route("/lanes/{lane}/register/sign-in", post().to(registers::sign_in))
                .route("/lanes/{lane}/register/sign-out", post().to(registers::sign_out))
                .route("/lanes/{lane}/register/force-sign-out", post().to(registers::force_sign_out))
                .route("/registers", get().to(registers::list))
                // lane sessions
                .route("/lanes/{lane}/view", get().to(lane_sessions::view))
                .route("/lanes/{lane}/sessions", post().to(lane_sessions::start))
                .route("/lanes/{lane}/session/language", post().to(lane_sessions::set_language))
                .route("/lanes/{lane}/session/cancel", post().to(lane_sessions::cancel))
                .route("/lanes/{lane}/session/close", post().to(lane_sessions::close))
                .route("/lanes/{lane}/session/acknowledge", post().to(lane_sessions::acknowledge))
                .route("/lanes/{lane}/highlight", post().to(lane_sessions::highlight))
                // customers
                .route("/customers", get().to(customers::search))
                .route("/customers", post().to(customers::create))
                .route("/customers/{customer_id}/corrections", post().to(customer_correct::correct))
                .route("/lanes/{lane}/identify", post().to(customers::identify))
                // check-in steps
                .route("/lanes/{lane}/session/membership", post().to(checkin_select::membership))
                .route("/lanes/{lane}/session/propose", post().to(checkin_select::propose))
                .route("/lanes/{lane}/session/confirm", post().to(checkin_select::confirm))
                .route("/lanes/{lane}/session/waitlist", post().to(checkin_select::waitlist))
                .route("/lanes/{lane}/session/back", post().to(checkin_select::back))
                .route("/lanes/{lane}/session/hold", post().to(checkin_select::swap_hold))
                .route("/lanes/{lane}/session/addons", post().to(checkin_pay::addons))
                .route("/lanes/{lane}/session/payment", post().to(checkin_pay::mark_paid))
                .route("/lanes/{lane}/session/decline", post().to(checkin_pay::decline))
                .route("/lanes/{lane}/session/past-due-bypass", post().to(checkin_pay::bypass))
                .route("/lanes/{lane}/session/agreement-shown", post().to(checkin_sign::shown))
                .service(
                    web::resource("/lanes/{lane}/session/sign")
                        .app_data(limits::json_config_with(checkin_sign::SIGN_LIMIT))
                        .route(post().to(checkin_sign::sign)),
                )
                .route("/lanes/{lane}/session/assign", post().to(checkin_sign::assign))
                // inventory board (staff)
                .route("/inventory", get().to(inventory::board))
                .route("/inventory/status", post().to(housekeeping::set_status))
                .route("/stays", get().to(stays::list))
                .route("/stays/{visit_id}/checkout", post().to(stays::check_out))
                .route("/stays/{visit_id}/renewals", get().to(renewals::options))
                .route("/lanes/{lane}/renewals", post().to(renewals::start))
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
        .default_service(web::to(limits::not_found));
}
