//! Checking a customer out (spec flows.md §4): the visit ends, the unit's current block is
//! cleared, a room goes to DIRTY and a locker to CLEAN, open waitlist entries are cancelled and
//! their holds released, and the late fee is settled exactly once: paid at the desk (a PAID
//! `LATE_FEE` intent and its charge) or added to the customer's past-due balance with a system
//! note shown at the next visit. One transaction; a second checkout is `ALREADY_CHECKED_OUT`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::open::{self, OpenStay};
use super::transitions::{Cause, Transition};
use crate::db::DbConn;
use crate::db::ids::{ChargeId, CheckoutId, LockerId, PaymentIntentId, RoomId, StaffId, VisitId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::schema::{charges, checkouts, customers, inventory_holds, lane_sessions, lockers, payment_intents, rooms, visits, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::checkout::{CheckoutPlan, SYSTEM_NOTE_PREFIX, plan};
use crate::domain::enums::{InventoryStatus, LaneSessionStatus, PaymentMethod, ResourceType};
use crate::error::AppError;

/// How the employee settles a late fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Settlement {
    /// taken at the desk now (needs a method)
    Paid,
    /// added to the customer's past-due balance
    PastDue,
}

/// What the employee asked for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// the stay
    pub visit: VisitId,
    /// who checks out
    pub staff: StaffId,
    /// at which lane's register, if any
    pub lane: Option<&'a str>,
    /// how a late fee is settled (needed when there is one)
    pub settlement: Option<Settlement>,
    /// how it was paid (with `Paid`)
    pub method: Option<PaymentMethod>,
    /// the fee the screen showed; a different fee now is `LATE_FEE_CHANGED`
    pub expected_fee_cents: Option<i64>,
}

/// A finished checkout.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckoutDone {
    /// the checkout
    #[schema(value_type = String, format = "uuid")]
    pub checkout_id: CheckoutId,
    /// the visit that ended
    #[schema(value_type = String, format = "uuid")]
    pub visit_id: VisitId,
    /// ROOM or LOCKER
    #[schema(value_type = String)]
    pub kind: ResourceType,
    /// the unit's number
    pub number: String,
    /// the unit's status now (DIRTY for a room, CLEAN for a locker)
    #[schema(value_type = String)]
    pub unit_status: InventoryStatus,
    /// whole minutes past the checkout time
    pub minutes_late: i64,
    /// the late fee in cents
    pub late_fee_cents: i64,
    /// NONE, PAID or PAST_DUE
    pub fee_settlement: String,
    /// the PAID intent of the fee
    #[schema(value_type = Option<String>, format = "uuid")]
    pub payment_intent_id: Option<PaymentIntentId>,
    /// the 30-day ban's end, if the checkout was 90 minutes late or more
    pub banned_until: Option<DateTime<Utc>>,
    /// when
    pub checked_out_at: DateTime<Utc>,
}

/// The settlement a plan needs, or the refusal that says what is missing.
fn settle(decided: &CheckoutPlan, req: &Request) -> Result<(&'static str, Option<PaymentMethod>), AppError> {
    if let Some(expected) = req.expected_fee_cents.filter(|&e| e != decided.fee.cents) {
        return Err(fee_conflict(
            "LATE_FEE_CHANGED",
            format!("The late fee is now {} (it was {} on the screen).", dollars(decided.fee.cents), dollars(expected)),
            decided,
        ));
    }
    if decided.fee.cents == 0 {
        return Ok(("NONE", None));
    }
    match (req.settlement, req.method) {
        (Some(Settlement::Paid), Some(method)) => Ok(("PAID", Some(method))),
        (Some(Settlement::Paid), None) => Err(AppError::invalid("method", "Say how the late fee was paid (cash, card or other).")),
        (Some(Settlement::PastDue), _) => Ok(("PAST_DUE", None)),
        (None, _) => Err(fee_conflict(
            "LATE_FEE_DECISION_NEEDED",
            format!(
                "This stay is {} minutes late: take the {} late fee or add it to the balance.",
                decided.minutes_late,
                dollars(decided.fee.cents)
            ),
            decided,
        )),
    }
}

fn fee_conflict(code: &'static str, message: String, decided: &CheckoutPlan) -> AppError {
    AppError::Conflict {
        code,
        message,
        details: json!({
            "minutes_late": decided.minutes_late,
            "late_fee_cents": decided.fee.cents,
            "late_ban": decided.banned_until.is_some(),
        }),
    }
}

fn dollars(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, cents % 100)
}

/// The refusal for a visit that has already ended, with its checkout.
fn already(conn: &mut DbConn, visit: VisitId) -> Result<AppError, AppError> {
    let row: Option<(CheckoutId, String, Ts, i64, String)> = checkouts::table
        .filter(checkouts::visit_id.eq(visit))
        .select((checkouts::id, checkouts::number, checkouts::checked_out_at, checkouts::late_fee_cents, checkouts::fee_settlement))
        .first(conn)
        .optional()?;
    let details = match row {
        Some((id, number, at, fee, settlement)) => {
            json!({ "checkout_id": id, "number": number, "checked_out_at": at.0, "late_fee_cents": fee, "fee_settlement": settlement })
        }
        None => json!({}),
    };
    Ok(AppError::Conflict { code: "ALREADY_CHECKED_OUT", message: "This stay has already been checked out.".into(), details })
}

/// 409 `RENEWAL_IN_PROGRESS` while a lane sells this stay a renewal: the customer may have
/// paid for hours a checkout would take away. The lane finishes or cancels it first.
fn renewal_in_progress(conn: &mut DbConn, visit: VisitId) -> Result<(), AppError> {
    let live: Option<String> = lane_sessions::table
        .filter(lane_sessions::visit_id.eq(visit).and(lane_sessions::mode.eq("RENEWAL")))
        .filter(lane_sessions::status.eq_any(LaneSessionStatus::LIVE.map(LaneSessionStatus::as_str)))
        .select(lane_sessions::lane_id)
        .first(conn)
        .optional()?;
    match live {
        None => Ok(()),
        Some(lane) => Err(AppError::Conflict {
            code: "RENEWAL_IN_PROGRESS",
            message: format!("A renewal of this stay is in progress at {lane}. Finish or cancel it there first."),
            details: json!({ "lane_id": lane }),
        }),
    }
}

/// Checks the stay out at `now`, in the caller's transaction.
pub fn check_out(conn: &mut DbConn, req: &Request, now: DateTime<Utc>) -> Result<CheckoutDone, AppError> {
    let ended: Option<Option<Ts>> = visits::table.find(req.visit).select(visits::ended_at).first(conn).optional()?;
    match ended {
        None => return Err(AppError::NotFound { what: "The stay" }),
        Some(Some(_)) => return Err(already(conn, req.visit)?),
        Some(None) => {}
    }
    renewal_in_progress(conn, req.visit)?;
    // the conditional update comes first and is the race guard: the second of two checkouts
    // waits for the first's row lock (PostgreSQL) or write lock (SQLite), then changes no row;
    // any refusal below rolls it back with the rest
    let closed = crate::db::cached::Reusable(
        diesel::update(visits::table.find(req.visit).filter(visits::ended_at.is_null()))
            .set((visits::ended_at.eq(Ts(now)), visits::updated_at.eq(Ts(now)))),
    )
    .execute(conn)?;
    if closed == 0 {
        return Err(already(conn, req.visit)?);
    }
    let stay = open::of_visit(conn, req.visit, now)?.ok_or_else(|| AppError::conflict("NO_UNIT", "This stay has no room or locker."))?;
    let decided = plan(stay.kind, stay.checkout_at, now);
    let (settlement, method) = settle(&decided, req)?;
    free_unit(conn, &stay, decided.unit_after, Cause::Checkout, req.staff, now)?;
    let intent = match (settlement, method) {
        ("PAID", Some(method)) => Some(take_fee(conn, &stay, decided.fee.cents, method, req.staff, now)?),
        _ => None,
    };
    if settlement == "PAST_DUE" {
        add_past_due(conn, &stay, decided.fee.cents, now)?;
    }
    if let Some(until) = decided.banned_until {
        ban(conn, &stay, until, now)?;
    }
    let cancelled = end_waitlist(conn, req.visit, now)?;
    let done = CheckoutDone {
        checkout_id: CheckoutId::new(),
        visit_id: req.visit,
        kind: stay.kind,
        number: stay.number.clone(),
        unit_status: decided.unit_after,
        minutes_late: decided.minutes_late,
        late_fee_cents: decided.fee.cents,
        fee_settlement: settlement.to_owned(),
        payment_intent_id: intent,
        banned_until: decided.banned_until,
        checked_out_at: now,
    };
    record(conn, req, &stay, &done)?;
    audit(conn, req, &stay, &done, cancelled)?;
    Ok(done)
}

/// Frees the stay's unit (its current block still this stay's, OCCUPIED) to `to`, recording the
/// transition with `cause`; `STALE_VERSION` when the unit moved meanwhile.
pub fn free_unit(
    conn: &mut DbConn,
    stay: &OpenStay,
    to: InventoryStatus,
    cause: Cause,
    staff: StaffId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let n = match stay.kind {
        ResourceType::Room => crate::db::cached::Reusable(
            diesel::update(
                rooms::table
                    .find(RoomId(stay.unit_id.0))
                    .filter(rooms::current_block_id.eq(stay.block_id).and(rooms::status.eq(InventoryStatus::Occupied))),
            )
            .set((
                rooms::status.eq(to),
                rooms::assigned_to_customer_id.eq(None::<crate::db::ids::CustomerId>),
                rooms::current_block_id.eq(None::<crate::db::ids::BlockId>),
                rooms::version.eq(rooms::version + 1),
                rooms::last_status_change.eq(Ts(now)),
                rooms::updated_at.eq(Ts(now)),
            )),
        )
        .execute(conn)?,
        ResourceType::Locker => crate::db::cached::Reusable(
            diesel::update(
                lockers::table
                    .find(LockerId(stay.unit_id.0))
                    .filter(lockers::current_block_id.eq(stay.block_id).and(lockers::status.eq(InventoryStatus::Occupied))),
            )
            .set((
                lockers::status.eq(to),
                lockers::assigned_to_customer_id.eq(None::<crate::db::ids::CustomerId>),
                lockers::current_block_id.eq(None::<crate::db::ids::BlockId>),
                lockers::version.eq(lockers::version + 1),
                lockers::last_status_change.eq(Ts(now)),
                lockers::updated_at.eq(Ts(now)),
            )),
        )
        .execute(conn)?,
    };
    if n != 1 {
        return Err(AppError::conflict("STALE_VERSION", format!("{} changed in the meantime; look again.", stay.number)));
    }
    crate::db::touched::stock();
    Transition { kind: stay.kind, unit: stay.unit_id, from: InventoryStatus::Occupied, to, cause, staff: Some(staff), reason: None }
        .record(conn, now)?;
    Ok(())
}

/// A late fee taken at the desk: a PAID intent (never DUE: the money is in the drawer) and its
/// LATE_FEE charge.
fn take_fee(
    conn: &mut DbConn,
    stay: &OpenStay,
    cents: i64,
    method: PaymentMethod,
    staff: StaffId,
    now: DateTime<Utc>,
) -> Result<PaymentIntentId, AppError> {
    let id = PaymentIntentId::new();
    let quote =
        json!({ "line_items": [{ "kind": "LATE_FEE", "description": "Late checkout", "amount_cents": cents }], "total_cents": cents });
    diesel::insert_into(payment_intents::table)
        .values((
            payment_intents::id.eq(id),
            payment_intents::visit_id.eq(stay.visit_id),
            payment_intents::purpose.eq("LATE_FEE"),
            payment_intents::amount_cents.eq(cents),
            payment_intents::status.eq("PAID"),
            payment_intents::quote_json.eq(quote.to_string()),
            payment_intents::method.eq(method),
            payment_intents::paid_at.eq(Ts(now)),
            payment_intents::paid_by_staff_id.eq(staff),
            payment_intents::created_at.eq(Ts(now)),
            payment_intents::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    diesel::insert_into(charges::table)
        .values((
            charges::id.eq(ChargeId::new()),
            charges::visit_id.eq(stay.visit_id),
            charges::checkin_block_id.eq(stay.block_id),
            charges::kind.eq("LATE_FEE"),
            charges::amount_cents.eq(cents),
            charges::payment_intent_id.eq(id),
            charges::created_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// An unpaid late fee: onto the past-due balance, with the system note the next check-in shows
/// (and clears once that check-in is signed).
fn add_past_due(conn: &mut DbConn, stay: &OpenStay, cents: i64, now: DateTime<Utc>) -> Result<(), AppError> {
    let notes: String = customers::table.find(stay.customer_id).select(customers::notes).first(conn)?;
    let line =
        format!("{SYSTEM_NOTE_PREFIX} Late checkout fee of {} added to the balance ({} minutes late).", dollars(cents), stay.minutes_late);
    let notes = if notes.is_empty() { line } else { format!("{notes}\n{line}") };
    crate::db::cached::Reusable(diesel::update(customers::table.find(stay.customer_id)).set((
        customers::past_due_cents.eq(customers::past_due_cents + cents),
        customers::notes.eq(notes),
        customers::updated_at.eq(Ts(now)),
    )))
    .execute(conn)?;
    Ok(())
}

/// The 30-day ban of a checkout 90 minutes late or more; a longer ban already set stays.
fn ban(conn: &mut DbConn, stay: &OpenStay, until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), AppError> {
    let current: Option<Ts> = customers::table.find(stay.customer_id).select(customers::banned_until).first(conn)?;
    if current.is_some_and(|c| c.0 >= until) {
        return Ok(());
    }
    crate::db::cached::Reusable(
        diesel::update(customers::table.find(stay.customer_id))
            .set((customers::banned_until.eq(Ts(until)), customers::updated_at.eq(Ts(now)))),
    )
    .execute(conn)?;
    Ok(())
}

/// Cancels the visit's open waitlist entry (at most one: a partial unique index) with reason
/// CHECKED_OUT, releases its upgrade hold and cancels a DUE upgrade intent; returns how many
/// entries.
fn end_waitlist(conn: &mut DbConn, visit: VisitId, now: DateTime<Utc>) -> Result<usize, AppError> {
    let open: Option<crate::db::ids::WaitlistId> = waitlist::table
        .filter(waitlist::visit_id.eq(visit).and(waitlist::status.eq_any(["ACTIVE", "OFFERED"])))
        .select(waitlist::id)
        .first(conn)
        .optional()?;
    let Some(entry) = open else { return Ok(0) };
    crate::db::touched::stock();
    crate::db::touched::waitlist(entry);
    // the entry first: its row lock makes a concurrent offer tick finish before, so the hold
    // released below includes one that tick placed (PostgreSQL re-reads per statement)
    diesel::update(waitlist::table.find(entry).filter(waitlist::status.eq_any(["ACTIVE", "OFFERED"])))
        .set((
            waitlist::status.eq("CANCELLED"),
            waitlist::cancel_reason.eq("CHECKED_OUT"),
            waitlist::room_id.eq(None::<RoomId>),
            waitlist::offer_expires_at.eq(None::<Ts>),
            waitlist::ended_at.eq(Ts(now)),
            waitlist::version.eq(waitlist::version + 1),
            waitlist::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    diesel::update(inventory_holds::table.filter(inventory_holds::waitlist_id.eq(entry).and(inventory_holds::released_at.is_null())))
        .set((inventory_holds::released_at.eq(Ts(now)), inventory_holds::release_reason.eq("CHECKED_OUT")))
        .execute(conn)?;
    super::upgrades::intent::cancel_due(conn, visit, now)?;
    Ok(1)
}

fn record(conn: &mut DbConn, req: &Request, stay: &OpenStay, done: &CheckoutDone) -> Result<(), AppError> {
    let inserted = diesel::insert_into(checkouts::table)
        .values((
            checkouts::id.eq(done.checkout_id),
            checkouts::visit_id.eq(done.visit_id),
            checkouts::checkin_block_id.eq(stay.block_id),
            checkouts::resource_type.eq(stay.kind),
            checkouts::resource_id.eq(stay.unit_id),
            checkouts::number.eq(&stay.number),
            checkouts::minutes_late.eq(done.minutes_late),
            checkouts::late_fee_cents.eq(done.late_fee_cents),
            checkouts::fee_settlement.eq(&done.fee_settlement),
            checkouts::payment_intent_id.eq(done.payment_intent_id),
            checkouts::banned_until.eq(done.banned_until.map(Ts)),
            checkouts::staff_id.eq(req.staff),
            checkouts::lane_id.eq(req.lane),
            checkouts::checked_out_at.eq(Ts(done.checked_out_at)),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(()),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Err(already(conn, req.visit)?),
        Err(err) => Err(err.into()),
    }
}

fn audit(conn: &mut DbConn, req: &Request, stay: &OpenStay, done: &CheckoutDone, cancelled: usize) -> Result<(), AppError> {
    let entity = || Some(("visit", done.visit_id.to_string()));
    NewAuditEvent {
        actor: Actor::Staff(req.staff),
        lane_id: req.lane,
        action: "CHECKOUT_COMPLETED",
        entity: entity(),
        summary: json!({
            "customer_id": stay.customer_id,
            "kind": stay.kind,
            "number": stay.number,
            "unit_status": done.unit_status,
            "minutes_late": done.minutes_late,
            "late_fee_cents": done.late_fee_cents,
            "fee_settlement": done.fee_settlement,
            "waitlist_cancelled": cancelled,
        }),
        reason: None,
    }
    .append(conn, done.checked_out_at)?;
    let fee_action = match done.fee_settlement.as_str() {
        "PAID" => Some("LATE_FEE_PAID"),
        "PAST_DUE" => Some("PAST_DUE_ADDED"),
        _ => None,
    };
    if let Some(action) = fee_action {
        NewAuditEvent {
            actor: Actor::Staff(req.staff),
            lane_id: req.lane,
            action,
            entity: Some(("customer", stay.customer_id.to_string())),
            summary: json!({ "visit_id": done.visit_id, "amount_cents": done.late_fee_cents, "payment_intent_id": done.payment_intent_id }),
            reason: None,
        }
        .append(conn, done.checked_out_at)?;
    }
    if let Some(until) = done.banned_until {
        NewAuditEvent {
            actor: Actor::Staff(req.staff),
            lane_id: req.lane,
            action: "CUSTOMER_BANNED",
            entity: Some(("customer", stay.customer_id.to_string())),
            summary: json!({ "until": until, "cause": "LATE_CHECKOUT", "minutes_late": done.minutes_late }),
            reason: None,
        }
        .append(conn, done.checked_out_at)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn req(settlement: Option<Settlement>, method: Option<PaymentMethod>, expected: Option<i64>) -> Request<'static> {
        Request { visit: VisitId::new(), staff: StaffId::new(), lane: None, settlement, method, expected_fee_cents: expected }
    }

    fn late(minutes: i64) -> CheckoutPlan {
        let ends = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        plan(ResourceType::Room, ends, ends + Duration::minutes(minutes))
    }

    #[test]
    fn no_fee_needs_no_decision() {
        assert_eq!(settle(&late(10), &req(None, None, None)).ok(), Some(("NONE", None)));
        assert_eq!(settle(&late(10), &req(Some(Settlement::PastDue), None, Some(0))).ok(), Some(("NONE", None)));
    }

    #[test]
    fn a_fee_is_paid_with_a_method_or_added_to_the_balance() {
        assert_eq!(
            settle(&late(45), &req(Some(Settlement::Paid), Some(PaymentMethod::Cash), None)).ok(),
            Some(("PAID", Some(PaymentMethod::Cash)))
        );
        assert_eq!(settle(&late(45), &req(Some(Settlement::PastDue), Some(PaymentMethod::Card), None)).ok(), Some(("PAST_DUE", None)));
        assert_eq!(settle(&late(45), &req(Some(Settlement::Paid), None, None)).err().map(|e| e.code()), Some("VALIDATION_FAILED"));
        assert_eq!(settle(&late(45), &req(None, None, None)).err().map(|e| e.code()), Some("LATE_FEE_DECISION_NEEDED"));
    }

    #[test]
    fn a_fee_that_changed_since_the_screen_showed_it_is_refused() {
        let e = settle(&late(30), &req(Some(Settlement::PastDue), None, Some(0))).err();
        assert_eq!(e.map(|e| e.code()), Some("LATE_FEE_CHANGED"));
        assert_eq!(dollars(1500), "$15.00");
    }
}
