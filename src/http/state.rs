//! What every handler can reach: the pool, the settings, the clock, the lane hub, the PIN
//! workers and the rate limits. Below `http/` (its handlers take it as `web::Data`), so that
//! `app.rs`, which builds the server, depends on `http/` and never the other way round.

use std::sync::Arc;

use actix_web::web;

use super::throttle::Throttle;
use crate::clock::{SharedClock, SystemClock};
use crate::config::Settings;
use crate::db::{DbConn, DbPool};
use crate::error::AppError;
use crate::lanes::hub::Hub;
use crate::security::pin_pool::PinPool;

/// PIN checks that may wait for a worker; more are refused with 429 at once.
const PIN_QUEUE: usize = 16;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// the connection pool
    pub pool: DbPool,
    /// settings loaded at start-up
    pub settings: Arc<Settings>,
    /// the time source
    pub clock: SharedClock,
    /// delivers lane views and events to sockets
    pub hub: Hub,
    /// the threads that verify PINs (Argon2), a few at a time
    pub pins: PinPool,
    /// rate limits in front of PIN checks and pairing
    pub throttle: Arc<Throttle>,
}

impl AppState {
    /// State over an existing pool with the system clock.
    pub fn new(pool: DbPool, settings: Settings) -> Self {
        Self::with_clock(pool, settings, Arc::new(SystemClock))
    }

    /// State with another time source (tests move a manual clock).
    pub fn with_clock(pool: DbPool, settings: Settings, clock: SharedClock) -> Self {
        let config = crate::lanes::views::ViewConfig {
            club_name: settings.club_name.clone(),
            tz: settings.tz,
            gym: settings.gym_locker_ranges.clone(),
        };
        let hub = Hub::paced(pool.clone(), config, clock.clone(), settings.stock_push_every);
        let pins = PinPool::start(settings.pin_workers, PIN_QUEUE);
        Self { pool, settings: Arc::new(settings), clock, hub, pins, throttle: Arc::default() }
    }

    /// The club settings the check-in steps need.
    pub fn checkin_config(&self) -> crate::checkin::Config {
        crate::checkin::Config { tz: self.settings.tz, gym: self.settings.gym_locker_ranges.clone() }
    }

    /// Runs blocking database work off the async workers, on a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }
}
