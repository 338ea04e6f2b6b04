//! Response headers every answer carries, and one structured log line per request
//! (method, path without query, status, milliseconds; never bodies or credentials).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};

/// The security headers of spec/security.md.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
}

/// Logs each request once it has been answered.
pub async fn log_request(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    let path = req.path().to_owned();
    let mut res = next.call(req).await?;
    let status = res.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(http.method = %method, http.path = %path, http.status = status, elapsed_ms = ms, "{method} {path} -> {status}");
    // API answers are never cached; the screens' files set their own rule (http::pages)
    let name = HeaderName::from_static("cache-control");
    if !res.headers().contains_key(&name) {
        res.headers_mut().insert(name, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
