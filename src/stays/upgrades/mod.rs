//! Room upgrades for waitlisted customers (spec flows.md §3, issue 14): a background tick
//! offers each newly clean room of a wanted tier to the next entry and holds it; staff can
//! offer a specific room, the customer accepts (a DUE intent of the fixed fee), and the
//! payment moves the customer to the new room on the same block. Every exit path releases the
//! hold. Each step is one write transaction with optimistic checks and its audit events; the
//! rules are pure (`domain::waitlist`, `domain::pricing::upgrade_fee_cents`). See
//! `docs/stays.md` (Upgrades).

pub mod accept;
pub mod cancel;
pub mod intent;
pub mod list;
pub mod offer;
pub mod pay;
pub mod push;
pub mod queue;
pub mod rooms;
pub mod tick;

use crate::db::models::waitlist_entry::Entry;
use crate::domain::enums::WaitlistStatus;
use crate::error::AppError;

/// 404 for an entry that does not exist.
pub fn missing() -> AppError {
    AppError::NotFound { what: "The waitlist entry" }
}

/// 409 for a step that needs an open entry (ACTIVE or OFFERED).
pub fn closed(entry: &Entry) -> AppError {
    let message = match entry.status {
        WaitlistStatus::Completed => "This upgrade is already done.",
        WaitlistStatus::Cancelled => "This waitlist entry was cancelled.",
        _ => "This waitlist entry has ended: the stay is over.",
    };
    if entry.status == WaitlistStatus::Completed {
        AppError::conflict("ALREADY_COMPLETED", message)
    } else {
        AppError::conflict("WAITLIST_CLOSED", message)
    }
}

/// 409 for a change that lost a race with another one on the same entry.
pub fn moved() -> AppError {
    AppError::conflict("STALE_VERSION", "The waitlist entry changed in the meantime; look again.")
}
