//! Secrets: PIN hashing, bearer tokens and kiosk pairing codes.

pub mod pairing_code;
pub mod pin;
pub mod token;
