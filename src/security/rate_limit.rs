//! Token buckets in memory, keyed by a client address or a staff id, checked before any PIN
//! is hashed: a flood is answered with 429 and `Retry-After` for the price of a map lookup.
//!
//! Each key holds at most `burst` tokens and earns one back every `every`; an attempt spends
//! one. A full bucket is the same as no bucket, so the map only keeps keys that spent
//! something recently and is pruned of full ones when it grows; past `MAX_KEYS` (a flood
//! from very many addresses) new keys share one overflow bucket, so memory stays bounded.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use parking_lot::Mutex;

/// Keys kept before new ones share the overflow bucket.
const MAX_KEYS: usize = 65_536;
/// Size at which full buckets are pruned.
const PRUNE_AT: usize = 4_096;
const OVERFLOW: &str = "\u{0}overflow";

/// How much a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// attempts allowed at once
    pub burst: u32,
    /// one attempt earned back every this long
    pub every: Duration,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: DateTime<Utc>,
}

/// One limiter (one rule), shared by every worker.
#[derive(Debug)]
pub struct RateLimiter {
    rate: Rate,
    buckets: Mutex<Buckets>,
}

#[derive(Debug, Default)]
struct Buckets {
    map: HashMap<String, Bucket>,
    pruned_at: Option<DateTime<Utc>>,
}

impl RateLimiter {
    /// A limiter applying `rate` to every key.
    pub fn new(rate: Rate) -> Self {
        Self { rate, buckets: Mutex::default() }
    }

    /// Spends one attempt of `key` at `now`; `Err(wait)` when none is left, with how long
    /// until the next one (at least one second, for `Retry-After`).
    pub fn check(&self, key: &str, now: DateTime<Utc>) -> Result<(), Duration> {
        let mut guard = self.buckets.lock();
        let Buckets { map: buckets, pruned_at } = &mut *guard;
        // Pruning scans the map, so it runs at most once per token period.
        if buckets.len() >= PRUNE_AT && !buckets.contains_key(key) && pruned_at.is_none_or(|at| now - at >= self.rate.every) {
            let rate = self.rate;
            buckets.retain(|_, b| refilled(rate, *b, now) < f64::from(rate.burst));
            *pruned_at = Some(now);
        }
        let key = if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) { OVERFLOW } else { key };
        let full = Bucket { tokens: f64::from(self.rate.burst), at: now };
        let bucket = buckets.entry(key.to_owned()).or_insert(full);
        let tokens = refilled(self.rate, *bucket, now);
        if tokens >= 1.0 {
            *bucket = Bucket { tokens: tokens - 1.0, at: now };
            Ok(())
        } else {
            *bucket = Bucket { tokens, at: now };
            let per_token = self.rate.every.num_milliseconds().max(1) as f64;
            let wait_ms = ((1.0 - tokens) * per_token).ceil() as i64;
            Err(Duration::milliseconds(wait_ms).max(Duration::seconds(1)))
        }
    }

    /// How many keys are tracked (for tests of the memory bound).
    pub fn tracked(&self) -> usize {
        self.buckets.lock().map.len()
    }
}

fn refilled(rate: Rate, bucket: Bucket, now: DateTime<Utc>) -> f64 {
    let elapsed = (now - bucket.at).num_milliseconds().max(0) as f64;
    let per_token = rate.every.num_milliseconds().max(1) as f64;
    (bucket.tokens + elapsed / per_token).min(f64::from(rate.burst))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn limiter() -> RateLimiter {
        RateLimiter::new(Rate { burst: 3, every: Duration::seconds(10) })
    }

    #[test]
    fn a_burst_is_allowed_then_refused_with_the_wait() {
        let l = limiter();
        for _ in 0..3 {
            assert_eq!(l.check("a", t0()), Ok(()));
        }
        assert_eq!(l.check("a", t0()), Err(Duration::seconds(10)));
        assert_eq!(l.check("a", t0() + Duration::seconds(4)), Err(Duration::seconds(6)));
        assert_eq!(l.check("a", t0() + Duration::seconds(10)), Ok(()));
    }

    #[test]
    fn keys_are_independent() {
        let l = limiter();
        for _ in 0..3 {
            l.check("a", t0()).unwrap();
        }
        assert!(l.check("a", t0()).is_err());
        assert_eq!(l.check("b", t0()), Ok(()));
    }

    #[test]
    fn tokens_never_exceed_the_burst() {
        let l = limiter();
        l.check("a", t0()).unwrap();
        let later = t0() + Duration::hours(1);
        for _ in 0..3 {
            l.check("a", later).unwrap();
        }
        assert!(l.check("a", later).is_err());
    }

    #[test]
    fn the_wait_is_at_least_a_second() {
        let l = RateLimiter::new(Rate { burst: 1, every: Duration::milliseconds(100) });
        l.check("a", t0()).unwrap();
        assert_eq!(l.check("a", t0()), Err(Duration::seconds(1)));
    }

    #[test]
    fn memory_stays_bounded_under_many_keys() {
        let l = limiter();
        for i in 0..(MAX_KEYS + 5_000) {
            let _ = l.check(&format!("10.0.{}.{}", i / 256, i % 256), t0());
        }
        assert!(l.tracked() <= MAX_KEYS + 1, "{}", l.tracked());
        // keys that refilled are pruned once the map is large
        let later = t0() + Duration::minutes(5);
        l.check("fresh", later).unwrap();
        assert!(l.tracked() < 10, "{}", l.tracked());
    }
}
