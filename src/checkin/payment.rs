//! Money at the lane: membership choice and add-ons (re-quote while DUE), the explicit,
//! attributed mark-paid (idempotent by `Idempotency-Key`), and declines (seen by staff only).

use serde_json::json;

use super::Config;
use super::idempotency::{self, Idempotency};
use super::selection::{Context, context};
use crate::access::login::{self, PinTarget};
use crate::access::principal::StaffAuth;
use crate::db::DbConn;
use crate::db::ids::PaymentIntentId;
use crate::db::models::lane_session::SessionChanges;
use crate::db::models::staff::Staff;
use crate::db::schema::payment_intents;
use crate::db::sql_types::Ts;
use crate::domain::enums::StaffRole;
use crate::domain::enums::{LaneSessionStatus as S, PaymentMethod, PaymentStatus};
use crate::error::AppError;
use crate::lanes::commands::{self, Applied, LaneCommand};
use crate::lanes::gates;
use crate::lanes::hub::Hub;
use crate::lanes::quote::{self, StoredAddOn};

/// Re-prices a locked, still-due selection after a change of membership choice or add-ons.
fn requote(conn: &mut DbConn, cmd: &LaneCommand, config: &Config, ctx: &Context, changes: SessionChanges<'_>) -> Result<(), AppError> {
    let (Some(rental), Some(intent)) = (ctx.session.desired_rental_type, ctx.session.payment_intent_id) else {
        return commands::save(conn, &ctx.session, &changes, cmd.now);
    };
    let mut updated = ctx.session.clone();
    if let Some(choice) = changes.membership_choice {
        updated.membership_choice = choice.map(str::to_owned);
    }
    if let Some(addons) = changes.addons_json {
        updated.addons_json = addons.map(str::to_owned);
    }
    let quote = quote::for_session(&ctx.customer, &updated, rental, cmd.now, config)?;
    quote::update_intent(conn, intent, &quote, cmd.now)?;
    let json = serde_json::to_string(&quote).unwrap_or_default();
    commands::save(conn, &ctx.session, &SessionChanges { price_quote_json: Some(Some(&json)), ..changes }, cmd.now)
}

/// The non-member's choice: ONE_TIME (daily fee) or SIX_MONTH (buy the membership).
pub fn choose_membership(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    config: &Config,
    side: gates::Side,
    choice: &str,
) -> Result<Applied<()>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        // Once the payment is due only the employee may re-price (the total they announced).
        let allowed: &[S] = if side == gates::Side::Employee {
            &[S::Active, S::AwaitingCustomer, S::AwaitingPayment]
        } else {
            &[S::Active, S::AwaitingCustomer]
        };
        gates::status(&ctx.session, allowed, "Choosing a membership")?;
        gates::language(&ctx.session)?;
        gates::past_due(&ctx.session, &ctx.customer, side)?;
        let changes = SessionChanges { membership_choice: Some(Some(choice)), last_activity_at: Some(Ts(cmd.now)), ..Default::default() };
        requote(conn, cmd, config, &ctx, changes)?;
        commands::audit(conn, cmd, "MEMBERSHIP_CHOSEN", ctx.session.id, json!({ "choice": choice, "by": side.as_str() }), None)
    })
}

/// Replaces the retail add-ons and re-prices (employee, while the payment is due).
pub fn set_addons(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    config: &Config,
    addons: &[StoredAddOn],
) -> Result<Applied<()>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        gates::status(&ctx.session, &[S::AwaitingPayment], "Changing add-ons")?;
        if ctx.session.mode == "RENEWAL" {
            return Err(AppError::conflict("NOT_FOR_RENEWAL", "Add-ons are sold with a check-in, not with a renewal."));
        }
        let json = serde_json::to_string(addons).unwrap_or_default();
        let changes = SessionChanges { addons_json: Some(Some(&json)), last_activity_at: Some(Ts(cmd.now)), ..Default::default() };
        requote(conn, cmd, config, &ctx, changes)?;
        commands::audit(conn, cmd, "ADDONS_SET", ctx.session.id, json!({ "addons": addons }), None)
    })
}

/// How the employee took the money.
pub struct Payment<'a> {
    /// cash, card, other
    pub method: PaymentMethod,
    /// terminal or receipt reference
    pub external_reference: Option<&'a str>,
}

/// The answer of mark-paid (also what an `Idempotency-Key` retry gets back).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PaymentTaken {
    /// the lane's revision after the command
    pub rev: i64,
    /// the intent that was paid
    #[schema(value_type = String, format = "uuid")]
    pub payment_intent_id: PaymentIntentId,
    /// PAID
    #[schema(value_type = String, example = "PAID")]
    pub status: PaymentStatus,
    /// what was taken
    pub amount_cents: i64,
}

/// Marks the session's DUE intent PAID, attributed to the employee; the session waits for the
/// signature. With an `Idempotency-Key`, a retry returns the first answer and changes nothing.
pub fn mark_paid(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    by: &StaffAuth,
    payment: &Payment<'_>,
    key: Option<&Idempotency>,
) -> Result<serde_json::Value, AppError> {
    idempotency::once(key, conn, &cmd.lane, |conn| {
        let applied = commands::run(conn, hub, cmd, |conn, rev| {
            let ctx = context(conn, &cmd.lane)?;
            if ctx.session.status == S::AwaitingSignature {
                return Err(AppError::conflict("ALREADY_PAID", "This session is already paid."));
            }
            gates::status(&ctx.session, &[S::AwaitingPayment], "Taking payment")?;
            let intent = ctx.session.payment_intent_id.ok_or_else(|| AppError::conflict("PAYMENT_NOT_DUE", "Nothing is due."))?;
            let amount = pay(conn, intent, by, payment, key.map(|k| k.key.as_str()), cmd)?;
            let changes = SessionChanges { status: Some(S::AwaitingSignature), last_activity_at: Some(Ts(cmd.now)), ..Default::default() };
            commands::save(conn, &ctx.session, &changes, cmd.now)?;
            let summary = json!({ "payment_intent_id": intent, "amount_cents": amount, "method": payment.method });
            commands::audit(conn, cmd, "PAYMENT_MARKED_PAID", ctx.session.id, summary, None)?;
            let taken = PaymentTaken { rev, payment_intent_id: intent, status: PaymentStatus::Paid, amount_cents: amount };
            let answer = serde_json::to_value(&taken).unwrap_or_default();
            if let Some(k) = key {
                k.remember(conn, ctx.session.id, 200, &answer, cmd.now)?;
            }
            Ok(answer)
        })?;
        Ok(applied.value)
    })
}

fn pay(
    conn: &mut DbConn,
    intent: PaymentIntentId,
    by: &StaffAuth,
    payment: &Payment<'_>,
    key: Option<&str>,
    cmd: &LaneCommand,
) -> Result<i64, AppError> {
    use diesel::prelude::*;
    let amount: i64 = payment_intents::table.find(intent).select(payment_intents::amount_cents).first(conn)?;
    let n = crate::db::cached::Reusable(
        diesel::update(payment_intents::table.find(intent).filter(payment_intents::status.eq(PaymentStatus::Due))).set((
            payment_intents::status.eq(PaymentStatus::Paid),
            payment_intents::method.eq(payment.method),
            payment_intents::external_reference.eq(payment.external_reference),
            payment_intents::paid_at.eq(Ts(cmd.now)),
            payment_intents::paid_by_staff_id.eq(by.staff.id),
            payment_intents::idempotency_key.eq(key),
            payment_intents::version.eq(payment_intents::version + 1),
            payment_intents::updated_at.eq(Ts(cmd.now)),
        )),
    )
    .execute(conn)?;
    if n == 1 { Ok(amount) } else { Err(AppError::conflict("PAYMENT_NOT_DUE", "The payment is no longer due.")) }
}

/// Records a declined card: the reason is kept for staff (never shown on the kiosk); nothing
/// else changes.
pub fn decline(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, reason: &str) -> Result<Applied<()>, AppError> {
    use diesel::prelude::*;
    commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        gates::status(&ctx.session, &[S::AwaitingPayment], "Recording a decline")?;
        if let Some(intent) = ctx.session.payment_intent_id {
            crate::db::cached::Reusable(diesel::update(payment_intents::table.find(intent)).set((
                payment_intents::last_decline_reason.eq(reason),
                payment_intents::last_decline_at.eq(Ts(cmd.now)),
                payment_intents::updated_at.eq(Ts(cmd.now)),
            )))
            .execute(conn)?;
        }
        let changes = SessionChanges {
            last_decline_reason: Some(Some(reason)),
            last_decline_at: Some(Ts(cmd.now)),
            last_activity_at: Some(Ts(cmd.now)),
            ..Default::default()
        };
        commands::save(conn, &ctx.session, &changes, cmd.now)?;
        commands::audit(conn, cmd, "PAYMENT_DECLINED", ctx.session.id, json!({}), Some(reason))
    })
}

/// The manager whose PIN a past-due bypass needs, and the hash to verify outside any
/// transaction. Refusals about the lane come first and change nothing; `None` when the login
/// is not an active manager (the caller still spends the same hashing work).
pub fn bypass_target(
    conn: &mut DbConn,
    lane: &str,
    manager_login: &str,
    client: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(Staff, PinTarget, String)>, AppError> {
    bypass_allowed(&context(conn, lane)?)?;
    let Some((staff, _)) = Staff::by_login(conn, manager_login)?.filter(|(s, _)| s.active && s.role == StaffRole::Manager) else {
        return Ok(None);
    };
    let target = PinTarget { staff_id: staff.id, client };
    let hash = login::hash_to_verify(conn, &target, now)?;
    Ok(Some((staff, target, hash)))
}

/// 403 for a wrong manager login or PIN.
pub fn manager_pin_required() -> AppError {
    AppError::forbidden("MANAGER_PIN_REQUIRED", "A manager's login and PIN are needed for this.")
}

/// A manager lets a customer who owes a balance make their own choices: the manager's PIN,
/// verified outside any transaction, is recorded first in its own transaction (wrong PINs
/// count towards their lockout even though the request is refused); the balance stays owed.
pub fn bypass_past_due(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    manager: &Staff,
    target: &PinTarget,
    right: bool,
) -> Result<Applied<()>, AppError> {
    let check = crate::db::write_tx(conn, |conn| login::settle(conn, target, right, cmd.now, "past_due_bypass"))?;
    check.into_result(manager_pin_required())?;
    commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        bypass_allowed(&ctx)?;
        let changes = SessionChanges {
            past_due_bypassed_at: Some(Ts(cmd.now)),
            past_due_bypassed_by: Some(manager.id),
            last_activity_at: Some(Ts(cmd.now)),
            ..Default::default()
        };
        commands::save(conn, &ctx.session, &changes, cmd.now)?;
        let summary = json!({ "manager_id": manager.id, "past_due_cents": ctx.customer.past_due_cents });
        commands::audit(conn, cmd, "PAST_DUE_BYPASSED", ctx.session.id, summary, None)
    })
}

fn bypass_allowed(ctx: &Context) -> Result<(), AppError> {
    gates::status(&ctx.session, &[S::Active, S::AwaitingCustomer], "Bypassing the balance")?;
    if gates::past_due_blocked(&ctx.session, &ctx.customer) {
        Ok(())
    } else {
        Err(AppError::conflict("NOT_BLOCKED", "Nothing to bypass: the customer owes nothing or was already let through."))
    }
}
