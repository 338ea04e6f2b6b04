//! First-run tools for a real club: the first manager, lanes and agreement versions.
//! Each change is one transaction with its audit event.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::db::ids::{AgreementId, StaffId};
use crate::db::models::agreement::{NewAgreement, sha256_hex};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::lane::{NewLane, is_valid_lane_id};
use crate::db::models::staff::NewStaff;
use crate::db::{DbConn, write_tx};
use crate::domain::enums::{Language, StaffRole};
use crate::error::AppError;
use crate::security::pin;

/// A staff member to add from the command line.
pub struct StaffSpec<'a> {
    /// sign-in name
    pub login: &'a str,
    /// display name
    pub display_name: &'a str,
    /// role
    pub role: StaffRole,
    /// the six-digit PIN (hashed here, never stored or logged)
    pub pin: &'a str,
}

/// Adds a staff member.
pub fn add_staff(conn: &mut DbConn, spec: &StaffSpec<'_>, now: DateTime<Utc>) -> Result<StaffId, AppError> {
    let pin_hash = pin::hash(spec.pin).map_err(|e| AppError::invalid("pin", e.to_string()))?;
    if spec.login.is_empty() || spec.login.len() > 50 {
        return Err(AppError::invalid("login", "The login is 1 to 50 characters."));
    }
    let id = StaffId::new();
    write_tx(conn, |conn| {
        NewStaff {
            id,
            login: spec.login,
            display_name: spec.display_name,
            role: spec.role,
            pin_hash: &pin_hash,
            created_at: now.into(),
            updated_at: now.into(),
        }
        .insert(conn)?;
        let summary = json!({ "login": spec.login, "role": spec.role });
        NewAuditEvent {
            actor: Actor::System,
            lane_id: None,
            action: "STAFF_CREATED",
            entity: Some(("staff", id.to_string())),
            summary,
            reason: None,
        }
        .append(conn, now)?;
        Ok(id)
    })
}

/// Adds a lane (`lane-N`).
pub fn add_lane(conn: &mut DbConn, id: &str, name: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    if !is_valid_lane_id(id) {
        return Err(AppError::invalid("id", "A lane id looks like lane-1, lane-2, ..."));
    }
    write_tx(conn, |conn| {
        NewLane { id, name, created_at: now.into() }.insert(conn)?;
        NewAuditEvent {
            actor: Actor::System,
            lane_id: Some(id),
            action: "LANE_CREATED",
            entity: Some(("lane", id.to_owned())),
            summary: json!({ "name": name }),
            reason: None,
        }
        .append(conn, now)?;
        Ok(())
    })
}

/// An agreement version to add.
pub struct AgreementSpec<'a> {
    /// version number
    pub version: i32,
    /// language
    pub language: Language,
    /// heading
    pub title: &'a str,
    /// full text
    pub body: &'a str,
    /// consent sentence
    pub consent: &'a str,
}

/// Adds an agreement version and makes it the active one for its language.
pub fn add_active_agreement(conn: &mut DbConn, spec: &AgreementSpec<'_>, now: DateTime<Utc>) -> Result<AgreementId, AppError> {
    use crate::db::schema::agreements::dsl::*;
    use diesel::prelude::*;
    let new_id = AgreementId::new();
    write_tx(conn, |conn| {
        diesel::update(agreements.filter(language.eq(spec.language).and(active.eq(true)))).set(active.eq(false)).execute(conn)?;
        NewAgreement {
            id: new_id,
            version: spec.version,
            language: spec.language,
            title: spec.title,
            body_text: spec.body,
            body_sha256: sha256_hex(spec.body),
            consent_text: spec.consent,
            active: true,
            created_at: now.into(),
            activated_at: Some(now.into()),
        }
        .insert(conn)?;
        let summary = json!({ "version": spec.version, "language": spec.language, "body_sha256": sha256_hex(spec.body) });
        NewAuditEvent {
            actor: Actor::System,
            lane_id: None,
            action: "AGREEMENT_ACTIVATED",
            entity: Some(("agreement", new_id.to_string())),
            summary,
            reason: None,
        }
        .append(conn, now)?;
        Ok(new_id)
    })
}
