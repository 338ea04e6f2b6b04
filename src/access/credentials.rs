//! Reading presented secrets from a request: `Authorization: Bearer <token>` (scripts) or
//! the HttpOnly cookies `fd_session` (staff browsers) and `fd_device` (kiosk tablets).

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time};

use crate::security::token::TokenKind;

/// Cookie carrying a staff session token.
pub const SESSION_COOKIE: &str = "fd_session";
/// Cookie carrying a device token.
pub const DEVICE_COOKIE: &str = "fd_device";

/// The secrets a request carries, sorted by kind.
#[derive(Default, Clone)]
pub struct Credentials {
    /// a staff session token, if any
    pub staff: Option<String>,
    /// a device token, if any
    pub device: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("staff", &self.staff.is_some()).field("device", &self.device.is_some()).finish()
    }
}

impl Credentials {
    /// Collects credentials; a Bearer token wins over a cookie of the same kind.
    pub fn from_request(req: &HttpRequest) -> Self {
        let mut creds = Credentials {
            staff: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
            device: req.cookie(DEVICE_COOKIE).map(|c| c.value().to_owned()),
        };
        let bearer =
            req.headers().get("authorization").and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).map(str::trim);
        match bearer.map(|t| (TokenKind::of(t), t)) {
            Some((Some(TokenKind::StaffSession), t)) => creds.staff = Some(t.to_owned()),
            Some((Some(TokenKind::Device), t)) => creds.device = Some(t.to_owned()),
            // An unknown bearer is kept as a staff token so it is refused as such (401).
            Some((None, t)) => creds.staff = Some(t.to_owned()),
            None => {}
        }
        creds
    }

    /// Whether nothing at all was presented.
    pub fn is_empty(&self) -> bool {
        self.staff.is_none() && self.device.is_none()
    }
}

/// An HttpOnly, SameSite=Strict cookie holding `token` for `max_age`.
pub fn cookie(name: &'static str, token: String, max_age: time::Duration, secure: bool) -> Cookie<'static> {
    Cookie::build(name, token).http_only(true).same_site(SameSite::Strict).secure(secure).path("/").max_age(max_age).finish()
}

/// A cookie that makes the browser forget `name`.
pub fn removal(name: &'static str) -> Cookie<'static> {
    let mut c = Cookie::build(name, "").http_only(true).same_site(SameSite::Strict).path("/").finish();
    c.make_removal();
    c
}
