//! `waitlist`: a checked-in customer waiting for a better room tier (spec flows.md §3). The
//! optimistic `version` guards every change; the partial unique indexes keep one open entry
//! per visit and one offer per room.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::ids::{BlockId, RoomId, VisitId, WaitlistId};
use crate::db::schema::{inventory_holds, waitlist};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::{RentalType, RoomType, WaitlistStatus};

/// A waitlist row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = waitlist, check_for_backend(MultiBackend))]
pub struct Entry {
    /// id
    pub id: WaitlistId,
    /// the stay
    pub visit_id: VisitId,
    /// the block the customer is on (an upgrade moves this block to the new room)
    pub checkin_block_id: BlockId,
    /// the tier waited for
    pub desired_tier: RoomType,
    /// what the customer took meanwhile
    pub backup_tier: RentalType,
    /// lifecycle
    pub status: WaitlistStatus,
    /// the room offered (OFFERED), or the room upgraded to (COMPLETED)
    pub room_id: Option<RoomId>,
    /// the offer's hold ends then
    pub offer_expires_at: Option<Ts>,
    /// last time a room was offered (rotation: least recently offered first)
    pub last_offered_at: Option<Ts>,
    /// how many offers so far
    pub offer_attempts: i32,
    /// optimistic counter
    pub version: i64,
    /// queued since
    pub created_at: Ts,
}

/// The two open statuses.
pub const OPEN: [&str; 2] = ["ACTIVE", "OFFERED"];

impl Entry {
    /// The entry, if it exists.
    pub fn find(conn: &mut DbConn, id: WaitlistId) -> QueryResult<Option<Entry>> {
        waitlist::table.find(id).select(Entry::as_select()).first(conn).optional()
    }

    /// Whether it is ACTIVE or OFFERED.
    pub fn is_open(&self) -> bool {
        matches!(self.status, WaitlistStatus::Active | WaitlistStatus::Offered)
    }

    /// Closes the entry (COMPLETED, CANCELLED or EXPIRED) if it is still at the version read:
    /// the offer's expiry is cleared (the room is kept only for COMPLETED, as the record of
    /// the room upgraded to). `false` when it moved meanwhile.
    pub fn close(&self, conn: &mut DbConn, to: WaitlistStatus, reason: Option<&str>, now: DateTime<Utc>) -> QueryResult<bool> {
        let room = if to == WaitlistStatus::Completed { self.room_id } else { None };
        let n = diesel::update(waitlist::table.find(self.id).filter(waitlist::version.eq(self.version)))
            .set((
                waitlist::status.eq(to.as_str()),
                waitlist::room_id.eq(room),
                waitlist::offer_expires_at.eq(None::<Ts>),
                waitlist::cancel_reason.eq(reason),
                waitlist::ended_at.eq(Ts(now)),
                waitlist::version.eq(self.version + 1),
                waitlist::updated_at.eq(Ts(now)),
            ))
            .execute(conn)?;
        if n == 1 {
            crate::db::touched::waitlist(self.id);
        }
        Ok(n == 1)
    }

    /// Back to ACTIVE in place after an offer ran out (room and expiry cleared, the offer
    /// time kept as `last_offered_at = now` so the next room goes to someone else first).
    pub fn reactivate(&self, conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<bool> {
        let n =
            diesel::update(waitlist::table.find(self.id).filter(waitlist::version.eq(self.version).and(waitlist::status.eq("OFFERED"))))
                .set((
                    waitlist::status.eq("ACTIVE"),
                    waitlist::room_id.eq(None::<RoomId>),
                    waitlist::offer_expires_at.eq(None::<Ts>),
                    waitlist::last_offered_at.eq(Ts(now)),
                    waitlist::version.eq(self.version + 1),
                    waitlist::updated_at.eq(Ts(now)),
                ))
                .execute(conn)?;
        if n == 1 {
            crate::db::touched::waitlist(self.id);
        }
        Ok(n == 1)
    }

    /// Offers `room` until `expires` if the entry is still at the version read; an entry
    /// that was ACTIVE counts one more attempt. `false` when it moved meanwhile. A second offer
    /// of the same room to another entry breaks `waitlist_one_offer_per_room` (an error).
    pub fn offer(&self, conn: &mut DbConn, room: RoomId, expires: DateTime<Utc>, now: DateTime<Utc>) -> QueryResult<bool> {
        let attempts = self.offer_attempts + i32::from(self.status == WaitlistStatus::Active);
        let n = diesel::update(waitlist::table.find(self.id).filter(waitlist::version.eq(self.version)))
            .set((
                waitlist::status.eq("OFFERED"),
                waitlist::room_id.eq(room),
                waitlist::offer_expires_at.eq(Ts(expires)),
                waitlist::last_offered_at.eq(Ts(now)),
                waitlist::offer_attempts.eq(attempts),
                waitlist::version.eq(self.version + 1),
                waitlist::updated_at.eq(Ts(now)),
            ))
            .execute(conn)?;
        if n == 1 {
            crate::db::touched::waitlist(self.id);
        }
        Ok(n == 1)
    }
}

/// Releases the entry's unreleased upgrade hold, if any; returns how many (0 or 1).
pub fn release_hold(conn: &mut DbConn, entry: WaitlistId, reason: &str, now: DateTime<Utc>) -> QueryResult<usize> {
    let n =
        diesel::update(inventory_holds::table.filter(inventory_holds::waitlist_id.eq(entry).and(inventory_holds::released_at.is_null())))
            .set((inventory_holds::released_at.eq(Ts(now)), inventory_holds::release_reason.eq(reason)))
            .execute(conn)?;
    if n > 0 {
        crate::db::touched::stock();
    }
    Ok(n)
}
