//! Both screens of a lane see the same revision of every change; other lanes see nothing;
//! the kiosk view holds only what the customer may see; concurrent commands on one revision.

use std::time::Duration;

use frontdesk::clock::ManualClock;
use serde_json::{Value, json};

use crate::both_backends;
use crate::server::*;
use crate::ws::{connect, lane_one_screens};
use crate::{block_on, seeded};

/// Every key the customer's screen may receive; anything else is a leak.
const KIOSK_FIELDS: [&str; 17] = [
    "agreement",
    "assignment",
    "club_name",
    "first_name",
    "language",
    "membership",
    "mode",
    "options",
    "past_due_blocked",
    "payment_status",
    "quote",
    "renewal",
    "selection",
    "session_id",
    "status",
    "stay",
    "waitlist",
];

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

both_backends!(
    fn both_screens_get_every_revision_and_other_lanes_nothing(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let mut register = connect(&server, "/ws/lanes/lane-1", &desk.register, None).await.unwrap();
            let mut kiosk = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            let mut other = connect(&server, "/ws/lanes/lane-2", &desk.register2, None).await.unwrap();
            let first = register.view().await;
            assert_eq!(kiosk.view().await["rev"], first["rev"]);
            let other_first = other.view().await;
            assert_eq!(other_first["data"]["status"], "IDLE");

            let (status, started) = post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            assert_eq!(status, 201, "{started}");
            let mut revs = vec![started["rev"].as_i64().unwrap()];
            let (_, r) = post(&server, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "ES" })).await;
            revs.push(r["rev"].as_i64().unwrap());
            let (_, r) = post(&server, "/api/lanes/lane-1/session/cancel", Some(&desk.register), json!({ "reason": "changed their mind" })).await;
            revs.push(r["rev"].as_i64().unwrap());
            let (_, r) = post(&server, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await;
            revs.push(r["rev"].as_i64().unwrap());
            assert_eq!(revs, (1..=4).map(|i| first["rev"].as_i64().unwrap() + i).collect::<Vec<_>>());

            for rev in &revs {
                let (r, k) = (register.view_at(*rev).await, kiosk.view_at(*rev).await);
                assert_eq!((r["lane"].as_str(), k["lane"].as_str()), (Some("lane-1"), Some("lane-1")));
                assert_eq!(keys(&k["data"]), KIOSK_FIELDS, "the kiosk view has exactly the customer's fields");
                assert!(!k.to_string().contains("Robin Q. Customer"), "only the first name reaches the kiosk");
            }
            let started_view = &register.applied;
            assert_eq!(started_view.get("lane-1"), revs.last());
            assert!(other.silent_for(Duration::from_millis(300)).await, "lane-2 hears nothing of lane-1");
        });
    }
);

both_backends!(
    fn views_follow_the_session(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let (mut register, mut kiosk) = lane_one_screens(&server, &desk).await;
            let (_, started) = post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let rev = started["rev"].as_i64().unwrap();
            let (r, k) = (register.view_at(rev).await, kiosk.view_at(rev).await);
            assert_eq!((r["data"]["status"].as_str(), k["data"]["status"].as_str()), (Some("ACTIVE"), Some("ACTIVE")));
            assert_eq!(r["data"]["session"]["customer"]["name"], "Robin Q. Customer");
            assert_eq!(k["data"]["first_name"], "Robin");
            assert_eq!(r["data"]["kiosk"], k["data"], "the register mirrors what the kiosk shows");
            // a second session on a busy lane is refused and changes nothing
            let (status, busy) = post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            assert_eq!((status, busy["error"]["code"].as_str()), (409, Some("LANE_BUSY")));
            let (_, cancelled) = post(&server, "/api/lanes/lane-1/session/cancel", Some(&desk.register), json!({ "reason": "test" })).await;
            let rev = cancelled["rev"].as_i64().unwrap();
            assert_eq!(rev, started["rev"].as_i64().unwrap() + 1, "a refused command does not move the revision");
            let (r, k) = (register.view_at(rev).await, kiosk.view_at(rev).await);
            assert_eq!(r["data"]["session"]["cancel_reason"], "test");
            assert_eq!(k["data"]["status"], "IDLE", "the kiosk returns to idle on its own");
        });
    }
);

both_backends!(
    fn two_commands_on_the_same_revision_exactly_one_applies(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let (_, started) = post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let rev = started["rev"].as_i64().unwrap();
            for round in 0..5 {
                let rev = rev + round;
                let from_register = post(&server, "/api/lanes/lane-1/session/language", Some(&desk.register), json!({ "language": "EN", "expected_rev": rev }));
                let from_kiosk = post(&server, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "ES", "expected_rev": rev }));
                let ((s1, b1), (s2, b2)) = futures_util::join!(from_register, from_kiosk);
                let mut statuses = [s1, s2];
                statuses.sort();
                assert_eq!(statuses, [200, 409], "{b1} {b2}");
                let (loser, winner) = if s1 == 409 { (&b1, &b2) } else { (&b2, &b1) };
                assert_eq!(loser["error"]["code"], "STALE_VERSION");
                assert_eq!(loser["error"]["details"]["rev"], winner["rev"]);
                let view = &loser["error"]["details"]["view"];
                let expected = if s1 == 409 { "ES" } else { "EN" };
                let language = if view.get("session").is_some() { &view["session"]["language"] } else { &view["language"] };
                assert_eq!(language, expected, "the loser gets the current view, with the winner's change");
            }
        });
    }
);
