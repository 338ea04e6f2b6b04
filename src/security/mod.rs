//! Secrets: PIN hashing (on its own bounded threads), bearer tokens, kiosk pairing codes, and
//! the rate limits checked before any PIN is hashed.

pub mod pairing_code;
pub mod pin;
pub mod pin_pool;
pub mod rate_limit;
pub mod token;
