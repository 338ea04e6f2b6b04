//! `/api/inventory/status`: housekeeping batches (cleaning, out of order and back) from the
//! register, the housekeeping screen or a manager.

use actix_web::HttpResponse;
use serde::Deserialize;
use utoipa::ToSchema;

use super::text::{Input, Lines};
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AnyStaff, Authed};
use crate::db::write_tx;
use crate::domain::cleaning::Asker;
use crate::domain::enums::{InventoryStatus, ResourceType, StaffRole};
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::notify::{self, Notice};
use crate::stays::cleaning::{self, Batch, BatchOutcome, MAX_BATCH};

/// One unit of a batch.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchUnit {
    /// ROOM or LOCKER
    #[schema(value_type = String, example = "ROOM")]
    pub kind: ResourceType,
    /// its number (1–10 characters)
    #[schema(value_type = String, min_length = 1, max_length = 10, example = "214")]
    pub number: Input,
}

/// A housekeeping batch.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusBatch {
    /// 1–50 units, each named once
    pub units: Vec<BatchUnit>,
    /// the status they should reach: CLEAN, DIRTY, CLEANING or OUT_OF_ORDER
    #[schema(value_type = String, example = "CLEANING")]
    pub status: InventoryStatus,
    /// a manager's override of the allowed transitions, with its reason (1–500 characters);
    /// needs a fresh step-up, and leaves each changed unit's override flag
    #[schema(value_type = Option<String>, min_length = 1, max_length = 500)]
    pub override_reason: Option<Input>,
}

fn units(body: &StatusBatch) -> Result<Vec<(ResourceType, String)>, AppError> {
    if body.units.is_empty() || body.units.len() > MAX_BATCH {
        return Err(AppError::invalid("units", format!("Name between 1 and {MAX_BATCH} rooms or lockers.")));
    }
    let mut seen = Vec::with_capacity(body.units.len());
    for (i, unit) in body.units.iter().enumerate() {
        let number = unit.number.text(&format!("units[{i}].number"), 1, 10, Lines::One)?.as_str().to_owned();
        let entry = (unit.kind, number);
        if seen.contains(&entry) {
            return Err(AppError::invalid("units", format!("{} is named twice.", entry.1)));
        }
        seen.push(entry);
    }
    Ok(seen)
}

/// Moves up to 50 rooms or lockers to one status. Each unit succeeds or fails on its own:
/// the answer lists the changed ones and the refused ones with a code and a sentence. Allowed
/// without override: DIRTY→CLEANING, CLEANING→CLEAN, CLEANING→DIRTY, CLEAN→DIRTY,
/// CLEAN→CLEANING, OUT_OF_ORDER→DIRTY, and any→OUT_OF_ORDER by a manager; never to or from
/// OCCUPIED.
#[utoipa::path(post, path = "/api/inventory/status", tag = "inventory", request_body = StatusBatch, security(("staff" = [])),
    responses((status = 200, body = BatchOutcome),
        (status = 403, body = ErrorBody, description = "an override by someone who is not a manager (`MANAGER_REQUIRED`) or without a fresh step-up (`STEP_UP_REQUIRED`)")))]
pub async fn set_status(
    Authed(AnyStaff(auth), body): Authed<AnyStaff, web::Json<StatusBatch>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let list = units(&body)?;
    if body.status == InventoryStatus::Occupied {
        return Err(AppError::invalid("status", "A unit becomes occupied only by a check-in."));
    }
    let now = state.clock.now();
    let reason = body.override_reason.as_ref().map(|r| r.text("override_reason", 1, 500, Lines::Many)).transpose()?;
    if reason.is_some() {
        auth.require_manager()?;
        auth.require_step_up(now)?;
    }
    let asker = if auth.staff.role == StaffRole::Manager { Asker::Manager } else { Asker::Staff };
    let (to, staff) = (body.status, auth.staff.id);
    let hub = state.hub.clone();
    let outcome = state
        .db(move |c| {
            let outcome = write_tx(c, |c| -> Result<_, AppError> {
                let batch = Batch { units: &list, to, staff, asker, override_reason: reason.as_deref() };
                let outcome = cleaning::apply(c, &batch, now)?;
                if !outcome.changed.is_empty() {
                    notify::announce(c, &hub, Notice::Stock { force: false })?;
                }
                Ok(outcome)
            })?;
            if !outcome.changed.is_empty() {
                super::stays::pushed(hub.stock_changed(c, false));
            }
            Ok(outcome)
        })
        .await?;
    tracing::info!(to = %to.as_str(), changed = outcome.changed.len(), refused = outcome.refused.len(), "housekeeping batch");
    Ok(HttpResponse::Ok().json(outcome))
}
