//! The socket protocol: authentication before the upgrade, Origin, error frames that leave
//! the socket working, keep-alive.

use std::time::Duration;

use frontdesk::clock::ManualClock;
use serde_json::json;

use crate::server::*;
use crate::support::TestDb;
use crate::ws::connect;
use crate::{block_on, seeded};

#[test]
fn bad_messages_get_error_frames_and_the_socket_keeps_working() {
    let db = TestDb::sqlite();
    seeded(&db);
    let server = TestServer::start(&db, &ManualClock::at(start_time()));
    block_on(async {
        let desk = desk(&server).await;
        let mut kiosk = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
        kiosk.view().await;
        let oversize = format!("{{\"type\":\"ping\",\"pad\":\"{}\"}}", "x".repeat(70 * 1024));
        for (sent, code) in
            [("{not json", "INVALID_JSON"), ("{\"type\":\"subscribe\"}", "UNKNOWN_MESSAGE_TYPE"), (oversize.as_str(), "FRAME_TOO_LARGE")]
        {
            kiosk.send(sent).await;
            let reply = kiosk.next(Duration::from_secs(5)).await.expect("an error frame");
            assert_eq!((reply["type"].as_str(), reply["data"]["code"].as_str()), (Some("error"), Some(code)));
            assert!(reply["data"]["message"].is_string());
        }
        kiosk.send("{\"type\":\"ping\"}").await;
        assert_eq!(kiosk.next(Duration::from_secs(5)).await.unwrap()["type"], "pong");
        kiosk.send("{\"type\":\"resync\"}").await;
        let resent = kiosk.next(Duration::from_secs(5)).await.unwrap();
        assert_eq!(resent["type"], "lane.view", "resync sends the complete view again");
    });
}

#[test]
fn sockets_are_authenticated_before_the_upgrade() {
    let db = TestDb::sqlite();
    seeded(&db);
    let server = TestServer::start(&db, &ManualClock::at(start_time()));
    block_on(async {
        let desk = desk(&server).await;
        assert_eq!(connect(&server, "/ws/lanes/lane-1", "fds_nonsense", None).await.err().map(|e| e.0), Some(401));
        assert_eq!(
            connect(&server, "/ws/lanes/lane-2", &desk.kiosk, None).await.err().map(|e| e.0),
            Some(403),
            "a kiosk only joins its own lane"
        );
        assert_eq!(
            connect(&server, "/ws/monitor", &desk.register, None).await.err().map(|e| e.0),
            Some(403),
            "the monitor is for managers"
        );
        let evil = connect(&server, "/ws/lanes/lane-1", &desk.register, Some("http://evil.example")).await;
        assert_eq!(evil.err().map(|e| e.0), Some(403));
        let own = format!("http://{}", server.addr);
        assert!(connect(&server, "/ws/lanes/lane-1", &desk.register, Some(&own)).await.is_ok());
        let mut monitor = connect(&server, "/ws/monitor", &desk.manager, None).await.unwrap();
        let mut lanes =
            vec![monitor.view().await["lane"].as_str().unwrap().to_owned(), monitor.view().await["lane"].as_str().unwrap().to_owned()];
        lanes.sort();
        assert_eq!(lanes, ["lane-1", "lane-2"], "the monitor gets every lane");
    });
}

#[test]
fn a_revoked_kiosk_loses_its_socket_and_a_highlight_reaches_only_the_kiosk() {
    let db = TestDb::sqlite();
    seeded(&db);
    let server = TestServer::start(&db, &ManualClock::at(start_time()));
    block_on(async {
        let desk = desk(&server).await;
        let mut kiosk = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
        let mut register = connect(&server, "/ws/lanes/lane-1", &desk.register, None).await.unwrap();
        kiosk.view().await;
        register.view().await;
        assert_eq!(post(&server, "/api/lanes/lane-1/highlight", Some(&desk.register), json!({ "option": "STANDARD" })).await.0, 204);
        let hint = kiosk.next(Duration::from_secs(5)).await.unwrap();
        assert_eq!((hint["type"].as_str(), hint["data"]["option"].as_str()), (Some("lane.highlight"), Some("STANDARD")));
        assert!(register.silent_for(Duration::from_millis(200)).await);

        let (_, device) = request(&server, "GET", "/api/device", Some(&desk.kiosk), None).await;
        let path = format!("/api/devices/{}/revoke", device["id"].as_str().unwrap());
        assert_eq!(post(&server, &path, Some(&desk.manager), json!({})).await.0, 200);
        assert!(kiosk.closed_within(Duration::from_secs(5)).await, "the revoked kiosk's socket is closed");
        assert_eq!(connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.err().map(|e| e.0), Some(401));
    });
}

#[test]
fn a_socket_that_never_answers_pings_is_closed() {
    let db = TestDb::sqlite();
    seeded(&db);
    let server = TestServer::start_with(&db, &ManualClock::at(start_time()), |s| {
        s.ws_ping = Duration::from_secs(1);
        s.ws_timeout = Duration::from_secs(2);
    });
    block_on(async {
        let desk = desk(&server).await;
        let mut answering = connect(&server, "/ws/lanes/lane-1", &desk.register, None).await.unwrap();
        let mut frozen = connect(&server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
        let (frozen_closed, answering_closed) = futures_util::join!(
            frozen.closed_without_answering_pings(Duration::from_secs(10)),
            answering.closed_within(Duration::from_secs(4))
        );
        assert!(frozen_closed, "closed after the timeout without pongs");
        assert!(!answering_closed, "a client that answers pings stays");
    });
}
