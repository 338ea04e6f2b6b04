//! HTTP edge: handlers by resource, request limits and the JSON shape of framework errors.

pub mod health;
pub mod limits;
pub mod pages;
pub mod telemetry;
