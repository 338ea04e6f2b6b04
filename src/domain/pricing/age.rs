//! Age from a date of birth, and the youth rule (18–24 inclusive; unknown DOB is not youth).

use chrono::{Datelike, NaiveDate};

/// Youngest age that counts as youth.
pub const YOUTH_MIN_AGE: u32 = 18;

/// Oldest age that counts as youth.
pub const YOUTH_MAX_AGE: u32 = 24;

/// Whole years between `dob` and `on` (0 if `on` is before `dob`).
///
/// A birthday counts from its own day; someone born on 29 February becomes a year older on
/// 1 March in common years.
pub fn age_on(dob: NaiveDate, on: NaiveDate) -> u32 {
    let years = on.year() - dob.year();
    let before_birthday = (on.month(), on.day()) < (dob.month(), dob.day());
    let age = if before_birthday { years - 1 } else { years };
    u32::try_from(age).unwrap_or(0)
}

/// Whether a customer is youth (aged 18 to 24 inclusive) on the club-local date `on`.
pub fn is_youth(dob: Option<NaiveDate>, on: NaiveDate) -> bool {
    dob.map(|dob| age_on(dob, on)).is_some_and(|age| (YOUTH_MIN_AGE..=YOUTH_MAX_AGE).contains(&age))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::test_support::d;

    #[test]
    fn age_counts_whole_years_with_birthday_edges() {
        let cases = [
            ("2000-06-15", "2026-06-14", 25),
            ("2000-06-15", "2026-06-15", 26),
            ("2000-06-15", "2026-06-16", 26),
            ("2000-01-01", "2000-01-01", 0),
            ("2000-01-01", "1999-12-31", 0),
            ("2000-12-31", "2026-01-01", 25),
            // 29 February births: the birthday is 1 March in common years
            ("2004-02-29", "2026-02-28", 21),
            ("2004-02-29", "2026-03-01", 22),
            ("2004-02-29", "2028-02-28", 23),
            ("2004-02-29", "2028-02-29", 24),
        ];
        for (dob, on, want) in cases {
            assert_eq!(age_on(d(dob), d(on)), want, "dob {dob} on {on}");
        }
    }

    #[test]
    fn youth_is_18_through_24_inclusive() {
        let on = d("2026-06-15");
        let cases = [
            (Some("2008-06-16"), false), // 17, turns 18 tomorrow
            (Some("2008-06-15"), true),  // 18 today
            (Some("2001-06-16"), true),  // 24, turns 25 tomorrow
            (Some("2001-06-15"), false), // 25 today
            (Some("1980-01-01"), false),
            (None, false), // unknown DOB
        ];
        for (dob, want) in cases {
            assert_eq!(is_youth(dob.map(d), on), want, "dob {dob:?}");
        }
    }
}
