//! The stay lifecycle after check-in: checkout with its late fee, housekeeping (cleaning and
//! out-of-order) and the open stays the due board lists. Renewals (`renewal`) extend a stay on the same unit.
//!
//! Each step is one transaction with optimistic checks on the unit's `version` and an audit
//! event; the rules themselves are pure (`domain::checkout`, `domain::cleaning`).

pub mod checkout;
pub mod cleaning;
pub mod open;
pub mod renewal;
pub mod slip;
pub mod transitions;
pub mod upgrades;
