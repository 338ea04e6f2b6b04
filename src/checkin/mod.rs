//! The counter check-in steps after the session starts (spec/flows.md §1): membership,
//! selection with the hold at lock, quote and payment, signing with the occupancy. Each step is
//! a lane command (`lanes::commands::run`): one transaction, its audit event, fresh views.

pub mod back;
pub mod board;
pub mod evidence;
pub mod gates;
pub mod idempotency;
pub mod identify;
pub mod inventory;
pub mod payment;
pub mod quote;
pub mod secrets;
pub mod selection;
pub mod signing;

use chrono_tz::Tz;

use self::gates::GymLockerRanges;

/// Club settings the steps need.
#[derive(Debug, Clone)]
pub struct Config {
    /// the club's time zone (prices, dates)
    pub tz: Tz,
    /// membership numbers eligible for a gym locker
    pub gym: GymLockerRanges,
}
