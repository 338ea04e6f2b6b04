//! `inventory_transitions`: the record of every status change of a room or locker (who, when,
//! from, to, why), written in the transaction that makes the change.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{ResourceId, StaffId, TransitionId};
use crate::db::schema::inventory_transitions;
use crate::db::sql_types::Ts;
use crate::domain::enums::{InventoryStatus, ResourceType};

/// What made a unit change status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// a checkout freed it
    Checkout,
    /// an adjacent housekeeping transition
    Cleaning,
    /// a manager's override (reason required)
    Override,
    /// an upgrade moved the customer to another unit
    Upgrade,
}

impl Cause {
    fn as_str(self) -> &'static str {
        match self {
            Cause::Checkout => "CHECKOUT",
            Cause::Cleaning => "CLEANING",
            Cause::Override => "OVERRIDE",
            Cause::Upgrade => "UPGRADE",
        }
    }
}

/// One status change to record.
pub struct Transition<'a> {
    /// room or locker
    pub kind: ResourceType,
    /// its id
    pub unit: ResourceId,
    /// before
    pub from: InventoryStatus,
    /// after
    pub to: InventoryStatus,
    /// why
    pub cause: Cause,
    /// by whom
    pub staff: Option<StaffId>,
    /// the override's written reason
    pub reason: Option<&'a str>,
}

impl Transition<'_> {
    /// Inserts the record.
    pub fn record(&self, conn: &mut DbConn, at: DateTime<Utc>) -> QueryResult<()> {
        diesel::insert_into(inventory_transitions::table)
            .values((
                inventory_transitions::id.eq(TransitionId::new()),
                inventory_transitions::resource_type.eq(self.kind),
                inventory_transitions::resource_id.eq(self.unit),
                inventory_transitions::from_status.eq(self.from),
                inventory_transitions::to_status.eq(self.to),
                inventory_transitions::cause.eq(self.cause.as_str()),
                inventory_transitions::staff_id.eq(self.staff),
                inventory_transitions::reason.eq(self.reason),
                inventory_transitions::at.eq(Ts(at)),
            ))
            .execute(conn)
            .map(drop)
    }
}
