//! The "signed agreement + certificate" PDF of one signature (spec/evidence.md): the agreement
//! text as signed, the signature image, attribution, timeline, the stay it authorised, every
//! hash and the verification at issue. A pure function of the stored facts: the same record
//! gives the same bytes (no clock, no configuration, times in UTC), so the file's SHA-256 is
//! stable and can be published.
//!
//! The PDF carries the exact stored bytes as attachments (`agreement.txt`, `consent.txt`,
//! `signature.png`, `strokes.json`, `record.json`): anyone can check the hashes it prints with
//! `sha256sum` and no access to our server; `record.json` is the canonical form whose SHA-256
//! is the record hash.

use crate::checkin::evidence::{Verification, canonical};
use crate::db::models::signature::NewSignature;
use crate::db::models::signature_listing::Listing;
use crate::db::sql_types::Ts;
use crate::domain::enums::SignatureMethod;
use crate::domain::signature::sha256_hex;
use crate::evidence::pdf::{Attachment, Document, Face, Meta, Picture};

/// The Info key that names the signature a certificate is for (how an uploaded file is
/// matched to its record).
pub const SIGNATURE_KEY: &[u8] = b"FrontdeskSignature";

/// Everything a certificate shows.
pub struct Facts<'a> {
    /// the stored record
    pub record: &'a NewSignature,
    /// names and the stay, as the list shows them
    pub listing: &'a Listing,
    /// the record's hashes recomputed now
    pub verification: Verification,
}

/// A generated certificate: its bytes and their SHA-256.
pub struct Certificate {
    /// the PDF
    pub bytes: Vec<u8>,
    /// SHA-256 of the PDF (lower-case hex)
    pub sha256: String,
    /// whether the record verified when it was made (what the certificate states)
    pub intact: bool,
}

fn utc(ts: &Ts) -> String {
    ts.0.format("%Y-%m-%d %H:%M:%S%.3f UTC").to_string()
}

fn or_none(value: Option<String>) -> String {
    value.unwrap_or_else(|| "none recorded".to_owned())
}

/// Generates the certificate of a signature.
pub fn generate(f: &Facts) -> Certificate {
    let r = f.record;
    let mut doc = Document::new();
    doc.heading(17.0, "Signed agreement and signature certificate");
    doc.row("Signature", Face::Mono, &r.id.to_string());
    doc.row("Record SHA-256", Face::Mono, &r.record_sha256);
    verification(&mut doc, f.verification);
    signer(&mut doc, r);
    mark(&mut doc, r);
    attribution(&mut doc, f);
    timeline(&mut doc, r);
    stay(&mut doc, f);
    hashes(&mut doc, r);
    offline(&mut doc);
    agreement(&mut doc, r);
    let meta = Meta {
        title: format!("Signed agreement: {} (v{}, {})", r.agreement_title, r.agreement_version, r.language.as_str()),
        subject: format!("Signature {} by {}", r.id, r.customer_name),
        created: r.signed_at.0,
        file_id: hex::decode(&r.record_sha256).ok().filter(|b| b.len() == 32).map_or_else(|| vec![0; 16], |b| b[..16].to_vec()),
        keys: vec![(SIGNATURE_KEY, r.id.to_string()), (b"FrontdeskRecordSHA256", r.record_sha256.clone())],
        footer: format!("Signature {} · record {}", r.id, &r.record_sha256.get(..16).unwrap_or(&r.record_sha256)),
    };
    let bytes = doc.finish(&meta, &attachments(r));
    let sha256 = sha256_hex(&bytes);
    Certificate { bytes, sha256, intact: f.verification.intact }
}

fn verification(doc: &mut Document, v: Verification) {
    doc.heading(12.0, "Verification when this certificate was made");
    if v.intact {
        doc.paragraphs(Face::Regular, 10.0, "Every hash below was recomputed from the stored record and matches: the text, the consent sentence, the signature image and the record are as they were signed.");
        return;
    }
    let failed: Vec<&str> = [
        (v.agreement_text, "agreement text"),
        (v.consent_text, "consent sentence"),
        (v.signature_png, "signature image"),
        (v.record, "record"),
    ]
    .into_iter()
    .filter(|(ok, _)| !ok)
    .map(|(_, what)| what)
    .collect();
    doc.paragraphs(
        Face::Bold,
        11.0,
        &format!("VERIFICATION FAILED: the stored {} no longer match the hashes taken at signing. This record has been altered since it was signed.", failed.join(", ")),
    );
}

fn signer(doc: &mut Document, r: &NewSignature) {
    doc.heading(12.0, "Signer");
    doc.row("Name at signing", Face::Regular, &r.customer_name);
    doc.row("Membership number", Face::Regular, &or_none(r.membership_number.clone()));
    doc.row("Customer id", Face::Mono, &r.customer_id.to_string());
    doc.row("Identity established by", Face::Regular, r.identity_method.as_str());
    doc.row("Date of birth checked", Face::Regular, if r.dob_verified { "yes, against an ID" } else { "no" });
}

fn mark(doc: &mut Document, r: &NewSignature) {
    doc.heading(12.0, "Signature");
    match (r.signature_method, &r.typed_name) {
        (SignatureMethod::Typed, Some(name)) => {
            doc.row("Method", Face::Regular, "typed: the customer typed their full name and confirmed with a separate button");
            doc.row("Name as typed", Face::Regular, name);
        }
        _ => doc.row("Method", Face::Regular, "drawn by hand on the kiosk's screen"),
    }
    match Picture::from_png(&r.signature_png) {
        Some(picture) => doc.picture(picture, 260.0, 110.0),
        None => doc.row("Image", Face::Regular, "the stored image cannot be decoded"),
    }
}

fn attribution(doc: &mut Document, f: &Facts) {
    let r = f.record;
    doc.heading(12.0, "Attribution");
    doc.row("Employee hosting the lane", Face::Regular, &format!("{} ({})", f.listing.staff_name, r.staff_id));
    let device = r.device_id.map(|id| format!("{} ({id})", f.listing.device_name.clone().unwrap_or_default()));
    doc.row("Kiosk", Face::Regular, &or_none(device));
    doc.row("Lane", Face::Regular, &r.lane_id);
    doc.row("Lane session", Face::Mono, &r.lane_session_id.to_string());
    doc.row("Kiosk browser", Face::Regular, &or_none(r.user_agent.clone()));
    doc.row("Kiosk address", Face::Regular, &or_none(r.ip.clone()));
}

fn timeline(doc: &mut Document, r: &NewSignature) {
    doc.heading(12.0, "Timeline (server clock, UTC)");
    doc.row("Agreement shown", Face::Regular, &utc(&r.agreement_shown_at));
    doc.row("Consent ticked", Face::Regular, &utc(&r.consent_at));
    doc.row("Signed", Face::Regular, &utc(&r.signed_at));
}

fn stay(doc: &mut Document, f: &Facts) {
    let l = f.listing;
    doc.heading(12.0, "The stay it authorised");
    doc.row("Check-in block", Face::Mono, &or_none(l.block_id.map(|b| b.to_string())));
    if let (Some(rental), Some(starts), Some(ends)) = (l.rental_type, l.starts_at, l.ends_at) {
        let unit = l.room_number.as_ref().map(|n| format!("room {n}")).or_else(|| l.locker_number.as_ref().map(|n| format!("locker {n}")));
        doc.row("Rental", Face::Regular, &format!("{}, {}", rental.as_str(), or_none(unit)));
        doc.row("Block", Face::Regular, &format!("{} to {}", utc(&starts), utc(&ends)));
    }
    doc.row("Payment", Face::Mono, &or_none(f.record.payment_intent_id.map(|p| p.to_string())));
}

fn hashes(doc: &mut Document, r: &NewSignature) {
    doc.heading(12.0, "Hashes (SHA-256)");
    doc.row("Agreement text", Face::Mono, &r.agreement_text_sha256);
    doc.row("Consent sentence", Face::Mono, &r.consent_text_sha256);
    doc.row("Signature image", Face::Mono, &r.signature_png_sha256);
    let strokes = r.signature_strokes_json.as_deref().map(|j| sha256_hex(j.as_bytes()));
    doc.row("Drawn strokes", Face::Mono, &or_none(strokes));
    doc.row("Record", Face::Mono, &r.record_sha256);
}

fn offline(doc: &mut Document) {
    doc.heading(12.0, "Checking this file without our server");
    doc.paragraphs(
        Face::Regular,
        9.0,
        "This PDF carries the stored bytes as attached files: agreement.txt (the text shown), consent.txt (the consent sentence), signature.png (the image), strokes.json (the drawn strokes, when recorded) and record.json (the record in canonical form, with the other files entered by their SHA-256). The SHA-256 of each attachment (for example with sha256sum) equals the hash printed above; the SHA-256 of record.json is the record hash. Text on these pages is set in a basic font; where a character cannot be shown it appears as ?, and the attachment holds it exactly.",
    );
}

fn agreement(doc: &mut Document, r: &NewSignature) {
    doc.heading(12.0, "The agreement as signed");
    doc.row("Title", Face::Regular, &r.agreement_title);
    doc.row("Version and language", Face::Regular, &format!("version {}, {}", r.agreement_version, r.language.as_str()));
    doc.gap(6.0);
    doc.paragraphs(Face::Regular, 9.5, &r.agreement_text_snapshot);
    doc.heading(11.0, "Consent sentence ticked");
    doc.paragraphs(Face::Regular, 9.5, &r.consent_text);
}

fn attachments(r: &NewSignature) -> Vec<Attachment> {
    let mut files = vec![
        Attachment {
            name: "agreement.txt",
            mime: b"text/plain",
            description: "The agreement text shown (UTF-8)",
            bytes: r.agreement_text_snapshot.as_bytes().to_vec(),
        },
        Attachment {
            name: "consent.txt",
            mime: b"text/plain",
            description: "The consent sentence shown (UTF-8)",
            bytes: r.consent_text.as_bytes().to_vec(),
        },
        Attachment {
            name: "record.json",
            mime: b"application/json",
            description: "The record in canonical form",
            bytes: canonical(r).into_bytes(),
        },
        Attachment { name: "signature.png", mime: b"image/png", description: "The signature image", bytes: r.signature_png.clone() },
    ];
    if let Some(strokes) = &r.signature_strokes_json {
        files.push(Attachment {
            name: "strokes.json",
            mime: b"application/json",
            description: "The drawn strokes",
            bytes: strokes.as_bytes().to_vec(),
        });
    }
    files
}

/// The signature a PDF's Info dictionary names, when it names one (`None` otherwise).
pub fn named_signature(pdf: &[u8]) -> Option<uuid::Uuid> {
    let key = [b"/".as_slice(), SIGNATURE_KEY, b" ("].concat();
    let at = pdf.windows(key.len()).position(|w| w == key.as_slice())? + key.len();
    let id = std::str::from_utf8(pdf.get(at..at + 36)?).ok()?;
    id.parse().ok()
}
