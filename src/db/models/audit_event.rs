//! `audit_events`: the append-only, hash-chained log. Appends are serialised through the
//! single `audit_head` row, so concurrent writers on PostgreSQL cannot fork the chain.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::sql_types::Ts;
use serde_json::Value;

use crate::db::schema::{audit_events, audit_head};
use crate::db::{DbConn, MultiBackend};
use crate::domain::audit_chain::{AuditRecord, ChainReport, Verifier};
use crate::domain::enums::ActorType;

/// Who did something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// a staff member
    Staff(crate::db::ids::StaffId),
    /// a paired kiosk
    Device(crate::db::ids::DeviceId),
    /// the server itself
    System,
}

impl Actor {
    fn parts(self) -> (ActorType, Option<String>) {
        match self {
            Self::Staff(id) => (ActorType::Staff, Some(id.to_string())),
            Self::Device(id) => (ActorType::Device, Some(id.to_string())),
            Self::System => (ActorType::System, None),
        }
    }
}

/// An event to append. Summaries hold before/after values, never secrets.
#[derive(Debug, Clone)]
pub struct NewAuditEvent<'a> {
    /// who
    pub actor: Actor,
    /// where
    pub lane_id: Option<&'a str>,
    /// what, e.g. `SEED_DEMO`
    pub action: &'a str,
    /// `(entity_type, entity_id)`
    pub entity: Option<(&'a str, String)>,
    /// details
    pub summary: Value,
    /// a person's reason, if given
    pub reason: Option<&'a str>,
}

#[derive(Insertable, Queryable, Selectable)]
#[diesel(table_name = audit_events, treat_none_as_default_value = false, check_for_backend(MultiBackend))]
struct AuditRow {
    seq: i64,
    at: Ts,
    actor_type: String,
    actor_id: Option<String>,
    lane_id: Option<String>,
    action: String,
    entity_type: Option<String>,
    entity_id: Option<String>,
    summary_json: String,
    reason: Option<String>,
    prev_hash: String,
    hash: String,
}

impl AuditRow {
    fn into_record(self) -> (AuditRecord, String) {
        let record = AuditRecord {
            seq: self.seq,
            at: self.at.0,
            actor_type: self.actor_type,
            actor_id: self.actor_id,
            lane_id: self.lane_id,
            action: self.action,
            entity_type: self.entity_type,
            entity_id: self.entity_id,
            summary_json: self.summary_json,
            reason: self.reason,
            prev_hash: self.prev_hash,
        };
        (record, self.hash)
    }
}

impl NewAuditEvent<'_> {
    /// Appends the event in the caller's transaction; returns its `seq`.
    pub fn append(self, conn: &mut DbConn, at: DateTime<Utc>) -> QueryResult<i64> {
        // Taking the head row's lock first makes concurrent appends queue up here.
        let (seq, prev_hash): (i64, String) = crate::db::cached::NextAuditSeq.get_result(conn)?;
        let (actor_type, actor_id) = self.actor.parts();
        let (entity_type, entity_id) = self.entity.map_or((None, None), |(t, id)| (Some(t.to_owned()), Some(id)));
        let record = AuditRecord {
            seq,
            at,
            actor_type: actor_type.as_str().to_owned(),
            actor_id,
            lane_id: self.lane_id.map(str::to_owned),
            action: self.action.to_owned(),
            entity_type,
            entity_id,
            summary_json: self.summary.to_string(),
            reason: self.reason.map(str::to_owned),
            prev_hash,
        };
        let hash = record.compute_hash();
        crate::db::cached::SetAuditHash(&hash).execute(conn)?;
        diesel::insert_into(audit_events::table).values(row_of(record, hash)).execute(conn)?;
        Ok(seq)
    }
}

fn row_of(r: AuditRecord, hash: String) -> AuditRow {
    AuditRow {
        seq: r.seq,
        at: r.at.into(),
        actor_type: r.actor_type,
        actor_id: r.actor_id,
        lane_id: r.lane_id,
        action: r.action,
        entity_type: r.entity_type,
        entity_id: r.entity_id,
        summary_json: r.summary_json,
        reason: r.reason,
        prev_hash: r.prev_hash,
        hash,
    }
}

/// Walks the whole chain page by page and reports "intact" or the first broken `seq`,
/// including events cut from the end (the log must reach the recorded head).
pub fn verify_chain(conn: &mut DbConn) -> QueryResult<ChainReport> {
    const PAGE: i64 = 1000;
    let mut verifier = Verifier::default();
    let mut after = 0i64;
    loop {
        let page: Vec<AuditRow> = audit_events::table
            .filter(audit_events::seq.gt(after))
            .order(audit_events::seq)
            .limit(PAGE)
            .select(AuditRow::as_select())
            .load(conn)?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for row in page {
            let (record, hash) = row.into_record();
            if let Err(report) = verifier.push(&record, &hash) {
                return Ok(report);
            }
        }
    }
    let (head_seq, head_hash): (i64, String) = audit_head::table.find(1).select((audit_head::seq, audit_head::hash)).first(conn)?;
    Ok(verifier.finish(head_seq, &head_hash))
}

/// What the audit log is narrowed to (every field optional; all given must match).
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    /// the staff member's or device's id
    pub actor_id: Option<String>,
    /// e.g. `REGISTER_FORCE_SIGN_OUT`
    pub action: Option<String>,
    /// e.g. `lane-1`
    pub lane_id: Option<String>,
    /// e.g. `agreement_signature`
    pub entity_type: Option<String>,
    /// the entity's id (with or without `entity_type`)
    pub entity_id: Option<String>,
    /// at or after
    pub from: Option<DateTime<Utc>>,
    /// before
    pub until: Option<DateTime<Utc>>,
}

/// Up to `limit` events matching `filter` older than `before_seq` (or the newest), newest
/// first. Indexes on (actor, seq), (action, seq), (lane, seq), (entity, seq) and (at) serve
/// each filter.
pub fn page_newest_first(
    conn: &mut DbConn,
    filter: &AuditFilter,
    before_seq: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<(AuditRecord, String)>> {
    let mut query = audit_events::table.order(audit_events::seq.desc()).limit(limit).select(AuditRow::as_select()).into_boxed();
    if let Some(before) = before_seq {
        query = query.filter(audit_events::seq.lt(before));
    }
    if let Some(actor) = filter.actor_id.clone() {
        query = query.filter(audit_events::actor_id.eq(actor));
    }
    if let Some(action) = filter.action.clone() {
        query = query.filter(audit_events::action.eq(action));
    }
    if let Some(lane) = filter.lane_id.clone() {
        query = query.filter(audit_events::lane_id.eq(lane));
    }
    if let Some(entity_type) = filter.entity_type.clone() {
        query = query.filter(audit_events::entity_type.eq(entity_type));
    }
    if let Some(entity_id) = filter.entity_id.clone() {
        query = query.filter(audit_events::entity_id.eq(entity_id));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_events::at.ge(Ts(from)));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_events::at.lt(Ts(until)));
    }
    Ok(query.load(conn)?.into_iter().map(AuditRow::into_record).collect())
}
