//! A test client over the real app: JSON calls with an optional token, and the demo club's
//! principals (manager 111111, alex 222222, sam 333333).

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::Method;
use actix_web::test::{TestRequest, call_service, read_body};
use chrono::{DateTime, Utc};
use frontdesk::app::{self, AppState};
use frontdesk::clock::ManualClock;
use frontdesk::db::pool;
use serde_json::{Value, json};

use crate::support::TestDb;

/// The demo club on `db`, served by the real app with a manual clock.
pub async fn demo_app(
    db: &TestDb,
) -> (impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>, ManualClock) {
    let clock = ManualClock::at(start());
    frontdesk::seed::demo::seed(&mut db.conn(), start()).expect("demo seed");
    let pool = pool::build(&db.url, 4, std::time::Duration::from_secs(5));
    let state = AppState::with_clock(pool, crate::settings(&db.url), std::sync::Arc::new(clock.clone()));
    (actix_web::test::init_service(app::build(state)).await, clock)
}

/// When the manual clock starts.
pub fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-20T18:00:00Z").unwrap().with_timezone(&Utc)
}

/// One JSON call; `body` `None` sends no body.
pub async fn call<S, B>(app: &S, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let mut req = TestRequest::default().method(method).uri(path);
    if let Some(token) = token {
        req = req.insert_header(("Authorization", format!("Bearer {token}")));
    }
    if let Some(body) = body {
        req = req.set_json(body);
    }
    let resp = call_service(app, req.to_request()).await;
    let status = resp.status().as_u16();
    let bytes = read_body(resp).await;
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// POST with a JSON body.
pub async fn post<S, B>(app: &S, path: &str, token: Option<&str>, body: Value) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    call(app, Method::POST, path, token, Some(body)).await
}

/// GET.
pub async fn get<S, B>(app: &S, path: &str, token: Option<&str>) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    call(app, Method::GET, path, token, None).await
}

/// Signs in and returns the bearer token.
pub async fn login<S, B>(app: &S, login: &str, pin: &str) -> String
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, body) = post(app, "/api/auth/login", None, json!({ "login": login, "pin": pin, "bearer": true })).await;
    assert_eq!(status, 200, "login {login}: {body}");
    body["token"].as_str().unwrap().to_owned()
}

/// Re-enters the PIN on `token`'s session.
pub async fn step_up<S, B>(app: &S, token: &str, pin: &str)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, body) = post(app, "/api/auth/step-up", Some(token), json!({ "pin": pin })).await;
    assert_eq!(status, 200, "step-up: {body}");
}

/// A manager session with a fresh step-up.
pub async fn manager<S, B>(app: &S) -> String
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let token = login(app, "manager", "111111").await;
    step_up(app, &token, "111111").await;
    token
}

/// Pairs a kiosk to `lane` (as the manager) and returns its token.
pub async fn pair_kiosk<S, B>(app: &S, manager: &str, lane: &str) -> String
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, issued) = post(app, &format!("/api/lanes/{lane}/pairing-codes"), Some(manager), json!({})).await;
    assert_eq!(status, 201, "{issued}");
    let body = json!({ "code": issued["code"], "name": format!("{lane} kiosk"), "bearer": true });
    let (status, paired) = post(app, "/api/devices/pair", None, body).await;
    assert_eq!(status, 200, "{paired}");
    paired["token"].as_str().unwrap().to_owned()
}

/// Signs `token` in at `lane`'s register from `device_key`.
pub async fn sign_in_register<S, B>(app: &S, token: &str, lane: &str, device_key: &str) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    post(app, &format!("/api/lanes/{lane}/register/sign-in"), Some(token), json!({ "device_key": device_key })).await
}
