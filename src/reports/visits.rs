//! `visits`: visits started per club-local day and per club-local hour of day.

use chrono::{NaiveDate, Timelike};
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use crate::db::DbConn;
use crate::db::schema::visits;
use crate::db::sql_types::Ts;
use crate::domain::csv::line;

/// Visits on one day.
#[derive(Debug, Serialize)]
pub struct Day {
    /// the club-local day
    pub date: NaiveDate,
    /// visits started that day
    pub visits: i64,
}

/// Visits started in one hour of the day (0–23, club clock), over the whole range.
#[derive(Debug, Serialize)]
pub struct Hour {
    /// 0–23
    pub hour: u32,
    /// visits started in that hour
    pub visits: i64,
}

/// The `visits` report.
#[derive(Debug, Serialize)]
pub struct Visits {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// visits started in the range
    pub total: i64,
    /// every day of the range, zeros included
    pub days: Vec<Day>,
    /// the 24 hours of the day
    pub hours: Vec<Hour>,
}

/// Counts the visits whose `started_at` falls in the range.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<Visits> {
    let (start, end) = range.bounds();
    let started: Vec<Ts> =
        visits::table.filter(visits::started_at.ge(Ts(start)).and(visits::started_at.lt(Ts(end)))).select(visits::started_at).load(conn)?;
    let mut days: Vec<Day> = range.days().into_iter().map(|date| Day { date, visits: 0 }).collect();
    let mut hours: Vec<Hour> = (0..24).map(|hour| Hour { hour, visits: 0 }).collect();
    for at in &started {
        if let Some(day) = range.index_of(at.0).and_then(|i| days.get_mut(i)) {
            day.visits += 1;
        }
        if let Some(hour) = hours.get_mut(at.0.with_timezone(&range.tz).hour() as usize) {
            hour.visits += 1;
        }
    }
    Ok(Visits { from: range.from, to: range.to, total: started.len() as i64, days, hours })
}

impl Visits {
    /// `date,visits` per day, then `TOTAL`.
    pub fn csv(&self) -> String {
        std::iter::once(line(&["date", "visits"]))
            .chain(self.days.iter().map(|d| line(&[d.date.to_string(), d.visits.to_string()])))
            .chain(std::iter::once(line(&["TOTAL".to_owned(), self.total.to_string()])))
            .collect()
    }
}
