//! What the register offers for an open stay: each renewal length with whether the stay
//! allows it now and, if not, why (the same judgement the start uses), priced for the customer.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::current;
use crate::db::DbConn;
use crate::db::ids::VisitId;
use crate::domain::enums::{BlockType, RentalType, ResourceType};
use crate::domain::pricing::Quote;
use crate::domain::renewal::{self, HOURS};
use crate::domain::time_blocks::VISIT_CAP_HOURS;
use crate::error::AppError;
use crate::lanes::quote;

/// One renewal length.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RenewalOption {
    /// 6 or 2
    #[schema(example = 6)]
    pub hours: i32,
    /// RENEWAL or FINAL2H
    #[schema(value_type = String, example = "RENEWAL")]
    pub block_type: BlockType,
    /// whether the stay allows it now
    pub allowed: bool,
    /// why not: OUTSIDE_RENEWAL_WINDOW or VISIT_CAP_REACHED
    pub code: Option<&'static str>,
    /// why not, for the employee
    pub message: Option<String>,
    /// the new block starts at the current checkout
    pub starts_at: DateTime<Utc>,
    /// the new checkout
    pub ends_at: DateTime<Utc>,
    /// what it costs now
    #[schema(value_type = Object)]
    pub quote: Quote,
}

/// The renewals of one stay.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RenewalOptions {
    /// when it was judged
    pub at: DateTime<Utc>,
    /// the visit
    #[schema(value_type = String, format = "uuid")]
    pub visit_id: VisitId,
    /// whose
    pub customer_name: String,
    /// ROOM or LOCKER (a renewal keeps it)
    #[schema(value_type = String)]
    pub kind: ResourceType,
    /// its number
    pub number: String,
    /// what is rented
    #[schema(value_type = String)]
    pub rental_type: RentalType,
    /// the current checkout
    pub checkout_at: DateTime<Utc>,
    /// hours bought so far
    pub hours_purchased: i32,
    /// hours the cap still allows
    pub hours_left: i32,
    /// 6 h then 2 h
    pub options: Vec<RenewalOption>,
}

/// The renewal options of `visit` at `now`.
pub fn list(conn: &mut DbConn, visit: VisitId, now: DateTime<Utc>, tz: chrono_tz::Tz) -> Result<RenewalOptions, AppError> {
    let c = current(conn, visit, now)?;
    let mut options = Vec::with_capacity(HOURS.len());
    for hours in HOURS {
        let Some(block) = renewal::block(hours, c.rules.checkout_at) else { continue };
        let judged = renewal::judge(c.rules, hours, now);
        let refusal = judged.err();
        options.push(RenewalOption {
            hours,
            block_type: block.block_type,
            allowed: refusal.is_none(),
            code: refusal.as_ref().map(|r| r.code),
            message: refusal.map(|r| r.message),
            starts_at: block.starts_at,
            ends_at: block.ends_at,
            quote: quote::renewal(&c.customer, false, hours, c.stay.rental_type, now, tz)?,
        });
    }
    Ok(RenewalOptions {
        at: now,
        visit_id: visit,
        customer_name: c.customer.name.clone(),
        kind: c.stay.kind,
        number: c.stay.number.clone(),
        rental_type: c.stay.rental_type,
        checkout_at: c.stay.checkout_at,
        hours_purchased: c.rules.hours_purchased,
        hours_left: (VISIT_CAP_HOURS - c.rules.hours_purchased).max(0),
        options,
    })
}
