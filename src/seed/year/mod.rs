//! A generated stretch of club activity for the reports' benchmark (`frontdesk bench
//! --reports`, docs/performance.md) and its test: visits at realistic club-local hours with
//! their check-in sessions, payments, signatures and blocks, renewals, waitlist entries and
//! upgrades, checkouts (some late, their fees paid or added to past-due) and the units'
//! transitions including cleanings, inserted straight into the database in batches. It keeps
//! its own totals so a test can hold the reports to them.

mod club;
mod ending;
mod plan;
mod rng;
mod rows;
mod starts;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::db::DbConn;

pub use club::Club;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// the club's time zone
    pub tz: Tz,
    /// the first club-local day
    pub first_day: NaiveDate,
    /// how many days
    pub days: u32,
    /// visits on an average day (weekends get more, early weekdays fewer)
    pub visits_per_day: u32,
    /// the generator's seed (same seed and club, same rows)
    pub seed: u64,
}

/// What was inserted, in the reports' terms.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Totals {
    /// visits (each checked out)
    pub visits: i64,
    /// PAID payment intents
    pub payments: i64,
    /// their amounts
    pub revenue_cents: i64,
    /// renewals (a second block, session, payment and signature)
    pub renewals: i64,
    /// checkouts with `minutes_late > 0`
    pub late_checkouts: i64,
    /// their minutes late
    pub minutes_late: i64,
    /// their fees (paid or past-due)
    pub late_fee_cents: i64,
    /// agreement signatures
    pub signatures: i64,
    /// measured cleanings (CLEANING then CLEAN)
    pub cleanings: i64,
    /// waitlist entries
    pub waitlist: i64,
    /// of which upgraded and paid
    pub upgrades: i64,
    /// rows inserted, all tables
    pub rows: i64,
}

/// Generates `spec` over the club already in the database (the demo's, see
/// [`crate::seed::demo`]) and inserts it in one transaction.
pub fn seed(conn: &mut DbConn, spec: &Spec) -> Result<Totals, String> {
    let club = Club::load(conn).map_err(|e| format!("reading the club: {e}"))?;
    let (rows, totals) = plan::generate(&club, spec)?;
    rows.insert(conn).map_err(|e| format!("inserting the generated rows: {e}"))?;
    Ok(totals)
}
