//! A month of activity (issue 16's acceptance, docs/reports.md): 30 Chicago days of check-ins
//! through the real lane with an injected clock (lockers and every room tier, EN and ES),
//! renewals paid by card, checkouts on time and late (no fee, fee paid, fee added to
//! past-due), paid sessions cancelled by a manager with step-up (refunded), upgrades through
//! the waitlist, and the rooms cleaned through housekeeping so units recycle. The test keeps
//! its own books while generating and every report over the month, as JSON and as CSV, must
//! equal them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::America::Chicago;
use diesel::prelude::*;
use frontdesk::db::ids::PaymentIntentId;
use frontdesk::db::schema::payment_intents;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, check_in, desk, pay};
use crate::renewals::renew;
use crate::reports::{chicago, csv, occupancy_units, occupied, relog, sums, time, total_line};
use crate::upgrades::{entries, mark, wait_for};

/// Days with check-ins; the report covers one more, where the last stays end.
const DAYS: usize = 30;
const FIRST: &str = "2026-11-21";
const DOUBLES: [&str; 5] = ["216", "218", "225", "252", "262"];
/// The rentals of a day's check-ins, in order.
const RENTALS: [&str; 9] = ["LOCKER", "STANDARD", "LOCKER", "DOUBLE", "STANDARD", "LOCKER", "SPECIAL", "STANDARD", "LOCKER"];

/// How a stay ends.
#[derive(Clone, Copy, PartialEq)]
enum Leave {
    OnTime,
    /// minutes late, the settlement, the fee the table gives
    Late(i64, &'static str, i64),
    /// renewed 6 hours half an hour before its end, then on time
    Renew,
}

#[derive(Clone, Copy)]
enum Event {
    CheckIn(usize),
    Upgrade,
    Refund,
    Renew(usize),
    Checkout(usize),
}

struct Stay {
    visit: String,
    number: String,
    room: bool,
    /// the rental the check-in bought (its renewals too)
    rental: &'static str,
    /// the tier it ends in (the upgrade's), for occupancy and stay length
    tier: &'static str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    leave: Leave,
}

type Sums = BTreeMap<String, (i64, i64)>;

/// The test's own books, kept while generating.
#[derive(Default)]
struct Books {
    visits: Vec<i64>,
    hours: Vec<i64>,
    day_purpose: Vec<Sums>,
    day_method: Vec<Sums>,
    by_method: Sums,
    by_purpose: Sums,
    by_rental: Sums,
    /// settlement → (checkouts, minutes late, fee cents)
    late: BTreeMap<String, (i64, i64, i64)>,
    checkouts: i64,
    /// (tier, minutes) of every checked-out stay
    lengths: Vec<(&'static str, i64)>,
    /// (tier, start, end) of every stay
    spans: Vec<(&'static str, DateTime<Utc>, DateTime<Utc>)>,
    /// (version, language) → signatures
    signatures: BTreeMap<(i64, String), i64>,
    /// staff name → (cleanings, minutes, unmeasured)
    cleaning: BTreeMap<String, (i64, i64, i64)>,
    waitlist_days: Vec<i64>,
    refunds: i64,
    renewals: i64,
    upgrades: i64,
}

impl Books {
    fn paid(&mut self, day: usize, purpose: &str, method: &str, rental: &str, cents: i64) {
        for (map, key) in [
            (&mut self.day_purpose[day], purpose),
            (&mut self.day_method[day], method),
            (&mut self.by_method, method),
            (&mut self.by_purpose, purpose),
            (&mut self.by_rental, rental),
        ] {
            let e = map.entry(key.to_owned()).or_default();
            *e = (e.0 + 1, e.1 + cents);
        }
    }

    fn signed(&mut self, language: &str) {
        *self.signatures.entry((1, language.to_owned())).or_default() += 1;
    }

    fn cleaned(&mut self, staff: &str, units: usize, minutes: i64) {
        let e = self.cleaning.entry(staff.to_owned()).or_default();
        *e = (e.0 + units as i64, e.1 + units as i64 * minutes, e.2);
    }
}

/// The PAID intents not seen yet: (purpose, method, cents).
fn new_paid(db: &crate::support::TestDb, seen: &mut BTreeSet<String>) -> Vec<(String, Option<String>, i64)> {
    let rows: Vec<(PaymentIntentId, String, Option<String>, i64)> = payment_intents::table
        .filter(payment_intents::status.eq("PAID"))
        .select((payment_intents::id, payment_intents::purpose, payment_intents::method, payment_intents::amount_cents))
        .load(&mut db.conn())
        .unwrap();
    rows.into_iter().filter(|r| seen.insert(r.0.to_string())).map(|r| (r.1, r.2, r.3)).collect()
}

fn half_up(sum: i64, n: i64) -> i64 {
    if n == 0 { 0 } else { (2 * sum + n) / (2 * n) }
}

fn band(minutes: i64) -> usize {
    [0, 120, 240, 360, 480, 720].iter().rposition(|from| minutes >= *from).unwrap()
}

both_backends!(
    fn a_month_of_activity_adds_up_in_every_report(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let mut desk = desk(&app).await;
            let first: NaiveDate = FIRST.parse().unwrap();
            let date = |d: usize| (first + Duration::days(d as i64)).to_string();
            let day_of = |at: DateTime<Utc>| (at.with_timezone(&Chicago).date_naive() - first).num_days() as usize;
            let mut books = Books {
                visits: vec![0; DAYS + 1],
                hours: vec![0; 24],
                day_purpose: vec![Sums::new(); DAYS + 1],
                day_method: vec![Sums::new(); DAYS + 1],
                waitlist_days: vec![0; DAYS + 1],
                ..Books::default()
            };
            let mut seen = BTreeSet::new();
            assert!(new_paid(db, &mut seen).is_empty(), "the demo club has no payments");
            let mut stays: Vec<Stay> = Vec::new();
            let mut alex_since = clock.now_utc();
            let mut sam = (login(&app, "sam", "333333").await, clock.now_utc());
            let mut n = 0usize;
            for d in 0..DAYS {
                let day = date(d);
                let mut queue: Vec<(DateTime<Utc>, Event)> = Vec::new();
                for k in 0..RENTALS.len() {
                    let minute = 570 + 67 * k as u32;
                    queue.push((chicago(&day, minute / 60, minute % 60), Event::CheckIn(k)));
                }
                if d % 5 == 1 {
                    queue.push((chicago(&day, 9, 0), Event::Upgrade));
                }
                if d % 5 == 3 {
                    queue.push((chicago(&day, 12, 5), Event::Refund));
                }
                let mut rooms_out: Vec<String> = Vec::new();
                while let Some(next) = (0..queue.len()).min_by_key(|&i| queue[i].0) {
                    let (at, event) = queue.swap_remove(next);
                    assert!(at >= clock.now_utc(), "day {day}: the schedule runs forward");
                    // logins last 12 hours: alex signs out of the register before the clock
                    // moves past 11 hours since his login, and in again with a fresh one
                    if at - alex_since > Duration::hours(11) {
                        relog(&app, &mut desk, &clock, at).await;
                        alex_since = at;
                    }
                    clock.set(at);
                    match event {
                        Event::CheckIn(k) => {
                            let rental = RENTALS[k];
                            let language = if (d + k) % 3 == 0 { "ES" } else { "EN" };
                            let (_, signed) = check_in(&app, &desk, &format!("Month Customer {n}"), rental, language).await;
                            books.visits[d] += 1;
                            books.hours[at.with_timezone(&Chicago).format("%H").to_string().parse::<usize>().unwrap()] += 1;
                            books.signed(language);
                            let paid = new_paid(db, &mut seen);
                            assert_eq!(paid.len(), 1, "{paid:?}");
                            let (purpose, method, cents) = &paid[0];
                            assert_eq!((purpose.as_str(), method.as_deref()), ("CHECKIN", Some("CASH")));
                            books.paid(d, "CHECKIN", "CASH", rental, *cents);
                            let number = signed["number"].as_str().unwrap().to_owned();
                            let (_, board) = get(&app, &format!("/api/stays?q={number}"), Some(&desk.register)).await;
                            let stay = board["stays"].as_array().unwrap().iter().find(|s| s["number"] == number).cloned().unwrap();
                            let leave = match n % 11 {
                                4 => Leave::Late(40, "PAID", 1500),
                                7 => Leave::Late(70, "PAST_DUE", 3500),
                                9 => Leave::Late(15, "NONE", 0),
                                _ if n % 6 == 1 && language == "EN" => Leave::Renew,
                                _ => Leave::OnTime,
                            };
                            let end = time(&signed["checkout_at"]);
                            let tier = if rental == "LOCKER" { "LOCKER" } else { rental };
                            let i = stays.len();
                            stays.push(Stay { visit: stay["visit_id"].as_str().unwrap().to_owned(), number, room: rental != "LOCKER", rental, tier, start: at, end, leave });
                            queue.push(match leave {
                                Leave::Renew => (end - Duration::minutes(30), Event::Renew(i)),
                                Leave::Late(minutes, ..) => (end + Duration::minutes(minutes) + Duration::seconds(30), Event::Checkout(i)),
                                Leave::OnTime => (end - Duration::minutes(10), Event::Checkout(i)),
                            });
                            n += 1;
                        }
                        Event::Upgrade => {
                            // every double is made dirty: the next customer waits for one on a
                            // standard room; 216 is cleaned, offered, accepted and paid by card
                            mark(&app, &desk.register, &DOUBLES, "DIRTY").await;
                            let signed = wait_for(&app, &desk, &format!("Month Waiting {d}"), "DOUBLE", "STANDARD").await;
                            books.visits[d] += 1;
                            books.hours[9] += 1;
                            books.signed("EN");
                            books.waitlist_days[d] += 1;
                            let paid = new_paid(db, &mut seen);
                            assert_eq!(paid.len(), 1, "{paid:?}");
                            assert_eq!((paid[0].0.as_str(), paid[0].1.as_deref()), ("CHECKIN", Some("CASH")));
                            books.paid(d, "CHECKIN", "CASH", "STANDARD", paid[0].2);
                            let number = signed["number"].as_str().unwrap().to_owned();
                            let (_, board) = get(&app, &format!("/api/stays?q={number}"), Some(&desk.register)).await;
                            let visit = board["stays"].as_array().unwrap().iter().find(|s| s["number"] == number).unwrap()["visit_id"].as_str().unwrap().to_owned();
                            mark(&app, &desk.register, &DOUBLES[..1], "CLEANING").await;
                            clock.advance(Duration::minutes(20));
                            mark(&app, &desk.register, &DOUBLES[..1], "CLEAN").await;
                            books.cleaned("Alex Staff", 1, 20);
                            let list = entries(&app, &desk.register).await;
                            assert_eq!(list.len(), 1, "{list:?}");
                            let id = list[0]["id"].as_str().unwrap().to_owned();
                            let (status, offered) = post(&app, &format!("/api/waitlist/{id}/offer"), Some(&desk.register), json!({ "number": "216" })).await;
                            assert_eq!(status, 200, "{offered}");
                            let (status, accepted) = post(&app, &format!("/api/waitlist/{id}/accept"), Some(&desk.register), json!({})).await;
                            assert_eq!((status, accepted["amount_cents"].as_i64()), (200, Some(900)), "{accepted}");
                            let body = json!({ "payment_intent_id": accepted["payment_intent_id"], "method": "CARD" });
                            let (status, done) = post(&app, &format!("/api/waitlist/{id}/pay"), Some(&desk.register), body).await;
                            assert_eq!((status, done["status"].as_str()), (200, Some("COMPLETED")), "{done}");
                            let paid = new_paid(db, &mut seen);
                            assert_eq!(paid, [("UPGRADE".to_owned(), Some("CARD".to_owned()), 900)]);
                            books.paid(d, "UPGRADE", "CARD", "DOUBLE", 900);
                            books.upgrades += 1;
                            mark(&app, &desk.register, &DOUBLES[1..], "CLEANING").await;
                            clock.advance(Duration::minutes(10));
                            mark(&app, &desk.register, &DOUBLES[1..], "CLEAN").await;
                            books.cleaned("Alex Staff", 4, 10);
                            let end = time(&signed["checkout_at"]);
                            let i = stays.len();
                            stays.push(Stay { visit, number: "216".to_owned(), room: true, rental: "STANDARD", tier: "DOUBLE", start: at, end, leave: Leave::OnTime });
                            queue.push((end - Duration::minutes(10), Event::Checkout(i)));
                        }
                        Event::Refund => {
                            // the manager takes the register, the customer pays and leaves before
                            // signing: the manager cancels with a fresh PIN and the payment is refunded
                            assert_eq!(post(&app, "/api/lanes/lane-1/register/sign-out", Some(&desk.register), json!({})).await.0, 204);
                            let boss = login(&app, "manager", "111111").await;
                            assert_eq!(sign_in_register(&app, &boss, "lane-1", "register-1").await.0, 200);
                            let at_desk = Desk { manager: boss.clone(), register: boss.clone(), kiosk: desk.kiosk.clone() };
                            pay(&app, &at_desk, &format!("Month Leaver {d}"), "STANDARD", "ES").await;
                            step_up(&app, &boss, "111111").await;
                            let (status, cancelled) = post(&app, "/api/lanes/lane-1/session/cancel", Some(&boss), json!({ "reason": "left after paying" })).await;
                            assert_eq!(status, 200, "{cancelled}");
                            assert_eq!(post(&app, "/api/lanes/lane-1/session/close", Some(&boss), json!({})).await.0, 200);
                            assert!(new_paid(db, &mut seen).is_empty(), "a refunded payment is not revenue");
                            books.refunds += 1;
                            assert_eq!(post(&app, "/api/lanes/lane-1/register/sign-out", Some(&boss), json!({})).await.0, 204);
                            desk.register = login(&app, "alex", "222222").await;
                            assert_eq!(sign_in_register(&app, &desk.register, "lane-1", "register-1").await.0, 200);
                            alex_since = at;
                        }
                        Event::Renew(i) => {
                            let signed = renew(&app, &desk, &stays[i].visit, 6).await;
                            books.signed("EN");
                            books.renewals += 1;
                            let paid = new_paid(db, &mut seen);
                            assert_eq!(paid.len(), 1, "{paid:?}");
                            assert_eq!(paid[0].1.as_deref(), Some("CARD"));
                            books.paid(day_of(at), &paid[0].0, "CARD", stays[i].rental, paid[0].2);
                            let end = time(&signed["checkout_at"]);
                            assert_eq!(end, stays[i].end + Duration::hours(6));
                            stays[i].end = end;
                            queue.push((end - Duration::minutes(10), Event::Checkout(i)));
                        }
                        Event::Checkout(i) => {
                            if at - sam.1 > Duration::hours(11) {
                                sam = (login(&app, "sam", "333333").await, at);
                            }
                            let stay = &stays[i];
                            let body = match stay.leave {
                                Leave::Late(_, "PAID", fee) => json!({ "late_fee": "PAID", "method": "CASH", "expected_late_fee_cents": fee }),
                                Leave::Late(_, "PAST_DUE", fee) => json!({ "late_fee": "PAST_DUE", "expected_late_fee_cents": fee }),
                                _ => json!({}),
                            };
                            let (status, done) = post(&app, &format!("/api/stays/{}/checkout", stay.visit), Some(&sam.0), body).await;
                            assert_eq!(status, 200, "{done}");
                            books.checkouts += 1;
                            let (minutes, settle, fee) = match stay.leave {
                                Leave::Late(minutes, settle, fee) => (minutes, settle, fee),
                                _ => (0, "NONE", 0),
                            };
                            assert_eq!((done["minutes_late"].as_i64(), done["late_fee_cents"].as_i64()), (Some(minutes), Some(fee)), "{done}");
                            if minutes > 0 {
                                assert_eq!(done["fee_settlement"].as_str(), Some(settle), "{done}");
                                let e = books.late.entry(settle.to_owned()).or_default();
                                *e = (e.0 + 1, e.1 + minutes, e.2 + fee);
                            }
                            let paid = new_paid(db, &mut seen);
                            if settle == "PAID" && fee > 0 {
                                assert_eq!(paid, [("LATE_FEE".to_owned(), Some("CASH".to_owned()), fee)]);
                                books.paid(day_of(at), "LATE_FEE", "CASH", "NONE", fee);
                            } else {
                                assert!(paid.is_empty(), "{paid:?}");
                            }
                            books.lengths.push((stay.tier, (at - stay.start).num_minutes()));
                            books.spans.push((stay.tier, stay.start, at));
                            if stay.room {
                                rooms_out.push(stay.number.clone());
                            }
                            // a locker goes straight to CLEAN at checkout: no one cleaned it, so
                            // it is no cleaning in the report
                        }
                    }
                }
                // sam cleans the day's rooms in half an hour (lockers are clean at checkout)
                let now = clock.now_utc();
                if now - sam.1 > Duration::hours(11) {
                    sam = (login(&app, "sam", "333333").await, now);
                }
                let units: Vec<Value> = rooms_out.iter().map(|n| json!({ "kind": "ROOM", "number": n })).collect();
                for (status, minutes) in [("CLEANING", 30), ("CLEAN", 0)] {
                    let (code, batch) = post(&app, "/api/inventory/status", Some(&sam.0), json!({ "units": units, "status": status })).await;
                    assert_eq!((code, batch["changed"].as_array().map(Vec::len)), (200, Some(units.len())), "{batch}");
                    clock.advance(Duration::minutes(minutes));
                }
                books.cleaned("Sam Staff", units.len(), 30);
            }
            assert!(stays.len() >= 240 && books.refunds >= 5 && books.upgrades >= 5 && books.renewals >= 10, "{} stays", stays.len());
            assert!(books.late.values().map(|l| l.0).sum::<i64>() >= 30);
            let refunded: i64 = payment_intents::table.filter(payment_intents::status.eq("REFUNDED")).count().get_result(&mut db.conn()).unwrap();
            assert_eq!(refunded, books.refunds);

            let manager = manager(&app).await;
            let range = format!("from={FIRST}&to={}", date(DAYS));
            let report = |name: &'static str| {
                let (app, manager, range) = (&app, &manager, &range);
                async move {
                    let (status, report) = get(app, &format!("/api/reports/{name}?{range}"), Some(manager)).await;
                    assert_eq!(status, 200, "{report}");
                    let cells = total_line(&csv(app, &format!("/api/reports/{name}?{range}&format=csv"), manager).await);
                    (report, cells)
                }
            };

            // visits
            let (visits, cells) = report("visits").await;
            let total: i64 = books.visits.iter().sum();
            assert_eq!(total, stays.len() as i64);
            assert_eq!(visits["total"].as_i64(), Some(total));
            let per_day: Vec<i64> = visits["days"].as_array().unwrap().iter().map(|d| d["visits"].as_i64().unwrap()).collect();
            assert_eq!(per_day, books.visits, "{visits}");
            let per_hour: Vec<i64> = visits["hours"].as_array().unwrap().iter().map(|h| h["visits"].as_i64().unwrap()).collect();
            assert_eq!(per_hour, books.hours);
            assert_eq!(cells, ["TOTAL".to_owned(), total.to_string()]);

            // revenue, to the cent, per day, method, purpose and rental type
            let (revenue, cells) = report("revenue").await;
            let total = books.by_method.values().fold((0, 0), |a, s| (a.0 + s.0, a.1 + s.1));
            assert_eq!((revenue["total"]["payments"].as_i64().unwrap(), revenue["total"]["cents"].as_i64().unwrap()), total, "{revenue}");
            assert_eq!(sums(&revenue["by_method"]), books.by_method);
            assert_eq!(sums(&revenue["by_purpose"]), books.by_purpose);
            assert_eq!(sums(&revenue["by_rental_type"]), books.by_rental);
            for d in 0..=DAYS {
                let got = &revenue["days"][d];
                assert_eq!(got["date"].as_str(), Some(date(d).as_str()));
                assert_eq!(sums(&got["by_purpose"]), books.day_purpose[d], "{}", date(d));
                assert_eq!(sums(&got["by_method"]), books.day_method[d], "{}", date(d));
                let day_total = books.day_method[d].values().fold((0, 0), |a, s| (a.0 + s.0, a.1 + s.1));
                assert_eq!((got["total"]["payments"].as_i64().unwrap(), got["total"]["cents"].as_i64().unwrap()), day_total, "{}", date(d));
            }
            assert_eq!(cells[3..], [total.0.to_string(), format!("{}.{:02}", total.1 / 100, total.1 % 100)]);

            // late checkouts per settlement
            let (late, cells) = report("late_checkouts").await;
            assert_eq!(late["checkouts"].as_i64(), Some(books.checkouts), "{late}");
            for (settle, (count, minutes, fee)) in &books.late {
                let group = &late["by_settlement"][settle];
                assert_eq!((group["checkouts"].as_i64(), group["minutes_late"].as_i64(), group["fee_cents"].as_i64()), (Some(*count), Some(*minutes), Some(*fee)), "{settle}: {late}");
            }
            assert_eq!(books.late.len(), 3, "every settlement happened");
            let t = books.late.values().fold((0, 0, 0), |a, l| (a.0 + l.0, a.1 + l.1, a.2 + l.2));
            assert_eq!((late["total"]["checkouts"].as_i64(), late["total"]["minutes_late"].as_i64(), late["total"]["fee_cents"].as_i64()), (Some(t.0), Some(t.1), Some(t.2)));
            assert_eq!(cells, ["TOTAL".to_owned(), t.0.to_string(), t.1.to_string(), t.2.to_string()]);

            // stay lengths, per the tier each stay ended in
            let (lengths, cells) = report("stay_length").await;
            let (count, sum) = (books.lengths.len() as i64, books.lengths.iter().map(|l| l.1).sum::<i64>());
            assert_eq!(count, stays.len() as i64, "every stay was checked out");
            assert_eq!((lengths["total"]["stays"].as_i64(), lengths["total"]["total_minutes"].as_i64(), lengths["total"]["average_minutes"].as_i64()), (Some(count), Some(sum), Some(half_up(sum, count))), "{lengths}");
            let bands = |tier: Option<&str>| {
                let mut b = vec![0i64; 6];
                books.lengths.iter().filter(|l| tier.is_none_or(|t| t == l.0)).for_each(|l| b[band(l.1)] += 1);
                b
            };
            let got_bands = |v: &Value| v["bands"].as_array().unwrap().iter().map(|b| b.as_i64().unwrap()).collect::<Vec<_>>();
            assert_eq!(got_bands(&lengths["total"]), bands(None), "{lengths}");
            for tier in ["LOCKER", "STANDARD", "DOUBLE", "SPECIAL"] {
                let mine: Vec<i64> = books.lengths.iter().filter(|l| l.0 == tier).map(|l| l.1).collect();
                let group = &lengths["by_rental_type"][tier];
                let (n, s) = (mine.len() as i64, mine.iter().sum::<i64>());
                assert!(n > 0, "{tier}");
                assert_eq!((group["stays"].as_i64(), group["average_minutes"].as_i64()), (Some(n), Some(half_up(s, n))), "{tier}: {lengths}");
                assert_eq!(got_bands(group), bands(Some(tier)), "{tier}");
            }
            assert_eq!(cells[..3], ["TOTAL".to_owned(), count.to_string(), half_up(sum, count).to_string()]);

            // occupancy per day and tier, each stay from its signing to its checkout
            let (occupancy, cells) = report("occupancy").await;
            let units = occupancy_units(db);
            let mut range_minutes: BTreeMap<&str, i64> = BTreeMap::new();
            for d in 0..=DAYS {
                let bounds = (chicago(&date(d), 0, 0), chicago(&date(d + 1), 0, 0));
                for tier in ["STANDARD", "DOUBLE", "SPECIAL", "LOCKER"] {
                    let mine: Vec<_> = books.spans.iter().filter(|s| s.0 == tier).map(|s| (s.1, s.2)).collect();
                    let (minutes, peak) = occupied(&mine, bounds);
                    *range_minutes.entry(tier).or_default() += minutes;
                    let got = &occupancy["days"][d]["by_tier"][tier];
                    let percent = (2 * minutes * 100 + units[tier] * 1440).div_euclid(2 * units[tier] * 1440);
                    assert_eq!((got["occupied_minutes"].as_i64(), got["peak"].as_i64(), got["percent"].as_i64()), (Some(minutes), Some(peak), Some(percent)), "{} {tier}", date(d));
                }
                let every: Vec<_> = books.spans.iter().map(|s| (s.1, s.2)).collect();
                assert_eq!(occupancy["days"][d]["all"]["peak"].as_i64(), Some(occupied(&every, bounds).1), "{}", date(d));
            }
            for (tier, minutes) in &range_minutes {
                assert!(*minutes > 0, "{tier}");
                assert_eq!(occupancy["by_tier"][*tier]["occupied_minutes"].as_i64(), Some(*minutes), "{tier}");
            }
            let all: i64 = range_minutes.values().sum();
            assert_eq!(occupancy["all"]["occupied_minutes"].as_i64(), Some(all));
            assert_eq!(cells[..4], ["TOTAL".to_owned(), String::new(), units.values().sum::<i64>().to_string(), all.to_string()]);

            // cleaning per employee
            let (cleaning, cells) = report("cleaning").await;
            let by: BTreeMap<String, (i64, i64, i64)> = cleaning["by_staff"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["staff_name"].as_str().unwrap().to_owned(), (c["cleanings"].as_i64().unwrap(), c["total_minutes"].as_i64().unwrap(), c["unmeasured"].as_i64().unwrap())))
                .collect();
            assert_eq!(by, books.cleaning, "{cleaning}");
            let t = books.cleaning.values().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
            assert_eq!(cells, ["TOTAL".to_owned(), t.0.to_string(), t.1.to_string(), half_up(t.1, t.0).to_string(), t.2.to_string()]);

            // signatures per version and language (check-ins and renewals)
            let (signatures, cells) = report("signatures").await;
            let groups: BTreeMap<(i64, String), i64> = signatures["groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| ((g["agreement_version"].as_i64().unwrap(), g["language"].as_str().unwrap().to_owned()), g["signatures"].as_i64().unwrap()))
                .collect();
            assert_eq!(groups, books.signatures, "{signatures}");
            let total: i64 = books.signatures.values().sum();
            assert_eq!(total, stays.len() as i64 + books.renewals);
            assert_eq!(signatures["total"].as_i64(), Some(total));
            assert_eq!(cells, ["TOTAL".to_owned(), String::new(), total.to_string()]);

            // the waitlist: every entry offered, upgraded and paid
            let (waitlist, cells) = report("waitlist").await;
            let u = books.upgrades;
            let figures = |v: &Value| ["created", "offered", "completed", "cancelled", "expired", "waiting", "conversion_percent"].map(|k| v[k].as_i64().unwrap());
            assert_eq!(figures(&waitlist["total"]), [u, u, u, 0, 0, 0, 100], "{waitlist}");
            assert_eq!(figures(&waitlist["by_tier"]["DOUBLE"]), [u, u, u, 0, 0, 0, 100]);
            let created: Vec<i64> = waitlist["days"].as_array().unwrap().iter().map(|d| d["created"].as_i64().unwrap()).collect();
            assert_eq!(created, books.waitlist_days);
            assert_eq!(cells, ["TOTAL".to_owned(), u.to_string(), u.to_string(), u.to_string(), "0".into(), "0".into(), "0".into(), "100".into()]);
        })
    }
);
