//! Pricing (spec/pricing.md): room and locker prices, the membership fee, check-in and renewal
//! quotes, upgrade fees and late fees. Pure: every function takes the instant, the club's time
//! zone and the customer's facts as parameters; nothing reads a clock or a database.
//!
//! All amounts are integer cents. Time-of-day rules and ages use the **club's** local time.

mod age;
mod fees;
mod lines;
mod membership;
mod quote;
mod rooms_lockers;
mod windows;

pub use age::{YOUTH_MAX_AGE, YOUTH_MIN_AGE, age_on, is_youth};
pub use fees::{LATE_BAN_DAYS, LateFee, late_fee, upgrade_fee_cents};
pub use lines::{AddOn, Customer, LineItem, LineKind, NO_REFUNDS, PricingError, Quote};
pub use membership::{DAILY_MEMBERSHIP_FEE_CENTS, SIX_MONTH_MEMBERSHIP_CENTS, membership_fee_cents, six_month_valid_until};
pub use quote::{CheckinQuote, RENEWAL_2H_CENTS, checkin_quote, renewal_quote};
pub use rooms_lockers::{rental_description, rental_price_cents};
pub use windows::{in_weekday_window, is_locker_weekend};

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers shared by the pricing tests.

    use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

    /// A local date from `"YYYY-MM-DD"`.
    pub fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A local date-time from `"YYYY-MM-DD HH:MM:SS"`.
    pub fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    /// A UTC instant from RFC 3339.
    pub fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }
}
