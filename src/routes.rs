//! The route table: every endpoint, in one place.

use actix_web::web;

use crate::http::{health, limits, pages};

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(limits::json_config())
        .app_data(limits::path_config())
        .app_data(limits::query_config())
        .route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .route("/", web::get().to(pages::index))
        .default_service(web::to(limits::not_found));
}
