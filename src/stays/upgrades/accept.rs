//! The customer accepts an offer: a DUE payment intent of the fixed upgrade fee (pricing.md;
//! GYM_LOCKER counts as LOCKER; other paths refused `UPGRADE_NOT_ALLOWED`). Repeat-safe: a
//! second acceptance answers the same DUE intent.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::{closed, intent, missing};
use crate::db::DbConn;
use crate::db::ids::{PaymentIntentId, StaffId, WaitlistId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::waitlist_entry::Entry;
use crate::db::schema::waitlist;
use crate::db::sql_types::Ts;
use crate::domain::enums::WaitlistStatus;
use crate::domain::pricing::upgrade_fee_cents;
use crate::error::AppError;
use crate::stays::open;

/// The intent to pay.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Accepted {
    /// the DUE intent (the same one on a repeated acceptance)
    #[schema(value_type = String, format = "uuid")]
    pub payment_intent_id: PaymentIntentId,
    /// the fixed fee in cents
    pub amount_cents: i64,
}

/// Accepts the entry's offer at `now`, in the caller's transaction.
pub fn accept(conn: &mut DbConn, id: WaitlistId, expected: Option<i64>, staff: StaffId, now: DateTime<Utc>) -> Result<Accepted, AppError> {
    // the version bump takes the entry's row: two acceptances at once run one after the other,
    // so the second finds the first's intent
    let locked = diesel::update(waitlist::table.find(id).filter(waitlist::status.eq("OFFERED")))
        .set((waitlist::version.eq(waitlist::version + 1), waitlist::updated_at.eq(Ts(now))))
        .execute(conn)?;
    let entry = Entry::find(conn, id)?.ok_or_else(missing)?;
    if locked == 0 {
        return Err(match entry.status {
            WaitlistStatus::Active => not_offered(),
            _ => closed(&entry),
        });
    }
    crate::db::touched::waitlist(id);
    if entry.offer_expires_at.is_some_and(|t| t.0 <= now) {
        return Err(not_offered());
    }
    let stay = open::of_visit(conn, entry.visit_id, now)?
        .ok_or_else(|| AppError::conflict("ALREADY_CHECKED_OUT", "This stay has already been checked out."))?;
    let fee = upgrade_fee_cents(stay.rental_type, entry.desired_tier.into()).ok_or_else(|| {
        AppError::conflict("UPGRADE_NOT_ALLOWED", format!("An upgrade from {} to {} is not offered.", stay.rental_type, entry.desired_tier))
    })?;
    if expected.is_some_and(|e| e != fee) {
        return Err(fee_changed(fee));
    }
    if let Some((payment_intent_id, amount_cents)) = intent::due_for(conn, entry.visit_id)? {
        return Ok(Accepted { payment_intent_id, amount_cents });
    }
    let created = intent::create(conn, entry.visit_id, id, (stay.rental_type, entry.desired_tier), fee, now)?;
    let summary = json!({ "visit_id": entry.visit_id, "payment_intent_id": created, "amount_cents": fee, "from": stay.rental_type, "to": entry.desired_tier });
    NewAuditEvent {
        actor: Actor::Staff(staff),
        lane_id: None,
        action: "UPGRADE_ACCEPTED",
        entity: Some(("waitlist", id.to_string())),
        summary,
        reason: None,
    }
    .append(conn, now)?;
    Ok(Accepted { payment_intent_id: created, amount_cents: fee })
}

/// 409 `OFFER_EXPIRED`: the entry holds no room (any more).
pub fn not_offered() -> AppError {
    AppError::conflict("OFFER_EXPIRED", "The room offer has expired; wait for the next offer.")
}

/// 409 `UPGRADE_FEE_CHANGED` with the fee now.
pub fn fee_changed(fee: i64) -> AppError {
    AppError::Conflict {
        code: "UPGRADE_FEE_CHANGED",
        message: "The upgrade fee is different from the one shown.".into(),
        details: json!({ "upgrade_fee_cents": fee }),
    }
}
