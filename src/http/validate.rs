//! Input checks shared by handlers beyond plain text (which is [`super::text::Text`]): PINs,
//! lane ids in paths and the sane range of every date the API accepts. Each refusal is a 400
//! naming the field (a lane that cannot exist is a 404, like one that does not).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::text::{Input, Lines, Text};
use crate::db::models::lane::is_valid_lane_id;
use crate::error::AppError;
use crate::security::pin::PinError;

/// A PIN: six ASCII digits (surrounding white space trimmed), else a 400 naming the field.
pub fn pin(field: &str, value: &Input) -> Result<Text, AppError> {
    let format = || AppError::invalid(field, PinError::Format.to_string());
    let pin = value.text(field, 6, 6, Lines::One).map_err(|_| format())?;
    crate::security::pin::validate(&pin).map_err(|_| format())?;
    Ok(pin)
}

/// The `{lane}` of a path. Path segments are identifiers, never free text: a lane id has the
/// strict ASCII form `lane-N`, and anything else (a NUL, a space, `lane-01`) names no lane, so
/// it is 404 like an unknown lane.
pub fn lane(segment: &str) -> Result<String, AppError> {
    if is_valid_lane_id(segment) { Ok(segment.to_owned()) } else { Err(AppError::NotFound { what: "The lane" }) }
}

/// The earliest date of birth accepted.
pub use crate::domain::identity::validity::FIRST_BIRTH_DATE;
/// The earliest date the API accepts for anything but a birth (filters, timestamps).
pub const FIRST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date");
/// The last date the API accepts.
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2100, 12, 31).expect("a date");
/// The day after [`LAST_DATE`].
const AFTER_LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2101, 1, 1).expect("a date");

/// A date of birth: from 1900-01-01 to `today` (the club's date). A future date is a typing
/// mistake, refused as such (never reported as "under 18").
pub fn date_of_birth(field: &str, dob: NaiveDate, today: NaiveDate) -> Result<NaiveDate, AppError> {
    if dob > today {
        return Err(AppError::invalid(field, format!("{field} cannot be in the future.")));
    }
    if dob < FIRST_BIRTH_DATE {
        return Err(AppError::invalid(field, format!("{field} must be on or after {FIRST_BIRTH_DATE}.")));
    }
    Ok(dob)
}

/// A date such as a filter bound: 2000-01-01 to 2100-12-31.
pub fn date(field: &str, value: NaiveDate) -> Result<NaiveDate, AppError> {
    if (FIRST_DATE..=LAST_DATE).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::invalid(field, format!("{field} must be between {FIRST_DATE} and {LAST_DATE}.")))
    }
}

/// A point in time sent by a client: 2000-01-01T00:00:00Z to the end of 2100-12-31 (UTC).
pub fn timestamp(field: &str, value: DateTime<Utc>) -> Result<DateTime<Utc>, AppError> {
    let first = FIRST_DATE.and_time(NaiveTime::MIN).and_utc();
    let end = AFTER_LAST_DATE.and_time(NaiveTime::MIN).and_utc();
    if first <= value && value < end {
        Ok(value)
    } else {
        Err(AppError::invalid(field, format!("{field} must be between {FIRST_DATE} and {LAST_DATE} (UTC).")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn field(err: AppError) -> Option<String> {
        match err {
            AppError::Invalid { code: "VALIDATION_FAILED", field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_date_of_birth_is_between_1900_and_today() {
        let today = d("2026-11-20");
        for ok in ["1900-01-01", "1985-07-04", "2026-11-20"] {
            assert_eq!(date_of_birth("dob", d(ok), today).unwrap(), d(ok));
        }
        for bad in ["1899-12-31", "2026-11-21", "9999-12-31", "-262143-01-01", "+262142-12-31"] {
            assert_eq!(field(date_of_birth("dob", d(bad), today).unwrap_err()), Some("dob".into()), "{bad}");
        }
        assert_eq!(date_of_birth("dob", d("2026-11-21"), today).unwrap_err().to_string(), "dob cannot be in the future.");
    }

    #[test]
    fn other_dates_are_between_2000_and_2100() {
        for ok in ["2000-01-01", "2026-11-20", "2100-12-31"] {
            assert!(date("from", d(ok)).is_ok());
        }
        for bad in ["1999-12-31", "2101-01-01", "-262143-01-01", "9999-01-01"] {
            assert_eq!(field(date("from", d(bad)).unwrap_err()), Some("from".into()), "{bad}");
        }
    }

    #[test]
    fn timestamps_are_between_2000_and_2100() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        for ok in ["2000-01-01T00:00:00Z", "2026-11-20T18:00:00.5Z", "2100-12-31T23:59:59.999999Z"] {
            assert!(timestamp("consent_at", t(ok)).is_ok(), "{ok}");
        }
        for bad in ["1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            assert_eq!(field(timestamp("consent_at", t(bad)).unwrap_err()), Some("consent_at".into()), "{bad}");
        }
        assert!(timestamp("consent_at", DateTime::<Utc>::MIN_UTC).is_err());
    }

    #[test]
    fn pins_are_six_digits() {
        assert_eq!(pin("pin", &Input::from(" 123456 ")).unwrap().as_str(), "123456");
        for bad in ["12345", "1234567", "12a456", "12\u{0}456", "１２３４５６"] {
            assert_eq!(field(pin("pin", &Input::from(bad)).unwrap_err()), Some("pin".into()), "{bad:?}");
        }
    }

    #[test]
    fn a_lane_segment_is_a_lane_id_or_not_found() {
        assert_eq!(lane("lane-1").unwrap(), "lane-1");
        for bad in ["lane-0", "lane-01", "lane-1\u{0}", "lane 1", ""] {
            assert!(matches!(lane(bad), Err(AppError::NotFound { .. })), "{bad:?}");
        }
    }
}
