//! The upgrade's payment intent: DUE from the acceptance until the payment (or until the entry
//! is cancelled or the customer checks out), purpose UPGRADE, one per visit at a time.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::json;

use crate::db::DbConn;
use crate::db::ids::{PaymentIntentId, VisitId, WaitlistId};
use crate::db::schema::payment_intents;
use crate::db::sql_types::Ts;
use crate::domain::enums::{PaymentStatus, RentalType, RoomType};

/// An intent as the upgrade reads it.
#[derive(Debug, Clone, Queryable)]
pub struct Intent {
    /// id
    pub id: PaymentIntentId,
    /// the stay it is for
    pub visit_id: Option<VisitId>,
    /// e.g. UPGRADE
    pub purpose: String,
    /// DUE, PAID, ...
    pub status: PaymentStatus,
    /// the fee
    pub amount_cents: i64,
}

/// The intent, if it exists.
pub fn find(conn: &mut DbConn, id: PaymentIntentId) -> QueryResult<Option<Intent>> {
    payment_intents::table
        .find(id)
        .select((
            payment_intents::id,
            payment_intents::visit_id,
            payment_intents::purpose,
            payment_intents::status,
            payment_intents::amount_cents,
        ))
        .first(conn)
        .optional()
}

/// The visit's DUE upgrade intent, if any.
pub fn due_for(conn: &mut DbConn, visit: VisitId) -> QueryResult<Option<(PaymentIntentId, i64)>> {
    payment_intents::table
        .filter(payment_intents::visit_id.eq(visit).and(payment_intents::purpose.eq("UPGRADE")).and(payment_intents::status.eq("DUE")))
        .order(payment_intents::created_at)
        .select((payment_intents::id, payment_intents::amount_cents))
        .first(conn)
        .optional()
}

/// A new DUE upgrade intent of `cents`.
pub fn create(
    conn: &mut DbConn,
    visit: VisitId,
    entry: WaitlistId,
    (from, to): (RentalType, RoomType),
    cents: i64,
    now: DateTime<Utc>,
) -> QueryResult<PaymentIntentId> {
    let id = PaymentIntentId::new();
    let quote = json!({
        "line_items": [{ "kind": "UPGRADE", "description": format!("Upgrade {from} to {to}"), "amount_cents": cents }],
        "total_cents": cents,
        "waitlist_id": entry,
    });
    diesel::insert_into(payment_intents::table)
        .values((
            payment_intents::id.eq(id),
            payment_intents::visit_id.eq(visit),
            payment_intents::purpose.eq("UPGRADE"),
            payment_intents::amount_cents.eq(cents),
            payment_intents::status.eq("DUE"),
            payment_intents::quote_json.eq(quote.to_string()),
            payment_intents::created_at.eq(Ts(now)),
            payment_intents::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Cancels the visit's DUE upgrade intents (entry cancelled, customer checked out); returns how
/// many.
pub fn cancel_due(conn: &mut DbConn, visit: VisitId, now: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(
        payment_intents::table
            .filter(payment_intents::visit_id.eq(visit).and(payment_intents::purpose.eq("UPGRADE")).and(payment_intents::status.eq("DUE"))),
    )
    .set((
        payment_intents::status.eq("CANCELLED"),
        payment_intents::version.eq(payment_intents::version + 1),
        payment_intents::updated_at.eq(Ts(now)),
    ))
    .execute(conn)
}
