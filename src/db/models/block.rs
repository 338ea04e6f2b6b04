//! `checkin_blocks`: paid time windows of a visit, each on one room or locker.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{BlockId, LaneSessionId, LockerId, PaymentIntentId, RoomId, SignatureId, VisitId, WaitlistId};
use crate::db::schema::checkin_blocks;
use crate::db::sql_types::Ts;
use crate::domain::enums::{BlockType, RentalType};

/// A block to create.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = checkin_blocks, treat_none_as_default_value = false)]
pub struct NewBlock {
    /// id
    pub id: BlockId,
    /// the visit
    pub visit_id: VisitId,
    /// INITIAL, RENEWAL, FINAL2H
    pub block_type: BlockType,
    /// start
    pub starts_at: Ts,
    /// end (checkout time)
    pub ends_at: Ts,
    /// 6 or 2
    pub hours_purchased: i32,
    /// what was rented
    pub rental_type: RentalType,
    /// the room, or
    pub room_id: Option<RoomId>,
    /// the locker
    pub locker_id: Option<LockerId>,
    /// the lane session that made it
    pub session_id: Option<LaneSessionId>,
    /// the signature that authorised it
    pub agreement_signature_id: Option<SignatureId>,
    /// its payment
    pub payment_intent_id: Option<PaymentIntentId>,
    /// the waitlist entry it carries
    pub waitlist_id: Option<WaitlistId>,
    /// now
    pub created_at: Ts,
    /// now
    pub updated_at: Ts,
}

impl NewBlock {
    /// Inserts the block (the database refuses overlaps and bad shapes).
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(checkin_blocks::table).values(self).execute(conn).map(drop)
    }
}
