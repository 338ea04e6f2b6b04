//! Lane sessions shared by a register and a kiosk: role-filtered views, the hub that pushes
//! them to sockets, the lifecycle commands, cross-process notifications and the idle timeout.
//! The database is the truth; the hub only delivers. Below them, the rules that the views and
//! several flows (check-in, stays) share: who may rent what (`gates`), what is free
//! (`inventory`), the board of every unit (`board`).

pub mod admission;
pub mod board;
pub mod commands;
pub mod gates;
pub mod hub;
pub mod idle;
pub mod inventory;
pub mod notify;
pub mod outbox;
pub mod quote;
pub mod stock;
pub mod views;
pub mod waitlist_push;

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
