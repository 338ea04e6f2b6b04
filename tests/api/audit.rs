//! `GET /api/audit/events` filters: actor, action, lane and club-local days; bad ones are 400.

use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;

fn actions(page: &Value) -> Vec<String> {
    page["events"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect()
}

both_backends!(
    fn the_audit_log_filters_by_actor_action_lane_entity_and_day(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let alex = login(&app, "alex", "222222").await;
            sign_in_register(&app, &alex, "lane-1", "tablet-AAAA").await;
            sign_in_register(&app, &login(&app, "sam", "333333").await, "lane-2", "tablet-BBBB").await;
            let reason = json!({ "reason": "End of shift" });
            assert_eq!(post(&app, "/api/lanes/lane-1/register/force-sign-out", Some(&manager), reason.clone()).await.0, 204);
            assert_eq!(post(&app, "/api/lanes/lane-2/register/force-sign-out", Some(&manager), reason).await.0, 204);

            let (status, page) = get(&app, "/api/audit/events?action=REGISTER_FORCE_SIGN_OUT&lane=lane-1", Some(&manager)).await;
            assert_eq!(status, 200, "{page}");
            assert_eq!(actions(&page), ["REGISTER_FORCE_SIGN_OUT"]);
            assert_eq!(page["events"][0]["lane_id"], "lane-1");

            let (_, me) = get(&app, "/api/auth/me", Some(&alex)).await;
            let alex_id = me["staff"]["id"].as_str().unwrap();
            let (_, page) = get(&app, &format!("/api/audit/events?actor={alex_id}"), Some(&manager)).await;
            let mine = page["events"].as_array().unwrap();
            assert!(!mine.is_empty());
            assert!(mine.iter().all(|e| e["actor_id"] == alex_id), "{page}");

            // paging keeps the filter: newest first, one a page
            let (_, first) = get(&app, "/api/audit/events?action=REGISTER_FORCE_SIGN_OUT&limit=1", Some(&manager)).await;
            assert_eq!(first["events"][0]["lane_id"], "lane-2");
            let cursor = first["next_cursor"].as_str().unwrap();
            let (_, second) = get(&app, &format!("/api/audit/events?action=REGISTER_FORCE_SIGN_OUT&limit=1&cursor={cursor}"), Some(&manager)).await;
            assert_eq!(second["events"][0]["lane_id"], "lane-1");

            // the demo clock's day (2026-11-20 in the club's zone) holds them; the next day none
            let (_, today) = get(&app, "/api/audit/events?action=REGISTER_FORCE_SIGN_OUT&from=2026-11-20&to=2026-11-20", Some(&manager)).await;
            assert_eq!(actions(&today).len(), 2);
            let (_, tomorrow) = get(&app, "/api/audit/events?from=2026-11-21", Some(&manager)).await;
            assert_eq!(actions(&tomorrow).len(), 0);

            // by entity: one register session's history, by id alone or with its kind
            let (kind, id) = (first["events"][0]["entity_type"].as_str().unwrap(), first["events"][0]["entity_id"].as_str().unwrap());
            let (_, by_id) = get(&app, &format!("/api/audit/events?entity_id={id}"), Some(&manager)).await;
            let rows = by_id["events"].as_array().unwrap();
            assert!(rows.iter().any(|e| e["action"] == "REGISTER_FORCE_SIGN_OUT") && rows.iter().all(|e| e["entity_id"] == id), "{by_id}");
            let (_, both) = get(&app, &format!("/api/audit/events?entity_type={kind}&entity_id={id}"), Some(&manager)).await;
            assert_eq!(both["events"], by_id["events"]);
            let (_, none) = get(&app, &format!("/api/audit/events?entity_type=visit&entity_id={id}"), Some(&manager)).await;
            assert_eq!(actions(&none).len(), 0);
        })
    }
);

both_backends!(
    fn bad_audit_filters_are_refused_naming_the_field(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            for (query, field) in [
                ("actor=alex", "actor"),
                ("action=staff%20created", "action"),
                ("action=", "none"),
                ("lane=Lane%201", "lane"),
                ("from=20-11-2026", "from"),
                ("from=2026-11-21&to=2026-11-20", "to"),
                ("limit=0", "limit"),
                ("entity_type=Staff", "entity_type"),
                ("entity_type=agreement-signature", "entity_type"),
            ] {
                let (status, body) = get(&app, &format!("/api/audit/events?{query}"), Some(&manager)).await;
                if field == "none" {
                    assert_eq!(status, 200, "{query}: a blank filter is no filter");
                    continue;
                }
                assert_eq!((status, body["error"]["details"]["field"].as_str()), (400, Some(field)), "{query}: {body}");
            }
            let (status, _) = get(&app, "/api/audit/events?colour=red", Some(&manager)).await;
            assert_eq!(status, 400);
            let alex = login(&app, "alex", "222222").await;
            assert_eq!(get(&app, "/api/audit/events?lane=lane-1", Some(&alex)).await.0, 403);
        })
    }
);
