//! What a checkout does to a stay (spec flows.md §4). Pure: the instant, the last block's end
//! and the unit's kind in; minutes late, the fee, the ban and the unit's next status out.

use chrono::{DateTime, Duration, Utc};

use crate::domain::enums::{InventoryStatus, ResourceType};
use crate::domain::pricing::{LateFee, late_fee};

/// The marker of the system note an unpaid late fee leaves on the customer: shown at the
/// next visit, removed once that visit's agreement is signed.
pub const SYSTEM_NOTE_PREFIX: &str = "[SYSTEM_LATE_FEE_PENDING]";

/// A checkout, decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckoutPlan {
    /// whole minutes past the last block's end (0 when on time or early)
    pub minutes_late: i64,
    /// the late fee and the ban that goes with it
    pub fee: LateFee,
    /// the end of the ban, if any
    pub banned_until: Option<DateTime<Utc>>,
    /// the unit's status once the customer has left
    pub unit_after: InventoryStatus,
}

/// Whole minutes from `ends_at` to `now`, rounded down; 0 when `now` is not past `ends_at`.
pub fn minutes_late(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - ends_at).num_seconds().max(0) / 60
}

/// The checkout at `now` of a stay whose last block ends at `ends_at`, in a unit of `kind`:
/// a room goes to DIRTY, a locker to CLEAN.
pub fn plan(kind: ResourceType, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> CheckoutPlan {
    let minutes_late = minutes_late(ends_at, now);
    let fee = late_fee(minutes_late);
    let banned_until = fee.ban_days.map(|days| now + Duration::days(i64::from(days)));
    let unit_after = match kind {
        ResourceType::Room => InventoryStatus::Dirty,
        ResourceType::Locker => InventoryStatus::Clean,
    };
    CheckoutPlan { minutes_late, fee, banned_until, unit_after }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64, seconds: i64) -> (DateTime<Utc>, DateTime<Utc>) {
        let ends = DateTime::parse_from_rfc3339("2026-12-02T23:30:00Z").map(|t| t.to_utc()).unwrap_or_default();
        (ends, ends + Duration::minutes(minutes) + Duration::seconds(seconds))
    }

    #[test]
    fn the_fee_table_of_the_acceptance() {
        for (minutes, cents, banned) in
            [(29, 0, false), (30, 1500, false), (59, 1500, false), (60, 3500, false), (89, 3500, false), (90, 3500, true)]
        {
            let (ends, now) = at(minutes, 0);
            let p = plan(ResourceType::Room, ends, now);
            assert_eq!((p.minutes_late, p.fee.cents, p.banned_until.is_some()), (minutes, cents, banned), "{minutes} min");
        }
    }

    #[test]
    fn minutes_are_whole_and_rounded_down() {
        let (ends, now) = at(29, 59);
        assert_eq!(minutes_late(ends, now), 29);
        assert_eq!(plan(ResourceType::Room, ends, now).fee.cents, 0);
        let (ends, early) = at(-45, 0);
        assert_eq!(minutes_late(ends, early), 0);
    }

    #[test]
    fn a_ban_lasts_thirty_days_from_the_checkout() {
        let (ends, now) = at(120, 0);
        assert_eq!(plan(ResourceType::Locker, ends, now).banned_until, Some(now + Duration::days(30)));
    }

    #[test]
    fn rooms_go_dirty_and_lockers_clean() {
        let (ends, now) = at(0, 0);
        assert_eq!(plan(ResourceType::Room, ends, now).unit_after, InventoryStatus::Dirty);
        assert_eq!(plan(ResourceType::Locker, ends, now).unit_after, InventoryStatus::Clean);
    }
}
