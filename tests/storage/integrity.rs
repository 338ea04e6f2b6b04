//! `frontdesk validate`: clean on the demo club, non-zero naming the check after corruption
//! that the schema allows. Runs the real binary against the test database.

use std::process::{Command, Output};

use diesel::prelude::*;
use frontdesk::db::integrity;
use frontdesk::domain::enums::*;

use crate::both_backends;
use crate::support::TestDb;
use crate::support::fixtures::{self as fx, at};

fn frontdesk(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run frontdesk")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

both_backends!(
    fn validate_is_clean_on_the_demo_club(db) {
        let seeded = frontdesk(db, &["seed", "--demo"]);
        assert!(seeded.status.success(), "{seeded:?}");
        let out = frontdesk(db, &["validate"]);
        assert!(out.status.success(), "{}", stdout(&out));
        assert!(stdout(&out).contains("all 23 checks passed"));
        // seeding again changes nothing
        assert!(stdout(&frontdesk(db, &["seed", "--demo"])).contains("nothing changed"));
        let conn = &mut db.conn();
        assert_eq!(frontdesk::db::models::inventory::counts(conn).unwrap(), (55, 108));
    }
);

both_backends!(
    fn validate_names_each_broken_check(db) {
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        // an open visit with no block: allowed by the schema, wrong for the desk
        let pat = fx::customer(conn, "Pat");
        fx::visit(conn, pat, None).unwrap();
        let out = frontdesk(db, &["validate"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout(&out).contains("FAILED: open_visit_without_a_block"), "{}", stdout(&out));

        // a PAID intent on a cancelled session
        let session = fx::lane_session(conn, "lane-1", LaneSessionStatus::Cancelled).unwrap();
        let staff = fx::staff_member(conn, "alex");
        use frontdesk::db::schema::payment_intents as p;
        diesel::insert_into(p::table)
            .values((
                p::id.eq(frontdesk::db::ids::PaymentIntentId::new()),
                p::lane_session_id.eq(session),
                p::purpose.eq("CHECKIN"),
                p::amount_cents.eq(3000i64),
                p::status.eq(PaymentStatus::Paid),
                p::quote_json.eq("{}"),
                p::method.eq(PaymentMethod::Cash),
                p::paid_at.eq(at(5)),
                p::paid_by_staff_id.eq(staff),
                p::created_at.eq(at(0)),
                p::updated_at.eq(at(5)),
            ))
            .execute(conn)
            .unwrap();
        let results = integrity::run_all(conn).unwrap();
        let failing: Vec<_> = results.iter().filter(|c| c.count > 0).map(|c| c.name).collect();
        assert_eq!(failing, ["open_visit_without_a_block", "paid_lane_intent_on_a_session_neither_completed_nor_live"]);
    }
);

both_backends!(
    fn validate_finds_occupancy_without_a_stay_and_a_wrong_signature_hash(db) {
        use frontdesk::db::schema::rooms as r;
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        let pat = fx::customer(conn, "Pat");
        let room = fx::room(conn, "214");
        let visit = fx::visit(conn, pat, None).unwrap();
        let block = fx::block(conn, visit, at(0), at(360), fx::Place::Room(room)).unwrap();
        diesel::update(r::table.find(room))
            .set((r::status.eq(InventoryStatus::Occupied), r::assigned_to_customer_id.eq(pat), r::current_block_id.eq(block)))
            .execute(conn)
            .unwrap();
        let clean: Vec<_> = integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
        assert!(clean.is_empty(), "{clean:?}");
        // the visit ends but the room stays occupied
        use frontdesk::db::schema::visits as v;
        diesel::update(v::table.find(visit)).set(v::ended_at.eq(at(400))).execute(conn).unwrap();
        let agreement = fx::agreement(conn, Language::En, 1, true).unwrap();
        fx::signature(conn, agreement, "what was shown", &"0".repeat(64)).unwrap();
        let failing: Vec<_> = integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).map(|c| c.name).collect();
        assert_eq!(
            failing,
            [
                "occupied_room_without_its_open_block",
                "unit_occupied_by_an_ended_visit",
                "signature_text_differs_from_its_agreement_version",
                "signature_text_hash_mismatch"
            ]
        );
    }
);

both_backends!(
    fn validate_finds_a_held_dirty_room_and_a_checkout_of_an_open_stay(db) {
        use frontdesk::db::schema::{checkouts as c, rooms as r};
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        let room = fx::room(conn, "214");
        let session = fx::lane_session(conn, "lane-1", LaneSessionStatus::AwaitingPayment).unwrap();
        fx::hold(conn, ResourceType::Room, room.into(), session).unwrap();
        assert!(integrity::run_all(conn).unwrap().iter().all(|c| c.count == 0), "a held clean room is fine");
        diesel::update(r::table.find(room)).set(r::status.eq(InventoryStatus::Dirty)).execute(conn).unwrap();
        // a checkout recorded for a stay that is still open
        let pat = fx::customer(conn, "Pat");
        let other = fx::room(conn, "215");
        let visit = fx::visit(conn, pat, None).unwrap();
        let block = fx::block(conn, visit, at(0), at(360), fx::Place::Room(other)).unwrap();
        let staff = fx::staff_member(conn, "alex");
        diesel::insert_into(c::table)
            .values((
                c::id.eq(frontdesk::db::ids::CheckoutId::new()),
                c::visit_id.eq(visit),
                c::checkin_block_id.eq(block),
                c::resource_type.eq(ResourceType::Room),
                c::resource_id.eq(frontdesk::db::ids::ResourceId::from(other)),
                c::number.eq("215"),
                c::minutes_late.eq(0i64),
                c::late_fee_cents.eq(0i64),
                c::fee_settlement.eq("NONE"),
                c::staff_id.eq(staff),
                c::checked_out_at.eq(at(360)),
            ))
            .execute(conn)
            .unwrap();
        let failing: Vec<_> = integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).map(|c| c.name).collect();
        assert_eq!(failing, ["open_block_whose_resource_is_not_occupied_by_the_customer", "dirty_cleaning_or_out_of_order_unit_held", "checkout_of_a_visit_still_open"]);
    }
);
