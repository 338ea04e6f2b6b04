//! What the customer is offered before paying, priced and timed by the server: the membership
//! options with their price for this customer today, and the stay a rental gives (its hours and
//! checkout if the check-in completed now, by the rule the INITIAL block uses).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::enums::RentalType;
use crate::domain::pricing::{self, Quote};
use crate::domain::time_blocks;
use crate::lanes::gates::MembershipState;

/// ONE_TIME (the daily fee) or SIX_MONTH (buy the membership), priced for this customer today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct MembershipOption {
    /// what to send as the membership choice
    #[schema(example = "ONE_TIME", pattern = "^(ONE_TIME|SIX_MONTH)$")]
    pub choice: String,
    /// what it adds to the check-in (the daily fee is 0 under 25)
    pub price_cents: i64,
    /// SIX_MONTH: the last valid day if bought today (club's date)
    pub valid_until: Option<NaiveDate>,
}

/// The membership options of a customer in `state` on the club-local date `today`: none for a
/// member (nothing to choose), else the daily fee and the six-month membership.
pub fn membership_options(customer: &pricing::Customer, state: MembershipState, today: NaiveDate) -> Vec<MembershipOption> {
    if state == MembershipState::Member {
        return Vec::new();
    }
    vec![
        MembershipOption {
            choice: "ONE_TIME".into(),
            price_cents: pricing::membership_fee_cents(customer, today, false),
            valid_until: None,
        },
        MembershipOption {
            choice: "SIX_MONTH".into(),
            price_cents: pricing::SIX_MONTH_MEMBERSHIP_CENTS,
            valid_until: Some(pricing::six_month_valid_until(today)),
        },
    ]
}

/// The stay on screen before payment: the proposed or locked rental, how long, until when,
/// and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct KioskStay {
    /// the proposed or locked rental
    #[schema(value_type = String, example = "STANDARD")]
    pub rental_type: RentalType,
    /// whether it is locked (the quote is then the one that is due)
    pub locked: bool,
    /// hours the check-in buys
    #[schema(example = 6)]
    pub hours: i32,
    /// the checkout if the check-in completed at the view's time (start + 6 h rounded up to the
    /// quarter hour); the signature's moment sets the real one, shown when done
    pub checkout_at: DateTime<Utc>,
    /// line items and total: the locked quote, or what locking now would price
    #[schema(value_type = Object)]
    pub quote: Quote,
}

/// The stay of `rental` priced by `quote`, completed at `now`.
pub fn stay(rental: RentalType, locked: bool, quote: Quote, now: DateTime<Utc>) -> KioskStay {
    let initial = time_blocks::initial_stay(now);
    KioskStay { rental_type: rental, locked, hours: initial.hours, checkout_at: initial.ends_at, quote }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn non_members_see_the_daily_fee_and_the_six_month_price() {
        let adult = pricing::Customer { dob: Some(d("1980-01-01")), six_month_valid_until: None };
        let options = membership_options(&adult, MembershipState::NonMember, d("2026-08-31"));
        assert_eq!(
            options,
            [
                MembershipOption { choice: "ONE_TIME".into(), price_cents: 1300, valid_until: None },
                MembershipOption { choice: "SIX_MONTH".into(), price_cents: 4300, valid_until: Some(d("2027-02-28")) },
            ]
        );
        let young = pricing::Customer { dob: Some(d("2004-01-01")), six_month_valid_until: None };
        assert_eq!(membership_options(&young, MembershipState::Expired, d("2026-08-31"))[0].price_cents, 0);
        assert!(membership_options(&adult, MembershipState::Member, d("2026-08-31")).is_empty());
    }

    #[test]
    fn the_stay_ends_where_the_initial_block_would() {
        let now = DateTime::parse_from_rfc3339("2026-11-20T17:20:05Z").unwrap().with_timezone(&Utc);
        let quote = Quote::from_lines(Vec::new());
        let stay = stay(RentalType::Standard, false, quote, now);
        assert_eq!((stay.hours, stay.checkout_at), (6, time_blocks::six_hour_block_end(now)));
        assert_eq!(stay.checkout_at.to_rfc3339(), "2026-11-20T23:30:00+00:00");
    }
}
