//! The open stays, as the due board lists them: overdue first (most overdue on top), then the
//! soonest due. One query per unit table, joined in SQL to the current block and the customer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::db::ids::{BlockId, CustomerId, ResourceId, VisitId};
use crate::db::schema::{checkin_blocks, customers, lockers, rooms};
use crate::db::sql_types::Ts;
use crate::domain::checkout::plan;
use crate::domain::enums::{RentalType, ResourceType};
use crate::lanes::board::due_flags;

/// One open stay.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpenStay {
    /// the visit
    #[schema(value_type = String, format = "uuid")]
    pub visit_id: VisitId,
    /// whose
    #[schema(value_type = String, format = "uuid")]
    pub customer_id: CustomerId,
    /// the customer's name
    pub customer_name: String,
    /// ROOM or LOCKER
    #[schema(value_type = String, example = "ROOM")]
    pub kind: ResourceType,
    /// the unit's number
    pub number: String,
    /// what was rented (STANDARD, DOUBLE, SPECIAL, LOCKER, GYM_LOCKER)
    #[schema(value_type = String, example = "STANDARD")]
    pub rental_type: RentalType,
    /// end of the current block: the checkout time
    pub checkout_at: DateTime<Utc>,
    /// whole minutes past the checkout time (0 when not yet due)
    pub minutes_late: i64,
    /// the checkout time has passed
    pub overdue: bool,
    /// the checkout time is within the next 30 minutes
    pub due_soon: bool,
    /// the late fee a checkout now would charge, in cents
    pub late_fee_cents: i64,
    /// a checkout now would ban the customer for 30 days
    pub late_ban: bool,
    #[serde(skip)]
    #[schema(ignore)]
    /// the unit's id (for the checkout)
    pub unit_id: ResourceId,
    /// the current block (its slip: `GET /api/slips/{block_id}`)
    #[schema(value_type = String, format = "uuid")]
    pub block_id: BlockId,
}

type Row<Id> = (Id, String, BlockId, VisitId, Ts, RentalType, CustomerId, String);

fn room_rows(conn: &mut DbConn, visit: Option<VisitId>) -> QueryResult<Vec<Row<crate::db::ids::RoomId>>> {
    let mut query = rooms::table
        .inner_join(checkin_blocks::table.on(rooms::current_block_id.eq(checkin_blocks::id.nullable())))
        .inner_join(customers::table.on(rooms::assigned_to_customer_id.eq(customers::id.nullable())))
        .select((
            rooms::id,
            rooms::number,
            checkin_blocks::id,
            checkin_blocks::visit_id,
            checkin_blocks::ends_at,
            checkin_blocks::rental_type,
            customers::id,
            customers::name,
        ))
        .into_boxed();
    if let Some(visit) = visit {
        query = query.filter(checkin_blocks::visit_id.eq(visit));
    }
    query.load(conn)
}

fn locker_rows(conn: &mut DbConn, visit: Option<VisitId>) -> QueryResult<Vec<Row<crate::db::ids::LockerId>>> {
    let mut query = lockers::table
        .inner_join(checkin_blocks::table.on(lockers::current_block_id.eq(checkin_blocks::id.nullable())))
        .inner_join(customers::table.on(lockers::assigned_to_customer_id.eq(customers::id.nullable())))
        .select((
            lockers::id,
            lockers::number,
            checkin_blocks::id,
            checkin_blocks::visit_id,
            checkin_blocks::ends_at,
            checkin_blocks::rental_type,
            customers::id,
            customers::name,
        ))
        .into_boxed();
    if let Some(visit) = visit {
        query = query.filter(checkin_blocks::visit_id.eq(visit));
    }
    query.load(conn)
}

fn stay<Id: Into<ResourceId>>(kind: ResourceType, row: Row<Id>, now: DateTime<Utc>) -> OpenStay {
    let (unit, number, block_id, visit_id, ends, rental_type, customer_id, customer_name) = row;
    let checkout_at = ends.0;
    let (overdue, due_soon) = due_flags(Some(checkout_at), now);
    let decided = plan(kind, checkout_at, now);
    OpenStay {
        visit_id,
        customer_id,
        customer_name,
        kind,
        number,
        rental_type,
        checkout_at,
        minutes_late: decided.minutes_late,
        overdue,
        due_soon,
        late_fee_cents: decided.fee.cents,
        late_ban: decided.banned_until.is_some(),
        unit_id: unit.into(),
        block_id,
    }
}

/// Overdue first (the longest overdue on top), then by checkout time; ties by number.
pub fn due_order(stays: &mut [OpenStay]) {
    stays.sort_by(|a, b| a.checkout_at.cmp(&b.checkout_at).then_with(|| a.number.cmp(&b.number)));
}

fn load(conn: &mut DbConn, now: DateTime<Utc>, visit: Option<VisitId>) -> QueryResult<Vec<OpenStay>> {
    let mut stays: Vec<OpenStay> = room_rows(conn, visit)?.into_iter().map(|r| stay(ResourceType::Room, r, now)).collect();
    stays.extend(locker_rows(conn, visit)?.into_iter().map(|r| stay(ResourceType::Locker, r, now)));
    due_order(&mut stays);
    Ok(stays)
}

/// Every open stay at `now`, in due order; `q` keeps those whose number or name contains it.
pub fn list(conn: &mut DbConn, now: DateTime<Utc>, q: Option<&str>) -> QueryResult<Vec<OpenStay>> {
    let mut stays = load(conn, now, None)?;
    if let Some(q) = q.map(str::to_lowercase) {
        stays.retain(|s| s.number.to_lowercase().contains(&q) || s.customer_name.to_lowercase().contains(&q));
    }
    Ok(stays)
}

/// The open stay of `visit`, if it has one.
pub fn of_visit(conn: &mut DbConn, visit: VisitId, now: DateTime<Utc>) -> QueryResult<Option<OpenStay>> {
    Ok(load(conn, now, Some(visit))?.into_iter().next())
}
