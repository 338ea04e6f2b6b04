//! A staffed counter for tests that need finished check-ins: alex at lane-1's register, the
//! lane-1 kiosk paired, and a helper that takes a new customer all the way through signing.

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use serde_json::{Value, json};

use crate::client::*;

/// The tokens of a staffed lane-1.
pub struct Desk {
    /// the manager, stepped up
    pub manager: String,
    /// alex, at lane-1's register
    pub register: String,
    /// lane-1's kiosk
    pub kiosk: String,
}

/// Opens lane-1: pairs its kiosk and signs alex in at its register.
pub async fn desk<S, B>(app: &S) -> Desk
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let manager = manager(app).await;
    let kiosk = pair_kiosk(app, &manager, "lane-1").await;
    let register = login(app, "alex", "222222").await;
    assert_eq!(sign_in_register(app, &register, "lane-1", "register-1").await.0, 200);
    Desk { manager, register, kiosk }
}

/// Creates customer `name` and takes them on lane-1 up to the signature: `rental` chosen in
/// `language`, held and paid in cash. Returns `(customer id, the agreement id to sign)`.
pub async fn pay<S, B>(app: &S, desk: &Desk, name: &str, rental: &str, language: &str) -> (Value, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, customer) = post(app, "/api/customers", Some(&desk.register), json!({ "name": name })).await;
    assert_eq!(status, 201, "{customer}");
    let steps = [
        ("sessions", &desk.register, json!({ "customer_id": customer["id"] })),
        ("session/language", &desk.kiosk, json!({ "language": language })),
        ("session/propose", &desk.kiosk, json!({ "rental_type": rental })),
        ("session/confirm", &desk.kiosk, json!({})),
        ("session/payment", &desk.register, json!({ "method": "CASH" })),
    ];
    for (step, token, body) in steps {
        let (status, answer) = post(app, &format!("/api/lanes/lane-1/{step}"), Some(token), body).await;
        assert!(status == 200 || status == 201, "{step}: {status} {answer}");
    }
    let (_, view) = get(app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await;
    (customer["id"].clone(), view["data"]["agreement"]["id"].clone())
}

/// [`pay`], then sign with strokes and close the finished session. Returns `(customer id, the
/// signing answer)`.
pub async fn check_in<S, B>(app: &S, desk: &Desk, name: &str, rental: &str, language: &str) -> (Value, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (customer, agreement) = pay(app, desk, name, rental, language).await;
    let sign = json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() });
    let (status, signed) = post(app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
    assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");
    assert_eq!(post(app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);
    (customer, signed)
}
