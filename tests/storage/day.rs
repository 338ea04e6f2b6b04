//! The endless day (issue 12): 8 lanes, 2,000 check-in → checkout → clean cycles on the demo
//! club's 55 rooms and 108 lockers, with late checkouts (fees paid or added to the balance,
//! bans at 90 minutes), rooms cleaned in batches and put back on sale. Ends with `validate`
//! clean and the counts reconciled: visits = check-ins = checkouts + open stays, and every
//! late fee is in exactly one place (a PAID intent or the past-due balance).

use std::collections::HashMap;
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
use frontdesk::db::ids::{CustomerId, DeviceId, StaffSessionId, VisitId};
use frontdesk::db::models::audit_event::Actor;
use frontdesk::db::models::staff::Staff;
use frontdesk::db::schema::{checkouts, customers, devices, payment_intents, rooms, visits};
use frontdesk::db::sql_types::Ts;
use frontdesk::db::{DbConn, pool, write_tx};
use frontdesk::domain::cleaning::Asker;
use frontdesk::domain::enums::{IdentityMethod, InventoryStatus, Language, PaymentMethod, RentalType, ResourceType, StaffRole};
use frontdesk::lanes::commands::{self, CancelBy, LaneCommand};
use frontdesk::lanes::gates::Side;
use frontdesk::lanes::hub::{Hub, Role};
use frontdesk::lanes::views::ViewConfig;
use frontdesk::stays::checkout::{self, Settlement};
use frontdesk::stays::{cleaning, open};

use crate::both_backends;
use crate::support::fixtures as fx;

const CYCLES: usize = 2_000;
const LANES: usize = 8;
const RENTALS: [RentalType; 5] = [RentalType::Locker, RentalType::Locker, RentalType::Standard, RentalType::Double, RentalType::Special];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

struct Day {
    hub: Hub,
    config: Config,
    manager: StaffAuth,
    device: DeviceId,
    now: DateTime<Utc>,
    rng: Rng,
    /// when each open stay's customer leaves, relative to the checkout time
    leaves: HashMap<VisitId, i64>,
    /// when each room became dirty or started cleaning
    dirty_since: HashMap<String, DateTime<Utc>>,
}

fn lane(n: usize) -> String {
    format!("lane-{}", n % LANES + 1)
}

impl Day {
    fn cmd(&self, lane: &str, actor: Actor) -> LaneCommand {
        LaneCommand { lane: lane.to_owned(), actor, role: Role::Register, expected_rev: None, now: self.now }
    }

    /// One customer through the whole check-in; `false` when every rental is sold out.
    fn check_in(&mut self, conn: &mut DbConn, lane: &str, customer: CustomerId, n: usize) -> bool {
        let (staff, boss) = (self.cmd(lane, self.manager.actor()), self.manager.staff.id);
        commands::start(conn, &self.hub, &staff, boss, customer, IdentityMethod::StaffChecked, self.now.date_naive()).unwrap();
        commands::set_language(conn, &self.hub, &self.cmd(lane, Actor::Device(self.device)), Language::En).unwrap();
        let first = RENTALS[self.rng.below(RENTALS.len() as u64) as usize];
        let confirmed = [first, RentalType::Locker, RentalType::Standard].into_iter().any(|rental| {
            selection::propose(conn, &self.hub, &staff, &self.config, Side::Employee, rental).unwrap();
            match selection::confirm(conn, &self.hub, &staff, &self.config, Side::Customer) {
                Ok(_) => true,
                Err(err) => {
                    assert_eq!(err.code(), "SOLD_OUT", "{err:?}");
                    false
                }
            }
        });
        if !confirmed {
            commands::cancel(conn, &self.hub, &staff, CancelBy::Staff(&self.manager), "sold out").unwrap();
            return false;
        }
        let key = Idempotency::from_header(Some(&format!("day-pay-{n}")), "mark_paid", self.manager.actor(), b"{}").unwrap();
        let pay = Payment { method: PaymentMethod::Cash, external_reference: None };
        payment::mark_paid(conn, &self.hub, &staff, &self.manager, &pay, key.as_ref()).unwrap();
        let agreement = frontdesk::db::models::agreement::Agreement::active_for(conn, Language::En).unwrap().unwrap();
        let mark = frontdesk::domain::signature::accept(None, Some(&crate::soak::strokes())).unwrap();
        let sub = Submission {
            agreement_id: agreement.id,
            consent_at: None,
            mark,
            method: frontdesk::domain::enums::SignatureMethod::Drawn,
            typed_name: None,
            device: self.device,
            user_agent: None,
            ip: None,
        };
        signing::sign(
            conn,
            &self.hub,
            &self.cmd(lane, Actor::Device(self.device)),
            sub,
            (Chicago, frontdesk::stays::renewal::extend::renew),
            None,
        )
        .unwrap();
        true
    }

    /// Checks out every stay whose customer leaves by now: some early, most up to two hours
    /// late; fees paid or added to the balance at random.
    fn check_outs(&mut self, conn: &mut DbConn, late: &mut HashMap<&'static str, i64>) {
        for stay in open::list(conn, self.now, None).unwrap() {
            let offset = *self.leaves.entry(stay.visit_id).or_insert_with(|| self.rng.below(200) as i64 - 90);
            if stay.checkout_at + Duration::minutes(offset) > self.now {
                continue;
            }
            let paid = self.rng.below(2) == 0;
            let req = checkout::Request {
                visit: stay.visit_id,
                staff: self.manager.staff.id,
                lane: None,
                settlement: Some(if paid { Settlement::Paid } else { Settlement::PastDue }),
                method: Some(PaymentMethod::Card),
                expected_fee_cents: Some(stay.late_fee_cents),
            };
            let done = write_tx(conn, |c| checkout::check_out(c, &req, self.now)).unwrap();
            *late.entry(done.fee_settlement.leak_static()).or_insert(0) += done.late_fee_cents;
            if done.kind == ResourceType::Room {
                self.dirty_since.insert(done.number, self.now);
            }
            self.leaves.remove(&stay.visit_id);
        }
    }

    /// Rooms dirty for 20 minutes start cleaning, cleaning for 20 minutes are clean: in batches.
    fn clean(&mut self, conn: &mut DbConn) {
        for (from, to) in [(InventoryStatus::Cleaning, InventoryStatus::Clean), (InventoryStatus::Dirty, InventoryStatus::Cleaning)] {
            let numbers: Vec<String> = rooms::table.filter(rooms::status.eq(from)).select(rooms::number).load(conn).unwrap();
            let due: Vec<(ResourceType, String)> = numbers
                .into_iter()
                .filter(|n| self.dirty_since.get(n).is_some_and(|t| *t + Duration::minutes(20) <= self.now))
                .take(cleaning::MAX_BATCH)
                .map(|n| (ResourceType::Room, n))
                .collect();
            if due.is_empty() {
                continue;
            }
            let batch = cleaning::Batch { units: &due, to, staff: self.manager.staff.id, asker: Asker::Staff, override_reason: None };
            let outcome = write_tx(conn, |c| cleaning::apply(c, &batch, self.now)).unwrap();
            assert!(outcome.refused.is_empty(), "{:?}", outcome.refused);
            for (_, number) in due {
                self.dirty_since.insert(number, self.now);
            }
        }
    }
}

trait LeakStatic {
    fn leak_static(&self) -> &'static str;
}

impl LeakStatic for String {
    fn leak_static(&self) -> &'static str {
        match self.as_str() {
            "PAID" => "PAID",
            "PAST_DUE" => "PAST_DUE",
            _ => "NONE",
        }
    }
}

fn setup(conn: &mut DbConn, now: DateTime<Utc>, db_url: &str) -> Day {
    frontdesk::seed::demo::seed(conn, now).unwrap();
    for n in 3..=LANES {
        frontdesk::seed::setup::add_lane(conn, &format!("lane-{n}"), &format!("Lane {n}"), now).unwrap();
    }
    let id = fx::staff_member(conn, "boss");
    let staff = Staff { id, login: "boss".into(), display_name: "Boss".into(), role: StaffRole::Manager, active: true };
    let manager = StaffAuth { staff, session_id: StaffSessionId::new(), expires_at: now + Duration::days(30), step_up_at: Some(now) };
    let device = DeviceId::new();
    diesel::insert_into(devices::table)
        .values((
            devices::id.eq(device),
            devices::lane_id.eq("lane-1"),
            devices::name.eq("day"),
            devices::token_sha256.eq("0".repeat(64)),
            devices::paired_by_staff_id.eq(id),
            devices::paired_at.eq(Ts(now)),
        ))
        .execute(conn)
        .unwrap();
    let view_config = ViewConfig { club_name: "Day".into(), tz: Chicago, gym: Default::default() };
    let hub = Hub::new(pool::build(db_url, 2, std::time::Duration::from_secs(5)), view_config, Arc::new(ManualClock::at(now)));
    let config = Config { tz: Chicago, gym: Default::default() };
    Day { hub, config, manager, device, now, rng: Rng(0x00DA_7E11_D1E5), leaves: HashMap::new(), dirty_since: HashMap::new() }
}

both_backends!(
    fn an_endless_day_of_check_ins_checkouts_and_cleaning(db) {
        let conn = &mut db.conn();
        let mut day = setup(conn, fx::t0(), &db.url);
        let (mut checked_in, mut sold_out, mut n) = (0usize, 0usize, 0usize);
        let mut late: HashMap<&'static str, i64> = HashMap::new();
        while checked_in < CYCLES {
            day.now += Duration::minutes(3);
            day.check_outs(conn, &mut late);
            day.clean(conn);
            let customer = fx::customer(conn, &format!("Guest {n}"));
            if day.check_in(conn, &lane(n), customer, n) {
                checked_in += 1;
            } else {
                sold_out += 1;
            }
            n += 1;
        }
        let failing: Vec<_> = frontdesk::db::integrity::run_all(conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
        assert!(failing.is_empty(), "{failing:?}");

        // visits = check-ins = checkouts + open stays
        let visits: i64 = visits::table.count().get_result(conn).unwrap();
        let ended: i64 = visits::table.filter(visits::ended_at.is_not_null()).count().get_result(conn).unwrap();
        let outs: i64 = checkouts::table.count().get_result(conn).unwrap();
        let open_now = open::list(conn, day.now, None).unwrap().len() as i64;
        assert_eq!((visits, ended, visits - ended), (CYCLES as i64, outs, open_now));
        assert!(outs > 1_500, "most stays ended: {outs}");
        // each fee in exactly one place
        let total = |cents: Vec<i64>| cents.into_iter().sum::<i64>();
        let fees = total(checkouts::table.select(checkouts::late_fee_cents).load(conn).unwrap());
        let paid = total(
            payment_intents::table
                .filter(payment_intents::purpose.eq("LATE_FEE").and(payment_intents::status.eq("PAID")))
                .select(payment_intents::amount_cents)
                .load(conn)
                .unwrap(),
        );
        let past_due = total(customers::table.select(customers::past_due_cents).load(conn).unwrap());
        assert_eq!(fees, paid + past_due, "fees {fees} = paid {paid} + past due {past_due}");
        assert_eq!((paid, past_due), (late.get("PAID").copied().unwrap_or(0), late.get("PAST_DUE").copied().unwrap_or(0)));
        assert!(paid > 0 && past_due > 0, "both settlements happened");
        let banned: i64 = customers::table.filter(customers::banned_until.is_not_null()).count().get_result(conn).unwrap();
        assert!(banned > 0, "some checkouts were 90 minutes late");
        // every room is accounted for: occupied ones by an open stay
        let occupied: i64 = rooms::table.filter(rooms::status.eq(InventoryStatus::Occupied)).count().get_result(conn).unwrap();
        assert!(occupied <= open_now);
        eprintln!("endless day: {checked_in} check-ins, {sold_out} sold out, {outs} checkouts, fees {fees} (paid {paid}, past due {past_due}), {banned} banned");
    }
);
