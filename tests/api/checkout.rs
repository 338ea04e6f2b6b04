//! Checkout (issue 12, flows.md §4): the due board, the late-fee table with its ban, the fee
//! settled once (paid or past-due, never both), a room to DIRTY and a locker to CLEAN, and a
//! second or concurrent checkout that changes nothing.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::schema::{audit_events, checkouts, customers, inventory_transitions, lockers, payment_intents, rooms, visits};
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{check_in, desk};

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("a time: {v}"))).unwrap().with_timezone(&Utc)
}

/// The open stay on `number`, from the due board.
async fn stay<S, B>(app: &S, token: &str, number: &str) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (status, board) = get(app, &format!("/api/stays?q={number}"), Some(token)).await;
    assert_eq!(status, 200, "{board}");
    board["stays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == number)
        .cloned()
        .unwrap_or_else(|| panic!("no stay on {number}: {board}"))
}

both_backends!(
    fn the_late_fee_table_and_its_ban(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let cases = [(29, 0, false), (30, 1500, false), (59, 1500, false), (60, 3500, false), (89, 3500, false), (90, 3500, true)];
            let mut stays = Vec::new();
            for i in 0..cases.len() {
                stays.push(check_in(&app, &desk, &format!("Late Customer{i}"), "STANDARD", "EN").await);
            }
            for (i, ((minutes, fee, banned), (customer, signed))) in cases.into_iter().zip(stays).enumerate() {
                // a fresh login: the desk's have expired hours after the check-ins
                let token = login(&app, "sam", "333333").await;
                let number = signed["number"].as_str().unwrap().to_owned();
                let ends = time(&signed["checkout_at"]);
                clock.set(ends + Duration::minutes(minutes) + Duration::seconds(59));
                let open = stay(&app, &token, &number).await;
                assert_eq!((open["minutes_late"].as_i64(), open["late_fee_cents"].as_i64(), open["late_ban"].as_bool()), (Some(minutes), Some(fee), Some(banned)), "{open}");
                assert_eq!(open["overdue"], true);
                let settle = if i % 2 == 0 { json!({ "late_fee": "PAST_DUE", "expected_late_fee_cents": fee }) } else { json!({ "late_fee": "PAID", "method": "CASH", "expected_late_fee_cents": fee }) };
                let path = format!("/api/stays/{}/checkout", open["visit_id"].as_str().unwrap());
                let (status, done) = post(&app, &path, Some(&token), settle).await;
                assert_eq!(status, 200, "{minutes} min: {done}");
                assert_eq!((done["minutes_late"].as_i64(), done["late_fee_cents"].as_i64(), done["unit_status"].as_str()), (Some(minutes), Some(fee), Some("DIRTY")));
                let expected_settlement = match (fee, i % 2) { (0, _) => "NONE", (_, 0) => "PAST_DUE", _ => "PAID" };
                assert_eq!(done["fee_settlement"], expected_settlement, "{done}");
                assert_eq!(done["banned_until"].is_null(), !banned, "{done}");

                // the fee lands once: either a PAID intent or the past-due balance
                let mut conn = db.conn();
                let id: frontdesk::db::ids::CustomerId = serde_json::from_value(customer.clone()).unwrap();
                let (past_due, notes, banned_until): (i64, String, Option<frontdesk::db::sql_types::Ts>) = customers::table.find(id).select((customers::past_due_cents, customers::notes, customers::banned_until)).first(&mut conn).unwrap();
                let visit: frontdesk::db::ids::VisitId = serde_json::from_value(open["visit_id"].clone()).unwrap();
                let paid: Vec<(String, i64, String)> = payment_intents::table.filter(payment_intents::visit_id.eq(visit).and(payment_intents::purpose.eq("LATE_FEE"))).select((payment_intents::status, payment_intents::amount_cents, payment_intents::method.assume_not_null())).load(&mut conn).unwrap();
                match expected_settlement {
                    "NONE" => assert_eq!((past_due, paid.len()), (0, 0)),
                    "PAST_DUE" => {
                        assert_eq!((past_due, paid.len()), (fee, 0));
                        assert!(notes.contains("[SYSTEM_LATE_FEE_PENDING]") && notes.contains(&format!("{minutes} minutes late")), "{notes}");
                    }
                    _ => assert_eq!((past_due, paid), (0, vec![("PAID".to_owned(), fee, "CASH".to_owned())])),
                }
                assert_eq!(banned_until.map(|t| t.0), banned.then(|| clock.now_utc() + Duration::days(30)));
                let ended: Option<frontdesk::db::sql_types::Ts> = visits::table.find(visit).select(visits::ended_at).first(&mut conn).unwrap();
                assert_eq!(ended.map(|t| t.0), Some(clock.now_utc()));
                let room: (String, Option<frontdesk::db::ids::CustomerId>) = rooms::table.filter(rooms::number.eq(&number)).select((rooms::status, rooms::assigned_to_customer_id)).first(&mut conn).unwrap();
                assert_eq!(room, ("DIRTY".to_owned(), None));
            }
            let mut conn = db.conn();
            let actions: Vec<String> = audit_events::table.filter(audit_events::action.eq_any(["CHECKOUT_COMPLETED", "LATE_FEE_PAID", "PAST_DUE_ADDED", "CUSTOMER_BANNED"])).order(audit_events::seq).select(audit_events::action).load(&mut conn).unwrap();
            assert_eq!(actions.iter().filter(|a| *a == "CHECKOUT_COMPLETED").count(), 6);
            assert_eq!(actions.iter().filter(|a| *a == "LATE_FEE_PAID").count(), 3, "30, 60 and 90 min paid");
            assert_eq!(actions.iter().filter(|a| *a == "PAST_DUE_ADDED").count(), 2, "59 and 89 min to the balance");
            assert_eq!(actions.iter().filter(|a| *a == "CUSTOMER_BANNED").count(), 1);
            let transitions: i64 = inventory_transitions::table.filter(inventory_transitions::cause.eq("CHECKOUT").and(inventory_transitions::to_status.eq("DIRTY"))).count().get_result(&mut conn).unwrap();
            assert_eq!(transitions, 6);
        })
    }
);

both_backends!(
    fn a_fee_needs_a_decision_and_a_changed_fee_is_refused(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Lena Locker", "LOCKER", "EN").await;
            let number = signed["number"].as_str().unwrap().to_owned();
            clock.set(time(&signed["checkout_at"]) + Duration::minutes(29));
            let open = stay(&app, &desk.register, &number).await;
            let path = format!("/api/stays/{}/checkout", open["visit_id"].as_str().unwrap());
            // the screen showed $0 at 29 minutes; a minute later the fee is $15
            clock.advance(Duration::minutes(1));
            let (status, refused) = post(&app, &path, Some(&desk.register), json!({ "expected_late_fee_cents": 0 })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("LATE_FEE_CHANGED")), "{refused}");
            assert_eq!((refused["error"]["details"]["late_fee_cents"].as_i64(), refused["error"]["details"]["minutes_late"].as_i64()), (Some(1500), Some(30)));
            let (status, refused) = post(&app, &path, Some(&desk.register), json!({})).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("LATE_FEE_DECISION_NEEDED")), "{refused}");
            let (status, refused) = post(&app, &path, Some(&desk.register), json!({ "late_fee": "PAID" })).await;
            assert_eq!((status, refused["error"]["details"]["field"].as_str()), (400, Some("method")), "{refused}");
            for bad in [json!({ "late_fee": "LATER" }), json!({ "method": "GOLD" }), json!({ "expected_late_fee_cents": -1 }), json!({ "extra": 1 })] {
                let (status, refused) = post(&app, &path, Some(&desk.register), bad.clone()).await;
                assert_eq!((status, refused["error"]["code"].as_str()), (400, Some("VALIDATION_FAILED")), "{bad}: {refused}");
            }
            // nothing changed: the stay is still open on the board
            assert_eq!(stay(&app, &desk.register, &number).await["visit_id"], open["visit_id"]);
            assert_eq!(checkouts::table.count().get_result::<i64>(&mut db.conn()).unwrap(), 0);
            let (status, missing) = post(&app, &format!("/api/stays/{}/checkout", uuid::Uuid::now_v7()), Some(&desk.register), json!({})).await;
            assert_eq!((status, missing["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
            let (status, _) = post(&app, &path, None, json!({})).await;
            assert_eq!(status, 401);

            let (status, done) = post(&app, &path, Some(&desk.register), json!({ "late_fee": "PAID", "method": "CARD", "expected_late_fee_cents": 1500 })).await;
            assert_eq!((status, done["unit_status"].as_str(), done["kind"].as_str()), (200, Some("CLEAN"), Some("LOCKER")), "{done}");
            let locker: (String, bool) = lockers::table.filter(lockers::number.eq(&number)).select((lockers::status, lockers::assigned_to_customer_id.is_null())).first(&mut db.conn()).unwrap();
            assert_eq!(locker, ("CLEAN".to_owned(), true), "a locker is clean again at once");
        })
    }
);

both_backends!(
    fn a_second_or_concurrent_checkout_changes_nothing(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Otto Twice", "STANDARD", "EN").await;
            let number = signed["number"].as_str().unwrap().to_owned();
            clock.set(time(&signed["checkout_at"]) + Duration::minutes(45));
            let open = stay(&app, &desk.register, &number).await;
            let path = format!("/api/stays/{}/checkout", open["visit_id"].as_str().unwrap());
            let body = json!({ "late_fee": "PAST_DUE" });
            // two registers at once
            let (a, b) = futures_util::future::join(post(&app, &path, Some(&desk.register), body.clone()), post(&app, &path, Some(&desk.manager), body.clone())).await;
            let mut statuses = [a.0, b.0];
            statuses.sort_unstable();
            assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
            let refused = if a.0 == 409 { a.1 } else { b.1 };
            assert_eq!(refused["error"]["code"], "ALREADY_CHECKED_OUT", "{refused}");
            assert_eq!((refused["error"]["details"]["number"].as_str(), refused["error"]["details"]["late_fee_cents"].as_i64()), (Some(number.as_str()), Some(1500)));
            // and once more, later
            clock.advance(Duration::minutes(20));
            let (status, again) = post(&app, &path, Some(&desk.register), body).await;
            assert_eq!((status, again["error"]["code"].as_str()), (409, Some("ALREADY_CHECKED_OUT")));
            let mut conn = db.conn();
            assert_eq!(checkouts::table.count().get_result::<i64>(&mut conn).unwrap(), 1);
            let past_due: i64 = customers::table.filter(customers::name.eq("Otto Twice")).select(customers::past_due_cents).first(&mut conn).unwrap();
            assert_eq!(past_due, 1500, "the fee is added once");
            let completed: i64 = audit_events::table.filter(audit_events::action.eq("CHECKOUT_COMPLETED")).count().get_result(&mut conn).unwrap();
            assert_eq!(completed, 1);
            let (_, board) = get(&app, "/api/stays", Some(&desk.register)).await;
            assert_eq!(board["stays"], json!([]));
        })
    }
);
