//! `waitlist`: upgrade demand and conversion. The entries put on the upgrade waitlist in the
//! range (by the club-local day of `created_at`), per tier waited for: how many were offered a
//! room at least once, how many became a paid upgrade (`COMPLETED`), were cancelled, expired,
//! or are still waiting, and the conversion (completed per hundred created, rounded half up).
//! An entry stays on the day it was created whatever happened to it later.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use super::stay_length::average;
use crate::db::DbConn;
use crate::db::schema::waitlist;
use crate::db::sql_types::Ts;
use crate::domain::csv::line;
use crate::domain::enums::{RoomType, WaitlistStatus};

/// Entries in one group.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Demand {
    /// entries created
    pub created: i64,
    /// of those, offered a room at least once
    pub offered: i64,
    /// of those, upgraded and paid (`COMPLETED`)
    pub completed: i64,
    /// taken off the list (`CANCELLED`)
    pub cancelled: i64,
    /// ended without an upgrade when the stay ended (`EXPIRED`)
    pub expired: i64,
    /// still `ACTIVE` or `OFFERED`
    pub waiting: i64,
    /// `completed * 100 / created`, rounded half up (0 without entries)
    pub conversion_percent: i64,
}

impl Demand {
    fn add(&mut self, status: WaitlistStatus, offered: bool) {
        self.created += 1;
        self.offered += i64::from(offered);
        match status {
            WaitlistStatus::Completed => self.completed += 1,
            WaitlistStatus::Cancelled => self.cancelled += 1,
            WaitlistStatus::Expired => self.expired += 1,
            WaitlistStatus::Active | WaitlistStatus::Offered => self.waiting += 1,
        }
        self.conversion_percent = average(self.completed * 100, self.created);
    }
}

/// One day's new entries.
#[derive(Debug, Serialize)]
pub struct Day {
    /// the club-local day
    pub date: NaiveDate,
    /// entries created that day
    pub created: i64,
}

/// The `waitlist` report.
#[derive(Debug, Serialize)]
pub struct Waitlist {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// every entry created in the range
    pub total: Demand,
    /// by the tier waited for (`STANDARD`, `DOUBLE`, `SPECIAL`)
    pub by_tier: BTreeMap<String, Demand>,
    /// every day of the range
    pub days: Vec<Day>,
}

/// Reads the entries whose `created_at` falls in the range.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<Waitlist> {
    let (start, end) = range.bounds();
    let rows: Vec<(Ts, RoomType, WaitlistStatus, i32)> = waitlist::table
        .filter(waitlist::created_at.ge(Ts(start)).and(waitlist::created_at.lt(Ts(end))))
        .select((waitlist::created_at, waitlist::desired_tier, waitlist::status, waitlist::offer_attempts))
        .load(conn)?;
    let mut days: Vec<Day> = range.days().into_iter().map(|date| Day { date, created: 0 }).collect();
    let mut report = Waitlist { from: range.from, to: range.to, total: Demand::default(), by_tier: BTreeMap::new(), days: Vec::new() };
    for (at, tier, status, attempts) in rows {
        report.total.add(status, attempts > 0);
        report.by_tier.entry(tier.as_str().to_owned()).or_default().add(status, attempts > 0);
        if let Some(day) = range.index_of(at.0).and_then(|i| days.get_mut(i)) {
            day.created += 1;
        }
    }
    report.days = days;
    Ok(report)
}

impl Waitlist {
    /// `desired_tier,created,offered,completed,cancelled,expired,waiting,conversion_percent` per
    /// tier, then `TOTAL`.
    pub fn csv(&self) -> String {
        let row = |name: &str, d: &Demand| {
            line(&[
                name.to_owned(),
                d.created.to_string(),
                d.offered.to_string(),
                d.completed.to_string(),
                d.cancelled.to_string(),
                d.expired.to_string(),
                d.waiting.to_string(),
                d.conversion_percent.to_string(),
            ])
        };
        std::iter::once(line(&["desired_tier", "created", "offered", "completed", "cancelled", "expired", "waiting", "conversion_percent"]))
            .chain(self.by_tier.iter().map(|(name, d)| row(name, d)))
            .chain(std::iter::once(row("TOTAL", &self.total)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_is_completed_per_hundred_created() {
        let mut d = Demand::default();
        d.add(WaitlistStatus::Completed, true);
        d.add(WaitlistStatus::Cancelled, false);
        d.add(WaitlistStatus::Active, true);
        assert_eq!((d.created, d.offered, d.completed, d.cancelled, d.waiting, d.conversion_percent), (3, 2, 1, 1, 1, 33));
        d.add(WaitlistStatus::Expired, true);
        assert_eq!((d.expired, d.conversion_percent), (1, 25));
    }
}
