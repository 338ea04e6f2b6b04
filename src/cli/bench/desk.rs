//! Staffing the lanes over HTTP: one staff login signed in at every lane's register (a
//! login may hold many registers, one per device key), a stepped-up manager, and, against a
//! running server, kiosks paired with one-time codes (the pairing limit is waited out).

use std::rc::Rc;
use std::time::Duration;

use serde_json::json;

use super::client::Http;
use super::lane::Desk;

/// Who signs in.
#[derive(Debug, Clone)]
pub struct Logins {
    /// manager `(login, PIN)`
    pub manager: (String, String),
    /// the staff member at every register `(login, PIN)`
    pub staff: (String, String),
}

async fn login(http: &Http, (login, pin): &(String, String)) -> Result<String, String> {
    let body = json!({ "login": login, "pin": pin, "bearer": true });
    let answer = http.call(awc::http::Method::POST, "/api/auth/login", None, Some(&body), None).await?;
    match answer.body["token"].as_str() {
        Some(token) if answer.ok() => Ok(token.to_owned()),
        _ => Err(format!("login {login}: {} {}", answer.status, answer.body)),
    }
}

/// Signs the manager in with a fresh step-up.
pub async fn manager(http: &Http, logins: &Logins) -> Result<String, String> {
    let token = login(http, &logins.manager).await?;
    let answer = http.post("/api/auth/step-up", &token, &json!({ "pin": logins.manager.1 })).await?;
    if !answer.ok() {
        return Err(format!("step-up: {} {}", answer.status, answer.body));
    }
    Ok(token)
}

/// The staff login, signed in at no register yet.
pub async fn staff(http: &Http, logins: &Logins) -> Result<String, String> {
    login(http, &logins.staff).await
}

/// Signs `token` in at `lane`'s register.
pub async fn sign_in_register(http: &Http, token: &str, lane: &str) -> Result<(), String> {
    let path = format!("/api/lanes/{lane}/register/sign-in");
    let answer = http.post(&path, token, &json!({ "device_key": format!("bench-register-{lane}") })).await?;
    if answer.ok() { Ok(()) } else { Err(format!("{path}: {} {}", answer.status, answer.body)) }
}

/// Signs the registers of `desks` out, so that another run against the same server can sign
/// in again (a register stays with the login that holds it).
pub async fn close(http: &Http, desks: &[Desk]) {
    for desk in desks {
        let _ = http.post(&format!("/api/lanes/{}/register/sign-out", desk.lane), &desk.register, &serde_json::json!({})).await;
    }
}

/// Pairs a kiosk to `lane` with a one-time code; waits out 429s.
async fn pair(http: &Http, manager: &str, lane: &str) -> Result<String, String> {
    let issued = http.post(&format!("/api/lanes/{lane}/pairing-codes"), manager, &json!({})).await?;
    if !issued.ok() {
        return Err(format!("pairing code for {lane}: {} {}", issued.status, issued.body));
    }
    let body = json!({ "code": issued.body["code"], "name": format!("bench kiosk {lane}"), "bearer": true });
    loop {
        let paired = http.call(awc::http::Method::POST, "/api/devices/pair", None, Some(&body), None).await?;
        match paired.body["token"].as_str() {
            Some(token) if paired.ok() => return Ok(token.to_owned()),
            _ if paired.status == 429 => tokio::time::sleep(Duration::from_secs(6)).await,
            _ => return Err(format!("pairing {lane}: {} {}", paired.status, paired.body)),
        }
    }
}

/// Staffs `lane-1` ..= `lane-N`: the registers over HTTP, the kiosks from `kiosks` (seeded)
/// or paired now.
pub async fn open(http: &Http, logins: &Logins, lanes: usize, kiosks: Option<Vec<String>>) -> Result<Vec<Desk>, String> {
    let manager: Rc<str> = Rc::from(manager(http, logins).await?);
    let register: Rc<str> = Rc::from(staff(http, logins).await?);
    let mut desks = Vec::with_capacity(lanes);
    for i in 1..=lanes {
        let lane = format!("lane-{i}");
        sign_in_register(http, &register, &lane).await?;
        let kiosk = match kiosks.as_ref().and_then(|k| k.get(i - 1)) {
            Some(token) => token.clone(),
            None => pair(http, &manager, &lane).await?,
        };
        desks.push(Desk { lane, register: register.clone(), kiosk, manager: manager.clone() });
    }
    Ok(desks)
}
