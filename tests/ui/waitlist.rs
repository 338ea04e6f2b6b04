//! The upgrade waitlist at the register in a real browser (`kiosk-ui/e2e/waitlist.mjs`, issue
//! 14): a customer on a locker waiting for a Double Room, the server's offer tick holding the
//! only clean double for them, the register's Upgrades panel showing the hold counting down,
//! then Accept and "Paid (cash)". Here: the rows seeded before the script (visit, block on the
//! locker, the locker OCCUPIED, the entry ACTIVE; room 216 the only CLEAN double), then the rows
//! left: the entry COMPLETED, the same block on room 216, the locker CLEAN, the room OCCUPIED
//! and a PAID UPGRADE intent in cash.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use frontdesk::db::DbConn;
use frontdesk::db::ids::{BlockId, LockerId, RoomId, VisitId, WaitlistId};
use frontdesk::db::schema::{checkin_blocks, lockers, payment_intents, rooms, waitlist};
use frontdesk::db::sql_types::Ts;
use frontdesk::domain::enums::InventoryStatus;

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures::{self as fx, Place};

/// Lara on locker 012 for 6 h from an hour ago, waiting for a DOUBLE: the visit, the block and the entry.
fn waiting(conn: &mut DbConn) -> (VisitId, BlockId, WaitlistId) {
    let now = Utc::now();
    let customer = fx::customer(conn, "Lara Locker");
    let visit = fx::visit(conn, customer, None).unwrap();
    let locker: LockerId = lockers::table.filter(lockers::number.eq("012")).select(lockers::id).first(conn).unwrap();
    let block = fx::block(conn, visit, Ts(now - Duration::hours(1)), Ts(now + Duration::hours(5)), Place::Locker(locker)).unwrap();
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
            waitlist::created_at.eq(Ts(now - Duration::hours(1))),
            waitlist::updated_at.eq(Ts(now - Duration::hours(1))),
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
        let (_visit, block, entry) = waiting(&mut conn);
        // 216 the only clean double: the tick offers it and nothing else
        diesel::update(rooms::table.filter(rooms::number.eq_any(["218", "225", "252", "262"])))
            .set(rooms::status.eq(InventoryStatus::OutOfOrder))
            .execute(&mut conn)
            .unwrap();

        let server = TestServer::start_live(db);
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
        for shot in ["waitlist-offered", "waitlist-pay", "waitlist-moved"] {
            assert!(artifacts(db, "waitlist").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
