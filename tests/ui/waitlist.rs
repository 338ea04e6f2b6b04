//! The upgrade waitlist at the register in a real browser (`kiosk-ui/e2e/waitlist.mjs`, issue
//! 14): two customers on lockers waiting for a Double Room; the server's offer tick (run once
//! at start, then not for 10 minutes) holds the only clean double, 216, for the first; the
//! register's Upgrades panel shows the hold counting down, refuses 216 to the second in words
//! (held), offers them 218 once housekeeping marks it clean, cancels them with a reason and the
//! PIN, then accepts and takes cash for the first. Here: the rows seeded before the script
//! (visit, block on the locker, the locker OCCUPIED, the entry ACTIVE; 216 CLEAN, 218 CLEANING,
//! the other doubles out of order), then the rows left: the first entry COMPLETED with the same
//! block on room 216, the locker CLEAN, the room OCCUPIED and a PAID UPGRADE intent in cash; the
//! second CANCELLED with its reason and 218 free again.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::DbConn;
use frontdesk::db::ids::{BlockId, LockerId, RoomId, VisitId, WaitlistId};
use frontdesk::db::schema::{checkin_blocks, inventory_holds, lockers, payment_intents, rooms, waitlist};
use frontdesk::db::sql_types::Ts;
use frontdesk::domain::enums::InventoryStatus;

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures::{self as fx, Place};

/// `name` on locker `number` for 6 h from `since` ago, waiting for a DOUBLE since then: the visit, the block and the entry.
fn waiting(conn: &mut DbConn, name: &str, number: &str, since: Duration) -> (VisitId, BlockId, WaitlistId) {
    let now = Utc::now();
    let customer = fx::customer(conn, name);
    let visit = fx::visit(conn, customer, None).unwrap();
    let locker: LockerId = lockers::table.filter(lockers::number.eq(number)).select(lockers::id).first(conn).unwrap();
    let block = fx::block(conn, visit, Ts(now - since), Ts(now - since + Duration::hours(6)), Place::Locker(locker)).unwrap();
    diesel::update(lockers::table.find(locker))
        .set((
            lockers::status.eq(InventoryStatus::Occupied),
            lockers::assigned_to_customer_id.eq(Some(customer)),
            lockers::current_block_id.eq(Some(block)),
        ))
        .execute(conn)
        .unwrap();
    let entry = WaitlistId::new();
    diesel::insert_into(waitlist::table)
        .values((
            waitlist::id.eq(entry),
            waitlist::visit_id.eq(visit),
            waitlist::checkin_block_id.eq(block),
            waitlist::desired_tier.eq("DOUBLE"),
            waitlist::backup_tier.eq("LOCKER"),
            waitlist::status.eq("ACTIVE"),
            waitlist::created_at.eq(Ts(now - since)),
            waitlist::updated_at.eq(Ts(now - since)),
        ))
        .execute(conn)
        .unwrap();
    diesel::update(checkin_blocks::table.find(block)).set(checkin_blocks::waitlist_id.eq(Some(entry))).execute(conn).unwrap();
    (visit, block, entry)
}

crate::both_backends! {
    fn upgrade_offered_accepted_and_paid_at_the_register_in_a_browser(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, Utc::now()).expect("demo seed");
        let (_visit, block, entry) = waiting(&mut conn, "Lara Locker", "012", Duration::hours(1));
        let (_, _, second) = waiting(&mut conn, "Milo Later", "013", Duration::minutes(30));
        // 216 the only clean double: the tick offers it and nothing else; 218 is being cleaned
        diesel::update(rooms::table.filter(rooms::number.eq_any(["225", "252", "262"])))
            .set(rooms::status.eq(InventoryStatus::OutOfOrder))
            .execute(&mut conn)
            .unwrap();
        diesel::update(rooms::table.filter(rooms::number.eq("218"))).set(rooms::status.eq(InventoryStatus::Cleaning)).execute(&mut conn).unwrap();

        // the tick runs once at start, then not during the script: 218 is offered by the employee
        let server = TestServer::start_live_with(db, |s| s.upgrade_tick_every = std::time::Duration::from_secs(600));
        let result = run_script(&server, db, "waitlist.mjs", "waitlist");
        server.stop();
        assert_eq!(result["moved"], "Lara Locker upgraded: Locker 012 → Room 216", "{result}");

        let (status, room_of_entry): (String, Option<RoomId>) = waitlist::table.find(entry).select((waitlist::status, waitlist::room_id)).first(&mut conn).unwrap();
        let room: (RoomId, InventoryStatus, Option<BlockId>) =
            rooms::table.filter(rooms::number.eq("216")).select((rooms::id, rooms::status, rooms::current_block_id)).first(&mut conn).unwrap();
        assert_eq!((status.as_str(), room_of_entry), ("COMPLETED", Some(room.0)));
        assert_eq!((room.1, room.2), (InventoryStatus::Occupied, Some(block)), "the room is occupied by the same block");
        let (on_room, on_locker): (Option<RoomId>, Option<LockerId>) =
            checkin_blocks::table.find(block).select((checkin_blocks::room_id, checkin_blocks::locker_id)).first(&mut conn).unwrap();
        assert_eq!((on_room, on_locker), (Some(room.0), None), "the block moved to the room");
        let locker: (InventoryStatus, Option<BlockId>) = lockers::table.filter(lockers::number.eq("012")).select((lockers::status, lockers::current_block_id)).first(&mut conn).unwrap();
        assert_eq!(locker, (InventoryStatus::Clean, None), "the locker is free again");
        let intents: Vec<(String, i64, Option<String>)> = payment_intents::table
            .filter(payment_intents::purpose.eq("UPGRADE"))
            .select((payment_intents::status, payment_intents::amount_cents, payment_intents::method))
            .load(&mut conn)
            .unwrap();
        assert_eq!(intents, vec![("PAID".to_owned(), 1700, Some("CASH".to_owned()))]);
        // the second: offered 218 by the employee, then cancelled with a reason; 218 free again
        let (status, reason): (String, Option<String>) = waitlist::table.find(second).select((waitlist::status, waitlist::cancel_reason)).first(&mut conn).unwrap();
        assert_eq!((status.as_str(), reason.as_deref()), ("CANCELLED", Some("Went home early")));
        let r218: (InventoryStatus, Option<BlockId>) = rooms::table.filter(rooms::number.eq("218")).select((rooms::status, rooms::current_block_id)).first(&mut conn).unwrap();
        assert_eq!(r218, (InventoryStatus::Clean, None));
        let holds: i64 = inventory_holds::table.filter(inventory_holds::waitlist_id.eq(Some(second))).count().get_result(&mut conn).unwrap();
        assert_eq!(holds, 1, "the employee's offer held 218");
        assert_eq!(result["second_hold_seconds"].as_i64().map(|s| (540..=600).contains(&s)), Some(true), "{result}");
        for shot in ["waitlist-offered", "waitlist-refused", "waitlist-offered-by-hand", "waitlist-cancel", "waitlist-pay", "waitlist-moved"] {
            assert!(artifacts(db, "waitlist").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
