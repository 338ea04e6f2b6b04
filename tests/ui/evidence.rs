//! The manager's evidence desk (`kiosk-ui/e2e/evidence.mjs`, issue 15): two finished check-ins
//! made here through the HTTP API (Dana Evidence and Eli Other, signed on lane 1's kiosk), then
//! in the browser the list filtered by part of Dana's name with its exports, her signature
//! opened, its certificate PDF downloaded, and that file verified by upload (genuine), with one
//! byte changed (not ours), a file that is not a PDF (refused) and the hash typed in (genuine).
//! Here: the file the browser saved, the answers it got, the audit rows and the screenshots.

use diesel::prelude::*;
use frontdesk::db::schema::{agreement_signatures as sig, audit_events};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::{Desk, TestServer, desk, post};

/// Two pen strokes across a 600×200 pad, as the kiosk sends them.
fn strokes() -> Value {
    let line = |y: f64, t0: f64| {
        (0..30)
            .map(|i| json!({ "x": 50.0 + 15.0 * f64::from(i), "y": y + 10.0 * (f64::from(i) / 3.0).sin(), "t": t0 + 16.0 * f64::from(i) }))
            .collect::<Vec<_>>()
    };
    json!({ "width": 600.0, "height": 200.0, "strokes": [{ "points": line(80.0, 0.0) }, { "points": line(120.0, 600.0) }] })
}

/// A POST with an `Idempotency-Key` (payment, signature).
async fn post_with_key(server: &TestServer, path: &str, token: &str, key: &str, body: Value) -> (u16, Value) {
    let client = awc::Client::default();
    let mut resp = client.post(server.url(path)).bearer_auth(token).insert_header(("Idempotency-Key", key)).send_json(&body).await.unwrap();
    let bytes = resp.body().limit(1 << 20).await.unwrap();
    (resp.status().as_u16(), serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// A new customer `name` checked in on lane 1 all the way: standard room, cash, signed on the
/// kiosk, acknowledged and closed.
async fn check_in(server: &TestServer, desk: &Desk, name: &str) {
    check_in_as(server, desk, name, "STANDARD", "CASH", "EN").await;
}

/// A new customer `name` checked in on lane 1 all the way with `rental`, paid by `method`,
/// signed in `language` on the kiosk, acknowledged and closed; returns the cents paid.
pub async fn check_in_as(server: &TestServer, desk: &Desk, name: &str, rental: &str, method: &str, language: &str) -> i64 {
    let (reg, kio) = (desk.register.as_str(), desk.kiosk.as_str());
    let (status, customer) = post(server, "/api/customers", Some(reg), json!({ "name": name })).await;
    assert_eq!(status, 201, "{customer}");
    let steps = [
        ("sessions", reg, json!({ "customer_id": customer["id"], "identity_method": "STAFF_CHECKED" })),
        ("session/language", kio, json!({ "language": language })),
        ("session/membership", kio, json!({ "choice": "ONE_TIME" })),
        ("session/propose", kio, json!({ "rental_type": rental })),
        ("session/confirm", kio, json!({})),
    ];
    for (step, token, body) in steps {
        let (status, answer) = post(server, &format!("/api/lanes/lane-1/{step}"), Some(token), body).await;
        assert!(status == 200 || status == 201, "{step}: {status} {answer}");
    }
    let key = |what: &str| format!("{what}-{}", name.replace(' ', "-"));
    let paid = post_with_key(server, "/api/lanes/lane-1/session/payment", reg, &key("pay"), json!({ "method": method })).await;
    assert_eq!(paid.0, 200, "{}", paid.1);
    let (_, view) = crate::server::request(server, "GET", "/api/lanes/lane-1/view", Some(kio), None).await;
    let agreement = view["data"]["agreement"]["id"].clone();
    assert_eq!(post(server, "/api/lanes/lane-1/session/agreement-shown", Some(kio), json!({})).await.0, 200);
    let body = json!({ "agreement_id": agreement, "consent": true, "strokes": strokes() });
    let signed = post_with_key(server, "/api/lanes/lane-1/session/sign", kio, &key("sign"), body).await;
    assert_eq!((signed.0, signed.1["status"].as_str()), (200, Some("COMPLETED")), "{}", signed.1);
    assert_eq!(post(server, "/api/lanes/lane-1/session/acknowledge", Some(kio), json!({})).await.0, 200);
    assert_eq!(post(server, "/api/lanes/lane-1/session/close", Some(reg), json!({})).await.0, 200);
    paid.1["amount_cents"].as_i64().expect("amount_cents")
}

fn count(conn: &mut frontdesk::db::DbConn, action: &str) -> i64 {
    audit_events::table.filter(audit_events::action.eq(action)).count().get_result(conn).unwrap()
}

crate::both_backends! {
    fn manager_finds_downloads_and_verifies_a_certificate(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        let server = TestServer::start_live(db);
        actix_web::rt::System::new().block_on(async {
            let desk = desk(&server).await;
            check_in(&server, &desk, "Dana Evidence").await;
            check_in(&server, &desk, "Eli Other").await;
        });
        let result = run_script(&server, db, "evidence.mjs", "evidence");
        server.stop();

        // the signature found is Dana's; the file saved is its certificate, the hash shown its own
        let (id, record): (frontdesk::db::ids::SignatureId, String) =
            sig::table.filter(sig::customer_name.eq("Dana Evidence")).select((sig::id, sig::record_sha256)).first(&mut conn).unwrap();
        assert_eq!(result["signature_id"], id.to_string());
        assert_eq!(result["filename"], format!("certificate-{id}.pdf"));
        assert_eq!(result["rows_before_filter"], 2);
        let pdf = std::fs::read(result["pdf_path"].as_str().expect("pdf path")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "a PDF");
        assert!(pdf[pdf.len().saturating_sub(32)..].windows(5).any(|w| w == b"%%EOF"), "a whole PDF (ends with %%EOF)");
        let doc = lopdf::Document::load_mem(&pdf).expect("a PDF lopdf parses");
        assert!(!doc.get_pages().is_empty(), "with a page");
        let sha = hex::encode(Sha256::digest(&pdf));
        assert_eq!(result["sha256"], sha.as_str());
        assert_eq!(result["shown_sha256"], sha.as_str(), "the page showed X-Certificate-SHA256, the file's hash");

        // the answers the page read
        let genuine = &result["genuine"];
        assert_eq!(genuine["status"], 200, "{genuine}");
        let body = &genuine["body"];
        assert_eq!((body["status"].as_str(), body["sha256"].as_str()), (Some("GENUINE"), Some(sha.as_str())), "{body}");
        assert_eq!(body["signature_id"], id.to_string());
        assert_eq!(body["customer_name"], "Dana Evidence");
        assert_eq!(body["record_sha256"], record.as_str());
        assert!(body["signed_at"].is_string() && body["message"].is_string(), "{body}");
        let changed = &result["changed"]["body"];
        assert_eq!((result["changed"]["status"].as_i64(), changed["status"].as_str()), (Some(200), Some("NOT_OURS")), "{changed}");
        // a changed file may still name Dana's signature (the server then says which), never another
        assert!(changed["signature_id"].is_null() || changed["signature_id"] == id.to_string(), "{changed}");
        assert_ne!(changed["sha256"], sha.as_str());
        assert_eq!((result["not_pdf"]["status"].as_i64(), result["not_pdf"]["body"]["error"]["code"].as_str()), (Some(400), Some("NOT_A_PDF")));
        assert_eq!(result["by_hash"]["body"]["status"], "GENUINE", "{}", result["by_hash"]);
        assert_eq!(result["by_hash"]["body"]["signature_id"], id.to_string());

        // the exports the filtered list links to hold Dana's signature only
        let exports = &result["exports"];
        assert_eq!((exports["csv_status"].as_i64(), exports["zip_status"].as_i64()), (Some(200), Some(200)), "{exports}");
        assert!(exports["csv_type"].as_str().unwrap_or("").starts_with("text/csv"), "{exports}");
        assert!(exports["zip_type"].as_str().unwrap_or("").starts_with("application/zip"), "{exports}");
        assert_eq!(exports["zip_magic"], "PK");
        let csv = exports["csv"].as_str().unwrap();
        assert!(csv.contains("Dana Evidence") && csv.contains(&record) && !csv.contains("Eli Other"), "{csv}");

        // the audit log: the download, the exports and every check
        assert_eq!(count(&mut conn, "CERTIFICATE_DOWNLOADED"), 1);
        // every check that reached a verdict, in order (the refused text file wrote none)
        let checks: Vec<String> = audit_events::table
            .filter(audit_events::action.eq("CERTIFICATE_VERIFIED"))
            .order(audit_events::seq.asc())
            .select(audit_events::summary_json)
            .load(&mut conn)
            .unwrap();
        let checks: Vec<(String, String)> = checks
            .iter()
            .map(|j| serde_json::from_str::<Value>(j).unwrap())
            .map(|v| (v["status"].as_str().unwrap_or("").to_owned(), v["by"].as_str().unwrap_or("").to_owned()))
            .collect();
        let expected = [("GENUINE", "file"), ("NOT_OURS", "file"), ("GENUINE", "hash")].map(|(s, b)| (s.to_owned(), b.to_owned()));
        assert_eq!(checks, expected);
        assert_eq!(count(&mut conn, "SIGNATURES_EXPORT_STARTED"), 2, "the CSV and the ZIP behind the links");
        assert_eq!(count(&mut conn, "SIGNATURE_VIEWED"), 2, "the detail, then again from the verdict's link");
        for shot in ["ev-list-filtered", "ev-detail-downloaded", "ev-verify-genuine", "ev-verify-not-ours", "ev-verify-not-a-pdf", "ev-verify-es"] {
            assert!(artifacts(db, "evidence").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
