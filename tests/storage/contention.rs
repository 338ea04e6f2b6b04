//! 32 lanes confirm the same rental type at once while one unit is left: exactly one gets
//! the hold, the others get SOLD_OUT. Fifty rounds with random timing, both databases; no
//! double hold and no double occupancy ever.

use std::sync::{Arc, Barrier};

use chrono_tz::America::Chicago;
use diesel::prelude::*;
use frontdesk::checkin::Config;
use frontdesk::checkin::selection;
use frontdesk::clock::ManualClock;
use frontdesk::db::models::audit_event::Actor;
use frontdesk::db::schema::{inventory_holds, lane_sessions, payment_intents, rooms};
use frontdesk::db::{DbConn, pool, write_tx};
use frontdesk::domain::enums::{IdentityMethod, InventoryStatus, Language, RentalType, RoomType};
use frontdesk::lanes::commands::{self, LaneCommand};
use frontdesk::lanes::gates::Side;
use frontdesk::lanes::hub::{Hub, Role};
use frontdesk::lanes::views::ViewConfig;

use crate::both_backends;
use crate::support::TestDb;
use crate::support::fixtures::{self as fx, t0};

const LANES: usize = 32;
const ROUNDS: usize = 50;

fn hub(db: &TestDb) -> Hub {
    let config = ViewConfig { club_name: "Test".into(), tz: Chicago, gym: Default::default() };
    Hub::new(pool::build(&db.url, 2, std::time::Duration::from_secs(5)), config, Arc::new(ManualClock::at(t0())))
}

fn cmd(lane: &str, staff: frontdesk::db::ids::StaffId) -> LaneCommand {
    LaneCommand { lane: lane.to_owned(), actor: Actor::Staff(staff), role: Role::Register, expected_rev: None, now: t0() }
}

/// A tiny xorshift for repeatable "random" timing.
fn jitter(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed % 20_000
}

fn prepare_round(
    conn: &mut DbConn,
    hub: &Hub,
    lanes: &[String],
    customers: &[frontdesk::db::ids::CustomerId],
    staff: frontdesk::db::ids::StaffId,
) {
    // end the previous round's sessions: release holds, cancel intents and sessions
    write_tx(conn, |c| -> QueryResult<()> {
        let at = fx::at(0);
        diesel::update(inventory_holds::table.filter(inventory_holds::released_at.is_null()))
            .set((inventory_holds::released_at.eq(at), inventory_holds::release_reason.eq("TEST_RESET")))
            .execute(c)?;
        diesel::update(payment_intents::table.filter(payment_intents::status.eq("DUE")))
            .set(payment_intents::status.eq("CANCELLED"))
            .execute(c)?;
        diesel::update(lane_sessions::table.filter(lane_sessions::closed_at.is_null()))
            .set((lane_sessions::status.eq("CANCELLED"), lane_sessions::cancel_reason.eq("TEST_RESET"), lane_sessions::closed_at.eq(at)))
            .execute(c)?;
        Ok(())
    })
    .unwrap();
    let config = Config { tz: Chicago, gym: Default::default() };
    for (lane, customer) in lanes.iter().zip(customers) {
        commands::start(conn, hub, &cmd(lane, staff), staff, *customer, IdentityMethod::StaffChecked, t0().date_naive()).unwrap();
        commands::set_language(conn, hub, &cmd(lane, staff), Language::En).unwrap();
        selection::propose(conn, hub, &cmd(lane, staff), &config, Side::Employee, RentalType::Standard).unwrap();
    }
}

both_backends!(
    fn thirty_two_lanes_race_for_the_last_room(db) {
        let conn = &mut db.conn();
        let staff = fx::staff_member(conn, "host");
        let lanes: Vec<String> = (1..=LANES).map(|i| format!("lane-{i}")).collect();
        lanes.iter().for_each(|l| fx::lane(conn, l));
        let customers: Vec<_> = (0..LANES).map(|i| fx::customer(conn, &format!("Racer {i}"))).collect();
        // one clean STANDARD room, one DIRTY one that must never be taken
        let last = fx::room(conn, "300");
        let dirty = fx::room(conn, "299");
        diesel::update(rooms::table.find(dirty)).set(rooms::status.eq(InventoryStatus::Dirty)).execute(conn).unwrap();
        let hub = hub(db);
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for round in 0..ROUNDS {
            prepare_round(conn, &hub, &lanes, &customers, staff);
            let barrier = Arc::new(Barrier::new(LANES));
            let racers: Vec<_> = lanes
                .iter()
                .map(|lane| {
                    let (mut conn, barrier, hub, lane, spin) = (db.conn(), barrier.clone(), hub.clone(), lane.clone(), jitter(&mut seed));
                    std::thread::spawn(move || {
                        barrier.wait();
                        (0..spin).for_each(|_| std::hint::spin_loop());
                        let config = Config { tz: Chicago, gym: Default::default() };
                        selection::confirm(&mut conn, &hub, &cmd(&lane, staff), &config, Side::Customer)
                    })
                })
                .collect();
            let results: Vec<_> = racers.into_iter().map(|r| r.join().unwrap()).collect();
            let winners = results.iter().filter(|r| r.as_ref().is_ok_and(|l| !l.already_locked)).count();
            let sold_out = results.iter().filter(|r| matches!(r, Err(e) if e.code() == "SOLD_OUT")).count();
            assert_eq!((winners, sold_out), (1, LANES - 1), "round {round}: {results:?}");
            let holds: Vec<frontdesk::db::ids::ResourceId> = inventory_holds::table
                .filter(inventory_holds::released_at.is_null())
                .select(inventory_holds::resource_id)
                .load(conn)
                .unwrap();
            assert_eq!(holds, vec![last.into()], "round {round}: exactly one hold, on the clean room");
        }
        let occupied: i64 = rooms::table.filter(rooms::status.eq(InventoryStatus::Occupied)).count().get_result(conn).unwrap();
        assert_eq!(occupied, 0);
        let failing: Vec<_> = frontdesk::db::integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
        assert!(failing.is_empty(), "{failing:?}");
        let _ = RoomType::Standard;
    }
);
