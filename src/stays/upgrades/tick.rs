//! The offer tick (spec flows.md §3, reference §6.5 without its leaked holds): one write
//! transaction per run that
//! 1. expires open entries whose visit or block ended (EXPIRED, hold released);
//! 2. returns OFFERED entries whose hold ran out to ACTIVE in place (hold released EXPIRED,
//!    `last_offered_at` = now so the next room goes to someone else first);
//! 3. offers every CLEAN, unassigned, unheld room of a wanted tier to the eligible entry least
//!    recently offered (never offered first), then the oldest: OFFERED for 15 minutes with an
//!    UPGRADE_HOLD of the same expiry.
//!
//! Safe when every process runs it: each change is a conditional update on the entry's
//! `version` and the room's `version`, and the partial unique indexes refuse a second offer of
//! a room or a second hold; a change that loses is rolled back to its savepoint and skipped,
//! never aborting the run. The audit events are written last, after every row lock the run
//! takes, so the run never holds the audit chain's head while waiting for a row.

use std::collections::{BTreeMap, VecDeque};

use chrono::{DateTime, Utc};
use diesel::Connection;
use serde::Serialize;
use serde_json::json;

use super::queue;
use super::rooms::{self, Room};
use crate::db::DbConn;
use crate::db::ids::WaitlistId;
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::waitlist_entry::{Entry, release_hold};
use crate::db::write_tx;
use crate::domain::enums::{RoomType, WaitlistStatus};
use crate::domain::waitlist::tick_hold;
use crate::error::AppError;
use crate::lanes::hub::Hub;

/// What one run changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TickOutcome {
    /// entries whose stay ended (EXPIRED)
    pub expired: Vec<WaitlistId>,
    /// offers that ran out (back to ACTIVE)
    pub lapsed: Vec<WaitlistId>,
    /// new offers: entry and room number
    pub offered: Vec<(WaitlistId, String)>,
}

impl TickOutcome {
    /// Whether the run changed nothing.
    pub fn is_empty(&self) -> bool {
        self.expired.is_empty() && self.lapsed.is_empty() && self.offered.is_empty()
    }
}

/// Why a savepoint was rolled back.
enum Lost {
    /// the entry moved (someone else offered, expired or completed it)
    Entry,
    /// the room moved or was taken (held, offered, occupied)
    Room,
    /// a real failure: aborts the run
    Failed(AppError),
}

impl From<diesel::result::Error> for Lost {
    fn from(err: diesel::result::Error) -> Self {
        match err {
            // a second offer of the room or a second hold on it: another tick or a check-in won
            diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => Lost::Room,
            other => Lost::Failed(other.into()),
        }
    }
}

/// Runs `f` in a savepoint; `Ok(false)` when it lost (and was rolled back).
fn attempt(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> Result<(), Lost>) -> Result<Result<(), Lost>, AppError> {
    match conn.transaction(f) {
        Ok(()) => Ok(Ok(())),
        Err(Lost::Failed(err)) => Err(err),
        Err(lost) => Ok(Err(lost)),
    }
}

/// One run at `now` in its own write transaction, without telling any screen (tests call
/// this; the app's loop calls [`run`]).
pub fn tick(conn: &mut DbConn, now: DateTime<Utc>) -> Result<TickOutcome, AppError> {
    write_tx(conn, |c| tick_in(c, now))
}

/// One run at `now` (see the module docs) in its own transaction, then `waitlist.changed` and
/// `inventory.changed` to the screens when it changed anything.
pub fn run(conn: &mut DbConn, hub: &Hub, now: DateTime<Utc>) -> Result<TickOutcome, AppError> {
    super::push::committed(conn, hub, |c| tick_in(c, now))
}

/// One run inside the caller's transaction.
pub fn tick_in(conn: &mut DbConn, now: DateTime<Utc>) -> Result<TickOutcome, AppError> {
    let mut out = TickOutcome::default();
    let mut events = Vec::new();
    for entry in queue::over(conn, now)? {
        let closed = attempt(conn, |c| {
            if !entry.close(c, WaitlistStatus::Expired, Some("STAY_ENDED"), now)? {
                return Err(Lost::Entry);
            }
            release_hold(c, entry.id, "EXPIRED", now)?;
            Ok(())
        })?;
        if closed.is_ok() {
            events.push(("WAITLIST_EXPIRED", entry.id, json!({ "visit_id": entry.visit_id, "was": entry.status })));
            out.expired.push(entry.id);
        }
    }
    for entry in queue::lapsed_offers(conn, now)? {
        let back = attempt(conn, |c| {
            if !entry.reactivate(c, now)? {
                return Err(Lost::Entry);
            }
            release_hold(c, entry.id, "EXPIRED", now)?;
            Ok(())
        })?;
        if back.is_ok() {
            events.push(("WAITLIST_OFFER_EXPIRED", entry.id, json!({ "visit_id": entry.visit_id, "room_id": entry.room_id })));
            out.lapsed.push(entry.id);
        }
    }
    offer_free_rooms(conn, now, &mut out, &mut events)?;
    for (action, entry, summary) in events {
        NewAuditEvent { actor: Actor::System, lane_id: None, action, entity: Some(("waitlist", entry.to_string())), summary, reason: None }
            .append(conn, now)?;
    }
    Ok(out)
}

type Event = (&'static str, WaitlistId, serde_json::Value);

fn offer_free_rooms(conn: &mut DbConn, now: DateTime<Utc>, out: &mut TickOutcome, events: &mut Vec<Event>) -> Result<(), AppError> {
    let mut queues: BTreeMap<&'static str, VecDeque<Entry>> = BTreeMap::new();
    for entry in queue::eligible(conn, now)? {
        queues.entry(entry.desired_tier.as_str()).or_default().push_back(entry);
    }
    let tiers: Vec<RoomType> = RoomType::ALL.iter().copied().filter(|t| queues.contains_key(t.as_str())).collect();
    if tiers.is_empty() {
        return Ok(());
    }
    let expires = now + tick_hold();
    for room in rooms::free(conn, &tiers)? {
        let Some(queue) = queues.get_mut(room.tier.as_str()) else { continue };
        while let Some(entry) = queue.pop_front() {
            match attempt(conn, |c| offer_one(c, &entry, &room, expires, now))? {
                Ok(()) => {
                    let summary = json!({ "visit_id": entry.visit_id, "number": room.number, "tier": room.tier, "expires_at": expires, "by": "TICK" });
                    events.push(("WAITLIST_OFFERED", entry.id, summary));
                    out.offered.push((entry.id, room.number.clone()));
                    break;
                }
                // someone else changed the entry: the next one in line
                Err(Lost::Entry) => continue,
                // the room went elsewhere: this entry waits for the next room
                Err(_) => {
                    queue.push_front(entry);
                    break;
                }
            }
        }
    }
    Ok(())
}

fn offer_one(conn: &mut DbConn, entry: &Entry, room: &Room, expires: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), Lost> {
    if !entry.offer(conn, room.id, expires, now)? {
        return Err(Lost::Entry);
    }
    if !rooms::hold(conn, room, entry.id, expires, now)? {
        return Err(Lost::Room);
    }
    Ok(())
}
