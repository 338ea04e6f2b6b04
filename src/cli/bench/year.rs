//! `frontdesk bench --reports`: a year of generated club activity (≈ 50,000 visits, see
//! [`crate::seed::year`]) in a fresh database of the chosen backend, then every report timed
//! over the whole year, one month and one day, several times each; prints p50 and max in
//! milliseconds as a table (and one JSON line with `--json`). It only prints figures; the
//! 200 ms goal is read in docs/performance.md.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use diesel::RunQueryDsl;
use serde::Serialize;

use super::seed::{self, Backend, ClubSpec, FreshDb};
use super::stats::percentiles;
use crate::db::{DbConn, pool};
use crate::reports::{self, NAMES, Range};
use crate::seed::year::{self, Spec, Totals};

/// What `--reports` was asked for.
pub struct YearPlan {
    /// the backend
    pub backend: Backend,
    /// visits over the whole year, about
    pub visits: u32,
    /// days of data
    pub days: u32,
    /// timed runs per report and range (after one untimed)
    pub repeat: usize,
    /// print a JSON line too
    pub json: bool,
}

/// p50 and max of one report over one range, in ms.
#[derive(Debug, Serialize)]
struct Timing {
    p50_ms: f64,
    max_ms: f64,
}

/// The ranges timed: the whole year, the last full calendar month, the last Saturday.
fn ranges(tz: Tz, first: NaiveDate, last: NaiveDate) -> Result<Vec<(&'static str, Range)>, String> {
    let month_end = last.with_day(1).and_then(|d| d.pred_opt()).filter(|d| *d >= first).unwrap_or(last);
    let month_start = month_end.with_day(1).filter(|d| *d >= first).unwrap_or(first);
    let mut saturday = last;
    while saturday.weekday() != Weekday::Sat && saturday > first {
        saturday = saturday.pred_opt().unwrap_or(first);
    }
    let range = |from, to| Range::new(tz, from, to).map_err(|e| e.message);
    Ok(vec![("year", range(first, last)?), ("month", range(month_start, month_end)?), ("day", range(saturday, saturday)?)])
}

fn time(conn: &mut DbConn, name: &str, range: Range, repeat: usize) -> Result<Timing, String> {
    let mut samples = Vec::with_capacity(repeat);
    for i in 0..=repeat {
        let started = Instant::now();
        reports::compute(conn, name, range, Utc::now()).map_err(|e| format!("{name}: {e}"))?;
        // the first run fills the statement cache, as a server's pooled connection has
        if i > 0 {
            samples.push(started.elapsed());
        }
    }
    let [p50, _, _, max] = percentiles(&samples).unwrap_or([0.0; 4]);
    Ok(Timing { p50_ms: p50, max_ms: max })
}

fn seed_year(db: &FreshDb, plan: &YearPlan, tz: Tz) -> Result<(DbConn, NaiveDate, NaiveDate, Totals, Duration), String> {
    seed::seed(&db.url, &ClubSpec { lanes: 2, lockers: None })?;
    let mut conn = pool::establish(&db.url).map_err(|e| e.to_string())?;
    let last = Utc::now().with_timezone(&tz).date_naive() - Days::new(1);
    let first = last - Days::new(u64::from(plan.days.max(1) - 1));
    let per_day = (plan.visits / plan.days.max(1)).max(1);
    let spec = Spec { tz, first_day: first, days: plan.days, visits_per_day: per_day, seed: 16 };
    let started = Instant::now();
    let totals = year::seed(&mut conn, &spec)?;
    let took = started.elapsed();
    if plan.backend == Backend::Postgres {
        // what autovacuum would have done on a club's server by then
        diesel::sql_query("ANALYZE").execute(&mut conn).map_err(|e| format!("ANALYZE: {e}"))?;
    }
    Ok((conn, first, last, totals, took))
}

/// Seeds, times and prints.
pub fn run(plan: &YearPlan, admin: &str) -> Result<(), String> {
    let tz: Tz = std::env::var("FRONTDESK_TZ").ok().and_then(|t| t.parse().ok()).unwrap_or(chrono_tz::America::Chicago);
    let db = FreshDb::create(plan.backend, admin, 0)?;
    let (mut conn, first, last, totals, took) = seed_year(&db, plan, tz)?;
    let label = format!("{:?}", plan.backend).to_lowercase();
    println!("\n{label}: {first}..={last} ({tz}), {} visits, {} rows, seeded in {:.1} s", totals.visits, totals.rows, took.as_secs_f64());
    let ranges = ranges(tz, first, last)?;
    let mut all: BTreeMap<&str, BTreeMap<&str, Timing>> = BTreeMap::new();
    println!("{:<16}{:>22}{:>22}{:>22}", "report", "year p50/max ms", "month p50/max ms", "day p50/max ms");
    for name in NAMES {
        let mut line = format!("{name:<16}");
        for (scope, range) in &ranges {
            let t = time(&mut conn, name, *range, plan.repeat)?;
            line.push_str(&format!("{:>22}", format!("{:.1} / {:.1}", t.p50_ms, t.max_ms)));
            all.entry(name).or_default().insert(scope, t);
        }
        println!("{line}");
    }
    let bounds: BTreeMap<&str, String> = ranges.iter().map(|(s, r)| (*s, format!("{}..={}", r.from, r.to))).collect();
    if plan.json {
        let json =
            serde_json::json!({ "run": label, "ranges": bounds, "seeded": totals, "seed_seconds": took.as_secs_f64(), "reports": all });
        println!("{json}");
    }
    Ok(())
}
