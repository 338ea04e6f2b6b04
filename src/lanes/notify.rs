//! Several processes on one PostgreSQL behave as one: each committed lane change is announced
//! with `pg_notify` (lane and revision), and every process listens and re-reads the view for
//! its own sockets. Ephemeral events and socket closings travel the same way. On SQLite there is
//! one process and the hub is told directly.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::hub::{Hub, PrincipalKey, Role, WeakHub};
use crate::db::ids::{DeviceId, StaffSessionId};
use crate::db::{DbConn, dialect};

/// The notification channel.
pub const CHANNEL: &str = "frontdesk_lanes";

/// What one process tells the others.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// a lane moved to `rev`
    View {
        /// lane
        lane: String,
        /// new revision
        rev: i64,
    },
    /// an ephemeral event for a lane's sockets
    Event {
        /// lane
        lane: String,
        /// message type, e.g. `lane.highlight`
        event: String,
        /// payload
        data: Value,
        /// kiosk sockets get it
        kiosk: bool,
        /// register and monitor sockets get it
        staff: bool,
    },
    /// the club's inventory or its stays changed (`force`: even if the counts did not)
    Stock {
        /// send even when the counts are unchanged
        force: bool,
    },
    /// the upgrade waitlist changed: `waitlist.changed` to register and monitor sockets
    Waitlist {
        /// the event's payload (see `lanes::waitlist_push`)
        data: Value,
    },
    /// close the sockets of a device
    CloseDevice {
        /// the device
        device: DeviceId,
    },
    /// close the sockets of a staff login session
    CloseSession {
        /// the session
        session: StaffSessionId,
    },
}

#[derive(Serialize, Deserialize)]
struct Wire {
    origin: String,
    notice: Notice,
}

/// Announces `notice` to other processes when the current transaction commits.
pub fn announce(conn: &mut DbConn, hub: &Hub, notice: Notice) -> diesel::QueryResult<()> {
    let payload = serde_json::to_string(&Wire { origin: hub.origin().to_owned(), notice }).unwrap_or_default();
    dialect::notify(conn, CHANNEL, &payload)
}

/// Applies a notice to this process's sockets.
pub fn apply(hub: &Hub, notice: Notice) {
    match notice {
        Notice::View { lane, rev } => {
            if let Err(err) = hub.refresh_from_pool(&lane, rev) {
                tracing::warn!(lane.id = %lane, error = %err, "cannot refresh lane after a notification");
            }
        }
        Notice::Stock { force } => hub.stock_changed_from_pool(force),
        Notice::Event { lane, event, data, kiosk, staff } => {
            let roles: Vec<Role> = [(kiosk, Role::Kiosk), (staff, Role::Register), (staff, Role::Monitor)]
                .into_iter()
                .filter_map(|(on, role)| on.then_some(role))
                .collect();
            hub.event(&lane, &event, &data, &roles);
        }
        Notice::Waitlist { data } => hub.staff_event(super::waitlist_push::EVENT, &data),
        Notice::CloseDevice { device } => {
            hub.disconnect(PrincipalKey::Device(device));
        }
        Notice::CloseSession { session } => {
            hub.disconnect(PrincipalKey::Staff(session));
        }
    }
}

/// Starts the PostgreSQL listener thread. It polls for notifications every 20 ms (libpq's
/// non-blocking read), reconnects after failures, and ends when the hub is dropped.
pub fn spawn_listener(url: String, hub: WeakHub) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new().name("frontdesk-listen".into()).spawn(move || {
        while hub.upgrade().is_some() {
            match dialect::listen(&url, CHANNEL) {
                Ok(mut pg) => drain_until_error(&mut pg, &hub),
                Err(err) => tracing::warn!(error = %err, "cannot listen for lane notifications; retrying"),
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    })
}

fn drain_until_error(pg: &mut diesel::PgConnection, weak: &WeakHub) {
    loop {
        let Some(hub) = weak.upgrade() else { return };
        for received in pg.notifications_iter() {
            match received {
                Ok(n) => match serde_json::from_str::<Wire>(&n.payload) {
                    Ok(wire) if wire.origin != hub.origin() => apply(&hub, wire.notice),
                    Ok(_) => {}
                    Err(err) => tracing::warn!(error = %err, "ignoring a malformed lane notification"),
                },
                Err(err) => {
                    tracing::warn!(error = %err, "lane notification connection lost");
                    return;
                }
            }
        }
        drop(hub);
        std::thread::sleep(Duration::from_millis(20));
    }
}
