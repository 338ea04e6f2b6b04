//! `waitlist.changed`: after every committed change of the upgrade waitlist (a new entry at
//! check-in, an offer, an expiry, an acceptance, a payment, a cancellation, a checkout) the
//! register and monitor sockets hear `{entries, changed}` — how many entries are open now and
//! the ids that changed — and reload `GET /api/waitlist`. Kiosks never get it. The write sites
//! mark the entries (`db::touched::waitlist`); inside the transaction [`announce`] tells other
//! processes (PostgreSQL `NOTIFY`, delivered only on commit), after commit [`deliver`] tells
//! this one's sockets.

use diesel::prelude::*;
use serde_json::{Value, json};

use super::hub::Hub;
use super::notify::{self, Notice};
use crate::db::schema::waitlist;
use crate::db::{DbConn, touched};

/// The event's type.
pub const EVENT: &str = "waitlist.changed";

/// When entries were marked in this transaction: counts the open entries, announces the
/// event to other processes and returns it for [`deliver`] after commit.
pub fn announce(conn: &mut DbConn, hub: &Hub) -> QueryResult<Option<Value>> {
    let changed = touched::waitlist_marked();
    if changed.is_empty() {
        return Ok(None);
    }
    let open: i64 = waitlist::table.filter(waitlist::status.eq_any(["ACTIVE", "OFFERED"])).count().get_result(conn)?;
    let data = json!({ "entries": open, "changed": changed });
    notify::announce(conn, hub, Notice::Waitlist { data: data.clone() })?;
    Ok(Some(data))
}

/// Sends the event announced by [`announce`] to this process's register and monitor sockets
/// and clears the marks. Call after commit (with `None` after a rollback: only clears).
pub fn deliver(hub: &Hub, data: Option<Value>) {
    touched::take_waitlist();
    if let Some(data) = data {
        hub.staff_event(EVENT, &data);
    }
}
