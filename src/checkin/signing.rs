//! Signing at the kiosk. In one transaction: the immutable signature is stored with every
//! field of spec/evidence.md, the hold becomes occupancy, the visit and its INITIAL block are
//! created (6 h, rounded up to the quarter hour), the waitlist entry if one was asked for,
//! system late-fee notes are cleared, and the session completes. If the hold was lost, the
//! signature is still stored and the session waits for the employee to assign a unit.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::json;

use chrono_tz::Tz;

use super::evidence;
use super::idempotency::Idempotency;
use super::selection::{Context, context};
use crate::db::DbConn;
use crate::db::ids::{BlockId, DeviceId, LockerId, RoomId, SignatureId, StaffId, VisitId, WaitlistId};
use crate::db::models::agreement::{Agreement, sha256_hex};
use crate::db::models::block::NewBlock;
use crate::db::models::hold;
use crate::db::models::lane_session::{LaneSession, SessionChanges};
use crate::db::models::register_session::RegisterSession;
use crate::db::models::signature::NewSignature;
use crate::db::models::visit::Visit;
use crate::db::schema::{customers, inventory_holds, lockers, rooms, waitlist};
use crate::db::sql_types::Ts;
use crate::domain::checkout::SYSTEM_NOTE_PREFIX;
use crate::domain::enums::{BlockType, IdentityMethod, InventoryStatus, LaneSessionStatus as S, ResourceType, SignatureMethod};
use crate::domain::signature::{Mark, typed_name_matches};
use crate::domain::time_blocks;
use crate::error::AppError;
use crate::lanes::commands::{self, Applied, LaneCommand};
use crate::lanes::gates;
use crate::lanes::hub::Hub;
use crate::lanes::inventory::{self, Unit};

/// What the kiosk sent, already validated (`domain::signature::accept`).
pub struct Submission {
    /// the agreement version the customer read
    pub agreement_id: crate::db::ids::AgreementId,
    /// when the customer ticked consent (kiosk clock; clamped into [shown, now])
    pub consent_at: Option<DateTime<Utc>>,
    /// the mark
    pub mark: Mark,
    /// drawn on the pad, or the typed name (checked against the name on file)
    pub method: SignatureMethod,
    /// the name as typed (exactly when `method` is TYPED)
    pub typed_name: Option<String>,
    /// the kiosk
    pub device: DeviceId,
    /// the kiosk browser
    pub user_agent: Option<String>,
    /// the kiosk's address
    pub ip: Option<String>,
}

/// Adds a renewal's block when its session is signed (`stays::renewal::extend::renew`, passed
/// in by the caller: the renewal flow owns it, signing only calls it). Answers the unit's
/// number and the new checkout.
pub type Renew = fn(&mut DbConn, &LaneSession, (SignatureId, BlockId), DateTime<Utc>) -> Result<(String, DateTime<Utc>), AppError>;

/// Where the customer ended up: the answer of signing and of assigning.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Outcome {
    /// the lane's revision after the command
    pub rev: i64,
    /// the stored signature
    #[schema(value_type = String, format = "uuid")]
    pub signature_id: SignatureId,
    /// COMPLETED, or AWAITING_ASSIGNMENT when the hold was lost
    #[schema(value_type = String, example = "COMPLETED")]
    pub status: S,
    /// room or locker number, when assigned
    pub number: Option<String>,
    /// checkout time, when assigned
    pub checkout_at: Option<DateTime<Utc>>,
}

/// The active agreement for the session's language (409 `NO_AGREEMENT` if none).
pub fn active_agreement(conn: &mut DbConn, session: &LaneSession) -> Result<Agreement, AppError> {
    let language = gates::language(session)?;
    Agreement::active_for(conn, language)?.ok_or_else(|| AppError::conflict("NO_AGREEMENT", "No agreement is active for this language."))
}

/// The kiosk reports that it shows the agreement (evidence of what was shown, and when). The
/// value is `true` when this version's showing was already recorded (nothing changed; the
/// revision is the lane's current one).
pub fn shown(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand) -> Result<Applied<bool>, AppError> {
    let result = commands::run(conn, hub, cmd, |conn, _| {
        let ctx = context(conn, &cmd.lane)?;
        gates::status(&ctx.session, &[S::AwaitingSignature], "Showing the agreement")?;
        let agreement = active_agreement(conn, &ctx.session)?;
        if ctx.session.agreement_id == Some(agreement.id) && ctx.session.agreement_shown_at.is_some() {
            return Err(AppError::conflict("ALREADY_SHOWN", "already recorded"));
        }
        let changes = SessionChanges {
            agreement_id: Some(Some(agreement.id)),
            agreement_shown_at: Some(Some(Ts(cmd.now))),
            last_activity_at: Some(Ts(cmd.now)),
            ..Default::default()
        };
        commands::save(conn, &ctx.session, &changes, cmd.now)?;
        commands::audit(
            conn,
            cmd,
            "AGREEMENT_SHOWN",
            ctx.session.id,
            json!({ "agreement_id": agreement.id, "version": agreement.version }),
            None,
        )?;
        Ok(false)
    });
    match result {
        Err(AppError::Conflict { code: "ALREADY_SHOWN", .. }) => Ok(Applied { rev: commands::current_rev(conn, &cmd.lane)?, value: true }),
        other => other,
    }
}

/// Signs, and completes the check-in if the held unit is still there. The answer (with the
/// lane's revision) is what an `Idempotency-Key` retry gets back.
pub fn sign(
    conn: &mut DbConn,
    hub: &Hub,
    cmd: &LaneCommand,
    sub: Submission,
    (tz, renew): (Tz, Renew),
    key: Option<&Idempotency>,
) -> Result<Applied<serde_json::Value>, AppError> {
    commands::run(conn, hub, cmd, |conn, rev| {
        let ctx = context(conn, &cmd.lane)?;
        gates::status(&ctx.session, &[S::AwaitingSignature], "Signing")?;
        let agreement = active_agreement(conn, &ctx.session)?;
        if agreement.id != sub.agreement_id {
            let details = json!({ "agreement_id": agreement.id, "version": agreement.version });
            return Err(AppError::Conflict {
                code: "AGREEMENT_CHANGED",
                message: "The agreement text changed. Please read the new version.".into(),
                details,
            });
        }
        check_typed_name(&sub, &ctx.customer.name)?;
        let block_id = BlockId::new();
        let renewing = ctx.session.mode == "RENEWAL";
        let unit = if renewing { None } else { held_unit(conn, &ctx.session)? };
        let signed_block = (renewing || unit.is_some()).then_some(block_id);
        let signature = evidence_row(conn, cmd, &ctx, &agreement, &sub, signed_block)?;
        signature.insert(conn)?;
        let outcome = match unit {
            _ if renewing => complete_renewal(conn, cmd, &ctx, (signature.id, block_id), (tz, renew), rev)?,
            Some(unit) => complete(conn, cmd, &ctx, &unit, (signature.id, block_id), tz, rev)?,
            None => {
                let changes = SessionChanges {
                    status: Some(S::AwaitingAssignment),
                    agreement_signature_id: Some(Some(signature.id)),
                    last_activity_at: Some(Ts(cmd.now)),
                    ..Default::default()
                };
                commands::save(conn, &ctx.session, &changes, cmd.now)?;
                Outcome { rev, signature_id: signature.id, status: S::AwaitingAssignment, number: None, checkout_at: None }
            }
        };
        commands::audit(
            conn,
            cmd,
            "AGREEMENT_SIGNED",
            ctx.session.id,
            json!({ "signature_id": signature.id, "record_sha256": signature.record_sha256, "status": outcome.status, "unit": outcome.number }),
            None,
        )?;
        let answer = serde_json::to_value(&outcome).unwrap_or_default();
        if let Some(k) = key {
            k.remember(conn, ctx.session.id, 200, &answer, cmd.now)?;
        }
        Ok(answer)
    })
}

/// The employee assigns a unit after a lost hold (a specific number, or the first free one of
/// the locked type); the check-in completes.
pub fn assign(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, tz: Tz, number: Option<&str>) -> Result<Applied<Outcome>, AppError> {
    commands::run(conn, hub, cmd, |conn, rev| {
        let ctx = context(conn, &cmd.lane)?;
        gates::status(&ctx.session, &[S::AwaitingAssignment], "Assigning")?;
        let rental = ctx.session.desired_rental_type.ok_or_else(|| AppError::conflict("NO_SELECTION", "Nothing was selected."))?;
        let signature =
            ctx.session.agreement_signature_id.ok_or_else(|| AppError::conflict("NOT_SIGNED", "The agreement is not signed."))?;
        // Same rules as a lock: version check, hold, and rooms kept for queued upgrades.
        let held = match number {
            Some(n) => match inventory::free_unit_by_number(conn, rental, n)? {
                Some(unit) => inventory::hold_unit(conn, &unit, ctx.session.id, cmd.now)?
                    .map(|hold| (hold, Unit { version: unit.version + 1, ..unit })),
                None => None,
            },
            None => inventory::place_hold(conn, rental, ctx.session.id, cmd.now)?,
        };
        let (hold, unit) = held.ok_or_else(|| AppError::conflict("SOLD_OUT", format!("No free {rental} to assign.")))?;
        hold::release(conn, hold, "COMPLETED", Ts(cmd.now))?;
        let outcome = complete(conn, cmd, &ctx, &unit, (signature, BlockId::new()), tz, rev)?;
        commands::audit(conn, cmd, "UNIT_ASSIGNED", ctx.session.id, json!({ "unit": unit.number }), None)?;
        Ok(outcome)
    })
}

/// The held unit if the hold still stands and the unit can still be occupied.
fn held_unit(conn: &mut DbConn, session: &LaneSession) -> Result<Option<Unit>, AppError> {
    let Some(hold_id) = session.hold_id else { return Ok(None) };
    let held: Option<(ResourceType, crate::db::ids::ResourceId)> = inventory_holds::table
        .find(hold_id)
        .filter(inventory_holds::released_at.is_null())
        .select((inventory_holds::resource_type, inventory_holds::resource_id))
        .first(conn)
        .optional()?;
    let Some((kind, id)) = held else { return Ok(None) };
    let row: Option<(String, i64)> = match kind {
        ResourceType::Room => rooms::table
            .find(RoomId(id.0))
            .filter(rooms::status.eq(InventoryStatus::Clean).and(rooms::assigned_to_customer_id.is_null()))
            .select((rooms::number, rooms::version))
            .first(conn)
            .optional()?,
        ResourceType::Locker => lockers::table
            .find(LockerId(id.0))
            .filter(lockers::status.eq(InventoryStatus::Clean).and(lockers::assigned_to_customer_id.is_null()))
            .select((lockers::number, lockers::version))
            .first(conn)
            .optional()?,
    };
    Ok(row.map(|(number, version)| Unit { id, number, kind, version }))
}

/// A typed signature must carry the customer's own name on file (`typed_name_matches`: any
/// case, spacing or accents); 400 `TYPED_NAME_MISMATCH` otherwise, nothing stored.
fn check_typed_name(sub: &Submission, on_file: &str) -> Result<(), AppError> {
    let typed = match (sub.method, sub.typed_name.as_deref()) {
        (SignatureMethod::Drawn, None) => return Ok(()),
        (SignatureMethod::Typed, Some(typed)) => typed,
        _ => return Err(AppError::invalid("typed_name", "typed_name is required exactly when method is TYPED.")),
    };
    if typed_name_matches(typed, on_file) {
        return Ok(());
    }
    Err(AppError::Invalid {
        code: "TYPED_NAME_MISMATCH",
        field: Some("typed_name".into()),
        message: "The typed name is not the customer's name on file. Type the full name as on the ID.".into(),
    })
}

/// The employee hosting the lane now (else the one who started the session).
fn hosting_staff(conn: &mut DbConn, ctx: &Context) -> Result<StaffId, AppError> {
    let register = RegisterSession::active_on_lane(conn, &ctx.session.lane_id)?;
    register.map(|r| r.staff_id).or(ctx.session.staff_id).ok_or_else(|| AppError::conflict("NO_STAFF", "No employee hosts this lane."))
}

fn evidence_row(
    conn: &mut DbConn,
    cmd: &LaneCommand,
    ctx: &Context,
    agreement: &Agreement,
    sub: &Submission,
    block: Option<BlockId>,
) -> Result<NewSignature, AppError> {
    let (session, customer) = (&ctx.session, &ctx.customer);
    let now = cmd.now;
    // The kiosk's "shown" time counts only for the very version being signed.
    let shown = session.agreement_shown_at.filter(|_| session.agreement_id == Some(agreement.id)).map_or(now, |t| t.0.min(now));
    let consent = sub.consent_at.map_or(now, |c| c.clamp(shown, now));
    let identity = session.identity_method.unwrap_or(IdentityMethod::Manual);
    let mut row = NewSignature {
        id: SignatureId::new(),
        agreement_id: agreement.id,
        agreement_version: agreement.version,
        language: agreement.language,
        agreement_title: agreement.title.clone(),
        agreement_text_snapshot: agreement.body_text.clone(),
        agreement_text_sha256: sha256_hex(&agreement.body_text),
        consent_text: agreement.consent_text.clone(),
        consent_text_sha256: sha256_hex(&agreement.consent_text),
        consent_at: Ts(consent),
        signature_strokes_json: sub.mark.strokes_json.clone(),
        signature_png: sub.mark.png.clone(),
        signature_png_sha256: sub.mark.png_sha256.clone(),
        customer_id: customer.id,
        customer_name: customer.name.clone(),
        membership_number: customer.membership_number.clone(),
        dob_verified: identity != IdentityMethod::Manual && customer.dob.is_some(),
        identity_method: identity,
        staff_id: hosting_staff(conn, ctx)?,
        device_id: Some(sub.device),
        lane_id: session.lane_id.clone(),
        lane_session_id: session.id,
        user_agent: sub.user_agent.clone(),
        ip: sub.ip.clone(),
        checkin_block_id: block,
        payment_intent_id: session.payment_intent_id,
        agreement_shown_at: Ts(shown),
        signed_at: Ts(now),
        record_sha256: String::new(),
        signature_method: sub.method,
        typed_name: sub.typed_name.clone(),
    };
    row.record_sha256 = evidence::record_sha256(&row);
    Ok(row)
}

/// Occupies `unit` for the customer: visit, INITIAL block, unit OCCUPIED, hold released,
/// waitlist entry, notes, session COMPLETED. `rev` is the command's new lane revision.
fn complete(
    conn: &mut DbConn,
    cmd: &LaneCommand,
    ctx: &Context,
    unit: &Unit,
    (signature, block_id): (SignatureId, BlockId),
    tz: Tz,
    rev: i64,
) -> Result<Outcome, AppError> {
    let (session, now) = (&ctx.session, cmd.now);
    let rental = session.desired_rental_type.ok_or_else(|| AppError::conflict("NO_SELECTION", "Nothing was selected."))?;
    let visit = VisitId::new();
    Visit::open(conn, visit, ctx.customer.id, Ts(now))?;
    let stay = time_blocks::initial_stay(now);
    let ends_at = stay.ends_at;
    let waitlist_id = session.waitlist_desired_type.map(|_| WaitlistId::new());
    let (room_id, locker_id) = match unit.kind {
        ResourceType::Room => (Some(RoomId(unit.id.0)), None),
        ResourceType::Locker => (None, Some(LockerId(unit.id.0))),
    };
    NewBlock {
        id: block_id,
        visit_id: visit,
        block_type: BlockType::Initial,
        starts_at: Ts(now),
        ends_at: Ts(ends_at),
        hours_purchased: stay.hours,
        rental_type: rental,
        room_id,
        locker_id,
        session_id: Some(session.id),
        agreement_signature_id: Some(signature),
        payment_intent_id: session.payment_intent_id,
        waitlist_id: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    }
    .insert(conn)?;
    occupy(conn, unit, ctx.customer.id, block_id, now)?;
    if let Some(hold_id) = session.hold_id {
        hold::release(conn, hold_id, "COMPLETED", Ts(now))?;
    }
    if let (Some(id), Some(desired)) = (waitlist_id, session.waitlist_desired_type) {
        add_waitlist(conn, id, visit, block_id, desired, rental, now)?;
    }
    clear_system_notes(conn, ctx, now)?;
    buy_membership(conn, ctx, now.with_timezone(&tz).date_naive(), now)?;
    let changes = SessionChanges {
        status: Some(S::Completed),
        completed_at: Some(Ts(now)),
        agreement_signature_id: Some(Some(signature)),
        last_activity_at: Some(Ts(now)),
        ..Default::default()
    };
    commands::save(conn, session, &changes, now)?;
    Ok(Outcome { rev, signature_id: signature, status: S::Completed, number: Some(unit.number.clone()), checkout_at: Some(ends_at) })
}

/// Adds the renewal's block on the same unit (`renew`) and completes the session; a
/// six-month membership bought with it starts today.
fn complete_renewal(
    conn: &mut DbConn,
    cmd: &LaneCommand,
    ctx: &Context,
    signed: (SignatureId, BlockId),
    (tz, renew): (Tz, Renew),
    rev: i64,
) -> Result<Outcome, AppError> {
    let now = cmd.now;
    let (number, checkout_at) = renew(conn, &ctx.session, signed, now)?;
    buy_membership(conn, ctx, now.with_timezone(&tz).date_naive(), now)?;
    let changes = SessionChanges {
        status: Some(S::Completed),
        completed_at: Some(Ts(now)),
        agreement_signature_id: Some(Some(signed.0)),
        last_activity_at: Some(Ts(now)),
        ..Default::default()
    };
    commands::save(conn, &ctx.session, &changes, now)?;
    let summary = json!({ "visit_id": ctx.session.visit_id, "block_id": signed.1, "unit": number, "checkout_at": checkout_at });
    commands::audit(conn, cmd, "RENEWAL_COMPLETED", ctx.session.id, summary, None)?;
    Ok(Outcome { rev, signature_id: signed.0, status: S::Completed, number: Some(number), checkout_at: Some(checkout_at) })
}

fn occupy(
    conn: &mut DbConn,
    unit: &Unit,
    customer: crate::db::ids::CustomerId,
    block: BlockId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let n = match unit.kind {
        ResourceType::Room => crate::db::cached::Reusable(
            diesel::update(rooms::table.find(RoomId(unit.id.0)).filter(
                rooms::status.eq(InventoryStatus::Clean).and(rooms::assigned_to_customer_id.is_null()).and(rooms::version.eq(unit.version)),
            ))
            .set((
                rooms::status.eq(InventoryStatus::Occupied),
                rooms::assigned_to_customer_id.eq(customer),
                rooms::current_block_id.eq(block),
                rooms::version.eq(rooms::version + 1),
                rooms::last_status_change.eq(Ts(now)),
                rooms::updated_at.eq(Ts(now)),
            )),
        )
        .execute(conn)?,
        ResourceType::Locker => crate::db::cached::Reusable(
            diesel::update(
                lockers::table.find(LockerId(unit.id.0)).filter(
                    lockers::status
                        .eq(InventoryStatus::Clean)
                        .and(lockers::assigned_to_customer_id.is_null())
                        .and(lockers::version.eq(unit.version)),
                ),
            )
            .set((
                lockers::status.eq(InventoryStatus::Occupied),
                lockers::assigned_to_customer_id.eq(customer),
                lockers::current_block_id.eq(block),
                lockers::version.eq(lockers::version + 1),
                lockers::last_status_change.eq(Ts(now)),
                lockers::updated_at.eq(Ts(now)),
            )),
        )
        .execute(conn)?,
    };
    if n != 1 {
        return Err(AppError::conflict("UNIT_TAKEN", format!("{} was taken in the meantime.", unit.number)));
    }
    crate::db::touched::stock();
    Ok(())
}

fn add_waitlist(
    conn: &mut DbConn,
    id: WaitlistId,
    visit: VisitId,
    block: BlockId,
    desired: crate::domain::enums::RentalType,
    backup: crate::domain::enums::RentalType,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::insert_into(waitlist::table)
        .values((
            waitlist::id.eq(id),
            waitlist::visit_id.eq(visit),
            waitlist::checkin_block_id.eq(block),
            waitlist::desired_tier.eq(desired.as_str()),
            waitlist::backup_tier.eq(backup.as_str()),
            waitlist::status.eq("ACTIVE"),
            waitlist::created_at.eq(Ts(now)),
            waitlist::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    crate::db::touched::stock();
    crate::db::touched::waitlist(id);
    use crate::db::schema::checkin_blocks;
    diesel::update(checkin_blocks::table.find(block)).set(checkin_blocks::waitlist_id.eq(id)).execute(conn)?;
    Ok(())
}

/// System late-fee lines are shown at the next visit and removed once it is signed.
fn clear_system_notes(conn: &mut DbConn, ctx: &Context, now: DateTime<Utc>) -> Result<(), AppError> {
    if !ctx.customer.notes.contains(SYSTEM_NOTE_PREFIX) {
        return Ok(());
    }
    let kept: Vec<&str> = ctx.customer.notes.lines().filter(|l| !l.starts_with(SYSTEM_NOTE_PREFIX)).collect();
    diesel::update(customers::table.find(ctx.customer.id))
        .set((customers::notes.eq(kept.join("\n")), customers::updated_at.eq(Ts(now))))
        .execute(conn)?;
    Ok(())
}

/// A six-month membership bought with this check-in starts today.
fn buy_membership(conn: &mut DbConn, ctx: &Context, local_today: chrono::NaiveDate, now: DateTime<Utc>) -> Result<(), AppError> {
    if ctx.session.membership_choice.as_deref() != Some("SIX_MONTH") {
        return Ok(());
    }
    let until = crate::domain::pricing::six_month_valid_until(local_today);
    diesel::update(customers::table.find(ctx.customer.id))
        .set((
            customers::membership_card_type.eq("SIX_MONTH"),
            customers::membership_valid_until.eq(until),
            customers::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    Ok(())
}
