//! The stay slip (`kiosk-ui/e2e/slip.mjs`, issue 14): a completed check-in seeded here (room
//! 216, paid, signed, its lane session still on lane 1's register), then the register's and
//! the due board's "Print slip", the slip page in a new tab, and Chromium's own PDF of it for
//! the 80 mm receipt and A4. Here the PDFs are read back: the page width each layout asked for
//! (`@page` sizes, honoured by `Page.printToPDF` with `preferCSSPageSize`), and their text
//! (`pdftotext`, poppler-utils) with the unit number, the checkout time in the club's zone and
//! the signature's record hash.

use std::process::Command;

use chrono::{Duration, DurationRound, Utc};
use diesel::prelude::*;
use frontdesk::db::DbConn;
use frontdesk::db::ids::{AgreementId, BlockId, LaneSessionId, PaymentIntentId, RoomId, StaffId};
use frontdesk::db::schema::{
    agreement_signatures as sig, agreements, checkin_blocks as blocks, lane_sessions, payment_intents, rooms, staff,
};
use frontdesk::db::sql_types::Ts;

use crate::browser::run_script;
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures::{self as fx, Place};

/// What the slip must show.
struct Seeded {
    block: BlockId,
    checkout: chrono::DateTime<Utc>,
    hash: String,
}

/// A finished check-in on room 216: paid in cash, signed on lane 1, the session still
/// COMPLETED on the register (not closed), the room occupied by it.
fn completed_check_in(conn: &mut DbConn) -> Seeded {
    let now = Utc::now().duration_trunc(Duration::minutes(1)).unwrap();
    let agreement: AgreementId = agreements::table
        .filter(agreements::active.eq(true).and(agreements::language.eq("EN")))
        .select(agreements::id)
        .first(conn)
        .unwrap();
    let signature = fx::signature(conn, agreement, "Agreement text", &"b".repeat(64)).unwrap();
    let (session, hash): (LaneSessionId, String) =
        sig::table.find(signature).select((sig::lane_session_id, sig::record_sha256)).first(conn).unwrap();
    let customer = fx::customer(conn, "Pia Print");
    let visit = fx::visit(conn, customer, None).unwrap();
    let alex: StaffId = staff::table.filter(staff::login.eq("alex")).select(staff::id).first(conn).unwrap();
    let intent = PaymentIntentId::new();
    diesel::insert_into(payment_intents::table)
        .values((
            payment_intents::id.eq(intent),
            payment_intents::lane_session_id.eq(Some(session)),
            payment_intents::visit_id.eq(Some(visit)),
            payment_intents::purpose.eq("CHECKIN"),
            payment_intents::amount_cents.eq(4500_i64),
            payment_intents::status.eq("PAID"),
            payment_intents::quote_json.eq("{}"),
            payment_intents::method.eq(Some("CASH")),
            payment_intents::paid_at.eq(Some(Ts(now))),
            payment_intents::paid_by_staff_id.eq(Some(alex)),
            payment_intents::created_at.eq(Ts(now)),
            payment_intents::updated_at.eq(Ts(now)),
        ))
        .execute(conn)
        .unwrap();
    let room: RoomId = rooms::table.filter(rooms::number.eq("216")).select(rooms::id).first(conn).unwrap();
    let checkout = now + Duration::hours(5);
    let block = fx::block(conn, visit, Ts(now - Duration::hours(1)), Ts(checkout), Place::Room(room)).unwrap();
    diesel::update(blocks::table.find(block))
        .set((
            blocks::agreement_signature_id.eq(Some(signature)),
            blocks::payment_intent_id.eq(Some(intent)),
            blocks::session_id.eq(Some(session)),
        ))
        .execute(conn)
        .unwrap();
    // the register shows a session's unit when it has its customer
    diesel::update(lane_sessions::table.find(session))
        .set((
            lane_sessions::customer_id.eq(Some(customer)),
            lane_sessions::payment_intent_id.eq(Some(intent)),
            lane_sessions::agreement_signature_id.eq(Some(signature)),
        ))
        .execute(conn)
        .unwrap();
    fx::occupy_room(conn, room, customer, block);
    Seeded { block, checkout, hash }
}

/// The first page's width and height in points (`/MediaBox [0 0 w h]`).
fn page_size(pdf: &[u8]) -> (f64, f64) {
    let text = String::from_utf8_lossy(pdf);
    let start = text.find("/MediaBox").expect("a MediaBox") + "/MediaBox".len();
    let inside = &text[start..];
    let inside = &inside[inside.find('[').unwrap() + 1..inside.find(']').unwrap()];
    let numbers: Vec<f64> = inside.split_whitespace().map(|n| n.parse().unwrap()).collect();
    (numbers[2] - numbers[0], numbers[3] - numbers[1])
}

/// The PDF's text without any whitespace (a receipt breaks lines where A4 does not), or
/// `None` (with a notice) when poppler-utils is not installed outside CI.
fn pdf_text(path: &str) -> Option<String> {
    match Command::new("pdftotext").args(["-enc", "UTF-8", path, "-"]).output() {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext {path}: {}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8_lossy(&out.stdout).split_whitespace().collect())
        }
        Err(_) => {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "pdftotext (poppler-utils) is missing under CI");
            eprintln!("NOTICE: no pdftotext here (apt-get install poppler-utils): the slip PDFs' text is not checked");
            None
        }
    }
}

const MM: f64 = 72.0 / 25.4;

crate::both_backends! {
    fn the_slip_prints_to_pdf_on_a_receipt_and_on_a4(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, Utc::now()).expect("demo seed");
        let seeded = completed_check_in(&mut conn);
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "slip.mjs", "slip");
        server.stop();

        assert_eq!(result["block_id"], seeded.block.to_string());
        assert_eq!(result["number"], "216");
        assert_eq!(result["hash"], seeded.hash.as_str());
        // the checkout time as the club's clock shows it (the agreement's language: EN)
        let tz = frontdesk::config::Settings::from_env().unwrap().tz;
        let checkout = seeded.checkout.with_timezone(&tz).format("%b %-d, %Y, %-I:%M %p").to_string();
        assert_eq!(result["checkout"], checkout.as_str());

        for (paper, width_mm, height_mm) in [("80mm", 80.0, 200.0), ("a4", 210.0, 297.0)] {
            let path = result["pdfs"][paper].as_str().unwrap();
            let pdf = std::fs::read(path).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{paper}: a PDF");
            let (w, h) = page_size(&pdf);
            assert!((w - width_mm * MM).abs() < 2.0 && (h - height_mm * MM).abs() < 2.0, "{paper}: {w} × {h} pt, wanted {width_mm} × {height_mm} mm");
            if let Some(text) = pdf_text(path) {
                for wanted in ["216", &checkout, &seeded.hash] {
                    let wanted: String = wanted.split_whitespace().collect();
                    assert!(text.contains(&wanted), "{paper}: the PDF's text has {wanted}: {text}");
                }
            }
        }
    }
}
