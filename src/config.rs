//! One typed `Settings` struct, loaded once at start-up from the environment (and an optional
//! `.env`). Every variable is documented with its default in `docs/configuration.md` and
//! `.env.example`:
//!
//! | variable | default |
//! |---|---|
//! | `DATABASE_URL` | `sqlite://./data/frontdesk.db` |
//! | `FRONTDESK_ADDR` | `127.0.0.1:8080` |
//! | `FRONTDESK_TZ` | `America/Chicago` |
//! | `FRONTDESK_CLUB_NAME` | `Frontdesk Club` |
//! | `FRONTDESK_ALLOWED_ORIGINS` | `http://<addr>,http://localhost:<port>` |
//! | `LANE_IDLE_TIMEOUT` | `600` (seconds) |
//! | `DATABASE_POOL_SIZE` | `10` |
//! | `DATABASE_TIMEOUT` | `5` (seconds to wait for a connection) |
//! | `FRONTDESK_COOKIE_SECURE` | `false` (set `true` behind HTTPS) |
//! | `FRONTDESK_WS_PING` | `15` (seconds between server pings) |
//! | `FRONTDESK_WS_TIMEOUT` | `45` (seconds without a pong before a socket is closed) |
//! | `FRONTDESK_GYM_LOCKER_RANGES` | empty (membership-number ranges eligible for a gym locker, e.g. `1000-1999`) |
//! | `FRONTDESK_PIN_WORKERS` | half the CPU cores, at least 1 (threads verifying PINs) |
//! | `FRONTDESK_UPGRADE_TICK` | `5` (seconds between runs of the upgrade offer tick) |
//! | `RUST_LOG` | `info` |

use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;

/// A variable that is set but cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("environment variable {name} = {value:?} is invalid: {reason}")]
pub struct ConfigError {
    name: &'static str,
    value: String,
    reason: String,
}

/// Everything the service reads from its environment.
#[derive(Clone)]
pub struct Settings {
    /// `sqlite://path` or `postgres://...`
    pub database_url: String,
    /// where `serve` listens
    pub addr: SocketAddr,
    /// the club's time zone, for prices, days and what screens show
    pub tz: chrono_tz::Tz,
    /// the club's name on the idle screen
    pub club_name: String,
    /// `Origin` values accepted for WebSockets
    pub allowed_origins: Vec<String>,
    /// a live lane session untouched this long is cancelled
    pub lane_idle_timeout: Duration,
    /// pooled connections at most
    pub pool_size: u32,
    /// how long a request waits for a pooled connection
    pub db_timeout: Duration,
    /// mark session cookies `Secure` (HTTPS only)
    pub cookie_secure: bool,
    /// how often the server pings each socket
    pub ws_ping: Duration,
    /// a socket silent this long is closed
    pub ws_timeout: Duration,
    /// membership numbers eligible for a free gym locker
    pub gym_locker_ranges: crate::lanes::gates::GymLockerRanges,
    /// threads that verify PINs (Argon2, ~19 MiB each while they work)
    pub pin_workers: usize,
    /// the club's stock is read and pushed at most this often (changes in between are folded)
    pub stock_push_every: Duration,
    /// how often the upgrade offer tick runs
    pub upgrade_tick_every: Duration,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &redact_url(&self.database_url))
            .field("addr", &self.addr)
            .field("tz", &self.tz)
            .field("club_name", &self.club_name)
            .field("allowed_origins", &self.allowed_origins)
            .field("lane_idle_timeout", &self.lane_idle_timeout)
            .field("pool_size", &self.pool_size)
            .field("db_timeout", &self.db_timeout)
            .field("cookie_secure", &self.cookie_secure)
            .field("ws_ping", &self.ws_ping)
            .field("ws_timeout", &self.ws_timeout)
            .field("gym_locker_ranges", &self.gym_locker_ranges)
            .field("pin_workers", &self.pin_workers)
            .field("stock_push_every", &self.stock_push_every)
            .field("upgrade_tick_every", &self.upgrade_tick_every)
            .finish()
    }
}

/// The URL with every password (user-info or `password=` query parameter) replaced by `***`,
/// safe to print. A URL that cannot be parsed is not printed at all.
pub fn redact_url(raw: &str) -> String {
    if raw.starts_with("sqlite://") {
        return raw.to_owned();
    }
    let Ok(mut parsed) = url::Url::parse(raw) else {
        return "<unparseable database URL>".into();
    };
    if parsed.password().is_some() {
        // Setting a password only fails for URLs that cannot have one.
        let _ = parsed.set_password(Some("***"));
    }
    if parsed.query_pairs().any(|(k, _)| k.eq_ignore_ascii_case("password")) {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(k, v)| {
                let v = if k.eq_ignore_ascii_case("password") { "***".into() } else { v.into_owned() };
                (k.into_owned(), v)
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

fn var(name: &'static str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parsed<T: FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(value) => value.trim().parse().map_err(|e: T::Err| ConfigError { name, value, reason: e.to_string() }),
    }
}

impl Settings {
    /// Reads `.env` (if present) and then the environment.
    pub fn load() -> Result<Self, ConfigError> {
        // A missing .env is normal; a malformed one is reported by dotenvy on first use.
        let _ = dotenvy::dotenv();
        Self::from_env()
    }

    /// Reads the environment only.
    pub fn from_env() -> Result<Self, ConfigError> {
        let addr: SocketAddr = parsed("FRONTDESK_ADDR", SocketAddr::from(([127, 0, 0, 1], 8080)))?;
        let tz = parsed("FRONTDESK_TZ", chrono_tz::America::Chicago)?;
        let allowed_origins = match var("FRONTDESK_ALLOWED_ORIGINS") {
            Some(list) => list.split(',').map(|s| s.trim().trim_end_matches('/').to_owned()).collect(),
            None => default_origins(addr),
        };
        Ok(Self {
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite://./data/frontdesk.db".into()),
            addr,
            tz,
            club_name: var("FRONTDESK_CLUB_NAME").unwrap_or_else(|| "Frontdesk Club".into()),
            allowed_origins,
            lane_idle_timeout: Duration::from_secs(parsed("LANE_IDLE_TIMEOUT", 600u64)?),
            pool_size: parsed("DATABASE_POOL_SIZE", 10u32)?.max(2),
            db_timeout: Duration::from_secs(parsed("DATABASE_TIMEOUT", 5u64)?.max(1)),
            cookie_secure: parsed("FRONTDESK_COOKIE_SECURE", false)?,
            ws_ping: Duration::from_secs(parsed("FRONTDESK_WS_PING", 15u64)?.max(1)),
            ws_timeout: Duration::from_secs(parsed("FRONTDESK_WS_TIMEOUT", 45u64)?.max(2)),
            gym_locker_ranges: parsed("FRONTDESK_GYM_LOCKER_RANGES", Default::default())?,
            pin_workers: parsed("FRONTDESK_PIN_WORKERS", default_pin_workers())?.clamp(1, 64),
            stock_push_every: Duration::from_millis(parsed("FRONTDESK_STOCK_PUSH_MS", 50u64)?.min(5_000)),
            upgrade_tick_every: Duration::from_secs(parsed("FRONTDESK_UPGRADE_TICK", 5u64)?.clamp(1, 600)),
        })
    }
}

fn default_pin_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

fn default_origins(addr: SocketAddr) -> Vec<String> {
    vec![format!("http://{addr}"), format!("http://localhost:{}", addr.port())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact_url("postgres://fd:secret@db:5432/fd"), "postgres://fd:***@db:5432/fd");
        assert_eq!(redact_url("sqlite://./data/frontdesk.db"), "sqlite://./data/frontdesk.db");
        assert_eq!(redact_url("postgres://fd@db/fd?password=secret&sslmode=require"), "postgres://fd@db/fd?password=***&sslmode=require");
        assert_eq!(redact_url("postgres://fd:se#cret@db/fd"), "<unparseable database URL>");
    }
}
