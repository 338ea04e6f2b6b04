//! Quote data: line items, the quote snapshot (stored as JSON), the customer's pricing facts,
//! add-ons and pricing errors.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The one message every quote carries.
pub const NO_REFUNDS: &str = "No refunds";

/// What a quote line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LineKind {
    /// the room or locker
    Rental,
    /// the daily membership fee
    MembershipFee,
    /// a six-month membership bought with this quote
    SixMonthMembership,
    /// an item added by staff
    Addon,
    /// a 2-hour renewal
    Renewal,
}

/// One line of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    /// what the line is for
    pub kind: LineKind,
    /// text shown to the customer and staff
    pub description: String,
    /// amount in cents (negative for a credit)
    pub amount_cents: i64,
}

impl LineItem {
    /// A line of the given kind.
    pub fn new(kind: LineKind, description: &str, amount_cents: i64) -> Self {
        Self { kind, description: description.to_owned(), amount_cents }
    }
}

/// A priced quote, snapshotted into the payment intent and the lane session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// lines in display order
    pub line_items: Vec<LineItem>,
    /// sum of the lines, in cents
    pub total_cents: i64,
    /// messages shown with the quote
    pub messages: Vec<String>,
}

impl Quote {
    /// A quote of these lines, totalled, with the "No refunds" message.
    pub fn from_lines(line_items: Vec<LineItem>) -> Self {
        let total_cents = line_items.iter().fold(0i64, |sum, l| sum.saturating_add(l.amount_cents));
        Self { line_items, total_cents, messages: vec![NO_REFUNDS.to_owned()] }
    }
}

/// The facts about a customer that pricing needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Customer {
    /// date of birth, if known
    pub dob: Option<NaiveDate>,
    /// last valid day of a SIX_MONTH membership, if the customer holds one
    pub six_month_valid_until: Option<NaiveDate>,
}

/// An extra item added to a quote by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddOn {
    /// text of the line
    pub description: String,
    /// amount in cents
    pub amount_cents: i64,
}

/// Why a price cannot be given.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum PricingError {
    /// renewals are sold in 2 or 6 hours only
    #[error("a renewal is 2 or 6 hours, not {0}")]
    InvalidRenewalHours(u8),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_screaming_snake_case() {
        let cases = [
            (LineKind::Rental, "\"RENTAL\""),
            (LineKind::MembershipFee, "\"MEMBERSHIP_FEE\""),
            (LineKind::SixMonthMembership, "\"SIX_MONTH_MEMBERSHIP\""),
            (LineKind::Addon, "\"ADDON\""),
            (LineKind::Renewal, "\"RENEWAL\""),
        ];
        for (kind, json) in cases {
            assert_eq!(serde_json::to_string(&kind).unwrap(), json);
            assert_eq!(serde_json::from_str::<LineKind>(json).unwrap(), kind);
        }
    }

    #[test]
    fn a_quote_totals_its_lines_and_round_trips_through_json() {
        let quote =
            Quote::from_lines(vec![LineItem::new(LineKind::Rental, "Locker", 1900), LineItem::new(LineKind::Addon, "Card Payment", -500)]);
        assert_eq!(quote.total_cents, 1400);
        assert_eq!(quote.messages, vec!["No refunds".to_owned()]);
        let json = serde_json::to_string(&quote).unwrap();
        assert!(json.contains("\"line_items\":[{\"kind\":\"RENTAL\",\"description\":\"Locker\""));
        assert_eq!(serde_json::from_str::<Quote>(&json).unwrap(), quote);
    }
}
