//! Realtime tests: a real server, real sockets, both databases.

#[path = "../support/mod.rs"]
mod support;

mod server;
mod ws;

mod back;
mod checkin;
mod latency;
mod lifecycle;
mod processes;
mod protocol;
mod resilience;
mod stock;
mod waitlist;

/// Runs an async test body on an actix system.
pub fn block_on<F: std::future::Future>(fut: F) -> F::Output {
    actix_web::rt::System::new().block_on(fut)
}

/// A demo club on `db` with a customer; returns the customer id.
pub fn seeded(db: &support::TestDb) -> frontdesk::db::ids::CustomerId {
    let conn = &mut db.conn();
    frontdesk::seed::demo::seed(conn, server::start_time()).unwrap();
    support::fixtures::customer(conn, "Robin Q. Customer")
}
