//! Club-local time windows: the weekday discount window and the locker "weekend".
//!
//! Both take a **club-local** date-time (convert with the club's `Tz` first).

use chrono::{Datelike, NaiveDateTime, Timelike, Weekday};

/// Whether a local time falls in a window that starts at 08:00:00 and ends after 16:00:59.
fn in_day_hours(local: NaiveDateTime) -> bool {
    let (h, m) = (local.hour(), local.minute());
    (8..16).contains(&h) || (h == 16 && m == 0)
}

/// The weekday discount window: Monday to Friday, 08:00:00 through 16:00:59 inclusive.
pub fn in_weekday_window(local: NaiveDateTime) -> bool {
    let weekday = !matches!(local.weekday(), Weekday::Sat | Weekday::Sun);
    weekday && in_day_hours(local)
}

/// Locker weekend pricing: Friday 16:01:00 through Monday 07:59:59.
pub fn is_locker_weekend(local: NaiveDateTime) -> bool {
    match local.weekday() {
        Weekday::Sat | Weekday::Sun => true,
        Weekday::Fri => local.hour() >= 16 && !in_day_hours(local),
        Weekday::Mon => local.hour() < 8,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::test_support::dt;

    // 2026-11-16 is a Monday.
    const CASES: [(&str, bool, bool); 16] = [
        // (local, weekday window, locker weekend)
        ("2026-11-16 07:59:59", false, true),  // Mon before 08:00
        ("2026-11-16 08:00:00", true, false),  // Mon 08:00
        ("2026-11-16 16:00:59", true, false),  // Mon last second of the window
        ("2026-11-16 16:01:00", false, false), // Mon evening
        ("2026-11-17 07:59:59", false, false), // Tue early morning
        ("2026-11-17 12:00:00", true, false),  // Tue midday
        ("2026-11-19 23:59:59", false, false), // Thu night
        ("2026-11-20 07:59:59", false, false), // Fri early morning
        ("2026-11-20 16:00:00", true, false),  // Fri 16:00
        ("2026-11-20 16:00:59", true, false),  // Fri 16:00:59
        ("2026-11-20 16:01:00", false, true),  // Fri 16:01 weekend starts
        ("2026-11-20 23:00:00", false, true),  // Fri night
        ("2026-11-21 12:00:00", false, true),  // Sat
        ("2026-11-22 10:00:00", false, true),  // Sun
        ("2026-11-23 00:00:00", false, true),  // Mon midnight
        ("2026-11-23 08:00:00", true, false),  // Mon 08:00 weekend over
    ];

    #[test]
    fn windows_match_the_spec_edges() {
        for (local, window, weekend) in CASES {
            assert_eq!(in_weekday_window(dt(local)), window, "window at {local}");
            assert_eq!(is_locker_weekend(dt(local)), weekend, "weekend at {local}");
        }
    }

    #[test]
    fn sub_second_parts_do_not_leave_the_window() {
        let t = dt("2026-11-20 16:00:59") + chrono::Duration::milliseconds(999);
        assert!(in_weekday_window(t));
        assert!(!is_locker_weekend(t));
    }
}
