//! Before paying, the kiosk shows the stay (hours, checkout, price) and the membership prices,
//! all from the server; the customer can step back until the selection is confirmed, and the
//! register's view follows.

use diesel::prelude::*;
use frontdesk::db::schema::{audit_events, checkin_blocks, customers, lanes};
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::support::{TestDb, fixtures as fx};

const VIEW: &str = "/api/lanes/lane-1/view";

fn adult(db: &TestDb) -> frontdesk::db::ids::CustomerId {
    let conn = &mut db.conn();
    let id = fx::customer(conn, "Bea Back");
    diesel::update(customers::table.find(id)).set(customers::dob.eq(chrono::NaiveDate::from_ymd_opt(1980, 1, 1))).execute(conn).unwrap();
    id
}

fn rev(db: &TestDb) -> i64 {
    lanes::table.find("lane-1").select(lanes::rev).first(&mut db.conn()).unwrap()
}

fn audits(db: &TestDb, action: &str) -> Vec<String> {
    audit_events::table.filter(audit_events::action.eq(action)).select(audit_events::summary_json).load(&mut db.conn()).unwrap()
}

async fn back<S, B>(app: &S, token: &str, body: Value) -> (u16, Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    post(app, "/api/lanes/lane-1/session/back", Some(token), body).await
}

both_backends!(
    fn the_kiosk_shows_prices_and_the_stay_and_steps_back_until_confirm(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let manager = manager(&app).await;
            let kiosk = pair_kiosk(&app, &manager, "lane-1").await;
            let register = login(&app, "alex", "222222").await;
            assert_eq!(sign_in_register(&app, &register, "lane-1", "register-1").await.0, 200);
            let who = adult(db);
            assert_eq!(post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": who })).await.0, 201);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "ES" })).await.0, 200);

            // membership options priced for this customer today (Friday 2026-11-20 in Chicago)
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            let options = &view["data"]["membership"]["options"];
            assert_eq!(options[0], json!({ "choice": "ONE_TIME", "price_cents": 1300, "valid_until": null }), "{view}");
            assert_eq!(options[1], json!({ "choice": "SIX_MONTH", "price_cents": 4300, "valid_until": "2027-05-20" }));
            // every rental option: 6 hours, checkout 6 h after now rounded up to the quarter
            clock.advance(chrono::Duration::minutes(7));
            assert_eq!(post(&app, "/api/lanes/lane-1/session/membership", Some(&kiosk), json!({ "choice": "SIX_MONTH" })).await.0, 200);
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            let standard = view["data"]["options"].as_array().unwrap().iter().find(|o| o["rental_type"] == "STANDARD").unwrap().clone();
            assert_eq!((&standard["hours"], &standard["checkout_at"]), (&json!(6), &json!("2026-11-21T00:15:00Z")), "{standard}");
            assert!(view["data"]["stay"].is_null(), "nothing proposed yet");

            // a proposal shows its stay and what locking it now would cost
            assert_eq!(post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "STANDARD" })).await.0, 200);
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            let stay = &view["data"]["stay"];
            assert_eq!((&stay["rental_type"], &stay["locked"], &stay["hours"]), (&json!("STANDARD"), &json!(false), &json!(6)), "{stay}");
            assert_eq!(stay["checkout_at"], "2026-11-21T00:15:00Z");
            assert_eq!(stay["quote"]["total_cents"], standard["price_cents"].as_i64().unwrap() + 4300);

            // back to the membership, by the kiosk: the register's view follows, audited
            let before = rev(db);
            let (status, stale) = back(&app, &kiosk, json!({ "to": "MEMBERSHIP", "expected_rev": before - 1 })).await;
            assert_eq!((status, stale["error"]["code"].as_str()), (409, Some("STALE_VERSION")), "{stale}");
            assert_eq!(rev(db), before, "a stale back changes nothing");
            let (status, answer) = back(&app, &kiosk, json!({ "to": "MEMBERSHIP", "expected_rev": before })).await;
            assert_eq!((status, answer["rev"].as_i64()), (200, Some(before + 1)), "{answer}");
            let (_, staff) = get(&app, VIEW, Some(&register)).await;
            let session = &staff["data"]["session"];
            assert_eq!((&session["membership_choice"], &session["proposed_rental_type"]), (&Value::Null, &Value::Null), "{session}");
            assert_eq!(session["language"], "ES", "the language stays");
            assert!(staff["data"]["kiosk"]["stay"].is_null() && staff["data"]["kiosk"]["membership"]["choice"].is_null());
            let summary: Value = serde_json::from_str(&audits(db, "SELECTION_STEPPED_BACK")[0]).unwrap();
            assert_eq!(summary, json!({ "to": "MEMBERSHIP", "by": "CUSTOMER", "cleared": { "language": null, "membership_choice": "SIX_MONTH", "proposed_rental_type": "STANDARD" } }));

            // back to the language clears it too; a bad target is a 400 that changes nothing
            assert_eq!(back(&app, &kiosk, json!({ "to": "SOMEWHERE" })).await.0, 400);
            assert_eq!(back(&app, &kiosk, json!({ "to": "LANGUAGE" })).await.0, 200);
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            assert!(view["data"]["language"].is_null(), "{view}");

            // choose again, confirm: the stay is locked and Back is refused
            assert_eq!(post(&app, "/api/lanes/lane-1/session/language", Some(&kiosk), json!({ "language": "EN" })).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/membership", Some(&kiosk), json!({ "choice": "ONE_TIME" })).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/propose", Some(&kiosk), json!({ "rental_type": "LOCKER" })).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/confirm", Some(&kiosk), json!({})).await.0, 200);
            let locked_rev = rev(db);
            let (status, refused) = back(&app, &kiosk, json!({ "to": "RENTAL" })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("SELECTION_LOCKED")), "{refused}");
            assert_eq!(back(&app, &register, json!({ "to": "MEMBERSHIP" })).await.0, 409);
            assert_eq!(rev(db), locked_rev, "refused: nothing changed");
            assert_eq!(audits(db, "SELECTION_STEPPED_BACK").len(), 2);
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            let stay = view["data"]["stay"].clone();
            assert_eq!((&stay["locked"], &stay["quote"], &stay["checkout_at"]), (&json!(true), &view["data"]["quote"], &json!("2026-11-21T00:15:00Z")));

            // the block the signature creates ends when the kiosk said it would
            assert_eq!(post(&app, "/api/lanes/lane-1/session/payment", Some(&register), json!({ "method": "CASH" })).await.0, 200);
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            assert_eq!(view["data"]["stay"]["checkout_at"], stay["checkout_at"]);
            let signature = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
            assert_eq!(post(&app, "/api/lanes/lane-1/session/sign", Some(&kiosk), signature).await.0, 200);
            let ends: frontdesk::db::sql_types::Ts = checkin_blocks::table.select(checkin_blocks::ends_at).first(&mut db.conn()).unwrap();
            assert_eq!(serde_json::to_value(ends.0).unwrap(), stay["checkout_at"]);
            let (_, view) = get(&app, VIEW, Some(&kiosk)).await;
            assert!(view["data"]["stay"].is_null(), "done: the assignment carries the checkout");
            assert_eq!(view["data"]["assignment"]["checkout_at"], stay["checkout_at"]);
        })
    }
);
