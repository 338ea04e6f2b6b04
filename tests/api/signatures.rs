//! `GET /api/signatures` and `/api/signatures/{id}`: the managers' list with its filters and
//! cursor, the detail with a fresh verification, and the audit event every detail view writes.

use base64::Engine;
use chrono::Duration;
use diesel::prelude::*;
use frontdesk::db::BackendKind;
use frontdesk::db::schema::{agreement_signatures as sig, agreements, audit_events, staff};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, check_in, desk, pay};
use crate::support::TestDb;

/// Three finished check-ins a minute apart, the last one in the club's evening (2026-11-20
/// 21:02 in Chicago = 2026-11-21 03:02 UTC). Returns their signature ids, oldest first.
async fn three_signed<S, B>(app: &S, clock: &frontdesk::clock::ManualClock, desk: &Desk) -> Vec<Value>
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let mut ids = Vec::new();
    for (i, (name, rental, language)) in
        [("Ana Uno", "STANDARD", "EN"), ("Bea Dos", "LOCKER", "ES"), ("Cy Tres", "STANDARD", "EN")].into_iter().enumerate()
    {
        clock.advance(if i == 2 { Duration::hours(9) } else { Duration::minutes(1) });
        let (_, signed) = check_in(app, desk, name, rental, language).await;
        ids.push(signed["signature_id"].clone());
    }
    ids
}

fn names(page: &Value) -> Vec<&str> {
    page["items"].as_array().unwrap().iter().map(|i| i["customer_name"].as_str().unwrap()).collect()
}

fn alex_id(db: &TestDb) -> String {
    staff::table.filter(staff::login.eq("alex")).select(staff::id).first::<frontdesk::db::ids::StaffId>(&mut db.conn()).unwrap().to_string()
}

both_backends!(
    fn the_list_shows_each_signature_newest_first_with_its_unit(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = three_signed(&app, &clock, &desk).await;
            let (_, kiosk) = get(&app, "/api/device", Some(&desk.kiosk)).await;
            let (status, page) = get(&app, "/api/signatures", Some(&desk.manager)).await;
            assert_eq!(status, 200, "{page}");
            assert_eq!(names(&page), ["Cy Tres", "Bea Dos", "Ana Uno"]);
            assert_eq!(page["next_cursor"], Value::Null);
            let bea = &page["items"][1];
            let (locker, signed_at): (Option<String>, frontdesk::db::sql_types::Ts) = {
                let conn = &mut db.conn();
                let at = sig::table.filter(sig::customer_name.eq("Bea Dos")).select(sig::signed_at).first(conn).unwrap();
                let number = frontdesk::db::schema::lockers::table
                    .filter(frontdesk::db::schema::lockers::status.eq("OCCUPIED"))
                    .select(frontdesk::db::schema::lockers::number)
                    .first(conn)
                    .optional()
                    .unwrap();
                (number, at)
            };
            let title: String = agreements::table.filter(agreements::language.eq("ES").and(agreements::active.eq(true))).select(agreements::title).first(&mut db.conn()).unwrap();
            assert_eq!(
                bea,
                &json!({
                    "id": ids[1], "signed_at": signed_at.0, "customer_name": "Bea Dos", "membership_number": null,
                    "agreement_title": title, "agreement_version": 1, "language": "ES",
                    "lane_id": "lane-1", "staff_id": alex_id(db), "staff_name": "Alex Staff",
                    "device_id": kiosk["id"], "device_name": "lane-1 kiosk", "signature_method": "DRAWN",
                    "unit": { "kind": "LOCKER", "number": locker.unwrap() },
                    "intact": true,
                })
            );
            assert_eq!(page["items"][0]["unit"]["kind"], "ROOM");
            // staff who are not managers see none of it
            for path in ["/api/signatures".to_owned(), format!("/api/signatures/{}", ids[0].as_str().unwrap())] {
                let (status, refused) = get(&app, &path, Some(&desk.register)).await;
                assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("MANAGER_REQUIRED")), "{path}");
            }
        })
    }
);

both_backends!(
    fn filters_narrow_the_list_and_bad_values_name_their_parameter(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            three_signed(&app, &clock, &desk).await;
            let (_, kiosk) = get(&app, "/api/device", Some(&desk.kiosk)).await;
            let alex = alex_id(db);
            let other = uuid::Uuid::now_v7();
            let cases: Vec<(String, Vec<&str>)> = vec![
                ("customer=bea".into(), vec!["Bea Dos"]),
                ("customer=%20TRES%20".into(), vec!["Cy Tres"]),
                ("customer=nobody".into(), vec![]),
                ("lane=lane-1".into(), vec!["Cy Tres", "Bea Dos", "Ana Uno"]),
                ("lane=lane-2".into(), vec![]),
                ("language=ES".into(), vec!["Bea Dos"]),
                ("agreement_version=1&language=EN".into(), vec!["Cy Tres", "Ana Uno"]),
                ("agreement_version=2".into(), vec![]),
                (format!("staff={alex}"), vec!["Cy Tres", "Bea Dos", "Ana Uno"]),
                (format!("staff={other}"), vec![]),
                (format!("device={}", kiosk["id"].as_str().unwrap()), vec!["Cy Tres", "Bea Dos", "Ana Uno"]),
                (format!("device={other}"), vec![]),
                // dates are the club's (Chicago): the last one was signed on the 20th locally
                ("from=2026-11-20&to=2026-11-20".into(), vec!["Cy Tres", "Bea Dos", "Ana Uno"]),
                ("from=2026-11-21".into(), vec![]),
                ("to=2026-11-19".into(), vec![]),
                ("from=&to=&customer=&lane=".into(), vec!["Cy Tres", "Bea Dos", "Ana Uno"]),
            ];
            for (query, expected) in cases {
                let (status, page) = get(&app, &format!("/api/signatures?{query}"), Some(&desk.manager)).await;
                assert_eq!(status, 200, "{query}: {page}");
                assert_eq!(names(&page), expected, "{query}");
            }
            let bad = [
                ("from=2026-13-01", "from"), ("to=yesterday", "to"), ("from=2026-11-21&to=2026-11-20", "to"),
                ("lane=lane-01", "lane"), ("language=FR", "language"), ("agreement_version=one", "agreement_version"),
                ("agreement_version=0", "agreement_version"), ("staff=alex", "staff"), ("device=123", "device"),
                ("limit=0", "limit"), ("limit=101", "limit"), ("limit=ten", "limit"), ("cursor=not-a-cursor", "cursor"),
                ("unit=12345678901", "unit"),
            ];
            for (query, field) in bad {
                let (status, body) = get(&app, &format!("/api/signatures?{query}"), Some(&desk.manager)).await;
                assert_eq!((status, body["error"]["code"].as_str(), body["error"]["details"]["field"].as_str()), (400, Some("VALIDATION_FAILED"), Some(field)), "{query}: {body}");
            }
        })
    }
);

both_backends!(
    fn the_cursor_pages_through_every_signature_once(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            three_signed(&app, &clock, &desk).await;
            // signed at the very same instant as Cy: the id breaks the tie
            check_in(&app, &desk, "Di Cuatro", "LOCKER", "EN").await;
            let all = vec!["Di Cuatro", "Cy Tres", "Bea Dos", "Ana Uno"];
            for (limit, filter, expected) in [(1, "", all.clone()), (2, "", all.clone()), (3, "", all), (1, "&language=EN", vec!["Di Cuatro", "Cy Tres", "Ana Uno"])] {
                let (mut seen, mut cursor, mut pages) = (Vec::new(), None::<String>, 0);
                loop {
                    let after = cursor.as_ref().map(|c| format!("&cursor={c}")).unwrap_or_default();
                    let (status, page) = get(&app, &format!("/api/signatures?limit={limit}{filter}{after}"), Some(&desk.manager)).await;
                    assert_eq!(status, 200, "{page}");
                    assert!(page["items"].as_array().unwrap().len() <= limit);
                    seen.extend(names(&page).into_iter().map(str::to_owned));
                    pages += 1;
                    match page["next_cursor"].as_str() {
                        Some(next) => cursor = Some(next.to_owned()),
                        None => break,
                    }
                }
                assert_eq!(seen, expected, "limit {limit}{filter}");
                assert_eq!(pages, expected.len().div_ceil(limit), "no empty last page");
            }
        })
    }
);

both_backends!(
    fn the_detail_verifies_the_record_and_its_viewing_is_audited(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = three_signed(&app, &clock, &desk).await;
            let id = ids[2].as_str().unwrap();
            let (_, list) = get(&app, "/api/signatures?limit=1", Some(&desk.manager)).await;
            let (status, detail) = get(&app, &format!("/api/signatures/{id}"), Some(&desk.manager)).await;
            assert_eq!(status, 200, "{detail}");
            for (key, value) in list["items"][0].as_object().unwrap() {
                assert_eq!(&detail[key], value, "{key} as in the list");
            }
            let conn = &mut db.conn();
            type Stored = (String, String, String, String, String, Option<frontdesk::db::ids::BlockId>, Option<frontdesk::db::ids::PaymentIntentId>, String, bool);
            let (text, consent, text_sha, png_sha, record_sha, block, intent, method, dob_verified): Stored = sig::table
                .find(frontdesk::db::ids::SignatureId(id.parse().unwrap()))
                .select((sig::agreement_text_snapshot, sig::consent_text, sig::agreement_text_sha256, sig::signature_png_sha256, sig::record_sha256, sig::checkin_block_id, sig::payment_intent_id, sig::identity_method, sig::dob_verified))
                .first(conn)
                .unwrap();
            assert_eq!((detail["agreement_text"].as_str(), detail["consent_text"].as_str()), (Some(text.as_str()), Some(consent.as_str())));
            let png = detail["signature_png"].as_str().unwrap().strip_prefix("data:image/png;base64,").expect("a PNG data URL");
            let png = base64::engine::general_purpose::STANDARD.decode(png).unwrap();
            assert_eq!(hex::encode(Sha256::digest(&png)), png_sha);
            assert_eq!(detail["strokes"]["strokes"].as_array().map(Vec::len), Some(2));
            assert_eq!(detail["strokes"]["width"], 600.0);
            assert_eq!((detail["signature_method"].as_str(), &detail["typed_name"]), (Some("DRAWN"), &Value::Null));
            assert_eq!(
                detail["hashes"],
                json!({ "agreement_text_sha256": text_sha, "consent_text_sha256": hex::encode(Sha256::digest(consent.as_bytes())), "signature_png_sha256": png_sha, "record_sha256": record_sha })
            );
            let signed_at = &detail["signed_at"];
            assert_eq!(detail["timeline"], json!({ "agreement_shown_at": signed_at, "consent_at": signed_at, "signed_at": signed_at }));
            assert_eq!(detail["attribution"]["identity_method"], method);
            assert_eq!(detail["attribution"]["dob_verified"], dob_verified);
            assert_eq!(detail["attribution"]["lane_session_id"].as_str().map(str::len), Some(36));
            assert_eq!(detail["stay"]["checkin_block_id"], json!(block.unwrap()));
            assert_eq!((detail["stay"]["rental_type"].as_str(), &detail["stay"]["starts_at"]), (Some("STANDARD"), signed_at));
            assert_eq!(detail["payment_intent_id"], json!(intent.unwrap()));
            assert_eq!(detail["verification"], json!({ "intact": true, "agreement_text": true, "consent_text": true, "signature_png": true, "record": true }));
            assert_eq!(detail["agreement_id"].as_str().map(str::len), Some(36));

            let manager_id = get(&app, "/api/auth/me", Some(&desk.manager)).await.1["staff"]["id"].clone();
            type Event = (String, Option<String>, Option<String>, Option<String>, String);
            let viewed: Vec<Event> = audit_events::table
                .filter(audit_events::action.eq("SIGNATURE_VIEWED"))
                .select((audit_events::actor_type, audit_events::actor_id, audit_events::entity_type, audit_events::entity_id, audit_events::summary_json))
                .load(conn)
                .unwrap();
            assert_eq!(viewed.len(), 1);
            let (actor_type, actor_id, entity_type, entity_id, summary) = &viewed[0];
            assert_eq!((actor_type.as_str(), actor_id.as_ref(), entity_type.as_deref(), entity_id.as_deref()), ("STAFF", manager_id.as_str().map(str::to_owned).as_ref(), Some("agreement_signature"), Some(id)));
            assert_eq!(serde_json::from_str::<Value>(summary).unwrap(), json!({ "record_sha256": record_sha, "intact": true }));
            let (_, chain) = get(&app, "/api/audit/verify", Some(&desk.manager)).await;
            assert_eq!(chain["status"], "intact");

            // an unknown id is 404 and writes nothing; a malformed one is 400
            let (status, missing) = get(&app, &format!("/api/signatures/{}", uuid::Uuid::now_v7()), Some(&desk.manager)).await;
            assert_eq!((status, missing["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
            let (status, _) = get(&app, "/api/signatures/not-a-uuid", Some(&desk.manager)).await;
            assert_eq!(status, 400);
            let views: i64 = audit_events::table.filter(audit_events::action.eq("SIGNATURE_VIEWED")).count().get_result(conn).unwrap();
            assert_eq!(views, 1);
        })
    }
);

both_backends!(
    fn a_tampered_text_fails_verification(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = three_signed(&app, &clock, &desk).await;
            let id = ids[0].as_str().unwrap();
            // bypass the immutability trigger the way someone with database access could
            let update = format!("UPDATE agreement_signatures SET agreement_text_snapshot = 'Nothing to see.' WHERE id = '{id}'");
            let tamper: Vec<String> = match db.backend {
                BackendKind::Postgres => vec![
                    "ALTER TABLE agreement_signatures DISABLE TRIGGER agreement_signatures_immutable".into(),
                    update,
                    "ALTER TABLE agreement_signatures ENABLE TRIGGER agreement_signatures_immutable".into(),
                ],
                BackendKind::Sqlite => vec!["DROP TRIGGER agreement_signatures_no_update".into(), update],
            };
            for sql in tamper {
                diesel::sql_query(sql).execute(&mut db.conn()).unwrap();
            }
            let (_, detail) = get(&app, &format!("/api/signatures/{id}"), Some(&desk.manager)).await;
            assert_eq!(detail["verification"], json!({ "intact": false, "agreement_text": false, "consent_text": true, "signature_png": true, "record": true }));
        })
    }
);

both_backends!(
    fn a_consent_time_finer_than_a_microsecond_still_verifies(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, agreement) = pay(&app, &desk, "Nano Consent", "LOCKER", "EN").await;
            assert_eq!(post(&app, "/api/lanes/lane-1/session/agreement-shown", Some(&desk.kiosk), json!({})).await.0, 200);
            clock.advance(Duration::minutes(1));
            // a browser clock with nanoseconds, between "shown" and "signed"
            let sign = json!({ "agreement_id": agreement, "consent": true, "consent_at": "2026-11-20T18:00:30.123456789Z", "strokes": crate::strokes() });
            let (status, signed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
            assert_eq!(status, 200, "{signed}");
            let (_, detail) = get(&app, &format!("/api/signatures/{}", signed["signature_id"].as_str().unwrap()), Some(&desk.manager)).await;
            assert_eq!(detail["verification"]["intact"], true, "{}", detail["verification"]);
            assert_eq!(detail["timeline"]["consent_at"], "2026-11-20T18:00:30.123456Z");
        })
    }
);

both_backends!(
    fn a_unit_assigned_after_a_lost_hold_is_the_signatures_stay(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, agreement) = pay(&app, &desk, "Lou Lost", "STANDARD", "EN").await;
            // the held room goes out of order before the customer signs
            diesel::update(frontdesk::db::schema::rooms::table.filter(frontdesk::db::schema::rooms::number.eq("200")))
                .set(frontdesk::db::schema::rooms::status.eq("OUT_OF_ORDER"))
                .execute(&mut db.conn())
                .unwrap();
            let sign = json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() });
            let (_, signed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
            assert_eq!(signed["status"], "AWAITING_ASSIGNMENT", "{signed}");
            let (_, page) = get(&app, "/api/signatures", Some(&desk.manager)).await;
            assert_eq!(page["items"][0]["unit"], Value::Null, "no stay yet");
            assert_eq!(post(&app, "/api/lanes/lane-1/session/assign", Some(&desk.register), json!({ "number": "202" })).await.0, 200);
            let (_, page) = get(&app, "/api/signatures?unit=202", Some(&desk.manager)).await;
            assert_eq!(page["items"].as_array().map(Vec::len), Some(1), "{page}");
            assert_eq!(page["items"][0]["unit"], json!({ "kind": "ROOM", "number": "202" }));
            let (_, detail) = get(&app, &format!("/api/signatures/{}", signed["signature_id"].as_str().unwrap()), Some(&desk.manager)).await;
            assert_eq!((detail["stay"]["rental_type"].as_str(), detail["verification"]["intact"].as_bool()), (Some("STANDARD"), Some(true)), "{detail}");
        })
    }
);
