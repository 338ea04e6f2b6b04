//! A renewal in a real browser (`kiosk-ui/e2e/renewals.mjs`, issue 14): the register's Renew on
//! the due board, both options shown (6 h and the final 2 h allowed), 6 h chosen and paid, the
//! customer reading, consenting and signing on the kiosk, and the register's completion. Here:
//! a stay seeded whose checkout is 20 minutes away (the live server runs on the real clock, so
//! the renewal window is made by the block's `ends_at`), then the rows left: a RENEWAL block on
//! the same room from the old checkout, signed and paid.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::DbConn;
use frontdesk::db::ids::{BlockId, PaymentIntentId, RoomId, SignatureId, VisitId};
use frontdesk::db::schema::{agreement_signatures, audit_events, checkin_blocks, customers, payment_intents, rooms};
use frontdesk::db::sql_types::Ts;
use frontdesk::domain::enums::InventoryStatus;

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures::{self as fx, Place};

type BlockRow = (BlockId, String, i32, Ts, Ts, Option<RoomId>, Option<SignatureId>, Option<PaymentIntentId>);

/// An open stay on room `number` whose block ends `ends_in` from now; answers the visit.
fn stay(conn: &mut DbConn, name: &str, number: &str, ends_in: Duration) -> VisitId {
    let now = Utc::now();
    let customer = fx::customer(conn, name);
    // chosen at the first check-in: the renewal's agreement is in this language
    diesel::update(customers::table.find(customer)).set(customers::primary_language.eq(Some("EN"))).execute(conn).unwrap();
    let visit = fx::visit(conn, customer, None).unwrap();
    let unit: RoomId = rooms::table.filter(rooms::number.eq(number)).select(rooms::id).first(conn).unwrap();
    let block = fx::block(conn, visit, Ts(now + ends_in - Duration::hours(6)), Ts(now + ends_in), Place::Room(unit)).unwrap();
    fx::occupy_room(conn, unit, customer, block);
    visit
}

crate::both_backends! {
    fn renewal_at_the_register_and_the_kiosk_in_a_browser(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, Utc::now()).expect("demo seed");
        let visit = stay(&mut conn, "Sora Soon", "215", Duration::minutes(20));

        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "renewals.mjs", "renewals");
        server.stop();
        assert_eq!(result["unit"], "215", "{result}");

        // two blocks on room 215: the seeded one, then a 6-hour RENEWAL from its end, signed and paid
        let blocks: Vec<BlockRow> = checkin_blocks::table
            .filter(checkin_blocks::visit_id.eq(visit))
            .order(checkin_blocks::starts_at.asc())
            .select((
                checkin_blocks::id,
                checkin_blocks::block_type,
                checkin_blocks::hours_purchased,
                checkin_blocks::starts_at,
                checkin_blocks::ends_at,
                checkin_blocks::room_id,
                checkin_blocks::agreement_signature_id,
                checkin_blocks::payment_intent_id,
            ))
            .load(&mut conn)
            .unwrap();
        assert_eq!(blocks.len(), 2, "one block added");
        let (first, renewal) = (&blocks[0], &blocks[1]);
        assert_eq!((renewal.1.as_str(), renewal.2), ("RENEWAL", 6));
        assert_eq!(renewal.3.0, first.4.0, "the renewal starts at the old checkout, not at the time of sale");
        assert!(renewal.4.0 >= first.4.0 + Duration::hours(6) && renewal.4.0 < first.4.0 + Duration::hours(6) + Duration::minutes(15), "6 h, rounded up to the quarter");
        assert_eq!(renewal.5, first.5, "the same room");
        let room: (Option<BlockId>, InventoryStatus) = rooms::table.filter(rooms::number.eq("215")).select((rooms::current_block_id, rooms::status)).first(&mut conn).unwrap();
        assert_eq!(room, (Some(renewal.0), InventoryStatus::Occupied));

        // signed: the signature names the renewal block
        let signatures: Vec<SignatureId> = agreement_signatures::table
            .filter(agreement_signatures::checkin_block_id.eq(Some(renewal.0)))
            .select(agreement_signatures::id)
            .load(&mut conn)
            .unwrap();
        assert_eq!(signatures.len(), 1);
        assert_eq!(renewal.6, Some(signatures[0]));
        // paid: the block's intent, a RENEWAL of this visit, at the price both screens showed
        let intent = renewal.7.expect("the block's payment");
        let (purpose, status, of_visit, cents): (String, String, Option<VisitId>, i64) = payment_intents::table
            .find(intent)
            .select((payment_intents::purpose, payment_intents::status, payment_intents::visit_id, payment_intents::amount_cents))
            .first(&mut conn)
            .unwrap();
        assert_eq!((purpose.as_str(), status.as_str(), of_visit), ("RENEWAL", "PAID", Some(visit)));
        assert_eq!(result["total_cents"].as_i64(), Some(cents), "{result}");
        let actions: Vec<String> = audit_events::table
            .filter(audit_events::action.eq_any(["RENEWAL_STARTED", "RENEWAL_COMPLETED"]))
            .order(audit_events::seq.asc())
            .select(audit_events::action)
            .load(&mut conn)
            .unwrap();
        assert_eq!(actions, ["RENEWAL_STARTED", "RENEWAL_COMPLETED"]);
        for shot in ["renewal-dialog", "register-renewal-session", "kiosk-renewal-payment", "kiosk-renewal-done", "register-renewal-done"] {
            assert!(artifacts(db, "renewals").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
