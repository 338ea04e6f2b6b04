//! Cross-site request refusal. A browser attaches the HttpOnly cookies to any request for our
//! host, even one a foreign page makes; SameSite=Strict stops that in today's browsers, and
//! this check stops it everywhere: a state-changing request that carries one of our cookies
//! and comes from a foreign `Origin` (or says `Sec-Fetch-Site: cross-site`) is 403
//! `ORIGIN_NOT_ALLOWED`. Requests authenticated by a Bearer token alone (scripts) are not
//! affected. WebSocket upgrades use the same rule for `Origin` (`http::ws`).
//!
//! An origin is ours when it is listed in `FRONTDESK_ALLOWED_ORIGINS` or names the very host
//! the request was sent to (the page was served by this server under that name).

use actix_web::HttpRequest;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;

use crate::access::credentials::{DEVICE_COOKIE, SESSION_COOKIE};
use crate::error::AppError;
use crate::http::state::AppState;

/// Whether `origin` (as sent, without a trailing slash) may act on this server.
pub fn is_ours(req: &HttpRequest, allowed: &[String], origin: &str) -> bool {
    let origin = origin.trim_end_matches('/');
    if allowed.iter().any(|a| a == origin) {
        return true;
    }
    let info = req.connection_info();
    origin == format!("{}://{}", info.scheme(), info.host())
}

/// 403 unless the request's `Origin`, when it has one, is ours.
pub fn check(req: &HttpRequest, allowed: &[String]) -> Result<(), AppError> {
    let foreign_origin = match req.headers().get("origin") {
        Some(value) => !value.to_str().is_ok_and(|origin| is_ours(req, allowed, origin)),
        None => false,
    };
    let cross_site = req.headers().get("sec-fetch-site").is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"));
    if foreign_origin || cross_site {
        Err(AppError::forbidden("ORIGIN_NOT_ALLOWED", "This request comes from a page of another site and was refused."))
    } else {
        Ok(())
    }
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Middleware: cookie-authenticated, state-changing requests must come from our origin.
/// The refusal is answered here (not raised), so the outer layers still log it and add the
/// security headers.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let with_cookie = req.cookie(SESSION_COOKIE).is_some() || req.cookie(DEVICE_COOKIE).is_some();
    if with_cookie && changes_state(req.method()) {
        let allowed = req.app_data::<web::Data<AppState>>().map(|s| s.settings.allowed_origins.clone()).unwrap_or_default();
        if let Err(refusal) = check(req.request(), &allowed) {
            return Ok(req.error_response(refusal).map_into_right_body());
        }
    }
    Ok(next.call(req).await?.map_into_left_body())
}
