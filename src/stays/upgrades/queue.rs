//! Reading the queue: the entries the tick may offer a room to (ACTIVE, of open visits whose
//! block has not ended), in the order offers go out, and the open entries whose stay is over.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::waitlist_entry::{Entry, OPEN};
use crate::db::schema::{checkin_blocks, visits, waitlist};
use crate::db::sql_types::Ts;

/// ACTIVE entries of open visits whose block ends after `now`, in offer order: never offered
/// first, then least recently offered, then oldest ("nobody loses their place, but whoever was
/// just offered a room rotates behind").
pub fn eligible(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<Vec<Entry>> {
    let mut entries: Vec<Entry> = waitlist::table
        .inner_join(visits::table)
        .inner_join(checkin_blocks::table.on(checkin_blocks::id.eq(waitlist::checkin_block_id)))
        .filter(waitlist::status.eq("ACTIVE").and(visits::ended_at.is_null()).and(checkin_blocks::ends_at.gt(Ts(now))))
        .select(Entry::as_select())
        .load(conn)?;
    entries.sort_by_key(|e| (e.last_offered_at.is_some(), e.last_offered_at.map(|t| t.0), e.created_at.0, e.id));
    Ok(entries)
}

/// Open entries whose visit ended or whose block ended at or before `now`.
pub fn over(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<Vec<Entry>> {
    waitlist::table
        .inner_join(visits::table)
        .inner_join(checkin_blocks::table.on(checkin_blocks::id.eq(waitlist::checkin_block_id)))
        .filter(waitlist::status.eq_any(OPEN))
        .filter(visits::ended_at.is_not_null().or(checkin_blocks::ends_at.le(Ts(now))))
        .select(Entry::as_select())
        .load(conn)
}

/// OFFERED entries whose hold ran out at or before `now`.
pub fn lapsed_offers(conn: &mut DbConn, now: DateTime<Utc>) -> QueryResult<Vec<Entry>> {
    waitlist::table.filter(waitlist::status.eq("OFFERED").and(waitlist::offer_expires_at.le(Ts(now)))).select(Entry::as_select()).load(conn)
}

/// Whether the entry's stay is still on: its visit open and its block not ended at `now`.
pub fn stay_on(conn: &mut DbConn, entry: &Entry, now: DateTime<Utc>) -> QueryResult<bool> {
    let ended: Option<Ts> = visits::table.find(entry.visit_id).select(visits::ended_at).first(conn)?;
    let ends: Ts = checkin_blocks::table.find(entry.checkin_block_id).select(checkin_blocks::ends_at).first(conn)?;
    Ok(ended.is_none() && ends.0 > now)
}
