//! The counter check-in steps after the session starts (spec/flows.md §1): membership,
//! selection with the hold at lock, quote and payment, signing with the occupancy. Each step is
//! a lane command (`lanes::commands::run`): one transaction, its audit event, fresh views.

pub mod back;
pub mod evidence;
pub mod idempotency;
pub mod identify;
pub mod payment;
pub mod secrets;
pub mod selection;
pub mod signing;

pub use crate::lanes::Config;
