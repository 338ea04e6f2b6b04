//! Club-local calendar days as UTC instants, for date filters: a manager's "from 2026-11-20
//! to 2026-11-21" means those days on the club's clock, whatever the offset or DST.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The first instant of the club-local day `date`. Where a DST jump skips midnight, the day
/// starts at the first local time that exists.
pub fn day_start(tz: Tz, date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    (0..=24 * 4)
        .map(|quarter| midnight + Duration::minutes(15 * quarter))
        .find_map(|local| tz.from_local_datetime(&local).earliest())
        .map_or_else(|| Utc.from_utc_datetime(&midnight), |t| t.with_timezone(&Utc))
}

/// `[start of from, start of the day after to)`: both days inclusive.
pub fn days_range(tz: Tz, from: Option<NaiveDate>, to: Option<NaiveDate>) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let start = from.map(|d| day_start(tz, d));
    let end = to.map(|d| d.succ_opt().map_or(DateTime::<Utc>::MAX_UTC, |next| day_start(tz, next)));
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::{Chicago, Santiago};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_chicago_day_runs_from_local_midnight_to_local_midnight() {
        let (start, end) = days_range(Chicago, Some(date("2026-11-20")), Some(date("2026-11-20")));
        assert_eq!(start, Some(utc("2026-11-20T06:00:00Z")));
        assert_eq!(end, Some(utc("2026-11-21T06:00:00Z")));
        // the day DST ends is 25 hours long
        let (start, end) = days_range(Chicago, Some(date("2026-11-01")), Some(date("2026-11-01")));
        assert_eq!(end.unwrap() - start.unwrap(), Duration::hours(25));
    }

    #[test]
    fn a_skipped_midnight_starts_the_day_at_the_first_existing_time() {
        // Chile moved its clocks from 00:00 to 01:00 on 2022-09-11
        assert_eq!(day_start(Santiago, date("2022-09-11")), utc("2022-09-11T04:00:00Z"));
    }

    #[test]
    fn open_ends_stay_open() {
        assert_eq!(days_range(Chicago, None, None), (None, None));
    }
}
