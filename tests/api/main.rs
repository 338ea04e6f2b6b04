//! HTTP tests against the real application (routes, middleware, state) on both backends.

#[path = "../support/mod.rs"]
mod support;

mod agreements;
mod audit;
mod auth;
mod back;
mod board;
mod checkin;
mod checkout;
mod client;
mod counter;
mod customers;
mod devices;
mod errors;
mod evidence;
mod flood;
mod health;
mod hostile_text;
mod housekeeping;
mod idempotency;
mod logs;
mod openapi;
mod queries;
mod registers;
mod renewals;
mod reports;
mod reports_month;
mod route_walk;
mod serve;
mod signatures;
mod slips;
mod typed_signing;
mod upgrades;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test;
use frontdesk::app::{self, AppState};
use frontdesk::config::Settings;
use frontdesk::db::pool;

/// Settings for a test app over `url`.
pub fn settings(url: &str) -> Settings {
    let mut settings = Settings::from_env().expect("settings");
    settings.database_url = url.to_owned();
    settings.stock_push_every = std::time::Duration::ZERO;
    settings
}

/// The real app over the database at `url`.
pub async fn app_for(
    url: &str,
) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error> {
    let settings = settings(url);
    let pool = pool::build(url, 4, std::time::Duration::from_secs(2));
    test::init_service(app::build(AppState::new(pool, settings))).await
}

/// Status and JSON body of a response.
pub async fn json_of(resp: ServiceResponse<impl MessageBody>) -> (u16, serde_json::Value) {
    let status = resp.status().as_u16();
    let body = test::read_body(resp).await;
    (status, serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null))
}

/// Runs an async test body on an actix system.
pub fn block_on<F: std::future::Future>(fut: F) -> F::Output {
    actix_web::rt::System::new().block_on(fut)
}

/// A small signature drawn as strokes (the server renders the PNG).
pub fn strokes() -> serde_json::Value {
    let line = |y: f64, t0: f64| {
        (0..30).map(|i| serde_json::json!({ "x": 50.0 + 15.0 * f64::from(i), "y": y + 10.0 * (f64::from(i) / 3.0).sin(), "t": t0 + 16.0 * f64::from(i) })).collect::<Vec<_>>()
    };
    serde_json::json!({ "width": 600.0, "height": 200.0, "strokes": [{ "points": line(80.0, 0.0) }, { "points": line(120.0, 600.0) }] })
}
