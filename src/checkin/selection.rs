//! Rental selection: either side proposes, the first confirmation locks it; locking places
//! the hold, prices the rental and creates the DUE payment intent in the same transaction, so no
//! customer pays for something the club cannot give (409 `SOLD_OUT` changes nothing).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::Config;
use crate::db::DbConn;
use crate::db::ids::HoldId;
use crate::db::models::customer::Customer;
use crate::db::models::hold;
use crate::db::models::lane_session::{LaneSession, SessionChanges};
use crate::db::sql_types::Ts;
use crate::domain::enums::{LaneSessionStatus as S, RentalType};
use crate::domain::pricing;
use crate::error::AppError;
use crate::lanes::commands::{self, Applied, LaneCommand};
use crate::lanes::gates::{self, Side};
use crate::lanes::hub::Hub;
use crate::lanes::inventory::{self, Unit};
use crate::lanes::quote;

/// Statuses in which the selection may still change.
const CHOOSING: [S; 2] = [S::Active, S::AwaitingCustomer];

/// The session and customer a step works on.
pub struct Context {
    /// the lane's current session
    pub session: LaneSession,
    /// its customer
    pub customer: Customer,
}

/// Loads the lane's current session and its customer (409 `NO_SESSION`).
pub fn context(conn: &mut DbConn, lane: &str) -> Result<Context, AppError> {
    let session = LaneSession::current(conn, lane)?.ok_or_else(|| AppError::conflict("NO_SESSION", "There is no session on this lane."))?;
    let customer_id = session.customer_id.ok_or_else(|| AppError::conflict("NO_SESSION", "The session has no customer."))?;
    let customer = Customer::find(conn, customer_id)?.ok_or(AppError::NotFound { what: "The customer" })?;
    Ok(Context { session, customer })
}

/// Proposes a rental from either side.
pub fn propose(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    config: &Config,
    side: Side,
    rental: RentalType,
) -> Result<Applied<()>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let Context { session, customer } = context(conn, &cmd.lane)?;
        gates::status(&session, &CHOOSING, "Choosing a rental")?;
        gates::language(&session)?;
        gates::past_due(&session, &customer, side)?;
        gates::rental_allowed(&customer, &config.gym, rental)?;
        if session.selection_confirmed {
            return Err(AppError::conflict("SELECTION_LOCKED", "The selection is already locked."));
        }
        let changes = SessionChanges {
            proposed_rental_type: Some(Some(rental)),
            proposed_by: Some(Some(side.as_str())),
            last_activity_at: Some(Ts(cmd.now)),
            ..Default::default()
        };
        commands::save(conn, &session, &changes, cmd.now)?;
        commands::audit(conn, cmd, "SELECTION_PROPOSED", session.id, json!({ "rental_type": rental, "by": side.as_str() }), None)
    })
}

/// What a confirmation did.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Locked {
    /// the lane's revision after the command (unchanged when it was already locked)
    pub rev: i64,
    /// the locked rental
    #[schema(value_type = String, example = "STANDARD")]
    pub rental_type: RentalType,
    /// who locked it (the first confirmer): CUSTOMER or EMPLOYEE
    #[schema(example = "CUSTOMER")]
    pub confirmed_by: String,
    /// true when it was already locked before this call (nothing changed)
    pub already_locked: bool,
}

/// Confirms the proposal. The first confirmation locks it (hold, quote, DUE intent, status
/// AWAITING_PAYMENT); later ones change nothing and report who locked it.
pub fn confirm(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, config: &Config, side: Side) -> Result<Locked, AppError> {
    let result = commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        if ctx.session.selection_confirmed {
            return Err(already_locked(&ctx.session));
        }
        gates::status(&ctx.session, &CHOOSING, "Confirming a rental")?;
        gates::language(&ctx.session)?;
        gates::past_due(&ctx.session, &ctx.customer, side)?;
        let rental = ctx.session.proposed_rental_type.ok_or_else(|| AppError::conflict("NO_PROPOSAL", "Nothing has been proposed yet."))?;
        gates::rental_allowed(&ctx.customer, &config.gym, rental)?;
        lock(conn, cmd, config, &ctx, rental, side, None)?;
        Ok(rental)
    });
    match result {
        Ok(applied) => {
            Ok(Locked { rev: applied.rev, rental_type: applied.value, confirmed_by: side.as_str().to_owned(), already_locked: false })
        }
        // Nothing changed (the transaction rolled back): the answer carries the lane's revision as it stands.
        Err(AppError::Conflict { code: "ALREADY_LOCKED", details, .. }) => Ok(Locked {
            rev: commands::current_rev(conn, &cmd.lane)?,
            rental_type: serde_json::from_value(details["rental_type"].clone()).unwrap_or(RentalType::Locker),
            confirmed_by: details["confirmed_by"].as_str().unwrap_or_default().to_owned(),
            already_locked: true,
        }),
        Err(err) => Err(err),
    }
}

fn already_locked(session: &LaneSession) -> AppError {
    AppError::Conflict {
        code: "ALREADY_LOCKED",
        message: "The selection was already locked.".into(),
        details: json!({ "rental_type": session.desired_rental_type, "confirmed_by": session.selection_confirmed_by }),
    }
}

/// A sold-out tier the customer waits for, taking a backup meanwhile.
pub struct Waitlist {
    /// the room tier wanted
    pub desired: RentalType,
    /// what is rented now
    pub backup: RentalType,
}

/// Locks `rental` (holds a unit, prices it, creates the DUE intent).
fn lock(
    conn: &mut DbConn,
    cmd: &LaneCommand,
    config: &Config,
    ctx: &Context,
    rental: RentalType,
    side: Side,
    waitlist: Option<&Waitlist>,
) -> Result<(), AppError> {
    let session = &ctx.session;
    let Some((hold_id, unit)) = inventory::place_hold(conn, rental, session.id, cmd.now)? else {
        let details = json!({ "rental_type": rental, "waitlist_possible": inventory::room_tier(rental).is_some() });
        return Err(AppError::Conflict {
            code: "SOLD_OUT",
            message: "None is available right now. You can join the waiting list with a backup choice.".into(),
            details,
        });
    };
    let quote = quote::for_session(&ctx.customer, session, rental, cmd.now, config)?;
    let intent = quote::create_intent(conn, session.id, &quote, cmd.now)?;
    let quote_json = serde_json::to_string(&quote).unwrap_or_default();
    let changes = SessionChanges {
        status: Some(S::AwaitingPayment),
        proposed_rental_type: Some(Some(rental)),
        proposed_by: Some(Some(session.proposed_by.as_deref().unwrap_or(side.as_str()))),
        selection_confirmed: Some(true),
        selection_confirmed_by: Some(Some(side.as_str())),
        selection_locked_at: Some(Some(Ts(cmd.now))),
        desired_rental_type: Some(Some(rental)),
        waitlist_desired_type: waitlist.map(|w| Some(w.desired)),
        backup_rental_type: waitlist.map(|w| Some(w.backup)),
        hold_id: Some(Some(hold_id)),
        price_quote_json: Some(Some(&quote_json)),
        payment_intent_id: Some(Some(intent)),
        last_activity_at: Some(Ts(cmd.now)),
        ..Default::default()
    };
    commands::save(conn, session, &changes, cmd.now)?;
    let summary = json!({ "rental_type": rental, "by": side.as_str(), "unit": unit.number, "total_cents": quote.total_cents, "payment_intent_id": intent, "waitlist_desired_type": waitlist.map(|w| w.desired) });
    commands::audit(conn, cmd, "SELECTION_LOCKED", session.id, summary, None)
}

/// The customer wants a sold-out room tier: record the wish and lock an available backup.
pub fn join_waitlist(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    config: &Config,
    side: Side,
    wish: Waitlist,
) -> Result<Applied<()>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        if ctx.session.selection_confirmed {
            return Err(already_locked(&ctx.session));
        }
        gates::status(&ctx.session, &CHOOSING, "Joining the waiting list")?;
        gates::language(&ctx.session)?;
        gates::past_due(&ctx.session, &ctx.customer, side)?;
        gates::rental_allowed(&ctx.customer, &config.gym, wish.backup)?;
        if inventory::room_tier(wish.desired).is_none() || pricing::upgrade_fee_cents(wish.backup, wish.desired).is_none() {
            return Err(AppError::conflict("WAITLIST_NOT_POSSIBLE", "Only a better room than the backup can be waited for."));
        }
        if inventory::available(conn, wish.desired, cmd.now)? > 0 {
            return Err(AppError::conflict("NOT_SOLD_OUT", "That room type is available: choose it directly."));
        }
        lock(conn, cmd, config, &ctx, wish.backup, side, Some(&wish))
    })
}

/// The employee swaps the held unit for a specific free one of the same type (e.g. the
/// customer asks for room 214).
pub fn swap_hold(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, number: &str) -> Result<Applied<String>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let Context { session, .. } = context(conn, &cmd.lane)?;
        gates::status(&session, &[S::AwaitingPayment, S::AwaitingSignature], "Changing the room or locker")?;
        let (rental, old) = session
            .desired_rental_type
            .zip(session.hold_id)
            .ok_or_else(|| AppError::conflict("NO_HOLD", "Nothing is held for this session."))?;
        let unit: Unit = inventory::free_unit_by_number(conn, rental, number)?.ok_or_else(|| {
            AppError::conflict(
                "UNIT_UNAVAILABLE",
                format!("{number} is not a free {rental}. Pick another, or ask the customer to choose again for another type."),
            )
        })?;
        release(conn, old, cmd.now)?;
        let new: HoldId = inventory::hold_unit(conn, &unit, session.id, cmd.now)?
            .ok_or_else(|| AppError::conflict("UNIT_UNAVAILABLE", format!("{number} was just taken.")))?;
        commands::save(
            conn,
            &session,
            &SessionChanges { hold_id: Some(Some(new)), last_activity_at: Some(Ts(cmd.now)), ..Default::default() },
            cmd.now,
        )?;
        commands::audit(conn, cmd, "HOLD_SWAPPED", session.id, json!({ "to": unit.number }), None)?;
        Ok(unit.number)
    })
}

fn release(conn: &mut DbConn, hold_id: HoldId, now: DateTime<Utc>) -> Result<(), AppError> {
    hold::release(conn, hold_id, "SWAPPED", Ts(now))?;
    Ok(())
}
