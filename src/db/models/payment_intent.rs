//! `payment_intents`: what a lane session owes (the check-in issue adds quoting and mark-paid).

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{LaneSessionId, PaymentIntentId};
use crate::db::schema::payment_intents;
use crate::db::sql_types::Ts;
use crate::domain::enums::PaymentStatus;

/// Intents of a session in a status, as `(id, amount_cents)`.
pub fn of_session(conn: &mut DbConn, session: LaneSessionId, status: PaymentStatus) -> QueryResult<Vec<(PaymentIntentId, i64)>> {
    payment_intents::table
        .filter(payment_intents::lane_session_id.eq(session).and(payment_intents::status.eq(status)))
        .select((payment_intents::id, payment_intents::amount_cents))
        .load(conn)
}

/// Moves a session's intents from one status to another; returns how many.
pub fn set_status_of_session(
    conn: &mut DbConn,
    session: LaneSessionId,
    from: PaymentStatus,
    to: PaymentStatus,
    at: Ts,
) -> QueryResult<usize> {
    diesel::update(payment_intents::table.filter(payment_intents::lane_session_id.eq(session).and(payment_intents::status.eq(from))))
        .set((
            payment_intents::status.eq(to),
            payment_intents::version.eq(payment_intents::version + 1),
            payment_intents::updated_at.eq(at),
        ))
        .execute(conn)
}
