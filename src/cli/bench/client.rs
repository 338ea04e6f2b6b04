//! The bench's client, on one thread: JSON calls with a bearer token (status, body and the
//! time to the whole answer), and a screen's socket read in its own task, which keeps the
//! newest `lane.view` it got and when it arrived.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use awc::http::Method;
use awc::ws::{Frame, Message};
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::sync::Notify;

/// How long one HTTP call or one awaited view may take before it counts as an error.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// An awc client without a connection cap (many lanes, many sockets), HTTP/1.1 as a browser
/// on a LAN uses.
pub fn awc_client() -> awc::Client {
    awc::Client::builder()
        .max_http_version(awc::http::Version::HTTP_11)
        .timeout(PATIENCE)
        .connector(awc::Connector::new().limit(0).timeout(PATIENCE))
        .finish()
}

/// The server's HTTP API.
#[derive(Clone)]
pub struct Http {
    pub(super) client: awc::Client,
    base: Rc<str>,
}

/// One answer.
#[derive(Debug)]
pub struct Answer {
    /// HTTP status
    pub status: u16,
    /// the JSON body (`Null` when not JSON)
    pub body: Value,
    /// from sending the request to having read the whole body
    pub took: Duration,
}

impl Answer {
    /// A 2xx answer.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `"<status> <error.code>"`, the key of the error table.
    pub fn error_key(&self) -> String {
        match self.body["error"]["code"].as_str() {
            Some(code) => format!("{} {code}", self.status),
            None => format!("{}", self.status),
        }
    }

    /// The lane revision the command answered with.
    pub fn rev(&self) -> Option<i64> {
        self.body["rev"].as_i64()
    }
}

impl Http {
    /// A client of the server at `base` (`http://host:port`).
    pub fn new(base: &str) -> Self {
        Self { client: awc_client(), base: Rc::from(base.trim_end_matches('/')) }
    }

    /// `ws://host:port` of the same server.
    pub fn ws_base(&self) -> String {
        self.base.replacen("http", "ws", 1)
    }

    /// One call; `Err` only when no HTTP answer came (refused, reset, timed out).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
        key: Option<&str>,
    ) -> Result<Answer, String> {
        let started = Instant::now();
        let mut req = self.client.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(key) = key {
            req = req.insert_header(("Idempotency-Key", key));
        }
        let sent = match body {
            Some(body) => req.send_json(body).await,
            None => req.send().await,
        };
        let mut resp = sent.map_err(|e| format!("{path}: {e}"))?;
        let bytes = resp.body().limit(8 << 20).await.map_err(|e| format!("{path}: {e}"))?;
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok(Answer { status: resp.status().as_u16(), body, took: started.elapsed() })
    }

    /// POST a JSON body.
    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Result<Answer, String> {
        self.call(Method::POST, path, Some(token), Some(body), None).await
    }

    /// GET.
    pub async fn get(&self, path: &str, token: Option<&str>) -> Result<Answer, String> {
        self.call(Method::GET, path, token, None, None).await
    }
}

#[derive(Default)]
struct Seen {
    rev: i64,
    at: Option<Instant>,
    view: Value,
    closed: Option<String>,
}

/// One screen's socket (`/ws/lanes/{lane}`), read by its own task.
pub struct Screen {
    seen: Rc<RefCell<Seen>>,
    changed: Rc<Notify>,
}

impl Screen {
    /// Opens `path` with `token` and starts reading it.
    pub async fn open(http: &Http, path: &str, token: &str) -> Result<Self, String> {
        let url = format!("{}{path}", http.ws_base());
        let (_, mut conn) = http.client.ws(url).bearer_auth(token).connect().await.map_err(|e| format!("socket {path}: {e}"))?;
        let seen = Rc::new(RefCell::new(Seen { rev: -1, ..Seen::default() }));
        let changed = Rc::new(Notify::new());
        let (task_seen, task_changed) = (seen.clone(), changed.clone());
        actix_web::rt::spawn(async move {
            let why = loop {
                match conn.next().await {
                    Some(Ok(Frame::Text(bytes))) => {
                        let Ok(mut msg) = serde_json::from_slice::<Value>(&bytes) else { continue };
                        let rev = msg["rev"].as_i64().unwrap_or(-1);
                        let mut seen = task_seen.borrow_mut();
                        if msg["type"] == "lane.view" && rev > seen.rev {
                            (seen.rev, seen.at, seen.view) = (rev, Some(Instant::now()), msg["data"].take());
                            task_changed.notify_waiters();
                        }
                    }
                    Some(Ok(Frame::Ping(bytes))) => {
                        if conn.send(Message::Pong(bytes)).await.is_err() {
                            break "cannot answer a ping".to_owned();
                        }
                    }
                    Some(Ok(Frame::Close(reason))) => break format!("closed by the server: {reason:?}"),
                    Some(Ok(_)) => {}
                    Some(Err(err)) => break format!("socket error: {err}"),
                    None => break "socket ended".to_owned(),
                }
            };
            task_seen.borrow_mut().closed = Some(why);
            task_changed.notify_waiters();
        });
        Ok(Self { seen, changed })
    }

    /// The newest revision seen.
    pub fn rev(&self) -> i64 {
        self.seen.borrow().rev
    }

    /// A field of the newest view's `data`.
    pub fn view_field(&self, pointer: &str) -> Value {
        self.seen.borrow().view.pointer(pointer).cloned().unwrap_or(Value::Null)
    }

    /// Waits until a view with revision `rev` or newer has arrived; returns when it arrived.
    pub async fn reached(&self, rev: i64) -> Result<Instant, String> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let notified = self.changed.notified();
            {
                let seen = self.seen.borrow();
                if seen.rev >= rev {
                    return Ok(seen.at.unwrap_or_else(Instant::now));
                }
                if let Some(why) = &seen.closed {
                    return Err(why.clone());
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return Err(format!("no view with rev {rev} within {} s", PATIENCE.as_secs()));
            }
        }
    }
}
