//! Housekeeping batches (issue 12, flows.md §5): each unit succeeds or fails on its own, the
//! override needs a manager's fresh step-up and leaves the flag, and a room freed by checkout
//! and cleaned is the next check-in's.

use chrono::Duration;
use diesel::prelude::*;
use frontdesk::db::schema::{audit_events, inventory_transitions, rooms};
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{check_in, desk};

fn room(number: &str) -> Value {
    json!({ "kind": "ROOM", "number": number })
}

fn codes(outcome: &Value) -> Vec<(String, String)> {
    outcome["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["number"].as_str().unwrap().to_owned(), r["code"].as_str().unwrap().to_owned()))
        .collect()
}

fn changed(outcome: &Value) -> Vec<String> {
    outcome["changed"].as_array().unwrap().iter().map(|r| r["number"].as_str().unwrap().to_owned()).collect()
}

fn status_of(db: &crate::support::TestDb, number: &str) -> (String, bool) {
    rooms::table.filter(rooms::number.eq(number)).select((rooms::status, rooms::override_flag)).first(&mut db.conn()).unwrap()
}

/// Checks the stay on `number` out (no fee: on time).
async fn check_out<S, B>(app: &S, token: &str, number: &str)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (_, board) = get(app, &format!("/api/stays?q={number}"), Some(token)).await;
    let visit = board["stays"][0]["visit_id"].as_str().unwrap().to_owned();
    let (status, done) = post(app, &format!("/api/stays/{visit}/checkout"), Some(token), json!({})).await;
    assert_eq!(status, 200, "{done}");
}

both_backends!(
    fn a_batch_reports_each_unit_and_the_freed_room_is_rented_again(db) {
        block_on(async {
            let (app, _clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, first) = check_in(&app, &desk, "Ada First", "STANDARD", "EN").await;
            assert_eq!(first["number"], "200");
            check_out(&app, &desk.register, "200").await;
            assert_eq!(status_of(db, "200"), ("DIRTY".to_owned(), false));
            let (_, second) = check_in(&app, &desk, "Bo Second", "STANDARD", "EN").await;
            assert_eq!(second["number"], "202", "a dirty room is not rented (201 is missing in the demo)");

            // one batch: two allowed, an occupied room, an unknown room, a room already cleaning
            let batch = json!({ "units": [room("200"), room("203"), room("202"), room("999")], "status": "CLEANING" });
            let (status, outcome) = post(&app, "/api/inventory/status", Some(&desk.register), batch).await;
            assert_eq!(status, 200, "{outcome}");
            assert_eq!(changed(&outcome), ["200", "203"]);
            assert_eq!(codes(&outcome), [("202".to_owned(), "UNIT_OCCUPIED".to_owned()), ("999".to_owned(), "UNIT_NOT_FOUND".to_owned())]);
            assert!(outcome["refused"][0]["message"].as_str().unwrap().contains("check the customer out first"), "{outcome}");
            let (_, again) = post(&app, "/api/inventory/status", Some(&desk.register), json!({ "units": [room("200")], "status": "CLEANING" })).await;
            assert_eq!(codes(&again), [("200".to_owned(), "ALREADY_IN_STATUS".to_owned())]);
            let (_, clean) = post(&app, "/api/inventory/status", Some(&desk.register), json!({ "units": [room("200"), room("203")], "status": "CLEAN" })).await;
            assert_eq!(changed(&clean), ["200", "203"], "{clean}");

            // cleaned, 200 is the lowest free standard room again
            let (_, third) = check_in(&app, &desk, "Cy Third", "STANDARD", "EN").await;
            assert_eq!(third["number"], "200");

            // every change recorded: who, from, to
            let mut conn = db.conn();
            let rows: Vec<(String, String, String)> = inventory_transitions::table
                .order(inventory_transitions::at)
                .select((inventory_transitions::from_status, inventory_transitions::to_status, inventory_transitions::cause))
                .load(&mut conn)
                .unwrap();
            let expected = [("OCCUPIED", "DIRTY", "CHECKOUT"), ("DIRTY", "CLEANING", "CLEANING"), ("CLEAN", "CLEANING", "CLEANING"), ("CLEANING", "CLEAN", "CLEANING"), ("CLEANING", "CLEAN", "CLEANING")];
            assert_eq!(rows.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect::<Vec<_>>(), expected);
            let audited: i64 = audit_events::table.filter(audit_events::action.eq("UNIT_STATUS_CHANGED")).count().get_result(&mut conn).unwrap();
            assert_eq!(audited, 4);
        })
    }
);

both_backends!(
    fn skipping_a_step_needs_a_stepped_up_managers_override(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, first) = check_in(&app, &desk, "Di Override", "STANDARD", "EN").await;
            check_out(&app, &desk.register, first["number"].as_str().unwrap()).await;
            let skip = json!({ "units": [room("200")], "status": "CLEAN" });
            let (_, outcome) = post(&app, "/api/inventory/status", Some(&desk.register), skip).await;
            assert_eq!(codes(&outcome), [("200".to_owned(), "OVERRIDE_REQUIRED".to_owned())], "{outcome}");

            let with_reason = json!({ "units": [room("200")], "status": "CLEAN", "override_reason": "Cleaned by the night shift, not logged" });
            let (status, refused) = post(&app, "/api/inventory/status", Some(&desk.register), with_reason.clone()).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("MANAGER_REQUIRED")), "{refused}");
            let plain_manager = login(&app, "manager", "111111").await;
            let (status, refused) = post(&app, "/api/inventory/status", Some(&plain_manager), with_reason.clone()).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")), "{refused}");
            // a stepped-up login whose step-up has gone stale is refused too
            clock.advance(Duration::minutes(6));
            let (status, _) = post(&app, "/api/inventory/status", Some(&desk.manager), with_reason.clone()).await;
            assert_eq!(status, 403);
            assert_eq!(status_of(db, "200"), ("DIRTY".to_owned(), false), "refusals change nothing");

            step_up(&app, &desk.manager, "111111").await;
            let (status, outcome) = post(&app, "/api/inventory/status", Some(&desk.manager), with_reason).await;
            assert_eq!((status, changed(&outcome)), (200, vec!["200".to_owned()]), "{outcome}");
            assert_eq!(outcome["changed"][0]["overridden"], true);
            assert_eq!(status_of(db, "200"), ("CLEAN".to_owned(), true));
            // the flag is sticky: an ordinary change later keeps it
            let (_, dirty) = post(&app, "/api/inventory/status", Some(&desk.register), json!({ "units": [room("200")], "status": "DIRTY" })).await;
            assert_eq!(changed(&dirty), ["200"]);
            assert_eq!(status_of(db, "200"), ("DIRTY".to_owned(), true));
            let mut conn = db.conn();
            let (reason, cause): (Option<String>, String) = inventory_transitions::table
                .filter(inventory_transitions::to_status.eq("CLEAN"))
                .select((inventory_transitions::reason, inventory_transitions::cause))
                .first(&mut conn)
                .unwrap();
            assert_eq!((reason.as_deref(), cause.as_str()), (Some("Cleaned by the night shift, not logged"), "OVERRIDE"));
            let audited: Option<String> = audit_events::table.filter(audit_events::action.eq("UNIT_STATUS_CHANGED")).order(audit_events::seq).select(audit_events::reason).first(&mut conn).unwrap();
            assert_eq!(audited.as_deref(), Some("Cleaned by the night shift, not logged"));
        })
    }
);

both_backends!(
    fn out_of_order_is_a_managers_and_held_units_are_left_alone(db) {
        block_on(async {
            let (app, _clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let ooo = json!({ "units": [room("210")], "status": "OUT_OF_ORDER" });
            let (_, outcome) = post(&app, "/api/inventory/status", Some(&desk.register), ooo.clone()).await;
            assert_eq!(codes(&outcome), [("210".to_owned(), "MANAGER_REQUIRED".to_owned())]);
            let (_, outcome) = post(&app, "/api/inventory/status", Some(&desk.manager), ooo).await;
            assert_eq!(changed(&outcome), ["210"]);
            let (_, back) = post(&app, "/api/inventory/status", Some(&desk.register), json!({ "units": [room("210")], "status": "DIRTY" })).await;
            assert_eq!(changed(&back), ["210"], "out of order and back, through dirty");

            // a unit held by a check-in in progress is not cleaned under it
            let (_, customer) = post(&app, "/api/customers", Some(&desk.register), json!({ "name": "Eve Held" })).await;
            post(&app, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer["id"] })).await;
            post(&app, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "EN" })).await;
            post(&app, "/api/lanes/lane-1/session/propose", Some(&desk.kiosk), json!({ "rental_type": "STANDARD" })).await;
            assert_eq!(post(&app, "/api/lanes/lane-1/session/confirm", Some(&desk.kiosk), json!({})).await.0, 200);
            let (_, outcome) = post(&app, "/api/inventory/status", Some(&desk.register), json!({ "units": [room("200")], "status": "CLEANING" })).await;
            assert_eq!(codes(&outcome), [("200".to_owned(), "UNIT_HELD".to_owned())], "{outcome}");
            assert!(outcome["refused"][0]["message"].as_str().unwrap().contains("Lane 1"), "{outcome}");
        })
    }
);

both_backends!(
    fn bad_batches_are_refused_whole(db) {
        block_on(async {
            let (app, _clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let many: Vec<Value> = (0..51).map(|i| room(&format!("{}", 200 + i))).collect();
            for (bad, field) in [
                (json!({ "units": [], "status": "CLEAN" }), Some("units")),
                (json!({ "units": many, "status": "CLEAN" }), Some("units")),
                (json!({ "units": [room("200"), room("200")], "status": "CLEANING" }), Some("units")),
                (json!({ "units": [room("200")], "status": "OCCUPIED" }), Some("status")),
                (json!({ "units": [room("")], "status": "CLEAN" }), Some("units[0].number")),
                (json!({ "units": [{ "kind": "CLOSET", "number": "1" }], "status": "CLEAN" }), None),
                (json!({ "units": [room("200")], "status": "SPARKLING" }), None),
                (json!({ "units": [room("200")], "status": "DIRTY", "override_reason": "" }), Some("override_reason")),
            ] {
                let (status, refused) = post(&app, "/api/inventory/status", Some(&desk.manager), bad.clone()).await;
                assert_eq!((status, refused["error"]["code"].as_str()), (400, Some("VALIDATION_FAILED")), "{bad}: {refused}");
                if let Some(field) = field {
                    let named = refused["error"]["details"]["field"].as_str().unwrap_or_default();
                    assert_eq!(named, field, "{bad}: {refused}");
                }
            }
            assert_eq!(status_of(db, "200"), ("CLEAN".to_owned(), false));
            let (status, _) = post(&app, "/api/inventory/status", None, json!({ "units": [room("200")], "status": "DIRTY" })).await;
            assert_eq!(status, 401);
        })
    }
);

/// Sends `units` to `status` through the register.
async fn batch<S, B>(app: &S, token: &str, numbers: &[&str], status: &str) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let units: Vec<Value> = numbers.iter().map(|n| room(n)).collect();
    let (status, outcome) = post(app, "/api/inventory/status", Some(token), json!({ "units": units, "status": status })).await;
    assert_eq!(status, 200, "{outcome}");
    outcome
}

/// The kiosk's agreement id and a signing body for it.
async fn signing<S, B>(app: &S, kiosk: &str) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (_, view) = get(app, "/api/lanes/lane-1/view", Some(kiosk)).await;
    json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() })
}

both_backends!(
    fn a_check_in_racing_a_cleaning_change_never_gets_a_room_that_is_not_clean(db) {
        block_on(async {
            let (app, _clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let lane = |step: &str| format!("/api/lanes/lane-1/{step}");
            let dirty = json!({ "units": [room("200")], "status": "DIRTY" });
            for round in 0..10 {
                let (_, customer) = post(&app, "/api/customers", Some(&desk.register), json!({ "name": format!("Race Round{round}") })).await;
                post(&app, &lane("sessions"), Some(&desk.register), json!({ "customer_id": customer["id"] })).await;
                post(&app, &lane("session/language"), Some(&desk.kiosk), json!({ "language": "EN" })).await;
                post(&app, &lane("session/propose"), Some(&desk.kiosk), json!({ "rental_type": "STANDARD" })).await;
                // even rounds race the hold (confirm) against 200 going dirty, odd rounds the assignment (sign)
                let (number, cleaned) = if round % 2 == 0 {
                    let (confirmed, cleaned) = futures_util::future::join(
                        post(&app, &lane("session/confirm"), Some(&desk.kiosk), json!({})),
                        post(&app, "/api/inventory/status", Some(&desk.register), dirty.clone()),
                    )
                    .await;
                    assert_eq!((confirmed.0, cleaned.0), (200, 200), "{confirmed:?} {cleaned:?}");
                    post(&app, &lane("session/payment"), Some(&desk.register), json!({ "method": "CASH" })).await;
                    let (status, signed) = post(&app, &lane("session/sign"), Some(&desk.kiosk), signing(&app, &desk.kiosk).await).await;
                    assert_eq!(status, 200, "{signed}");
                    (signed["number"].as_str().unwrap().to_owned(), cleaned.1)
                } else {
                    post(&app, &lane("session/confirm"), Some(&desk.kiosk), json!({})).await;
                    post(&app, &lane("session/payment"), Some(&desk.register), json!({ "method": "CASH" })).await;
                    let sign = signing(&app, &desk.kiosk).await;
                    let (signed, cleaned) = futures_util::future::join(
                        post(&app, &lane("session/sign"), Some(&desk.kiosk), sign),
                        post(&app, "/api/inventory/status", Some(&desk.register), dirty.clone()),
                    )
                    .await;
                    assert_eq!(signed.0, 200, "{signed:?}");
                    (signed.1["number"].as_str().unwrap().to_owned(), cleaned.1)
                };
                // either the cleaning won (200 dirty, the check-in took another room) or the
                // check-in did (the cleaning refused, 200 occupied): never both
                if changed(&cleaned) == ["200"] {
                    assert_eq!(round % 2, 0, "a held room was cleaned under the check-in: {cleaned}");
                    assert_ne!(number, "200", "round {round}");
                    assert_eq!(status_of(db, "200").0, "DIRTY");
                } else {
                    assert_eq!(number, "200", "round {round}: {cleaned}");
                    let refused = codes(&cleaned);
                    assert!(["UNIT_HELD", "UNIT_OCCUPIED", "STALE_VERSION"].contains(&refused[0].1.as_str()), "{cleaned}");
                }
                assert_eq!(status_of(db, &number).0, "OCCUPIED");
                post(&app, &lane("session/close"), Some(&desk.register), json!({})).await;
                check_out(&app, &desk.register, &number).await;
                // everything back to clean for the next round
                let mut used = vec!["200", number.as_str()];
                used.dedup();
                batch(&app, &desk.register, &used, "CLEANING").await;
                batch(&app, &desk.register, &used, "CLEAN").await;
                assert_eq!(status_of(db, "200").0, "CLEAN");
            }
            let failing: Vec<_> = frontdesk::db::integrity::run_all(&mut db.conn()).unwrap().into_iter().filter(|c| c.count > 0).collect();
            assert!(failing.is_empty(), "{failing:?}");
        })
    }
);
