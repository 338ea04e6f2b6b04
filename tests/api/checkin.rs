//! Check-in refusals: each has its code and changes nothing. Also the lost hold, and
//! identification by ID scan.

use diesel::prelude::*;
use frontdesk::db::ids::CustomerId;
use frontdesk::db::schema::{
    agreement_signatures, audit_events, customers, inventory_holds, lane_sessions, lanes, lockers, payment_intents, rooms,
};
use frontdesk::domain::enums::InventoryStatus;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::support::{TestDb, fixtures as fx};

/// What "nothing changed" compares.
#[derive(Debug, PartialEq)]
struct Snapshot {
    rev: i64,
    statuses: Vec<String>,
    holds: i64,
    intents: Vec<String>,
    signatures: i64,
    audit: i64,
}

fn snapshot(db: &TestDb) -> Snapshot {
    let c = &mut db.conn();
    Snapshot {
        rev: lanes::table.find("lane-1").select(lanes::rev).first(c).unwrap(),
        statuses: lane_sessions::table.order(lane_sessions::created_at).select(lane_sessions::status).load(c).unwrap(),
        holds: inventory_holds::table.filter(inventory_holds::released_at.is_null()).count().get_result(c).unwrap(),
        intents: payment_intents::table.order(payment_intents::created_at).select(payment_intents::status).load(c).unwrap(),
        signatures: agreement_signatures::table.count().get_result(c).unwrap(),
        audit: audit_events::table.count().get_result(c).unwrap(),
    }
}

/// A refusal with `code` that leaves the database as it was.
async fn refused<F: std::future::Future<Output = (u16, Value)>>(db: &TestDb, status: u16, code: &str, call: F) {
    let before = snapshot(db);
    let (got, body) = call.await;
    assert_eq!((got, body["error"]["code"].as_str()), (status, Some(code)), "{body}");
    assert!(body["error"]["message"].is_string());
    assert_eq!(snapshot(db), before, "{code} changed nothing");
}

/// Register alex at lane-1 and pair lane-1's kiosk.
async fn desk<S, B>(app: &S) -> (String, String)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let manager = manager(app).await;
    let kiosk = pair_kiosk(app, &manager, "lane-1").await;
    let register = login(app, "alex", "222222").await;
    assert_eq!(sign_in_register(app, &register, "lane-1", "register-1").await.0, 200);
    (register, kiosk)
}

fn customer(db: &TestDb, name: &str, change: impl FnOnce(&mut frontdesk::db::DbConn, CustomerId)) -> CustomerId {
    let conn = &mut db.conn();
    let id = fx::customer(conn, name);
    change(conn, id);
    id
}

both_backends!(
    fn start_refuses_banned_underage_and_expired_ids(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, _) = desk(&app).await;
            let banned = customer(db, "Bo Banned", |c, id| {
                diesel::update(customers::table.find(id)).set(customers::banned_until.eq(fx::at(60 * 24 * 10))).execute(c).unwrap();
            });
            let minor = customer(db, "Mia Minor", |c, id| {
                diesel::update(customers::table.find(id)).set(customers::dob.eq(chrono::NaiveDate::from_ymd_opt(2009, 1, 1))).execute(c).unwrap();
            });
            let expired = customer(db, "Eli Expired", |c, id| {
                diesel::update(customers::table.find(id)).set(customers::id_expires_on.eq(chrono::NaiveDate::from_ymd_opt(2026, 11, 19))).execute(c).unwrap();
            });
            for (who, code) in [(banned, "BANNED"), (minor, "UNDERAGE"), (expired, "ID_EXPIRED")] {
                refused(db, 403, code, post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": who }))).await;
            }
        })
    }
);

both_backends!(
    fn selection_refusals_change_nothing(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk) = desk(&app).await;
            let owes = customer(db, "Olly Owes", |c, id| {
                diesel::update(customers::table.find(id)).set(customers::past_due_cents.eq(1500i64)).execute(c).unwrap();
            });
            assert_eq!(post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": owes })).await.0, 201);
            refused(db, 409, "LANGUAGE_REQUIRED", post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "LOCKER" }))).await;
            assert_eq!(post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "ES" })).await.0, 200);
            refused(db, 403, "PAST_DUE_BLOCKED", post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "LOCKER" }))).await;
            refused(db, 409, "INVALID_TRANSITION", post(&app, "/api/lanes/lane-1/session/payment", Some(&register), json!({ "method": "CASH" }))).await;
            refused(db, 409, "NO_PROPOSAL", post(&app, "/api/lanes/lane-1/session/confirm", Some(&register), json!({}))).await;
            // the employee may still choose for a customer who owes
            assert_eq!(post(&app, "/api/lanes/lane-1/session/propose", Some(&register), json!({ "rental_type": "LOCKER" })).await.0, 200);
            diesel::update(lockers::table).set(lockers::status.eq(InventoryStatus::Dirty)).execute(&mut db.conn()).unwrap();
            refused(db, 409, "SOLD_OUT", post(&app, "/api/lanes/lane-1/session/confirm", Some(&register), json!({}))).await;
        })
    }
);

/// Drives lane-1 to AWAITING_SIGNATURE for a new customer; returns the agreement id shown.
async fn paid<S, B>(app: &S, db: &TestDb, register: &str, kiosk: &str) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let who = customer(db, "Sam Signer", |_, _| {});
    assert_eq!(post(app, "/api/lanes/lane-1/sessions", Some(register), json!({ "customer_id": who })).await.0, 201);
    assert_eq!(post(app, "/api/lanes/lane-1/session/language", Some(kiosk), json!({ "language": "EN" })).await.0, 200);
    assert_eq!(post(app, "/api/lanes/lane-1/session/propose", Some(kiosk), json!({ "rental_type": "STANDARD" })).await.0, 200);
    assert_eq!(post(app, "/api/lanes/lane-1/session/confirm", Some(kiosk), json!({})).await.0, 200);
    assert_eq!(post(app, "/api/lanes/lane-1/session/payment", Some(register), json!({ "method": "CASH" })).await.0, 200);
    let (_, view) = get(app, "/api/lanes/lane-1/view", Some(kiosk)).await;
    view["data"]["agreement"]["id"].clone()
}

fn blank_png_base64() -> String {
    use base64::Engine;
    let img = image::RgbaImage::new(600, 200);
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgba8(img).write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

both_backends!(
    fn signing_refusals_change_nothing(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk) = desk(&app).await;
            let agreement = paid(&app, db, &register, &kiosk).await;
            let sign = |body: Value| post(&app, "/api/lanes/lane-1/session/sign", Some(&kiosk), body);
            refused(db, 409, "ALREADY_PAID", post(&app, "/api/lanes/lane-1/session/payment", Some(&register), json!({ "method": "CARD" }))).await;
            refused(db, 400, "SIGNATURE_INVALID_IMAGE", sign(json!({ "agreement_id": agreement, "consent": true, "signature_png": "not an image!!" }))).await;
            refused(db, 400, "SIGNATURE_BLANK", sign(json!({ "agreement_id": agreement, "consent": true, "signature_png": blank_png_base64() }))).await;
            refused(db, 400, "SIGNATURE_MISSING", sign(json!({ "agreement_id": agreement, "consent": true }))).await;
            refused(db, 400, "CONSENT_REQUIRED", sign(json!({ "agreement_id": agreement, "consent": false, "signature_png": blank_png_base64() }))).await;
            // a manager activates a new agreement version while the customer reads the old one
            let spec = frontdesk::seed::setup::AgreementSpec { version: 2, language: frontdesk::domain::enums::Language::En, title: "Rules v2", body: "New rules.", consent: "I agree." };
            let new_id = frontdesk::seed::setup::add_active_agreement(&mut db.conn(), &spec, fx::t0()).unwrap();
            let before = snapshot(db);
            let (status, body) = sign(json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("AGREEMENT_CHANGED")));
            assert_eq!(body["error"]["details"]["agreement_id"], json!(new_id));
            assert_eq!(snapshot(db), before);
        })
    }
);

both_backends!(
    fn a_lost_hold_is_signed_then_assigned_by_the_employee(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk) = desk(&app).await;
            let agreement = paid(&app, db, &register, &kiosk).await;
            // a manager's override takes the held room out of service
            diesel::update(rooms::table.filter(rooms::number.eq("200"))).set(rooms::status.eq(InventoryStatus::OutOfOrder)).execute(&mut db.conn()).unwrap();
            let (status, signed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&kiosk), json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() })).await;
            assert_eq!((status, signed["status"].as_str(), signed["number"].as_str()), (200, Some("AWAITING_ASSIGNMENT"), None), "{signed}");
            let (status, assigned) = post(&app, "/api/lanes/lane-1/session/assign", Some(&register), json!({ "number": "202" })).await;
            assert_eq!((status, assigned["status"].as_str(), assigned["number"].as_str()), (200, Some("COMPLETED"), Some("202")), "{assigned}");
            let conn = &mut db.conn();
            let failing: Vec<_> = frontdesk::db::integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
            assert!(failing.is_empty(), "{failing:?}");
        })
    }
);

/// A Texas-style licence for an invented person.
fn scan(first: &str, last: &str, dob: &str, expires: &str) -> String {
    format!(
        "@\n\u{1e}\rANSI 636015090002DL00410278ZT03190007DLDAQ40001234\nDCS{last}\nDAC{first}\nDBB{dob}\nDBA{expires}\nDAJTX\nDCF0000000000000000\n"
    )
}

both_backends!(
    fn an_id_scan_finds_or_creates_the_customer_and_never_stores_the_scan(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, _) = desk(&app).await;
            let jane = scan("JANE", "QUINTERO", "04021990", "04022031");
            let (status, first) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": jane })).await;
            assert_eq!((status, first["result"].as_str()), (200, Some("NO_MATCH")));
            assert_eq!(first["scanned"]["name"], "Jane Quintero");
            let (status, created) = post(&app, "/api/customers", Some(&register), json!({ "scan": jane })).await;
            assert_eq!((status, created["name"].as_str(), created["dob"].as_str()), (201, Some("Jane Quintero"), Some("1990-04-02")));
            // the same licence scanned again, spaced differently, is found at once
            let again = jane.replace("DCSQUINTERO", "DCS  QUINTERO ");
            let (_, found) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": again })).await;
            assert_eq!((found["result"].as_str(), found["customer"]["id"].as_str(), found["identity_method"].as_str()), (Some("MATCHED"), created["id"].as_str(), Some("ID_SCAN")));
            // a typo in the name still matches on the same date of birth
            let (_, fuzzy) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": scan("JANE", "QUINTER0", "04021990", "04022031") })).await;
            assert_eq!(fuzzy["customer"]["id"], created["id"]);
            let (status, minor) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": scan("KID", "YOUNG", "01012010", "01012030") })).await;
            assert_eq!((status, minor["error"]["code"].as_str()), (403, Some("UNDERAGE")));
            // a date of birth in the future is a misread, not an underage customer
            let (status, future) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": scan("SOON", "BORN", "01012090", "01012095") })).await;
            assert_eq!((status, future["error"]["code"].as_str(), future["error"]["details"]["field"].as_str()), (400, Some("VALIDATION_FAILED"), Some("dob")));
            let (status, old) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": scan("OLD", "CARD", "01011980", "01012020") })).await;
            assert_eq!((status, old["error"]["code"].as_str()), (403, Some("ID_EXPIRED")));
            let (status, junk) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": "hello" })).await;
            assert_eq!((status, junk["error"]["code"].as_str()), (400, Some("INVALID_SCAN")));
            // the session records ID_SCAN only because the scan matched here
            post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": created["id"], "identity_method": "ID_SCAN" })).await;
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            assert_eq!(view["data"]["session"]["identity_method"], "ID_SCAN");
            post(&app, "/api/lanes/lane-1/session/cancel", Some(&register), json!({ "reason": "test" })).await;
            let unscanned = customer(db, "Una Unscanned", |_, _| {});
            post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": unscanned, "identity_method": "ID_SCAN" })).await;
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            assert_eq!(view["data"]["session"]["identity_method"], "STAFF_CHECKED", "a claimed scan that never happened is not recorded as one");
            let (_, hits) = get(&app, "/api/customers?q=quint", Some(&register)).await;
            assert_eq!(hits.as_array().unwrap().len(), 1);
            // a search hit carries the open stay (none here), beside the customer's fields
            assert_eq!((hits[0]["name"].as_str(), &hits[0]["visit"]), (Some("Jane Quintero"), &serde_json::Value::Null));
            // neither the ID number nor the raw scan is anywhere in the database
            let conn = &mut db.conn();
            let rows: Vec<(String, Option<String>, Option<String>)> = customers::table.select((customers::name, customers::id_scan_hash, customers::id_number_hash)).load(conn).unwrap();
            let dump = format!("{rows:?}");
            assert!(!dump.contains("40001234") && !dump.contains("ANSI"));
            let audit: Vec<String> = audit_events::table.select(audit_events::summary_json).load(conn).unwrap();
            assert!(!audit.concat().contains("40001234"));
        })
    }
);

both_backends!(
    fn a_manager_pin_lets_a_customer_who_owes_choose(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk) = desk(&app).await;
            let owes = customer(db, "Olly Owes", |c, id| {
                diesel::update(customers::table.find(id)).set(customers::past_due_cents.eq(2500i64)).execute(c).unwrap();
            });
            post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": owes })).await;
            post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "EN" })).await;
            let bypass = |login: &str, pin: &str| post(&app, "/api/lanes/lane-1/session/past-due-bypass", Some(&register), json!({ "manager_login": login, "pin": pin }));
            refused(db, 403, "MANAGER_PIN_REQUIRED", bypass("alex", "222222")).await;
            let (status, body) = bypass("manager", "999999").await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("MANAGER_PIN_REQUIRED")));
            assert_eq!(bypass("manager", "111111").await.0, 200);
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            assert_eq!(view["data"]["past_due_blocked"], false);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "LOCKER" })).await.0, 200);
            let owed: i64 = customers::table.find(owes).select(customers::past_due_cents).first(&mut db.conn()).unwrap();
            assert_eq!(owed, 2500, "the balance stays owed");
        })
    }
);

both_backends!(
    fn a_sold_out_tier_is_waited_for_and_its_next_room_kept_for_the_upgrade(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (register, kiosk) = desk(&app).await;
            // every DOUBLE room needs cleaning: marked by housekeeping, so the screens hear of it
            let doubles: Vec<String> = rooms::table.filter(rooms::type_.eq("DOUBLE")).select(rooms::number).load(&mut db.conn()).unwrap();
            let units: Vec<Value> = doubles.iter().map(|n| json!({ "kind": "ROOM", "number": n })).collect();
            let (status, batch) = post(&app, "/api/inventory/status", Some(&register), json!({ "units": units, "status": "DIRTY" })).await;
            assert_eq!((status, batch["changed"].as_array().map(Vec::len)), (200, Some(doubles.len())), "{batch}");
            let ana = customer(db, "Ana Waits", |_, _| {});
            post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": ana })).await;
            post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "ES" })).await;
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            let double = view["data"]["options"].as_array().unwrap().iter().find(|o| o["rental_type"] == "DOUBLE").unwrap().clone();
            assert_eq!(double["available"], 0, "the kiosk shows DOUBLE sold out");
            post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "DOUBLE" })).await;
            refused(db, 409, "SOLD_OUT", post(&app, "/api/lanes/lane-1/session/confirm", Some(&kiosk), json!({}))).await;
            let (status, body) = post(&app, "/api/lanes/lane-1/session/waitlist", Some(&kiosk), json!({ "desired": "DOUBLE", "backup": "STANDARD" })).await;
            assert_eq!(status, 200, "{body}");
            // the employee moves the customer to the room they asked for, and adds a towel
            assert_eq!(post(&app, "/api/lanes/lane-1/session/hold", Some(&register), json!({ "number": "203" })).await.0, 200);
            let (_, before) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            assert_eq!(before["data"]["session"]["held"]["number"], "203");
            let total = before["data"]["session"]["quote"]["total_cents"].as_i64().unwrap();
            post(&app, "/api/lanes/lane-1/session/addons", Some(&register), json!({ "items": [{ "description": "Towel", "amount_cents": 300 }] })).await;
            let (_, after) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            assert_eq!(after["data"]["quote"]["total_cents"].as_i64(), Some(total + 300));
            post(&app, "/api/lanes/lane-1/session/payment", Some(&register), json!({ "method": "CASH" })).await;
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&kiosk)).await;
            let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
            let (_, signed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&kiosk), sign).await;
            assert_eq!((signed["status"].as_str(), signed["number"].as_str()), (Some("COMPLETED"), Some("203")));
            let waiting: Vec<(String, String, String)> = frontdesk::db::schema::waitlist::table
                .select((frontdesk::db::schema::waitlist::desired_tier, frontdesk::db::schema::waitlist::backup_tier, frontdesk::db::schema::waitlist::status))
                .load(&mut db.conn())
                .unwrap();
            assert_eq!(waiting, [("DOUBLE".into(), "STANDARD".into(), "ACTIVE".into())]);
            post(&app, "/api/lanes/lane-1/session/close", Some(&register), json!({})).await;
            // a double room comes back: it is kept for Ana's upgrade, not sold to the next customer
            diesel::update(rooms::table.filter(rooms::number.eq("216"))).set(rooms::status.eq(InventoryStatus::Clean)).execute(&mut db.conn()).unwrap();
            let ben = customer(db, "Ben Next", |_, _| {});
            post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": ben })).await;
            post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "EN" })).await;
            post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "DOUBLE" })).await;
            refused(db, 409, "SOLD_OUT", post(&app, "/api/lanes/lane-1/session/confirm", Some(&kiosk), json!({}))).await;
            let failing: Vec<_> = frontdesk::db::integrity::run_all(&mut db.conn()).unwrap().into_iter().filter(|c| c.count > 0).collect();
            assert!(failing.is_empty(), "{failing:?}");
        })
    }
);
