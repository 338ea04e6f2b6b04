//! The canonical form: a drawn record's is exactly the form from before typed signing (so old
//! hashes verify), a typed record's adds the method and the typed name, and each field counts.

use chrono::{TimeZone, Utc};
use serde_json::json;
use uuid::Uuid;

use super::{canonical, record_sha256, t, verify};
use crate::db::ids::{AgreementId, CustomerId, DeviceId, LaneSessionId, SignatureId, StaffId};
use crate::db::models::signature::NewSignature;
use crate::db::sql_types::Ts;
use crate::domain::enums::{IdentityMethod, Language, SignatureMethod};
use crate::domain::signature::sha256_hex;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn at(minute: u32) -> Ts {
    Ts(Utc.with_ymd_and_hms(2026, 11, 20, 21, minute, 0).single().unwrap())
}

/// A drawn record with fixed values.
fn drawn() -> NewSignature {
    let text = "Rules.";
    let mut s = NewSignature {
        id: SignatureId(id(1)),
        agreement_id: AgreementId(id(2)),
        agreement_version: 1,
        language: Language::En,
        agreement_title: "House rules".into(),
        agreement_text_snapshot: text.into(),
        agreement_text_sha256: sha256_hex(text.as_bytes()),
        consent_text: "I agree.".into(),
        consent_text_sha256: sha256_hex(b"I agree."),
        consent_at: at(1),
        signature_strokes_json: Some(r#"{"height":200,"strokes":[],"width":600}"#.into()),
        signature_png: vec![1, 2, 3],
        signature_png_sha256: sha256_hex(&[1, 2, 3]),
        customer_id: CustomerId(id(3)),
        customer_name: "Sam Signer".into(),
        membership_number: None,
        dob_verified: true,
        identity_method: IdentityMethod::IdScan,
        staff_id: StaffId(id(4)),
        device_id: Some(DeviceId(id(5))),
        lane_id: "lane-1".into(),
        lane_session_id: LaneSessionId(id(6)),
        user_agent: Some("kiosk".into()),
        ip: Some("10.0.0.7".into()),
        checkin_block_id: None,
        payment_intent_id: None,
        agreement_shown_at: at(0),
        signed_at: at(2),
        record_sha256: String::new(),
        signature_method: SignatureMethod::Drawn,
        typed_name: None,
    };
    s.record_sha256 = record_sha256(&s);
    s
}

fn typed() -> NewSignature {
    let mut s = NewSignature {
        signature_strokes_json: None,
        signature_method: SignatureMethod::Typed,
        typed_name: Some("sam  SIGNER".into()),
        ..drawn()
    };
    s.record_sha256 = record_sha256(&s);
    s
}

/// The canonical form as written before issue 15 (a copy of the old `canonical`).
fn before_typed_signing(s: &NewSignature) -> String {
    let strokes_sha = s.signature_strokes_json.as_deref().map(|j| sha256_hex(j.as_bytes()));
    json!({
        "id": s.id, "agreement_id": s.agreement_id, "agreement_version": s.agreement_version,
        "language": s.language, "agreement_title": s.agreement_title,
        "agreement_text_sha256": s.agreement_text_sha256, "consent_text_sha256": s.consent_text_sha256,
        "consent_at": t(&s.consent_at), "signature_strokes_sha256": strokes_sha,
        "signature_png_sha256": s.signature_png_sha256, "customer_id": s.customer_id,
        "customer_name": s.customer_name, "membership_number": s.membership_number,
        "dob_verified": s.dob_verified, "identity_method": s.identity_method, "staff_id": s.staff_id,
        "device_id": s.device_id, "lane_id": s.lane_id, "lane_session_id": s.lane_session_id,
        "user_agent": s.user_agent, "ip": s.ip, "checkin_block_id": s.checkin_block_id,
        "payment_intent_id": s.payment_intent_id, "agreement_shown_at": t(&s.agreement_shown_at),
        "signed_at": t(&s.signed_at),
    })
    .to_string()
}

#[test]
fn a_drawn_record_keeps_its_canonical_form_byte_for_byte() {
    let s = drawn();
    assert_eq!(canonical(&s), before_typed_signing(&s));
    assert!(!canonical(&s).contains("signature_method") && !canonical(&s).contains("typed_name"));
    assert!(verify(&s).intact);
}

#[test]
fn a_typed_record_adds_the_method_and_the_typed_name() {
    let s = typed();
    let form: serde_json::Value = serde_json::from_str(&canonical(&s)).unwrap();
    assert_eq!(form["signature_method"], "TYPED");
    assert_eq!(form["typed_name"], "sam  SIGNER");
    assert_eq!(form["signature_strokes_sha256"], serde_json::Value::Null);
    // every other key is the drawn form's, and keys stay sorted
    let mut old: serde_json::Value = serde_json::from_str(&before_typed_signing(&s)).unwrap();
    old["signature_method"] = "TYPED".into();
    old["typed_name"] = "sam  SIGNER".into();
    assert_eq!(form, old);
    // sorted among the others, as every key
    let text = canonical(&s);
    assert!(text.contains(r#""signature_method":"TYPED","signature_png_sha256":"#), "{text}");
    assert!(text.contains(r#""typed_name":"sam  SIGNER","user_agent":"kiosk"}"#), "{text}");
    assert!(verify(&s).intact);
}

#[test]
fn the_method_and_the_typed_name_are_covered_by_the_record_hash() {
    let s = typed();
    let other_name = NewSignature { typed_name: Some("Sam Signer".into()), ..s.clone() };
    assert!(!verify(&other_name).record);
    // a typed record passed off as drawn no longer verifies either
    let as_drawn = NewSignature { signature_method: SignatureMethod::Drawn, typed_name: None, ..s.clone() };
    assert!(!verify(&as_drawn).record);
    assert_ne!(record_sha256(&s), record_sha256(&drawn()));
}
