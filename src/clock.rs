//! Time as a dependency: production reads the system clock, tests move a manual one, so that
//! lockouts, expiries and timeouts are tested without sleeping.

use std::sync::Arc;

use chrono::{DateTime, Duration, DurationRound, Utc};
use parking_lot::Mutex;

/// A source of "now", truncated to microseconds (the precision both databases keep).
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current UTC time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        truncate(Utc::now())
    }
}

/// A clock that only moves when told to.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    /// A clock stopped at `at`.
    pub fn at(at: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(truncate(at))))
    }

    /// The time it shows.
    pub fn now_utc(&self) -> DateTime<Utc> {
        *self.0.lock()
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock();
        *now += by;
    }

    /// Sets the clock to `at` (forward only: an earlier `at` leaves it where it is, as a real
    /// clock never runs back).
    pub fn set(&self, at: DateTime<Utc>) {
        let mut now = self.0.lock();
        *now = (*now).max(truncate(at));
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock()
    }
}

/// Drops sub-microsecond precision so a value reads back from either database unchanged.
pub fn truncate(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(Duration::microseconds(1)).unwrap_or(at)
}

/// The shared clock handle kept in the application state.
pub type SharedClock = Arc<dyn Clock>;
