//! Reconnects, slow clients, restarts, the idle timeout, and several processes on one
//! PostgreSQL.

use std::time::Duration;

use chrono::Duration as Minutes;
use frontdesk::clock::ManualClock;
use frontdesk::db::BackendKind;
use serde_json::json;

use crate::both_backends;
use crate::server::*;
use crate::ws::connect;
use crate::{block_on, seeded};

async fn toggle_language(server: &TestServer, token: &str, times: usize) -> i64 {
    let mut rev = 0;
    for i in 0..times {
        let language = if i % 2 == 0 { "ES" } else { "EN" };
        let (status, body) = post(server, "/api/lanes/lane-1/session/language", Some(token), json!({ "language": language })).await;
        assert_eq!(status, 200, "{body}");
        rev = body["rev"].as_i64().unwrap();
    }
    rev
}

both_backends!(
    fn a_client_that_missed_twenty_changes_converges_on_reconnect(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let mut kiosk = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            kiosk.view().await;
            drop(kiosk);
            let last = toggle_language(&server, &desk.register, 21).await;
            let mut kiosk = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            let view = kiosk.view().await;
            assert_eq!((view["rev"].as_i64(), view["data"]["language"].as_str()), (Some(last), Some("ES")));
        });
    }
);

both_backends!(
    fn a_client_that_stops_reading_does_not_hold_up_the_others(db) {
        let customer = seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let mut stalled = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            let mut register = connect(&server, "/ws/lanes/lane-1", &desk.register, None).await.unwrap();
            let mut seen = vec![register.view().await["rev"].as_i64().unwrap()];
            // the stalled kiosk never reads while 100 changes go by; the register reads each one
            for i in 0..100 {
                let language = if i % 2 == 0 { "ES" } else { "EN" };
                let (_, body) = post(&server, "/api/lanes/lane-1/session/language", Some(&desk.register), json!({ "language": language })).await;
                let rev = body["rev"].as_i64().unwrap();
                seen.push(register.view_at(rev).await["rev"].as_i64().unwrap());
            }
            assert!(seen.windows(2).all(|w| w[1] == w[0] + 1), "the reading client received every revision in order");
            // when the stalled client reads again it gets a short, coalesced backlog ending at the latest state
            let latest = *seen.last().unwrap();
            let mut received = 0;
            loop {
                let view = stalled.view().await;
                received += 1;
                if view["rev"].as_i64() == Some(latest) {
                    break;
                }
            }
            assert!(received <= frontdesk::lanes::outbox::CAPACITY + 40, "{received} views queued for a stalled client");
        });
    }
);

both_backends!(
    fn a_restart_keeps_the_live_session_and_the_revision_goes_on(db) {
        let customer = seeded(db);
        let clock = ManualClock::at(start_time());
        let first = TestServer::start(db, &clock);
        let (desk, rev_before) = block_on(async {
            let desk = desk(&first).await;
            let (_, started) = post(&first, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let (_, lang) = post(&first, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "ES" })).await;
            assert!(started["rev"].as_i64() < lang["rev"].as_i64());
            (desk, lang["rev"].as_i64().unwrap())
        });
        first.stop();
        let second = TestServer::start(db, &clock);
        block_on(async {
            let mut register = connect(&second, "/ws/lanes/lane-1", &desk.register, None).await.unwrap();
            let mut kiosk = connect(&second, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            let (r, k) = (register.view().await, kiosk.view().await);
            assert_eq!((r["rev"].as_i64(), k["rev"].as_i64()), (Some(rev_before), Some(rev_before)));
            assert_eq!((r["data"]["status"].as_str(), k["data"]["language"].as_str()), (Some("ACTIVE"), Some("ES")));
            let (_, next) = post(&second, "/api/lanes/lane-1/session/language", Some(&desk.kiosk), json!({ "language": "EN" })).await;
            assert_eq!(next["rev"].as_i64(), Some(rev_before + 1));
            assert_eq!(kiosk.view_at(rev_before + 1).await["data"]["language"], "EN");
            assert_eq!(register.view_at(rev_before + 1).await["rev"], next["rev"]);
        });
    }
);

both_backends!(
    fn idle_sessions_are_cancelled_once_even_with_two_sweepers(db) {
        let customer = seeded(db);
        let clock = ManualClock::at(start_time());
        let server = TestServer::start(db, &clock);
        let other = TestServer::start(db, &clock);
        block_on(async {
            let desk = desk(&server).await;
            let (_, started) = post(&server, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let mut kiosk = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            kiosk.view().await;
            clock.advance(Minutes::minutes(9));
            let timeout = Duration::from_secs(600);
            let sweep = |s: &TestServer| {
                let (state, now) = (s.state.clone(), clock.now_utc());
                async move {
                    let hub = state.hub.clone();
                    state.db(move |c| frontdesk::lanes::idle::sweep(c, &hub, now, timeout)).await
                }
            };
            assert!(sweep(&server).await.unwrap().is_empty(), "nine minutes is not idle yet");
            clock.advance(Minutes::minutes(2));
            let (a, b) = futures_util::join!(sweep(&server), sweep(&other));
            // the servers' own background sweepers may also race: count in the audit log
            assert!(a.unwrap().len() + b.unwrap().len() <= 1);
            let cancels: i64 = {
                use diesel::prelude::*;
                use frontdesk::db::schema::audit_events as a;
                a::table.filter(a::action.eq("LANE_SESSION_CANCELLED")).count().get_result(&mut db.conn()).unwrap()
            };
            assert_eq!(cancels, 1, "the idle session is cancelled exactly once");
            if db.backend == BackendKind::Sqlite {
                // SQLite has no cross-process push: when the other server's sweeper won the
                // race, this server's kiosk learns of it on its next resync (as a screen does).
                kiosk.send(r#"{"type":"resync"}"#).await;
            }
            let view = kiosk.view_at(started["rev"].as_i64().unwrap() + 1).await;
            assert_eq!(view["data"]["status"], "IDLE");
            let (_, register_view) = request(&server, "GET", "/api/lanes/lane-1/view", Some(&desk.register), None).await;
            assert_eq!(register_view["data"]["session"]["cancel_reason"], "IDLE_TIMEOUT");
        });
    }
);

both_backends!(
    fn a_change_on_one_process_reaches_sockets_on_another(db) {
        if db.backend == BackendKind::Sqlite {
            return; // one process owns a SQLite file; PostgreSQL is how frontdesk scales out
        }
        let customer = seeded(db);
        let clock = ManualClock::at(start_time());
        let a = TestServer::start(db, &clock);
        let b = TestServer::start(db, &clock);
        block_on(async {
            let desk = desk(&a).await;
            let mut kiosk_on_b = connect(&b, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
            kiosk_on_b.view().await;
            let (_, started) = post(&a, "/api/lanes/lane-1/sessions", Some(&desk.register), json!({ "customer_id": customer })).await;
            let view = kiosk_on_b.view_at(started["rev"].as_i64().unwrap()).await;
            assert_eq!(view["data"]["status"], "ACTIVE");
            assert_eq!(post(&a, "/api/lanes/lane-1/highlight", Some(&desk.register), json!({ "option": "LOCKER" })).await.0, 204);
            // (the club's stock, sent once after the session started, may come first)
            let mut hint = kiosk_on_b.next(Duration::from_secs(5)).await.unwrap();
            while hint["type"] == "inventory.changed" {
                hint = kiosk_on_b.next(Duration::from_secs(5)).await.unwrap();
            }
            assert_eq!(hint["type"], "lane.highlight");
        });
    }
);
