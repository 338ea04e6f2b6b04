//! The screens' entry page, compiled into the binary so `cargo run` needs no Node.
//! (The kiosk-ui build replaces it; see kiosk-ui/README.md.)

use actix_web::HttpResponse;

const INDEX: &str = include_str!("../../static/index.html");

/// `GET /`: the landing page.
pub async fn index() -> HttpResponse {
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(INDEX)
}
