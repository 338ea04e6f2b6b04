//! `frontdesk report NAME --from --to [--csv]`: the figures of `/api/reports/{name}`
//! (docs/reports.md), as pretty JSON or the same CSV, in the club's time zone
//! (`FRONTDESK_TZ`).

use std::process::ExitCode;

use chrono::NaiveDate;

use super::CliResult;
use super::admin::connect;
use crate::config::Settings;
use crate::reports::{self, Range};

/// Prints report `name` over club-local days `from..=to`.
pub fn report(settings: &Settings, name: &str, from: NaiveDate, to: NaiveDate, csv: bool) -> CliResult {
    if !reports::NAMES.contains(&name) {
        return Err(format!("no report named {name}; the reports are {}", reports::NAMES.join(", ")));
    }
    let range = Range::new(settings.tz, from, to).map_err(|e| format!("--{}: {}", e.field, e.message))?;
    let mut conn = connect(settings)?;
    let report = reports::compute(&mut conn, name, range, chrono::Utc::now())
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no report named {name}"))?;
    if csv {
        print!("{}", report.csv());
    } else {
        println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    }
    Ok(ExitCode::SUCCESS)
}
