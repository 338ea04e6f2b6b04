//! The upgrade waitlist (issue 14, flows.md §3): the tick offers a freshly cleaned room to the
//! right entry and rotates it when the hold runs out, a staff offer extends it, accept + pay
//! move the customer on the same block, a held room is never sold to a new check-in, cancel
//! needs a step-up, position and ETA in the list. Both backends, manual clock.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::ids::{BlockId, RoomId, VisitId};
use frontdesk::db::schema::{audit_events, charges, checkin_blocks, inventory_holds, lockers, payment_intents, rooms, waitlist};
use frontdesk::db::sql_types::Ts;
use frontdesk::stays::upgrades::tick::tick;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, check_in, desk};
use crate::support::TestDb;

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("a time: {v}"))).unwrap().with_timezone(&Utc)
}

/// Housekeeping marks rooms `status`.
pub(crate) async fn mark<S, B>(app: &S, token: &str, numbers: &[&str], status: &str)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let units: Vec<Value> = numbers.iter().map(|n| json!({ "kind": "ROOM", "number": n })).collect();
    let (status_code, batch) = post(app, "/api/inventory/status", Some(token), json!({ "units": units, "status": status })).await;
    assert_eq!((status_code, batch["changed"].as_array().map(Vec::len)), (200, Some(numbers.len())), "{batch}");
}

/// A new customer checked in on `backup` while waiting for `desired` (sold out); the finished
/// session is still on both screens.
async fn signed_waiting<S, B>(app: &S, desk: &Desk, name: &str, desired: &str, backup: &str) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (status, customer) = post(app, "/api/customers", Some(&desk.register), json!({ "name": name })).await;
    assert_eq!(status, 201, "{customer}");
    let steps = [
        ("sessions", &desk.register, json!({ "customer_id": customer["id"] })),
        ("session/language", &desk.kiosk, json!({ "language": "EN" })),
        ("session/waitlist", &desk.kiosk, json!({ "desired": desired, "backup": backup })),
        ("session/payment", &desk.register, json!({ "method": "CASH" })),
    ];
    for (step, token, body) in steps {
        let (status, answer) = post(app, &format!("/api/lanes/lane-1/{step}"), Some(token), body).await;
        assert!(status == 200 || status == 201, "{step}: {status} {answer}");
    }
    let (_, view) = get(app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await;
    let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
    let (status, signed) = post(app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
    assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");
    signed
}

/// [`signed_waiting`], then the employee closes the finished session.
pub(crate) async fn wait_for<S, B>(app: &S, desk: &Desk, name: &str, desired: &str, backup: &str) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let signed = signed_waiting(app, desk, name, desired, backup).await;
    assert_eq!(post(app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);
    signed
}

/// The open entries, oldest first.
pub(crate) async fn entries<S, B>(app: &S, token: &str) -> Vec<Value>
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (status, list) = get(app, "/api/waitlist", Some(token)).await;
    assert_eq!(status, 200, "{list}");
    list["entries"].as_array().unwrap().clone()
}

fn room_id(db: &TestDb, number: &str) -> RoomId {
    rooms::table.filter(rooms::number.eq(number)).select(rooms::id).first(&mut db.conn()).unwrap()
}

fn assert_clean(db: &TestDb) {
    let failing: Vec<_> = frontdesk::db::integrity::run_all(&mut db.conn()).unwrap().into_iter().filter(|c| c.count > 0).collect();
    assert!(failing.is_empty(), "{failing:?}");
}

const DOUBLES: [&str; 5] = ["216", "218", "225", "252", "262"];

both_backends!(
    fn the_tick_offers_rotates_and_the_payment_moves_the_customer(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            // Dana occupies 216: the only occupied DOUBLE, so the first in line's ETA is her checkout + 15 min
            let (_, dana) = check_in(&app, &desk, "Dana Double", "DOUBLE", "EN").await;
            assert_eq!(dana["number"], "216");
            mark(&app, &desk.register, &DOUBLES[1..], "DIRTY").await;
            let _ann = wait_for(&app, &desk, "Ann Standard", "DOUBLE", "STANDARD").await;
            clock.advance(Duration::minutes(1));
            let bob = wait_for(&app, &desk, "Bob Locker", "DOUBLE", "LOCKER").await;
            let list = entries(&app, &desk.register).await;
            assert_eq!(list.len(), 2, "{list:?}");
            let (ann, bobs) = (&list[0], &list[1]);
            assert_eq!((ann["customer_name"].as_str(), ann["position"].as_i64(), ann["upgrade_fee_cents"].as_i64()), (Some("Ann Standard"), Some(1), Some(900)));
            assert_eq!((bobs["position"].as_i64(), bobs["upgrade_fee_cents"].as_i64(), bobs["eta"].is_null()), (Some(2), Some(1700), true), "{bobs}");
            assert_eq!(time(&ann["eta"]), time(&dana["checkout_at"]) + Duration::minutes(15));
            assert_eq!((bobs["current"]["kind"].as_str(), bobs["current"]["rental_type"].as_str()), (Some("LOCKER"), Some("LOCKER")));
            assert!(ann["offer"].is_null());
            let (ann_id, bob_id) = (ann["id"].as_str().unwrap().to_owned(), bobs["id"].as_str().unwrap().to_owned());

            // nothing clean of the tier: the tick offers nothing
            assert!(tick(&mut db.conn(), clock.now_utc()).unwrap().offered.is_empty());
            // Dana leaves; 216 is cleaned through housekeeping and the next tick offers it to Ann (oldest, never offered)
            let visit = serde_json::to_value(checkin_blocks::table.filter(checkin_blocks::room_id.eq(room_id(db, "216"))).select(checkin_blocks::visit_id).first::<VisitId>(&mut db.conn()).unwrap()).unwrap();
            assert_eq!(post(&app, &format!("/api/stays/{}/checkout", visit.as_str().unwrap()), Some(&desk.register), json!({})).await.0, 200);
            mark(&app, &desk.register, &["216"], "CLEANING").await;
            mark(&app, &desk.register, &["216"], "CLEAN").await;
            let out = tick(&mut db.conn(), clock.now_utc()).unwrap();
            assert_eq!(out.offered.len(), 1, "{out:?}");
            assert_eq!(out.offered[0].1, "216");
            let list = entries(&app, &desk.register).await;
            assert_eq!((list[0]["status"].as_str(), list[0]["offer"]["number"].as_str(), list[0]["offer"]["seconds_left"].as_i64()), (Some("OFFERED"), Some("216"), Some(900)), "{list:?}");
            let hold: (String, Option<Ts>) = inventory_holds::table.filter(inventory_holds::released_at.is_null()).select((inventory_holds::kind, inventory_holds::expires_at)).first(&mut db.conn()).unwrap();
            assert_eq!((hold.0.as_str(), hold.1.map(|t| t.0)), ("UPGRADE_HOLD", Some(clock.now_utc() + Duration::minutes(15))));
            // a second tick changes nothing: one offer per room
            assert!(tick(&mut db.conn(), clock.now_utc()).unwrap().is_empty());

            // a new check-in for DOUBLE cannot take the held room
            let (_, carl) = post(&app, "/api/customers", Some(&desk.register), json!({ "name": "Carl Next" })).await;
            post(&app, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": carl["id"] })).await;
            post(&app, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "EN" })).await;
            post(&app, "/api/lanes/lane-1/session/propose", Some(&desk.kiosk), json!({ "rental_type": "DOUBLE" })).await;
            let (status, refused) = post(&app, "/api/lanes/lane-1/session/confirm", Some(&desk.kiosk), json!({})).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("SOLD_OUT")), "{refused}");
            assert_eq!(post(&app, "/api/lanes/lane-1/session/cancel", Some(&desk.register), json!({ "reason": "test" })).await.0, 200);

            // the hold runs out after 15 minutes: Ann back to ACTIVE in place, the room rotates to Bob
            clock.advance(Duration::minutes(15));
            let out = tick(&mut db.conn(), clock.now_utc()).unwrap();
            assert_eq!((out.lapsed.len(), out.offered.len()), (1, 1), "{out:?}");
            let list = entries(&app, &desk.register).await;
            assert_eq!((list[0]["status"].as_str(), list[0]["position"].as_i64()), (Some("ACTIVE"), Some(1)));
            assert_eq!((list[1]["status"].as_str(), list[1]["offer"]["number"].as_str()), (Some("OFFERED"), Some("216")));
            // a staff offer keeps the longer hold, and later extends it to 10 minutes from now
            let offer_path = format!("/api/waitlist/{bob_id}/offer");
            let (status, offered) = post(&app, &offer_path, Some(&desk.register), json!({ "number": "216" })).await;
            assert_eq!((status, time(&offered["offer"]["expires_at"])), (200, clock.now_utc() + Duration::minutes(15)), "{offered}");
            clock.advance(Duration::minutes(10));
            let (_, offered) = post(&app, &offer_path, Some(&desk.register), json!({ "number": "216" })).await;
            assert_eq!(time(&offered["offer"]["expires_at"]), clock.now_utc() + Duration::minutes(10), "{offered}");
            let expires: Option<Ts> = inventory_holds::table.filter(inventory_holds::released_at.is_null()).select(inventory_holds::expires_at).first(&mut db.conn()).unwrap();
            assert_eq!(expires.map(|t| t.0), Some(clock.now_utc() + Duration::minutes(10)), "the hold moves with the offer");
            let (status, refused) = post(&app, &format!("/api/waitlist/{ann_id}/offer"), Some(&desk.register), json!({ "number": "216" })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("ROOM_HELD")));
            let (status, refused) = post(&app, &offer_path, Some(&desk.register), json!({ "number": "200" })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("WRONG_TIER")));

            // accept (repeat-safe) and pay: Bob moves from his locker to 216 on the same block
            let accept_path = format!("/api/waitlist/{bob_id}/accept");
            let (status, refused) = post(&app, &accept_path, Some(&desk.register), json!({ "expected_fee_cents": 900 })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("UPGRADE_FEE_CHANGED")));
            let (status, accepted) = post(&app, &accept_path, Some(&desk.register), json!({ "expected_fee_cents": 1700 })).await;
            assert_eq!((status, accepted["amount_cents"].as_i64()), (200, Some(1700)), "{accepted}");
            let (_, again) = post(&app, &accept_path, Some(&desk.register), json!({})).await;
            assert_eq!(again["payment_intent_id"], accepted["payment_intent_id"]);
            let block_before: (BlockId, Ts) = checkin_blocks::table.filter(checkin_blocks::waitlist_id.is_not_null()).filter(checkin_blocks::locker_id.is_not_null()).select((checkin_blocks::id, checkin_blocks::ends_at)).first(&mut db.conn()).unwrap();
            let locker = bob["number"].as_str().unwrap().to_owned();
            let pay = json!({ "payment_intent_id": accepted["payment_intent_id"], "method": "CASH" });
            let (status, paid) = post(&app, &format!("/api/waitlist/{bob_id}/pay"), Some(&desk.register), pay.clone()).await;
            assert_eq!((status, paid["status"].as_str(), paid["current"]["number"].as_str()), (200, Some("COMPLETED"), Some("216")), "{paid}");
            let mut conn = db.conn();
            let block: (Option<RoomId>, bool, String, Ts) = checkin_blocks::table.find(block_before.0).select((checkin_blocks::room_id, checkin_blocks::locker_id.is_null(), checkin_blocks::rental_type, checkin_blocks::ends_at)).first(&mut conn).unwrap();
            assert_eq!(block, (Some(room_id(db, "216")), true, "DOUBLE".to_owned(), block_before.1), "same block, ends_at unchanged");
            let old: (String, bool) = lockers::table.filter(lockers::number.eq(&locker)).select((lockers::status, lockers::current_block_id.is_null())).first(&mut conn).unwrap();
            assert_eq!(old, ("CLEAN".to_owned(), true));
            let new: (String, Option<BlockId>) = rooms::table.filter(rooms::number.eq("216")).select((rooms::status, rooms::current_block_id)).first(&mut conn).unwrap();
            assert_eq!(new, ("OCCUPIED".to_owned(), Some(block_before.0)));
            let charged: Vec<(String, i64)> = charges::table.filter(charges::kind.eq("UPGRADE_FEE")).select((charges::kind, charges::amount_cents)).load(&mut conn).unwrap();
            assert_eq!(charged, [("UPGRADE_FEE".to_owned(), 1700)]);
            let intent: (String, Option<String>) = payment_intents::table.filter(payment_intents::purpose.eq("UPGRADE")).select((payment_intents::status, payment_intents::method)).first(&mut conn).unwrap();
            assert_eq!(intent, ("PAID".to_owned(), Some("CASH".to_owned())));
            let completed: i64 = audit_events::table.filter(audit_events::action.eq("UPGRADE_COMPLETED")).count().get_result(&mut conn).unwrap();
            assert_eq!(completed, 1);
            let released: Vec<Option<String>> = inventory_holds::table.filter(inventory_holds::kind.eq("UPGRADE_HOLD")).order(inventory_holds::created_at).select(inventory_holds::release_reason).load(&mut conn).unwrap();
            assert_eq!(released, [Some("EXPIRED".to_owned()), Some("COMPLETED".to_owned())]);
            // a second payment changes nothing
            let (status, refused) = post(&app, &format!("/api/waitlist/{bob_id}/pay"), Some(&desk.register), pay).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("ALREADY_COMPLETED")));
            assert_eq!(charges::table.filter(charges::kind.eq("UPGRADE_FEE")).count().get_result::<i64>(&mut conn).unwrap(), 1);

            // cancel needs a step-up
            let cancel_path = format!("/api/waitlist/{ann_id}/cancel");
            let (status, refused) = post(&app, &cancel_path, Some(&desk.register), json!({ "reason": "changed mind" })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")));
            step_up(&app, &desk.register, "222222").await;
            let (status, cancelled) = post(&app, &cancel_path, Some(&desk.register), json!({ "reason": "changed mind" })).await;
            assert_eq!((status, cancelled["status"].as_str()), (200, Some("CANCELLED")), "{cancelled}");
            assert!(entries(&app, &desk.register).await.is_empty());
            let (_, done) = get(&app, "/api/waitlist?status=COMPLETED", Some(&desk.register)).await;
            assert_eq!(done["entries"].as_array().map(Vec::len), Some(1));
            let statuses: Vec<String> = waitlist::table.order(waitlist::created_at).select(waitlist::status).load(&mut conn).unwrap();
            assert_eq!(statuses, ["CANCELLED", "COMPLETED"]);
            assert_clean(db);
        })
    }
);

both_backends!(
    fn an_offered_room_is_not_counted_twice_and_never_sold(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            mark(&app, &desk.register, &DOUBLES, "DIRTY").await;
            wait_for(&app, &desk, "Ann Standard", "DOUBLE", "STANDARD").await;
            wait_for(&app, &desk, "Bob Standard", "DOUBLE", "STANDARD").await;
            mark(&app, &desk.register, &["216"], "CLEANING").await;
            mark(&app, &desk.register, &["216"], "CLEAN").await;
            assert_eq!(tick(&mut db.conn(), clock.now_utc()).unwrap().offered.len(), 1);
            // 216 held for Ann, Bob waiting: two more clean doubles leave one for a new check-in
            mark(&app, &desk.register, &["218", "225"], "CLEANING").await;
            let available = |db: &TestDb| frontdesk::lanes::stock::available(&mut db.conn(), clock.now_utc()).unwrap()["DOUBLE"];
            mark(&app, &desk.register, &["218", "225"], "CLEAN").await;
            assert_eq!(available(db), 1, "2 free − 1 ACTIVE; the OFFERED entry's room is already held");
            let (_, carl) = check_in(&app, &desk, "Carl Double", "DOUBLE", "EN").await;
            assert_eq!(carl["number"], "218", "the lowest free double, never the held 216");
            assert_eq!(available(db), 0);
            let held: i64 = inventory_holds::table.filter(inventory_holds::released_at.is_null().and(inventory_holds::kind.eq("UPGRADE_HOLD"))).count().get_result(&mut db.conn()).unwrap();
            assert_eq!(held, 1);
            // the stays end: both entries expire at the block's end, holds released
            clock.advance(Duration::hours(7));
            let out = tick(&mut db.conn(), clock.now_utc()).unwrap();
            assert_eq!(out.expired.len(), 2, "{out:?}");
            let held: i64 = inventory_holds::table.filter(inventory_holds::released_at.is_null()).count().get_result(&mut db.conn()).unwrap();
            assert_eq!(held, 0);
            assert_clean(db);
        })
    }
);

both_backends!(
    fn checkout_releases_the_hold_and_cancels_the_due_upgrade(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            mark(&app, &desk.register, &DOUBLES, "DIRTY").await;
            wait_for(&app, &desk, "Ann Standard", "DOUBLE", "STANDARD").await;
            mark(&app, &desk.register, &["216"], "CLEANING").await;
            mark(&app, &desk.register, &["216"], "CLEAN").await;
            tick(&mut db.conn(), clock.now_utc()).unwrap();
            let list = entries(&app, &desk.register).await;
            let id = list[0]["id"].as_str().unwrap().to_owned();
            let (status, accepted) = post(&app, &format!("/api/waitlist/{id}/accept"), Some(&desk.register), json!({})).await;
            assert_eq!(status, 200, "{accepted}");
            let path = format!("/api/stays/{}/checkout", list[0]["visit_id"].as_str().unwrap());
            assert_eq!(post(&app, &path, Some(&desk.register), json!({})).await.0, 200);
            let mut conn = db.conn();
            let intent: String = payment_intents::table.filter(payment_intents::purpose.eq("UPGRADE")).select(payment_intents::status).first(&mut conn).unwrap();
            assert_eq!(intent, "CANCELLED");
            let held: i64 = inventory_holds::table.filter(inventory_holds::released_at.is_null()).count().get_result(&mut conn).unwrap();
            assert_eq!(held, 0);
            let pay = json!({ "payment_intent_id": accepted["payment_intent_id"], "method": "CARD" });
            let (status, refused) = post(&app, &format!("/api/waitlist/{id}/pay"), Some(&desk.register), pay).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("ALREADY_CHECKED_OUT")), "{refused}");
            assert_clean(db);
        })
    }
);

both_backends!(
    fn a_renewed_stay_keeps_its_place_and_upgrades_on_its_current_block(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            mark(&app, &desk.register, &DOUBLES, "DIRTY").await;
            let ann = signed_waiting(&app, &desk, "Ann Renewing", "DOUBLE", "STANDARD").await;
            let first_end = time(&ann["checkout_at"]);
            // her kiosk (until she taps OK) and the register show her place in line
            let (_, kiosk) = get(&app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await;
            let place = &kiosk["data"]["waitlist"];
            assert_eq!((place["desired_tier"].as_str(), place["status"].as_str(), place["position"].as_i64()), (Some("DOUBLE"), Some("ACTIVE"), Some(1)), "{kiosk}");
            assert!(place["eta"].is_null(), "no DOUBLE is occupied: no ETA to give");
            let (_, register) = get(&app, "/api/lanes/lane-1/view", Some(&desk.register)).await;
            assert_eq!(register["data"]["session"]["waitlist"]["position"].as_i64(), Some(1), "{register}");
            assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);
            let number = ann["number"].as_str().unwrap().to_owned();
            let (_, board) = get(&app, &format!("/api/stays?q={number}"), Some(&desk.register)).await;
            let visit = board["stays"][0]["visit_id"].as_str().unwrap().to_owned();

            // renewed 6 h before her first block ends
            clock.set(first_end - Duration::minutes(20));
            let (status, started) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": 6 })).await;
            assert_eq!(status, 201, "{started}");
            assert_eq!(post(&app, "/api/lanes/lane-1/session/payment", Some(&desk.register), json!({ "method": "CASH" })).await.0, 200);
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await;
            let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
            let (status, renewed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
            assert_eq!((status, renewed["number"].as_str()), (200, Some(number.as_str())), "{renewed}");
            assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);
            let second_end = time(&renewed["checkout_at"]);

            // past the first block's end the entry still waits: it moved to the renewal's block
            clock.set(first_end + Duration::minutes(5));
            tick(&mut db.conn(), clock.now_utc()).unwrap();
            let list = entries(&app, &desk.register).await;
            assert_eq!((list.len(), list[0]["status"].as_str()), (1, Some("ACTIVE")), "{list:?}");
            let id = list[0]["id"].as_str().unwrap().to_owned();

            // 216 is cleaned, offered, accepted and paid: she moves on the renewal block, checkout unchanged
            mark(&app, &desk.register, &["216"], "CLEANING").await;
            mark(&app, &desk.register, &["216"], "CLEAN").await;
            assert_eq!(tick(&mut db.conn(), clock.now_utc()).unwrap().offered.len(), 1);
            let (status, accepted) = post(&app, &format!("/api/waitlist/{id}/accept"), Some(&desk.register), json!({})).await;
            assert_eq!(status, 200, "{accepted}");
            let pay = json!({ "payment_intent_id": accepted["payment_intent_id"], "method": "CARD" });
            let (status, paid) = post(&app, &format!("/api/waitlist/{id}/pay"), Some(&desk.register), pay).await;
            assert_eq!((status, paid["current"]["number"].as_str()), (200, Some("216")), "{paid}");
            let mut conn = db.conn();
            let current: Option<BlockId> = rooms::table.filter(rooms::number.eq("216")).select(rooms::current_block_id).first(&mut conn).unwrap();
            let block: (String, Ts) = checkin_blocks::table.find(current.unwrap()).select((checkin_blocks::block_type, checkin_blocks::ends_at)).first(&mut conn).unwrap();
            assert_eq!(block, ("RENEWAL".to_owned(), Ts(second_end)));
            let old: (String, Option<BlockId>) = rooms::table.filter(rooms::number.eq(&number)).select((rooms::status, rooms::current_block_id)).first(&mut conn).unwrap();
            assert_eq!(old, ("DIRTY".to_owned(), None));
            let (_, board) = get(&app, "/api/stays?q=216", Some(&desk.register)).await;
            assert_eq!(time(&board["stays"][0]["checkout_at"]), second_end);
            assert_clean(db);
        })
    }
);
