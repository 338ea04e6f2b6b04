//! PIN lockout policy (spec/security.md): five wrong PINs in a row lock that staff member's
//! PIN login for five minutes. Pure: the caller stores the resulting counters.

use chrono::{DateTime, Duration, Utc};

/// Wrong PINs in a row that trigger a lock.
pub const MAX_FAILURES: i32 = 5;

/// How long a lock lasts.
pub fn lock_duration() -> Duration {
    Duration::minutes(5)
}

/// The stored lockout state of one staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockState {
    /// wrong PINs in a row
    pub failures: i32,
    /// set while (or after) a lock
    pub locked_until: Option<DateTime<Utc>>,
}

/// What to do with one PIN attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// refuse without checking the PIN: still locked
    Locked {
        /// when the lock ends
        until: DateTime<Utc>,
    },
    /// check the PIN, starting from this state (an expired lock is forgotten)
    Check(LockState),
}

/// Decides whether a PIN may be checked now.
pub fn before_attempt(state: LockState, now: DateTime<Utc>) -> Attempt {
    match state.locked_until {
        Some(until) if until > now => Attempt::Locked { until },
        Some(_) => Attempt::Check(LockState { failures: 0, locked_until: None }),
        None => Attempt::Check(state),
    }
}

/// The state after a wrong PIN; a lock starts on the fifth failure in a row.
pub fn after_failure(state: LockState, now: DateTime<Utc>) -> LockState {
    let failures = state.failures + 1;
    let locked_until = (failures >= MAX_FAILURES).then(|| now + lock_duration());
    LockState { failures, locked_until }
}

/// The state after a right PIN.
pub fn after_success() -> LockState {
    LockState { failures: 0, locked_until: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn the_fifth_failure_locks_for_five_minutes() {
        let mut state = after_success();
        for n in 1..=4 {
            state = after_failure(state, now());
            assert_eq!(state, LockState { failures: n, locked_until: None });
        }
        state = after_failure(state, now());
        assert_eq!(state.locked_until, Some(now() + Duration::minutes(5)));
    }

    #[test]
    fn a_lock_refuses_until_it_ends_then_starts_afresh() {
        let locked = LockState { failures: 5, locked_until: Some(now()) };
        let before_end = now() - Duration::seconds(1);
        assert_eq!(before_attempt(locked, before_end), Attempt::Locked { until: now() });
        assert_eq!(before_attempt(locked, now()), Attempt::Check(after_success()));
    }

    #[test]
    fn a_success_resets_the_count() {
        let state = after_failure(after_failure(after_success(), now()), now());
        assert_eq!(state.failures, 2);
        assert_eq!(after_success().failures, 0);
    }
}
