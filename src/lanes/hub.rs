//! The lane hub: who listens to which lane, and delivery of views and events to them.
//! It holds subscribers, the newest revision sent per lane and the club's stock as last read
//! (re-read only after a change of it, so that a lane's view does not count the inventory
//! again); every lane's state is read from the database.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};
use serde::Serialize;

use super::outbox::Outbox;
use super::stock::{self, Stock};
use super::views::{self, LaneViews, envelope};
use crate::clock::SharedClock;
use crate::db::ids::{DeviceId, StaffSessionId};
use crate::db::{DbConn, DbPool};
use crate::error::AppError;

/// What a socket is for; decides which view it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// a lane's register: the register view
    Register,
    /// a lane's kiosk: the kiosk view
    Kiosk,
    /// a manager's club-wide monitor: register views of every lane
    Monitor,
}

/// Whose socket it is, so revoking a device or ending a session can close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalKey {
    /// a staff login session
    Staff(StaffSessionId),
    /// a kiosk
    Device(DeviceId),
}

#[derive(Clone)]
struct Subscriber {
    id: u64,
    lane: Option<String>,
    role: Role,
    principal: PrincipalKey,
    outbox: Arc<Outbox>,
}

#[derive(Default)]
struct Registry {
    subscribers: Vec<Subscriber>,
    newest_rev: HashMap<String, i64>,
    /// the stock last read and sent (`inventory.changed` goes out only when it differs); the
    /// views take their availability from it
    stock: Option<Stock>,
}

struct Inner {
    pool: DbPool,
    config: views::ViewConfig,
    clock: SharedClock,
    registry: Mutex<Registry>,
    next_id: AtomicU64,
    origin: String,
    pacer: Arc<Pacer>,
}

/// How often the stock is read at most: the first change after a quiet spell is read and
/// pushed at once; changes within `every` of that read are folded into one read at the end
/// of the window (by the pacer thread). A busy Saturday's hundreds of holds a second then cost
/// a few reads a second, and each socket a few `inventory.changed` a second, whatever the
/// size of the club. `every` zero reads after every change.
struct Pacer {
    every: Duration,
    state: Mutex<PacerState>,
    wake: Condvar,
}

#[derive(Default)]
struct PacerState {
    /// the last read
    last: Option<Instant>,
    /// a folded read is due then
    due: Option<Instant>,
    /// one of the folded changes was forced
    force: bool,
}

impl Pacer {
    /// Whether a change now is folded into a later read (else the caller reads now).
    fn defer(&self, force: bool) -> bool {
        if self.every.is_zero() {
            return false;
        }
        let now = Instant::now();
        let mut state = self.state.lock();
        match state.last {
            Some(last) if now < last + self.every => {
                state.force |= force;
                if state.due.is_none() {
                    state.due = Some(last + self.every);
                    self.wake.notify_one();
                }
                true
            }
            _ => {
                state.last = Some(now);
                false
            }
        }
    }

    /// Waits for the next folded read; `None` after a second without one (so the thread can
    /// notice that the hub is gone), else whether it is forced.
    fn next_due(&self) -> Option<bool> {
        let mut state = self.state.lock();
        let deadline = Instant::now() + Duration::from_secs(1);
        loop {
            let now = Instant::now();
            match state.due {
                Some(due) if due <= now => {
                    state.due = None;
                    state.last = Some(now);
                    return Some(std::mem::take(&mut state.force));
                }
                Some(due) => {
                    self.wake.wait_until(&mut state, due);
                }
                None if now >= deadline => return None,
                None => {
                    self.wake.wait_until(&mut state, deadline);
                }
            }
        }
    }
}

/// Quiet seconds after which the pacer reads the stock anyway, so that a change made outside
/// this server (a script, another tool on the database) reaches the screens within them.
const REREAD_QUIET_SECONDS: u32 = 5;

/// The pacer thread: runs the folded reads until the hub is gone.
fn pace(pacer: Arc<Pacer>, hub: WeakHub) {
    let mut quiet = 0;
    loop {
        let due = pacer.next_due();
        let Some(hub) = hub.upgrade() else { return };
        let force = match due {
            Some(force) => force,
            None if quiet + 1 >= REREAD_QUIET_SECONDS => false,
            None => {
                quiet += 1;
                continue;
            }
        };
        quiet = 0;
        let result = hub.inner.pool.get().map_err(AppError::from).and_then(|mut conn| hub.push_stock(&mut conn, force));
        if let Err(err) = result {
            tracing::warn!(error = %err, "cannot push the club's stock");
        }
    }
}

/// Cloneable handle to the hub.
#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

/// A hub handle that lets the hub go away (the listener thread stops then).
#[derive(Clone)]
pub struct WeakHub(std::sync::Weak<Inner>);

impl WeakHub {
    /// The hub, while it exists.
    pub fn upgrade(&self) -> Option<Hub> {
        self.0.upgrade().map(|inner| Hub { inner })
    }
}

/// A socket's place in the hub; leaving is guaranteed by `Drop`.
pub struct Membership {
    hub: Hub,
    id: u64,
    /// the socket's queue
    pub outbox: Arc<Outbox>,
}

impl Drop for Membership {
    fn drop(&mut self) {
        self.hub.inner.registry.lock().subscribers.retain(|s| s.id != self.id);
    }
}

impl Hub {
    /// A hub reading views through `pool`, pricing options at `clock`'s time, reading the
    /// stock after every change of it.
    pub fn new(pool: DbPool, config: views::ViewConfig, clock: SharedClock) -> Self {
        Self::paced(pool, config, clock, Duration::ZERO)
    }

    /// [`Hub::new`] reading the stock at most once per `every` (see [`Pacer`]).
    pub fn paced(pool: DbPool, config: views::ViewConfig, clock: SharedClock, every: Duration) -> Self {
        let origin = uuid::Uuid::now_v7().simple().to_string();
        // the stock as the screens will first read it, so that the first change is pushed
        let stock = pool.get().ok().and_then(|mut conn| stock::read(&mut conn, clock.now()).ok());
        let registry = Mutex::new(Registry { stock, ..Registry::default() });
        let pacer = Arc::new(Pacer { every, state: Mutex::default(), wake: Condvar::new() });
        let inner = Inner { pool, config, clock, registry, next_id: AtomicU64::new(1), origin, pacer: pacer.clone() };
        let hub = Self { inner: Arc::new(inner) };
        if !every.is_zero() {
            let weak = hub.downgrade();
            let spawned = std::thread::Builder::new().name("stock-pacer".into()).spawn(move || pace(pacer, weak));
            if let Err(err) = spawned {
                tracing::error!(error = %err, "cannot start the stock pacer; folded stock changes wait for the next one");
            }
        }
        hub
    }

    /// This process's id in cross-process notifications.
    pub fn origin(&self) -> &str {
        &self.inner.origin
    }

    /// A handle that does not keep the hub alive (for the notification listener thread).
    pub fn downgrade(&self) -> WeakHub {
        WeakHub(Arc::downgrade(&self.inner))
    }

    /// Adds a socket: `lane` for a register or kiosk, `None` for a monitor.
    pub fn join(&self, lane: Option<&str>, role: Role, principal: PrincipalKey) -> Membership {
        let id = self.inner.next_id.fetch_add(1, Ordering::Relaxed);
        let outbox = Arc::new(Outbox::default());
        let sub = Subscriber { id, lane: lane.map(str::to_owned), role, principal, outbox: outbox.clone() };
        self.inner.registry.lock().subscribers.push(sub);
        Membership { hub: self.clone(), id, outbox }
    }

    /// Number of open sockets (for tests and metrics).
    pub fn subscriber_count(&self) -> usize {
        self.inner.registry.lock().subscribers.len()
    }

    /// Reads the lane's views now.
    pub fn load(&self, conn: &mut DbConn, lane: &str) -> Result<LaneViews, AppError> {
        views::load(conn, lane, &self.inner.config, self.inner.clock.now(), self.available())
    }

    /// How many of each rental type a new check-in could take, as last read (`None` before
    /// the first reading succeeded).
    pub fn available(&self) -> Option<BTreeMap<String, i64>> {
        self.inner.registry.lock().stock.as_ref().map(|stock| stock.available.clone())
    }

    /// Reads the lane's views and delivers them to its sockets, unless a newer revision was
    /// already delivered. Call after the transaction that changed the lane committed.
    pub fn refresh(&self, conn: &mut DbConn, lane: &str) -> Result<LaneViews, AppError> {
        let views = self.load(conn, lane)?;
        self.deliver(&views);
        Ok(views)
    }

    /// Like [`Hub::refresh`] on a pooled connection, skipping the read when `rev` was already
    /// delivered (notifications from other processes).
    pub fn refresh_from_pool(&self, lane: &str, rev: i64) -> Result<(), AppError> {
        if self.inner.registry.lock().newest_rev.get(lane).is_some_and(|newest| *newest >= rev) {
            return Ok(());
        }
        let mut conn = self.inner.pool.get()?;
        self.refresh(&mut conn, lane).map(drop)
    }

    fn deliver(&self, views: &LaneViews) {
        let mut registry = self.inner.registry.lock();
        let newest = registry.newest_rev.entry(views.lane.clone()).or_insert(-1);
        if *newest >= views.rev {
            return;
        }
        *newest = views.rev;
        for sub in &registry.subscribers {
            let text = match (sub.role, sub.lane.as_deref()) {
                (Role::Monitor, _) => views.register.clone(),
                (Role::Kiosk, Some(l)) if l == views.lane => views.kiosk.clone(),
                (Role::Register, Some(l)) if l == views.lane => views.register.clone(),
                _ => continue,
            };
            sub.outbox.push_view(&views.lane, views.rev, text);
        }
    }

    /// Sends the current views to one socket (on connect and on `resync`).
    pub fn send_current(&self, membership: &Membership, role: Role, views: &LaneViews) {
        let text = if role == Role::Kiosk { views.kiosk.clone() } else { views.register.clone() };
        membership.outbox.push_view(&views.lane, views.rev, text);
    }

    /// Delivers an ephemeral event of `lane` to that lane's sockets of the given roles (and to
    /// monitors when `monitors`).
    pub fn event<T: Serialize>(&self, lane: &str, kind: &str, data: &T, roles: &[Role]) {
        let registry = self.inner.registry.lock();
        let rev = registry.newest_rev.get(lane).copied().unwrap_or(0);
        let text = envelope(kind, Some(lane), rev, data);
        for sub in &registry.subscribers {
            let lane_match = sub.lane.as_deref() == Some(lane) || sub.role == Role::Monitor;
            if lane_match && roles.contains(&sub.role) {
                sub.outbox.push_event(text.clone());
            }
        }
    }

    /// Delivers a club-wide event (lane `null`) to every register and monitor socket, never
    /// to a kiosk: e.g. `waitlist.changed`, which names customers' queue places.
    pub fn staff_event<T: Serialize>(&self, kind: &str, data: &T) {
        let registry = self.inner.registry.lock();
        let text = envelope(kind, None, 0, data);
        for sub in registry.subscribers.iter().filter(|s| s.role != Role::Kiosk) {
            sub.outbox.push_event(text.clone());
        }
    }

    /// Reads the club's stock and, when it differs from the last one sent (or `force`, for a
    /// change the counts do not show, such as a stay's new checkout time), sends
    /// `inventory.changed` to every socket: registers reload their board and due list, kiosks
    /// update their rental choices, monitors their counts. Call after the change committed.
    /// Under load, changes close together are folded into one read (see [`Pacer`]).
    pub fn stock_changed(&self, conn: &mut DbConn, force: bool) -> Result<(), AppError> {
        if self.inner.pacer.defer(force) {
            return Ok(());
        }
        self.push_stock(conn, force)
    }

    fn push_stock(&self, conn: &mut DbConn, force: bool) -> Result<(), AppError> {
        let now = stock::read(conn, self.inner.clock.now())?;
        let mut registry = self.inner.registry.lock();
        if !force && registry.stock.as_ref() == Some(&now) {
            return Ok(());
        }
        let text = envelope("inventory.changed", None, 0, &now);
        registry.stock = Some(now);
        for sub in &registry.subscribers {
            sub.outbox.push_event(text.clone());
        }
        Ok(())
    }

    /// [`Hub::stock_changed`] on a pooled connection (after a notification from another
    /// process); a failure is logged, as the next change sends the stock again.
    pub fn stock_changed_from_pool(&self, force: bool) {
        let result = self.inner.pool.get().map_err(AppError::from).and_then(|mut conn| self.stock_changed(&mut conn, force));
        if let Err(err) = result {
            tracing::warn!(error = %err, "cannot push the club's stock");
        }
    }

    /// Closes every socket of a principal (device revoked, session ended).
    pub fn disconnect(&self, principal: PrincipalKey) -> usize {
        let registry = self.inner.registry.lock();
        let mut closed = 0;
        for sub in registry.subscribers.iter().filter(|s| s.principal == principal) {
            sub.outbox.close();
            closed += 1;
        }
        closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pacer(every: Duration) -> Pacer {
        Pacer { every, state: Mutex::default(), wake: Condvar::new() }
    }

    #[test]
    fn without_a_window_every_change_is_read_at_once() {
        let pacer = pacer(Duration::ZERO);
        assert!((0..3).all(|_| !pacer.defer(false)));
        assert!(pacer.state.lock().due.is_none());
    }

    #[test]
    fn changes_within_the_window_are_folded_into_one_read_that_keeps_a_force() {
        let pacer = pacer(Duration::from_millis(20));
        assert!(!pacer.defer(false), "the first change after a quiet spell is read at once");
        assert!(pacer.defer(true));
        assert!(pacer.defer(false));
        let due = pacer.state.lock().due;
        assert!(due.is_some(), "one folded read is due");
        assert_eq!(pacer.next_due(), Some(true), "the folded read is forced when one change was");
        let state = pacer.state.lock();
        assert!(state.due.is_none() && !state.force && state.last.is_some());
    }
}
