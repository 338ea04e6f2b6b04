//! `GET /api/inventory`: the live board after a check-in, with a held unit, the search and the
//! overdue / due-soon flags.

use chrono::Duration;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{check_in, desk};

fn unit<'a>(board: &'a Value, kind: &str, number: &str) -> &'a Value {
    board["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["kind"] == kind && u["number"] == number)
        .unwrap_or_else(|| panic!("{kind} {number} not on the board"))
}

fn count(board: &Value, pred: impl Fn(&Value) -> bool) -> usize {
    board["units"].as_array().unwrap().iter().filter(|u| pred(u)).count()
}

both_backends!(
    fn the_board_shows_occupancy_holds_and_checkout_times(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Ana Board", "STANDARD", "EN").await;
            let room = signed["number"].as_str().unwrap().to_owned();

            let (status, board) = get(&app, "/api/inventory", Some(&desk.register)).await;
            assert_eq!(status, 200, "{board}");
            assert_eq!(board["at"], "2026-11-20T18:00:00Z");
            let units = board["units"].as_array().unwrap();
            assert_eq!((count(&board, |u| u["kind"] == "ROOM"), count(&board, |u| u["kind"] == "LOCKER")), (55, 108));
            assert_eq!((units[0]["kind"].as_str(), units[0]["number"].as_str()), (Some("ROOM"), Some("200")));
            assert_eq!(units[55]["number"], "001", "rooms first, then lockers in order");
            assert_eq!(units[162]["number"], "108");
            assert_eq!(count(&board, |u| u["status"] == "OCCUPIED"), 1);
            assert_eq!(count(&board, |u| u["status"] == "CLEAN"), 162);
            assert_eq!(
                unit(&board, "ROOM", &room),
                &json!({
                    "kind": "ROOM", "number": room, "tier": "STANDARD", "status": "OCCUPIED", "held_by_lane": null,
                    "customer_name": "Ana Board", "checkout_at": signed["checkout_at"], "overdue": false, "due_soon": false,
                })
            );
            assert_eq!(
                unit(&board, "LOCKER", "001"),
                &json!({
                    "kind": "LOCKER", "number": "001", "tier": "LOCKER", "status": "CLEAN", "held_by_lane": null,
                    "customer_name": null, "checkout_at": null, "overdue": false, "due_soon": false,
                })
            );

            // the next customer's locker is held by lane-1 until they sign
            let (_, ben) = post(&app, "/api/customers", Some(&desk.register), json!({ "name": "Ben Holds" })).await;
            post(&app, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": ben["id"] })).await;
            post(&app, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "EN" })).await;
            post(&app, "/api/lanes/lane-1/session/propose", Some(&desk.kiosk), json!({ "rental_type": "LOCKER" })).await;
            assert_eq!(post(&app, "/api/lanes/lane-1/session/confirm", Some(&desk.kiosk), json!({})).await.0, 200);
            let (_, board) = get(&app, "/api/inventory", Some(&desk.manager)).await;
            let held = unit(&board, "LOCKER", "001");
            assert_eq!((held["held_by_lane"].as_str(), held["status"].as_str(), &held["customer_name"]), (Some("lane-1"), Some("CLEAN"), &Value::Null));
            assert_eq!(count(&board, |u| !u["held_by_lane"].is_null()), 1);

            // the checkout approaches, then passes
            let checkout = chrono::DateTime::parse_from_rfc3339(signed["checkout_at"].as_str().unwrap()).unwrap();
            clock.advance(checkout.with_timezone(&chrono::Utc) - start() - Duration::minutes(10));
            let (_, board) = get(&app, "/api/inventory", Some(&desk.register)).await;
            let occupied = unit(&board, "ROOM", &room);
            assert_eq!((occupied["due_soon"].as_bool(), occupied["overdue"].as_bool()), (Some(true), Some(false)));
            clock.advance(Duration::minutes(11));
            let (_, board) = get(&app, "/api/inventory", Some(&desk.register)).await;
            let occupied = unit(&board, "ROOM", &room);
            assert_eq!((occupied["due_soon"].as_bool(), occupied["overdue"].as_bool()), (Some(false), Some(true)));
        })
    }
);

both_backends!(
    fn the_search_matches_numbers_and_names_and_is_bounded(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Cleo Searchable", "LOCKER", "EN").await;
            let locker = signed["number"].as_str().unwrap();

            let (status, found) = get(&app, "/api/inventory?q=%20sEaRcH%20", Some(&desk.register)).await;
            assert_eq!(status, 200, "{found}");
            let units = found["units"].as_array().unwrap();
            assert_eq!(units.len(), 1, "{found}");
            assert_eq!((units[0]["kind"].as_str(), units[0]["number"].as_str(), units[0]["customer_name"].as_str()), (Some("LOCKER"), Some(locker), Some("Cleo Searchable")));

            let numbers = |board: &Value| -> Vec<String> { board["units"].as_array().unwrap().iter().map(|u| u["number"].as_str().unwrap().to_owned()).collect() };
            let (_, all) = get(&app, "/api/inventory", Some(&desk.register)).await;
            let (_, by_number) = get(&app, "/api/inventory?q=21", Some(&desk.register)).await;
            let expected: Vec<String> = numbers(&all).into_iter().filter(|n| n.contains("21")).collect();
            assert_eq!(numbers(&by_number), expected);
            assert!(expected.contains(&"214".to_owned()) && expected.contains(&"021".to_owned()), "{expected:?}");

            let (_, nobody) = get(&app, "/api/inventory?q=nobody-here", Some(&desk.register)).await;
            assert_eq!(nobody["units"], json!([]));
            let (_, everything) = get(&app, "/api/inventory?q=", Some(&desk.register)).await;
            assert_eq!(everything["units"].as_array().unwrap().len(), 163, "an empty search is no filter");

            let (status, refused) = get(&app, &format!("/api/inventory?q={}", "x".repeat(51)), Some(&desk.register)).await;
            assert_eq!((status, refused["error"]["code"].as_str(), refused["error"]["details"]["field"].as_str()), (400, Some("VALIDATION_FAILED"), Some("q")));
            let (status, _) = get(&app, &format!("/api/inventory?q={}", "x".repeat(50)), Some(&desk.register)).await;
            assert_eq!(status, 200);
            let (status, _) = get(&app, "/api/inventory", None).await;
            assert_eq!(status, 401);
            let (status, refused) = get(&app, "/api/inventory", Some(&desk.kiosk)).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("WRONG_PRINCIPAL")));
        })
    }
);
