//! Renewals of an open stay (spec/flows.md §2, pricing.md): a 6-hour RENEWAL or the final
//! 2 hours (FINAL2H), bought within 60 minutes either side of the current checkout, starting at
//! that checkout (never at "now"), with at most 14 purchased hours per visit. Pure: the caller
//! reads the stay, this decides; the same judgement answers the register's list of options and
//! the start of a renewal, so the screen never offers what the server would refuse.

use chrono::{DateTime, Duration, Utc};

use super::enums::BlockType;
use super::time_blocks::{self, VISIT_CAP_HOURS};

/// The stay being renewed, as the database has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    /// end of the current (last) block: the checkout
    pub checkout_at: DateTime<Utc>,
    /// hours purchased over all the visit's blocks (rounding does not count)
    pub hours_purchased: i32,
}

/// A renewal the stay allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// 6 or 2
    pub hours: i32,
    /// RENEWAL (6 h) or FINAL2H (2 h)
    pub block_type: BlockType,
    /// the previous checkout
    pub starts_at: DateTime<Utc>,
    /// the new checkout
    pub ends_at: DateTime<Utc>,
}

/// Why a renewal is not allowed (409 with this code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// stable code
    pub code: &'static str,
    /// for the employee
    pub message: String,
}

/// The renewal lengths sold, in the order the register lists them.
pub const HOURS: [i32; 2] = [6, 2];

/// The block a renewal of `hours` would add, ignoring the window and the cap.
pub fn block(hours: i32, checkout_at: DateTime<Utc>) -> Option<Plan> {
    let (block_type, ends_at) = match hours {
        6 => (BlockType::Renewal, time_blocks::six_hour_block_end(checkout_at)),
        2 => (BlockType::Final2h, time_blocks::final2h_end(checkout_at)),
        _ => return None,
    };
    Some(Plan { hours, block_type, starts_at: checkout_at, ends_at })
}

/// Whether `hours` more may be bought on `stay` at `now`, and the block it adds.
pub fn judge(stay: Stay, hours: i32, now: DateTime<Utc>) -> Result<Plan, Refusal> {
    let plan = block(hours, stay.checkout_at)
        .ok_or_else(|| Refusal { code: "INVALID_RENEWAL", message: format!("A renewal is 6 or 2 hours, not {hours}.") })?;
    if !time_blocks::can_purchase(stay.hours_purchased, hours) {
        let left = (VISIT_CAP_HOURS - stay.hours_purchased).max(0);
        return Err(Refusal {
            code: "VISIT_CAP_REACHED",
            message: format!(
                "A visit may buy at most {VISIT_CAP_HOURS} hours; {} are bought, so {hours} more is not possible ({left} left).",
                stay.hours_purchased
            ),
        });
    }
    if !time_blocks::within_renewal_window(now, stay.checkout_at) {
        let opens = stay.checkout_at - Duration::minutes(60);
        let message = if now < opens {
            format!("Renewals open 60 minutes before the checkout time (in {} min).", minutes_until(now, opens))
        } else {
            "Renewals close 60 minutes after the checkout time; this stay must be checked out.".to_owned()
        };
        return Err(Refusal { code: "OUTSIDE_RENEWAL_WINDOW", message });
    }
    Ok(plan)
}

/// Whole minutes from `now` until `then`, rounded up (a refusal never says "0 minutes").
fn minutes_until(now: DateTime<Utc>, then: DateTime<Utc>) -> i64 {
    let secs = then.signed_duration_since(now).num_seconds().max(0);
    (secs + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn stay(hours: i32) -> Stay {
        Stay { checkout_at: utc("2026-11-20T18:15:00Z"), hours_purchased: hours }
    }

    #[test]
    fn six_hours_start_at_the_checkout_and_round_up_two_hours_do_not() {
        let now = utc("2026-11-20T18:00:00Z");
        let six = judge(stay(6), 6, now).unwrap();
        assert_eq!(
            (six.block_type, six.starts_at, six.ends_at),
            (BlockType::Renewal, utc("2026-11-20T18:15:00Z"), utc("2026-11-21T00:15:00Z"))
        );
        let odd = Stay { checkout_at: utc("2026-11-20T18:07:30Z"), hours_purchased: 12 };
        let two = judge(odd, 2, utc("2026-11-20T18:00:00Z")).unwrap();
        assert_eq!((two.block_type, two.ends_at), (BlockType::Final2h, utc("2026-11-20T20:07:30Z")));
        // a 6-hour renewal of an off-quarter checkout rounds up, as a check-in does
        assert_eq!(judge(odd, 6, utc("2026-11-20T18:00:00Z")).unwrap_err().code, "VISIT_CAP_REACHED");
        let odd6 = Stay { hours_purchased: 6, ..odd };
        assert_eq!(judge(odd6, 6, utc("2026-11-20T18:00:00Z")).unwrap().ends_at, utc("2026-11-21T00:15:00Z"));
    }

    #[test]
    fn the_cap_counts_purchased_hours_not_rounded_ones() {
        let now = utc("2026-11-20T18:00:00Z");
        let cases = [(6, 6, true), (6, 2, true), (12, 2, true), (12, 6, false), (14, 2, false), (8, 6, true), (10, 6, false)];
        for (bought, hours, ok) in cases {
            let got = judge(stay(bought), hours, now);
            assert_eq!(got.is_ok(), ok, "{bought}+{hours}");
            if !ok {
                assert_eq!(got.unwrap_err().code, "VISIT_CAP_REACHED");
            }
        }
    }

    #[test]
    fn the_window_is_an_hour_either_side_of_the_checkout() {
        let cases = [
            ("2026-11-20T17:14:00Z", Some("OUTSIDE_RENEWAL_WINDOW")), // 61 minutes before
            ("2026-11-20T17:15:00Z", None),
            ("2026-11-20T19:15:00Z", None),
            ("2026-11-20T19:15:01Z", Some("OUTSIDE_RENEWAL_WINDOW")),
        ];
        for (now, refused) in cases {
            assert_eq!(judge(stay(6), 6, utc(now)).err().map(|r| r.code), refused, "{now}");
        }
        let early = judge(stay(6), 6, utc("2026-11-20T17:14:00Z")).unwrap_err();
        assert!(early.message.contains("(in 1 min)"), "{}", early.message);
    }

    #[test]
    fn only_six_or_two_hours() {
        for hours in [0, 1, 3, 4, 8, -6] {
            assert_eq!(judge(stay(6), hours, utc("2026-11-20T18:00:00Z")).unwrap_err().code, "INVALID_RENEWAL");
        }
    }
}
