//! Storage tests: what the database itself guarantees, on SQLite and on PostgreSQL.

#[path = "../support/mod.rs"]
mod support;

mod audit;
mod cli;
mod contention;
mod day;
mod integrity;
mod invariants;
mod migrations;
mod optimistic;
mod soak;
mod upgrades;
mod year;
