//! The stay lifecycle's screens (`kiosk-ui/e2e/stays.mjs`, issue 12): the due board, a
//! checkout from it with the late fee added to the balance, and a housekeeping batch on a phone
//! with an occupied room refused and a skipped step forced by a manager's override, and a
//! second desk's checkout of a stay answered in words. Here: the stays seeded before the script (the live server
//! runs on the real clock, so lateness is made by the block's `ends_at`), then the rows left.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::DbConn;
use frontdesk::db::ids::{CustomerId, RoomId};
use frontdesk::db::schema::{audit_events, checkouts, customers, inventory_transitions, payment_intents, rooms, visits};
use frontdesk::db::sql_types::Ts;
use frontdesk::domain::enums::InventoryStatus;

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures::{self as fx, Place};

fn room(conn: &mut DbConn, number: &str) -> RoomId {
    rooms::table.filter(rooms::number.eq(number)).select(rooms::id).first(conn).unwrap()
}

/// An open stay on `number` whose block ends `ends_in` from now.
fn stay(conn: &mut DbConn, name: &str, number: &str, ends_in: Duration) -> CustomerId {
    let now = Utc::now();
    let customer = fx::customer(conn, name);
    let visit = fx::visit(conn, customer, None).unwrap();
    let unit = room(conn, number);
    let block = fx::block(conn, visit, Ts(now + ends_in - Duration::hours(6)), Ts(now + ends_in), Place::Room(unit)).unwrap();
    fx::occupy_room(conn, unit, customer, block);
    customer
}

fn status(conn: &mut DbConn, number: &str) -> InventoryStatus {
    rooms::table.filter(rooms::number.eq(number)).select(rooms::status).first(conn).unwrap()
}

crate::both_backends! {
    fn due_board_checkout_and_housekeeping_in_a_browser(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, Utc::now()).expect("demo seed");
        let late = stay(&mut conn, "Lara Late", "214", -Duration::minutes(45));
        stay(&mut conn, "Sora Soon", "215", Duration::minutes(20));
        diesel::update(rooms::table.filter(rooms::number.eq_any(["222", "223"]))).set(rooms::status.eq(InventoryStatus::Dirty)).execute(&mut conn).unwrap();

        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "stays.mjs", "stays");
        server.stop();
        assert_eq!(result["refused"], "215");

        // one checkout, of Lara's visit; the $15 fee on her balance and no LATE_FEE intent
        let visit: frontdesk::db::ids::VisitId = visits::table.filter(visits::customer_id.eq(late)).select(visits::id).first(&mut conn).unwrap();
        let ended: Option<Ts> = visits::table.find(visit).select(visits::ended_at).first(&mut conn).unwrap();
        assert!(ended.is_some(), "the visit ended");
        let fees: Vec<i64> = checkouts::table.filter(checkouts::visit_id.eq(visit)).select(checkouts::late_fee_cents).load(&mut conn).unwrap();
        assert_eq!(fees, vec![1500]);
        // 215: checked out once, by the phone; the register's second try changed nothing
        let (all, of_215): (i64, i64) = (
            checkouts::table.count().get_result(&mut conn).unwrap(),
            checkouts::table.filter(checkouts::number.eq("215")).count().get_result(&mut conn).unwrap(),
        );
        assert_eq!((all, of_215), (2, 1));
        let past_due: i64 = customers::table.find(late).select(customers::past_due_cents).first(&mut conn).unwrap();
        assert_eq!(past_due, 1500);
        let intents: i64 = payment_intents::table.filter(payment_intents::purpose.eq("LATE_FEE")).count().get_result(&mut conn).unwrap();
        assert_eq!(intents, 0, "the fee went to the balance, not to an intent");

        // 214 went OCCUPIED → DIRTY → CLEANING → CLEAN, 222 DIRTY → CLEANING → CLEAN; 215 only by its checkout
        let unit = room(&mut conn, "214");
        let steps: Vec<(InventoryStatus, InventoryStatus)> = inventory_transitions::table
            .filter(inventory_transitions::resource_id.eq(frontdesk::db::ids::ResourceId::from(unit)))
            .order(inventory_transitions::at.asc())
            .select((inventory_transitions::from_status, inventory_transitions::to_status))
            .load(&mut conn)
            .unwrap();
        use InventoryStatus::*;
        assert_eq!(steps, vec![(Occupied, Dirty), (Dirty, Cleaning), (Cleaning, Clean)]);
        assert_eq!((status(&mut conn, "214"), status(&mut conn, "222"), status(&mut conn, "215")), (Clean, Clean, Dirty));
        // 223: DIRTY → CLEAN only by the manager's override, with its reason and the sticky flag
        let forced: Vec<(String, Option<String>)> = inventory_transitions::table
            .filter(inventory_transitions::resource_id.eq(frontdesk::db::ids::ResourceId::from(room(&mut conn, "223"))))
            .select((inventory_transitions::cause, inventory_transitions::reason))
            .load(&mut conn)
            .unwrap();
        assert_eq!(forced, vec![("OVERRIDE".to_owned(), Some("Cleaned by the day shift".to_owned()))]);
        let (flag, now): (bool, InventoryStatus) = rooms::table.filter(rooms::number.eq("223")).select((rooms::override_flag, rooms::status)).first(&mut conn).unwrap();
        assert_eq!((flag, now), (true, Clean));
        let checkout_events: i64 = audit_events::table.filter(audit_events::action.eq("CHECKOUT_COMPLETED")).count().get_result(&mut conn).unwrap();
        assert_eq!(checkout_events, 2, "each checkout audited once");
        // the Special rooms out of order (the kiosk showed Special sold out at once)
        let out: i64 = rooms::table.filter(rooms::number.eq_any(["201", "232", "256"]).and(rooms::status.eq(OutOfOrder))).count().get_result(&mut conn).unwrap();
        assert_eq!(out, 3);
        for shot in ["kiosk-sold-out-live", "due-board", "checkout-dialog", "housekeeping-phone"] {
            assert!(artifacts(db, "stays").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
