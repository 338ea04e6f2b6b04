//! `revenue`: PAID payment intents' amounts per club-local day (of `paid_at`), by payment
//! method and by purpose, to the cent.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use crate::db::DbConn;
use crate::db::schema::payment_intents;
use crate::db::sql_types::Ts;
use crate::domain::csv::line;

/// Payments and cents in one group.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Sum {
    /// payments counted
    pub payments: i64,
    /// their amounts, in cents
    pub cents: i64,
}

impl Sum {
    fn add(&mut self, cents: i64) {
        self.payments += 1;
        self.cents += cents;
    }
}

/// One day's revenue.
#[derive(Debug, Serialize)]
pub struct Day {
    /// the club-local day
    pub date: NaiveDate,
    /// all of the day's payments
    pub total: Sum,
    /// by method (`CASH`, `CARD`, …)
    pub by_method: BTreeMap<String, Sum>,
    /// by purpose (`CHECKIN`, `RENEWAL`, `LATE_FEE`, …)
    pub by_purpose: BTreeMap<String, Sum>,
}

/// The `revenue` report.
#[derive(Debug, Serialize)]
pub struct Revenue {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// everything paid in the range
    pub total: Sum,
    /// by method over the range
    pub by_method: BTreeMap<String, Sum>,
    /// by purpose over the range
    pub by_purpose: BTreeMap<String, Sum>,
    /// every day of the range, empty days included
    pub days: Vec<Day>,
}

/// Sums the PAID intents whose `paid_at` falls in the range.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<Revenue> {
    let (start, end) = range.bounds();
    let paid: Vec<(Option<Ts>, Option<String>, String, i64)> = payment_intents::table
        .filter(payment_intents::status.eq("PAID"))
        .filter(payment_intents::paid_at.ge(Ts(start)).and(payment_intents::paid_at.lt(Ts(end))))
        .select((payment_intents::paid_at, payment_intents::method, payment_intents::purpose, payment_intents::amount_cents))
        .load(conn)?;
    let mut days: Vec<Day> = range
        .days()
        .into_iter()
        .map(|date| Day { date, total: Sum::default(), by_method: BTreeMap::new(), by_purpose: BTreeMap::new() })
        .collect();
    let mut report = Revenue {
        from: range.from,
        to: range.to,
        total: Sum::default(),
        by_method: BTreeMap::new(),
        by_purpose: BTreeMap::new(),
        days: Vec::new(),
    };
    for (at, method, purpose, cents) in paid {
        let method = method.unwrap_or_else(|| "UNKNOWN".to_owned());
        report.total.add(cents);
        report.by_method.entry(method.clone()).or_default().add(cents);
        report.by_purpose.entry(purpose.clone()).or_default().add(cents);
        if let Some(day) = at.and_then(|at| range.index_of(at.0)).and_then(|i| days.get_mut(i)) {
            day.total.add(cents);
            day.by_method.entry(method).or_default().add(cents);
            day.by_purpose.entry(purpose).or_default().add(cents);
        }
    }
    report.days = days;
    Ok(report)
}

/// Cents as `12.34` (amounts are never negative here).
fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

impl Revenue {
    /// `date,group,key,payments,amount` per day and group (`method` or `purpose`), then the
    /// range's `TOTAL`.
    pub fn csv(&self) -> String {
        let mut out = line(&["date", "group", "key", "payments", "amount"]);
        for day in &self.days {
            for (group, sums) in [("method", &day.by_method), ("purpose", &day.by_purpose)] {
                for (key, sum) in sums {
                    out.push_str(&line(&[day.date.to_string(), group.into(), key.clone(), sum.payments.to_string(), money(sum.cents)]));
                }
            }
        }
        out.push_str(&line(&["TOTAL".to_owned(), String::new(), String::new(), self.total.payments.to_string(), money(self.total.cents)]));
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_has_two_decimals() {
        assert_eq!(super::money(1500), "15.00");
        assert_eq!(super::money(7), "0.07");
    }
}
