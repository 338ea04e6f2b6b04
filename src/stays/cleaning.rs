//! Housekeeping (spec flows.md §5): a batch of up to 50 rooms or lockers moved to one status,
//! each in its own savepoint so that every unit succeeds or fails on its own and the answer
//! lists both. The allowed changes are `domain::cleaning`'s; anything else only as a manager's
//! override (fresh step-up and a written reason, checked by the caller), which leaves the
//! unit's sticky `override_flag`. Every change is recorded (`inventory_transitions`) and
//! audited (`UNIT_STATUS_CHANGED`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::transitions::{Cause, Transition};
use crate::db::DbConn;
use crate::db::ids::{LockerId, ResourceId, RoomId, StaffId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::schema::{inventory_holds, lane_sessions, lockers, rooms};
use crate::db::sql_types::Ts;
use crate::domain::cleaning::{Asker, Verdict, judge, permitted};
use crate::domain::enums::{InventoryStatus, ResourceType};
use crate::error::AppError;

/// The most units one batch may name.
pub const MAX_BATCH: usize = 50;

/// One batch, as the caller checked it.
pub struct Batch<'a> {
    /// the units, by kind and number
    pub units: &'a [(ResourceType, String)],
    /// the status they should reach
    pub to: InventoryStatus,
    /// who
    pub staff: StaffId,
    /// employee or manager
    pub asker: Asker,
    /// a manager's override with its reason (step-up already checked)
    pub override_reason: Option<&'a str>,
}

/// A unit that changed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitChanged {
    /// ROOM or LOCKER
    #[schema(value_type = String)]
    pub kind: ResourceType,
    /// its number
    pub number: String,
    /// before
    #[schema(value_type = String)]
    pub from: InventoryStatus,
    /// now
    #[schema(value_type = String)]
    pub to: InventoryStatus,
    /// made by override (the unit's flag is set)
    pub overridden: bool,
}

/// A unit left as it was, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitRefused {
    /// ROOM or LOCKER
    #[schema(value_type = String)]
    pub kind: ResourceType,
    /// its number
    pub number: String,
    /// its status (absent when there is no such unit)
    #[schema(value_type = Option<String>)]
    pub status: Option<InventoryStatus>,
    /// stable code: `UNIT_NOT_FOUND`, `ALREADY_IN_STATUS`, `UNIT_OCCUPIED`, `UNIT_HELD`,
    /// `MANAGER_REQUIRED`, `OVERRIDE_REQUIRED`, `STALE_VERSION`
    pub code: String,
    /// what happened and what to do, in words
    pub message: String,
}

/// What a batch did.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct BatchOutcome {
    /// the units that changed
    pub changed: Vec<UnitChanged>,
    /// the units left as they were
    pub refused: Vec<UnitRefused>,
}

struct Unit {
    id: ResourceId,
    kind: ResourceType,
    number: String,
    status: InventoryStatus,
    version: i64,
    flagged: bool,
}

fn find(conn: &mut DbConn, kind: ResourceType, number: &str) -> QueryResult<Option<Unit>> {
    let row: Option<(ResourceId, InventoryStatus, i64, bool)> = match kind {
        ResourceType::Room => rooms::table
            .filter(rooms::number.eq(number))
            .select((rooms::id, rooms::status, rooms::version, rooms::override_flag))
            .first::<(RoomId, InventoryStatus, i64, bool)>(conn)
            .optional()?
            .map(|(id, s, v, f)| (id.into(), s, v, f)),
        ResourceType::Locker => lockers::table
            .filter(lockers::number.eq(number))
            .select((lockers::id, lockers::status, lockers::version, lockers::override_flag))
            .first::<(LockerId, InventoryStatus, i64, bool)>(conn)
            .optional()?
            .map(|(id, s, v, f)| (id.into(), s, v, f)),
    };
    Ok(row.map(|(id, status, version, flagged)| Unit { id, kind, number: number.to_owned(), status, version, flagged }))
}

/// The lane whose check-in holds the unit (`Some(None)` for a waitlist offer), if it is held.
fn holder(conn: &mut DbConn, unit: &Unit) -> QueryResult<Option<Option<String>>> {
    inventory_holds::table
        .left_join(lane_sessions::table.on(inventory_holds::lane_session_id.eq(lane_sessions::id.nullable())))
        .filter(inventory_holds::resource_type.eq(unit.kind).and(inventory_holds::resource_id.eq(unit.id)))
        .filter(inventory_holds::released_at.is_null())
        .select(lane_sessions::lane_id.nullable())
        .first(conn)
        .optional()
}

fn label(kind: ResourceType, number: &str) -> String {
    match kind {
        ResourceType::Room => format!("Room {number}"),
        ResourceType::Locker => format!("Locker {number}"),
    }
}

fn refusal(kind: ResourceType, number: &str, status: Option<InventoryStatus>, code: &str, message: String) -> UnitRefused {
    UnitRefused { kind, number: number.to_owned(), status, code: code.to_owned(), message }
}

/// Why `verdict` does not let the change go ahead, in words.
fn refused_by(verdict: Verdict, unit: &Unit, to: InventoryStatus) -> (&'static str, String) {
    let name = label(unit.kind, &unit.number);
    match verdict {
        Verdict::Unchanged => ("ALREADY_IN_STATUS", format!("{name} is already {}.", words(to))),
        Verdict::Never => ("UNIT_OCCUPIED", format!("{name} is occupied: check the customer out first.")),
        Verdict::ManagerOnly => ("MANAGER_REQUIRED", format!("Only a manager can take {name} out of order.")),
        _ => (
            "OVERRIDE_REQUIRED",
            format!("{name} cannot go from {} to {} directly; a manager can override with a reason.", words(unit.status), words(to)),
        ),
    }
}

/// A status in words.
pub fn words(status: InventoryStatus) -> &'static str {
    match status {
        InventoryStatus::Clean => "clean",
        InventoryStatus::Occupied => "occupied",
        InventoryStatus::Dirty => "dirty",
        InventoryStatus::Cleaning => "being cleaned",
        InventoryStatus::OutOfOrder => "out of order",
    }
}

/// Applies the batch at `now` in the caller's transaction; each unit in its own savepoint.
pub fn apply(conn: &mut DbConn, batch: &Batch, now: DateTime<Utc>) -> Result<BatchOutcome, AppError> {
    let mut outcome = BatchOutcome::default();
    for (kind, number) in batch.units {
        match conn.transaction(|c| one(c, batch, *kind, number, now)) {
            Ok(Ok(changed)) => outcome.changed.push(changed),
            Ok(Err(refused)) => outcome.refused.push(refused),
            Err(err) => return Err(err),
        }
    }
    Ok(outcome)
}

/// One unit: `Ok(Err(_))` is a refusal for the answer (its savepoint rolls nothing back, as
/// nothing was written), `Err(_)` a database failure that ends the batch.
fn one(
    conn: &mut DbConn,
    batch: &Batch,
    kind: ResourceType,
    number: &str,
    now: DateTime<Utc>,
) -> Result<Result<UnitChanged, UnitRefused>, AppError> {
    let Some(unit) = find(conn, kind, number)? else {
        return Ok(Err(refusal(kind, number, None, "UNIT_NOT_FOUND", format!("There is no {}.", label(kind, number).to_lowercase()))));
    };
    let verdict = judge(unit.status, batch.to, batch.asker);
    let Some(flag) = permitted(verdict, batch.override_reason.is_some()) else {
        let (code, message) = refused_by(verdict, &unit, batch.to);
        return Ok(Err(refusal(kind, number, Some(unit.status), code, message)));
    };
    if let Some(lane) = holder(conn, &unit)? {
        let by = lane.map_or_else(|| "an upgrade offer".to_owned(), |l| format!("the check-in at {}", l.replace("lane-", "Lane ")));
        let message = format!("{} is held by {by}; finish or cancel it first.", label(kind, number));
        return Ok(Err(refusal(kind, number, Some(unit.status), "UNIT_HELD", message)));
    }
    if !write(conn, &unit, batch.to, flag, now)? {
        let message = format!("{} changed in the meantime; look again.", label(kind, number));
        return Ok(Err(refusal(kind, number, Some(unit.status), "STALE_VERSION", message)));
    }
    let cause = if flag { Cause::Override } else { Cause::Cleaning };
    let reason = batch.override_reason.filter(|_| flag);
    Transition { kind, unit: unit.id, from: unit.status, to: batch.to, cause, staff: Some(batch.staff), reason }.record(conn, now)?;
    NewAuditEvent {
        actor: Actor::Staff(batch.staff),
        lane_id: None,
        action: "UNIT_STATUS_CHANGED",
        entity: Some((if kind == ResourceType::Room { "room" } else { "locker" }, unit.id.to_string())),
        summary: json!({ "number": number, "from": unit.status, "to": batch.to, "override": flag }),
        reason,
    }
    .append(conn, now)?;
    Ok(Ok(UnitChanged { kind, number: number.to_owned(), from: unit.status, to: batch.to, overridden: flag }))
}

/// The optimistic write: only if the unit is still at the version and status read (so the
/// sticky flag read with them is current).
fn write(conn: &mut DbConn, unit: &Unit, to: InventoryStatus, flag: bool, now: DateTime<Utc>) -> QueryResult<bool> {
    let n = match unit.kind {
        ResourceType::Room => crate::db::cached::Reusable(
            diesel::update(rooms::table.find(RoomId(unit.id.0)).filter(rooms::version.eq(unit.version).and(rooms::status.eq(unit.status))))
                .set((
                    rooms::status.eq(to),
                    rooms::override_flag.eq(unit.flagged || flag),
                    rooms::version.eq(rooms::version + 1),
                    rooms::last_status_change.eq(Ts(now)),
                    rooms::updated_at.eq(Ts(now)),
                )),
        )
        .execute(conn)?,
        ResourceType::Locker => crate::db::cached::Reusable(
            diesel::update(
                lockers::table.find(LockerId(unit.id.0)).filter(lockers::version.eq(unit.version).and(lockers::status.eq(unit.status))),
            )
            .set((
                lockers::status.eq(to),
                lockers::override_flag.eq(unit.flagged || flag),
                lockers::version.eq(lockers::version + 1),
                lockers::last_status_change.eq(Ts(now)),
                lockers::updated_at.eq(Ts(now)),
            )),
        )
        .execute(conn)?,
    };
    if n == 1 {
        crate::db::touched::stock();
    }
    Ok(n == 1)
}
