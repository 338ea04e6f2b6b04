//! The screens: the kiosk-ui build (`static/ui/`, committed, rebuilt and compared by
//! `.ci/run`) compiled into the binary, so `cargo run` needs no Node. Every screen path
//! answers with the same `index.html` (the page picks its screen from the path); hashed files
//! under `/assets/` are cached for a year, the page itself is revalidated every time.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use rust_embed::RustEmbed;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::http::state::AppState;

/// The built screens.
#[derive(RustEmbed)]
#[folder = "static/ui/"]
pub struct Ui;

/// The content type of a built file, from its extension.
fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `GET /`, `/kiosk`, `/register`, `/housekeeping`, `/manager[/…]`, `/slip/{block_id}`: the page.
pub async fn index() -> Result<HttpResponse, AppError> {
    let file = Ui::get("index.html").ok_or(AppError::NotFound { what: "The page" })?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type("index.html")))
        .insert_header((CACHE_CONTROL, "no-cache"))
        .body(file.data.into_owned()))
}

/// `GET /assets/{file}`: one hashed build file.
pub async fn asset(name: web::Path<String>) -> Result<HttpResponse, AppError> {
    let path = format!("assets/{}", name.into_inner());
    let file = Ui::get(&path).ok_or(AppError::NotFound { what: "The file" })?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type(&path)))
        .insert_header((CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(file.data.into_owned()))
}

/// What every screen may know about the club before anyone signs in.
#[derive(Serialize, ToSchema)]
pub struct ClubInfo {
    /// the club's name
    pub name: String,
    /// the IANA zone the screens show times in
    pub time_zone: String,
}

/// The club's name and time zone (public: nothing secret).
#[utoipa::path(get, path = "/api/club", tag = "club", responses((status = 200, body = ClubInfo)))]
pub async fn club(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(ClubInfo { name: state.settings.club_name.clone(), time_zone: state.settings.tz.name().to_owned() })
}
