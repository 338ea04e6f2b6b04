//! Managers draft agreement versions, edit drafts and activate one per language (docs/signatures.md,
//! "Agreement versions"). Each change is one transaction with its audit event.
//!
//! A version is *editable* while it is inactive and unsigned. A signed version is refused with
//! 409 `AGREEMENT_SIGNED` (checked here, and by the database's `agreements_frozen_once_signed`
//! as the last line, whose refusal maps to the same code); the active one with 409
//! `AGREEMENT_ACTIVE`, because a kiosk may be showing it and its id would not change.

use chrono::{DateTime, Utc};
use diesel::result::Error as DieselError;
use serde_json::json;

use super::principal::StaffAuth;
use crate::db::ids::AgreementId;
use crate::db::models::agreement::{Agreement, NewAgreement, sha256_hex};
use crate::db::models::agreement_version::{AgreementVersion, DraftText};
use crate::db::models::audit_event::NewAuditEvent;
use crate::db::models::lane_session::{LaneSession, bump_rev};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::domain::enums::Language;
use crate::error::AppError;
use crate::lanes::hub::Hub;
use crate::lanes::notify::{self, Notice};

/// The text of a version: heading, body and consent sentence (validated by the caller).
pub struct VersionText<'a> {
    /// heading
    pub title: &'a str,
    /// full text
    pub body_text: &'a str,
    /// the sentence beside the checkbox
    pub consent_text: &'a str,
}

/// A version with how many signatures refer to it.
pub struct Listed {
    /// the version
    pub version: AgreementVersion,
    /// signatures of it
    pub signatures: i64,
}

impl Listed {
    /// Whether its text may still change: inactive and never signed.
    pub fn editable(&self) -> bool {
        !self.version.active && self.signatures == 0
    }
}

fn audit(
    conn: &mut DbConn,
    by: &StaffAuth,
    action: &str,
    id: AgreementId,
    summary: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    NewAuditEvent { actor: by.actor(), lane_id: None, action, entity: Some(("agreement", id.to_string())), summary, reason: None }
        .append(conn, now)?;
    Ok(())
}

fn signed() -> AppError {
    AppError::conflict("AGREEMENT_SIGNED", "This version has been signed, so its text can never change. Draft a new version instead.")
}

fn active() -> AppError {
    AppError::conflict("AGREEMENT_ACTIVE", "This version is the one customers sign now. Draft a new version and activate it instead.")
}

fn not_found() -> AppError {
    AppError::NotFound { what: "The agreement version" }
}

/// Every version, by language and newest first, with its signature count.
pub fn list(conn: &mut DbConn) -> Result<Vec<Listed>, AppError> {
    let counts: std::collections::HashMap<_, _> = AgreementVersion::signature_counts(conn)?.into_iter().collect();
    let versions = AgreementVersion::all(conn)?;
    Ok(versions.into_iter().map(|v| Listed { signatures: counts.get(&v.id).copied().unwrap_or(0), version: v }).collect())
}

/// Creates an inactive version of `language` numbered one past its highest; audited
/// `AGREEMENT_DRAFTED`.
pub fn draft(
    conn: &mut DbConn,
    by: &StaffAuth,
    language: Language,
    text: &VersionText<'_>,
    now: DateTime<Utc>,
) -> Result<Listed, AppError> {
    write_tx(conn, |conn| {
        let (id, version) = (AgreementId::new(), AgreementVersion::next_version(conn, language)?);
        let body_sha256 = sha256_hex(text.body_text);
        NewAgreement {
            id,
            version,
            language,
            title: text.title,
            body_text: text.body_text,
            body_sha256: body_sha256.clone(),
            consent_text: text.consent_text,
            active: false,
            created_at: Ts(now),
            activated_at: None,
        }
        .insert(conn)?;
        audit(conn, by, "AGREEMENT_DRAFTED", id, json!({ "language": language, "version": version, "body_sha256": body_sha256 }), now)?;
        let version = AgreementVersion::find(conn, id)?.ok_or_else(not_found)?;
        Ok(Listed { version, signatures: 0 })
    })
}

/// Replaces a draft's text; audited `AGREEMENT_EDITED` with both hashes.
pub fn edit(conn: &mut DbConn, by: &StaffAuth, id: AgreementId, text: &VersionText<'_>, now: DateTime<Utc>) -> Result<Listed, AppError> {
    write_tx(conn, |conn| {
        let before = AgreementVersion::find(conn, id)?.ok_or_else(not_found)?;
        if AgreementVersion::signatures_of(conn, id)? > 0 {
            return Err(signed());
        }
        if before.active {
            return Err(active());
        }
        let changes = DraftText {
            title: text.title,
            body_text: text.body_text,
            body_sha256: sha256_hex(text.body_text),
            consent_text: text.consent_text,
        };
        match AgreementVersion::set_draft_text(conn, id, &changes) {
            Ok(true) => {}
            Ok(false) => return Err(active()),
            Err(err) if is_frozen_refusal(&err) => return Err(signed()),
            Err(err) => return Err(err.into()),
        }
        let summary = json!({
            "language": before.language, "version": before.version,
            "from_body_sha256": before.body_sha256, "to_body_sha256": changes.body_sha256,
        });
        audit(conn, by, "AGREEMENT_EDITED", id, summary, now)?;
        let version = AgreementVersion::find(conn, id)?.ok_or_else(not_found)?;
        Ok(Listed { version, signatures: 0 })
    })
}

/// Whether the database refused the update through `agreements_frozen_once_signed` (its
/// message on both backends: "... is signed and cannot be edited").
pub fn is_frozen_refusal(err: &DieselError) -> bool {
    matches!(err, DieselError::DatabaseError(_, info) if info.message().contains("signed and cannot be edited"))
}

/// Makes `id` the active version of its language and the previous one inactive; audited
/// `AGREEMENT_ACTIVATED` with `{from_version, to_version}`. Activating the active version
/// changes nothing. Every lane with a live session moves to a new revision (its kiosk reads the
/// new text, its register the new "last signed" comparison); returns those lanes for the caller
/// to push. A kiosk that signs the old text anyway is refused `AGREEMENT_CHANGED`.
pub fn activate(
    conn: &mut DbConn,
    hub: &Hub,
    by: &StaffAuth,
    id: AgreementId,
    now: DateTime<Utc>,
) -> Result<(Listed, Vec<String>), AppError> {
    write_tx(conn, |conn| {
        let mut lanes = Vec::new();
        let target = AgreementVersion::find(conn, id)?.ok_or_else(not_found)?;
        if !target.active {
            let previous = Agreement::active_for(conn, target.language)?;
            AgreementVersion::activate(conn, id, target.language, Ts(now))?;
            let summary = json!({
                "language": target.language,
                "from_version": previous.map(|p| p.version),
                "to_version": target.version,
                "body_sha256": target.body_sha256,
            });
            audit(conn, by, "AGREEMENT_ACTIVATED", id, summary, now)?;
            for lane in LaneSession::live_lanes(conn)? {
                if let Some(rev) = bump_rev(conn, &lane, None)? {
                    notify::announce(conn, hub, Notice::View { lane: lane.clone(), rev })?;
                    lanes.push(lane);
                }
            }
        }
        let version = AgreementVersion::find(conn, id)?.ok_or_else(not_found)?;
        Ok((Listed { signatures: AgreementVersion::signatures_of(conn, id)?, version }, lanes))
    })
}
