//! One lane's loop: a register and its paired kiosk run complete check-ins (the ten HTTP
//! steps, each followed by the new `lane.view` on both sockets), then the stay is checked
//! out and, for a room, cleaned, so inventory never runs out. Only the ten steps are timed.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::client::{Answer, Http, Screen};
use super::stats::{STEPS, Stats};

/// The principals of one lane.
#[derive(Clone)]
pub struct Desk {
    /// `lane-N`
    pub lane: String,
    /// the staff token signed in at this lane's register
    pub register: Rc<str>,
    /// the lane's kiosk token
    pub kiosk: String,
    /// a stepped-up manager (to cancel a paid session after an error)
    pub manager: Rc<str>,
}

/// The measured window: steps started inside it are timed, check-ins finished inside it
/// are counted; no new check-in starts after its end.
#[derive(Clone, Copy)]
pub struct Window {
    /// end of the warm-up
    pub start: Instant,
    /// end of the run
    pub end: Instant,
}

impl Window {
    fn holds(&self, at: Instant) -> bool {
        at >= self.start && at < self.end
    }
}

/// Which screen sends a step.
#[derive(Clone, Copy, PartialEq)]
enum By {
    Register,
    Kiosk,
}

/// A small signature drawn as two strokes (the server renders the PNG).
fn strokes() -> Value {
    let line = |y: f64, t0: f64| {
        (0..30)
            .map(|i| json!({ "x": 50.0 + 15.0 * f64::from(i), "y": y + 10.0 * (f64::from(i) / 3.0).sin(), "t": t0 + 16.0 * f64::from(i) }))
            .collect::<Vec<_>>()
    };
    json!({ "width": 600.0, "height": 200.0, "strokes": [{ "points": line(80.0, 0.0) }, { "points": line(120.0, 600.0) }] })
}

/// One lane's screens and its share of the results.
pub struct LaneRun {
    /// the API
    pub http: Http,
    /// who works the lane
    pub desk: Desk,
    /// the rental each customer takes (LOCKER, STANDARD, ...)
    pub rental: String,
    /// where results go
    pub stats: Rc<RefCell<Stats>>,
    /// the measured window
    pub window: Window,
}

/// Why a check-in stopped: the step and the error key.
type Failure = (&'static str, String);

impl LaneRun {
    /// Opens both sockets, then runs check-ins until the window ends.
    pub async fn run(self) -> Result<(), String> {
        let path = format!("/ws/lanes/{}", self.desk.lane);
        let register = Screen::open(&self.http, &path, &self.desk.register).await?;
        let kiosk = Screen::open(&self.http, &path, &self.desk.kiosk).await?;
        register.reached(0).await?;
        kiosk.reached(0).await?;
        let mut n = 0u64;
        while Instant::now() < self.window.end {
            n += 1;
            match self.check_in(n, &register, &kiosk).await {
                Ok(number) => self.recycle(&number).await,
                Err((step, key)) => {
                    self.stats.borrow_mut().error(step, &key);
                    self.recover().await;
                }
            }
        }
        Ok(())
    }

    fn token(&self, by: By) -> &str {
        match by {
            By::Register => &self.desk.register,
            By::Kiosk => &self.desk.kiosk,
        }
    }

    /// One complete check-in; returns the assigned number.
    async fn check_in(&self, n: u64, register: &Screen, kiosk: &Screen) -> Result<String, Failure> {
        let lane = &self.desk.lane;
        let name = format!("Bench Guest {} {n}", lane.trim_start_matches("lane-"));
        let started = Instant::now();
        let created = self.http.post("/api/customers", &self.desk.register, &json!({ "name": name })).await.map_err(|e| (STEPS[0], e))?;
        if !created.ok() {
            return Err((STEPS[0], created.error_key()));
        }
        if self.window.holds(started) {
            self.stats.borrow_mut().step(0, created.took, None);
        }
        let plan: [(By, Value); 9] = [
            (By::Register, json!({ "customer_id": created.body["id"] })),
            (By::Kiosk, json!({ "language": "EN" })),
            (By::Kiosk, json!({ "rental_type": self.rental })),
            (By::Kiosk, json!({})),
            (By::Register, json!({ "method": "CASH" })),
            (By::Kiosk, json!({})),
            (By::Kiosk, Value::Null),
            (By::Kiosk, json!({})),
            (By::Register, json!({})),
        ];
        let mut number = String::new();
        for (i, (by, body)) in plan.into_iter().enumerate() {
            let index = i + 1;
            let step = STEPS[index];
            let body = if step == "sign" {
                json!({ "agreement_id": kiosk.view_field("/agreement/id"), "consent": true, "strokes": strokes() })
            } else {
                body
            };
            let path = if step == "sessions" { format!("/api/lanes/{lane}/sessions") } else { format!("/api/lanes/{lane}/session/{step}") };
            let key = matches!(step, "payment" | "sign").then(|| format!("bench-{lane}-{n}-{step}-{}", uuid::Uuid::now_v7().simple()));
            let (own, other) = if by == By::Register { (register, kiosk) } else { (kiosk, register) };
            let before = other.rev();
            let started = Instant::now();
            let answer: Answer = self
                .http
                .call(awc::http::Method::POST, &path, Some(self.token(by)), Some(&body), key.as_deref())
                .await
                .map_err(|e| (step, e))?;
            if !answer.ok() {
                return Err((step, answer.error_key()));
            }
            let rev = answer.rev().unwrap_or(before + 1);
            let seen = other.reached(rev).await.map_err(|e| (step, format!("view on the other screen: {e}")))?;
            own.reached(rev).await.map_err(|e| (step, format!("view on the sending screen: {e}")))?;
            if self.window.holds(started) {
                self.stats.borrow_mut().step(index, answer.took, Some(seen.saturating_duration_since(started)));
            }
            if step == "sign" {
                if answer.body["status"] != "COMPLETED" {
                    return Err((step, format!("status {}", answer.body["status"])));
                }
                number = answer.body["number"].as_str().unwrap_or_default().to_owned();
            }
        }
        let mut stats = self.stats.borrow_mut();
        stats.completed_total += 1;
        if self.window.holds(Instant::now()) {
            stats.completed += 1;
        }
        Ok(number)
    }

    /// Checks the stay on `number` out and, for a room, cleans it (DIRTY → CLEANING → CLEAN).
    async fn recycle(&self, number: &str) {
        if let Err((step, key)) = self.try_recycle(number).await {
            self.stats.borrow_mut().error(step, &key);
        }
    }

    async fn try_recycle(&self, number: &str) -> Result<(), Failure> {
        let token = &self.desk.register;
        let board = self.http.get(&format!("/api/stays?q={number}"), Some(token)).await.map_err(|e| ("recycle/stays", e))?;
        if !board.ok() {
            return Err(("recycle/stays", board.error_key()));
        }
        let stays = board.body["stays"].as_array().cloned().unwrap_or_default();
        let Some(stay) = stays.iter().find(|s| s["number"] == number) else {
            return Err(("recycle/stays", format!("no open stay on {number}")));
        };
        let visit = stay["visit_id"].as_str().unwrap_or_default();
        let done = self.http.post(&format!("/api/stays/{visit}/checkout"), token, &json!({})).await.map_err(|e| ("recycle/checkout", e))?;
        if !done.ok() {
            return Err(("recycle/checkout", done.error_key()));
        }
        if done.body["unit_status"] == "DIRTY" {
            for status in ["CLEANING", "CLEAN"] {
                let batch = json!({ "units": [{ "kind": "ROOM", "number": number }], "status": status });
                let outcome = self.http.post("/api/inventory/status", token, &batch).await.map_err(|e| ("recycle/clean", e))?;
                let refused = outcome.body["refused"].as_array().is_some_and(|r| !r.is_empty());
                if !outcome.ok() || refused {
                    return Err(("recycle/clean", format!("{} {}", outcome.error_key(), outcome.body["refused"])));
                }
            }
        }
        Ok(())
    }

    /// After an error: cancel whatever is live on the lane (a paid session needs the
    /// manager), close it, and pause a little so a broken server is not hammered.
    async fn recover(&self) {
        let lane = &self.desk.lane;
        let cancel = format!("/api/lanes/{lane}/session/cancel");
        let body = json!({ "reason": "bench: recovering after an error" });
        if let Ok(answer) = self.http.post(&cancel, &self.desk.register, &body).await
            && answer.status == 403
        {
            let _ = self.http.post(&cancel, &self.desk.manager, &body).await;
        }
        let _ = self.http.post(&format!("/api/lanes/{lane}/session/close"), &self.desk.register, &json!({})).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
