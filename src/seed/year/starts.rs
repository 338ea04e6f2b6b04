//! When the generated visits begin: a number of visits per club-local day (busier on Friday
//! and Saturday, quieter early in the week, ±10 %), at hours weighted like a club's evening
//! trade, as UTC instants in order.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc, Weekday};

use super::Spec;
use super::rng::Rng;

/// Relative arrivals per club-local hour 0–23: a quiet morning, a busy evening.
const HOURS: [u64; 24] = [4, 3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9, 10, 11, 12, 12, 11, 8, 6];

fn visits_on(spec: &Spec, date: NaiveDate, rng: &mut Rng) -> u64 {
    let weekday = match date.weekday() {
        Weekday::Fri | Weekday::Sat => 130,
        Weekday::Sun => 110,
        Weekday::Mon | Weekday::Tue => 80,
        _ => 90,
    };
    u64::from(spec.visits_per_day) * weekday * (90 + rng.below(21)) / 10_000
}

/// Every visit's start, sorted.
pub fn starts(spec: &Spec, rng: &mut Rng) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    for date in spec.first_day.iter_days().take(spec.days as usize) {
        for _ in 0..visits_on(spec, date, rng) {
            let hour = u32::try_from(rng.weighted(&HOURS)).unwrap_or(0);
            let (minute, second) = (rng.below(60) as u32, rng.below(60) as u32);
            // a time skipped by a DST jump is simply not generated
            let local = date.and_hms_opt(hour, minute, second).and_then(|t| spec.tz.from_local_datetime(&t).earliest());
            out.extend(local.map(|t| t.with_timezone(&Utc)));
        }
    }
    out.sort();
    out
}
