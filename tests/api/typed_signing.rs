//! Issue 15, accessible signing: a customer who cannot draw types their full name. The record
//! says TYPED and keeps the name as typed, and still verifies; a name that is not the
//! customer's, or a typed signature without its name, is refused and stores nothing; the
//! database itself holds the rule "typed exactly when TYPED".

use base64::Engine;
use diesel::prelude::*;
use frontdesk::db::ids::SignatureId;
use frontdesk::db::models::signature::NewSignature;
use frontdesk::db::schema::{agreement_signatures as sig, audit_events, lane_sessions};
use frontdesk::domain::enums::SignatureMethod;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{desk, pay};
use crate::support::TestDb;

/// What the kiosk sends for a typed name: a 600×200 white image with a dark band of "text".
fn typed_png() -> String {
    let mut img = image::RgbaImage::from_pixel(600, 200, image::Rgba([255, 255, 255, 255]));
    for x in 100..500 {
        for y in 90..110 {
            img.put_pixel(x, y, image::Rgba([17, 17, 17, 255]));
        }
    }
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgba8(img).write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Signatures, audit events and lane-1's session statuses: what a refusal must leave as it was.
fn snapshot(db: &TestDb) -> (i64, i64, Vec<String>) {
    let c = &mut db.conn();
    (
        sig::table.count().get_result(c).unwrap(),
        audit_events::table.count().get_result(c).unwrap(),
        lane_sessions::table.order(lane_sessions::created_at).select(lane_sessions::status).load(c).unwrap(),
    )
}

both_backends!(
    fn a_customer_signs_by_typing_their_name(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, agreement) = pay(&app, &desk, "José García", "STANDARD", "ES").await;
            // any case, spacing and accents: the customer's own name
            let body = json!({ "agreement_id": agreement, "consent": true, "method": "TYPED", "typed_name": "  jose   GARCIA ", "signature_png": typed_png() });
            let (status, signed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), body).await;
            assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");
            let id: SignatureId = signed["signature_id"].as_str().unwrap().parse().unwrap();
            let row = NewSignature::find(&mut db.conn(), id).unwrap().unwrap();
            assert_eq!((row.signature_method, row.typed_name.as_deref()), (SignatureMethod::Typed, Some("jose   GARCIA")));
            assert_eq!((row.customer_name.as_str(), row.signature_strokes_json.as_deref()), ("José García", None));
            // the detail names the method and the typed name, and the record verifies
            let (status, detail) = get(&app, &format!("/api/signatures/{id}"), Some(&desk.manager)).await;
            assert_eq!(status, 200, "{detail}");
            assert_eq!((detail["signature_method"].as_str(), detail["typed_name"].as_str()), (Some("TYPED"), Some("jose   GARCIA")));
            assert_eq!(detail["strokes"], Value::Null);
            assert_eq!(detail["verification"], json!({ "intact": true, "agreement_text": true, "consent_text": true, "signature_png": true, "record": true }));
            let (_, page) = get(&app, "/api/signatures", Some(&desk.manager)).await;
            assert_eq!(page["items"][0]["signature_method"], "TYPED", "{page}");
            // the certificate says how it was signed
            let (record, listing) = frontdesk::evidence::load(&mut db.conn(), id).unwrap();
            let pdf = frontdesk::evidence::certify(&record, &listing).bytes;
            let doc = lopdf::Document::load_mem(&pdf).unwrap();
            let text = doc.extract_text(&doc.get_pages().keys().copied().collect::<Vec<_>>()).unwrap();
            assert!(text.contains("typed: the customer typed their full name") && text.contains("jose GARCIA"), "{text}");
            // the database keeps the rule and the record's immutability
            let conn = &mut db.conn();
            let unnamed = NewSignature { id: SignatureId::new(), typed_name: None, record_sha256: "0".repeat(64), ..row.clone() };
            assert!(unnamed.insert(conn).is_err(), "TYPED without a typed name is refused by the database");
            let drawn_named = NewSignature { id: SignatureId::new(), signature_method: SignatureMethod::Drawn, record_sha256: "1".repeat(64), ..row.clone() };
            assert!(drawn_named.insert(conn).is_err(), "a typed name on a drawn signature is refused by the database");
            let changed = diesel::update(sig::table.find(id)).set(sig::typed_name.eq("Someone Else")).execute(conn);
            assert!(changed.is_err(), "a stored typed name cannot be changed");
        })
    }
);

both_backends!(
    fn typed_signing_refusals_store_nothing(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, agreement) = pay(&app, &desk, "Sam Signer", "LOCKER", "EN").await;
            let typed = |extra: Value| {
                let mut body = json!({ "agreement_id": agreement, "consent": true, "method": "TYPED", "signature_png": typed_png() });
                body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
                post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), body)
            };
            let cases = [
                (json!({ "typed_name": "Sam Singer" }), "TYPED_NAME_MISMATCH", "typed_name"),
                (json!({ "typed_name": "Sam" }), "TYPED_NAME_MISMATCH", "typed_name"),
                (json!({}), "VALIDATION_FAILED", "typed_name"),
                (json!({ "typed_name": " S " }), "VALIDATION_FAILED", "typed_name"),
                (json!({ "typed_name": "Sam Signer", "method": "DRAWN" }), "VALIDATION_FAILED", "typed_name"),
                (json!({ "typed_name": "Sam Signer", "strokes": crate::strokes() }), "VALIDATION_FAILED", "strokes"),
                (json!({ "typed_name": "Sam Signer", "signature_png": null }), "SIGNATURE_MISSING", "signature"),
            ];
            for (extra, code, field) in cases {
                let before = snapshot(db);
                let (status, body) = typed(extra.clone()).await;
                assert_eq!((status, body["error"]["code"].as_str(), body["error"]["details"]["field"].as_str()), (400, Some(code), Some(field)), "{extra}: {body}");
                assert!(body["error"]["message"].is_string());
                assert_eq!(snapshot(db), before, "{extra} stored nothing");
            }
            let (status, body) = typed(json!({ "method": "SCRIBBLED", "typed_name": "Sam Signer" })).await;
            assert_eq!(status, 400, "{body}");
            // the customer's own name is then accepted
            let (status, signed) = typed(json!({ "typed_name": "sam signer" })).await;
            assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");
        })
    }
);
