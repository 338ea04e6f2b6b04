//! Command → view on the other screen, at every step of the check-in: the time from sending a
//! command over HTTP (keep-alive, as a browser does) until the new `lane.view` arrives on the
//! socket of the other screen of the lane. A benchmark printed for docs/performance.md, never
//! a timed assertion; the test only asserts that every view arrives with the command's `rev`.
//!
//! `LATENCY_CHECK_INS=200 cargo test --release --test realtime latency -- --nocapture --test-threads=1`
//! prints the table.

use std::time::{Duration, Instant};

use frontdesk::clock::ManualClock;
use serde_json::{Value, json};

use crate::both_backends;
use crate::checkin::strokes;
use crate::server::*;
use crate::ws::{WsClient, lane_one_screens};
use crate::{block_on, seeded};

/// Check-ins per run; `LATENCY_CHECK_INS` raises it for the benchmark figure.
fn check_ins() -> usize {
    std::env::var("LATENCY_CHECK_INS").ok().and_then(|v| v.parse().ok()).unwrap_or(40)
}

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Register,
    Kiosk,
}

async fn timed(
    client: &awc::Client,
    server: &TestServer,
    (path, token, body): (&str, &str, Value),
    other: &mut WsClient,
) -> (Duration, Value, Value) {
    let started = Instant::now();
    let send = async {
        let mut resp = client.post(server.url(path)).bearer_auth(token).send_json(&body).await.unwrap();
        let status = resp.status().as_u16();
        let bytes = resp.body().limit(1 << 20).await.unwrap();
        let answer: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        assert!((200..300).contains(&status), "{path}: {status} {answer}");
        answer
    };
    let seen = async {
        let view = other.view().await;
        (started.elapsed(), view)
    };
    let (answer, (took, view)) = futures_util::future::join(send, seen).await;
    (took, answer, view)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
}

both_backends!(
    fn command_to_view_on_the_other_screen_at_every_step(db) {
        seeded(db);
        let server = TestServer::start(db, &ManualClock::at(start_time()));
        block_on(async {
            let desk = desk(&server).await;
            let client = awc::Client::default();
            let (mut register, mut kiosk) = lane_one_screens(&server, &desk).await;
            let (reg, kio) = (desk.register.as_str(), desk.kiosk.as_str());
            let mut steps: Vec<(&'static str, Vec<Duration>)> = Vec::new();
            for n in 0..check_ins() {
                let (_, customer) = post(&server, "/api/customers", Some(reg), json!({ "name": format!("Latency Guest{n}") })).await;
                let agreement = std::cell::RefCell::new(Value::Null);
                let plan: Vec<(&'static str, Screen, Value)> = vec![
                    ("sessions", Screen::Register, json!({ "customer_id": customer["id"] })),
                    ("session/language", Screen::Kiosk, json!({ "language": "EN" })),
                    ("session/membership", Screen::Kiosk, json!({ "choice": "ONE_TIME" })),
                    ("session/propose", Screen::Kiosk, json!({ "rental_type": "LOCKER" })),
                    ("session/confirm", Screen::Register, json!({})),
                    ("session/payment", Screen::Register, json!({ "method": "CASH" })),
                    ("session/agreement-shown", Screen::Kiosk, json!({})),
                    ("session/sign", Screen::Kiosk, Value::Null),
                    ("session/acknowledge", Screen::Kiosk, json!({})),
                    ("session/close", Screen::Register, json!({})),
                ];
                for (i, (step, by, body)) in plan.into_iter().enumerate() {
                    let body = if step == "session/sign" {
                        json!({ "agreement_id": agreement.borrow().clone(), "consent": true, "strokes": strokes() })
                    } else {
                        body
                    };
                    let path = format!("/api/lanes/lane-1/{step}");
                    let (token, sender, other) = match by {
                        Screen::Register => (reg, &mut register, &mut kiosk),
                        Screen::Kiosk => (kio, &mut kiosk, &mut register),
                    };
                    let (took, answer, view) = timed(&client, &server, (&path, token, body), other).await;
                    if let Some(rev) = answer["rev"].as_i64() {
                        assert_eq!(view["rev"], rev, "{step}: the other screen got the command's view");
                    }
                    sender.view().await;
                    if step == "session/payment" {
                        // the kiosk is the other screen here: its view carries the agreement
                        *agreement.borrow_mut() = view["data"]["agreement"]["id"].clone();
                    }
                    if n == 0 {
                        steps.push((step, Vec::new()));
                    }
                    steps[i].1.push(took);
                }
            }
            println!("\ncommand -> view on the other screen, {:?}, {} check-ins, one lane (ms):", db.backend, check_ins());
            println!("| step | p50 | p99 | max |\n|---|---|---|---|");
            let mut all = Vec::new();
            for (step, mut took) in steps {
                took.sort();
                println!("| {step} | {:.2} | {:.2} | {:.2} |", percentile(&took, 0.5), percentile(&took, 0.99), percentile(&took, 1.0));
                all.extend(took);
            }
            all.sort();
            println!("| all steps | {:.2} | {:.2} | {:.2} |", percentile(&all, 0.5), percentile(&all, 0.99), percentile(&all, 1.0));
        });
        server.stop();
    }
);
