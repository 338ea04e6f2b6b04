//! What a run measures: per step the HTTP answer times and the command → view times on the
//! other screen, the errors by status and code, and the check-ins completed in the window;
//! percentiles by nearest rank.

use std::collections::BTreeMap;
use std::time::Duration;

/// The timed steps of one check-in, in order.
pub const STEPS: [&str; 10] =
    ["customer", "sessions", "language", "propose", "confirm", "payment", "agreement-shown", "sign", "acknowledge", "close"];

/// One step's samples.
#[derive(Debug, Default, Clone)]
pub struct StepSamples {
    /// request start → whole answer read
    pub http: Vec<Duration>,
    /// request start → the view with the answered revision on the other screen's socket
    pub view: Vec<Duration>,
}

/// Everything one run collected.
#[derive(Debug, Default)]
pub struct Stats {
    /// per step, keyed by its index in [`STEPS`]
    pub steps: BTreeMap<usize, StepSamples>,
    /// errors by `"<status> <code>"` (or a transport failure), with the step that got them
    pub errors: BTreeMap<String, u64>,
    /// check-ins completed inside the measured window
    pub completed: u64,
    /// check-ins completed in all (warm-up and tail included)
    pub completed_total: u64,
}

impl Stats {
    /// Adds one step's timing.
    pub fn step(&mut self, index: usize, http: Duration, view: Option<Duration>) {
        let entry = self.steps.entry(index).or_default();
        entry.http.push(http);
        if let Some(view) = view {
            entry.view.push(view);
        }
    }

    /// Counts one error.
    pub fn error(&mut self, step: &str, key: &str) {
        *self.errors.entry(format!("{step}: {key}")).or_default() += 1;
    }

    /// Every step's samples together.
    pub fn all(&self) -> StepSamples {
        let mut all = StepSamples::default();
        for s in self.steps.values() {
            all.http.extend(&s.http);
            all.view.extend(&s.view);
        }
        all
    }
}

/// p50, p95, p99 and max in milliseconds (`None` without samples).
pub fn percentiles(samples: &[Duration]) -> Option<[f64; 4]> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = |p: f64| {
        let idx = ((sorted.len() as f64) * p).ceil() as usize;
        sorted[idx.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
    };
    Some([rank(0.50), rank(0.95), rank(0.99), rank(1.0)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        let ms: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentiles(&ms), Some([50.0, 95.0, 99.0, 100.0]));
        assert_eq!(percentiles(&[]), None);
        assert_eq!(percentiles(&[Duration::from_millis(7)]), Some([7.0, 7.0, 7.0, 7.0]));
    }
}
