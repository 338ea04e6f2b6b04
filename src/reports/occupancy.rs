//! `occupancy`: how full each tier was, per club-local day. A stay occupies its unit from the
//! visit's start (the signing) to its checkout, or to now while it is still open; it counts
//! in the tier of the unit it held last (rooms by their type, every locker as `LOCKER`), like
//! `stay_length`. Per day and tier: `occupied_minutes` (the stays' time inside that day, summed,
//! whole minutes), `peak` (the most units of the tier occupied at the same instant that day),
//! and `percent` (occupied minutes per hundred minutes the tier's units had that day, rounded
//! half up). `all` is the same over every unit (its minutes are the tiers' minutes summed, so
//! the CSV's lines add up to its `TOTAL`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use super::stay_length::average;
use crate::db::DbConn;
use crate::db::ids::VisitId;
use crate::db::schema::{checkin_blocks, lockers, rooms, visits};
use crate::db::sql_types::Ts;
use crate::domain::club_days;
use crate::domain::csv::line;
use crate::domain::enums::RoomType;

/// The tier every locker counts in.
pub const LOCKER: &str = "LOCKER";

/// A tier's occupancy over some time.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Load {
    /// the tier's units (rooms of the type, or lockers)
    pub units: i64,
    /// the stays' minutes inside the period, summed
    pub occupied_minutes: i64,
    /// the most units occupied at once
    pub peak: i64,
    /// `occupied_minutes * 100 / (units * minutes of the period)`, rounded half up
    pub percent: i64,
}

/// One day's occupancy.
#[derive(Debug, Serialize)]
pub struct Day {
    /// the club-local day
    pub date: NaiveDate,
    /// per tier (every tier with units, zeros included)
    pub by_tier: BTreeMap<String, Load>,
    /// every unit together
    pub all: Load,
}

/// The `occupancy` report.
#[derive(Debug, Serialize)]
pub struct Occupancy {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// per tier over the range (minutes summed over the days, the highest day's peak)
    pub by_tier: BTreeMap<String, Load>,
    /// every unit over the range
    pub all: Load,
    /// every day of the range
    pub days: Vec<Day>,
}

/// A stay's time on a unit of `tier`: `[start, end)`.
type Stay = (String, DateTime<Utc>, DateTime<Utc>);

/// `[start, end)`.
type Span = (DateTime<Utc>, DateTime<Utc>);

/// A visit with its start and end and one of its blocks' start and room type (none: a locker).
type VisitBlock = (VisitId, Ts, Option<Ts>, Ts, Option<RoomType>);

/// Seconds of `[s, e)` inside `[a, b)`.
fn overlap((s, e): Span, (a, b): Span) -> i64 {
    (e.min(b) - s.max(a)).num_seconds().max(0)
}

/// The most of `spans` that cover one instant of `day` (an end frees its unit before a start
/// at the same instant takes one).
fn peak<'a>(spans: impl Iterator<Item = &'a Span>, (a, b): Span) -> i64 {
    let mut events: Vec<(DateTime<Utc>, i64)> = Vec::new();
    for &(s, e) in spans.filter(|&&(s, e)| s.max(a) < e.min(b)) {
        events.extend([(s.max(a), 1), (e.min(b), -1)]);
    }
    events.sort();
    let (mut at_once, mut most) = (0, 0);
    for (_, change) in events {
        at_once += change;
        most = most.max(at_once);
    }
    most
}

/// One tier's load in `[a, b)` from its stays.
fn load(spans: &[Span], units: i64, bounds: Span) -> Load {
    let occupied_minutes = spans.iter().map(|&s| overlap(s, bounds)).sum::<i64>() / 60;
    let available = units * (bounds.1 - bounds.0).num_minutes();
    Load { units, occupied_minutes, peak: peak(spans.iter(), bounds), percent: average(occupied_minutes * 100, available) }
}

/// Sums days' loads: minutes added, the highest peak, the percent of the whole.
fn sum(days: &[Load], units: i64, minutes: i64) -> Load {
    let occupied_minutes = days.iter().map(|l| l.occupied_minutes).sum();
    let peak = days.iter().map(|l| l.peak).max().unwrap_or(0);
    Load { units, occupied_minutes, peak, percent: average(occupied_minutes * 100, units * minutes) }
}

/// Units per tier: rooms by type, and the lockers.
/// The spans overlapping each day in turn, days taken in order: every day used to look at
/// every stay of the range (365 days × 50,000 stays on a year, 0.5 s); now a stay is added
/// once when its day comes and dropped once it has ended.
struct Sweep {
    sorted: Vec<Span>,
    next: usize,
    active: Vec<Span>,
}

impl Sweep {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort();
        Self { sorted: spans, next: 0, active: Vec::new() }
    }

    /// The spans overlapping `(a, b)`; the next call must be for a later day.
    fn day(&mut self, (a, b): Span) -> &[Span] {
        while let Some(&span) = self.sorted.get(self.next).filter(|(s, _)| *s < b) {
            self.active.push(span);
            self.next += 1;
        }
        self.active.retain(|&(_, e)| e > a);
        &self.active
    }
}

fn units(conn: &mut DbConn) -> QueryResult<BTreeMap<String, i64>> {
    let rooms: Vec<(RoomType, i64)> = rooms::table.group_by(rooms::type_).select((rooms::type_, count_star())).load(conn)?;
    let mut units: BTreeMap<String, i64> = rooms.into_iter().map(|(t, n)| (t.as_str().to_owned(), n)).collect();
    units.insert(LOCKER.to_owned(), lockers::table.count().get_result(conn)?);
    Ok(units)
}

/// The stays that overlap `[start, end)`, each with the tier of the unit of its last block.
fn stays(conn: &mut DbConn, (start, end): Span, now: DateTime<Utc>) -> QueryResult<Vec<Stay>> {
    let rows: Vec<VisitBlock> = visits::table
        .inner_join(checkin_blocks::table.on(checkin_blocks::visit_id.eq(visits::id)))
        .left_join(rooms::table.on(checkin_blocks::room_id.eq(rooms::id.nullable())))
        .filter(visits::started_at.lt(Ts(end)))
        .filter(visits::ended_at.is_null().or(visits::ended_at.gt(Ts(start))))
        .select((visits::id, visits::started_at, visits::ended_at, checkin_blocks::starts_at, rooms::type_.nullable()))
        .load(conn)?;
    // the last block of each visit decides its tier
    let mut last: BTreeMap<VisitId, (Ts, Stay)> = BTreeMap::new();
    for (visit, started, ended, block_start, room) in rows {
        let tier = room.map_or(LOCKER, RoomType::as_str).to_owned();
        let stay = (tier, started.0, ended.map_or(now, |e| e.0));
        if last.get(&visit).is_none_or(|(at, _)| block_start > *at) {
            last.insert(visit, (block_start, stay));
        }
    }
    Ok(last.into_values().map(|(_, stay)| stay).filter(|(_, s, e)| s < e).collect())
}

/// Reads the stays overlapping the range (open ones run to `now`) and the units per tier.
pub fn compute(conn: &mut DbConn, range: Range, now: DateTime<Utc>) -> QueryResult<Occupancy> {
    let units = units(conn)?;
    let stays = stays(conn, range.bounds(), now)?;
    let mut spans: BTreeMap<&str, Vec<Span>> = units.keys().map(|t| (t.as_str(), Vec::new())).collect();
    for (tier, s, e) in &stays {
        spans.entry(tier.as_str()).or_default().push((*s, *e));
    }
    let mut every = Sweep::new(stays.iter().map(|(_, s, e)| (*s, *e)).collect());
    let mut sweeps: BTreeMap<&str, Sweep> = spans.iter().map(|(t, s)| (*t, Sweep::new(s.clone()))).collect();
    let all_units: i64 = units.values().sum();
    let mut days = Vec::new();
    for date in range.days() {
        let (a, b) = club_days::days_range(range.tz, Some(date), Some(date));
        let bounds = (a.unwrap_or(DateTime::<Utc>::MIN_UTC), b.unwrap_or(DateTime::<Utc>::MAX_UTC));
        let by_tier: BTreeMap<String, Load> = sweeps
            .iter_mut()
            .map(|(t, sweep)| ((*t).to_owned(), load(sweep.day(bounds), units.get(*t).copied().unwrap_or(0), bounds)))
            .collect();
        // every unit's minutes are the tiers' (whole minutes per tier), so the lines add up
        let minutes: Vec<Load> = by_tier.values().copied().collect();
        let all =
            Load { peak: load(every.day(bounds), all_units, bounds).peak, ..sum(&minutes, all_units, (bounds.1 - bounds.0).num_minutes()) };
        days.push(Day { date, by_tier, all });
    }
    let (start, end) = range.bounds();
    let minutes = (end - start).num_minutes();
    let by_tier = spans
        .keys()
        .map(|t| {
            let loads: Vec<Load> = days.iter().filter_map(|d| d.by_tier.get(*t).copied()).collect();
            ((*t).to_owned(), sum(&loads, units.get(*t).copied().unwrap_or(0), minutes))
        })
        .collect();
    let all = sum(&days.iter().map(|d| d.all).collect::<Vec<_>>(), all_units, minutes);
    Ok(Occupancy { from: range.from, to: range.to, by_tier, all, days })
}

impl Occupancy {
    /// `date,tier,units,occupied_minutes,peak,percent` per day and tier, then the range's
    /// `TOTAL` over every unit.
    pub fn csv(&self) -> String {
        let cells = |date: &str, tier: &str, l: &Load| {
            line(&[
                date.to_owned(),
                tier.to_owned(),
                l.units.to_string(),
                l.occupied_minutes.to_string(),
                l.peak.to_string(),
                l.percent.to_string(),
            ])
        };
        let mut out = line(&["date", "tier", "units", "occupied_minutes", "peak", "percent"]);
        for day in &self.days {
            for (tier, l) in &day.by_tier {
                out.push_str(&cells(&day.date.to_string(), tier, l));
            }
        }
        out.push_str(&cells("TOTAL", "", &self.all));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_day_counts_the_stays_time_inside_it_and_their_peak() {
        let day = (at("2026-11-20T06:00:00Z"), at("2026-11-21T06:00:00Z"));
        // one stay from the evening before to 08:00, two overlapping 10:00–12:00 and 11:00–13:30,
        // one that starts when another ends (not both at once)
        let spans = [
            (at("2026-11-19T20:00:00Z"), at("2026-11-20T08:00:00Z")),
            (at("2026-11-20T10:00:00Z"), at("2026-11-20T12:00:00Z")),
            (at("2026-11-20T11:00:00Z"), at("2026-11-20T13:30:00Z")),
            (at("2026-11-20T13:30:00Z"), at("2026-11-20T14:00:00Z")),
        ];
        let l = load(&spans, 4, day);
        assert_eq!((l.occupied_minutes, l.peak), (120 + 120 + 150 + 30, 2));
        // 420 of 4 × 1440 minutes
        assert_eq!(l.percent, 7);
        assert_eq!(load(&[], 4, day), Load { units: 4, ..Load::default() });
        assert_eq!(sum(&[l, l], 4, 2880).occupied_minutes, 840);
    }
}
