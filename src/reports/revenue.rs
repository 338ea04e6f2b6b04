//! `revenue`: PAID payment intents' amounts per club-local day (of `paid_at`), by payment
//! method, by purpose and by rental type, to the cent. The rental type of a payment is what it
//! bought: for a payment taken at the lane (check-in, renewal) the rental the session
//! confirmed, for an upgrade the tier upgraded to (its waitlist entry's), and `NONE` for late
//! fees and past-due balances, which buy no rental.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use crate::db::DbConn;
use crate::db::ids::{PaymentIntentId, WaitlistId};
use crate::db::schema::{lane_sessions, payment_intents, waitlist};
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
    /// by rental type bought (`STANDARD`, `LOCKER`, …; `NONE` for fees and balances)
    pub by_rental_type: BTreeMap<String, Sum>,
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
    /// by rental type bought over the range
    pub by_rental_type: BTreeMap<String, Sum>,
    /// every day of the range, empty days included
    pub days: Vec<Day>,
}

/// The rental type an upgrade bought: its waitlist entry's tier (the intent's quote names the
/// entry), for each PAID upgrade intent of `[start, end)`.
fn upgrade_tiers(conn: &mut DbConn, (start, end): (Ts, Ts)) -> QueryResult<BTreeMap<PaymentIntentId, String>> {
    let quotes: Vec<(PaymentIntentId, String)> = payment_intents::table
        .filter(payment_intents::status.eq("PAID").and(payment_intents::purpose.eq("UPGRADE")))
        .filter(payment_intents::paid_at.ge(start).and(payment_intents::paid_at.lt(end)))
        .select((payment_intents::id, payment_intents::quote_json))
        .load(conn)?;
    if quotes.is_empty() {
        return Ok(BTreeMap::new());
    }
    // one query for the entries' tiers instead of one round trip per upgrade (≈ 900 in a
    // year's data); an upgrade's entry was created before it was paid, so before the range's end
    let entries: BTreeMap<WaitlistId, String> = waitlist::table
        .filter(waitlist::created_at.lt(end))
        .select((waitlist::id, waitlist::desired_tier))
        .load(conn)?
        .into_iter()
        .collect();
    let mut tiers = BTreeMap::new();
    for (intent, quote) in quotes {
        let entry = serde_json::from_str::<serde_json::Value>(&quote)
            .ok()
            .and_then(|q| serde_json::from_value::<WaitlistId>(q["waitlist_id"].clone()).ok());
        tiers.extend(entry.and_then(|e| entries.get(&e)).map(|t| (intent, t.clone())));
    }
    Ok(tiers)
}

type Row = (PaymentIntentId, Option<Ts>, Option<String>, String, i64, Option<String>);

/// Sums the PAID intents whose `paid_at` falls in the range.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<Revenue> {
    let (start, end) = range.bounds();
    let paid: Vec<Row> = payment_intents::table
        .left_join(lane_sessions::table.on(payment_intents::lane_session_id.eq(lane_sessions::id.nullable())))
        .filter(payment_intents::status.eq("PAID"))
        .filter(payment_intents::paid_at.ge(Ts(start)).and(payment_intents::paid_at.lt(Ts(end))))
        .select((
            payment_intents::id,
            payment_intents::paid_at,
            payment_intents::method,
            payment_intents::purpose,
            payment_intents::amount_cents,
            lane_sessions::desired_rental_type.nullable(),
        ))
        .load(conn)?;
    let upgrades = upgrade_tiers(conn, (Ts(start), Ts(end)))?;
    let empty = || (Sum::default(), BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut days: Vec<Day> = range
        .days()
        .into_iter()
        .map(|date| {
            let (total, by_method, by_purpose, by_rental_type) = empty();
            Day { date, total, by_method, by_purpose, by_rental_type }
        })
        .collect();
    let (total, by_method, by_purpose, by_rental_type) = empty();
    let mut report = Revenue { from: range.from, to: range.to, total, by_method, by_purpose, by_rental_type, days: Vec::new() };
    for (id, at, method, purpose, cents, rental) in paid {
        let method = method.unwrap_or_else(|| "UNKNOWN".to_owned());
        let rental = match purpose.as_str() {
            "UPGRADE" => upgrades.get(&id).cloned(),
            "LATE_FEE" | "PAST_DUE" => None,
            _ => rental,
        }
        .unwrap_or_else(|| "NONE".to_owned());
        let day = at.and_then(|at| range.index_of(at.0)).and_then(|i| days.get_mut(i));
        for (total, by_method, by_purpose, by_rental) in
            std::iter::once((&mut report.total, &mut report.by_method, &mut report.by_purpose, &mut report.by_rental_type))
                .chain(day.map(|d| (&mut d.total, &mut d.by_method, &mut d.by_purpose, &mut d.by_rental_type)))
        {
            total.add(cents);
            by_method.entry(method.clone()).or_default().add(cents);
            by_purpose.entry(purpose.clone()).or_default().add(cents);
            by_rental.entry(rental.clone()).or_default().add(cents);
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
    /// `date,group,key,payments,amount` per day and group (`method`, `purpose` or
    /// `rental_type`), then the range's `TOTAL`.
    pub fn csv(&self) -> String {
        let mut out = line(&["date", "group", "key", "payments", "amount"]);
        for day in &self.days {
            for (group, sums) in [("method", &day.by_method), ("purpose", &day.by_purpose), ("rental_type", &day.by_rental_type)] {
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
