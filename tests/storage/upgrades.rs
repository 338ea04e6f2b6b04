//! The upgrade tick under concurrency, both databases: several ticks at once (each on its own
//! connection, as on several processes) offer each room exactly once; a checkout, the upgrade's
//! payment and the tick racing on one stay, 20 rounds with random timing, always end in one
//! consistent state (`frontdesk validate` clean, fee charged at most once).

use std::sync::{Arc, Barrier};

use chrono::Duration;
use diesel::prelude::*;
use frontdesk::db::ids::{StaffId, VisitId, WaitlistId};
use frontdesk::db::schema::{charges, inventory_holds, lockers, waitlist};
use frontdesk::db::{DbConn, write_tx};
use frontdesk::domain::enums::{InventoryStatus, PaymentMethod};
use frontdesk::error::AppError;
use frontdesk::stays::checkout;
use frontdesk::stays::upgrades::{accept, pay, tick::tick};

use crate::both_backends;
use crate::support::TestDb;
use crate::support::fixtures::{self as fx, Place, at, t0};

/// A customer on a locker, waiting for a STANDARD room (the fixtures' rooms are STANDARD).
fn waiting(conn: &mut DbConn, i: usize) -> (VisitId, WaitlistId) {
    let customer = fx::customer(conn, &format!("Waiting {i}"));
    let locker = fx::locker(conn, &format!("L{i}"));
    let visit = fx::visit(conn, customer, None).unwrap();
    let block = fx::block(conn, visit, at(0), at(360), Place::Locker(locker)).unwrap();
    diesel::update(lockers::table.find(locker))
        .set((
            lockers::status.eq(InventoryStatus::Occupied),
            lockers::assigned_to_customer_id.eq(customer),
            lockers::current_block_id.eq(block),
        ))
        .execute(conn)
        .unwrap();
    let id = WaitlistId::new();
    diesel::insert_into(waitlist::table)
        .values((
            waitlist::id.eq(id),
            waitlist::visit_id.eq(visit),
            waitlist::checkin_block_id.eq(block),
            waitlist::desired_tier.eq("STANDARD"),
            waitlist::backup_tier.eq("LOCKER"),
            waitlist::status.eq("ACTIVE"),
            waitlist::created_at.eq(at(i as i64)),
            waitlist::updated_at.eq(at(i as i64)),
        ))
        .execute(conn)
        .unwrap();
    (visit, id)
}

/// One racer's work on its own connection.
type Step = Box<dyn FnOnce(&mut DbConn) -> Result<(), AppError> + Send>;

fn assert_clean(db: &TestDb) {
    let failing: Vec<_> = frontdesk::db::integrity::run_all(&mut db.conn()).unwrap().into_iter().filter(|c| c.count > 0).collect();
    assert!(failing.is_empty(), "{failing:?}");
}

fn jitter(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed % 5_000
}

both_backends!(
    fn ticks_on_every_process_offer_each_room_once(db) {
        let mut conn = db.conn();
        for i in 0..6 {
            waiting(&mut conn, i);
        }
        for n in ["101", "102", "103", "104"] {
            fx::room(&mut conn, n);
        }
        let mut seed = 0x5eed_u64;
        for round in 0..10 {
            let now = t0() + Duration::minutes(20 + 16 * round);
            let barrier = Arc::new(Barrier::new(4));
            let delays: Vec<u64> = (0..4).map(|_| jitter(&mut seed)).collect();
            let handles: Vec<_> = delays
                .into_iter()
                .map(|delay| {
                    let (url, barrier) = (db.url.clone(), barrier.clone());
                    std::thread::spawn(move || {
                        let mut conn = frontdesk::db::pool::establish(&url).unwrap();
                        barrier.wait();
                        std::thread::sleep(std::time::Duration::from_micros(delay));
                        tick(&mut conn, now).unwrap()
                    })
                })
                .collect();
            let offered: usize = handles.into_iter().map(|h| h.join().unwrap().offered.len()).sum();
            assert_eq!(offered, 4, "round {round}: four rooms, four offers in all");
            let rooms: Vec<Option<frontdesk::db::ids::RoomId>> =
                waitlist::table.filter(waitlist::status.eq("OFFERED")).select(waitlist::room_id).load(&mut conn).unwrap();
            let mut distinct = rooms.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!((rooms.len(), distinct.len()), (4, 4), "round {round}");
            let holds: i64 = inventory_holds::table.filter(inventory_holds::released_at.is_null()).count().get_result(&mut conn).unwrap();
            assert_eq!(holds, 4);
            assert_clean(db);
        }
        // rotation: after ten rounds everyone was offered a room
        let never: i64 = waitlist::table.filter(waitlist::offer_attempts.eq(0)).count().get_result(&mut conn).unwrap();
        assert_eq!(never, 0);
    }
);

both_backends!(
    fn checkout_payment_and_tick_racing_on_one_stay_end_consistent(db) {
        let mut conn = db.conn();
        let staff: StaffId = fx::staff_member(&mut conn, "racer");
        let mut seed = 0xabcdef_u64;
        for round in 0..20usize {
            fx::room(&mut conn, &format!("R{round}"));
            let (visit, entry) = waiting(&mut conn, round);
            let now = t0() + Duration::minutes(1);
            assert_eq!(tick(&mut conn, now).unwrap().offered.len(), 1, "round {round}");
            let accepted = write_tx(&mut conn, |c| accept::accept(c, entry, None, staff, now)).unwrap();
            // the tick runs either before or after the offer's expiry
            let tick_at = if round % 2 == 0 { now } else { now + Duration::minutes(16) };
            let barrier = Arc::new(Barrier::new(3));
            let delays: Vec<u64> = (0..3).map(|_| jitter(&mut seed)).collect();
            let spawn = |i: usize, f: Step| {
                let (url, barrier, delay) = (db.url.clone(), barrier.clone(), delays[i]);
                std::thread::spawn(move || {
                    let mut conn = frontdesk::db::pool::establish(&url).unwrap();
                    barrier.wait();
                    std::thread::sleep(std::time::Duration::from_micros(delay));
                    f(&mut conn)
                })
            };
            let out = spawn(0, Box::new(move |c| {
                let req = checkout::Request { visit, staff, lane: None, settlement: None, method: None, expected_fee_cents: None };
                write_tx(c, |c| checkout::check_out(c, &req, now + Duration::minutes(2))).map(drop)
            }));
            let paid = spawn(1, Box::new(move |c| {
                let p = pay::Payment { entry, intent: accepted.payment_intent_id, method: PaymentMethod::Cash, staff };
                write_tx(c, |c| pay::pay(c, &p, now + Duration::minutes(2))).map(drop)
            }));
            let ticked = spawn(2, Box::new(move |c| tick(c, tick_at).map(drop)));
            let results = [out.join().unwrap(), paid.join().unwrap(), ticked.join().unwrap()];
            for r in &results {
                if let Err(err) = r {
                    assert!(matches!(err, AppError::Conflict { .. }), "round {round}: only conflicts, never a failure: {err:?}");
                }
            }
            assert!(results[0].is_ok() || results[1].is_ok(), "round {round}: checkout or payment goes through: {results:?}");
            assert!(results[2].is_ok(), "the tick never aborts: {results:?}");
            let fees: i64 = charges::table.filter(charges::kind.eq("UPGRADE_FEE").and(charges::visit_id.eq(visit))).count().get_result(&mut conn).unwrap();
            let status: String = waitlist::table.find(entry).select(waitlist::status).first(&mut conn).unwrap();
            assert_eq!(fees == 1, status == "COMPLETED", "round {round}: fee ⇔ completed");
            assert_eq!(fees == 1, results[1].is_ok(), "round {round}: charged only by the payment that succeeded");
            assert_clean(db);
        }
    }
);
