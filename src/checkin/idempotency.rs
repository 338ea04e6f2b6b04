//! `Idempotency-Key` for money and evidence commands. A key is bound to the principal, the
//! route and the lane session it was first used on: the first answer is stored with the key
//! in the same transaction as the change; a retry by the same principal on the same route and
//! session with the same request gets that answer and changes nothing; the key used anywhere
//! else (another session of the lane, another route or caller, another body) is 409
//! `IDEMPOTENCY_KEY_REUSED` — never another session's answer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::LaneSessionId;
use crate::db::models::audit_event::Actor;
use crate::db::models::lane_session::LaneSession;
use crate::db::schema::idempotency_keys;
use crate::db::sql_types::Ts;
use crate::error::AppError;

/// One command's key, tied to its caller, route and request body.
#[derive(Debug, Clone)]
pub struct Idempotency {
    /// what the client sent
    pub key: String,
    /// the command, e.g. `mark_paid`
    route: &'static str,
    /// `s:<staff id>` or `d:<device id>`
    principal: String,
    /// SHA-256 of the request body
    request_sha256: String,
}

fn principal(actor: Actor) -> String {
    match actor {
        Actor::Staff(id) => format!("s:{id}"),
        Actor::Device(id) => format!("d:{id}"),
        Actor::System => "system".into(),
    }
}

fn reused() -> AppError {
    AppError::conflict(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used for another request. Send a new key for a new payment or signature.",
    )
}

impl Idempotency {
    /// From the header value, if any (1–200 characters).
    pub fn from_header(value: Option<&str>, route: &'static str, actor: Actor, body: &[u8]) -> Result<Option<Self>, AppError> {
        let Some(key) = value.map(str::trim) else { return Ok(None) };
        if key.is_empty() || key.len() > 200 {
            return Err(AppError::invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to 200 characters."));
        }
        let request_sha256 = crate::domain::signature::sha256_hex(body);
        Ok(Some(Self { key: key.to_owned(), route, principal: principal(actor), request_sha256 }))
    }

    /// The binding stored with the key: route, lane session and principal (≤ 100 characters).
    fn scope(&self, session: LaneSessionId) -> String {
        format!("{}:{session}:{}", self.route, self.principal)
    }

    /// The stored answer to this key, if the command already ran on the lane's newest
    /// session; 409 if the key was used for anything else.
    pub fn replay(&self, conn: &mut DbConn, lane: &str) -> Result<Option<(u16, serde_json::Value)>, AppError> {
        let row: Option<(String, String, i32, String)> = idempotency_keys::table
            .find(&self.key)
            .select((idempotency_keys::scope, idempotency_keys::request_sha256, idempotency_keys::status, idempotency_keys::response_json))
            .first(conn)
            .optional()?;
        let Some((scope, sha, status, body)) = row else { return Ok(None) };
        let session = LaneSession::latest_id(conn, lane)?;
        if session.is_some_and(|s| scope == self.scope(s)) && sha == self.request_sha256 {
            let body = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
            Ok(Some((u16::try_from(status).unwrap_or(200), body)))
        } else {
            Err(reused())
        }
    }

    /// Stores the answer for `session`, in the command's transaction.
    pub fn remember(
        &self,
        conn: &mut DbConn,
        session: LaneSessionId,
        status: u16,
        body: &serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::key.eq(&self.key),
                idempotency_keys::scope.eq(self.scope(session)),
                idempotency_keys::request_sha256.eq(&self.request_sha256),
                idempotency_keys::status.eq(i32::from(status)),
                idempotency_keys::response_json.eq(body.to_string()),
                idempotency_keys::created_at.eq(Ts(now)),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// Runs `command` at most once per key: a stored answer is returned instead of running it,
/// and when it fails because a concurrent retry with the same key committed first, that
/// retry's answer is ours. Without a key it simply runs.
pub fn once(
    key: Option<&Idempotency>,
    conn: &mut DbConn,
    lane: &str,
    command: impl FnOnce(&mut DbConn) -> Result<serde_json::Value, AppError>,
) -> Result<serde_json::Value, AppError> {
    let Some(key) = key else { return command(conn) };
    if let Some((_, answer)) = key.replay(conn, lane)? {
        return Ok(answer);
    }
    match command(conn) {
        Ok(answer) => Ok(answer),
        Err(err) => key.replay(conn, lane)?.map(|(_, answer)| answer).ok_or(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scope_names_route_session_and_principal_within_the_column_limit() {
        let actor = Actor::Device(crate::db::ids::DeviceId::new());
        let key = Idempotency::from_header(Some(" k-1 "), "mark_paid", actor, b"{}").unwrap().unwrap();
        let session = LaneSessionId::new();
        let scope = key.scope(session);
        assert_eq!(key.key, "k-1");
        assert!(scope.starts_with("mark_paid:") && scope.contains(&session.to_string()) && scope.contains(":d:"), "{scope}");
        assert!(scope.len() <= 100, "{}", scope.len());
        assert!(Idempotency::from_header(Some(""), "sign", actor, b"").is_err());
        assert!(Idempotency::from_header(None, "sign", actor, b"").unwrap().is_none());
    }
}
