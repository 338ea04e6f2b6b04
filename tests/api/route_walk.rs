//! Every route in the OpenAPI document refuses an anonymous call (401) and each principal of
//! the wrong kind, role or lane (403). A route added without a `security` entry fails here
//! unless it is one of the deliberately public ones.

use actix_web::http::Method;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;

/// Routes anyone may call: signing in and pairing with a one-time code.
const PUBLIC: [(&str, &str); 3] = [("GET", "/api/club"), ("POST", "/api/auth/login"), ("POST", "/api/devices/pair")];

fn concrete(path: &str) -> String {
    path.replace("{lane}", "lane-1")
        .replace("{staff_id}", &uuid::Uuid::now_v7().to_string())
        .replace("{device_id}", &uuid::Uuid::now_v7().to_string())
        .replace("{customer_id}", &uuid::Uuid::now_v7().to_string())
}

fn schemes(op: &Value) -> Vec<(String, Vec<String>)> {
    op["security"]
        .as_array()
        .map(|alts| {
            alts.iter()
                .flat_map(|alt| alt.as_object().unwrap().iter())
                .map(|(name, scopes)| (name.clone(), scopes.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()))
                .collect()
        })
        .unwrap_or_default()
}

both_backends!(
    fn every_route_refuses_anonymous_and_wrong_principals(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let manager_no_step_up = login(&app, "manager", "111111").await;
            let alex_at_lane_2 = login(&app, "alex", "222222").await;
            assert_eq!(sign_in_register(&app, &alex_at_lane_2, "lane-2", "register-lane-2").await.0, 200);
            let sam = login(&app, "sam", "333333").await;
            let kiosk_lane_2 = pair_kiosk(&app, &manager, "lane-2").await;

            let (_, doc) = get(&app, "/api/openapi.json", None).await;
            let mut walked = 0;
            for (path, ops) in doc["paths"].as_object().unwrap() {
                for (method, op) in ops.as_object().unwrap() {
                    let method_upper = method.to_uppercase();
                    let m = Method::from_bytes(method_upper.as_bytes()).unwrap();
                    let schemes = schemes(op);
                    if schemes.is_empty() {
                        assert!(PUBLIC.contains(&(method_upper.as_str(), path.as_str())), "{method_upper} {path} has no security");
                        continue;
                    }
                    walked += 1;
                    let url = concrete(path);
                    let body = (m != Method::GET).then(|| json!({}));
                    let names: Vec<&str> = schemes.iter().map(|(n, _)| n.as_str()).collect();
                    let (status, resp) = call(&app, m.clone(), &url, None, body.clone()).await;
                    assert_eq!(status, 401, "anonymous {method_upper} {path}: {resp}");

                    let mut wrong: Vec<(&str, &str)> = Vec::new();
                    if !names.contains(&"kiosk") {
                        wrong.push(("a kiosk", &kiosk_lane_2));
                    } else if path.contains("{lane}") {
                        wrong.push(("kiosk of lane-2", &kiosk_lane_2));
                    }
                    if !names.contains(&"staff") && (names.contains(&"manager") || names.contains(&"register")) {
                        wrong.push(("staff without the role", &sam));
                    }
                    // a register route without a lane (a customer's record) takes any register
                    if names.contains(&"register") && path.contains("{lane}") {
                        wrong.push(("staff at lane-2's register", &alex_at_lane_2));
                    }
                    if names == ["kiosk"] {
                        wrong.push(("a manager", &manager));
                    }
                    if schemes.iter().any(|(n, scopes)| n == "manager" && scopes.iter().any(|s| s == "step_up")) {
                        wrong.push(("a manager without step-up", &manager_no_step_up));
                    }
                    for (who, token) in wrong {
                        let (status, resp) = call(&app, m.clone(), &url, Some(token), body.clone()).await;
                        assert_eq!(status, 403, "{who} on {method_upper} {path}: {resp}");
                        assert!(resp["error"]["code"].is_string());
                    }
                }
            }
            assert!(walked >= 19, "only {walked} secured routes found");
        })
    }
);
