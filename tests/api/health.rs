//! `/healthz` and `/readyz`.

use actix_web::test::{TestRequest, call_service};
use serde_json::json;

use crate::both_backends;
use crate::{app_for, block_on, json_of};

both_backends!(
    fn ready_when_the_database_answers_and_is_migrated(db) {
        block_on(async {
            let app = app_for(&db.url).await;
            let (status, body) = json_of(call_service(&app, TestRequest::get().uri("/readyz").to_request()).await).await;
            assert_eq!(status, 200);
            let backend = serde_json::to_value(db.backend).unwrap();
            assert_eq!(body, json!({ "status": "ready", "database": backend, "migrations": "applied" }));
        })
    }
);

both_backends!(
    fn not_ready_while_migrations_are_pending(db) {
        frontdesk::db::migrate::revert_all(&mut db.conn()).unwrap();
        block_on(async {
            let app = app_for(&db.url).await;
            let (status, body) = json_of(call_service(&app, TestRequest::get().uri("/readyz").to_request()).await).await;
            assert_eq!(status, 503);
            assert_eq!(body["error"]["code"], "DATABASE_UNAVAILABLE");
        })
    }
);

#[test]
fn not_ready_when_the_database_is_unreachable() {
    block_on(async {
        // nothing listens on port 1: the pool cannot connect
        let app = app_for("postgres://postgres@127.0.0.1:1/none").await;
        let (status, body) = json_of(call_service(&app, TestRequest::get().uri("/readyz").to_request()).await).await;
        assert_eq!(status, 503);
        assert_eq!(
            body,
            json!({"error": {"code": "DATABASE_UNAVAILABLE", "message": "The database is unavailable. Please try again shortly.", "details": {}}})
        );
        // liveness does not depend on the database
        let resp = call_service(&app, TestRequest::get().uri("/healthz").to_request()).await;
        assert_eq!(json_of(resp).await, (200, json!({ "status": "ok" })));
    })
}
