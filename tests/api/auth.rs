//! Staff login, lockout, step-up, expiry and revocation.

use actix_web::test::{TestRequest, call_service};
use chrono::Duration;
use diesel::prelude::*;
use frontdesk::db::schema::{audit_events, pin_lockouts, staff};
use serde_json::json;

use crate::block_on;
use crate::both_backends;
use crate::client::*;

both_backends!(
    fn login_sets_an_httponly_strict_cookie_that_authenticates(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let req = TestRequest::post().uri("/api/auth/login").set_json(json!({ "login": "alex", "pin": "222222" })).to_request();
            let resp = call_service(&app, req).await;
            assert_eq!(resp.status(), 200);
            let cookie = resp.response().cookies().find(|c| c.name() == "fd_session").unwrap().into_owned();
            assert_eq!((cookie.http_only(), cookie.same_site()), (Some(true), Some(actix_web::cookie::SameSite::Strict)));
            let body: serde_json::Value = actix_web::test::read_body_json(resp).await;
            assert!(body.get("token").is_none(), "browsers get the token only in the cookie");
            let me = call_service(&app, TestRequest::get().uri("/api/auth/me").cookie(cookie).to_request()).await;
            let me: serde_json::Value = actix_web::test::read_body_json(me).await;
            assert_eq!((me["staff"]["login"].as_str(), me["step_up_until"].is_null()), (Some("alex"), true));
        })
    }
);

both_backends!(
    fn five_wrong_pins_lock_for_five_minutes(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let attempt = |pin: &'static str| post(&app, "/api/auth/login", None, json!({ "login": "alex", "pin": pin }));
            for _ in 0..4 {
                let (status, body) = attempt("999999").await;
                assert_eq!((status, body["error"]["code"].as_str()), (401, Some("INVALID_CREDENTIALS")));
            }
            let (status, body) = attempt("999999").await;
            assert_eq!((status, body["error"]["code"].as_str()), (423, Some("PIN_LOCKED")));
            let until = (start() + Duration::minutes(5)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            assert_eq!(body["error"]["details"]["locked_until"].as_str().map(|s| s.replace(".000000", "")), Some(until));
            // even the right PIN is refused while locked, and does not reset the lock
            clock.advance(Duration::minutes(4));
            assert_eq!(attempt("222222").await.0, 423);
            clock.advance(Duration::seconds(61));
            assert_eq!(attempt("222222").await.0, 200);
            // the counter starts afresh after a success
            assert_eq!(attempt("999999").await.0, 401);
            let conn = &mut db.conn();
            let failures: Vec<(String, i32)> = pin_lockouts::table
                .inner_join(staff::table)
                .filter(staff::login.eq("alex"))
                .select((pin_lockouts::client, pin_lockouts::failures))
                .load(conn)
                .unwrap();
            assert_eq!(failures, [("unknown".to_owned(), 1)], "counted for the caller's address (none in this harness)");
            let locks: i64 = audit_events::table.filter(audit_events::action.eq("STAFF_LOCKED_OUT")).count().get_result(conn).unwrap();
            assert_eq!(locks, 1);
        })
    }
);

both_backends!(
    fn unknown_logins_answer_like_wrong_pins(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let (status, body) = post(&app, "/api/auth/login", None, json!({ "login": "nobody", "pin": "123456" })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (401, Some("INVALID_CREDENTIALS")));
            let (status, body) = post(&app, "/api/auth/login", None, json!({ "login": "alex", "pin": "12345" })).await;
            assert_eq!((status, body["error"]["details"]["field"].as_str()), (400, Some("pin")));
            let (status, _) = post(&app, "/api/auth/login", None, json!({ "login": "alex", "pin": "222222", "admin": true })).await;
            assert_eq!(status, 400, "unknown fields are refused");
        })
    }
);

both_backends!(
    fn step_up_is_required_then_accepted_for_five_minutes(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let token = login(&app, "manager", "111111").await;
            let create = || post(&app, "/api/staff", Some(&token), json!({ "login": "kim", "display_name": "Kim", "role": "STAFF", "pin": "135790" }));
            let (status, body) = create().await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")));
            let (status, body) = post(&app, "/api/auth/step-up", Some(&token), json!({ "pin": "000000" })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("INVALID_PIN")));
            step_up(&app, &token, "111111").await;
            let (status, body) = create().await;
            assert_eq!((status, body["login"].as_str()), (201, Some("kim")));
            clock.advance(Duration::minutes(5));
            let (status, body) = post(&app, "/api/staff", Some(&token), json!({ "login": "lou", "display_name": "Lou", "role": "STAFF", "pin": "135790" })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")));
            let (status, body) = create().await;
            assert_eq!(status, 403, "{body}");
        })
    }
);

both_backends!(
    fn expired_and_revoked_sessions_are_refused(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let morning = login(&app, "alex", "222222").await;
            clock.advance(Duration::hours(11));
            let evening = login(&app, "alex", "222222").await;
            clock.advance(Duration::hours(1));
            let (status, body) = get(&app, "/api/auth/me", Some(&morning)).await;
            assert_eq!((status, body["error"]["code"].as_str()), (401, Some("SESSION_ENDED")));
            assert_eq!(get(&app, "/api/auth/me", Some(&evening)).await.0, 200);
            assert_eq!(post(&app, "/api/auth/logout", Some(&evening), json!({})).await.0, 204);
            assert_eq!(get(&app, "/api/auth/me", Some(&evening)).await.0, 401);
            assert_eq!(get(&app, "/api/auth/me", Some("fds_made-up")).await.0, 401);
        })
    }
);

both_backends!(
    fn a_deactivated_member_is_signed_out_everywhere(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let alex = login(&app, "alex", "222222").await;
            let (_, me) = get(&app, "/api/auth/me", Some(&alex)).await;
            let alex_id = me["staff"]["id"].as_str().unwrap().to_owned();
            assert_eq!(sign_in_register(&app, &alex, "lane-1", "register-tablet-1").await.0, 200);
            let (status, body) = post(&app, &format!("/api/staff/{alex_id}/deactivate"), Some(&manager), json!({})).await;
            assert_eq!((status, body["active"].as_bool()), (200, Some(false)));
            assert_eq!(get(&app, "/api/auth/me", Some(&alex)).await.0, 401);
            let (_, registers) = get(&app, "/api/registers", Some(&manager)).await;
            assert_eq!(registers, json!([]));
            let (status, _) = post(&app, "/api/auth/login", None, json!({ "login": "alex", "pin": "222222" })).await;
            assert_eq!(status, 401);
            // a manager cannot lock themselves out
            let (_, me) = get(&app, "/api/auth/me", Some(&manager)).await;
            let (status, body) = post(&app, &format!("/api/staff/{}/deactivate", me["staff"]["id"].as_str().unwrap()), Some(&manager), json!({})).await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("CANNOT_DEACTIVATE_SELF")));
        })
    }
);

both_backends!(
    fn a_pin_reset_ends_the_old_pins_sessions(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let sam = login(&app, "sam", "333333").await;
            let (_, me) = get(&app, "/api/auth/me", Some(&sam)).await;
            let path = format!("/api/staff/{}/pin", me["staff"]["id"].as_str().unwrap());
            let (status, body) = post(&app, &path, Some(&manager), json!({ "pin": "12a456" })).await;
            assert_eq!((status, body["error"]["details"]["field"].as_str()), (400, Some("pin")));
            assert_eq!(post(&app, &path, Some(&manager), json!({ "pin": "864200" })).await.0, 204);
            assert_eq!(get(&app, "/api/auth/me", Some(&sam)).await.0, 401);
            assert_eq!(post(&app, "/api/auth/login", None, json!({ "login": "sam", "pin": "333333" })).await.0, 401);
            login(&app, "sam", "864200").await;
        })
    }
);

both_backends!(
    fn wrong_pins_sent_at_once_still_lock_after_five(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let attempts: Vec<_> = (0..10).map(|_| post(&app, "/api/auth/login", None, json!({ "login": "sam", "pin": "999999" }))).collect();
            let mut statuses: Vec<u16> = futures_util::future::join_all(attempts).await.into_iter().map(|(s, _)| s).collect();
            statuses.sort();
            assert_eq!(statuses, [401, 401, 401, 401, 423, 423, 423, 423, 423, 423], "each attempt counts, even in parallel");
        })
    }
);

/// A login attempt from `ip`.
async fn login_from<S, B>(app: &S, ip: &str, login: &str, pin: &str) -> (u16, serde_json::Value, Option<String>)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let req = TestRequest::post()
        .uri("/api/auth/login")
        .peer_addr(format!("{ip}:40000").parse().unwrap())
        .set_json(json!({ "login": login, "pin": pin }))
        .to_request();
    let resp = call_service(app, req).await;
    let status = resp.status().as_u16();
    let retry = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = actix_web::test::read_body(resp).await;
    (status, serde_json::from_slice(&body).unwrap_or_default(), retry)
}

both_backends!(
    fn a_stranger_cannot_lock_an_employee_out_from_the_register(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            for _ in 0..4 {
                assert_eq!(login_from(&app, "10.0.0.66", "alex", "999999").await.0, 401);
            }
            assert_eq!(login_from(&app, "10.0.0.66", "alex", "999999").await.0, 423, "locked from the stranger's address");
            assert_eq!(login_from(&app, "10.0.0.66", "alex", "222222").await.0, 423, "even with the right PIN");
            let (status, body, _) = login_from(&app, "10.0.0.5", "alex", "222222").await;
            assert_eq!(status, 200, "the register's address is not locked: {body}");
            let conn = &mut db.conn();
            let locks: Vec<String> = audit_events::table
                .filter(audit_events::action.eq("STAFF_LOCKED_OUT"))
                .select(audit_events::summary_json)
                .load(conn)
                .unwrap();
            assert_eq!(locks.len(), 1);
            assert!(locks[0].contains("10.0.0.66"), "the lock names the address: {}", locks[0]);
        })
    }
);

both_backends!(
    fn a_manager_unlocks_a_locked_employee(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            for _ in 0..5 {
                login_from(&app, "10.0.0.7", "sam", "999999").await;
            }
            assert_eq!(login_from(&app, "10.0.0.7", "sam", "333333").await.0, 423);
            let (_, staff) = get(&app, "/api/staff", Some(&manager(&app).await)).await;
            let sam = staff.as_array().unwrap().iter().find(|s| s["login"] == "sam").unwrap()["id"].as_str().unwrap().to_owned();
            let plain = login(&app, "manager", "111111").await;
            let (status, body) = post(&app, &format!("/api/staff/{sam}/unlock"), Some(&plain), json!({})).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("STEP_UP_REQUIRED")));
            let (status, body) = post(&app, &format!("/api/staff/{sam}/unlock"), Some(&manager(&app).await), json!({})).await;
            assert_eq!((status, body["locks_cleared"].as_u64()), (200, Some(1)));
            assert_eq!(login_from(&app, "10.0.0.7", "sam", "333333").await.0, 200);
            let conn = &mut db.conn();
            let unlocks: i64 = audit_events::table.filter(audit_events::action.eq("STAFF_UNLOCKED")).count().get_result(conn).unwrap();
            assert_eq!(unlocks, 1);
        })
    }
);

both_backends!(
    fn login_attempts_are_rate_limited_before_any_hashing(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let audit_rows = |db: &crate::support::TestDb| -> i64 { audit_events::table.count().get_result(&mut db.conn()).unwrap() };
            // per login name (known or not, from any address): 10 at once, then one per 6 s
            for i in 0..10 {
                assert_eq!(login_from(&app, &format!("10.0.1.{i}"), "ghost", "123456").await.0, 401);
            }
            let before = audit_rows(db);
            let (status, body, retry) = login_from(&app, "10.0.1.99", "ghost", "123456").await;
            assert_eq!((status, body["error"]["code"].as_str(), retry.as_deref()), (429, Some("RATE_LIMITED"), Some("6")));
            assert_eq!(body["error"]["details"]["retry_after_seconds"], 6);
            assert_eq!(audit_rows(db), before, "a refused attempt writes nothing");
            clock.advance(Duration::seconds(6));
            assert_eq!(login_from(&app, "10.0.1.99", "ghost", "123456").await.0, 401);
            // per address: 20 at once, then one per 3 s, whatever the login
            for i in 0..20 {
                assert_eq!(login_from(&app, "10.0.2.1", &format!("nobody{i}"), "123456").await.0, 401);
            }
            let (status, _, retry) = login_from(&app, "10.0.2.1", "alex", "222222").await;
            assert_eq!((status, retry.as_deref()), (429, Some("3")));
            assert_eq!(login_from(&app, "10.0.2.2", "alex", "222222").await.0, 200, "another address is not affected");
        })
    }
);

both_backends!(
    fn pairing_guesses_are_rate_limited(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let pair = |ip: &'static str| {
                let req = TestRequest::post()
                    .uri("/api/devices/pair")
                    .peer_addr(format!("{ip}:40000").parse().unwrap())
                    .set_json(json!({ "code": "ABCD2345", "name": "guess" }))
                    .to_request();
                call_service(&app, req)
            };
            for _ in 0..10 {
                assert_eq!(pair("10.0.3.1").await.status(), 400);
            }
            let resp = pair("10.0.3.1").await;
            assert_eq!(resp.status(), 429);
            assert!(resp.headers().contains_key("retry-after"));
            assert_eq!(pair("10.0.3.2").await.status(), 400);
        })
    }
);

both_backends!(
    fn cookie_posts_from_a_foreign_origin_are_refused(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let req = TestRequest::post().uri("/api/auth/login").set_json(json!({ "login": "alex", "pin": "222222" })).to_request();
            let resp = call_service(&app, req).await;
            let cookie = resp.response().cookies().find(|c| c.name() == "fd_session").unwrap().into_owned();
            let logout = |headers: &[(&'static str, &'static str)]| {
                let mut req = TestRequest::post().uri("/api/auth/logout").cookie(cookie.clone());
                for h in headers {
                    req = req.insert_header(*h);
                }
                call_service(&app, req.to_request())
            };
            let resp = logout(&[("Origin", "http://evil.example")]).await;
            assert_eq!(resp.status(), 403);
            assert!(resp.headers().contains_key("content-security-policy"), "a refusal still carries the security headers");
            let body: serde_json::Value = actix_web::test::read_body_json(resp).await;
            assert_eq!(body["error"]["code"], "ORIGIN_NOT_ALLOWED");
            assert_eq!(logout(&[("Origin", "null")]).await.status(), 403);
            assert_eq!(logout(&[("Sec-Fetch-Site", "cross-site")]).await.status(), 403);
            let me = call_service(&app, TestRequest::get().uri("/api/auth/me").cookie(cookie.clone()).to_request()).await;
            assert_eq!(me.status(), 200, "nothing happened: still signed in");
            // the page's own origin, by name or as configured, is fine
            let resp = logout(&[("Host", "desk.club.lan:8080"), ("Origin", "http://desk.club.lan:8080"), ("Sec-Fetch-Site", "same-origin")]).await;
            assert_eq!(resp.status(), 204);
        })
    }
);

both_backends!(
    fn bearer_calls_are_not_origin_checked(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let token = login(&app, "alex", "222222").await;
            let req = TestRequest::post()
                .uri("/api/auth/logout")
                .insert_header(("Authorization", format!("Bearer {token}")))
                .insert_header(("Origin", "http://tools.example"))
                .to_request();
            assert_eq!(call_service(&app, req).await.status(), 204);
        })
    }
);
