//! The audit log's hash chain (spec/security.md): every event's `hash` is
//! `SHA-256(prev_hash || canonical JSON of the event without hash)`, and the first event chains
//! from 64 zeros. Pure functions: the database layer feeds rows in and out.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit event, as hashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    /// position in the chain, from 1
    pub seq: i64,
    /// when it happened (UTC)
    #[serde(serialize_with = "micros")]
    pub at: DateTime<Utc>,
    /// STAFF, DEVICE or SYSTEM
    pub actor_type: String,
    /// staff or device id; none for SYSTEM
    pub actor_id: Option<String>,
    /// lane concerned, if any
    pub lane_id: Option<String>,
    /// what was done, e.g. `STAFF_LOGIN_PIN`
    pub action: String,
    /// kind of entity changed
    pub entity_type: Option<String>,
    /// id of the entity changed
    pub entity_id: Option<String>,
    /// before/after of what changed, as JSON text (no secrets)
    pub summary_json: String,
    /// a person's stated reason, if any
    pub reason: Option<String>,
    /// hash of the previous event
    pub prev_hash: String,
}

fn micros<S: serde::Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Micros, true))
}

impl AuditRecord {
    /// The canonical JSON: every field, keys sorted, `at` in fixed-width UTC.
    pub fn canonical_json(&self) -> String {
        serde_json::json!({
            "seq": self.seq,
            "at": self.at.to_rfc3339_opts(SecondsFormat::Micros, true),
            "actor_type": self.actor_type,
            "actor_id": self.actor_id,
            "lane_id": self.lane_id,
            "action": self.action,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "summary_json": self.summary_json,
            "reason": self.reason,
            "prev_hash": self.prev_hash,
        })
        .to_string()
    }

    /// The hash this record must carry.
    pub fn compute_hash(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.prev_hash.as_bytes());
        hasher.update(self.canonical_json().as_bytes());
        hex::encode(hasher.finalize())
    }
}

/// Result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ChainReport {
    /// every link holds
    Intact {
        /// events checked
        events: i64,
    },
    /// the first event whose link or hash does not hold
    Broken {
        /// its `seq`
        seq: i64,
        /// what is wrong with it
        problem: String,
    },
}

/// Walks the chain one event at a time (so a long log need not fit in memory).
#[derive(Debug, Clone)]
pub struct Verifier {
    expected_prev: String,
    expected_seq: i64,
}

impl Default for Verifier {
    fn default() -> Self {
        Self { expected_prev: GENESIS_HASH.to_owned(), expected_seq: 1 }
    }
}

impl Verifier {
    /// Checks the next event; `Err` is the report for the first broken one.
    pub fn push(&mut self, record: &AuditRecord, stored_hash: &str) -> Result<(), ChainReport> {
        let problem = if record.seq != self.expected_seq {
            Some(format!("expected seq {}", self.expected_seq))
        } else if record.prev_hash != self.expected_prev {
            Some("prev_hash does not match the previous event".to_owned())
        } else if record.compute_hash() != stored_hash {
            Some("hash does not match the event's content".to_owned())
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(ChainReport::Broken { seq: record.seq, problem });
        }
        self.expected_prev = stored_hash.to_owned();
        self.expected_seq += 1;
        Ok(())
    }

    /// The verdict once every event was pushed, given the recorded head `(seq, hash)`:
    /// events removed from the end show as a head that runs ahead of the log.
    pub fn finish(self, head_seq: i64, head_hash: &str) -> ChainReport {
        let last = self.expected_seq - 1;
        if head_seq != last || head_hash != self.expected_prev {
            return ChainReport::Broken { seq: last + 1, problem: format!("the log ends at seq {last} but its head is at seq {head_seq}") };
        }
        ChainReport::Intact { events: last }
    }
}

/// Checks `(record, stored_hash)` pairs in `seq` order against the recorded head.
pub fn verify<I>(events: I, head_seq: i64, head_hash: &str) -> ChainReport
where
    I: IntoIterator<Item = (AuditRecord, String)>,
{
    let mut verifier = Verifier::default();
    for (record, hash) in events {
        if let Err(report) = verifier.push(&record, &hash) {
            return report;
        }
    }
    verifier.finish(head_seq, head_hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(seq: i64, prev: &str) -> AuditRecord {
        AuditRecord {
            seq,
            at: DateTime::from_timestamp(1_700_000_000 + seq, 0).unwrap(),
            actor_type: "SYSTEM".into(),
            actor_id: None,
            lane_id: Some("lane-1".into()),
            action: "TEST".into(),
            entity_type: None,
            entity_id: None,
            summary_json: "{}".into(),
            reason: None,
            prev_hash: prev.into(),
        }
    }

    fn chain(n: i64) -> Vec<(AuditRecord, String)> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let r = record(seq, &prev);
                prev = r.compute_hash();
                (r, prev.clone())
            })
            .collect()
    }

    fn head(events: &[(AuditRecord, String)]) -> (i64, String) {
        events.last().map_or((0, GENESIS_HASH.to_owned()), |(r, h)| (r.seq, h.clone()))
    }

    #[test]
    fn an_untouched_chain_is_intact() {
        let events = chain(3);
        let (seq, hash) = head(&events);
        assert_eq!(verify(events, seq, &hash), ChainReport::Intact { events: 3 });
        assert_eq!(verify(Vec::new(), 0, GENESIS_HASH), ChainReport::Intact { events: 0 });
    }

    #[test]
    fn a_changed_field_is_reported_at_its_seq() {
        let mut events = chain(4);
        let (seq, hash) = head(&events);
        events[2].0.action = "FORGED".into();
        assert!(matches!(verify(events, seq, &hash), ChainReport::Broken { seq: 3, .. }));
    }

    #[test]
    fn a_missing_event_is_reported() {
        let mut events = chain(4);
        let (seq, hash) = head(&events);
        events.remove(1);
        assert!(matches!(verify(events, seq, &hash), ChainReport::Broken { seq: 3, .. }));
    }

    #[test]
    fn events_cut_from_the_end_are_reported() {
        let mut events = chain(4);
        let (seq, hash) = head(&events);
        events.truncate(2);
        assert!(matches!(verify(events, seq, &hash), ChainReport::Broken { seq: 3, .. }));
    }

    #[test]
    fn the_hash_covers_the_previous_hash() {
        let a = record(1, GENESIS_HASH).compute_hash();
        let b = record(1, &"1".repeat(64)).compute_hash();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
    }
}
