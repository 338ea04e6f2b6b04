//! Idle sockets: K authenticated lane sockets (the staff login on `lane-1`, each answering
//! pings), the server's memory before and after them, then one change that reaches all of
//! them (a room CLEAN → DIRTY: `inventory.changed` to every socket) timed until the last
//! socket has it, by the client's clock from the request and from the envelope's `at`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use awc::ws::{Frame, Message};
use chrono::{DateTime, Utc};
use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use tokio::sync::Semaphore;

use super::client::Http;
use super::procfs::{self, Memory};

/// What the idle run found.
#[derive(Debug, Default, serde::Serialize)]
pub struct IdleReport {
    /// sockets asked for
    pub wanted: usize,
    /// sockets open with their first view
    pub opened: usize,
    /// sockets refused or lost, with the first reason
    pub failed: usize,
    /// the first refusal
    pub first_failure: Option<String>,
    /// sockets closed by the server after their first view (read at the end)
    pub lost: usize,
    /// seconds to open them all
    pub open_secs: f64,
    /// server memory before the sockets
    pub before: Option<Memory>,
    /// server memory with the sockets open
    pub after: Option<Memory>,
    /// sockets that got the change
    pub reached: usize,
    /// request sent → first socket has it (ms)
    pub first_ms: Option<f64>,
    /// request sent → half of the sockets have it (ms)
    pub median_ms: Option<f64>,
    /// request sent → the last socket has it (ms)
    pub last_ms: Option<f64>,
    /// the envelope's `at` (server) → the last socket has it, wall clocks (ms)
    pub last_after_server_ms: Option<f64>,
    /// the HTTP answer of the change (ms)
    pub answer_ms: Option<f64>,
    /// server CPU per second while the sockets sit idle (ms/s, over `hold_secs`)
    pub idle_cpu_ms_per_s: Option<f64>,
    /// how long the idle CPU was read
    pub hold_secs: f64,
}

impl IdleReport {
    /// Server RSS per open socket, bytes.
    pub fn bytes_per_socket(&self) -> Option<f64> {
        let (before, after) = (self.before?, self.after?);
        (self.opened > 0).then(|| (after.rss_kib as f64 - before.rss_kib as f64) * 1024.0 / self.opened as f64)
    }
}

#[derive(Default)]
struct Shared {
    opened: usize,
    failed: usize,
    lost: usize,
    first_failure: Option<String>,
    armed: bool,
    /// arrival of the change per socket: client instant, wall clock, the envelope's `at`
    arrivals: Vec<(Instant, DateTime<Utc>, Option<DateTime<Utc>>)>,
}

async fn socket(http: Http, token: Arc<str>, shared: Rc<RefCell<Shared>>, permit: tokio::sync::OwnedSemaphorePermit) {
    let url = format!("{}/ws/lanes/lane-1", http.ws_base());
    let connected = http.client.ws(url).bearer_auth(&*token).connect().await;
    let mut conn = match connected {
        Ok((_, conn)) => conn,
        Err(err) => {
            let mut s = shared.borrow_mut();
            s.failed += 1;
            s.first_failure.get_or_insert_with(|| err.to_string());
            return;
        }
    };
    let mut permit = Some(permit);
    let mut got = false;
    while let Some(frame) = conn.next().await {
        match frame {
            Ok(Frame::Text(bytes)) => {
                let text = String::from_utf8_lossy(&bytes);
                if permit.is_some() && text.contains("\"lane.view\"") {
                    shared.borrow_mut().opened += 1;
                    permit = None;
                } else if !got && text.contains("\"inventory.changed\"") && shared.borrow().armed {
                    let (now, wall) = (Instant::now(), Utc::now());
                    let at = serde_json::from_str::<serde_json::Value>(&text)
                        .ok()
                        .and_then(|v| v["at"].as_str().and_then(|a| DateTime::parse_from_rfc3339(a).ok()).map(|a| a.with_timezone(&Utc)));
                    shared.borrow_mut().arrivals.push((now, wall, at));
                    got = true;
                }
            }
            Ok(Frame::Ping(bytes)) => {
                if conn.send(Message::Pong(bytes)).await.is_err() {
                    break;
                }
            }
            Ok(Frame::Close(_)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let mut s = shared.borrow_mut();
    if permit.is_some() {
        s.failed += 1;
        s.first_failure.get_or_insert_with(|| "closed before its first view".into());
    } else {
        s.lost += 1;
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Opens `k` sockets with `token` (signed in at lane-1's register), measures, triggers the
/// change, and (when `hold` > 0) reads the server's CPU while they sit idle.
pub async fn run(http: &Http, token: &str, k: usize, pid: Option<u32>, hold: Duration) -> Result<IdleReport, String> {
    let mut report = IdleReport { wanted: k, hold_secs: hold.as_secs_f64(), ..IdleReport::default() };
    tokio::time::sleep(Duration::from_millis(500)).await;
    report.before = pid.and_then(procfs::memory);
    let shared = Rc::new(RefCell::new(Shared::default()));
    let token: Arc<str> = Arc::from(token);
    let gate = Arc::new(Semaphore::new(64));
    let started = Instant::now();
    for _ in 0..k {
        let permit = gate.clone().acquire_owned().await.map_err(|e| e.to_string())?;
        actix_web::rt::spawn(socket(http.clone(), token.clone(), shared.clone(), permit));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while {
        let s = shared.borrow();
        s.opened + s.failed < k
    } && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    report.open_secs = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(1)).await;
    report.after = pid.and_then(procfs::memory);
    {
        let mut s = shared.borrow_mut();
        (report.opened, report.failed, report.first_failure) = (s.opened, s.failed, s.first_failure.take());
        s.armed = true;
    }
    let sent = Instant::now();
    let batch = json!({ "units": [{ "kind": "ROOM", "number": "200" }], "status": "DIRTY" });
    let answer = http.post("/api/inventory/status", token.as_ref(), &batch).await?;
    if !answer.ok() {
        return Err(format!("the change: {} {}", answer.status, answer.body));
    }
    report.answer_ms = Some(ms(answer.took));
    let deadline = Instant::now() + Duration::from_secs(30);
    while shared.borrow().arrivals.len() < report.opened && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    {
        let s = shared.borrow();
        let mut times: Vec<Duration> = s.arrivals.iter().map(|(i, _, _)| i.saturating_duration_since(sent)).collect();
        times.sort_unstable();
        report.reached = times.len();
        report.first_ms = times.first().copied().map(ms);
        report.median_ms = times.get(times.len() / 2).copied().map(ms);
        report.last_ms = times.last().copied().map(ms);
        report.last_after_server_ms = s
            .arrivals
            .iter()
            .filter_map(|(_, wall, at)| at.map(|at| (*wall - at).num_microseconds().unwrap_or(0)))
            .max()
            .map(|us| us as f64 / 1000.0);
    }
    if !hold.is_zero()
        && let Some(pid) = pid
    {
        let (cpu0, t0) = (procfs::cpu(pid), Instant::now());
        tokio::time::sleep(hold).await;
        if let (Some(a), Some(b)) = (cpu0, procfs::cpu(pid)) {
            report.idle_cpu_ms_per_s = Some(ms(b.saturating_sub(a)) / t0.elapsed().as_secs_f64());
        }
    }
    report.lost = shared.borrow().lost;
    Ok(report)
}
