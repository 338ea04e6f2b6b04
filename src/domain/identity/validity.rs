//! Whether an ID may be used to check in (reference §3.4, flows.md §1 step 1): UNDERAGE when
//! the holder is under 18 (checked first), ID_EXPIRED when the expiry date is before today.
//! Pure: the caller passes today's (UTC) date.

use chrono::{Datelike, NaiveDate};

/// The minimum age to check in.
pub const MINIMUM_AGE: u32 = 18;

/// The earliest date of birth taken as real; anything before is a misread or a typing mistake.
pub const FIRST_BIRTH_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Whether `dob` can be a living customer's date of birth on `today` (1900-01-01 to today).
/// A future date is a mistake, never "under 18".
pub fn birth_date_possible(dob: NaiveDate, today: NaiveDate) -> bool {
    (FIRST_BIRTH_DATE..=today).contains(&dob)
}

/// Why an ID cannot be used to check in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdRefusal {
    /// The holder is younger than [`MINIMUM_AGE`].
    #[error("the customer is under 18 (age {age})")]
    Underage {
        /// whole years on the day checked
        age: u32,
    },
    /// The ID's expiry date has passed.
    #[error("the ID expired on {on}")]
    Expired {
        /// the expiry date printed on the ID
        on: NaiveDate,
    },
}

/// Checks an ID's dates against `today`. A missing date is not checked. The ID is still valid
/// on its expiry date itself.
pub fn check(dob: Option<NaiveDate>, expires_on: Option<NaiveDate>, today: NaiveDate) -> Result<(), IdRefusal> {
    if let Some(dob) = dob {
        let age = age_on(dob, today);
        if age < MINIMUM_AGE {
            return Err(IdRefusal::Underage { age });
        }
    }
    match expires_on {
        Some(on) if on < today => Err(IdRefusal::Expired { on }),
        _ => Ok(()),
    }
}

/// Age in whole years on `on` (0 if `on` is before `dob`). Someone born on 29 February has
/// their birthday on 1 March in common years.
fn age_on(dob: NaiveDate, on: NaiveDate) -> u32 {
    let years = on.year() - dob.year();
    let before_birthday = (on.month(), on.day()) < (dob.month(), dob.day());
    let age = if before_birthday { years - 1 } else { years };
    u32::try_from(age).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_dates_run_from_1900_to_today() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert!(birth_date_possible(FIRST_BIRTH_DATE, today));
        assert!(birth_date_possible(today, today));
        assert!(!birth_date_possible(today.succ_opt().unwrap(), today));
        assert!(!birth_date_possible(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap(), today));
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn age_counts_whole_years() {
        assert_eq!(age_on(date(2000, 6, 15), date(2018, 6, 14)), 17);
        assert_eq!(age_on(date(2000, 6, 15), date(2018, 6, 15)), 18);
        assert_eq!(age_on(date(2000, 6, 15), date(1999, 1, 1)), 0);
    }

    #[test]
    fn feb_29_birthdays_count_from_march_1_in_common_years() {
        let dob = date(2004, 2, 29);
        assert_eq!(age_on(dob, date(2022, 2, 28)), 17);
        assert_eq!(age_on(dob, date(2022, 3, 1)), 18);
        assert_eq!(age_on(dob, date(2024, 2, 28)), 19);
        assert_eq!(age_on(dob, date(2024, 2, 29)), 20);
    }

    #[test]
    fn underage_the_day_before_the_18th_birthday_adult_on_it() {
        let dob = date(2007, 9, 1);
        assert_eq!(check(Some(dob), None, date(2025, 8, 31)), Err(IdRefusal::Underage { age: 17 }));
        assert_eq!(check(Some(dob), None, date(2025, 9, 1)), Ok(()));
    }

    #[test]
    fn feb_29_born_is_underage_on_feb_28_of_the_18th_year() {
        let dob = date(2008, 2, 29);
        assert_eq!(check(Some(dob), None, date(2026, 2, 28)), Err(IdRefusal::Underage { age: 17 }));
        assert_eq!(check(Some(dob), None, date(2026, 3, 1)), Ok(()));
    }

    #[test]
    fn expired_only_after_the_expiry_date() {
        let today = date(2025, 5, 10);
        let dob = Some(date(1980, 1, 1));
        assert_eq!(check(dob, Some(date(2025, 5, 10)), today), Ok(()));
        let refusal = check(dob, Some(date(2025, 5, 9)), today);
        assert_eq!(refusal, Err(IdRefusal::Expired { on: date(2025, 5, 9) }));
    }

    #[test]
    fn underage_is_checked_before_expiry() {
        let refusal = check(Some(date(2010, 1, 1)), Some(date(2020, 1, 1)), date(2025, 1, 1));
        assert_eq!(refusal, Err(IdRefusal::Underage { age: 15 }));
    }

    #[test]
    fn missing_dates_are_not_refused() {
        assert_eq!(check(None, None, date(2025, 1, 1)), Ok(()));
    }

    #[test]
    fn messages_are_readable() {
        assert_eq!(IdRefusal::Underage { age: 17 }.to_string(), "the customer is under 18 (age 17)");
        let expired = IdRefusal::Expired { on: date(2025, 5, 9) };
        assert_eq!(expired.to_string(), "the ID expired on 2025-05-09");
    }
}
