//! Prices a locked selection (domain::pricing, in the club's time zone) and keeps the DUE
//! payment intent and the session's quote snapshot in step.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::Config;
use crate::db::DbConn;
use crate::db::ids::{LaneSessionId, PaymentIntentId, VisitId};
use crate::db::models::customer::Customer;
use crate::db::models::lane_session::LaneSession;
use crate::db::schema::payment_intents;
use crate::db::sql_types::Ts;
use crate::domain::enums::{PaymentStatus, RentalType};
use crate::domain::pricing::{self, AddOn, CheckinQuote, Quote};
use crate::error::AppError;

/// A retail add-on as stored on the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StoredAddOn {
    /// what it is (1–80 characters)
    #[schema(min_length = 1, max_length = 80)]
    pub description: String,
    /// price in cents (1–100000)
    #[schema(minimum = 1, maximum = 100000)]
    pub amount_cents: i64,
}

fn addons_of(session: &LaneSession) -> Vec<AddOn> {
    let stored: Vec<StoredAddOn> = session.addons_json.as_deref().and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default();
    stored.into_iter().map(|a| AddOn { description: a.description, amount_cents: a.amount_cents }).collect()
}

/// The pricing facts of a customer.
pub fn pricing_customer(customer: &Customer) -> pricing::Customer {
    let six_month = (customer.membership_card_type == "SIX_MONTH").then_some(customer.membership_valid_until).flatten();
    pricing::Customer { dob: customer.dob, six_month_valid_until: six_month }
}

/// The quote for renting `rental` now, with the session's membership choice and add-ons; a
/// renewal session is priced as a renewal of its hours (pricing.md).
pub fn for_session(
    customer: &Customer,
    session: &LaneSession,
    rental: RentalType,
    now: DateTime<Utc>,
    config: &Config,
) -> Result<Quote, AppError> {
    match session.renewal_hours.filter(|_| session.mode == "RENEWAL") {
        Some(hours) => renewal(customer, session.membership_choice.as_deref() == Some("SIX_MONTH"), hours, rental, now, config.tz),
        None => Ok(price(customer, session, rental, now, config.tz)),
    }
}

/// The quote of renewing `rental` for `hours` at `now` (6 h as a check-in, 2 h at 2000, each
/// with the daily-fee rule; `buy_six_month` adds the membership instead of the daily fee).
pub fn renewal(
    customer: &Customer,
    buy_six_month: bool,
    hours: i32,
    rental: RentalType,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<Quote, AppError> {
    let hours = u8::try_from(hours).unwrap_or(0);
    pricing::renewal_quote(hours, rental, now, tz, &pricing_customer(customer), buy_six_month)
        .map_err(|e| AppError::conflict("INVALID_RENEWAL", e.to_string()))
}

/// The quote `rental` would get if it were locked at `now` (the lock itself uses the same
/// function): the kiosk shows it beside a proposal before the customer confirms.
pub fn price(customer: &Customer, session: &LaneSession, rental: RentalType, now: DateTime<Utc>, tz: chrono_tz::Tz) -> Quote {
    let addons = addons_of(session);
    let facts = pricing_customer(customer);
    let buy_six_month = session.membership_choice.as_deref() == Some("SIX_MONTH");
    pricing::checkin_quote(&CheckinQuote { rental, at: now, tz, customer: &facts, buy_six_month, addons: &addons })
}

/// Creates the session's DUE check-in intent (the database allows one DUE intent per session).
pub fn create_intent(conn: &mut DbConn, session: LaneSessionId, quote: &Quote, now: DateTime<Utc>) -> Result<PaymentIntentId, AppError> {
    create_intent_for(conn, session, ("CHECKIN", None), quote, now)
}

/// Creates the session's DUE intent for `purpose` (CHECKIN, RENEWAL, FINAL_EXTENSION), tied to
/// the visit it extends when there is one.
pub fn create_intent_for(
    conn: &mut DbConn,
    session: LaneSessionId,
    (purpose, visit): (&str, Option<VisitId>),
    quote: &Quote,
    now: DateTime<Utc>,
) -> Result<PaymentIntentId, AppError> {
    let id = PaymentIntentId::new();
    diesel::insert_into(payment_intents::table)
        .values((
            payment_intents::id.eq(id),
            payment_intents::lane_session_id.eq(session),
            payment_intents::visit_id.eq(visit),
            payment_intents::purpose.eq(purpose),
            payment_intents::amount_cents.eq(quote.total_cents),
            payment_intents::status.eq(PaymentStatus::Due),
            payment_intents::quote_json.eq(serde_json::to_string(quote).unwrap_or_default()),
            payment_intents::created_at.eq(Ts(now)),
            payment_intents::updated_at.eq(Ts(now)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Replaces the DUE intent's amount and quote; 409 `PAYMENT_NOT_DUE` if it is no longer due.
pub fn update_intent(conn: &mut DbConn, intent: PaymentIntentId, quote: &Quote, now: DateTime<Utc>) -> Result<(), AppError> {
    let n = crate::db::cached::Reusable(
        diesel::update(payment_intents::table.find(intent).filter(payment_intents::status.eq(PaymentStatus::Due))).set((
            payment_intents::amount_cents.eq(quote.total_cents),
            payment_intents::quote_json.eq(serde_json::to_string(quote).unwrap_or_default()),
            payment_intents::version.eq(payment_intents::version + 1),
            payment_intents::updated_at.eq(Ts(now)),
        )),
    )
    .execute(conn)?;
    if n == 1 { Ok(()) } else { Err(AppError::conflict("PAYMENT_NOT_DUE", "The payment is no longer due.")) }
}
