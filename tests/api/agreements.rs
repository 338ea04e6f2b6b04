//! Agreement versions: a manager drafts, edits and (after a fresh step-up) activates a version;
//! a signed version never changes; a kiosk still showing the old text cannot sign it; the
//! register sees that a returning customer last signed an older version.

use actix_web::http::Method;
use diesel::prelude::*;
use frontdesk::db::ids::{AgreementId, CustomerId};
use frontdesk::db::schema::{agreement_signatures, agreements, audit_events};
use frontdesk::domain::enums::Language;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::support::{TestDb, fixtures as fx};

fn draft_body(language: &str, body: &str) -> Value {
    json!({ "language": language, "title": "House rules", "body_text": body, "consent_text": "I have read and agree." })
}

fn text_body(body: &str) -> Value {
    json!({ "title": "House rules", "body_text": body, "consent_text": "I have read and agree." })
}

/// `(version, active, body_sha256)` of every EN version, by version.
fn en_rows(db: &TestDb) -> Vec<(i32, bool, String)> {
    agreements::table
        .filter(agreements::language.eq(Language::En))
        .order(agreements::version.asc())
        .select((agreements::version, agreements::active, agreements::body_sha256))
        .load(&mut db.conn())
        .unwrap()
}

/// `(action, summary)` of the agreement audit events, oldest first.
fn agreement_audit(db: &TestDb) -> Vec<(String, Value)> {
    let rows: Vec<(String, String)> = audit_events::table
        .filter(audit_events::entity_type.eq("agreement"))
        .filter(audit_events::actor_type.ne("SYSTEM"))
        .order(audit_events::seq.asc())
        .select((audit_events::action, audit_events::summary_json))
        .load(&mut db.conn())
        .unwrap();
    rows.into_iter().map(|(a, s)| (a, serde_json::from_str(&s).unwrap())).collect()
}

fn en_v1(db: &TestDb) -> AgreementId {
    agreements::table
        .filter(agreements::language.eq(Language::En).and(agreements::version.eq(1)))
        .select(agreements::id)
        .first(&mut db.conn())
        .unwrap()
}

both_backends!(
    fn a_manager_drafts_edits_and_activates_with_a_fresh_step_up(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = login(&app, "manager", "111111").await;
            let (status, list) = get(&app, "/api/agreements", Some(&manager)).await;
            assert_eq!(status, 200, "{list}");
            let seen: Vec<_> = list.as_array().unwrap().iter().map(|v| (v["language"].clone(), v["version"].clone(), v["active"].clone(), v["editable"].clone())).collect();
            assert_eq!(seen, [(json!("EN"), json!(1), json!(true), json!(false)), (json!("ES"), json!(1), json!(true), json!(false))]);
            // staff may not look
            let alex = login(&app, "alex", "222222").await;
            let (status, body) = get(&app, "/api/agreements", Some(&alex)).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("MANAGER_REQUIRED")));

            let (status, drafted) = post(&app, "/api/agreements", Some(&manager), draft_body("EN", "Rules, second edition.\n\n1. Be kind.")).await;
            assert_eq!(status, 201, "{drafted}");
            assert_eq!((drafted["version"].as_i64(), drafted["active"].as_bool(), drafted["editable"].as_bool(), drafted["signatures"].as_i64()), (Some(2), Some(false), Some(true), Some(0)));
            let v2 = drafted["id"].as_str().unwrap().to_owned();

            let (status, edited) = call(&app, Method::PUT, &format!("/api/agreements/{v2}"), Some(&manager), Some(text_body("Rules, second edition.\n\n1. Be kind.\n2. Be quiet."))).await;
            assert_eq!(status, 200, "{edited}");
            assert_eq!(edited["body_text"], "Rules, second edition.\n\n1. Be kind.\n2. Be quiet.");
            assert_eq!(edited["body_sha256"].as_str(), Some(frontdesk::db::models::agreement::sha256_hex("Rules, second edition.\n\n1. Be kind.\n2. Be quiet.").as_str()));
            assert_ne!(edited["body_sha256"], drafted["body_sha256"]);

            // the active version is not edited, even unsigned
            let before = en_rows(db);
            let (status, body) = call(&app, Method::PUT, &format!("/api/agreements/{}", en_v1(db)), Some(&manager), Some(text_body("Other"))).await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("AGREEMENT_ACTIVE")), "{body}");

            // activation needs the PIN again
            let (status, body) = post(&app, &format!("/api/agreements/{v2}/activate"), Some(&manager), json!({})).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")), "{body}");
            assert_eq!(en_rows(db), before, "refusals change nothing");

            step_up(&app, &manager, "111111").await;
            let (status, active) = post(&app, &format!("/api/agreements/{v2}/activate"), Some(&manager), json!({})).await;
            assert_eq!((status, active["active"].as_bool(), active["editable"].as_bool()), (200, Some(true), Some(false)), "{active}");
            assert!(active["activated_at"].is_string());
            let rows: Vec<_> = en_rows(db).into_iter().map(|(v, a, _)| (v, a)).collect();
            assert_eq!(rows, [(1, false), (2, true)]);
            // again: nothing changes, no second audit event
            assert_eq!(post(&app, &format!("/api/agreements/{v2}/activate"), Some(&manager), json!({})).await.0, 200);

            let (_, list) = get(&app, "/api/agreements", Some(&manager)).await;
            let en: Vec<_> = list.as_array().unwrap().iter().filter(|v| v["language"] == "EN").map(|v| (v["version"].clone(), v["active"].clone(), v["editable"].clone())).collect();
            assert_eq!(en, [(json!(2), json!(true), json!(false)), (json!(1), json!(false), json!(true))], "newest first; unsigned v1 is editable again");

            let audit = agreement_audit(db);
            let actions: Vec<_> = audit.iter().map(|(a, _)| a.as_str()).collect();
            assert_eq!(actions, ["AGREEMENT_DRAFTED", "AGREEMENT_EDITED", "AGREEMENT_ACTIVATED"]);
            assert_eq!((&audit[0].1["language"], &audit[0].1["version"]), (&json!("EN"), &json!(2)));
            assert_eq!(audit[1].1["to_body_sha256"], edited["body_sha256"]);
            assert_eq!((&audit[2].1["from_version"], &audit[2].1["to_version"]), (&json!(1), &json!(2)));
        })
    }
);

both_backends!(
    fn drafts_are_validated(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = login(&app, "manager", "111111").await;
            let cases = [
                (json!({ "language": "EN", "title": "", "body_text": "x", "consent_text": "I agree." }), "title"),
                (json!({ "language": "EN", "title": "T".repeat(201), "body_text": "x", "consent_text": "I agree." }), "title"),
                (json!({ "language": "EN", "title": "T", "body_text": "a\u{0}b", "consent_text": "I agree." }), "body_text"),
                (json!({ "language": "EN", "title": "T", "body_text": "x".repeat(100_001), "consent_text": "I agree." }), "body_text"),
                (json!({ "language": "EN", "title": "T", "body_text": "x", "consent_text": "line\nbreak" }), "consent_text"),
                (json!({ "language": "EN", "title": "T", "body_text": "x", "consent_text": "c".repeat(501) }), "consent_text"),
            ];
            for (body, field) in cases {
                let (status, answer) = post(&app, "/api/agreements", Some(&manager), body).await;
                assert_eq!((status, answer["error"]["details"]["field"].as_str()), (400, Some(field)), "{answer}");
            }
            // a long text with tabs and line breaks is fine
            let long = "Clause\twith a tab.\n".repeat(5000);
            assert_eq!(post(&app, "/api/agreements", Some(&manager), draft_body("ES", &long)).await.0, 201);
            assert_eq!(en_rows(db).len(), 1, "no EN draft was stored");
        })
    }
);

/// A signature of `agreement` by a new customer (its id).
fn signed_by_someone(db: &TestDb, agreement: AgreementId) -> CustomerId {
    let conn = &mut db.conn();
    let sig = fx::signature(conn, agreement, "Agreement text v1", &"0".repeat(64)).unwrap();
    agreement_signatures::table.find(sig).select(agreement_signatures::customer_id).first(conn).unwrap()
}

both_backends!(
    fn a_signed_version_is_never_edited(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let v1 = en_v1(db);
            signed_by_someone(db, v1);
            let (_, list) = get(&app, "/api/agreements", Some(&manager)).await;
            let row = list.as_array().unwrap().iter().find(|v| v["id"] == json!(v1)).unwrap().clone();
            assert_eq!((row["signatures"].as_i64(), row["editable"].as_bool()), (Some(1), Some(false)));
            let (_, v2) = post(&app, "/api/agreements", Some(&manager), draft_body("EN", "Second edition.")).await;
            assert_eq!(post(&app, &format!("/api/agreements/{}/activate", v2["id"].as_str().unwrap()), Some(&manager), json!({})).await.0, 200);
            // v1 is inactive now but signed: refused, unchanged, not audited
            let (before, audit) = (en_rows(db), agreement_audit(db).len());
            let (status, body) = call(&app, Method::PUT, &format!("/api/agreements/{v1}"), Some(&manager), Some(text_body("Rewritten history."))).await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("AGREEMENT_SIGNED")), "{body}");
            assert_eq!(en_rows(db), before);
            assert_eq!(agreement_audit(db).len(), audit);
            let text: String = agreements::table.find(v1).select(agreements::body_text).first(&mut db.conn()).unwrap();
            assert_ne!(text, "Rewritten history.");
            // a signed version may be made active again (a rollback): only its text is frozen
            assert_eq!(post(&app, &format!("/api/agreements/{v1}/activate"), Some(&manager), json!({})).await.0, 200);
            assert_eq!(en_rows(db).into_iter().map(|(v, a, _)| (v, a)).collect::<Vec<_>>(), [(1, true), (2, false)]);
        })
    }
);

/// Signs lane-1's register and kiosk in; returns (register, kiosk, manager) tokens.
async fn desk<S, B>(app: &S) -> (String, String, String)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let manager = manager(app).await;
    let kiosk = pair_kiosk(app, &manager, "lane-1").await;
    let register = login(app, "alex", "222222").await;
    assert_eq!(sign_in_register(app, &register, "lane-1", "register-1").await.0, 200);
    (register, kiosk, manager)
}

both_backends!(
    fn a_kiosk_showing_the_old_text_cannot_sign_it(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk, manager) = desk(&app).await;
            let who = fx::customer(&mut db.conn(), "Rita Reader");
            assert_eq!(post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": who })).await.0, 201);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "EN" })).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "STANDARD" })).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/confirm", Some(&kiosk), json!({})).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/payment", Some(&register), json!({ "method": "CASH" })).await.0, 200);
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            let (shown, rev) = (view["data"]["agreement"]["id"].clone(), view["rev"].as_i64().unwrap());

            let (_, v2) = post(&app, "/api/agreements", Some(&manager), draft_body("EN", "Second edition.")).await;
            assert_eq!(post(&app, &format!("/api/agreements/{}/activate", v2["id"].as_str().unwrap()), Some(&manager), json!({})).await.0, 200);
            // the lane moved on and its kiosk reads the new text
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            assert!(view["rev"].as_i64().unwrap() > rev);
            assert_eq!((&view["data"]["agreement"]["id"], &view["data"]["agreement"]["version"]), (&v2["id"], &json!(2)));

            let signatures = || agreement_signatures::table.count().get_result::<i64>(&mut db.conn()).unwrap();
            let before = signatures();
            let (status, body) = post(&app, "/api/lanes/lane-1/session/sign", Some(&kiosk), json!({ "agreement_id": shown, "consent": true, "strokes": crate::strokes() })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("AGREEMENT_CHANGED")), "{body}");
            assert_eq!(body["error"]["details"]["agreement_id"], v2["id"]);
            assert_eq!(signatures(), before);
        })
    }
);

both_backends!(
    fn the_register_sees_a_returning_customer_signed_an_older_version(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk, manager) = desk(&app).await;
            let returning = signed_by_someone(db, en_v1(db));
            let first_timer = fx::customer(&mut db.conn(), "Nia New");
            let (_, v2) = post(&app, "/api/agreements", Some(&manager), draft_body("EN", "Second edition.")).await;
            assert_eq!(post(&app, &format!("/api/agreements/{}/activate", v2["id"].as_str().unwrap()), Some(&manager), json!({})).await.0, 200);

            assert_eq!(post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": returning })).await.0, 201, "a returning customer");
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            let last = &view["data"]["session"]["last_signed"];
            assert_eq!(
                (&last["version"], &last["language"], &last["current_version"], &last["current_language"], &last["older"]),
                (&json!(1), &json!("EN"), &json!(2), &json!("EN"), &json!(true)),
                "{last}"
            );
            assert_eq!(last["signed_at"], json!(fx::at(2)));
            // register only
            let (_, kview) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            assert!(!kview.to_string().contains("last_signed"), "{kview}");
            // choosing Spanish compares with the Spanish version they will read (v1 there)
            assert_eq!(post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "ES" })).await.0, 200);
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            let last = &view["data"]["session"]["last_signed"];
            assert_eq!((&last["current_version"], &last["current_language"], &last["older"]), (&json!(1), &json!("ES"), &json!(true)));

            assert_eq!(post(&app, "/api/lanes/lane-1/session/cancel", Some(&register), json!({ "reason": "Next customer" })).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&register), json!({})).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": first_timer })).await.0, 201);
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            assert_eq!(view["data"]["session"]["last_signed"], Value::Null, "a first visit");
        })
    }
);
