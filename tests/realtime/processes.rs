//! Several server processes on one PostgreSQL (issue 13): the real binary started twice on one
//! database. A register on process A and the kiosk on process B complete a check-in together,
//! each screen hearing the other's steps through the database's notifications; and 64 lanes
//! split across both processes race for the last room: exactly one wins; and both run the
//! upgrade offer tick without offering a room twice (issue 14).

use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use frontdesk::db::schema::{inventory_holds, lanes, rooms, visits};
use frontdesk::domain::enums::InventoryStatus;
use serde_json::{Value, json};

use crate::server::{Endpoint, login, post};
use crate::support::{TestDb, fixtures};
use crate::ws::connect;
use crate::{block_on, seeded};

/// `frontdesk serve` as a child process on a free port; killed when dropped.
struct Process {
    child: Child,
    addr: SocketAddr,
}

impl Endpoint for Process {
    fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary over `db` and waits until it answers `/readyz`.
async fn start(db: &TestDb) -> Process {
    let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("serve")
        .env("DATABASE_URL", &db.url)
        .env("FRONTDESK_ADDR", addr.to_string())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut process = Process { child, addr };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let ready = awc::Client::default().get(process.url("/readyz")).send().await.map(|r| r.status().as_u16()).ok();
        if ready == Some(200) {
            return process;
        }
        assert!(process.child.try_wait().unwrap().is_none(), "serve exited early");
        assert!(Instant::now() < deadline, "serve did not get ready within 60 s");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The answer's `rev`, after asserting it succeeded.
fn rev(step: &str, (status, body): &(u16, Value)) -> i64 {
    assert!(*status == 200 || *status == 201, "{step}: {status} {body}");
    body["rev"].as_i64().unwrap_or_else(|| panic!("{step}: no rev in {body}"))
}

#[test]
fn a_register_on_one_process_and_a_kiosk_on_another_complete_a_check_in() {
    let Some(db) = TestDb::postgres() else { return };
    let customer = seeded(&db);
    block_on(async {
        let (a, b) = (start(&db).await, start(&db).await);
        let manager = login(&a, "manager", "111111").await;
        assert_eq!(post(&a, "/api/auth/step-up", Some(&manager), json!({ "pin": "111111" })).await.0, 200);
        let (_, code) = post(&a, "/api/lanes/lane-1/pairing-codes", Some(&manager), json!({})).await;
        let (_, paired) = post(&b, "/api/devices/pair", None, json!({ "code": code["code"], "name": "Kiosk 1", "bearer": true })).await;
        let kiosk_token = paired["token"].as_str().expect("paired on B").to_owned();
        let register_token = login(&a, "alex", "222222").await;
        let signed_in = post(&a, "/api/lanes/lane-1/register/sign-in", Some(&register_token), json!({ "device_key": "register-1" })).await;
        assert_eq!(signed_in.0, 200, "{}", signed_in.1);
        let mut register = connect(&a, "/ws/lanes/lane-1", &register_token, None).await.unwrap();
        let mut kiosk = connect(&b, "/ws/lanes/lane-1", &kiosk_token, None).await.unwrap();
        register.view().await;
        kiosk.view().await;

        let (reg, kio) = (Some(register_token.as_str()), Some(kiosk_token.as_str()));
        let lane = |step: &str| format!("/api/lanes/lane-1/{step}");
        let started = post(&a, &lane("sessions"), reg, json!({ "customer_id": customer, "identity_method": "STAFF_CHECKED" })).await;
        let mut at = rev("start", &started);
        let kiosk_steps = [("session/language", json!({ "language": "EN" })), ("session/propose", json!({ "rental_type": "STANDARD" }))];
        for (step, body) in kiosk_steps {
            // each step on one process reaches the screen on the other one
            assert_eq!(register.view_at(at).await["rev"], kiosk.view_at(at).await["rev"]);
            at = rev(step, &post(&b, &lane(step), kio, body).await);
        }
        register.view_at(at).await;
        kiosk.view_at(at).await;
        at = rev("confirm", &post(&b, &lane("session/confirm"), kio, json!({})).await);
        let held = register.view_at(at).await;
        assert_eq!(held["data"]["session"]["held"]["number"], "200", "the register on A sees the hold made on B: {held}");
        kiosk.view_at(at).await;
        at = rev("payment", &post(&a, &lane("session/payment"), reg, json!({ "method": "CASH" })).await);
        register.view_at(at).await;
        let to_sign = kiosk.view_at(at).await;
        assert_eq!(to_sign["data"]["payment_status"], "PAID", "the kiosk on B sees the payment taken on A: {to_sign}");
        at = rev("agreement-shown", &post(&b, &lane("session/agreement-shown"), kio, json!({})).await);
        register.view_at(at).await;
        kiosk.view_at(at).await;
        let sign = json!({ "agreement_id": to_sign["data"]["agreement"]["id"], "consent": true, "strokes": crate::checkin::strokes() });
        let signed = post(&b, &lane("session/sign"), kio, sign).await;
        at = rev("sign", &signed);
        let done = register.view_at(at).await;
        assert_eq!(done["data"]["status"], "COMPLETED", "{done}");
        assert_eq!(kiosk.view_at(at).await["data"]["assignment"]["number"], "200");
        at = rev("acknowledge", &post(&b, &lane("session/acknowledge"), kio, json!({})).await);
        register.view_at(at).await;
        at = rev("close", &post(&a, &lane("session/close"), reg, json!({})).await);
        assert_eq!(kiosk.view_at(at).await["data"]["status"], "IDLE");

        let conn = &mut db.conn();
        let open: i64 = visits::table.filter(visits::ended_at.is_null()).count().get_result(conn).unwrap();
        let status: InventoryStatus = rooms::table.filter(rooms::number.eq("200")).select(rooms::status).first(conn).unwrap();
        assert_eq!((open, status), (1, InventoryStatus::Occupied));
    });
}

#[test]
fn sixty_four_lanes_on_two_processes_race_for_the_last_room_and_one_wins() {
    let Some(db) = TestDb::postgres() else { return };
    seeded(&db);
    let conn = &mut db.conn();
    // one clean STANDARD room left; 62 more lanes beside the demo's two
    diesel::update(rooms::table.filter(rooms::type_.eq("STANDARD").and(rooms::number.ne("200"))))
        .set(rooms::status.eq(InventoryStatus::Dirty))
        .execute(conn)
        .unwrap();
    let lane_ids: Vec<String> = (1..=64).map(|n| format!("lane-{n}")).collect();
    for id in &lane_ids[2..] {
        fixtures::lane(conn, id);
    }
    assert_eq!(lanes::table.count().get_result::<i64>(conn).unwrap(), 64);
    let customers: Vec<_> = (1..=64).map(|n| fixtures::customer(conn, &format!("Racer {n}"))).collect();
    block_on(async {
        let processes = [start(&db).await, start(&db).await];
        let tokens = [login(&processes[0], "alex", "222222").await, login(&processes[1], "sam", "333333").await];
        // lanes 1–32 run on process A, 33–64 on process B, each up to the confirmation
        let lanes: Vec<(&Process, &str, &str)> =
            lane_ids.iter().enumerate().map(|(i, id)| (&processes[i / 32], tokens[i / 32].as_str(), id.as_str())).collect();
        for ((process, token, lane), customer) in lanes.iter().zip(&customers) {
            let url = |step: &str| format!("/api/lanes/{lane}/{step}");
            let signed_in =
                post(*process, &url("register/sign-in"), Some(token), json!({ "device_key": format!("register-{lane}") })).await;
            assert_eq!(signed_in.0, 200, "{lane}: {}", signed_in.1);
            let started =
                post(*process, &url("sessions"), Some(token), json!({ "customer_id": customer, "identity_method": "STAFF_CHECKED" })).await;
            rev("start", &started);
            rev("language", &post(*process, &url("session/language"), Some(token), json!({ "language": "EN" })).await);
            rev("propose", &post(*process, &url("session/propose"), Some(token), json!({ "rental_type": "STANDARD" })).await);
        }
        let urls: Vec<String> = lane_ids.iter().map(|lane| format!("/api/lanes/{lane}/session/confirm")).collect();
        let confirms = lanes.iter().zip(&urls).map(|((process, token, _), url)| post(*process, url, Some(token), json!({})));
        let answers = futures_util::future::join_all(confirms).await;
        let won: Vec<&(u16, Value)> = answers.iter().filter(|(status, _)| *status == 200).collect();
        assert_eq!(won.len(), 1, "exactly one lane gets the last room: {answers:?}");
        for (status, body) in answers.iter().filter(|(status, _)| *status != 200) {
            assert_eq!((*status, body["error"]["code"].as_str()), (409, Some("SOLD_OUT")), "{body}");
        }
    });
    let holds: i64 = inventory_holds::table
        .filter(inventory_holds::released_at.is_null().and(inventory_holds::resource_type.eq("ROOM")))
        .count()
        .get_result(conn)
        .unwrap();
    assert_eq!(holds, 1, "one unreleased room hold");
    assert!(frontdesk::db::integrity::run_all(conn).unwrap().iter().all(|check| check.count == 0));
}

/// Two processes on one PostgreSQL both run the upgrade offer tick (every second): each of the
/// five clean DOUBLE rooms is offered exactly once, to one of eight waiting customers, and every
/// offer has its one hold.
#[test]
fn two_processes_ticking_offer_each_clean_room_once() {
    use frontdesk::db::schema::{audit_events, waitlist};
    let Some(db) = TestDb::postgres() else { return };
    seeded(&db);
    let mut conn = db.conn();
    let now = chrono::Utc::now();
    let lockers: Vec<frontdesk::db::ids::LockerId> =
        frontdesk::db::schema::lockers::table.select(frontdesk::db::schema::lockers::id).limit(8).load(&mut conn).unwrap();
    for (n, locker) in lockers.iter().enumerate() {
        let customer = fixtures::customer(&mut conn, &format!("Waiting {n}"));
        let visit = fixtures::visit(&mut conn, customer, None).unwrap();
        let starts = frontdesk::db::sql_types::Ts(now - chrono::Duration::hours(1));
        let ends = frontdesk::db::sql_types::Ts(now + chrono::Duration::hours(5));
        let block = fixtures::block(&mut conn, visit, starts, ends, fixtures::Place::Locker(*locker)).unwrap();
        use frontdesk::db::schema::lockers;
        diesel::update(lockers::table.find(*locker))
            .set((
                lockers::status.eq(InventoryStatus::Occupied),
                lockers::assigned_to_customer_id.eq(customer),
                lockers::current_block_id.eq(block),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::insert_into(waitlist::table)
            .values((
                waitlist::id.eq(frontdesk::db::ids::WaitlistId::new()),
                waitlist::visit_id.eq(visit),
                waitlist::checkin_block_id.eq(block),
                waitlist::desired_tier.eq("DOUBLE"),
                waitlist::backup_tier.eq("LOCKER"),
                waitlist::status.eq("ACTIVE"),
                waitlist::created_at.eq(frontdesk::db::sql_types::Ts(now - chrono::Duration::minutes(60 - n as i64))),
                waitlist::updated_at.eq(frontdesk::db::sql_types::Ts(now)),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let doubles: i64 =
        rooms::table.filter(rooms::type_.eq("DOUBLE").and(rooms::status.eq(InventoryStatus::Clean))).count().get_result(&mut conn).unwrap();
    assert_eq!(doubles, 5);
    block_on(async {
        let start_ticking = |db: &TestDb| {
            let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
            let child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
                .arg("serve")
                .env("DATABASE_URL", &db.url)
                .env("FRONTDESK_ADDR", addr.to_string())
                .env("FRONTDESK_UPGRADE_TICK", "1")
                .env("RUST_LOG", "warn")
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap();
            Process { child, addr }
        };
        let (_a, _b) = (start_ticking(&db), start_ticking(&db));
        // both tick every second; wait until the five rooms are offered, then a few more ticks
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let offered: i64 = waitlist::table.filter(waitlist::status.eq("OFFERED")).count().get_result(&mut db.conn()).unwrap();
            if offered == 5 {
                break;
            }
            assert!(Instant::now() < deadline, "the rooms were not offered within 60 s ({offered} of 5)");
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
        actix_web::rt::time::sleep(Duration::from_millis(3000)).await;
    });
    let mut conn = db.conn();
    let offers: Vec<Option<frontdesk::db::ids::RoomId>> =
        waitlist::table.filter(waitlist::status.eq("OFFERED")).select(waitlist::room_id).load(&mut conn).unwrap();
    let mut rooms_offered: Vec<_> = offers.iter().flatten().collect();
    rooms_offered.sort();
    rooms_offered.dedup();
    assert_eq!((offers.len(), rooms_offered.len()), (5, 5), "five rooms, each offered to one entry");
    let events: i64 = audit_events::table.filter(audit_events::action.eq("WAITLIST_OFFERED")).count().get_result(&mut conn).unwrap();
    assert_eq!(events, 5, "each room offered once, by one of the two processes");
    let holds: i64 = inventory_holds::table
        .filter(inventory_holds::kind.eq("UPGRADE_HOLD").and(inventory_holds::released_at.is_null()))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(holds, 5);
    let failing: Vec<_> = frontdesk::db::integrity::run_all(&mut conn).unwrap().into_iter().filter(|c| c.count > 0).collect();
    assert!(failing.is_empty(), "{failing:?}");
}
