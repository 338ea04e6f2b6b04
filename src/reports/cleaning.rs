//! `cleaning`: how long cleanings took, per employee. A cleaning is a unit's change to `CLEAN`
//! from `CLEANING` whose `CLEANING` began at the unit's previous transition; it lasts from that
//! start to the `CLEAN`, belongs to the club-local day it finished and to the employee who
//! marked it clean. A `CLEAN` from `CLEANING` whose start is not on record (more than a day
//! before the range), or from `DIRTY` (a manager's override), counts as `unmeasured`; any
//! other change to `CLEAN` (a locker handed back at checkout) is no cleaning.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use super::stay_length::average;
use crate::db::DbConn;
use crate::db::ids::{ResourceId, StaffId};
use crate::db::schema::{inventory_transitions as it, staff};
use crate::db::sql_types::Ts;
use crate::domain::csv::line;
use crate::domain::enums::{InventoryStatus, ResourceType};

/// One employee's cleanings.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Cleanings {
    /// the employee who marked the units clean (`null`: the system)
    pub staff_id: Option<StaffId>,
    /// their display name
    pub staff_name: String,
    /// measured cleanings
    pub cleanings: i64,
    /// their minutes, summed
    pub total_minutes: i64,
    /// `total_minutes / cleanings` rounded half up
    pub average_minutes: i64,
    /// units marked clean whose start is not on record
    pub unmeasured: i64,
}

/// The `cleaning` report.
#[derive(Debug, Serialize)]
pub struct Cleaning {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// every employee's together
    pub total: Cleanings,
    /// per employee, by name
    pub by_staff: Vec<Cleanings>,
}

type Row = (ResourceType, ResourceId, InventoryStatus, InventoryStatus, Option<StaffId>, Ts);

/// The measured minutes of each `CLEAN` in `[start, end)`, with who marked it, from one unit's
/// transitions in time order: `(staff, Some(minutes))`, or `None` when the start is unknown.
pub fn pair(rows: &[Row], start: Ts, end: Ts) -> Vec<(Option<StaffId>, Option<i64>)> {
    let mut out = Vec::new();
    for (i, (_, _, from, to, staff, at)) in rows.iter().enumerate() {
        // only a cleaning, or a manager's override of one, makes a unit CLEAN from CLEANING or
        // DIRTY; a locker handed back at checkout (OCCUPIED → CLEAN) or a unit back in service
        // (OUT_OF_ORDER → CLEAN) was cleaned by no one
        let cleaned = matches!(from, InventoryStatus::Cleaning | InventoryStatus::Dirty);
        if *to != InventoryStatus::Clean || !cleaned || *at < start || *at >= end {
            continue;
        }
        let began = i
            .checked_sub(1)
            .map(|p| &rows[p])
            .filter(|p| *from == InventoryStatus::Cleaning && p.0 == rows[i].0 && p.1 == rows[i].1 && p.3 == InventoryStatus::Cleaning);
        out.push((*staff, began.map(|p| (at.0 - p.5.0).num_minutes().max(0))));
    }
    out
}

/// Reads the transitions of the range (and the day before it, where a cleaning may start).
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<Cleaning> {
    let (start, end) = range.bounds();
    let mut rows: Vec<Row> = it::table
        .filter(it::at.ge(Ts(start - Duration::days(1))).and(it::at.lt(Ts(end))))
        // only a CLEAN and the CLEANING just before it matter: in a unit's history the
        // transition before a change from CLEANING is the one to CLEANING, so leaving the
        // others out changes no pair (and halves the rows a year reads)
        .filter(it::to_status.eq(InventoryStatus::Cleaning).or(it::to_status.eq(InventoryStatus::Clean)))
        .select((it::resource_type, it::resource_id, it::from_status, it::to_status, it::staff_id, it::at))
        .load(conn)?;
    // each unit's history in order, sorted here: an ORDER BY on the unit made the database
    // sort the whole range (80 ms of a year's 250 on SQLite); read through the `at` index the
    // rows come in time order, which the stable sort keeps for a unit's equal instants
    rows.sort_by(|a, b| (a.0.as_str(), a.1, a.5).cmp(&(b.0.as_str(), b.1, b.5)));
    let names: BTreeMap<StaffId, String> = staff::table.select((staff::id, staff::display_name)).load(conn)?.into_iter().collect();
    let mut per: BTreeMap<Option<StaffId>, Cleanings> = BTreeMap::new();
    let mut total = Cleanings { staff_name: "TOTAL".into(), ..Cleanings::default() };
    for (who, minutes) in pair(&rows, Ts(start), Ts(end)) {
        let entry = per.entry(who).or_insert_with(|| Cleanings {
            staff_id: who,
            staff_name: who.and_then(|id| names.get(&id).cloned()).unwrap_or_else(|| "System".into()),
            ..Cleanings::default()
        });
        for c in [entry, &mut total] {
            match minutes {
                Some(m) => {
                    c.cleanings += 1;
                    c.total_minutes += m;
                    c.average_minutes = average(c.total_minutes, c.cleanings);
                }
                None => c.unmeasured += 1,
            }
        }
    }
    let mut by_staff: Vec<Cleanings> = per.into_values().collect();
    by_staff.sort_by(|a, b| a.staff_name.cmp(&b.staff_name).then(a.staff_id.cmp(&b.staff_id)));
    Ok(Cleaning { from: range.from, to: range.to, total, by_staff })
}

impl Cleaning {
    /// `staff_name,cleanings,total_minutes,average_minutes,unmeasured` per employee, then `TOTAL`.
    pub fn csv(&self) -> String {
        let row = |c: &Cleanings| {
            line(&[
                c.staff_name.clone(),
                c.cleanings.to_string(),
                c.total_minutes.to_string(),
                c.average_minutes.to_string(),
                c.unmeasured.to_string(),
            ])
        };
        std::iter::once(line(&["staff_name", "cleanings", "total_minutes", "average_minutes", "unmeasured"]))
            .chain(self.by_staff.iter().map(row))
            .chain(std::iter::once(row(&self.total)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> Ts {
        Ts(chrono::DateTime::from_timestamp(1_764_000_000 + minutes * 60, 0).unwrap())
    }

    #[test]
    fn a_cleaning_runs_from_its_start_to_clean_on_the_same_unit() {
        let (a, b) = (ResourceId::new(), ResourceId::new());
        let (s1, s2) = (Some(StaffId::new()), Some(StaffId::new()));
        let t = |unit, from: &str, to: &str, who, m| (ResourceType::Room, unit, from.parse().unwrap(), to.parse().unwrap(), who, at(m));
        let rows = vec![
            t(a, "DIRTY", "CLEANING", s1, 0),
            t(a, "CLEANING", "CLEAN", s2, 25),
            t(a, "CLEAN", "CLEANING", s1, 100),
            t(a, "CLEANING", "DIRTY", s1, 110),
            t(a, "DIRTY", "CLEAN", s1, 120),
            t(b, "CLEAN", "CLEANING", s1, 20),
            t(b, "CLEANING", "CLEAN", s1, 60),
        ];
        assert_eq!(pair(&rows, at(0), at(200)), vec![(s2, Some(25)), (s1, None), (s1, Some(40))]);
        assert_eq!(pair(&rows, at(30), at(200)).len(), 2, "a CLEAN before the range is not counted");
    }

    #[test]
    fn a_unit_clean_again_without_cleaning_is_no_cleaning() {
        let (locker, room) = (ResourceId::new(), ResourceId::new());
        let who = Some(StaffId::new());
        let t = |kind, unit, from: &str, to: &str, m| (kind, unit, from.parse().unwrap(), to.parse().unwrap(), who, at(m));
        let rows = vec![
            t(ResourceType::Locker, locker, "OCCUPIED", "CLEAN", 10),
            t(ResourceType::Room, room, "OUT_OF_ORDER", "CLEAN", 20),
            t(ResourceType::Room, room, "DIRTY", "CLEAN", 30),
        ];
        assert_eq!(pair(&rows, at(0), at(100)), vec![(who, None)], "only the override from DIRTY counts (unmeasured)");
    }
}
