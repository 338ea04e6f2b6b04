//! The upgrade waitlist's pure rules (spec flows.md §3): a waiting customer's place in the
//! queue of their tier, when a room of that tier is likely to be free for them, and how long
//! an offer holds its room.

use chrono::{DateTime, Duration, Utc};

/// How long a room offered by the background tick is held for the entry.
pub fn tick_hold() -> Duration {
    Duration::minutes(15)
}

/// The least a staff member's offer holds the room from now.
pub fn staff_hold() -> Duration {
    Duration::minutes(10)
}

/// Time to clean a room after its stay ends, added to the ETA.
pub fn cleaning_buffer() -> Duration {
    Duration::minutes(15)
}

/// 1-based place of an entry created at `created_at`: the ACTIVE entries of its tier created
/// before it, plus one. `active_created` lists the creation times of the tier's ACTIVE
/// entries (the entry itself may be among them; it is not older than itself).
pub fn position(created_at: DateTime<Utc>, active_created: &[DateTime<Utc>]) -> i64 {
    active_created.iter().filter(|at| **at < created_at).count() as i64 + 1
}

/// When a room of the tier is likely free for the entry at `position`: the end of the
/// `position`-th soonest-ending occupied block of that tier plus the cleaning buffer; a stay
/// already overdue counts as ending now. `None` when fewer blocks than `position` are
/// occupied (not enough data to say).
pub fn eta(position: i64, occupied_ends: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let n = usize::try_from(position).ok()?.checked_sub(1)?;
    let mut ends: Vec<DateTime<Utc>> = occupied_ends.to_vec();
    ends.sort_unstable();
    ends.get(n).map(|end| (*end).max(now) + cleaning_buffer())
}

/// The expiry of a staff member's offer: the current one, but at least [`staff_hold`] from now.
pub fn staff_offer_expiry(current: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    let floor = now + staff_hold();
    current.map_or(floor, |c| c.max(floor))
}

/// Whole seconds an offer has left (0 once expired).
pub fn seconds_left(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (expires_at - now).num_seconds().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default() + Duration::minutes(minutes)
    }

    #[test]
    fn position_counts_the_older_active_entries() {
        let active = [at(0), at(5), at(10)];
        assert_eq!(position(at(0), &active), 1);
        assert_eq!(position(at(10), &active), 3);
        assert_eq!(position(at(7), &active), 3, "an offered entry (not ACTIVE) still has a place");
        assert_eq!(position(at(1), &[]), 1);
    }

    #[test]
    fn eta_is_the_nth_soonest_end_plus_cleaning() {
        let ends = [at(120), at(30), at(60)];
        assert_eq!(eta(1, &ends, at(0)), Some(at(45)));
        assert_eq!(eta(2, &ends, at(0)), Some(at(75)));
        assert_eq!(eta(3, &ends, at(0)), Some(at(135)));
        assert_eq!(eta(4, &ends, at(0)), None, "not enough occupied rooms to say");
        assert_eq!(eta(0, &ends, at(0)), None);
        assert_eq!(eta(1, &ends, at(50)), Some(at(65)), "an overdue stay counts as ending now");
    }

    #[test]
    fn a_staff_offer_holds_at_least_ten_minutes() {
        assert_eq!(staff_offer_expiry(None, at(0)), at(10));
        assert_eq!(staff_offer_expiry(Some(at(14)), at(0)), at(14), "a longer hold is kept");
        assert_eq!(staff_offer_expiry(Some(at(3)), at(0)), at(10), "a shorter one is extended");
        assert_eq!(seconds_left(at(2), at(0)), 120);
        assert_eq!(seconds_left(at(0), at(2)), 0);
    }
}
