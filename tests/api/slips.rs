//! `GET /api/slips/{block_id}` (issue 14): the stay slip of a finished check-in carries the
//! rows it was made of (unit number, checkout time, the amount paid, the agreement version and
//! the signature's record hash with its QR code); the block id reaches the register's view
//! and the due board; an unknown block is 404, a malformed id 400, no credentials 401.

use diesel::prelude::*;
use frontdesk::db::ids::{BlockId, LockerId, PaymentIntentId, RoomId, SignatureId};
use frontdesk::db::schema::{agreement_signatures as sig, checkin_blocks as blocks, lockers, payment_intents, rooms};
use frontdesk::db::sql_types::Ts;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{desk, pay};
use crate::support::{TestDb, fixtures as fx};

type BlockRow = (String, Ts, Ts, String, Option<RoomId>, Option<LockerId>, Option<SignatureId>, Option<PaymentIntentId>);

/// What the database says the slip of `block` must show, as the API writes it.
fn expected(db: &TestDb, block: BlockId) -> Value {
    let conn = &mut db.conn();
    let (block_type, starts, ends, rental, room, locker, signature, intent): BlockRow = blocks::table
        .find(block)
        .select((
            blocks::block_type,
            blocks::starts_at,
            blocks::ends_at,
            blocks::rental_type,
            blocks::room_id,
            blocks::locker_id,
            blocks::agreement_signature_id,
            blocks::payment_intent_id,
        ))
        .first(conn)
        .unwrap();
    let (kind, number): (&str, String) = match (room, locker) {
        (Some(r), _) => ("ROOM", rooms::table.find(r).select(rooms::number).first(conn).unwrap()),
        (None, Some(l)) => ("LOCKER", lockers::table.find(l).select(lockers::number).first(conn).unwrap()),
        _ => panic!("a block on no unit"),
    };
    let paid: i64 = intent.map_or(0, |i| {
        payment_intents::table.find(i).filter(payment_intents::status.eq("PAID")).select(payment_intents::amount_cents).first(conn).unwrap()
    });
    let signed: Option<(i32, String, String)> =
        signature.map(|s| sig::table.find(s).select((sig::agreement_version, sig::language, sig::record_sha256)).first(conn).unwrap());
    let settings = crate::settings(&db.url);
    json!({
        "block_id": block, "club": { "name": settings.club_name }, "kind": kind, "number": number, "rental_type": rental,
        "block_type": block_type, "starts_at": starts.0, "checkout_at": ends.0, "time_zone": settings.tz.name(),
        "total_paid_cents": paid,
        "agreement": signed.as_ref().map(|(version, language, _)| json!({ "version": version, "language": language })),
        "record_sha256": signed.as_ref().map(|(_, _, hash)| hash),
    })
}

/// The slip minus its QR code (checked on its own).
fn without_qr(mut slip: Value) -> Value {
    slip.as_object_mut().unwrap().remove("qr_svg");
    slip
}

both_backends!(
    fn the_slip_of_a_check_in_matches_its_rows(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            for (name, rental, language) in [("Sol Slip", "STANDARD", "ES"), ("Lu Locker", "LOCKER", "EN")] {
                let (_, agreement) = pay(&app, &desk, name, rental, language).await;
                let sign = json!({ "agreement_id": agreement, "consent": true, "strokes": crate::strokes() });
                let (status, signed) = post(&app, "/api/lanes/lane-1/session/sign", Some(&desk.kiosk), sign).await;
                assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");

                // the register's COMPLETED view names the block, and so does the due board's row
                let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&desk.register)).await;
                let assigned = &view["data"]["session"]["assigned"];
                let block: BlockId = serde_json::from_value(assigned["block_id"].clone()).unwrap_or_else(|_| panic!("{view}"));
                assert!(view["data"]["session"]["held"].get("block_id").is_none(), "a held unit has no block");
                let (_, board) = get(&app, &format!("/api/stays?q={}", signed["number"].as_str().unwrap()), Some(&desk.register)).await;
                assert_eq!(board["stays"][0]["block_id"], json!(block), "{board}");
                assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&desk.register), json!({})).await.0, 200);

                let (status, slip) = get(&app, &format!("/api/slips/{block}"), Some(&desk.register)).await;
                assert_eq!(status, 200, "{slip}");
                let want = expected(db, block);
                assert_eq!(without_qr(slip.clone()), want);
                // the values the kiosk was told, and a real payment and signature behind them
                assert_eq!((&slip["number"], &slip["checkout_at"], &slip["agreement"]["language"]), (&signed["number"], &signed["checkout_at"], &json!(language)));
                assert_eq!(slip["kind"], if rental == "LOCKER" { "LOCKER" } else { "ROOM" });
                assert!(slip["total_paid_cents"].as_i64().unwrap() > 0, "{slip}");
                let hash = slip["record_sha256"].as_str().unwrap();
                assert_eq!(hash.len(), 64);
                let recorded: String = sig::table.find(serde_json::from_value::<SignatureId>(signed["signature_id"].clone()).unwrap()).select(sig::record_sha256).first(&mut db.conn()).unwrap();
                assert_eq!(hash, recorded, "the hash of this check-in's own signature");
                assert_eq!(slip["qr_svg"].as_str(), Some(frontdesk::domain::qr::svg(hash).unwrap().as_str()));
                assert!(slip["qr_svg"].as_str().unwrap().starts_with("<svg "));
                // any staff member may print it; the manager too
                let (status, again) = get(&app, &format!("/api/slips/{block}"), Some(&desk.manager)).await;
                assert_eq!((status, &again), (200, &slip));
            }
        })
    }
);

both_backends!(
    fn a_block_without_signature_or_payment_shows_nothing_paid(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let token = login(&app, "sam", "333333").await;
            let block = {
                let conn = &mut db.conn();
                let customer = fx::customer(conn, "Nia Nopay");
                let visit = fx::visit(conn, customer, None).unwrap();
                let locker: LockerId = lockers::table.order(lockers::number).select(lockers::id).first(conn).unwrap();
                fx::block(conn, visit, fx::at(0), fx::at(360), fx::Place::Locker(locker)).unwrap()
            };
            let (status, slip) = get(&app, &format!("/api/slips/{block}"), Some(&token)).await;
            assert_eq!(status, 200, "{slip}");
            assert_eq!((slip["total_paid_cents"].as_i64(), &slip["agreement"], &slip["record_sha256"], &slip["qr_svg"]), (Some(0), &Value::Null, &Value::Null, &Value::Null));
            assert_eq!(without_qr(slip), expected(db, block));
        })
    }
);

both_backends!(
    fn unknown_malformed_and_anonymous_are_refused(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let cases = [
                (format!("/api/slips/{}", uuid::Uuid::now_v7()), Some(desk.register.as_str()), 404, "NOT_FOUND"),
                ("/api/slips/not-a-block".to_owned(), Some(desk.register.as_str()), 400, "INVALID_PATH"),
                (format!("/api/slips/{}", uuid::Uuid::now_v7()), None, 401, "NOT_AUTHENTICATED"),
                (format!("/api/slips/{}", uuid::Uuid::now_v7()), Some(desk.kiosk.as_str()), 403, "WRONG_PRINCIPAL"),
            ];
            for (path, token, status, code) in cases {
                let (got, body) = get(&app, &path, token).await;
                assert_eq!((got, body["error"]["code"].as_str()), (status, Some(code)), "{path}: {body}");
                assert!(body["error"]["message"].is_string());
            }
        })
    }
);
