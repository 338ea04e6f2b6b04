//! `/api/reports/{name}`: a manager's figures over club-local days, as JSON or CSV
//! (docs/reports.md defines them).

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::signatures::{date, present};
use super::text::Input;
use super::wire::ErrorBody;
use crate::access::extract::{Authed, Manager};
use crate::error::AppError;
use crate::http::state::AppState;
use crate::reports::{self, Range};

/// Which days, and how.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// first club-local day (YYYY-MM-DD)
    #[param(value_type = String, format = "date")]
    pub from: Option<Input>,
    /// last club-local day, inclusive (YYYY-MM-DD); at most 400 days after `from`
    #[param(value_type = String, format = "date")]
    pub to: Option<Input>,
    /// `json` (default) or `csv`
    #[param(value_type = Option<String>, pattern = "^(json|csv)$")]
    pub format: Option<Input>,
}

/// The report's name.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ReportPath {
    /// `visits`, `revenue`, `occupancy`, `late_checkouts`, `stay_length`, `cleaning`, `signatures` or `waitlist`
    pub name: String,
}

/// The range and format asked for, or 400 `VALIDATION_FAILED` naming the field.
fn parse(q: &ReportQuery, tz: chrono_tz::Tz) -> Result<(Range, bool), AppError> {
    let from = date("from", &q.from)?.ok_or_else(|| AppError::invalid("from", "from is required (a date like 2026-11-20)."))?;
    let to = date("to", &q.to)?.ok_or_else(|| AppError::invalid("to", "to is required (a date like 2026-11-20)."))?;
    let csv = match present("format", &q.format, 10)?.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => return Err(AppError::invalid("format", "format must be json or csv.")),
    };
    let range = Range::new(tz, from, to).map_err(|e| AppError::invalid(e.field, e.message))?;
    Ok((range, csv))
}

/// One report over club-local days `from..=to`: `visits`, `revenue`, `occupancy`, `late_checkouts`, `stay_length`,
/// `cleaning`, `signatures` or `waitlist`; `format=csv` answers a formula-guarded CSV with a `TOTAL` line.
#[utoipa::path(get, path = "/api/reports/{name}", tag = "reports", security(("manager" = [])), params(ReportPath, ReportQuery),
    responses((status = 200, description = "the report (JSON), or text/csv with `format=csv`", content_type = "application/json", body = Object),
        (status = 400, body = ErrorBody, description = "`VALIDATION_FAILED` naming `from`, `to` or `format`"),
        (status = 404, body = ErrorBody, description = "no such report")))]
pub async fn report(
    Authed(Manager(_), (path, query)): Authed<Manager, (web::Path<ReportPath>, web::Query<ReportQuery>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let name = path.into_inner().name;
    if !reports::NAMES.contains(&name.as_str()) {
        return Err(AppError::NotFound { what: "The report" });
    }
    let (range, csv) = parse(&query, state.settings.tz)?;
    let report = {
        let (name, now) = (name.clone(), state.clock.now());
        state.db(move |c| reports::compute(c, &name, range, now)?.ok_or(AppError::NotFound { what: "The report" })).await?
    };
    if csv {
        let file = format!("{name}-{}-{}.csv", range.from, range.to);
        return Ok(HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")))
            .body(report.csv()));
    }
    Ok(HttpResponse::Ok().json(report))
}
