//! `inventory.changed` (issue 12): every screen hears when the club's stock changes, whichever
//! lane or desk changed it: a hold at another lane, a check-in completed, a checkout and a
//! housekeeping batch; and nothing is sent when a command leaves the stock as it was.

use std::time::Duration;

use frontdesk::clock::ManualClock;
use serde_json::{Value, json};

use crate::both_backends;
use crate::server::*;
use crate::ws::{WsClient, connect};
use crate::{block_on, seeded};

/// The next `inventory.changed` within 5 s (other frames skipped), or `None`.
async fn changed(ws: &mut WsClient) -> Option<Value> {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        let msg = ws.next(left).await?;
        if msg["type"] == "inventory.changed" {
            return Some(msg["data"].clone());
        }
    }
    None
}

both_backends!(
    fn every_screen_hears_the_stock_change(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let (reg, kio) = (desk.register.as_str(), desk.kiosk.as_str());
            let mut other = connect(&server, "/ws/lanes/lane-2", &desk.register2, None).await.unwrap();
            other.view().await;
            let mut monitor = connect(&server, "/ws/monitor", &desk.manager, None).await.unwrap();
            let mut kiosk = connect(&server, "/ws/lanes/lane-1", kio, None).await.unwrap();

            // starting a session, choosing a language and proposing change no stock: nothing sent
            post(&server, "/api/lanes/lane-1/sessions", Some(reg), json!({ "customer_id": customer, "identity_method": "STAFF_CHECKED" })).await;
            post(&server, "/api/lanes/lane-1/session/language", Some(kio), json!({ "language": "EN" })).await;
            post(&server, "/api/lanes/lane-1/session/propose", Some(kio), json!({ "rental_type": "LOCKER" })).await;
            assert!(other.silent_for(Duration::from_millis(300)).await, "no stock change, no message");

            // the kiosk locks a locker: lane-2's register, the monitor and the kiosk hear one less
            let (status, _) = post(&server, "/api/lanes/lane-1/session/confirm", Some(kio), json!({})).await;
            assert_eq!(status, 200);
            for ws in [&mut other, &mut monitor, &mut kiosk] {
                let got = changed(ws).await.expect("inventory.changed after the hold");
                assert_eq!((got["available"]["LOCKER"].as_i64(), got["available"]["GYM_LOCKER"].as_i64()), (Some(107), Some(107)), "{got}");
            }
            assert!(other.silent_for(Duration::from_millis(300)).await, "nothing more until the stock changes");

            // paid and signed: the locker is occupied
            post(&server, "/api/lanes/lane-1/session/payment", Some(reg), json!({ "method": "CASH" })).await;
            let (_, view) = request(&server, "GET", "/api/lanes/lane-1/view", Some(kio), None).await;
            post(&server, "/api/lanes/lane-1/session/agreement-shown", Some(kio), json!({})).await;
            let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::checkin::strokes() });
            let (status, signed) = post(&server, "/api/lanes/lane-1/session/sign", Some(kio), sign).await;
            assert_eq!(status, 200, "{signed}");
            let occupied = changed(&mut other).await.expect("inventory.changed after the check-in");
            assert_eq!((occupied["lockers"]["OCCUPIED"].as_i64(), occupied["available"]["LOCKER"].as_i64()), (Some(1), Some(107)), "{occupied}");

            // the checkout from lane-2's register frees it for everyone
            let (_, board) = request(&server, "GET", "/api/stays", Some(&desk.register2), None).await;
            let visit = board["stays"][0]["visit_id"].as_str().unwrap().to_owned();
            let (status, done) = post(&server, &format!("/api/stays/{visit}/checkout"), Some(&desk.register2), json!({})).await;
            assert_eq!(status, 200, "{done}");
            for ws in [&mut other, &mut monitor] {
                let mut got = changed(ws).await.expect("inventory.changed after the checkout");
                // the monitor heard the check-in's stock too; the lane-2 register read it above
                if got["lockers"]["OCCUPIED"] == 1 {
                    got = changed(ws).await.expect("the checkout's stock");
                }
                assert_eq!((got["lockers"]["OCCUPIED"].as_i64(), got["available"]["LOCKER"].as_i64()), (Some(0), Some(108)), "{got}");
            }

            // a housekeeping batch shows in the counts per status
            let batch = json!({ "units": [{ "kind": "ROOM", "number": "200" }], "status": "DIRTY" });
            let (status, outcome) = post(&server, "/api/inventory/status", Some(reg), batch).await;
            assert_eq!((status, outcome["changed"].as_array().map(Vec::len)), (200, Some(1)), "{outcome}");
            let dirty = changed(&mut monitor).await.expect("inventory.changed after the batch");
            assert_eq!((dirty["rooms"]["DIRTY"].as_i64(), dirty["rooms"]["CLEAN"].as_i64()), (Some(1), Some(54)), "{dirty}");
        })
    }
);

both_backends!(
    fn a_burst_of_stock_changes_reaches_the_screens_as_one_folded_push(db) {
        seeded(db);
        let server = TestServer::start_with(db, &ManualClock::at(start_time()), |s| s.stock_push_every = Duration::from_millis(1000));
        block_on(async {
            let desk = desk(&server).await;
            let mut monitor = connect(&server, "/ws/monitor", &desk.manager, None).await.unwrap();
            // five batches in a row, well within one window
            for number in ["200", "201", "202", "203", "204"] {
                let batch = json!({ "units": [{ "kind": "ROOM", "number": number }], "status": "DIRTY" });
                let (status, outcome) = post(&server, "/api/inventory/status", Some(&desk.register), batch).await;
                assert_eq!((status, outcome["changed"].as_array().map(Vec::len)), (200, Some(1)), "{outcome}");
            }
            let first = changed(&mut monitor).await.expect("the first change is pushed at once");
            assert_eq!(first["rooms"]["DIRTY"].as_i64(), Some(1), "{first}");
            let folded = changed(&mut monitor).await.expect("the other four, folded into one push");
            assert_eq!((folded["rooms"]["DIRTY"].as_i64(), folded["rooms"]["CLEAN"].as_i64()), (Some(5), Some(50)), "{folded}");
            assert!(monitor.silent_for(Duration::from_millis(400)).await, "one push for the four, not four");
        })
    }
);
