//! Table-driven tests of check-in and renewal quotes in America/Chicago.

use super::*;
use crate::domain::pricing::test_support::{d, utc};
use RentalType::*;
use chrono_tz::America::Chicago;

const ADULT: &str = "1980-01-01";
const YOUTH: &str = "2004-01-01";

fn customer(dob: Option<&str>, until: Option<&str>) -> Customer {
    Customer { dob: dob.map(d), six_month_valid_until: until.map(d) }
}

/// (kind, description, amount) of each line.
fn lines(q: &Quote) -> Vec<Line<'_>> {
    q.line_items.iter().map(|l| (l.kind, l.description.as_str(), l.amount_cents)).collect()
}

fn quote(rental: RentalType, at: &str, c: &Customer, buy: bool, addons: &[AddOn]) -> Quote {
    checkin_quote(&CheckinQuote { rental, at: utc(at), tz: Chicago, customer: c, buy_six_month: buy, addons })
}

#[test]
fn checkin_quotes_use_the_club_zone() {
    let adult = customer(Some(ADULT), None);
    let youth = customer(Some(YOUTH), None);
    let cases = [
        // 2026-11-21T03:30Z is Friday 21:30 in Chicago (Saturday in UTC): locker weekend.
        (Locker, "2026-11-21T03:30:00Z", &adult, 2400),
        // 2026-11-17T02:30Z is Monday 20:30 in Chicago (Tuesday in UTC): weekday evening.
        (Locker, "2026-11-17T02:30:00Z", &adult, 1900),
        // Tuesday 13:59 UTC = 07:59 CST, before the window; 14:00 UTC = 08:00 CST, inside.
        (Standard, "2026-11-17T13:59:59Z", &adult, 3000),
        (Standard, "2026-11-17T14:00:00Z", &adult, 2700),
        // Monday 2026-03-09, the day after DST starts: 13:00Z = 08:00 CDT (would be 07:00 CST).
        (Standard, "2026-03-09T13:00:00Z", &adult, 2700),
        (Locker, "2026-03-09T12:59:59Z", &adult, 2400),
        // Friday 22:00:59Z = 16:00:59 CST; 22:01Z = 16:01.
        (Double, "2026-11-20T22:00:59Z", &adult, 3700),
        (Double, "2026-11-20T22:01:00Z", &adult, 4000),
        (Double, "2026-11-20T22:01:00Z", &youth, 5000),
        (Special, "2026-11-17T15:00:00Z", &adult, 4700),
        (GymLocker, "2026-11-21T18:00:00Z", &adult, 0),
    ];
    for (rental, at, c, want) in cases {
        let q = quote(rental, at, c, false, &[]);
        assert_eq!(q.line_items[0].kind, LineKind::Rental);
        assert_eq!(q.line_items[0].amount_cents, want, "{rental} at {at}");
    }
}

/// (kind, description, amount) of a line.
type Line<'a> = (LineKind, &'a str, i64);

/// (customer, buying six months, add-ons, expected lines, expected total).
type Case<'a> = (Customer, bool, &'a [AddOn], Vec<Line<'a>>, i64);

#[test]
fn line_order_and_totals() {
    let at = "2026-11-17T20:00:00Z"; // Tuesday 14:00 CST, weekday window
    let extras =
        [AddOn { description: "Towel".into(), amount_cents: 300 }, AddOn { description: "Card Payment".into(), amount_cents: -1000 }];
    let room = (LineKind::Rental, "Standard Room", 2700);
    let youth_room = (LineKind::Rental, "Standard Room", 3000);
    let fee = (LineKind::MembershipFee, "Membership Fee", 1300);
    let six = (LineKind::SixMonthMembership, "6 Month Membership", 4300);
    let towel = (LineKind::Addon, "Towel", 300);
    let card = (LineKind::Addon, "Card Payment", -1000);
    let cases: [Case; 9] = [
        (customer(Some(ADULT), None), false, &[], vec![room, fee], 4000),
        (customer(None, None), false, &[], vec![room, fee], 4000),
        (customer(Some(YOUTH), None), false, &[], vec![youth_room], 3000),
        (customer(Some(YOUTH), None), true, &[], vec![youth_room, six], 7300),
        (customer(Some(ADULT), None), true, &[], vec![room, six], 7000),
        (customer(Some(ADULT), Some("2026-11-17")), false, &[], vec![room], 2700),
        (customer(Some(ADULT), Some("2026-11-16")), false, &[], vec![room, fee], 4000),
        (customer(Some(ADULT), Some("2026-11-16")), true, &extras, vec![room, six, towel, card], 6300),
        (customer(Some(ADULT), None), false, &extras, vec![room, fee, towel, card], 3300),
    ];
    for (c, buy, addons, want, total) in cases {
        let q = quote(Standard, at, &c, buy, addons);
        assert_eq!(lines(&q), want, "{c:?} buy={buy}");
        assert_eq!(q.total_cents, total, "{c:?} buy={buy}");
        assert_eq!(q.messages, vec!["No refunds".to_owned()]);
    }
}

#[test]
fn gym_locker_quote_keeps_a_zero_rental_line() {
    let c = customer(Some(ADULT), None);
    let q = quote(GymLocker, "2026-11-21T18:00:00Z", &c, false, &[]);
    let want: Vec<Line> = vec![(LineKind::Rental, "Gym Locker", 0), (LineKind::MembershipFee, "Membership Fee", 1300)];
    assert_eq!((lines(&q), q.total_cents), (want, 1300));
}

#[test]
fn age_and_membership_use_the_chicago_date() {
    // 2026-06-16T03:00Z is still 2026-06-15 22:00 CDT in Chicago.
    let at = "2026-06-16T03:00:00Z";
    let cases = [
        // turns 25 on 06-16: still 24 (youth, no fee) on the Chicago date
        (customer(Some("2001-06-16"), None), 0),
        // membership valid through 06-15 covers the Chicago date
        (customer(Some(ADULT), Some("2026-06-15")), 0),
        (customer(Some(ADULT), Some("2026-06-14")), 1300),
    ];
    for (c, fee) in cases {
        let q = quote(Locker, at, &c, false, &[]);
        let got: i64 = q.line_items.iter().filter(|l| l.kind == LineKind::MembershipFee).map(|l| l.amount_cents).sum();
        assert_eq!(got, fee, "{c:?}");
    }
}

#[test]
fn renewals() {
    let at = utc("2026-11-21T03:30:00Z"); // Friday 21:30 CST
    let adult = customer(Some(ADULT), None);
    let youth = customer(Some(YOUTH), None);
    let renewal = (LineKind::Renewal, "Renewal (2 Hours)", 2000);
    let fee = (LineKind::MembershipFee, "Membership Fee", 1300);
    let six = (LineKind::SixMonthMembership, "6 Month Membership", 4300);
    let cases = [(&adult, false, vec![renewal, fee], 3300), (&youth, false, vec![renewal], 2000), (&adult, true, vec![renewal, six], 6300)];
    for (c, buy, want, total) in cases {
        let q = renewal_quote(2, Special, at, Chicago, c, buy).unwrap();
        assert_eq!((lines(&q), q.total_cents), (want, total), "{c:?} buy={buy}");
    }
    let six_h = renewal_quote(6, Locker, at, Chicago, &adult, false).unwrap();
    let as_checkin = checkin_quote(&CheckinQuote { rental: Locker, at, tz: Chicago, customer: &adult, buy_six_month: false, addons: &[] });
    assert_eq!(six_h, as_checkin);
    assert_eq!(six_h.total_cents, 2400 + 1300);
    for hours in [0, 1, 3, 4, 12] {
        let err = renewal_quote(hours, Locker, at, Chicago, &adult, false);
        assert_eq!(err, Err(PricingError::InvalidRenewalHours(hours)));
    }
}
