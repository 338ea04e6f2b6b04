//! The counter check-in end to end: register and kiosk drive it over HTTP while both sockets
//! are asserted at every step; the rows and `validate` are checked at the end.

use std::time::Duration;

use diesel::prelude::*;
use frontdesk::clock::ManualClock;
use frontdesk::db::schema::{agreement_signatures, checkin_blocks, payment_intents, rooms, visits};
use frontdesk::domain::enums::{InventoryStatus, PaymentStatus};
use serde_json::{Value, json};

use crate::both_backends;
use crate::server::*;
use crate::ws::{WsClient, lane_one_screens};
use crate::{block_on, seeded};

/// A small signature drawn as strokes (the server renders the PNG).
pub fn strokes() -> Value {
    let line = |y: f64, t0: f64| {
        (0..30)
            .map(|i| json!({ "x": 50.0 + 15.0 * f64::from(i), "y": y + 10.0 * (f64::from(i) / 3.0).sin(), "t": t0 + 16.0 * f64::from(i) }))
            .collect::<Vec<_>>()
    };
    json!({ "width": 600.0, "height": 200.0, "strokes": [{ "points": line(80.0, 0.0) }, { "points": line(120.0, 600.0) }] })
}

async fn both(register: &mut WsClient, kiosk: &mut WsClient, rev: i64) -> (Value, Value) {
    let (r, k) = (register.view_at(rev).await, kiosk.view_at(rev).await);
    assert_eq!(r["data"]["kiosk"], k["data"], "the register mirrors the kiosk at rev {rev}");
    (r["data"].clone(), k["data"].clone())
}

fn rev(body: &Value) -> i64 {
    body["rev"].as_i64().unwrap_or_else(|| panic!("no rev in {body}"))
}

both_backends!(
    fn a_full_check_in_across_both_screens(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let (reg, kio) = (desk.register.as_str(), desk.kiosk.as_str());
            let (mut register, mut kiosk) = lane_one_screens(&server, &desk).await;

            let (_, started) = post(&server, "/api/lanes/lane-1/sessions", Some(reg), json!({ "customer_id": customer, "identity_method": "STAFF_CHECKED" })).await;
            let (_, k) = both(&mut register, &mut kiosk, rev(&started)).await;
            assert_eq!((k["status"].as_str(), k["language"].as_str()), (Some("ACTIVE"), None));

            // the language comes first
            let (status, refused) = post(&server, "/api/lanes/lane-1/session/propose", Some(kio), json!({ "rental_type": "STANDARD" })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("LANGUAGE_REQUIRED")));
            let (_, lang) = post(&server, "/api/lanes/lane-1/session/language", Some(kio), json!({ "language": "EN" })).await;
            let (_, k) = both(&mut register, &mut kiosk, rev(&lang)).await;
            let standard = k["options"].as_array().unwrap().iter().find(|o| o["rental_type"] == "STANDARD").unwrap().clone();
            assert_eq!(standard["available"], 47);

            let (_, choice) = post(&server, "/api/lanes/lane-1/session/membership", Some(kio), json!({ "choice": "ONE_TIME" })).await;
            both(&mut register, &mut kiosk, rev(&choice)).await;
            let (_, proposed) = post(&server, "/api/lanes/lane-1/session/propose", Some(kio), json!({ "rental_type": "STANDARD" })).await;
            let (r, _) = both(&mut register, &mut kiosk, rev(&proposed)).await;
            assert_eq!((r["session"]["proposed_rental_type"].as_str(), r["session"]["proposed_by"].as_str()), (Some("STANDARD"), Some("CUSTOMER")));

            // the first confirmation locks, holds a room and makes the payment due
            let (status, locked) = post(&server, "/api/lanes/lane-1/session/confirm", Some(kio), json!({})).await;
            assert_eq!((status, locked["already_locked"].as_bool()), (200, Some(false)), "{locked}");
            let (_, again) = post(&server, "/api/lanes/lane-1/session/confirm", Some(reg), json!({})).await;
            assert_eq!((again["already_locked"].as_bool(), again["confirmed_by"].as_str()), (Some(true), Some("CUSTOMER")));
            let r = register.view().await["data"].clone();
            let k = kiosk.view().await["data"].clone();
            assert_eq!((r["status"].as_str(), k["payment_status"].as_str()), (Some("AWAITING_PAYMENT"), Some("DUE")));
            assert_eq!(r["session"]["held"]["number"], "200", "the lowest-numbered clean standard room");
            assert!(k["quote"]["total_cents"].as_i64().unwrap() > 0);
            assert_eq!(k["quote"]["messages"], json!(["No refunds"]));

            // a decline is for staff eyes only
            let (_, declined) = post(&server, "/api/lanes/lane-1/session/decline", Some(reg), json!({ "reason": "card expired" })).await;
            let (r, k) = both(&mut register, &mut kiosk, rev(&declined)).await;
            assert_eq!(r["session"]["payment"]["last_decline_reason"], "card expired");
            assert!(!k.to_string().contains("card expired"));

            let paid = post_with_key(&server, "/api/lanes/lane-1/session/payment", reg, "pay-1", json!({ "method": "CARD", "external_reference": "T-1001" })).await;
            assert_eq!(paid.0, 200, "{}", paid.1);
            let replay = post_with_key(&server, "/api/lanes/lane-1/session/payment", reg, "pay-1", json!({ "method": "CARD", "external_reference": "T-1001" })).await;
            assert_eq!(replay, paid, "a retry with the same key gets the first answer");
            let (status, twice) = post(&server, "/api/lanes/lane-1/session/payment", Some(reg), json!({ "method": "CASH" })).await;
            assert_eq!((status, twice["error"]["code"].as_str()), (409, Some("ALREADY_PAID")));
            let (_, k) = both(&mut register, &mut kiosk, rev(&paid.1)).await;
            assert_eq!((k["status"].as_str(), k["payment_status"].as_str()), (Some("AWAITING_SIGNATURE"), Some("PAID")));
            let agreement = k["agreement"].clone();
            assert!(agreement["body_text"].as_str().unwrap().len() > 100);

            let (_, shown) = post(&server, "/api/lanes/lane-1/session/agreement-shown", Some(kio), json!({})).await;
            both(&mut register, &mut kiosk, rev(&shown)).await;
            let body = json!({ "agreement_id": agreement["id"], "consent": true, "strokes": strokes() });
            let signed = post_with_key(&server, "/api/lanes/lane-1/session/sign", kio, "sign-1", body).await;
            assert_eq!(signed.0, 200, "{}", signed.1);
            assert_eq!((signed.1["status"].as_str(), signed.1["number"].as_str()), (Some("COMPLETED"), Some("200")));
            let (r, k) = both(&mut register, &mut kiosk, rev(&signed.1)).await;
            assert_eq!((k["status"].as_str(), k["assignment"]["number"].as_str()), (Some("COMPLETED"), Some("200")));
            assert_eq!(r["session"]["assigned"]["checkout_at"], k["assignment"]["checkout_at"]);

            // the customer taps OK, the employee closes: both screens idle
            let (_, ack) = post(&server, "/api/lanes/lane-1/session/acknowledge", Some(kio), json!({})).await;
            let (_, k) = both(&mut register, &mut kiosk, rev(&ack)).await;
            assert_eq!(k["status"], "IDLE");
            let (_, closed) = post(&server, "/api/lanes/lane-1/session/close", Some(reg), json!({})).await;
            let (r, _) = both(&mut register, &mut kiosk, rev(&closed)).await;
            assert_eq!(r["status"], "IDLE");
            assert!(register.silent_for(Duration::from_millis(100)).await);
        });
        check_rows(db);
    }
);

async fn post_with_key(server: &TestServer, path: &str, token: &str, key: &str, body: Value) -> (u16, Value) {
    let client = awc::Client::default();
    let mut resp = client.post(server.url(path)).bearer_auth(token).insert_header(("Idempotency-Key", key)).send_json(&body).await.unwrap();
    let bytes = resp.body().limit(1 << 20).await.unwrap();
    (resp.status().as_u16(), serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn check_rows(db: &crate::support::TestDb) {
    let conn = &mut db.conn();
    let open: i64 = visits::table.filter(visits::ended_at.is_null()).count().get_result(conn).unwrap();
    assert_eq!(open, 1);
    let (starts, ends, hours): (frontdesk::db::sql_types::Ts, frontdesk::db::sql_types::Ts, i32) = checkin_blocks::table
        .select((checkin_blocks::starts_at, checkin_blocks::ends_at, checkin_blocks::hours_purchased))
        .first(conn)
        .unwrap();
    assert_eq!(hours, 6);
    assert_eq!((ends.0 - starts.0).num_minutes(), 360, "18:00 + 6 h is already on a quarter hour");
    let (status, paid_by): (PaymentStatus, Option<frontdesk::db::ids::StaffId>) =
        payment_intents::table.select((payment_intents::status, payment_intents::paid_by_staff_id)).first(conn).unwrap();
    assert_eq!(status, PaymentStatus::Paid);
    assert!(paid_by.is_some());
    let (room_status, assigned): (InventoryStatus, Option<frontdesk::db::ids::CustomerId>) =
        rooms::table.filter(rooms::number.eq("200")).select((rooms::status, rooms::assigned_to_customer_id)).first(conn).unwrap();
    assert_eq!(room_status, InventoryStatus::Occupied);
    assert!(assigned.is_some());
    let (record, block, identity): (String, Option<frontdesk::db::ids::BlockId>, String) = agreement_signatures::table
        .select((agreement_signatures::record_sha256, agreement_signatures::checkin_block_id, agreement_signatures::identity_method))
        .first(conn)
        .unwrap();
    assert_eq!((record.len(), block.is_some(), identity.as_str()), (64, true, "STAFF_CHECKED"));
    let failing: Vec<_> = frontdesk::db::integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
    assert!(failing.is_empty(), "validate is clean: {failing:?}");
}
