//! Every refusal has the JSON envelope; every response carries the security headers.

use actix_web::test::{TestRequest, call_service};
use serde_json::json;

use crate::support::TestDb;
use crate::{app_for, block_on, json_of};

#[test]
fn unknown_routes_are_json_404() {
    let db = TestDb::sqlite();
    block_on(async {
        let app = app_for(&db.url).await;
        let resp = call_service(&app, TestRequest::get().uri("/api/nope").to_request()).await;
        assert_eq!(
            json_of(resp).await,
            (404, json!({"error": {"code": "NOT_FOUND", "message": "The page or endpoint was not found.", "details": {}}}))
        );
    })
}

#[test]
fn security_headers_are_on_every_response() {
    let db = TestDb::sqlite();
    block_on(async {
        let app = app_for(&db.url).await;
        for uri in ["/", "/healthz", "/missing"] {
            let resp = call_service(&app, TestRequest::get().uri(uri).to_request()).await;
            let h = resp.headers();
            assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff", "{uri}");
            assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer", "{uri}");
            assert_eq!(h.get("x-frame-options").unwrap(), "DENY", "{uri}");
            assert!(h.get("content-security-policy").unwrap().to_str().unwrap().starts_with("default-src 'self'"), "{uri}");
        }
    })
}

#[test]
fn the_landing_page_is_served_from_the_binary() {
    let db = TestDb::sqlite();
    block_on(async {
        let app = app_for(&db.url).await;
        let resp = call_service(&app, TestRequest::get().uri("/").to_request()).await;
        assert_eq!(resp.status(), 200);
        assert!(resp.headers().get("content-type").unwrap().to_str().unwrap().starts_with("text/html"));
    })
}
