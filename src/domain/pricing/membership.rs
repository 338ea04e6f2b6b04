//! The daily membership fee and the six-month membership.

use chrono::{Months, NaiveDate};

use super::age::{YOUTH_MAX_AGE, age_on};
use super::lines::Customer;

/// Daily membership fee for customers aged 25+ (or of unknown age).
pub const DAILY_MEMBERSHIP_FEE_CENTS: i64 = 1300;

/// Price of buying or renewing a six-month membership.
pub const SIX_MONTH_MEMBERSHIP_CENTS: i64 = 4300;

/// Whether the customer holds a six-month membership valid on `local_date` (through its date,
/// inclusive).
fn has_valid_six_month(customer: &Customer, local_date: NaiveDate) -> bool {
    customer.six_month_valid_until.is_some_and(|until| until >= local_date)
}

/// The daily membership fee owed on the club-local date `local_date`: 1300 for age 25+ or
/// unknown, unless a six-month membership is valid that day or one is being bought; else 0.
pub fn membership_fee_cents(customer: &Customer, local_date: NaiveDate, buy_six_month: bool) -> i64 {
    let under_25 = customer.dob.is_some_and(|dob| age_on(dob, local_date) <= YOUTH_MAX_AGE);
    let exempt = buy_six_month || under_25 || has_valid_six_month(customer, local_date);
    if exempt { 0 } else { DAILY_MEMBERSHIP_FEE_CENTS }
}

/// Last valid day of a six-month membership bought on the club-local date given: six calendar
/// months later, clamped to the end of a shorter month (31 August → 28/29 February).
pub fn six_month_valid_until(purchase_local_date: NaiveDate) -> NaiveDate {
    purchase_local_date.checked_add_months(Months::new(6)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::test_support::d;

    fn customer(dob: Option<&str>, until: Option<&str>) -> Customer {
        Customer { dob: dob.map(d), six_month_valid_until: until.map(d) }
    }

    #[test]
    fn daily_fee_rule() {
        let on = "2026-06-15";
        let cases = [
            // (dob, six-month valid until, buying, fee)
            (Some("2001-06-15"), None, false, 1300), // 25 today
            (Some("2001-06-16"), None, false, 0),    // 24
            (Some("2008-06-15"), None, false, 0),    // 18
            (Some("2008-06-16"), None, false, 0),    // 17: known age under 25
            (None, None, false, 1300),               // unknown DOB
            (None, Some("2026-06-15"), false, 0),    // valid on its last day
            (None, Some("2026-06-14"), false, 1300), // expired the day before
            (None, Some("2026-12-01"), false, 0),    // valid
            (Some("1980-01-01"), None, true, 0),     // buying replaces the fee
            (Some("1980-01-01"), Some("2026-01-01"), true, 0),
        ];
        for (dob, until, buy, want) in cases {
            let c = customer(dob, until);
            assert_eq!(membership_fee_cents(&c, d(on), buy), want, "{dob:?} {until:?} buy={buy}");
        }
    }

    #[test]
    fn six_month_validity_clamps_to_month_end() {
        let cases = [
            ("2026-01-15", "2026-07-15"),
            ("2026-08-31", "2027-02-28"),
            ("2027-08-31", "2028-02-29"), // leap year
            ("2026-12-31", "2027-06-30"),
            ("2026-02-28", "2026-08-28"),
        ];
        for (bought, want) in cases {
            assert_eq!(six_month_valid_until(d(bought)), d(want), "bought {bought}");
        }
    }
}
