//! Register sign-in: one staff member per lane register, one register per device.

use serde_json::json;

use crate::block_on;
use crate::both_backends;
use crate::client::*;

both_backends!(
    fn one_register_session_per_lane_and_per_device(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let alex = login(&app, "alex", "222222").await;
            let sam = login(&app, "sam", "333333").await;
            let (status, first) = sign_in_register(&app, &alex, "lane-1", "tablet-AAAA").await;
            assert_eq!(status, 200);
            // the same person on the same device: the same session
            let (_, again) = sign_in_register(&app, &alex, "lane-1", "tablet-AAAA").await;
            assert_eq!(again["id"], first["id"]);
            let (status, busy) = sign_in_register(&app, &sam, "lane-1", "tablet-BBBB").await;
            assert_eq!((status, busy["error"]["code"].as_str()), (409, Some("REGISTER_BUSY")));
            assert_eq!(busy["error"]["details"]["staff"].as_str(), Some("Alex Staff"));
            let (status, busy) = sign_in_register(&app, &sam, "lane-2", "tablet-AAAA").await;
            assert_eq!((status, busy["error"]["code"].as_str()), (409, Some("REGISTER_DEVICE_BUSY")));
            assert_eq!(sign_in_register(&app, &sam, "lane-2", "tablet-BBBB").await.0, 200);
            assert_eq!(sign_in_register(&app, &sam, "lane-9", "tablet-CCCC").await.0, 404);
            // signing out frees the lane; sam cannot sign alex out
            let (status, body) = post(&app, "/api/lanes/lane-1/register/sign-out", Some(&sam), json!({})).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("REGISTER_REQUIRED")));
            assert_eq!(post(&app, "/api/lanes/lane-1/register/sign-out", Some(&alex), json!({})).await.0, 204);
            let (_, open) = get(&app, "/api/registers", Some(&alex)).await;
            assert_eq!(open.as_array().unwrap().len(), 1);
        })
    }
);

both_backends!(
    fn a_manager_can_force_a_sign_out_with_a_reason(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let alex = login(&app, "alex", "222222").await;
            sign_in_register(&app, &alex, "lane-1", "tablet-AAAA").await;
            let (status, _) = post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&alex), json!({ "reason": "x" })).await;
            assert_eq!(status, 403);
            // a manager without a fresh step-up is refused, and nothing changes
            let unconfirmed = login(&app, "manager", "111111").await;
            let (status, body) = post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&unconfirmed), json!({ "reason": "x" })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")));
            let (_, open) = get(&app, "/api/registers", Some(&alex)).await;
            assert_eq!(open.as_array().unwrap().len(), 1);
            let manager = manager(&app).await;
            let (status, body) = post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&manager), json!({ "reason": "" })).await;
            assert_eq!((status, body["error"]["details"]["field"].as_str()), (400, Some("reason")));
            let reason = json!({ "reason": "Alex went home without signing out" });
            assert_eq!(post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&manager), reason.clone()).await.0, 204);
            assert_eq!(post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&manager), reason).await.0, 404);
            let (_, events) = get(&app, "/api/audit/events?limit=1", Some(&manager)).await;
            let last = &events["events"][0];
            assert_eq!((last["action"].as_str(), last["reason"].as_str()), (Some("REGISTER_FORCE_SIGN_OUT"), Some("Alex went home without signing out")));
            let (_, verdict) = get(&app, "/api/audit/verify", Some(&manager)).await;
            assert_eq!(verdict["status"], "intact");
        })
    }
);

both_backends!(
    fn a_forced_sign_out_refuses_the_register_at_its_next_request(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let alex = login(&app, "alex", "222222").await;
            sign_in_register(&app, &alex, "lane-1", "tablet-AAAA").await;
            let manager = manager(&app).await;
            let reason = json!({ "reason": "End of shift" });
            assert_eq!(post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&manager), reason.clone()).await.0, 204);
            let (status, body) = post(&app, "/api/lanes/lane-1/register/sign-out", Some(&alex), json!({})).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("REGISTER_REQUIRED")));
            // the step-up lasts five minutes
            sign_in_register(&app, &alex, "lane-1", "tablet-AAAA").await;
            clock.advance(chrono::Duration::minutes(6));
            let (status, body) = post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&manager), reason).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")));
        })
    }
);
