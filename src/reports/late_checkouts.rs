//! `late_checkouts`: checkouts after the stay's end, their minutes late and fees by how the
//! fee was settled (`NONE` under the fee table's first step, `PAID`, `PAST_DUE`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use crate::db::DbConn;
use crate::db::schema::checkouts;
use crate::db::sql_types::Ts;
use crate::domain::csv::line;

/// Late checkouts in one group.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Late {
    /// late checkouts
    pub checkouts: i64,
    /// their minutes late, summed
    pub minutes_late: i64,
    /// their late fees, in cents
    pub fee_cents: i64,
}

impl Late {
    fn add(&mut self, minutes: i64, fee: i64) {
        self.checkouts += 1;
        self.minutes_late += minutes;
        self.fee_cents += fee;
    }
}

/// One day's late checkouts.
#[derive(Debug, Serialize)]
pub struct Day {
    /// the club-local day of the checkout
    pub date: NaiveDate,
    /// that day's late checkouts
    pub total: Late,
}

/// The `late_checkouts` report.
#[derive(Debug, Serialize)]
pub struct LateCheckouts {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// every checkout in the range, late or not
    pub checkouts: i64,
    /// the late ones
    pub total: Late,
    /// by settlement: `NONE`, `PAID`, `PAST_DUE`
    pub by_settlement: BTreeMap<String, Late>,
    /// every day of the range
    pub days: Vec<Day>,
}

/// Reads the checkouts whose `checked_out_at` falls in the range.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<LateCheckouts> {
    let (start, end) = range.bounds();
    let rows: Vec<(Ts, i64, i64, String)> = checkouts::table
        .filter(checkouts::checked_out_at.ge(Ts(start)).and(checkouts::checked_out_at.lt(Ts(end))))
        .select((checkouts::checked_out_at, checkouts::minutes_late, checkouts::late_fee_cents, checkouts::fee_settlement))
        .load(conn)?;
    let mut days: Vec<Day> = range.days().into_iter().map(|date| Day { date, total: Late::default() }).collect();
    let mut report = LateCheckouts {
        from: range.from,
        to: range.to,
        checkouts: rows.len() as i64,
        total: Late::default(),
        by_settlement: BTreeMap::new(),
        days: Vec::new(),
    };
    for (at, minutes, fee, settlement) in rows.into_iter().filter(|r| r.1 > 0) {
        report.total.add(minutes, fee);
        report.by_settlement.entry(settlement).or_default().add(minutes, fee);
        if let Some(day) = range.index_of(at.0).and_then(|i| days.get_mut(i)) {
            day.total.add(minutes, fee);
        }
    }
    report.days = days;
    Ok(report)
}

impl LateCheckouts {
    /// `settlement,checkouts,minutes_late,fee_cents` per settlement, then `TOTAL`.
    pub fn csv(&self) -> String {
        let row =
            |name: &str, l: &Late| line(&[name.to_owned(), l.checkouts.to_string(), l.minutes_late.to_string(), l.fee_cents.to_string()]);
        std::iter::once(line(&["settlement", "checkouts", "minutes_late", "fee_cents"]))
            .chain(self.by_settlement.iter().map(|(name, l)| row(name, l)))
            .chain(std::iter::once(row("TOTAL", &self.total)))
            .collect()
    }
}
