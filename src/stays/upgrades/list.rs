//! The waitlist as the register shows it: each entry with its customer, place in the queue,
//! estimated time, the unit the customer is on now, the offer, and the fee an upgrade costs.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::db::ids::{CustomerId, VisitId, WaitlistId};
use crate::db::models::waitlist_entry::{Entry, OPEN};
use crate::db::schema::{checkin_blocks, customers, rooms, visits, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::enums::{InventoryStatus, RentalType, ResourceType, RoomType, WaitlistStatus};
use crate::domain::pricing::upgrade_fee_cents;
use crate::domain::waitlist::{eta, position, seconds_left};
use crate::stays::open::{self, OpenStay};

/// One entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaitlistEntry {
    /// the entry
    #[schema(value_type = String, format = "uuid")]
    pub id: WaitlistId,
    /// the stay
    #[schema(value_type = String, format = "uuid")]
    pub visit_id: VisitId,
    /// whose
    #[schema(value_type = String, format = "uuid")]
    pub customer_id: CustomerId,
    /// the customer's name
    pub customer_name: String,
    /// STANDARD, DOUBLE or SPECIAL
    #[schema(value_type = String, example = "DOUBLE")]
    pub desired_tier: RoomType,
    /// what the customer took meanwhile
    #[schema(value_type = String, example = "STANDARD")]
    pub backup_tier: RentalType,
    /// ACTIVE, OFFERED, COMPLETED, CANCELLED or EXPIRED
    #[schema(value_type = String, example = "ACTIVE")]
    pub status: WaitlistStatus,
    /// 1-based place among the tier's ACTIVE entries (open entries only)
    pub position: Option<i64>,
    /// when a room of the tier is likely free: the position-th soonest-ending occupied block
    /// of the tier plus 15 minutes of cleaning; null when not enough data (or closed)
    pub eta: Option<DateTime<Utc>>,
    /// the unit the customer is on now (null once the stay ended)
    pub current: Option<Current>,
    /// the stay's checkout time
    pub checkout_at: Option<DateTime<Utc>>,
    /// the room held for the entry (OFFERED)
    pub offer: Option<Offer>,
    /// the fixed fee of the upgrade from the current rental, in cents (null: not allowed)
    pub upgrade_fee_cents: Option<i64>,
    /// optimistic counter
    pub version: i64,
    /// queued since
    pub created_at: DateTime<Utc>,
}

/// The unit a customer is on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Current {
    /// ROOM or LOCKER
    #[schema(value_type = String, example = "LOCKER")]
    pub kind: ResourceType,
    /// its number
    pub number: String,
    /// what the block rents
    #[schema(value_type = String, example = "LOCKER")]
    pub rental_type: RentalType,
}

/// A held offer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Offer {
    /// the room's number
    pub number: String,
    /// the hold ends then
    pub expires_at: DateTime<Utc>,
    /// whole seconds left
    pub seconds_left: i64,
}

/// Which entries to list.
#[derive(Debug, Clone, Copy)]
pub enum Filter {
    /// ACTIVE and OFFERED
    Open,
    /// one status
    Status(WaitlistStatus),
}

/// The entries at `now`, oldest first.
pub fn list(conn: &mut DbConn, now: DateTime<Utc>, filter: Filter) -> QueryResult<Vec<WaitlistEntry>> {
    let statuses: Vec<&str> = match filter {
        Filter::Open => OPEN.to_vec(),
        Filter::Status(s) => vec![s.as_str()],
    };
    let rows: Vec<(Entry, CustomerId, String)> = waitlist::table
        .inner_join(visits::table.inner_join(customers::table))
        .filter(waitlist::status.eq_any(statuses))
        .order((waitlist::created_at, waitlist::id))
        .select((Entry::as_select(), visits::customer_id, customers::name))
        .load(conn)?;
    describe(conn, now, rows)
}

/// One entry at `now` (the answer of every change), 404 when there is none.
pub fn one(conn: &mut DbConn, now: DateTime<Utc>, id: WaitlistId) -> QueryResult<WaitlistEntry> {
    let row: (Entry, CustomerId, String) = waitlist::table
        .inner_join(visits::table.inner_join(customers::table))
        .filter(waitlist::id.eq(id))
        .select((Entry::as_select(), visits::customer_id, customers::name))
        .first(conn)?;
    describe(conn, now, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

fn describe(conn: &mut DbConn, now: DateTime<Utc>, rows: Vec<(Entry, CustomerId, String)>) -> QueryResult<Vec<WaitlistEntry>> {
    let active: Vec<(String, Ts)> =
        waitlist::table.filter(waitlist::status.eq("ACTIVE")).select((waitlist::desired_tier, waitlist::created_at)).load(conn)?;
    let occupied: Vec<(String, Ts)> = rooms::table
        .inner_join(checkin_blocks::table.on(rooms::current_block_id.eq(checkin_blocks::id.nullable())))
        .filter(rooms::status.eq(InventoryStatus::Occupied))
        .select((rooms::type_, checkin_blocks::ends_at))
        .load(conn)?;
    let stays: HashMap<VisitId, OpenStay> = open::list(conn, now, None)?.into_iter().map(|s| (s.visit_id, s)).collect();
    let mut out = Vec::with_capacity(rows.len());
    for (entry, customer_id, customer_name) in rows {
        let tier = entry.desired_tier.as_str();
        let of_tier = |list: &[(String, Ts)]| list.iter().filter(|(t, _)| t == tier).map(|(_, at)| at.0).collect::<Vec<_>>();
        let place = entry.is_open().then(|| position(entry.created_at.0, &of_tier(&active)));
        let stay = stays.get(&entry.visit_id);
        let offer = match (entry.status, entry.room_id, entry.offer_expires_at) {
            (WaitlistStatus::Offered, Some(room), Some(expires)) => Some(Offer {
                number: rooms::table.find(room).select(rooms::number).first(conn)?,
                expires_at: expires.0,
                seconds_left: seconds_left(expires.0, now),
            }),
            _ => None,
        };
        let from = stay.map_or(entry.backup_tier, |s| s.rental_type);
        out.push(WaitlistEntry {
            id: entry.id,
            visit_id: entry.visit_id,
            customer_id,
            customer_name,
            desired_tier: entry.desired_tier,
            backup_tier: entry.backup_tier,
            status: entry.status,
            position: place,
            eta: place.and_then(|p| eta(p, &of_tier(&occupied), now)),
            current: stay.map(|s| Current { kind: s.kind, number: s.number.clone(), rental_type: s.rental_type }),
            checkout_at: stay.map(|s| s.checkout_at),
            offer,
            upgrade_fee_cents: upgrade_fee_cents(from, entry.desired_tier.into()),
            version: entry.version,
            created_at: entry.created_at.0,
        });
    }
    Ok(out)
}
