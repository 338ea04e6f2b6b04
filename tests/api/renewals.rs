//! Renewals at the lane (issue 14, flows.md §2): 6 hours then the final 2 hours on the same
//! unit, the 14-hour cap, the ±60-minute window, and no block without both payment and
//! signature. Injected clock; both backends.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::ids::{PaymentIntentId, RoomId, SignatureId};
use frontdesk::db::schema::{agreement_signatures, audit_events, checkin_blocks, payment_intents, rooms, visits};
use frontdesk::db::sql_types::Ts;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, check_in, desk};

type BlockRow = (String, i32, Ts, Ts, Option<RoomId>, Option<SignatureId>, Option<PaymentIntentId>);

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("a time: {v}"))).unwrap().with_timezone(&Utc)
}

/// Alex signs out of lane-1's register and in again with a fresh login (logins last 12 hours;
/// the last renewal and its checks come later than that).
async fn relog<S, B>(app: &S, desk: &mut Desk)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (status, _) = post(app, "/api/lanes/lane-1/register/sign-out", Some(&desk.register), json!({})).await;
    assert_eq!(status, 204);
    desk.register = login(app, "alex", "222222").await;
    let (status, answer) = sign_in_register(app, &desk.register, "lane-1", "register-1").await;
    assert_eq!(status, 200, "{answer}");
}

/// Renews `visit` for `hours` at lane-1 through payment and the kiosk's signature; answers the
/// signing answer.
pub async fn renew<S, B>(app: &S, desk: &Desk, visit: &str, hours: i64) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (status, started) =
        post(app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": hours })).await;
    assert_eq!(status, 201, "{started}");
    let (status, paid) = post(app, "/api/lanes/lane-1/session/payment", Some(&desk.register), json!({ "method": "CARD" })).await;
    assert_eq!(status, 200, "{paid}");
    let (_, view) = get(app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await;
    assert_eq!(view["data"]["status"], "AWAITING_SIGNATURE", "{view}");
    let agreement = view["data"]["agreement"]["id"].clone();
    assert_eq!(post(app, "/api/lanes/lane-1/session/agreement-shown", Some(&desk.kiosk), json!({})).await.0, 200);
    let sign = json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() });
    let (status, signed) = post(app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
    assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");
    assert_eq!(post(app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);
    signed
}

async fn visit_of<S, B>(app: &S, token: &str, number: &str) -> String
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (_, board) = get(app, &format!("/api/stays?q={number}"), Some(token)).await;
    let stay = board["stays"].as_array().unwrap().iter().find(|s| s["number"] == number).cloned().unwrap_or_else(|| panic!("{board}"));
    stay["visit_id"].as_str().unwrap().to_owned()
}

both_backends!(
    fn six_hours_then_the_final_two_on_the_same_room_then_the_cap(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let mut desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Renewing Customer", "STANDARD", "EN").await;
            let number = signed["number"].as_str().unwrap().to_owned();
            let first_end = time(&signed["checkout_at"]);
            let visit = visit_of(&app, &desk.register, &number).await;

            // 61 minutes before the checkout: refused, and the options say why
            clock.set(first_end - Duration::minutes(61));
            let (status, options) = get(&app, &format!("/api/stays/{visit}/renewals"), Some(&desk.register)).await;
            assert_eq!(status, 200, "{options}");
            assert_eq!((options["number"].as_str(), options["hours_purchased"].as_i64(), options["hours_left"].as_i64()), (Some(number.as_str()), Some(6), Some(8)));
            let six = &options["options"][0];
            assert_eq!((six["hours"].as_i64(), six["allowed"].as_bool(), six["code"].as_str()), (Some(6), Some(false), Some("OUTSIDE_RENEWAL_WINDOW")), "{options}");
            assert_eq!(six["quote"]["total_cents"].as_i64(), Some(options["options"][0]["quote"]["total_cents"].as_i64().unwrap()));
            let (status, refused) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": 6 })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("OUTSIDE_RENEWAL_WINDOW")), "{refused}");
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&desk.register)).await;
            assert_eq!(view["data"]["status"], "IDLE", "a refused renewal opens no session: {view}");

            // 30 minutes before: 6 hours, starting at the old checkout, same room
            clock.set(first_end - Duration::minutes(30));
            let (_, options) = get(&app, &format!("/api/stays/{visit}/renewals"), Some(&desk.register)).await;
            assert_eq!((options["options"][0]["allowed"].as_bool(), options["options"][1]["allowed"].as_bool()), (Some(true), Some(true)), "{options}");
            let price = options["options"][0]["quote"]["total_cents"].as_i64().unwrap();
            let renewed = renew(&app, &desk, &visit, 6).await;
            assert_eq!(renewed["number"].as_str(), Some(number.as_str()), "the unit never changes: {renewed}");
            let second_end = time(&renewed["checkout_at"]);
            assert_eq!(second_end, first_end + Duration::hours(6));

            // then the final 2 hours, exactly 2 h after
            clock.set(second_end - Duration::minutes(10));
            relog(&app, &mut desk).await;
            let last = renew(&app, &desk, &visit, 2).await;
            assert_eq!((last["number"].as_str(), time(&last["checkout_at"])), (Some(number.as_str()), second_end + Duration::hours(2)));

            // a further 2 h: the cap (14 purchased hours) refuses it
            clock.set(second_end + Duration::hours(2) - Duration::minutes(5));
            let (_, options) = get(&app, &format!("/api/stays/{visit}/renewals"), Some(&desk.register)).await;
            assert_eq!((options["hours_purchased"].as_i64(), options["hours_left"].as_i64()), (Some(14), Some(0)));
            assert_eq!(options["options"][1]["code"], "VISIT_CAP_REACHED", "{options}");
            let (status, refused) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": 2 })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("VISIT_CAP_REACHED")), "{refused}");

            // the rows: three blocks on the one room, back to back; the room points at the last
            let mut conn = db.conn();
            let visit_id: frontdesk::db::ids::VisitId = visit.parse().unwrap();
            let blocks: Vec<BlockRow> = checkin_blocks::table
                .filter(checkin_blocks::visit_id.eq(visit_id))
                .order(checkin_blocks::starts_at)
                .select((checkin_blocks::block_type, checkin_blocks::hours_purchased, checkin_blocks::starts_at, checkin_blocks::ends_at, checkin_blocks::room_id, checkin_blocks::agreement_signature_id, checkin_blocks::payment_intent_id))
                .load(&mut conn)
                .unwrap();
            let shape: Vec<(&str, i32)> = blocks.iter().map(|b| (b.0.as_str(), b.1)).collect();
            assert_eq!(shape, [("INITIAL", 6), ("RENEWAL", 6), ("FINAL2H", 2)]);
            assert_eq!((blocks[1].2.0, blocks[1].3.0, blocks[2].2.0), (first_end, second_end, second_end));
            assert!(blocks.iter().all(|b| b.4 == blocks[0].4 && b.5.is_some() && b.6.is_some()), "same room, each signed and paid");
            let room: (Option<frontdesk::db::ids::BlockId>, String) = rooms::table.filter(rooms::number.eq(&number)).select((rooms::current_block_id, rooms::status)).first(&mut conn).unwrap();
            let last_block: frontdesk::db::ids::BlockId = checkin_blocks::table.filter(checkin_blocks::visit_id.eq(visit_id).and(checkin_blocks::block_type.eq("FINAL2H"))).select(checkin_blocks::id).first(&mut conn).unwrap();
            assert_eq!(room, (Some(last_block), "OCCUPIED".to_owned()));
            let intents: Vec<(String, i64, String)> = payment_intents::table
                .filter(payment_intents::visit_id.eq(visit_id))
                .order(payment_intents::created_at)
                .select((payment_intents::purpose, payment_intents::amount_cents, payment_intents::status))
                .load(&mut conn)
                .unwrap();
            assert_eq!(intents, [("RENEWAL".to_owned(), price, "PAID".to_owned()), ("FINAL_EXTENSION".to_owned(), 2000 + 1300, "PAID".to_owned())]);
            let signed_blocks: i64 = agreement_signatures::table.filter(agreement_signatures::checkin_block_id.eq(Some(last_block))).count().get_result(&mut conn).unwrap();
            assert_eq!(signed_blocks, 1, "the final block's signature names it");
            let actions: i64 = audit_events::table.filter(audit_events::action.eq_any(["RENEWAL_STARTED", "RENEWAL_COMPLETED"])).count().get_result(&mut conn).unwrap();
            assert_eq!(actions, 4);
            let open: Option<frontdesk::db::sql_types::Ts> = visits::table.find(visit_id).select(visits::ended_at).first(&mut conn).unwrap();
            assert!(open.is_none());

            // the due board shows the new checkout
            let (_, board) = get(&app, &format!("/api/stays?q={number}"), Some(&desk.register)).await;
            assert_eq!(time(&board["stays"][0]["checkout_at"]), second_end + Duration::hours(2));
        })
    }
);

both_backends!(
    fn no_block_without_payment_or_without_a_signature(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Unpaid Renewal", "LOCKER", "ES").await;
            let number = signed["number"].as_str().unwrap().to_owned();
            let end = time(&signed["checkout_at"]);
            let visit = visit_of(&app, &desk.register, &number).await;
            clock.set(end - Duration::minutes(20));
            let blocks = |db: &crate::support::TestDb| -> i64 {
                let visit_id: frontdesk::db::ids::VisitId = visit.parse().unwrap();
                checkin_blocks::table.filter(checkin_blocks::visit_id.eq(visit_id)).count().get_result(&mut db.conn()).unwrap()
            };

            // started: the kiosk shows the renewal (same locker, new checkout) and the price
            let (status, _) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": 6 })).await;
            assert_eq!(status, 201);
            let (_, kiosk) = get(&app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await;
            let k = &kiosk["data"];
            assert_eq!((k["status"].as_str(), k["mode"].as_str(), k["language"].as_str()), (Some("AWAITING_PAYMENT"), Some("RENEWAL"), Some("ES")), "{kiosk}");
            assert_eq!((k["renewal"]["unit"]["number"].as_str(), k["renewal"]["hours"].as_i64()), (Some(number.as_str()), Some(6)));
            assert_eq!(time(&k["renewal"]["starts_at"]), end);
            assert_eq!(time(&k["stay"]["checkout_at"]), end + Duration::hours(6));
            assert!(k["quote"]["total_cents"].as_i64().unwrap() > 0);
            // nothing to sign before payment; no add-ons on a renewal; no rental choice
            let (status, refused) = post(&app, "/api/lanes/lane-1/session/agreement-shown", Some(&desk.kiosk), json!({})).await;
            assert_eq!(status, 409, "{refused}");
            let (status, refused) = post(&app, "/api/lanes/lane-1/session/addons", Some(&desk.register), json!({ "items": [{ "description": "Towel", "amount_cents": 300 }] })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("NOT_FOR_RENEWAL")), "{refused}");
            let (status, _) = post(&app, "/api/lanes/lane-1/session/propose", Some(&desk.kiosk), json!({ "rental_type": "STANDARD" })).await;
            assert_eq!(status, 409);
            // the customer is busy at this lane: a second renewal elsewhere is refused
            let (status, refused) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": 2 })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("LANE_BUSY")));
            assert_eq!(blocks(db), 1, "no block before payment");

            // cancelled before payment: no block, the intent cancelled
            assert_eq!(post(&app, "/api/lanes/lane-1/session/cancel", Some(&desk.register), json!({ "reason": "changed mind" })).await.0, 200);
            assert_eq!(blocks(db), 1);
            // paid but not signed: still no block
            let (status, _) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), json!({ "visit_id": visit, "hours": 6 })).await;
            assert_eq!(status, 201);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/payment", Some(&desk.register), json!({ "method": "CASH" })).await.0, 200);
            assert_eq!(blocks(db), 1, "no block before the signature");
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&desk.register)).await;
            assert_eq!((view["data"]["status"].as_str(), view["data"]["session"]["mode"].as_str()), (Some("AWAITING_SIGNATURE"), Some("RENEWAL")));
            assert_eq!(view["data"]["session"]["renewal"]["unit"]["number"].as_str(), Some(number.as_str()));
            let statuses: Vec<String> = payment_intents::table
                .filter(payment_intents::purpose.eq("RENEWAL"))
                .order(payment_intents::created_at)
                .select(payment_intents::status)
                .load(&mut db.conn())
                .unwrap();
            assert_eq!(statuses, ["CANCELLED", "PAID"]);
            // a paid renewal in progress keeps the stay from being checked out under it
            let (status, refused) = post(&app, &format!("/api/stays/{visit}/checkout"), Some(&desk.register), json!({})).await;
            assert_eq!((status, refused["error"]["code"].as_str(), refused["error"]["details"]["lane_id"].as_str()), (409, Some("RENEWAL_IN_PROGRESS"), Some("lane-1")), "{refused}");

            // bad input: hours other than 6 or 2, an unknown stay
            for (body, want) in [
                (json!({ "visit_id": visit, "hours": 4 }), 400),
                (json!({ "visit_id": "6f1e1c1e-0000-4000-8000-000000000000", "hours": 6 }), 404),
                (json!({ "visit_id": visit }), 400),
            ] {
                let (status, answer) = post(&app, "/api/lanes/lane-1/renewals", Some(&desk.register), body.clone()).await;
                assert_eq!(status, want, "{body}: {answer}");
            }
            let (status, _) = get(&app, "/api/stays/6f1e1c1e-0000-4000-8000-000000000000/renewals", Some(&desk.register)).await;
            assert_eq!(status, 404);
            let (status, _) = get(&app, &format!("/api/stays/{visit}/renewals"), None).await;
            assert_eq!(status, 401);
        })
    }
);
