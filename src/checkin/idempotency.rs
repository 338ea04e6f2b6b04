//! `Idempotency-Key` for money and evidence commands: the first answer is stored with the key
//! in the same transaction as the change; a retry with the same key and the same request gets
//! that answer and changes nothing; the same key with a different request is refused.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::idempotency_keys;
use crate::db::sql_types::Ts;
use crate::error::AppError;

/// One command's key, scoped (e.g. `mark_paid:lane-1`) and tied to the request body.
#[derive(Debug, Clone)]
pub struct Idempotency {
    /// what the client sent
    pub key: String,
    /// the command and lane
    pub scope: String,
    /// SHA-256 of the request body
    pub request_sha256: String,
}

impl Idempotency {
    /// From the header value, if any (1–200 characters).
    pub fn from_header(value: Option<&str>, scope: String, body: &[u8]) -> Result<Option<Self>, AppError> {
        let Some(key) = value.map(str::trim) else { return Ok(None) };
        if key.is_empty() || key.len() > 200 {
            return Err(AppError::invalid("Idempotency-Key", "The Idempotency-Key header must be 1 to 200 characters."));
        }
        Ok(Some(Self { key: key.to_owned(), scope, request_sha256: crate::domain::signature::sha256_hex(body) }))
    }

    /// The stored answer to this key, if the command already ran (409 if the key was used
    /// for another request).
    pub fn replay(&self, conn: &mut DbConn) -> Result<Option<(u16, serde_json::Value)>, AppError> {
        let row: Option<(String, String, i32, String)> = idempotency_keys::table
            .find(&self.key)
            .select((idempotency_keys::scope, idempotency_keys::request_sha256, idempotency_keys::status, idempotency_keys::response_json))
            .first(conn)
            .optional()?;
        match row {
            None => Ok(None),
            Some((scope, sha, status, body)) if scope == self.scope && sha == self.request_sha256 => {
                let body = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
                Ok(Some((u16::try_from(status).unwrap_or(200), body)))
            }
            Some(_) => Err(AppError::conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request.")),
        }
    }

    /// Stores the answer, in the command's transaction.
    pub fn remember(&self, conn: &mut DbConn, status: u16, body: &serde_json::Value, now: DateTime<Utc>) -> Result<(), AppError> {
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::key.eq(&self.key),
                idempotency_keys::scope.eq(&self.scope),
                idempotency_keys::request_sha256.eq(&self.request_sha256),
                idempotency_keys::status.eq(i32::from(status)),
                idempotency_keys::response_json.eq(body.to_string()),
                idempotency_keys::created_at.eq(Ts(now)),
            ))
            .execute(conn)?;
        Ok(())
    }
}
