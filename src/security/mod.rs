//! Secrets: PIN hashing (issue 3 adds sessions, devices and step-up here).

pub mod pairing_code;
pub mod pin;
pub mod token;
