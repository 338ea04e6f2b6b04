//! Who is at the counter: an ID scan (AAMVA text from a keyboard-wedge scanner) or a membership
//! card is resolved to a customer by keyed hash, ID number, exact name + date of birth, then a
//! fuzzy name with the same date of birth. Refusals: UNDERAGE and ID_EXPIRED (from the scan),
//! BANNED (from the customer). A match is enriched so the next scan is instant. The raw scan is
//! never stored or logged.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConn;
use crate::db::ids::CustomerId;
use crate::db::models::customer::Customer;
use crate::db::schema::customers;
use crate::db::sql_types::Ts;
use crate::domain::identity::{self, Candidate, IdScan};
use crate::error::AppError;
use crate::lanes::admission::refusal;

/// What a scan showed, for staff to confirm or to prefill a new customer (no ID number).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScannedIdentity {
    /// "First Last"
    pub name: Option<String>,
    /// date of birth
    pub dob: Option<NaiveDate>,
    /// ID expiry
    pub expires_on: Option<NaiveDate>,
    /// issuing state
    pub issuing_state: Option<String>,
}

/// The outcome of a scan.
pub enum Identified {
    /// a known customer, found by the scan; `certain` unless only the fuzzy name matched
    Matched(Customer, bool),
    /// nobody matches; offer "new customer" prefilled with the scan
    NoMatch(Option<ScannedIdentity>),
}

/// Resolves a scan. `key` is the club's ID-hash key, `today` the club-local date.
pub fn resolve(conn: &mut DbConn, raw: &str, key: &[u8], today: NaiveDate) -> Result<(Identified, Option<IdScan>), AppError> {
    let text = identity::normalize_scan(raw);
    if !identity::looks_like_aamva(&text) {
        let number = identity::membership_number(&text).ok_or_else(|| AppError::Invalid {
            code: "INVALID_SCAN",
            field: Some("scan".into()),
            message: "That scan is neither an ID nor a membership card.".into(),
        })?;
        let found = Customer::by_membership_number(conn, &number)?.into_iter().next();
        return Ok((found.map_or(Identified::NoMatch(None), |c| Identified::Matched(c, true)), None));
    }
    let scan = identity::parse(&text).unwrap_or_default();
    // A date of birth in the future or before 1900 is a misread, not an underage customer.
    if scan.dob.is_some_and(|dob| !identity::validity::birth_date_possible(dob, today)) {
        return Err(AppError::invalid("dob", "The date of birth on this ID is not possible."));
    }
    identity::check(scan.dob, scan.expires_on, today).map_err(refusal)?;
    let found = find(conn, &scan, key)?;
    let identity = ScannedIdentity {
        name: scan.display_name(),
        dob: scan.dob,
        expires_on: scan.expires_on,
        issuing_state: scan.issuing_state.clone(),
    };
    Ok((found.map_or(Identified::NoMatch(Some(identity)), |(c, certain)| Identified::Matched(c, certain)), Some(scan)))
}

fn tokens(c: &Customer) -> Option<(String, String)> {
    identity::first_and_last_tokens(&c.name)
}

/// The customer, and whether the match is certain (hash, ID number or exact name + DOB) rather
/// than a fuzzy name with the same DOB.
fn find(conn: &mut DbConn, scan: &IdScan, key: &[u8]) -> Result<Option<(Customer, bool)>, AppError> {
    let first = scan.first_name.clone().unwrap_or_default();
    let last = scan.last_name.clone().unwrap_or_default();
    if let Some(hash) = scan.dob.and_then(|dob| identity::identity_hash(key, &first, &last, dob))
        && let Some(c) = Customer::by_id_scan_hash(conn, &hash)?.into_iter().next()
    {
        return Ok(Some((c, true)));
    }
    let number_hash = scan.id_number.as_deref().map(|n| identity::id_number_hash(key, scan.issuing_state.as_deref(), n));
    if let Some(hash) = &number_hash
        && let Some(c) = Customer::by_id_number_hash(conn, hash)?.into_iter().next()
    {
        return Ok(Some((c, true)));
    }
    let Some(dob) = scan.dob else { return Ok(None) };
    let same_dob = Customer::born_on(conn, dob)?;
    if let Some(c) = same_dob.iter().find(|c| tokens(c).is_some_and(|(f, l)| identity::exact_name_match(&first, &last, &f, &l))) {
        return Ok(Some((c.clone(), true)));
    }
    let candidates: Vec<Candidate<CustomerId>> = same_dob
        .iter()
        .enumerate()
        .filter_map(|(rank, c)| {
            tokens(c).map(|(f, l)| Candidate { id: c.id, first: f, last: l, created_rank: rank as i64, id_number_matches: false })
        })
        .collect();
    Ok(identity::best_fuzzy_match(&first, &last, &candidates).and_then(|id| same_dob.into_iter().find(|c| c.id == id)).map(|c| (c, false)))
}

/// Stores the scan's lookup hashes and parsed fields on the customer (never the raw text).
pub fn enrich(conn: &mut DbConn, customer: CustomerId, scan: &IdScan, key: &[u8], now: Ts) -> Result<(), AppError> {
    let first = scan.first_name.clone().unwrap_or_default();
    let last = scan.last_name.clone().unwrap_or_default();
    let scan_hash = scan.dob.and_then(|dob| identity::identity_hash(key, &first, &last, dob));
    let number_hash =
        scan.id_number.as_deref().filter(|n| !n.trim().is_empty()).map(|n| identity::id_number_hash(key, scan.issuing_state.as_deref(), n));
    crate::db::cached::Reusable(diesel::update(customers::table.find(customer)).set((
        scan_hash.map(|h| customers::id_scan_hash.eq(h)),
        number_hash.map(|h| customers::id_number_hash.eq(h)),
        scan.expires_on.map(|d| customers::id_expires_on.eq(d)),
        scan.issuing_state.as_ref().map(|s| customers::id_state.eq(s.chars().take(3).collect::<String>())),
        customers::updated_at.eq(now),
    )))
    .execute(conn)?;
    Ok(())
}
