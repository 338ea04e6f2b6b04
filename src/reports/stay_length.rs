//! `stay_length`: how long the stays that ended in the range lasted, from the visit's start to
//! its checkout: the average, a distribution in fixed bands, and both per rental type (the
//! type of the block checked out of, so an upgraded stay counts as its last tier).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use crate::db::DbConn;
use crate::db::schema::{checkin_blocks, checkouts, visits};
use crate::db::sql_types::Ts;
use crate::domain::csv::line;
use crate::domain::enums::RentalType;

/// The bands' lower bounds in minutes (each band runs to the next bound; the last is open).
pub const BANDS: [i64; 6] = [0, 120, 240, 360, 480, 720];

/// Stays in one group.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Lengths {
    /// stays ended
    pub stays: i64,
    /// their minutes, summed
    pub total_minutes: i64,
    /// `total_minutes / stays`, rounded to the nearest minute (0 without stays)
    pub average_minutes: i64,
    /// stays per band of [`BANDS`], in order
    pub bands: [i64; 6],
}

impl Lengths {
    fn add(&mut self, minutes: i64) {
        self.stays += 1;
        self.total_minutes += minutes;
        self.bands[band_of(minutes)] += 1;
        self.average_minutes = average(self.total_minutes, self.stays);
    }
}

/// The band a stay of `minutes` falls in.
pub fn band_of(minutes: i64) -> usize {
    BANDS.iter().rposition(|&from| minutes >= from).unwrap_or(0)
}

/// `total / count` rounded half up (0 when `count` is 0).
pub fn average(total: i64, count: i64) -> i64 {
    if count == 0 { 0 } else { (2 * total + count).div_euclid(2 * count) }
}

/// The `stay_length` report.
#[derive(Debug, Serialize)]
pub struct StayLength {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// the bands' lower bounds in minutes
    pub bands_from_minutes: [i64; 6],
    /// every stay checked out in the range
    pub total: Lengths,
    /// by rental type of the block checked out of
    pub by_rental_type: BTreeMap<String, Lengths>,
}

/// Reads the checkouts whose `checked_out_at` falls in the range, with their visit's start.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<StayLength> {
    let (start, end) = range.bounds();
    let rows: Vec<(Ts, Ts, RentalType)> = checkouts::table
        .inner_join(visits::table.on(visits::id.eq(checkouts::visit_id)))
        .inner_join(checkin_blocks::table.on(checkin_blocks::id.eq(checkouts::checkin_block_id)))
        .filter(checkouts::checked_out_at.ge(Ts(start)).and(checkouts::checked_out_at.lt(Ts(end))))
        .select((visits::started_at, checkouts::checked_out_at, checkin_blocks::rental_type))
        .load(conn)?;
    let mut report = StayLength {
        from: range.from,
        to: range.to,
        bands_from_minutes: BANDS,
        total: Lengths::default(),
        by_rental_type: BTreeMap::new(),
    };
    for (started, ended, rental) in rows {
        let minutes = (ended.0 - started.0).num_minutes().max(0);
        report.total.add(minutes);
        report.by_rental_type.entry(rental.as_str().to_owned()).or_default().add(minutes);
    }
    Ok(report)
}

impl StayLength {
    /// `rental_type,stays,average_minutes,<band>...` per rental type, then `TOTAL`.
    pub fn csv(&self) -> String {
        let mut header = vec!["rental_type".to_owned(), "stays".to_owned(), "average_minutes".to_owned()];
        header.extend(BANDS.iter().map(|from| format!("from_{from}_min")));
        let row = |name: &str, l: &Lengths| {
            let mut cells = vec![name.to_owned(), l.stays.to_string(), l.average_minutes.to_string()];
            cells.extend(l.bands.iter().map(i64::to_string));
            line(&cells)
        };
        std::iter::once(line(&header))
            .chain(self.by_rental_type.iter().map(|(name, l)| row(name, l)))
            .chain(std::iter::once(row("TOTAL", &self.total)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_start_at_their_bound() {
        assert_eq!([0, 119, 120, 359, 360, 719, 720, 5000].map(band_of), [0, 0, 1, 2, 3, 4, 5, 5]);
    }

    #[test]
    fn averages_round_half_up() {
        assert_eq!((average(0, 0), average(5, 2), average(4, 3), average(7, 2)), (0, 3, 1, 4));
        let mut l = Lengths::default();
        for m in [100, 400, 401] {
            l.add(m);
        }
        assert_eq!((l.stays, l.total_minutes, l.average_minutes, l.bands), (3, 901, 300, [1, 0, 0, 2, 0, 0]));
    }
}
