//! An anonymous login flood does not stop the desk: the real binary, 50 clients from 50
//! loopback addresses sending wrong logins as fast as they can for 10 s, while an employee
//! and the lane's kiosk take customers through complete check-ins. Every desk command must
//! succeed, the flood must meet 429s and no 5xx, and the server's peak RSS stays < 150 MB.
//! (Latencies are printed for the record, never asserted.)

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::both_backends;

const FLOODERS: u8 = 50;
const FLOOD_FOR: Duration = Duration::from_secs(10);

/// Peak resident memory of the process, in MiB.
fn peak_rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kib: f64 = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    kib / 1024.0
}

async fn call(client: &awc::Client, url: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut req = client.post(url);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    match req.send_json(&body).await {
        Ok(mut resp) => {
            let bytes = resp.body().limit(1 << 20).await.unwrap_or_default();
            (resp.status().as_u16(), serde_json::from_slice(&bytes).unwrap_or(Value::Null))
        }
        Err(err) => panic!("{url}: {err}"),
    }
}

fn client_from(ip: IpAddr) -> awc::Client {
    let connector = awc::Connector::new().local_address(ip).timeout(Duration::from_secs(30));
    awc::Client::builder().connector(connector).timeout(Duration::from_secs(30)).finish()
}

async fn wait_ready(client: &awc::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(resp) = client.get(format!("{base}/readyz")).send().await
            && resp.status() == 200
        {
            return;
        }
        assert!(Instant::now() < deadline, "the server did not become ready");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Tokens of lane-1's register (alex) and kiosk.
async fn open_lane(client: &awc::Client, base: &str) -> (String, String) {
    let token = |body: Value| body["token"].as_str().unwrap().to_owned();
    let (_, manager) =
        call(client, &format!("{base}/api/auth/login"), None, json!({ "login": "manager", "pin": "111111", "bearer": true })).await;
    let manager = token(manager);
    assert_eq!(call(client, &format!("{base}/api/auth/step-up"), Some(&manager), json!({ "pin": "111111" })).await.0, 200);
    let (_, code) = call(client, &format!("{base}/api/lanes/lane-1/pairing-codes"), Some(&manager), json!({})).await;
    let (_, kiosk) =
        call(client, &format!("{base}/api/devices/pair"), None, json!({ "code": code["code"], "name": "kiosk", "bearer": true })).await;
    let (_, alex) =
        call(client, &format!("{base}/api/auth/login"), None, json!({ "login": "alex", "pin": "222222", "bearer": true })).await;
    let alex = token(alex);
    let (status, _) =
        call(client, &format!("{base}/api/lanes/lane-1/register/sign-in"), Some(&alex), json!({ "device_key": "register-1" })).await;
    assert_eq!(status, 200);
    (alex, token(kiosk))
}

/// One complete check-in; returns each step's latency. Panics on any refusal.
async fn check_in(client: &awc::Client, base: &str, register: &str, kiosk: &str, n: usize, took: &mut Vec<Duration>) {
    let lane = format!("{base}/api/lanes/lane-1");
    let mut step = async |path: String, token: &str, body: Value| {
        let started = Instant::now();
        let (status, answer) = call(client, &path, Some(token), body).await;
        took.push(started.elapsed());
        assert!((200..300).contains(&status), "a desk command failed during the flood: {path} {status} {answer}");
        answer
    };
    let customer = step(format!("{base}/api/customers"), register, json!({ "name": format!("Flood Guest{n}") })).await;
    step(format!("{lane}/sessions"), register, json!({ "customer_id": customer["id"] })).await;
    step(format!("{lane}/session/language"), kiosk, json!({ "language": "EN" })).await;
    step(format!("{lane}/session/propose"), kiosk, json!({ "rental_type": "LOCKER" })).await;
    step(format!("{lane}/session/confirm"), register, json!({})).await;
    step(format!("{lane}/session/payment"), register, json!({ "method": "CASH" })).await;
    step(format!("{lane}/session/agreement-shown"), kiosk, json!({})).await;
    let view = client.get(format!("{lane}/view")).bearer_auth(kiosk).send().await.unwrap().json::<Value>().await.unwrap();
    let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
    step(format!("{lane}/session/sign"), kiosk, sign).await;
    step(format!("{lane}/session/acknowledge"), kiosk, json!({})).await;
    step(format!("{lane}/session/close"), register, json!({})).await;
}

#[derive(Default, Debug)]
struct Flood {
    sent: usize,
    limited: usize,
    server_errors: usize,
}

async fn flood(ip: IpAddr, base: String, until: Instant) -> Flood {
    let client = client_from(ip);
    let mut tally = Flood::default();
    let mut n = 0;
    while Instant::now() < until {
        n += 1;
        let body = json!({ "login": format!("intruder-{ip}-{n}"), "pin": "123456" });
        let Ok(resp) = client.post(format!("{base}/api/auth/login")).send_json(&body).await else { continue };
        tally.sent += 1;
        match resp.status().as_u16() {
            429 => tally.limited += 1,
            500.. => tally.server_errors += 1,
            _ => {}
        }
    }
    tally
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

both_backends!(
    fn a_login_flood_does_not_stop_the_desk(db) {
        let server = crate::serve::demo_server(db, "error");
        let (pid, base) = (server.0.id(), format!("http://127.0.0.1:{}", server.1));
        crate::block_on(async {
            let client = client_from(IpAddr::V4(Ipv4Addr::LOCALHOST));
            wait_ready(&client, &base).await;
            let (register, kiosk) = open_lane(&client, &base).await;
            let until = Instant::now() + FLOOD_FOR;
            let flooders: Vec<_> = (0..FLOODERS)
                .map(|i| actix_web::rt::spawn(flood(IpAddr::V4(Ipv4Addr::new(127, 0, 1, 10 + i)), base.clone(), until)))
                .collect();
            let (mut took, mut done) = (Vec::new(), 0);
            while Instant::now() < until {
                check_in(&client, &base, &register, &kiosk, done, &mut took).await;
                done += 1;
            }
            let mut total = Flood::default();
            for f in flooders {
                let f = f.await.unwrap();
                (total.sent, total.limited, total.server_errors) = (total.sent + f.sent, total.limited + f.limited, total.server_errors + f.server_errors);
            }
            took.sort();
            let rss = peak_rss_mib(pid);
            println!(
                "[flood {:?}] {} check-ins ({} commands, p50 {:?}, p99 {:?}, max {:?}) during {} flood logins ({} answered 429); peak RSS {rss:.1} MiB",
                db.backend, done, took.len(), percentile(&took, 0.5), percentile(&took, 0.99), took[took.len() - 1], total.sent, total.limited
            );
            assert!(done >= 1, "the desk completed no check-in during the flood");
            assert_eq!(total.server_errors, 0, "the flood met server errors");
            assert!(total.limited > 0, "the flood was never rate limited: {total:?}");
            assert!(rss < 150.0, "peak RSS {rss:.1} MiB");
        });
    }
);
