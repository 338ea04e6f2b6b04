//! A seeded soak: 500 check-ins over four lanes with random cancels, idle timeouts, declines,
//! idempotent retries, cancellations after payment and completions (some customers leave
//! again). It must end with `validate` clean and every PAID intent accounted for.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::America::Chicago;
use diesel::prelude::*;
use frontdesk::access::principal::StaffAuth;
use frontdesk::checkin::idempotency::Idempotency;
use frontdesk::checkin::payment::{self, Payment};
use frontdesk::checkin::signing::{self, Submission};
use frontdesk::checkin::{Config, selection};
use frontdesk::clock::ManualClock;
use frontdesk::db::ids::{CustomerId, DeviceId, StaffSessionId};
use frontdesk::db::models::audit_event::Actor;
use frontdesk::db::models::staff::Staff;
use frontdesk::db::schema::{lane_sessions, lockers, payment_intents, rooms, visits};
use frontdesk::db::sql_types::Ts;
use frontdesk::db::{DbConn, pool};
use frontdesk::domain::enums::{IdentityMethod, InventoryStatus, LaneSessionStatus, Language, PaymentMethod, RentalType, StaffRole};
use frontdesk::lanes::commands::{self, CancelBy, LaneCommand};
use frontdesk::lanes::gates::Side;
use frontdesk::lanes::hub::{Hub, Role};
use frontdesk::lanes::{idle, views::ViewConfig};

use crate::both_backends;
use crate::support::fixtures as fx;

const SESSIONS: usize = 500;
const LANES: [&str; 4] = ["lane-1", "lane-2", "lane-3", "lane-4"];
const RENTALS: [RentalType; 4] = [RentalType::Locker, RentalType::Standard, RentalType::Double, RentalType::Special];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

struct Soak {
    hub: Hub,
    config: Config,
    manager: StaffAuth,
    device: DeviceId,
    now: DateTime<Utc>,
}

impl Soak {
    fn cmd(&self, lane: &str, actor: Actor) -> LaneCommand {
        LaneCommand { lane: lane.to_owned(), actor, role: Role::Register, expected_rev: None, now: self.now }
    }

    fn staff(&self, lane: &str) -> LaneCommand {
        self.cmd(lane, self.manager.actor())
    }
}

fn manager(conn: &mut DbConn, now: DateTime<Utc>) -> StaffAuth {
    let id = fx::staff_member(conn, "boss");
    let staff = Staff { id, login: "boss".into(), display_name: "Boss".into(), role: StaffRole::Manager, active: true };
    StaffAuth { staff, session_id: StaffSessionId::new(), expires_at: now + Duration::hours(12), step_up_at: Some(now) }
}

pub fn strokes() -> frontdesk::domain::signature::Strokes {
    let points: Vec<serde_json::Value> = (0..40)
        .map(|i| serde_json::json!({ "x": 40.0 + 12.0 * f64::from(i), "y": 100.0 + f64::from(i % 7) * 6.0, "t": 16.0 * f64::from(i) }))
        .collect();
    serde_json::from_value(serde_json::json!({ "width": 600.0, "height": 200.0, "strokes": [{ "points": points }] })).unwrap()
}

/// Plays one customer's visit to the desk; returns how it ended.
fn one_session(conn: &mut DbConn, s: &mut Soak, rng: &mut Rng, lane: &str, customer: CustomerId, n: usize) -> &'static str {
    let staff = s.manager.staff.id;
    commands::start(conn, &s.hub, &s.staff(lane), staff, customer, IdentityMethod::StaffChecked, s.now.date_naive()).unwrap();
    commands::set_language(conn, &s.hub, &s.cmd(lane, Actor::Device(s.device)), Language::Es).unwrap();
    if rng.below(10) == 0 {
        // nobody touches the lane again: the idle timeout cancels it
        s.now += Duration::minutes(11);
        let cancelled = idle::sweep(conn, &s.hub, s.now, std::time::Duration::from_secs(600)).unwrap();
        assert!(cancelled.contains(&lane.to_owned()));
        return "timeout";
    }
    let rental = RENTALS[rng.below(4) as usize];
    selection::propose(conn, &s.hub, &s.staff(lane), &s.config, Side::Employee, rental).unwrap();
    if let Err(err) = selection::confirm(conn, &s.hub, &s.staff(lane), &s.config, Side::Customer) {
        assert_eq!(err.code(), "SOLD_OUT", "{err:?}");
        commands::cancel(conn, &s.hub, &s.staff(lane), CancelBy::Staff(&s.manager), "sold out").unwrap();
        return "sold out";
    }
    match rng.below(10) {
        0 | 1 => {
            commands::cancel(conn, &s.hub, &s.staff(lane), CancelBy::Staff(&s.manager), "changed their mind").unwrap();
            return "cancelled before paying";
        }
        2 => payment::decline(conn, &s.hub, &s.staff(lane), "card declined").map(drop).unwrap(),
        _ => {}
    }
    let key = Idempotency::from_header(Some(&format!("pay-{n}")), "mark_paid", s.manager.actor(), b"{}").unwrap();
    let pay = Payment { method: PaymentMethod::Card, external_reference: None };
    let first = payment::mark_paid(conn, &s.hub, &s.staff(lane), &s.manager, &pay, key.as_ref()).unwrap();
    if rng.below(3) == 0 {
        let retry = payment::mark_paid(conn, &s.hub, &s.staff(lane), &s.manager, &pay, key.as_ref()).unwrap();
        assert_eq!(retry, first, "a retry gets the first answer");
    }
    if rng.below(20) == 0 {
        // a manager confirms with a fresh PIN (step-up) before cancelling a paid session
        s.manager.step_up_at = Some(s.now);
        commands::cancel(conn, &s.hub, &s.staff(lane), CancelBy::Staff(&s.manager), "left after paying").unwrap();
        return "refunded";
    }
    let agreement = frontdesk::db::models::agreement::Agreement::active_for(conn, Language::Es).unwrap().unwrap();
    let mark = frontdesk::domain::signature::accept(None, Some(&strokes())).unwrap();
    let sub = Submission {
        agreement_id: agreement.id,
        consent_at: None,
        mark,
        method: frontdesk::domain::enums::SignatureMethod::Drawn,
        typed_name: None,
        device: s.device,
        user_agent: None,
        ip: None,
    };
    signing::sign(conn, &s.hub, &s.cmd(lane, Actor::Device(s.device)), sub, (Chicago, frontdesk::stays::renewal::extend::renew), None)
        .unwrap();
    if rng.below(10) < 7 {
        leave(conn, customer, s.now);
    }
    "completed"
}

/// The customer leaves (what checkout will do): visit ended, unit free again.
fn leave(conn: &mut DbConn, customer: CustomerId, now: DateTime<Utc>) {
    diesel::update(visits::table.filter(visits::customer_id.eq(customer).and(visits::ended_at.is_null())))
        .set(visits::ended_at.eq(Ts(now)))
        .execute(conn)
        .unwrap();
    let clean = (InventoryStatus::Clean, None::<CustomerId>, None::<frontdesk::db::ids::BlockId>);
    diesel::update(rooms::table.filter(rooms::assigned_to_customer_id.eq(customer)))
        .set((rooms::status.eq(clean.0), rooms::assigned_to_customer_id.eq(clean.1), rooms::current_block_id.eq(clean.2)))
        .execute(conn)
        .unwrap();
    diesel::update(lockers::table.filter(lockers::assigned_to_customer_id.eq(customer)))
        .set((lockers::status.eq(clean.0), lockers::assigned_to_customer_id.eq(clean.1), lockers::current_block_id.eq(clean.2)))
        .execute(conn)
        .unwrap();
}

both_backends!(
    fn five_hundred_random_check_ins_leave_a_consistent_database(db) {
        let conn = &mut db.conn();
        let now = fx::t0();
        frontdesk::seed::demo::seed(conn, now).unwrap();
        for lane in &LANES[2..] {
            frontdesk::seed::setup::add_lane(conn, lane, lane, now).unwrap();
        }
        let device = frontdesk::db::ids::DeviceId::new();
        let boss = manager(conn, now);
        diesel::insert_into(frontdesk::db::schema::devices::table)
            .values((
                frontdesk::db::schema::devices::id.eq(device),
                frontdesk::db::schema::devices::lane_id.eq("lane-1"),
                frontdesk::db::schema::devices::name.eq("soak"),
                frontdesk::db::schema::devices::token_sha256.eq("0".repeat(64)),
                frontdesk::db::schema::devices::paired_by_staff_id.eq(boss.staff.id),
                frontdesk::db::schema::devices::paired_at.eq(Ts(now)),
            ))
            .execute(conn)
            .unwrap();
        let view_config = ViewConfig { club_name: "Soak".into(), tz: Chicago, gym: Default::default() };
        let hub = Hub::new(pool::build(&db.url, 2, std::time::Duration::from_secs(5)), view_config, Arc::new(ManualClock::at(now)));
        let mut soak = Soak { hub, config: Config { tz: Chicago, gym: Default::default() }, manager: boss, device, now };
        let mut rng = Rng(0x005E_ED0F_F00D);
        let mut outcomes = std::collections::BTreeMap::new();
        for n in 0..SESSIONS {
            let customer = fx::customer(conn, &format!("Guest {n}"));
            soak.now += Duration::seconds(37);
            let lane = LANES[n % LANES.len()];
            *outcomes.entry(one_session(conn, &mut soak, &mut rng, lane, customer, n)).or_insert(0) += 1;
        }
        assert!(outcomes.len() >= 5, "the soak exercised every path: {outcomes:?}");
        let failing: Vec<_> = frontdesk::db::integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
        assert!(failing.is_empty(), "{failing:?} after {outcomes:?}");
        // every PAID intent belongs to a completed session; every refund to a cancelled one
        let paid: Vec<(String, LaneSessionStatus)> = payment_intents::table
            .inner_join(lane_sessions::table.on(lane_sessions::id.nullable().eq(payment_intents::lane_session_id)))
            .filter(payment_intents::status.eq_any(["PAID", "REFUNDED"]))
            .select((payment_intents::status, lane_sessions::status))
            .load(conn)
            .unwrap();
        assert!(paid.iter().all(|(p, s)| (p == "PAID" && *s == LaneSessionStatus::Completed) || (p == "REFUNDED" && *s == LaneSessionStatus::Cancelled)), "{paid:?}");
        assert_eq!(paid.iter().filter(|(p, _)| p == "PAID").count(), outcomes["completed"]);
        assert_eq!(paid.iter().filter(|(p, _)| p == "REFUNDED").count(), outcomes.get("refunded").copied().unwrap_or(0));
    }
);
