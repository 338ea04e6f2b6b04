//! The limits in front of PIN checks and kiosk pairing, checked before any hashing (429
//! `RATE_LIMITED` with `Retry-After`): the address first, before any database work; the login
//! name after the read-only look-up of the caller's lock. And the PIN verification itself,
//! on the bounded PIN workers.
//!
//! | limit | key | burst | then |
//! |---|---|---|---|
//! | PIN attempts (login, step-up, past-due bypass) | client address | 20 | one per 3 s |
//! | PIN attempts | login name (lower case), known or not | 10 | one per 6 s |
//! | kiosk pairing | client address | 10 | one per 6 s |
//!
//! Keying by the typed login name (not the staff id) answers unknown and known logins alike,
//! so the limit cannot be used to probe which logins exist.

use actix_web::HttpRequest;
use chrono::{DateTime, Duration, Utc};

use crate::error::AppError;
use crate::security::pin;
use crate::security::pin_pool::{PinPool, PoolError};
use crate::security::rate_limit::{Rate, RateLimiter};

/// The limiters of one server process.
#[derive(Debug)]
pub struct Throttle {
    pin_by_address: RateLimiter,
    pin_by_login: RateLimiter,
    pairing_by_address: RateLimiter,
}

impl Default for Throttle {
    fn default() -> Self {
        let rate = |burst, secs| Rate { burst, every: Duration::seconds(secs) };
        Self {
            pin_by_address: RateLimiter::new(rate(20, 3)),
            pin_by_login: RateLimiter::new(rate(10, 6)),
            pairing_by_address: RateLimiter::new(rate(10, 6)),
        }
    }
}

fn limited(wait: Duration) -> AppError {
    AppError::RateLimited { retry_after_secs: u64::try_from(wait.num_seconds().max(1)).unwrap_or(1) }
}

impl Throttle {
    /// One PIN attempt from `client`: checked first, before any database work.
    pub fn pin_from(&self, client: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.pin_by_address.check(client, now).map_err(limited)
    }

    /// One PIN attempt for `login`: checked after the caller's own lock (a locked address
    /// gets 423 without spending the login's attempts, so one stranger cannot starve them)
    /// and before hashing.
    pub fn pin_for(&self, login: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.pin_by_login.check(&login.to_lowercase(), now).map_err(limited)
    }

    /// One pairing attempt from `client`.
    pub fn pairing(&self, client: &str, now: DateTime<Utc>) -> Result<(), AppError> {
        self.pairing_by_address.check(client, now).map_err(limited)
    }
}

/// The caller's address as the key of its limits and lockouts: the TCP peer (never a
/// forwarded header, which any client can write), `unknown` when there is none.
pub fn client_key(req: &HttpRequest) -> String {
    req.peer_addr().map_or_else(|| "unknown".to_owned(), |a| a.ip().to_canonical().to_string())
}

/// Hashes a new PIN on the PIN workers (400 naming `field` if it is not six digits).
pub async fn hash_pin(pins: &PinPool, field: &'static str, pin: String) -> Result<String, AppError> {
    pins.run(move || pin::hash(&pin)).await.map_err(busy)?.map_err(|e| AppError::invalid(field, e.to_string()))
}

fn busy(e: PoolError) -> AppError {
    match e {
        PoolError::Busy => AppError::RateLimited { retry_after_secs: 1 },
        PoolError::Stopped => AppError::Internal("the PIN workers stopped".into()),
    }
}

/// Verifies `pin` against `hash` on the PIN workers; 429 when they are all busy.
pub async fn verify_pin(pins: &PinPool, pin: String, hash: String) -> Result<bool, AppError> {
    pins.run(move || pin::verify(&pin, &hash)).await.map_err(busy)
}

/// The same work as [`verify_pin`] against a hash no PIN matches (unknown logins must cost
/// what known ones cost). The dummy hash is made on a PIN worker too, never on the caller.
pub async fn verify_dummy(pins: &PinPool, pin: String) -> Result<(), AppError> {
    pins.run(move || pin::verify(&pin, crate::access::login::dummy_hash())).await.map(drop).map_err(busy)
}
