//! Kiosk pairing: one-time codes, lane-bound tokens, revocation.

use chrono::Duration;
use serde_json::json;

use crate::block_on;
use crate::both_backends;
use crate::client::*;

both_backends!(
    fn a_code_pairs_one_kiosk_once_within_ten_minutes(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let manager = manager(&app).await;
            let (status, issued) = post(&app, "/api/lanes/lane-1/pairing-codes", Some(&manager), json!({})).await;
            assert_eq!(status, 201);
            let code = issued["code"].as_str().unwrap().to_owned();
            assert_eq!((code.len(), issued["lane_id"].as_str()), (8, Some("lane-1")));
            // typed in lower case with a dash: still the code
            let typed = format!("{}-{}", code[..4].to_lowercase(), &code[4..]);
            let (status, paired) = post(&app, "/api/devices/pair", None, json!({ "code": typed, "name": "Lane 1 kiosk", "bearer": true })).await;
            assert_eq!((status, paired["device"]["lane_id"].as_str()), (200, Some("lane-1")));
            let token = paired["token"].as_str().unwrap();
            let (status, me) = get(&app, "/api/device", Some(token)).await;
            assert_eq!((status, me["name"].as_str()), (200, Some("Lane 1 kiosk")));
            // the same code never pairs a second tablet
            let (status, body) = post(&app, "/api/devices/pair", None, json!({ "code": code, "name": "Another" })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (400, Some("PAIRING_CODE_INVALID")));
            // a code expires after 10 minutes
            let (_, late) = post(&app, "/api/lanes/lane-2/pairing-codes", Some(&manager), json!({})).await;
            clock.advance(Duration::minutes(10));
            let (status, _) = post(&app, "/api/devices/pair", None, json!({ "code": late["code"], "name": "Late" })).await;
            assert_eq!(status, 400);
            let (_, devices) = get(&app, "/api/devices", Some(&manager)).await;
            assert_eq!(devices.as_array().unwrap().len(), 1);
        })
    }
);

both_backends!(
    fn a_lane_1_kiosk_stays_on_lane_1(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let kiosk = pair_kiosk(&app, &manager, "lane-1").await;
            let (status, own) = get(&app, "/api/lanes/lane-1", Some(&kiosk)).await;
            assert_eq!(status, 200);
            assert!(own.get("register").is_none(), "a kiosk sees no staff data");
            let (status, body) = get(&app, "/api/lanes/lane-2", Some(&kiosk)).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("LANE_SCOPE")));
            // staff-only routes refuse the kiosk as the wrong kind of principal
            for (path, body) in [("/api/lanes/lane-1/register/sign-in", json!({ "device_key": "kiosk-pretending" })), ("/api/auth/step-up", json!({ "pin": "111111" }))] {
                let (status, refused) = post(&app, path, Some(&kiosk), body).await;
                assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("WRONG_PRINCIPAL")), "{path}");
            }
            assert_eq!(get(&app, "/api/lanes", Some(&kiosk)).await.0, 403);
            // even on its own lane, a kiosk never takes money, assigns, cancels or closes
            let staff_only = [
                ("/api/lanes/lane-1/session/payment", json!({ "method": "CASH" })),
                ("/api/lanes/lane-1/session/assign", json!({})),
                ("/api/lanes/lane-1/session/cancel", json!({ "reason": "x" })),
                ("/api/lanes/lane-1/session/close", json!({})),
                ("/api/lanes/lane-1/session/decline", json!({ "reason": "x" })),
            ];
            for (path, body) in staff_only {
                let (status, refused) = post(&app, path, Some(&kiosk), body).await;
                assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("WRONG_PRINCIPAL")), "{path}");
            }
        })
    }
);

both_backends!(
    fn a_revoked_kiosk_is_refused_at_its_next_request(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let kiosk = pair_kiosk(&app, &manager, "lane-1").await;
            let (_, me) = get(&app, "/api/device", Some(&kiosk)).await;
            let id = me["id"].as_str().unwrap();
            let (status, revoked) = post(&app, &format!("/api/devices/{id}/revoke"), Some(&manager), json!({})).await;
            assert_eq!(status, 200);
            assert!(revoked["revoked_at"].is_string());
            let (status, body) = get(&app, "/api/lanes/lane-1", Some(&kiosk)).await;
            assert_eq!((status, body["error"]["code"].as_str()), (401, Some("DEVICE_REVOKED")));
        })
    }
);

both_backends!(
    fn a_kiosk_is_last_seen_to_the_minute(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let manager = manager(&app).await;
            let kiosk = pair_kiosk(&app, &manager, "lane-1").await;
            let last_seen = |devices: &serde_json::Value| devices[0]["last_seen_at"].as_str().map(str::to_owned);
            let (_, devices) = get(&app, "/api/devices", Some(&manager)).await;
            assert_eq!(last_seen(&devices), None, "not heard from before its first request");
            get(&app, "/api/device", Some(&kiosk)).await;
            let (_, devices) = get(&app, "/api/devices", Some(&manager)).await;
            let first = last_seen(&devices).expect("seen");
            // within the minute no write; after it the time moves
            clock.advance(chrono::Duration::seconds(30));
            get(&app, "/api/device", Some(&kiosk)).await;
            let (_, devices) = get(&app, "/api/devices", Some(&manager)).await;
            assert_eq!(last_seen(&devices).as_deref(), Some(first.as_str()));
            clock.advance(chrono::Duration::seconds(31));
            get(&app, "/api/device", Some(&kiosk)).await;
            let (_, devices) = get(&app, "/api/devices", Some(&manager)).await;
            assert_ne!(last_seen(&devices).as_deref(), Some(first.as_str()));
        })
    }
);
