//! Reports for managers (issue 16, docs/reports.md): figures over a range of club-local days,
//! as JSON and as formula-guarded CSV.
//!
//! How a club-local day is found: the range's UTC bounds come from [`club_days`], so the
//! database only filters on one timestamp column (`>= start AND < end`, the same SQL on
//! SQLite's RFC 3339 text and PostgreSQL's TIMESTAMPTZ); each report then reads the few columns
//! it needs and buckets them by the club-local day and hour in Rust with the club's time zone,
//! which needs no backend-specific date functions and stays right across DST changes.
//! Signatures are counted by the database (`GROUP BY` version and language).

pub mod cleaning;
pub mod late_checkouts;
pub mod occupancy;
pub mod revenue;
pub mod signatures;
pub mod stay_length;
pub mod visits;
pub mod waitlist;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::db::DbConn;
use crate::domain::club_days;

/// The longest range a report covers, in days.
pub const MAX_DAYS: i64 = 400;

/// The report names, as in `/api/reports/{name}` and `frontdesk report NAME`.
pub const NAMES: [&str; 8] = ["visits", "revenue", "occupancy", "late_checkouts", "stay_length", "cleaning", "signatures", "waitlist"];

/// Club-local days `from..=to` on the club's clock.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    /// the club's time zone
    pub tz: Tz,
    /// first day
    pub from: NaiveDate,
    /// last day (inclusive)
    pub to: NaiveDate,
}

/// Why a range is refused: the field to name and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct RangeError {
    /// `from` or `to`
    pub field: &'static str,
    /// the words for the person asking
    pub message: String,
}

impl Range {
    /// A range of at most [`MAX_DAYS`] days, `to` not before `from`.
    pub fn new(tz: Tz, from: NaiveDate, to: NaiveDate) -> Result<Self, RangeError> {
        if to < from {
            return Err(RangeError { field: "to", message: "to must not be before from.".into() });
        }
        if (to - from).num_days() + 1 > MAX_DAYS {
            return Err(RangeError { field: "to", message: format!("A report covers at most {MAX_DAYS} days.") });
        }
        Ok(Self { tz, from, to })
    }

    /// `[start of from, start of the day after to)` in UTC.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let (start, end) = club_days::days_range(self.tz, Some(self.from), Some(self.to));
        (start.unwrap_or(DateTime::<Utc>::MIN_UTC), end.unwrap_or(DateTime::<Utc>::MAX_UTC))
    }

    /// Every day of the range, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.from.iter_days().take_while(|d| *d <= self.to).collect()
    }

    /// The club-local day an instant belongs to.
    pub fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    /// The index of `at`'s day in [`Range::days`] (instants come from inside the bounds).
    fn index_of(&self, at: DateTime<Utc>) -> Option<usize> {
        usize::try_from((self.day_of(at) - self.from).num_days()).ok()
    }
}

/// One computed report.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Report {
    /// see [`visits`]
    Visits(visits::Visits),
    /// see [`revenue`]
    Revenue(revenue::Revenue),
    /// see [`late_checkouts`]
    LateCheckouts(late_checkouts::LateCheckouts),
    /// see [`stay_length`]
    StayLength(stay_length::StayLength),
    /// see [`cleaning`]
    Cleaning(cleaning::Cleaning),
    /// see [`signatures`]
    Signatures(signatures::Signatures),
    /// see [`occupancy`]
    Occupancy(occupancy::Occupancy),
    /// see [`waitlist`]
    Waitlist(waitlist::Waitlist),
}

impl Report {
    /// The report as CSV (header line first, a `TOTAL` line last).
    pub fn csv(&self) -> String {
        match self {
            Self::Visits(r) => r.csv(),
            Self::Revenue(r) => r.csv(),
            Self::LateCheckouts(r) => r.csv(),
            Self::StayLength(r) => r.csv(),
            Self::Cleaning(r) => r.csv(),
            Self::Signatures(r) => r.csv(),
            Self::Occupancy(r) => r.csv(),
            Self::Waitlist(r) => r.csv(),
        }
    }
}

/// Computes report `name` over `range` at `now` (stays still open count as occupied until
/// then); `Ok(None)` when there is no such report.
pub fn compute(conn: &mut DbConn, name: &str, range: Range, now: DateTime<Utc>) -> diesel::QueryResult<Option<Report>> {
    Ok(Some(match name {
        "visits" => Report::Visits(visits::compute(conn, range)?),
        "revenue" => Report::Revenue(revenue::compute(conn, range)?),
        "late_checkouts" => Report::LateCheckouts(late_checkouts::compute(conn, range)?),
        "stay_length" => Report::StayLength(stay_length::compute(conn, range)?),
        "cleaning" => Report::Cleaning(cleaning::compute(conn, range)?),
        "signatures" => Report::Signatures(signatures::compute(conn, range)?),
        "occupancy" => Report::Occupancy(occupancy::compute(conn, range, now)?),
        "waitlist" => Report::Waitlist(waitlist::compute(conn, range)?),
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::Chicago;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_are_inclusive_and_bounded() {
        let range = Range::new(Chicago, date("2026-11-20"), date("2026-11-22")).unwrap();
        assert_eq!(range.days().len(), 3);
        assert_eq!(Range::new(Chicago, date("2026-11-20"), date("2026-11-19")).unwrap_err().field, "to");
        assert!(Range::new(Chicago, date("2026-01-01"), date("2027-02-04")).is_ok());
        assert!(Range::new(Chicago, date("2026-01-01"), date("2027-02-05")).is_err());
    }

    #[test]
    fn an_evening_in_chicago_is_that_day_not_utcs_next() {
        let range = Range::new(Chicago, date("2026-11-20"), date("2026-11-21")).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-21T03:30:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(range.day_of(at), date("2026-11-20"));
        assert_eq!(range.index_of(at), Some(0));
    }
}
