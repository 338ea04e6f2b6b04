//! A small WebSocket client for tests (awc): answers pings, keeps the newest revision it
//! applied, and drops views that are not newer, as the screens do.

use std::time::Duration;

use actix_http::ws::{Frame, Message};
use awc::BoxedSocket;
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;

use crate::server::{Endpoint, TestServer};

/// One socket.
pub struct WsClient {
    conn: actix_codec::Framed<BoxedSocket, awc::ws::Codec>,
    /// newest `lane.view` revision applied, per lane
    pub applied: std::collections::HashMap<String, i64>,
}

/// How a connection attempt ended when refused.
pub type Refused = (u16, String);

/// Opens `path` (e.g. `/ws/lanes/lane-1`) with a bearer token and optional Origin.
pub async fn connect(server: &impl Endpoint, path: &str, token: &str, origin: Option<&str>) -> Result<WsClient, Refused> {
    let client = awc::Client::builder().max_http_version(awc::http::Version::HTTP_11).finish();
    let mut req = client.ws(format!("ws://{}{path}", server.addr())).bearer_auth(token);
    if let Some(origin) = origin {
        req = req.origin(origin);
    }
    match req.connect().await {
        Ok((_, conn)) => Ok(WsClient { conn, applied: Default::default() }),
        Err(awc::error::WsClientError::InvalidResponseStatus(status)) => Err((status.as_u16(), String::new())),
        Err(err) => Err((0, err.to_string())),
    }
}

impl WsClient {
    /// The next text message within `wait` (pings are answered on the way); `None` on
    /// timeout or close.
    pub async fn next(&mut self, wait: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let frame = tokio::time::timeout_at(deadline, self.conn.next()).await.ok()??.ok()?;
            match frame {
                Frame::Text(bytes) => return serde_json::from_slice(&bytes).ok(),
                Frame::Ping(bytes) => self.conn.send(Message::Pong(bytes)).await.ok()?,
                Frame::Close(_) => return None,
                _ => {}
            }
        }
    }

    /// The next `lane.view` newer than the last applied one of its lane (older ones are
    /// dropped, as the screens do); panics after 10 s.
    pub async fn view(&mut self) -> Value {
        loop {
            let msg = self.next(Duration::from_secs(10)).await.expect("a lane.view within 10 s");
            if msg["type"] != "lane.view" {
                continue;
            }
            let (lane, rev) = (msg["lane"].as_str().unwrap().to_owned(), msg["rev"].as_i64().unwrap());
            if self.applied.get(&lane).is_some_and(|applied| *applied >= rev) {
                continue;
            }
            self.applied.insert(lane, rev);
            return msg;
        }
    }

    /// Views until one with revision `rev` arrives (coalescing may skip some in between).
    pub async fn view_at(&mut self, rev: i64) -> Value {
        loop {
            let view = self.view().await;
            let got = view["rev"].as_i64().unwrap();
            assert!(got <= rev, "jumped past rev {rev} to {got}");
            if got == rev {
                return view;
            }
        }
    }

    /// Sends a text frame.
    pub async fn send(&mut self, text: &str) {
        self.conn.send(Message::Text(text.to_owned().into())).await.unwrap();
    }

    /// Waits for the server to close the socket (`true`) within `wait`.
    pub async fn closed_within(&mut self, wait: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match tokio::time::timeout_at(deadline, self.conn.next()).await {
                Err(_) => return false,
                Ok(None) | Ok(Some(Err(_))) | Ok(Some(Ok(Frame::Close(_)))) => return true,
                Ok(Some(Ok(Frame::Ping(b)))) => {
                    let _ = self.conn.send(Message::Pong(b)).await;
                }
                Ok(Some(Ok(_))) => {}
            }
        }
    }

    /// Reads without ever answering a ping (a frozen tablet); `true` once the server closes
    /// the socket within `wait`.
    pub async fn closed_without_answering_pings(&mut self, wait: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match tokio::time::timeout_at(deadline, self.conn.next()).await {
                Err(_) => return false,
                Ok(None) | Ok(Some(Err(_))) | Ok(Some(Ok(Frame::Close(_)))) => return true,
                Ok(Some(Ok(_))) => {}
            }
        }
    }

    /// Nothing arrives within `wait` (other than pings).
    pub async fn silent_for(&mut self, wait: Duration) -> bool {
        self.next(wait).await.is_none()
    }
}

/// Both screens of lane-1, connected, their first views read: `(register, kiosk)`.
pub async fn lane_one_screens(server: &TestServer, desk: &crate::server::Desk) -> (WsClient, WsClient) {
    let mut register = connect(server, "/ws/lanes/lane-1", &desk.register, None).await.unwrap();
    let mut kiosk = connect(server, "/ws/lanes/lane-1", &desk.kiosk, None).await.unwrap();
    register.view().await;
    kiosk.view().await;
    (register, kiosk)
}
