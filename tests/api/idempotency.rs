//! `Idempotency-Key` is bound to the principal, the route and the lane session: a key reused
//! on the lane's next session is 409 `IDEMPOTENCY_KEY_REUSED`, never the first session's answer.

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service, read_body};
use diesel::prelude::*;
use frontdesk::db::schema::{agreement_signatures, lane_sessions, payment_intents};
use frontdesk::domain::enums::{LaneSessionStatus, PaymentStatus};
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, desk};

async fn post_keyed<S, B>(app: &S, path: &str, token: &str, key: &str, body: Value) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let req = TestRequest::post()
        .uri(path)
        .insert_header(("Authorization", format!("Bearer {token}")))
        .insert_header(("Idempotency-Key", key))
        .set_json(body)
        .to_request();
    let resp = call_service(app, req).await;
    let status = resp.status().as_u16();
    (status, serde_json::from_slice(&read_body(resp).await).unwrap_or(Value::Null))
}

/// A new customer on lane-1 up to the payment (locker, English).
async fn to_payment<S, B>(app: &S, desk: &Desk, name: &str)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, customer) = post(app, "/api/customers", Some(&desk.register), json!({ "name": name })).await;
    assert_eq!(status, 201, "{customer}");
    for (step, token, body) in [
        ("sessions", &desk.register, json!({ "customer_id": customer["id"] })),
        ("session/language", &desk.kiosk, json!({ "language": "EN" })),
        ("session/propose", &desk.kiosk, json!({ "rental_type": "LOCKER" })),
        ("session/confirm", &desk.kiosk, json!({})),
    ] {
        let (status, answer) = post(app, &format!("/api/lanes/lane-1/{step}"), Some(token), body).await;
        assert!(status == 200 || status == 201, "{step}: {status} {answer}");
    }
}

async fn agreement<S, B>(app: &S, desk: &Desk) -> Value
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    get(app, "/api/lanes/lane-1/view", Some(&desk.kiosk)).await.1["data"]["agreement"]["id"].clone()
}

fn newest_session(db: &crate::support::TestDb) -> LaneSessionStatus {
    lane_sessions::table
        .order((lane_sessions::created_at.desc(), lane_sessions::id.desc()))
        .select(lane_sessions::status)
        .first(&mut db.conn())
        .unwrap()
}

both_backends!(
    fn a_payment_key_reused_on_the_next_session_is_refused(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let pay = |key| post_keyed(&app, "/api/lanes/lane-1/session/payment", &desk.register, key, json!({ "method": "CASH" }));
            to_payment(&app, &desk, "Ada First").await;
            let (status, first) = pay("pay-K").await;
            assert_eq!((status, first["status"].as_str()), (200, Some("PAID")), "{first}");
            assert_eq!(pay("pay-K").await, (200, first.clone()), "a retry on the same session gets the first answer");
            let sign = json!({ "agreement_id": agreement(&app, &desk).await, "consent": true, "strokes": crate::strokes() });
            assert_eq!(post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await.0, 200);
            assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);

            to_payment(&app, &desk, "Bea Second").await;
            let (status, body) = pay("pay-K").await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("IDEMPOTENCY_KEY_REUSED")), "{body}");
            assert_eq!(newest_session(db), LaneSessionStatus::AwaitingPayment, "the second session is still unpaid");
            let due: i64 = payment_intents::table.filter(payment_intents::status.eq(PaymentStatus::Due)).count().get_result(&mut db.conn()).unwrap();
            assert_eq!(due, 1);
            // the same key from another principal is refused too; a new key pays
            let sam = login(&app, "sam", "333333").await;
            let (status, _) = post_keyed(&app, "/api/lanes/lane-1/session/payment", &sam, "pay-K", json!({ "method": "CASH" })).await;
            assert_eq!(status, 403, "sam is not at lane-1's register");
            let (status, paid) = pay("pay-L").await;
            assert_eq!((status, paid["status"].as_str()), (200, Some("PAID")));
            assert_ne!(paid["payment_intent_id"], first["payment_intent_id"]);
        })
    }
);

both_backends!(
    fn a_signing_key_reused_on_the_next_session_is_refused(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let sign = |agreement: Value| {
                let body = json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() });
                post_keyed(&app, "/api/lanes/lane-1/session/sign", &desk.kiosk, "sign-K", body)
            };
            to_payment(&app, &desk, "Ada First").await;
            assert_eq!(post(&app, "/api/lanes/lane-1/session/payment", Some(&desk.register), json!({ "method": "CASH" })).await.0, 200);
            let signed = agreement(&app, &desk).await;
            let (status, first) = sign(signed.clone()).await;
            assert_eq!((status, first["status"].as_str()), (200, Some("COMPLETED")), "{first}");
            assert_eq!(sign(signed).await, (200, first.clone()), "a retry gets the first answer");
            assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);

            to_payment(&app, &desk, "Bea Second").await;
            assert_eq!(post(&app, "/api/lanes/lane-1/session/payment", Some(&desk.register), json!({ "method": "CASH" })).await.0, 200);
            let (status, body) = sign(agreement(&app, &desk).await).await;
            assert_eq!((status, body["error"]["code"].as_str()), (409, Some("IDEMPOTENCY_KEY_REUSED")), "{body}");
            assert_eq!(newest_session(db), LaneSessionStatus::AwaitingSignature, "the second customer has not signed");
            let signatures: i64 = agreement_signatures::table.count().get_result(&mut db.conn()).unwrap();
            assert_eq!(signatures, 1);
        })
    }
);
