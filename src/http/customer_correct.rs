//! Correcting a customer by hand at the desk: name, date of birth, membership number, with a
//! reason; audited as `CUSTOMER_CORRECTED` with before/after. See docs/customers.md.

use actix_web::HttpResponse;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::text::{Input, Lines, Text};
use super::validate;
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AtDesk, Authed};
use crate::access::principal::StaffAuth;
use crate::db::ids::CustomerId;
use crate::db::models::audit_event::NewAuditEvent;
use crate::db::models::customer::Customer;
use crate::db::models::lane_session::{LaneSession, bump_rev};
use crate::db::schema::customers;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::domain::identity::{self, IdRefusal, correction};
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::hub::Hub;
use crate::lanes::notify::{self, Notice};
use crate::lanes::views::register::{CustomerSummary, customer_summary};

/// A correction: at least one field that differs from the record, and why.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectCustomer {
    /// the right full name (1–200 characters)
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    pub name: Option<Input>,
    /// the right date of birth (1900-01-01 to today)
    pub dob: Option<NaiveDate>,
    /// the right membership number (1–50 characters); an empty string removes it
    #[schema(value_type = Option<String>, max_length = 50)]
    pub membership_number: Option<Input>,
    /// why (3–200 characters), kept in the audit log
    #[schema(value_type = String, min_length = 3, max_length = 200)]
    pub reason: Input,
}

/// The corrected customer.
#[derive(Serialize, ToSchema)]
pub struct Corrected {
    /// the record after the correction
    pub customer: CustomerSummary,
    /// the fields that changed: `name`, `dob`, `membership_number`
    pub changed: Vec<String>,
    /// the corrected date of birth makes the customer under 18: a check-in will be refused
    pub underage: bool,
}

/// A `CorrectCustomer` whose every field passed its check.
struct Checked {
    requested: correction::Requested,
    reason: Text,
}

fn check(body: &CorrectCustomer, today: NaiveDate) -> Result<Checked, AppError> {
    let name = body.name.as_ref().map(|n| n.text("name", 1, 200, Lines::One)).transpose()?;
    let dob = body.dob.map(|d| validate::date_of_birth("dob", d, today)).transpose()?;
    let membership_number = match &body.membership_number {
        Some(raw) if raw.is_blank() => Some(None),
        Some(raw) => Some(Some(raw.text("membership_number", 1, 50, Lines::One)?.into_string())),
        None => None,
    };
    let reason = body.reason.text("reason", 3, 200, Lines::One)?;
    let requested = correction::Requested { name: name.map(Text::into_string), dob, membership_number };
    Ok(Checked { requested, reason })
}

fn no_change() -> AppError {
    AppError::Invalid {
        code: "NO_CHANGE",
        field: None,
        message: "Nothing to correct: the name, date of birth and membership number are already as given.".into(),
    }
}

fn number_taken(conn: &mut DbConn, id: CustomerId, number: Option<&str>) -> Result<(), AppError> {
    let Some(number) = number else { return Ok(()) };
    if Customer::by_membership_number(conn, number)?.iter().any(|c| c.id != id) {
        return Err(AppError::Conflict {
            code: "MEMBERSHIP_NUMBER_TAKEN",
            message: "Another customer already has this membership number.".into(),
            details: json!({ "field": "membership_number" }),
        });
    }
    Ok(())
}

/// Reads, decides, writes with a check that nobody changed the row meanwhile, audits, and
/// moves the lane of a live check-in of this customer so both screens show the new details.
/// Returns the lane to push.
fn correct_inner(
    conn: &mut DbConn,
    hub: &Hub,
    by: &StaffAuth,
    lane: Option<&str>,
    id: CustomerId,
    asked: &Checked,
    now: DateTime<Utc>,
) -> Result<(Customer, Vec<&'static str>, Option<String>), AppError> {
    write_tx(conn, |conn| {
        let (before, stamp): (Customer, Ts) = customers::table
            .find(id)
            .select((Customer::as_select(), customers::updated_at))
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound { what: "The customer" })?;
        let current =
            correction::Correctable { name: before.name.clone(), dob: before.dob, membership_number: before.membership_number.clone() };
        let change = correction::correct(&current, &asked.requested).map_err(|_| no_change())?;
        if change.changed.contains(&"membership_number") {
            number_taken(conn, id, change.after.membership_number.as_deref())?;
        }
        let updated = diesel::update(customers::table.find(id).filter(customers::updated_at.eq(stamp)))
            .set((
                customers::name.eq(&change.after.name),
                customers::dob.eq(change.after.dob),
                customers::membership_number.eq(change.after.membership_number.as_deref()),
                customers::updated_at.eq(Ts(now)),
            ))
            .execute(conn)?;
        if updated == 0 {
            return Err(AppError::conflict("RETRY", "Someone else changed this customer just now. Please look and try again."));
        }
        NewAuditEvent {
            actor: by.actor(),
            lane_id: lane,
            action: "CUSTOMER_CORRECTED",
            entity: Some(("customer", id.to_string())),
            summary: change.summary.clone(),
            reason: Some(asked.reason.as_str()),
        }
        .append(conn, now)?;
        let live = LaneSession::live_for_customer(conn, id)?.map(|s| s.lane_id);
        if let Some(lane) = &live
            && let Some(rev) = bump_rev(conn, lane, None)?
        {
            notify::announce(conn, hub, Notice::View { lane: lane.clone(), rev })?;
        }
        let after = Customer::find(conn, id)?.ok_or(AppError::NotFound { what: "The customer" })?;
        Ok((after, change.changed, live))
    })
}

/// Corrects a customer's name, date of birth and/or membership number (staff at a register, or
/// a manager). The ID scan's lookup hashes are kept, so the same ID still finds them. 400
/// `NO_CHANGE` when nothing would change; a ban stays as it is.
#[utoipa::path(post, path = "/api/customers/{customer_id}/corrections", operation_id = "correct_customer", tag = "customers",
    request_body = CorrectCustomer, security(("register" = []), ("manager" = [])),
    params(("customer_id" = String, Path, format = "uuid")),
    responses((status = 200, body = Corrected), (status = 400, body = ErrorBody, description = "`NO_CHANGE` (every value is already as given)"),
        (status = 404, body = ErrorBody, description = "no such customer"),
        (status = 409, body = ErrorBody, description = "`MEMBERSHIP_NUMBER_TAKEN` (`details.field`), `RETRY` (changed meanwhile)")))]
pub async fn correct(
    Authed(desk, (id, body)): Authed<AtDesk, (web::Path<CustomerId>, web::Json<CorrectCustomer>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let today = now.with_timezone(&state.settings.tz).date_naive();
    let asked = check(&body, today)?;
    let (id, hub) = (id.into_inner(), state.hub.clone());
    let (customer, changed, live) = state
        .db(move |c| {
            let done = correct_inner(c, &hub, &desk.auth, desk.lane.as_deref(), id, &asked, now)?;
            if let Some(lane) = &done.2
                && let Err(err) = hub.refresh(c, lane)
            {
                tracing::warn!(lane.id = %lane, error = %err, "cannot push the lane's new views");
            }
            Ok(done)
        })
        .await?;
    tracing::info!(customer.id = %id, fields = ?changed, lane.pushed = live.is_some(), "customer corrected");
    let underage = matches!(identity::check(customer.dob, None, today), Err(IdRefusal::Underage { .. }));
    let changed = changed.into_iter().map(str::to_owned).collect();
    Ok(HttpResponse::Ok().json(Corrected { customer: customer_summary(&customer), changed, underage }))
}
