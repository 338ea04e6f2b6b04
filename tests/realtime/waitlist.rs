//! `waitlist.changed` (issue 14): the registers and the manager's monitor hear when the upgrade
//! waitlist changes — a check-in that joins it, a checkout that ends the entry — and the
//! customers' kiosks never do.

use std::time::Duration;

use frontdesk::clock::ManualClock;
use serde_json::{Value, json};

use crate::both_backends;
use crate::server::*;
use crate::ws::{WsClient, connect};
use crate::{block_on, seeded};

/// The next `waitlist.changed` within 5 s (other frames skipped), or `None`.
async fn changed(ws: &mut WsClient, wait: Duration) -> Option<Value> {
    let deadline = std::time::Instant::now() + wait;
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        let msg = ws.next(left).await?;
        if msg["type"] == "waitlist.changed" {
            return Some(msg["data"].clone());
        }
    }
    None
}

both_backends!(
    fn registers_and_the_monitor_hear_the_waitlist_kiosks_do_not(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let (reg, kio) = (desk.register.as_str(), desk.kiosk.as_str());
            // every double is dirty: a DOUBLE must be waited for
            let units: Vec<Value> = ["216", "218", "225", "252", "262"].iter().map(|n| json!({ "kind": "ROOM", "number": n })).collect();
            let (status, _) = post(&server, "/api/inventory/status", Some(reg), json!({ "units": units, "status": "DIRTY" })).await;
            assert_eq!(status, 200);
            let mut other = connect(&server, "/ws/lanes/lane-2", &desk.register2, None).await.unwrap();
            other.view().await;
            let mut monitor = connect(&server, "/ws/monitor", &desk.manager, None).await.unwrap();
            let mut kiosk = connect(&server, "/ws/lanes/lane-1", kio, None).await.unwrap();
            kiosk.view().await;

            post(&server, "/api/lanes/lane-1/sessions", Some(reg), json!({ "customer_id": customer, "identity_method": "STAFF_CHECKED" })).await;
            post(&server, "/api/lanes/lane-1/session/language", Some(kio), json!({ "language": "EN" })).await;
            let (status, answer) = post(&server, "/api/lanes/lane-1/session/waitlist", Some(kio), json!({ "desired": "DOUBLE", "backup": "LOCKER" })).await;
            assert_eq!(status, 200, "{answer}");
            post(&server, "/api/lanes/lane-1/session/payment", Some(reg), json!({ "method": "CASH" })).await;
            let (_, view) = request(&server, "GET", "/api/lanes/lane-1/view", Some(kio), None).await;
            let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::checkin::strokes() });
            let (status, signed) = post(&server, "/api/lanes/lane-1/session/sign", Some(kio), sign).await;
            assert_eq!(status, 200, "{signed}");

            // the signing created the entry: both staff screens hear one open entry
            for ws in [&mut other, &mut monitor] {
                let got = changed(ws, Duration::from_secs(5)).await.expect("waitlist.changed after the check-in");
                assert_eq!((got["entries"].as_i64(), got["changed"].as_array().map(Vec::len)), (Some(1), Some(1)), "{got}");
            }
            // the checkout ends it
            let (_, board) = request(&server, "GET", "/api/stays", Some(&desk.register2), None).await;
            let visit = board["stays"][0]["visit_id"].as_str().unwrap().to_owned();
            let (status, done) = post(&server, &format!("/api/stays/{visit}/checkout"), Some(&desk.register2), json!({})).await;
            assert_eq!(status, 200, "{done}");
            let got = changed(&mut monitor, Duration::from_secs(5)).await.expect("waitlist.changed after the checkout");
            assert_eq!(got["entries"].as_i64(), Some(0), "{got}");
            assert!(changed(&mut kiosk, Duration::from_millis(400)).await.is_none(), "the kiosk never hears the waitlist");
        })
    }
);
