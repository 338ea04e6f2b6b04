//! Rental prices per 6-hour check-in: the room and locker tables of spec/pricing.md.

use chrono::NaiveDateTime;

use super::windows::{in_weekday_window, is_locker_weekend};
use crate::domain::enums::RentalType;

/// Room prices: (regular, weekday window, youth at any time).
fn room_prices(rental: RentalType) -> Option<(i64, i64, i64)> {
    match rental {
        RentalType::Standard => Some((3000, 2700, 3000)),
        RentalType::Double => Some((4000, 3700, 5000)),
        RentalType::Special => Some((5000, 4700, 5000)),
        RentalType::Locker | RentalType::GymLocker => None,
    }
}

/// A (non-gym) locker's price at a club-local time.
fn locker_price(local: NaiveDateTime, youth: bool) -> i64 {
    match (youth, in_weekday_window(local)) {
        (true, true) => 0,
        (true, false) => 700,
        (false, true) => 1600,
        (false, false) if is_locker_weekend(local) => 2400,
        (false, false) => 1900,
    }
}

/// The price in cents of one 6-hour rental starting at the club-local time `local`.
pub fn rental_price_cents(rental: RentalType, local: NaiveDateTime, youth: bool) -> i64 {
    match (rental, room_prices(rental)) {
        (RentalType::GymLocker, _) => 0,
        (_, Some((_, _, youth_price))) if youth => youth_price,
        (_, Some((_, window, _))) if in_weekday_window(local) => window,
        (_, Some((regular, _, _))) => regular,
        (_, None) => locker_price(local, youth),
    }
}

/// The quote line description of a rental ("Standard Room", "Locker", ...).
pub fn rental_description(rental: RentalType) -> &'static str {
    match rental {
        RentalType::Standard => "Standard Room",
        RentalType::Double => "Double Room",
        RentalType::Special => "Special Room",
        RentalType::Locker => "Locker",
        RentalType::GymLocker => "Gym Locker",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::test_support::dt;
    use RentalType::*;

    const WINDOW: &str = "2026-11-17 10:00:00"; // Tuesday, in the window
    const EVENING: &str = "2026-11-17 20:00:00"; // Tuesday, outside, not weekend
    const WEEKEND: &str = "2026-11-21 12:00:00"; // Saturday

    #[test]
    fn room_table() {
        let cases = [
            (Standard, EVENING, false, 3000),
            (Standard, WINDOW, false, 2700),
            (Standard, WEEKEND, false, 3000),
            (Standard, WINDOW, true, 3000),
            (Standard, EVENING, true, 3000),
            (Double, EVENING, false, 4000),
            (Double, WINDOW, false, 3700),
            (Double, WEEKEND, false, 4000),
            (Double, WINDOW, true, 5000),
            (Double, EVENING, true, 5000),
            (Special, EVENING, false, 5000),
            (Special, WINDOW, false, 4700),
            (Special, WEEKEND, false, 5000),
            (Special, WINDOW, true, 5000),
            (Special, EVENING, true, 5000),
        ];
        for (rental, at, youth, want) in cases {
            assert_eq!(rental_price_cents(rental, dt(at), youth), want, "{rental} {at} youth={youth}");
        }
    }

    #[test]
    fn locker_table_with_edges() {
        let cases = [
            (WINDOW, false, 1600),
            (EVENING, false, 1900),
            ("2026-11-17 07:59:59", false, 1900), // Tue before the window
            ("2026-11-20 16:00:59", false, 1600), // Fri last window second
            ("2026-11-20 16:01:00", false, 2400), // Fri weekend starts
            ("2026-11-22 10:00:00", false, 2400), // Sun
            ("2026-11-23 07:59:00", false, 2400), // Mon 07:59
            ("2026-11-23 08:00:00", false, 1600), // Mon 08:00
            ("2026-11-16 16:01:00", false, 1900), // Mon evening
            (WINDOW, true, 0),
            (EVENING, true, 700),
            (WEEKEND, true, 700),
            ("2026-11-20 16:01:00", true, 700),
        ];
        for (at, youth, want) in cases {
            assert_eq!(rental_price_cents(Locker, dt(at), youth), want, "locker {at} youth={youth}");
        }
    }

    #[test]
    fn gym_locker_is_always_free() {
        for at in [WINDOW, EVENING, WEEKEND] {
            for youth in [false, true] {
                assert_eq!(rental_price_cents(GymLocker, dt(at), youth), 0);
            }
        }
    }

    #[test]
    fn descriptions() {
        let want = ["Locker", "Gym Locker", "Standard Room", "Double Room", "Special Room"];
        let got: Vec<_> = RentalType::ALL.iter().map(|r| rental_description(*r)).collect();
        assert_eq!(got, want);
    }
}
