//! Time blocks of a visit (spec/pricing.md, flows.md §2 and §4): block ends, the 14-hour cap,
//! the renewal window, minutes late and the rounded-down countdown. Pure UTC arithmetic: a
//! quarter hour in UTC is a quarter hour in every zone the club can use.

use chrono::{DateTime, Duration, Utc};

/// Most hours that may be purchased in one visit (6 + 6 + 2).
pub const VISIT_CAP_HOURS: i32 = 14;

/// Seconds in a quarter hour.
const QUARTER_SECS: i64 = 15 * 60;

/// Minutes either side of the checkout in which a renewal may be bought.
const RENEWAL_WINDOW_MINUTES: i64 = 60;

/// `t + d`, saturating at the representable range instead of panicking.
fn add(t: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    t.checked_add_signed(d).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Rounds up to the next :00/:15/:30/:45; an exact quarter stays, and any sub-second part
/// counts (12:00:00.5 → 12:15).
pub fn round_up_quarter_hour(t: DateTime<Utc>) -> DateTime<Utc> {
    let secs = t.timestamp();
    let exact = secs.rem_euclid(QUARTER_SECS) == 0 && t.timestamp_subsec_nanos() == 0;
    if exact {
        return t;
    }
    let floor = secs - secs.rem_euclid(QUARTER_SECS);
    DateTime::from_timestamp(floor.saturating_add(QUARTER_SECS), 0).unwrap_or(t)
}

/// End of an INITIAL or 6-hour RENEWAL block: start + 6 h, rounded up to the quarter hour.
pub fn six_hour_block_end(start: DateTime<Utc>) -> DateTime<Utc> {
    round_up_quarter_hour(add(start, Duration::hours(6)))
}

/// Hours an INITIAL block buys (and a 6-hour renewal).
pub const INITIAL_BLOCK_HOURS: i32 = 6;

/// The stay a check-in gets when it completes at a given instant: what the INITIAL block
/// records and what the kiosk shows before payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InitialStay {
    /// hours purchased
    pub hours: i32,
    /// the checkout: start + 6 h rounded up to the quarter hour
    pub ends_at: DateTime<Utc>,
}

/// The INITIAL block of a check-in completed at `start` (spec/flows.md §1 step 9).
pub fn initial_stay(start: DateTime<Utc>) -> InitialStay {
    InitialStay { hours: INITIAL_BLOCK_HOURS, ends_at: six_hour_block_end(start) }
}

/// End of a FINAL2H block: exactly 2 h after the previous block's end.
pub fn final2h_end(previous_end: DateTime<Utc>) -> DateTime<Utc> {
    add(previous_end, Duration::hours(2))
}

/// Whether `hours` more may be purchased on a visit that already has `hours_already`
/// purchased hours (rounding does not count) without exceeding [`VISIT_CAP_HOURS`].
pub fn can_purchase(hours_already: i32, hours: i32) -> bool {
    hours > 0 && hours_already >= 0 && hours_already.checked_add(hours).is_some_and(|total| total <= VISIT_CAP_HOURS)
}

/// Whether `now` is within 60 minutes (inclusive) either side of the current `checkout`.
pub fn within_renewal_window(now: DateTime<Utc>, checkout: DateTime<Utc>) -> bool {
    let window = Duration::minutes(RENEWAL_WINDOW_MINUTES);
    let delta = now.signed_duration_since(checkout);
    -window <= delta && delta <= window
}

/// Whole minutes past `ends_at`: floor((now − ends_at) / 60 s), 0 if not late.
pub fn minutes_late(now: DateTime<Utc>, ends_at: DateTime<Utc>) -> i64 {
    (now.signed_duration_since(ends_at).num_seconds() / 60).max(0)
}

/// Minutes left until `ends_at`, rounded down to a multiple of 15 (0 once past).
pub fn countdown_minutes_rounded_down(now: DateTime<Utc>, ends_at: DateTime<Utc>) -> i64 {
    let minutes = (ends_at.signed_duration_since(now).num_seconds() / 60).max(0);
    minutes - minutes % 15
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn quarter_hour_rounding_edges() {
        let cases = [
            ("2026-11-20T12:00:00Z", "2026-11-20T12:00:00Z"),
            ("2026-11-20T12:00:00.5Z", "2026-11-20T12:15:00Z"),
            ("2026-11-20T12:00:00.000000001Z", "2026-11-20T12:15:00Z"),
            ("2026-11-20T12:00:01Z", "2026-11-20T12:15:00Z"),
            ("2026-11-20T12:14:59Z", "2026-11-20T12:15:00Z"),
            ("2026-11-20T12:15:00Z", "2026-11-20T12:15:00Z"),
            ("2026-11-20T12:44:59.999Z", "2026-11-20T12:45:00Z"),
            ("2026-11-20T23:45:01Z", "2026-11-21T00:00:00Z"),
            ("1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z"),
        ];
        for (t, want) in cases {
            assert_eq!(round_up_quarter_hour(utc(t)), utc(want), "{t}");
        }
    }

    #[test]
    fn block_ends() {
        let cases = [
            ("2026-11-20T12:00:00Z", "2026-11-20T18:00:00Z"),
            ("2026-11-20T12:03:00Z", "2026-11-20T18:15:00Z"),
            ("2026-11-20T21:50:00Z", "2026-11-21T04:00:00Z"),
            // across the end of DST in Chicago (2026-11-01 02:00 CDT): 6 real hours
            ("2026-11-01T04:10:00Z", "2026-11-01T10:15:00Z"),
        ];
        for (start, want) in cases {
            assert_eq!(six_hour_block_end(utc(start)), utc(want), "{start}");
        }
        let end = utc("2026-11-20T18:15:00Z");
        assert_eq!(final2h_end(end), utc("2026-11-20T20:15:00Z"));
        assert_eq!(final2h_end(utc("2026-11-20T18:07:30Z")), utc("2026-11-20T20:07:30Z"));
    }

    #[test]
    fn initial_stay_is_six_hours_to_the_next_quarter() {
        let stay = initial_stay(utc("2026-11-20T17:20:05Z"));
        assert_eq!(stay, InitialStay { hours: 6, ends_at: utc("2026-11-20T23:30:00Z") });
        assert_eq!(initial_stay(utc("2026-11-20T17:15:00Z")).ends_at, utc("2026-11-20T23:15:00Z"));
        assert_eq!(initial_stay(utc("2026-11-20T17:15:00Z")).ends_at, six_hour_block_end(utc("2026-11-20T17:15:00Z")));
    }

    #[test]
    fn cap_arithmetic() {
        let cases = [
            (0, 6, true),
            (6, 6, true),
            (12, 2, true),  // 6+6+2
            (14, 2, false), // 6+6+2+2
            (8, 6, true),   // 6+2+6
            (10, 6, false),
            (12, 6, false),
            (14, 0, false),
            (0, -2, false),
            (-6, 6, false),
            (i32::MAX, 2, false),
        ];
        for (already, hours, want) in cases {
            assert_eq!(can_purchase(already, hours), want, "{already}+{hours}");
        }
    }

    #[test]
    fn renewal_window_is_60_minutes_inclusive() {
        let checkout = utc("2026-11-20T18:00:00Z");
        let cases = [
            ("2026-11-20T16:59:59Z", false),
            ("2026-11-20T17:00:00Z", true),
            ("2026-11-20T18:00:00Z", true),
            ("2026-11-20T19:00:00Z", true),
            ("2026-11-20T19:00:00.001Z", false),
        ];
        for (now, want) in cases {
            assert_eq!(within_renewal_window(utc(now), checkout), want, "{now}");
        }
    }

    #[test]
    fn minutes_late_and_countdown() {
        let ends = utc("2026-11-20T18:00:00Z");
        let cases = [
            // (now, minutes late, countdown)
            ("2026-11-20T16:00:00Z", 0, 120),
            ("2026-11-20T17:30:01Z", 0, 15),
            ("2026-11-20T17:30:00Z", 0, 30),
            ("2026-11-20T17:45:00Z", 0, 15),
            ("2026-11-20T17:45:01Z", 0, 0),
            ("2026-11-20T18:00:00Z", 0, 0),
            ("2026-11-20T18:00:59Z", 0, 0),
            ("2026-11-20T18:01:00Z", 1, 0),
            ("2026-11-20T18:29:59Z", 29, 0),
            ("2026-11-20T18:30:00Z", 30, 0),
            ("2026-11-20T19:30:00Z", 90, 0),
        ];
        for (now, late, countdown) in cases {
            assert_eq!(minutes_late(utc(now), ends), late, "late at {now}");
            assert_eq!(countdown_minutes_rounded_down(utc(now), ends), countdown, "countdown {now}");
        }
    }
}
