//! Fixed upgrade fees and late-checkout fees (spec/pricing.md, flows.md §4).

use crate::domain::enums::RentalType;

/// Days of ban for a checkout 90 minutes late or more.
pub const LATE_BAN_DAYS: u32 = 30;

/// The upgrade tier of a rental: GYM_LOCKER counts as LOCKER.
fn tier(rental: RentalType) -> RentalType {
    match rental {
        RentalType::GymLocker => RentalType::Locker,
        other => other,
    }
}

/// The fixed fee in cents for upgrading `from` → `to`, whatever time remains; `None` when the
/// path is refused (same tier, a downgrade, to a locker).
pub fn upgrade_fee_cents(from: RentalType, to: RentalType) -> Option<i64> {
    use RentalType::{Double, Locker, Special, Standard};
    match (tier(from), to) {
        (Locker, Standard) => Some(800),
        (Locker, Double) => Some(1700),
        (Locker, Special) => Some(2700),
        (Standard, Double) => Some(900),
        (Standard, Special) => Some(1900),
        (Double, Special) => Some(900),
        _ => None,
    }
}

/// A late-checkout fee and the ban that goes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateFee {
    /// fee in cents
    pub cents: i64,
    /// days of ban, if any
    pub ban_days: Option<u32>,
}

/// The late fee for a checkout `minutes_late` minutes after the block's end:
/// < 30 → 0; 30–59 → 1500; 60–89 → 3500; ≥ 90 → 3500 and a 30-day ban.
pub fn late_fee(minutes_late: i64) -> LateFee {
    let (cents, ban_days) = match minutes_late {
        i64::MIN..30 => (0, None),
        30..60 => (1500, None),
        60..90 => (3500, None),
        _ => (3500, Some(LATE_BAN_DAYS)),
    };
    LateFee { cents, ban_days }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RentalType::*;

    #[test]
    fn every_upgrade_path() {
        let mut allowed = 0;
        for from in RentalType::ALL {
            for to in RentalType::ALL {
                let want = match (*from, *to) {
                    (Locker | GymLocker, Standard) => Some(800),
                    (Locker | GymLocker, Double) => Some(1700),
                    (Locker | GymLocker, Special) => Some(2700),
                    (Standard, Double) => Some(900),
                    (Standard, Special) => Some(1900),
                    (Double, Special) => Some(900),
                    _ => None,
                };
                allowed += usize::from(want.is_some());
                assert_eq!(upgrade_fee_cents(*from, *to), want, "{from} -> {to}");
            }
        }
        assert_eq!(allowed, 9);
    }

    #[test]
    fn refused_paths_explicitly() {
        let refused = [
            (Standard, Standard),
            (Double, Standard),
            (Special, Double),
            (Standard, Locker),
            (Locker, Locker),
            (Locker, GymLocker),
            (GymLocker, Locker),
            (Special, GymLocker),
        ];
        for (from, to) in refused {
            assert_eq!(upgrade_fee_cents(from, to), None, "{from} -> {to}");
        }
    }

    #[test]
    fn late_fee_tiers() {
        let cases = [
            (-5, 0, None),
            (0, 0, None),
            (29, 0, None),
            (30, 1500, None),
            (59, 1500, None),
            (60, 3500, None),
            (89, 3500, None),
            (90, 3500, Some(30)),
            (600, 3500, Some(30)),
        ];
        for (minutes, cents, ban_days) in cases {
            assert_eq!(late_fee(minutes), LateFee { cents, ban_days }, "{minutes} min late");
        }
    }
}
