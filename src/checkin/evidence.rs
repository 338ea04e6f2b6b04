//! The signature record's own hash (spec/evidence.md §7): SHA-256 over a canonical JSON of every
//! field of the record. Large fields enter through their SHA-256 (text, PNG, strokes), which
//! pins them just as well and keeps the canonical form small; keys are sorted; times are
//! fixed-width UTC.
//!
//! How the mark was made (issue 15) enters only for typed signatures: `signature_method` and
//! `typed_name` are added when the method is TYPED, so a drawn record's canonical form is
//! byte for byte what it was before those columns existed and every stored hash still verifies.

use serde_json::json;

use crate::db::models::signature::NewSignature;
use crate::db::sql_types::Ts;
use crate::domain::enums::SignatureMethod;
use crate::domain::signature::sha256_hex;

fn t(ts: &Ts) -> String {
    ts.to_string()
}

/// The canonical serialisation of a signature record (without `record_sha256`).
pub fn canonical(s: &NewSignature) -> String {
    let strokes_sha = s.signature_strokes_json.as_deref().map(|j| sha256_hex(j.as_bytes()));
    let mut record = json!({
        "id": s.id,
        "agreement_id": s.agreement_id,
        "agreement_version": s.agreement_version,
        "language": s.language,
        "agreement_title": s.agreement_title,
        "agreement_text_sha256": s.agreement_text_sha256,
        "consent_text_sha256": s.consent_text_sha256,
        "consent_at": t(&s.consent_at),
        "signature_strokes_sha256": strokes_sha,
        "signature_png_sha256": s.signature_png_sha256,
        "customer_id": s.customer_id,
        "customer_name": s.customer_name,
        "membership_number": s.membership_number,
        "dob_verified": s.dob_verified,
        "identity_method": s.identity_method,
        "staff_id": s.staff_id,
        "device_id": s.device_id,
        "lane_id": s.lane_id,
        "lane_session_id": s.lane_session_id,
        "user_agent": s.user_agent,
        "ip": s.ip,
        "checkin_block_id": s.checkin_block_id,
        "payment_intent_id": s.payment_intent_id,
        "agreement_shown_at": t(&s.agreement_shown_at),
        "signed_at": t(&s.signed_at),
    });
    if s.signature_method != SignatureMethod::Drawn
        && let Some(fields) = record.as_object_mut()
    {
        fields.insert("signature_method".into(), s.signature_method.as_str().into());
        fields.insert("typed_name".into(), s.typed_name.clone().into());
    }
    record.to_string()
}

/// `record_sha256` for a record.
pub fn record_sha256(s: &NewSignature) -> String {
    sha256_hex(canonical(s).as_bytes())
}

/// Whether a stored record still matches its hashes (each recomputed from what is stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Verification {
    /// every check below passed
    pub intact: bool,
    /// SHA-256 of the text snapshot = `agreement_text_sha256`
    pub agreement_text: bool,
    /// SHA-256 of the consent sentence = `consent_text_sha256`
    pub consent_text: bool,
    /// SHA-256 of the PNG bytes = `signature_png_sha256`
    pub signature_png: bool,
    /// SHA-256 of the canonical record = `record_sha256`
    pub record: bool,
}

/// Recomputes every hash of a stored record.
pub fn verify(s: &NewSignature) -> Verification {
    let agreement_text = sha256_hex(s.agreement_text_snapshot.as_bytes()) == s.agreement_text_sha256;
    let consent_text = sha256_hex(s.consent_text.as_bytes()) == s.consent_text_sha256;
    let signature_png = sha256_hex(&s.signature_png) == s.signature_png_sha256;
    let record = record_sha256(s) == s.record_sha256;
    Verification { intact: agreement_text && consent_text && signature_png && record, agreement_text, consent_text, signature_png, record }
}

#[cfg(test)]
mod tests;
