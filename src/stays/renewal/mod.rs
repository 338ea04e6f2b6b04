//! Renewals at the lane (spec/flows.md §2): the register lists what the stay allows
//! ([`options`]), starts a renewal session that goes straight to payment ([`start`]), and the
//! customer's signature on the kiosk adds the block on the **same** room or locker
//! ([`extend`], called by the signing step). Nothing is added before both payment and
//! signature; the rules are `domain::renewal`.

pub mod extend;
pub mod options;
pub mod start;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::VisitId;
use crate::db::models::customer::Customer;
use crate::db::schema::{checkin_blocks, visits};
use crate::db::sql_types::Ts;
use crate::domain::renewal::Stay;
use crate::error::AppError;
use crate::stays::open::{self, OpenStay};

/// An open stay as a renewal sees it.
pub struct Current {
    /// the unit, its current block and checkout
    pub stay: OpenStay,
    /// the stay for the rules: checkout and hours bought so far
    pub rules: Stay,
    /// whose
    pub customer: Customer,
}

/// The open stay of `visit`: 404 for no such visit, 409 `ALREADY_CHECKED_OUT` once it ended.
pub fn current(conn: &mut DbConn, visit: VisitId, now: DateTime<Utc>) -> Result<Current, AppError> {
    let ended: Option<Option<Ts>> = visits::table.find(visit).select(visits::ended_at).first(conn).optional()?;
    match ended {
        None => return Err(AppError::NotFound { what: "The stay" }),
        Some(Some(_)) => return Err(AppError::conflict("ALREADY_CHECKED_OUT", "This stay has already been checked out.")),
        Some(None) => {}
    }
    let stay = open::of_visit(conn, visit, now)?
        .ok_or_else(|| AppError::conflict("NO_UNIT", "This visit has no room or locker at the moment."))?;
    let bought: Vec<i32> =
        checkin_blocks::table.filter(checkin_blocks::visit_id.eq(visit)).select(checkin_blocks::hours_purchased).load(conn)?;
    let customer = Customer::find(conn, stay.customer_id)?.ok_or(AppError::NotFound { what: "The customer" })?;
    let rules = Stay { checkout_at: stay.checkout_at, hours_purchased: bought.iter().sum() };
    Ok(Current { stay, rules, customer })
}
