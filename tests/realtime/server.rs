//! A real frontdesk server on a free local port, in its own thread and actix system, with a
//! manual clock; and an HTTP client for commands.

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;

use actix_web::dev::ServerHandle;
use chrono::{DateTime, Utc};
use frontdesk::app::{self, AppState};
use frontdesk::clock::ManualClock;
use frontdesk::db::pool;
use serde_json::{Value, json};

use crate::support::TestDb;

/// When the manual clock starts.
pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-20T18:00:00Z").unwrap().with_timezone(&Utc)
}

/// A running server.
pub struct TestServer {
    /// where it listens
    pub addr: SocketAddr,
    /// its state (hub, pool, clock)
    pub state: AppState,
    handle: ServerHandle,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server over `db` (already seeded) with `clock`.
    pub fn start(db: &TestDb, clock: &ManualClock) -> Self {
        Self::start_with(db, clock, |_| {})
    }

    /// Like [`TestServer::start`], with settings adjusted by `tune`.
    pub fn start_with(db: &TestDb, clock: &ManualClock, tune: impl FnOnce(&mut frontdesk::config::Settings)) -> Self {
        Self::start_on_clock(db, Arc::new(clock.clone()), tune)
    }

    /// A server on the real clock (for a browser, whose own clock is real).
    #[allow(dead_code)]
    pub fn start_live(db: &TestDb) -> Self {
        Self::start_on_clock(db, Arc::new(frontdesk::clock::SystemClock), |_| {})
    }

    /// [`TestServer::start_live`], with settings adjusted by `tune`.
    #[allow(dead_code)]
    pub fn start_live_with(db: &TestDb, tune: impl FnOnce(&mut frontdesk::config::Settings)) -> Self {
        Self::start_on_clock(db, Arc::new(frontdesk::clock::SystemClock), tune)
    }

    fn start_on_clock(db: &TestDb, clock: frontdesk::clock::SharedClock, tune: impl FnOnce(&mut frontdesk::config::Settings)) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let mut settings = frontdesk::config::Settings::from_env().unwrap();
        // every stock change pushed at once, so tests can count the pushes (the paced
        // behaviour has its own test in stock.rs)
        settings.stock_push_every = std::time::Duration::ZERO;
        tune(&mut settings);
        settings.database_url = db.url.clone();
        settings.allowed_origins = vec![format!("http://{addr}")];
        let pool = pool::build(&db.url, 6, std::time::Duration::from_secs(5));
        let state = AppState::with_clock(pool, settings, clock);
        let (tx, rx) = std::sync::mpsc::channel();
        let server_state = state.clone();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = app::server(listener, server_state).unwrap();
                tx.send(server.handle()).unwrap();
                let _ = server.await;
            })
        });
        let handle = rx.recv().unwrap();
        Self { addr, state, handle, thread: Some(thread) }
    }

    /// `http://addr/path`
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Stops the server and waits for it (sockets are dropped).
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let handle = self.handle.clone();
        std::thread::spawn(move || actix_web::rt::System::new().block_on(handle.stop(false))).join().unwrap();
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.shutdown();
        }
    }
}

/// A server the helpers can talk to: one in this process or a child process.
pub trait Endpoint {
    /// where it listens
    fn addr(&self) -> std::net::SocketAddr;

    /// `http://addr/path`
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr())
    }
}

impl Endpoint for TestServer {
    fn addr(&self) -> std::net::SocketAddr {
        self.addr
    }
}

/// One JSON request to the server; `(status, body)`.
pub async fn request(server: &impl Endpoint, method: &str, path: &str, token: Option<&str>, body: Option<Value>) -> (u16, Value) {
    let client = awc::Client::default();
    let mut req = client.request(method.parse().unwrap(), server.url(path));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let mut resp = match body {
        Some(body) => req.send_json(&body).await.unwrap(),
        None => req.send().await.unwrap(),
    };
    let bytes = resp.body().await.unwrap();
    (resp.status().as_u16(), serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// POST.
pub async fn post(server: &impl Endpoint, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    request(server, "POST", path, token, Some(body)).await
}

/// Signs in; returns the bearer token.
pub async fn login(server: &impl Endpoint, login: &str, pin: &str) -> String {
    let (status, body) = post(server, "/api/auth/login", None, json!({ "login": login, "pin": pin, "bearer": true })).await;
    assert_eq!(status, 200, "{body}");
    body["token"].as_str().unwrap().to_owned()
}

/// The demo club's screens of lane-1 (and a lane-2 register): tokens ready to use.
pub struct Desk {
    /// alex at lane-1's register
    pub register: String,
    /// lane-1's kiosk
    pub kiosk: String,
    /// sam at lane-2's register
    pub register2: String,
    /// the manager (stepped up)
    pub manager: String,
}

/// Signs in the registers and pairs lane-1's kiosk.
pub async fn desk(server: &impl Endpoint) -> Desk {
    let manager = login(server, "manager", "111111").await;
    assert_eq!(post(server, "/api/auth/step-up", Some(&manager), json!({ "pin": "111111" })).await.0, 200);
    let (_, code) = post(server, "/api/lanes/lane-1/pairing-codes", Some(&manager), json!({})).await;
    let (_, paired) = post(server, "/api/devices/pair", None, json!({ "code": code["code"], "name": "Kiosk 1", "bearer": true })).await;
    let register = login(server, "alex", "222222").await;
    assert_eq!(post(server, "/api/lanes/lane-1/register/sign-in", Some(&register), json!({ "device_key": "register-1" })).await.0, 200);
    let register2 = login(server, "sam", "333333").await;
    assert_eq!(post(server, "/api/lanes/lane-2/register/sign-in", Some(&register2), json!({ "device_key": "register-2" })).await.0, 200);
    Desk { register, kiosk: paired["token"].as_str().unwrap().to_owned(), register2, manager }
}
