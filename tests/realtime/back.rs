//! Back before confirming, over the sockets: after the kiosk steps back, the register's socket
//! receives the view with the later choices cleared (and the mirror equals the kiosk's).

use frontdesk::clock::ManualClock;
use serde_json::{Value, json};

use crate::both_backends;
use crate::server::*;
use crate::ws::{WsClient, lane_one_screens};
use crate::{block_on, seeded};

async fn both(register: &mut WsClient, kiosk: &mut WsClient, answer: &Value) -> (Value, Value) {
    let rev = answer["rev"].as_i64().unwrap_or_else(|| panic!("no rev in {answer}"));
    let (r, k) = (register.view_at(rev).await, kiosk.view_at(rev).await);
    assert_eq!(r["data"]["kiosk"], k["data"], "the register mirrors the kiosk at rev {rev}");
    (r["data"].clone(), k["data"].clone())
}

both_backends!(
    fn the_register_sees_the_kiosk_step_back(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let (reg, kio) = (desk.register.as_str(), desk.kiosk.as_str());
            let (mut register, mut kiosk) = lane_one_screens(&server, &desk).await;
            let (_, started) = post(&server, "/api/lanes/lane-1/sessions", Some(reg), json!({ "customer_id": customer, "identity_method": "STAFF_CHECKED" })).await;
            both(&mut register, &mut kiosk, &started).await;
            for (path, body) in [
                ("/api/lanes/lane-1/session/language", json!({ "language": "ES" })),
                ("/api/lanes/lane-1/session/membership", json!({ "choice": "SIX_MONTH" })),
                ("/api/lanes/lane-1/session/propose", json!({ "rental_type": "STANDARD" })),
            ] {
                let (status, answer) = post(&server, path, Some(kio), body).await;
                assert_eq!(status, 200, "{path}: {answer}");
                both(&mut register, &mut kiosk, &answer).await;
            }

            let (status, back) = post(&server, "/api/lanes/lane-1/session/back", Some(kio), json!({ "to": "MEMBERSHIP" })).await;
            assert_eq!(status, 200, "{back}");
            let (r, k) = both(&mut register, &mut kiosk, &back).await;
            assert_eq!((&r["session"]["membership_choice"], &r["session"]["proposed_rental_type"]), (&Value::Null, &Value::Null), "{r}");
            assert_eq!((&k["membership"]["choice"], &k["selection"], &k["stay"]), (&Value::Null, &Value::Null, &Value::Null));
            assert_eq!(k["language"], "ES");

            let (_, back) = post(&server, "/api/lanes/lane-1/session/back", Some(reg), json!({ "to": "LANGUAGE" })).await;
            let (r, k) = both(&mut register, &mut kiosk, &back).await;
            assert_eq!((&r["session"]["language"], &k["language"]), (&Value::Null, &Value::Null), "the employee may step back for the customer");
        })
    }
);
