//! frontdesk: the front desk of a club that rents rooms and lockers by time block.
//!
//! Layout (dependencies point one way: `http` → `domain` + `db`; `db` → `domain`):
//! - [`domain`]: pure rules, no I/O
//! - [`db`]: connections, migrations, schema, one model file per entity, integrity checks
//! - [`http`]: handlers, limits, headers; [`routes`]: the one route table
//! - [`app`]: state and start-up; [`cli`]: the `frontdesk` commands
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod access;
pub mod app;
pub mod checkin;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod http;
pub mod lanes;
pub mod process;
pub mod routes;
pub mod security;
pub mod seed;
pub mod stays;
