//! Everything the two views of a lane are built from, read in one place.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::last_signed::{self, LastSigned};
use super::offers::{self, KioskStay};
use super::place::{self, WaitlistPlace};
use crate::db::DbConn;
use crate::db::ids::{BlockId, LockerId, RoomId};
use crate::db::models::agreement::Agreement;
use crate::db::models::customer::Customer;
use crate::db::models::lane::Lane;
use crate::db::models::lane_session::LaneSession;
use crate::db::schema::{checkin_blocks, inventory_holds, lockers, payment_intents, rooms};
use crate::domain::enums::{BlockType, LaneSessionStatus as S, PaymentMethod, PaymentStatus, RentalType, ResourceType};
use crate::domain::pricing::{self, Quote};
use crate::domain::{renewal, time_blocks};
use crate::error::AppError;
use crate::lanes::gates::{self, GymLockerRanges};
use crate::lanes::quote;
use crate::lanes::stock;

/// Club settings views depend on.
#[derive(Debug, Clone)]
pub struct ViewConfig {
    /// idle screen
    pub club_name: String,
    /// prices and dates
    pub tz: chrono_tz::Tz,
    /// gym locker eligibility
    pub gym: GymLockerRanges,
}

/// A rental the customer may pick, priced for them now.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RentalOption {
    /// what
    #[schema(value_type = String)]
    pub rental_type: RentalType,
    /// rental price now (the membership fee is on the quote)
    pub price_cents: i64,
    /// how many a new check-in may take now (0 = sold out → waitlist)
    pub available: i64,
    /// hours it buys
    #[schema(example = 6)]
    pub hours: i32,
    /// the checkout if the check-in completed at the view's time (club rules: start + 6 h
    /// rounded up to the quarter hour)
    pub checkout_at: DateTime<Utc>,
}

/// The payment intent as staff see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PaymentFacts {
    /// DUE, PAID, CANCELLED, REFUNDED
    #[schema(value_type = String)]
    pub status: PaymentStatus,
    /// total
    pub amount_cents: i64,
    /// how it was paid
    #[schema(value_type = Option<String>)]
    pub method: Option<PaymentMethod>,
    /// last decline (staff only)
    pub last_decline_reason: Option<String>,
}

/// Where a customer is, or will be.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct UnitFacts {
    /// ROOM or LOCKER
    #[schema(value_type = String)]
    pub kind: ResourceType,
    /// number on the key
    pub number: String,
    /// checkout time (assigned units)
    pub checkout_at: Option<DateTime<Utc>>,
    /// the check-in block of an assigned unit (its slip: `GET /api/slips/{block_id}`);
    /// absent for a held unit
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = "uuid")]
    pub block_id: Option<BlockId>,
}

/// The renewal a RENEWAL session sells (until it completes): the block it will add.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RenewalFacts {
    /// 6 or 2
    #[schema(example = 6)]
    pub hours: i32,
    /// RENEWAL or FINAL2H
    #[schema(value_type = String, example = "RENEWAL")]
    pub block_type: BlockType,
    /// the current checkout, where the new block starts
    pub starts_at: DateTime<Utc>,
    /// the new checkout
    pub ends_at: DateTime<Utc>,
    /// the same room or locker
    pub unit: UnitFacts,
}

/// What a lane's views are built from.
pub struct Facts {
    /// the lane
    pub lane: Lane,
    /// the session on screen
    pub session: Option<LaneSession>,
    /// its customer
    pub customer: Option<Customer>,
    /// rentals the customer may pick (while choosing)
    pub options: Vec<RentalOption>,
    /// the quote
    pub quote: Option<Quote>,
    /// the payment
    pub payment: Option<PaymentFacts>,
    /// the held unit
    pub held: Option<UnitFacts>,
    /// the agreement to sign
    pub agreement: Option<Agreement>,
    /// the unit assigned at completion
    pub assigned: Option<UnitFacts>,
    /// the proposed or locked stay before completion: hours, checkout, price
    pub stay: Option<KioskStay>,
    /// what a renewal session adds (live renewal sessions)
    pub renewal: Option<RenewalFacts>,
    /// the upgrade waitlist place a finished check-in took
    pub waitlist: Option<WaitlistPlace>,
    /// the customer's last signature against today's agreement (live sessions; staff only)
    pub last_signed: Option<LastSigned>,
    /// today's date in the club
    pub local_now: chrono::NaiveDateTime,
}

/// Reads the facts of a lane (revision first: the data is never older than its label); the
/// rental options count `available` (the hub's stock), or the database when it is `None`.
pub fn load(
    conn: &mut DbConn,
    lane_id: &str,
    config: &ViewConfig,
    now: DateTime<Utc>,
    available: Option<BTreeMap<String, i64>>,
) -> Result<Facts, AppError> {
    let lane = Lane::find(conn, lane_id)?.ok_or(AppError::NotFound { what: "The lane" })?;
    let session = LaneSession::current(conn, lane_id)?;
    let customer = match session.as_ref().and_then(|s| s.customer_id) {
        Some(id) => Customer::find(conn, id)?,
        None => None,
    };
    let local_now = now.with_timezone(&config.tz).naive_local();
    let mut facts = Facts {
        lane,
        session: None,
        customer: None,
        options: Vec::new(),
        quote: None,
        payment: None,
        held: None,
        agreement: None,
        assigned: None,
        stay: None,
        renewal: None,
        waitlist: None,
        last_signed: None,
        local_now,
    };
    if let (Some(s), Some(c)) = (&session, &customer) {
        fill(conn, &mut facts, (s, c), config, now, available)?;
    }
    facts.session = session;
    facts.customer = customer;
    Ok(facts)
}

fn fill(
    conn: &mut DbConn,
    facts: &mut Facts,
    (s, c): (&LaneSession, &Customer),
    config: &ViewConfig,
    now: DateTime<Utc>,
    available: Option<BTreeMap<String, i64>>,
) -> Result<(), AppError> {
    if matches!(s.status, S::Active | S::AwaitingCustomer) {
        let stock = match available {
            Some(stock) => stock,
            None => stock::available(conn, now)?,
        };
        facts.options = options(c, config, now, &stock);
    }
    facts.quote = s.price_quote_json.as_deref().and_then(|q| serde_json::from_str(q).ok());
    if s.mode == "RENEWAL" && s.status.is_live() {
        facts.renewal = renewal(conn, s)?;
    }
    facts.stay = match &facts.renewal {
        Some(r) => s.desired_rental_type.zip(facts.quote.clone()).map(|(rental, quote)| KioskStay {
            rental_type: rental,
            locked: true,
            hours: r.hours,
            checkout_at: r.ends_at,
            quote,
        }),
        None => stay(s, c, facts.quote.as_ref(), config, now),
    };
    if let Some(intent) = s.payment_intent_id {
        facts.payment = payment_intents::table
            .find(intent)
            .select((payment_intents::status, payment_intents::amount_cents, payment_intents::method, payment_intents::last_decline_reason))
            .first::<(PaymentStatus, i64, Option<PaymentMethod>, Option<String>)>(conn)
            .optional()?
            .map(|(status, amount_cents, method, last_decline_reason)| PaymentFacts { status, amount_cents, method, last_decline_reason });
    }
    if s.status.is_live() {
        facts.held = held(conn, s)?;
        facts.last_signed = last_signed::load(conn, c.id, s.language)?;
    }
    if s.status == S::AwaitingSignature {
        facts.agreement = s.language.map(|l| Agreement::active_for(conn, l)).transpose()?.flatten();
    }
    if s.status == S::Completed {
        facts.assigned = assigned(conn, s)?;
        if s.waitlist_desired_type.is_some() {
            facts.waitlist = place::of_session(conn, s.id, now)?;
        }
    }
    Ok(())
}

fn options(c: &Customer, config: &ViewConfig, now: DateTime<Utc>, stock: &BTreeMap<String, i64>) -> Vec<RentalOption> {
    let local = now.with_timezone(&config.tz).naive_local();
    let youth = pricing::is_youth(c.dob, local.date());
    let initial = time_blocks::initial_stay(now);
    gates::allowed_rentals(c, &config.gym)
        .into_iter()
        .map(|rental| {
            let available = stock.get(rental.as_str()).copied().unwrap_or(0);
            let price_cents = pricing::rental_price_cents(rental, local, youth);
            RentalOption { rental_type: rental, price_cents, available, hours: initial.hours, checkout_at: initial.ends_at }
        })
        .collect()
}

/// The stay before completion: the locked quote once locked, else what locking the proposal
/// now would price (the same function the lock uses).
fn stay(s: &LaneSession, c: &Customer, locked: Option<&Quote>, config: &ViewConfig, now: DateTime<Utc>) -> Option<KioskStay> {
    match s.status {
        S::Active | S::AwaitingCustomer if !s.selection_confirmed => {
            let rental = s.proposed_rental_type?;
            Some(offers::stay(rental, false, quote::price(c, s, rental, now, config.tz), now))
        }
        S::AwaitingPayment | S::AwaitingSignature => Some(offers::stay(s.desired_rental_type?, true, locked?.clone(), now)),
        _ => None,
    }
}

fn unit_number(conn: &mut DbConn, kind: ResourceType, id: uuid::Uuid) -> QueryResult<Option<String>> {
    match kind {
        ResourceType::Room => rooms::table.find(RoomId(id)).select(rooms::number).first(conn).optional(),
        ResourceType::Locker => lockers::table.find(LockerId(id)).select(lockers::number).first(conn).optional(),
    }
}

fn held(conn: &mut DbConn, s: &LaneSession) -> Result<Option<UnitFacts>, AppError> {
    let Some(hold) = s.hold_id else { return Ok(None) };
    let row: Option<(ResourceType, crate::db::ids::ResourceId)> = inventory_holds::table
        .find(hold)
        .filter(inventory_holds::released_at.is_null())
        .select((inventory_holds::resource_type, inventory_holds::resource_id))
        .first(conn)
        .optional()?;
    let Some((kind, id)) = row else { return Ok(None) };
    Ok(unit_number(conn, kind, id.0)?.map(|number| UnitFacts { kind, number, checkout_at: None, block_id: None }))
}

fn assigned(conn: &mut DbConn, s: &LaneSession) -> Result<Option<UnitFacts>, AppError> {
    let block: Option<(BlockId, Option<RoomId>, Option<LockerId>, crate::db::sql_types::Ts)> = checkin_blocks::table
        .filter(checkin_blocks::session_id.eq(s.id))
        .order(checkin_blocks::ends_at.desc())
        .select((checkin_blocks::id, checkin_blocks::room_id, checkin_blocks::locker_id, checkin_blocks::ends_at))
        .first(conn)
        .optional()?;
    let Some((block_id, room, locker, ends)) = block else { return Ok(None) };
    let (kind, id) = match (room, locker) {
        (Some(r), _) => (ResourceType::Room, r.0),
        (None, Some(l)) => (ResourceType::Locker, l.0),
        (None, None) => return Ok(None),
    };
    Ok(unit_number(conn, kind, id)?.map(|number| UnitFacts { kind, number, checkout_at: Some(ends.0), block_id: Some(block_id) }))
}

/// The block a live renewal session will add: after the visit's latest block, on its unit.
fn renewal(conn: &mut DbConn, s: &LaneSession) -> Result<Option<RenewalFacts>, AppError> {
    let (Some(visit), Some(hours)) = (s.visit_id, s.renewal_hours) else { return Ok(None) };
    let last: Option<(Option<RoomId>, Option<LockerId>, crate::db::sql_types::Ts)> = checkin_blocks::table
        .filter(checkin_blocks::visit_id.eq(visit))
        .order(checkin_blocks::ends_at.desc())
        .select((checkin_blocks::room_id, checkin_blocks::locker_id, checkin_blocks::ends_at))
        .first(conn)
        .optional()?;
    let Some((room, locker, ends)) = last else { return Ok(None) };
    let Some(plan) = renewal::block(hours, ends.0) else { return Ok(None) };
    let (kind, id) = match (room, locker) {
        (Some(r), _) => (ResourceType::Room, r.0),
        (None, Some(l)) => (ResourceType::Locker, l.0),
        (None, None) => return Ok(None),
    };
    let Some(number) = unit_number(conn, kind, id)? else { return Ok(None) };
    Ok(Some(RenewalFacts {
        hours,
        block_type: plan.block_type,
        starts_at: plan.starts_at,
        ends_at: plan.ends_at,
        unit: UnitFacts { kind, number, checkout_at: Some(plan.starts_at), block_id: None },
    }))
}
