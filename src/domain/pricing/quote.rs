//! Check-in and renewal quotes: rental, membership fee, six-month membership, add-ons.
//!
//! The instant is converted to the club's time zone once; the local date-time drives the price
//! windows and the local date drives age and membership validity.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::age::is_youth;
use super::lines::{AddOn, Customer, LineItem, LineKind, PricingError, Quote};
use super::membership::{SIX_MONTH_MEMBERSHIP_CENTS, membership_fee_cents};
use super::rooms_lockers::{rental_description, rental_price_cents};
use crate::domain::enums::RentalType;

/// Price of a 2-hour renewal, before the membership rule.
pub const RENEWAL_2H_CENTS: i64 = 2000;

/// What is being checked in, when, and for whom.
#[derive(Debug, Clone, Copy)]
pub struct CheckinQuote<'a> {
    /// room tier or locker
    pub rental: RentalType,
    /// when the quote is made
    pub at: DateTime<Utc>,
    /// the club's time zone
    pub tz: Tz,
    /// the customer's pricing facts
    pub customer: &'a Customer,
    /// whether a six-month membership is bought with this check-in
    pub buy_six_month: bool,
    /// staff-added items, appended last in this order
    pub addons: &'a [AddOn],
}

/// The "Membership Fee" (if owed) and "6 Month Membership" (if bought) lines.
fn membership_lines(customer: &Customer, local_date: NaiveDate, buy: bool) -> Vec<LineItem> {
    let fee = membership_fee_cents(customer, local_date, buy);
    let mut lines = Vec::with_capacity(2);
    if fee > 0 {
        lines.push(LineItem::new(LineKind::MembershipFee, "Membership Fee", fee));
    }
    if buy {
        let amount = SIX_MONTH_MEMBERSHIP_CENTS;
        lines.push(LineItem::new(LineKind::SixMonthMembership, "6 Month Membership", amount));
    }
    lines
}

/// The quote of a check-in: rental, membership fee, six-month membership, then add-ons.
pub fn checkin_quote(req: &CheckinQuote) -> Quote {
    let local = req.at.with_timezone(&req.tz).naive_local();
    let youth = is_youth(req.customer.dob, local.date());
    let rental = rental_price_cents(req.rental, local, youth);
    let mut lines = vec![LineItem::new(LineKind::Rental, rental_description(req.rental), rental)];
    lines.extend(membership_lines(req.customer, local.date(), req.buy_six_month));
    lines.extend(req.addons.iter().map(|a| LineItem::new(LineKind::Addon, &a.description, a.amount_cents)));
    Quote::from_lines(lines)
}

/// The quote of a renewal: 6 hours is priced as a new check-in (no add-ons); 2 hours is
/// "Renewal (2 Hours)" 2000 plus the daily-fee rule (and 4300 if buying a membership).
///
/// # Errors
/// [`PricingError::InvalidRenewalHours`] for anything but 2 or 6 hours.
pub fn renewal_quote(
    hours: u8,
    rental: RentalType,
    at: DateTime<Utc>,
    tz: Tz,
    customer: &Customer,
    buy_six_month: bool,
) -> Result<Quote, PricingError> {
    match hours {
        6 => Ok(checkin_quote(&CheckinQuote { rental, at, tz, customer, buy_six_month, addons: &[] })),
        2 => {
            let local_date = at.with_timezone(&tz).date_naive();
            let mut lines = vec![LineItem::new(LineKind::Renewal, "Renewal (2 Hours)", RENEWAL_2H_CENTS)];
            lines.extend(membership_lines(customer, local_date, buy_six_month));
            Ok(Quote::from_lines(lines))
        }
        other => Err(PricingError::InvalidRenewalHours(other)),
    }
}

#[cfg(test)]
mod tests;
