//! Reports (issue 16, docs/reports.md): a dozen check-ins over three Chicago days through the
//! real lane, a renewal paid by card, two late checkouts (one paid, one added to past-due), and every report's figures
//! equal the totals this test kept while generating; the CSV's `TOTAL` equals the JSON's; bad
//! ranges are refused naming the field, and only managers may read.

use std::collections::BTreeMap;

use actix_web::test::{TestRequest, call_service, read_body};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::America::Chicago;
use diesel::prelude::*;
use frontdesk::db::schema::payment_intents;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, check_in, desk};
use crate::renewals::renew;
use crate::upgrades::{entries, mark, wait_for};

pub(crate) fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("a time: {v}"))).unwrap().with_timezone(&Utc)
}

pub(crate) fn chicago(day: &str, hour: u32, minute: u32) -> DateTime<Utc> {
    let date: NaiveDate = day.parse().unwrap();
    Chicago.from_local_datetime(&date.and_hms_opt(hour, minute, 0).unwrap()).unwrap().with_timezone(&Utc)
}

/// Alex signs out of lane-1's register, the clock moves to `at`, and alex signs in again with
/// a fresh login (logins last 12 hours).
pub(crate) async fn relog<S, B>(app: &S, desk: &mut Desk, clock: &frontdesk::clock::ManualClock, at: DateTime<Utc>)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (status, _) = post(app, "/api/lanes/lane-1/register/sign-out", Some(&desk.register), json!({})).await;
    assert_eq!(status, 204);
    clock.set(at);
    desk.register = login(app, "alex", "222222").await;
    let (status, answer) = sign_in_register(app, &desk.register, "lane-1", "register-1").await;
    assert_eq!(status, 200, "{answer}");
}

/// The CSV answer's body, after checking it is CSV.
pub(crate) async fn csv<S, B>(app: &S, path: &str, token: &str) -> String
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let req = TestRequest::get().uri(path).insert_header(("Authorization", format!("Bearer {token}"))).to_request();
    let res = call_service(app, req).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("content-type").unwrap(), "text/csv; charset=utf-8");
    String::from_utf8(read_body(res).await.to_vec()).unwrap()
}

/// The cells of the CSV's `TOTAL` line.
pub(crate) fn total_line(csv: &str) -> Vec<String> {
    let last = csv.lines().last().unwrap();
    assert!(last.starts_with("TOTAL,"), "{csv}");
    last.split(',').map(str::to_owned).collect()
}

type Paid = (String, Option<String>, i64);

/// Every PAID intent's purpose, method and amount.
fn all_paid(db: &crate::support::TestDb) -> Vec<Paid> {
    let mut rows: Vec<Paid> = payment_intents::table
        .filter(payment_intents::status.eq("PAID"))
        .select((payment_intents::purpose, payment_intents::method, payment_intents::amount_cents))
        .load(&mut db.conn())
        .unwrap();
    rows.sort();
    rows
}

/// What `after` has that `before` has not (as multisets).
fn added(before: &[Paid], after: &[Paid]) -> Vec<Paid> {
    let mut rest = before.to_vec();
    after
        .iter()
        .filter(|row| match rest.iter().position(|r| r == *row) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

pub(crate) fn sums(v: &Value) -> BTreeMap<String, (i64, i64)> {
    v.as_object().unwrap().iter().map(|(k, s)| (k.clone(), (s["payments"].as_i64().unwrap(), s["cents"].as_i64().unwrap()))).collect()
}

/// Units per occupancy tier (rooms by type, every locker), read from the inventory.
pub(crate) fn occupancy_units(db: &crate::support::TestDb) -> BTreeMap<&'static str, i64> {
    use frontdesk::db::schema::{lockers, rooms};
    let mut conn = db.conn();
    let mut units = BTreeMap::new();
    for tier in ["STANDARD", "DOUBLE", "SPECIAL"] {
        units.insert(tier, rooms::table.filter(rooms::type_.eq(tier)).count().get_result(&mut conn).unwrap());
    }
    units.insert("LOCKER", lockers::table.count().get_result(&mut conn).unwrap());
    units
}

/// Whole minutes of `spans` inside `[a, b)` (seconds summed first) and the most of them at
/// one instant there (tried at every span's start).
pub(crate) fn occupied(spans: &[(DateTime<Utc>, DateTime<Utc>)], (a, b): (DateTime<Utc>, DateTime<Utc>)) -> (i64, i64) {
    let seconds: i64 = spans.iter().map(|&(s, e)| (e.min(b) - s.max(a)).num_seconds().max(0)).sum();
    let peak = spans
        .iter()
        .map(|&(s, _)| s.max(a))
        .filter(|t| *t < b)
        .map(|t| spans.iter().filter(|&&(s, e)| s <= t && t < e).count() as i64)
        .max()
        .unwrap_or(0);
    (seconds / 60, peak)
}

both_backends!(
    fn every_report_equals_what_the_desk_did(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let mut desk = desk(&app).await;
            // check-ins on the first three days; the late checkouts may fall on the fourth or fifth
            let days = ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"];
            let mut visits = [0i64; 5];
            let mut hours = [0i64; 24];
            let mut by_day: Vec<BTreeMap<String, (i64, i64)>> = vec![BTreeMap::new(); 5];
            let mut by_method: BTreeMap<String, (i64, i64)> = BTreeMap::new();
            let mut by_purpose: BTreeMap<String, (i64, i64)> = BTreeMap::new();
            let mut by_rental: BTreeMap<String, (i64, i64)> = BTreeMap::new();
            let mut languages: BTreeMap<String, i64> = BTreeMap::new();
            let mut record = |day: usize, purpose: &str, method: &str, rental: &str, cents: i64| {
                let e = by_rental.entry(rental.to_owned()).or_default();
                *e = (e.0 + 1, e.1 + cents);
                let e = by_day[day].entry(purpose.to_owned()).or_default();
                *e = (e.0 + 1, e.1 + cents);
                let e = by_method.entry(method.to_owned()).or_default();
                *e = (e.0 + 1, e.1 + cents);
                let e = by_purpose.entry(purpose.to_owned()).or_default();
                *e = (e.0 + 1, e.1 + cents);
            };
            let mut stays: Vec<(String, String, DateTime<Utc>)> = Vec::new();
            // each visit's start (the signing) and rental, for the stay lengths
            let mut started: BTreeMap<String, (DateTime<Utc>, &str)> = BTreeMap::new();
            let mut seen = all_paid(db);
            for (d, day) in days.iter().take(3).enumerate() {
                // 21:30 in Chicago is 03:30 UTC the next day: it still counts for this day
                for (k, (hour, rental)) in [(12, "STANDARD"), (14, "LOCKER"), (17, "DOUBLE"), (21, "LOCKER")].into_iter().enumerate() {
                    if d == 0 && hour == 21 {
                        // the first stay renews 6 hours, paid by card, half an hour before its end
                        let (_, visit, end) = stays.first().cloned().unwrap();
                        relog(&app, &mut desk, &clock, end - Duration::minutes(30)).await;
                        renew(&app, &desk, &visit, 6).await;
                        *languages.entry("EN".to_owned()).or_default() += 1;
                        let now = all_paid(db);
                        let paid = added(&seen, &now);
                        seen = now;
                        assert_eq!(paid.len(), 1, "{paid:?}");
                        for (purpose, method, cents) in paid {
                            assert_eq!(method.as_deref(), Some("CARD"));
                            // the first stay is a standard room: its renewal bought the same
                            record(d, &purpose, "CARD", "STANDARD", cents);
                        }
                    }
                    relog(&app, &mut desk, &clock, chicago(day, hour, 30)).await;
                    let language = if k % 2 == 0 { "EN" } else { "ES" };
                    let (_, signed) = check_in(&app, &desk, &format!("Report Customer{d}{k}"), rental, language).await;
                    visits[d] += 1;
                    hours[hour as usize] += 1;
                    *languages.entry(language.to_owned()).or_default() += 1;
                    let number = signed["number"].as_str().unwrap().to_owned();
                    let (status, board) = get(&app, &format!("/api/stays?q={number}"), Some(&desk.register)).await;
                    assert_eq!(status, 200, "{board}");
                    let stay = board["stays"].as_array().unwrap().iter().find(|s| s["number"] == number).cloned().unwrap();
                    let now = all_paid(db);
                    let paid = added(&seen, &now);
                    seen = now;
                    assert_eq!(paid.len(), 1, "{paid:?}");
                    for (purpose, method, cents) in paid {
                        assert_eq!(method.as_deref(), Some("CASH"));
                        record(d, &purpose, "CASH", rental, cents);
                    }
                    started.insert(stay["visit_id"].as_str().unwrap().to_owned(), (clock.now_utc(), rental));
                    stays.push((number, stay["visit_id"].as_str().unwrap().to_owned(), time(&signed["checkout_at"])));
                }
            }
            // the two stays that end last are checked out late: 45 minutes paid in cash, 65
            // added to past-due (the fee is the one the board shows then)
            let mut late = BTreeMap::new();
            let mut lengths: Vec<(&str, i64)> = Vec::new();
            let mut ended: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
            let mut late_stays: Vec<_> = stays.iter().filter(|s| s.2 > clock.now_utc()).cloned().collect();
            late_stays.sort_by_key(|s| s.2);
            late_stays.reverse();
            let (first_number, first, first_end) = late_stays.get(1).cloned().unwrap();
            let (second_number, second, second_end) = late_stays.first().cloned().unwrap();
            let checkout_day = |at: DateTime<Utc>| days.iter().position(|d| at.with_timezone(&Chicago).date_naive().to_string() == *d).unwrap();
            for (number, visit, end, minutes, settle) in [(first_number, first, first_end, 45, "PAID"), (second_number, second, second_end, 65, "PAST_DUE")] {
                let at = (end + Duration::minutes(minutes) + Duration::seconds(30)).max(clock.now_utc());
                clock.set(at);
                let token = login(&app, "sam", "333333").await;
                let minutes = (at - end).num_minutes();
                let (_, board) = get(&app, &format!("/api/stays?q={number}"), Some(&token)).await;
                let open = board["stays"].as_array().unwrap().iter().find(|s| s["number"] == number).cloned().unwrap();
                let fee = open["late_fee_cents"].as_i64().unwrap();
                assert!(fee > 0, "{open}");
                let body = if settle == "PAID" { json!({ "late_fee": "PAID", "method": "CASH", "expected_late_fee_cents": fee }) } else { json!({ "late_fee": "PAST_DUE", "expected_late_fee_cents": fee }) };
                let (status, done) = post(&app, &format!("/api/stays/{visit}/checkout"), Some(&token), body).await;
                assert_eq!(status, 200, "{done}");
                assert_eq!((done["minutes_late"].as_i64(), done["fee_settlement"].as_str()), (Some(minutes), Some(settle)), "{done}");
                let fee = done["late_fee_cents"].as_i64().unwrap();
                if settle == "PAID" {
                    record(checkout_day(at), "LATE_FEE", "CASH", "NONE", fee);
                }
                late.insert(settle.to_owned(), (1i64, minutes, fee, checkout_day(at)));
                let (start, rental) = started[&visit];
                lengths.push((rental, (at - start).num_minutes()));
                ended.insert(visit.clone(), at);
            }

            let manager = manager(&app).await;
            let range = "from=2026-11-20&to=2026-11-24";

            let (status, report) = get(&app, &format!("/api/reports/visits?{range}"), Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            assert_eq!(report["total"], 12);
            let per_day: Vec<i64> = report["days"].as_array().unwrap().iter().map(|d| d["visits"].as_i64().unwrap()).collect();
            assert_eq!(per_day, visits.to_vec(), "{report}");
            assert_eq!(report["days"][0]["date"], "2026-11-20");
            let per_hour: Vec<i64> = report["hours"].as_array().unwrap().iter().map(|h| h["visits"].as_i64().unwrap()).collect();
            assert_eq!(per_hour, hours.to_vec());
            assert_eq!(total_line(&csv(&app, &format!("/api/reports/visits?{range}&format=csv"), &manager).await), ["TOTAL", "12"]);
            // one day alone, and the evening check-in stays on its Chicago day
            let (_, one) = get(&app, "/api/reports/visits?from=2026-11-21&to=2026-11-21", Some(&manager)).await;
            assert_eq!((one["total"].as_i64(), one["hours"][21]["visits"].as_i64()), (Some(4), Some(1)), "{one}");

            let (status, report) = get(&app, &format!("/api/reports/revenue?{range}"), Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            let total: (i64, i64) = by_method.values().fold((0, 0), |a, s| (a.0 + s.0, a.1 + s.1));
            assert_eq!((report["total"]["payments"].as_i64().unwrap(), report["total"]["cents"].as_i64().unwrap()), total, "{report}");
            assert_eq!(sums(&report["by_method"]), by_method);
            assert_eq!(sums(&report["by_purpose"]), by_purpose);
            assert_eq!(sums(&report["by_rental_type"]), by_rental, "{report}");
            let per_day_rental: i64 = report["days"].as_array().unwrap().iter().flat_map(|d| sums(&d["by_rental_type"]).into_values()).map(|s| s.1).sum();
            assert_eq!(per_day_rental, total.1, "each day's rental types sum to the total");
            for (d, expected) in by_day.iter().enumerate() {
                assert_eq!(sums(&report["days"][d]["by_purpose"]), *expected, "day {d}: {report}");
            }
            let cells = total_line(&csv(&app, &format!("/api/reports/revenue?{range}&format=csv"), &manager).await);
            assert_eq!(cells[3], total.0.to_string());
            assert_eq!(cells[4], format!("{}.{:02}", total.1 / 100, total.1 % 100));

            let (status, report) = get(&app, &format!("/api/reports/late_checkouts?{range}"), Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            assert_eq!(report["checkouts"], 2);
            for (settle, (count, minutes, fee, day)) in &late {
                let group = &report["by_settlement"][settle];
                assert_eq!((group["checkouts"].as_i64(), group["minutes_late"].as_i64(), group["fee_cents"].as_i64()), (Some(*count), Some(*minutes), Some(*fee)), "{report}");
                assert!(report["days"][*day]["total"]["checkouts"].as_i64().unwrap() >= 1);
            }
            let fees: i64 = late.values().map(|l| l.2).sum();
            let minutes: i64 = late.values().map(|l| l.1).sum();
            assert_eq!((report["total"]["checkouts"].as_i64(), report["total"]["minutes_late"].as_i64(), report["total"]["fee_cents"].as_i64()), (Some(2), Some(minutes), Some(fees)));
            // stay lengths: the two checked-out stays, start to checkout
            let (status, report) = get(&app, &format!("/api/reports/stay_length?{range}"), Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            let sum: i64 = lengths.iter().map(|l| l.1).sum();
            assert_eq!((report["total"]["stays"].as_i64(), report["total"]["total_minutes"].as_i64()), (Some(2), Some(sum)), "{report}");
            assert_eq!(report["total"]["average_minutes"].as_i64(), Some((sum + 1) / 2));
            for (rental, minutes) in &lengths {
                let group = &report["by_rental_type"][*rental];
                let expected: Vec<i64> = lengths.iter().filter(|l| l.0 == *rental).map(|l| l.1).collect();
                assert_eq!(group["stays"].as_i64(), Some(expected.len() as i64), "{report}");
                let band = [0, 120, 240, 360, 480, 720].iter().rposition(|from| minutes >= from).unwrap();
                assert!(group["bands"][band].as_i64().unwrap() >= 1, "{minutes} min in band {band}: {report}");
            }
            let cells = total_line(&csv(&app, &format!("/api/reports/stay_length?{range}&format=csv"), &manager).await);
            assert_eq!(cells[..3], ["TOTAL".to_owned(), "2".to_owned(), ((sum + 1) / 2).to_string()]);
            let cells = total_line(&csv(&app, &format!("/api/reports/late_checkouts?{range}&format=csv"), &manager).await);
            assert_eq!(cells, ["TOTAL".to_owned(), "2".into(), minutes.to_string(), fees.to_string()]);

            // occupancy: each stay from its signing to its checkout (open ones to now), per day and tier
            let now = clock.now_utc();
            let spans: Vec<(&str, DateTime<Utc>, DateTime<Utc>)> = started
                .iter()
                .map(|(visit, (start, rental))| (*rental, *start, ended.get(visit).copied().unwrap_or(now)))
                .collect();
            let (status, report) = get(&app, &format!("/api/reports/occupancy?{range}"), Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            let units = occupancy_units(db);
            let mut range_minutes: BTreeMap<&str, i64> = BTreeMap::new();
            for (d, day) in days.iter().enumerate() {
                let date: NaiveDate = day.parse().unwrap();
                let bounds = (chicago(day, 0, 0), chicago(&date.succ_opt().unwrap().to_string(), 0, 0));
                for tier in ["STANDARD", "DOUBLE", "SPECIAL", "LOCKER"] {
                    let mine: Vec<_> = spans.iter().filter(|s| s.0 == tier).map(|s| (s.1, s.2)).collect();
                    let (minutes, peak) = occupied(&mine, bounds);
                    *range_minutes.entry(tier).or_default() += minutes;
                    let got = &report["days"][d]["by_tier"][tier];
                    assert_eq!((got["occupied_minutes"].as_i64(), got["peak"].as_i64(), got["units"].as_i64()), (Some(minutes), Some(peak), Some(units[tier])), "{day} {tier}: {report}");
                    let percent = (2 * minutes * 100 + units[tier] * 1440).div_euclid(2 * units[tier] * 1440);
                    assert_eq!(got["percent"].as_i64(), Some(percent), "{day} {tier}");
                }
                let every: Vec<_> = spans.iter().map(|s| (s.1, s.2)).collect();
                assert_eq!(report["days"][d]["all"]["peak"].as_i64(), Some(occupied(&every, bounds).1), "{day}");
            }
            assert!(range_minutes["LOCKER"] > 0 && range_minutes["DOUBLE"] > 0 && range_minutes["SPECIAL"] == 0, "{range_minutes:?}");
            for (tier, minutes) in &range_minutes {
                assert_eq!(report["by_tier"][*tier]["occupied_minutes"].as_i64(), Some(*minutes), "{tier}");
            }
            let all: i64 = range_minutes.values().sum();
            assert_eq!(report["all"]["occupied_minutes"].as_i64(), Some(all));
            let cells = total_line(&csv(&app, &format!("/api/reports/occupancy?{range}&format=csv"), &manager).await);
            assert_eq!(cells[..4], ["TOTAL".to_owned(), String::new(), units.values().sum::<i64>().to_string(), all.to_string()]);

            let (status, report) = get(&app, &format!("/api/reports/signatures?{range}"), Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            assert_eq!(report["total"], 13, "twelve check-ins and a renewal: {report}");
            let counted: BTreeMap<String, i64> =
                report["groups"].as_array().unwrap().iter().map(|g| (g["language"].as_str().unwrap().to_owned(), g["signatures"].as_i64().unwrap())).collect();
            assert_eq!(counted, languages, "{report}");
            assert!(report["groups"].as_array().unwrap().iter().all(|g| g["agreement_version"].as_i64().is_some()));
            assert_eq!(total_line(&csv(&app, &format!("/api/reports/signatures?{range}&format=csv"), &manager).await).last().unwrap(), "13");

            // a range before any activity counts nothing
            let (_, empty) = get(&app, "/api/reports/revenue?from=2026-10-01&to=2026-10-31", Some(&manager)).await;
            assert_eq!((empty["total"]["cents"].as_i64(), empty["days"].as_array().unwrap().len()), (Some(0), 31));
        })
    }
);

both_backends!(
    fn bad_ranges_unknown_reports_and_non_managers_are_refused(db) {
        block_on(async {
            let (app, _clock) = demo_app(db).await;
            let manager = manager(&app).await;
            for (query, field) in [
                ("to=2026-11-20", "from"),
                ("from=2026-11-20", "to"),
                ("from=20-11-2026&to=2026-11-20", "from"),
                ("from=2026-11-20&to=2026-11-19", "to"),
                ("from=2026-01-01&to=2027-02-05", "to"),
                ("from=2026-11-20&to=2026-11-20&format=xlsx", "format"),
            ] {
                let (status, refused) = get(&app, &format!("/api/reports/visits?{query}"), Some(&manager)).await;
                assert_eq!((status, refused["error"]["code"].as_str()), (400, Some("VALIDATION_FAILED")), "{query}: {refused}");
                assert_eq!(refused["error"]["details"]["field"], field, "{query}: {refused}");
            }
            let (status, _) = get(&app, "/api/reports/visits?from=2026-01-01&to=2027-02-04", Some(&manager)).await;
            assert_eq!(status, 200, "400 days are fine");
            let (status, missing) = get(&app, "/api/reports/payroll?from=2026-11-20&to=2026-11-20", Some(&manager)).await;
            assert_eq!((status, missing["error"]["code"].as_str()), (404, Some("NOT_FOUND")), "{missing}");
            let staff = login(&app, "alex", "222222").await;
            let (status, _) = get(&app, "/api/reports/visits?from=2026-11-20&to=2026-11-20", Some(&staff)).await;
            assert_eq!(status, 403);
            let (status, _) = get(&app, "/api/reports/visits?from=2026-11-20&to=2026-11-20", None).await;
            assert_eq!(status, 401);
        })
    }
);

both_backends!(
    fn cleaning_times_are_per_employee_who_marked_the_unit_clean(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let (alex, sam) = (login(&app, "alex", "222222").await, login(&app, "sam", "333333").await);
            let rooms: Vec<String> = frontdesk::db::schema::rooms::table
                .filter(frontdesk::db::schema::rooms::status.eq("CLEAN"))
                .order(frontdesk::db::schema::rooms::number)
                .select(frontdesk::db::schema::rooms::number)
                .limit(3)
                .load(&mut db.conn())
                .unwrap();
            let set = |token: String, number: String, status: &'static str| {
                let app = &app;
                async move {
                    let body = json!({ "units": [{ "kind": "ROOM", "number": number }], "status": status });
                    let (code, outcome) = post(app, "/api/inventory/status", Some(&token), body).await;
                    assert_eq!((code, outcome["changed"].as_array().map(Vec::len)), (200, Some(1)), "{outcome}");
                }
            };
            // alex cleans the first in 25 minutes; sam the second in 40; alex starts the third
            // and sam finishes it 30 minutes later (sam's); then the first is made dirty, started
            // again and left dirty: no cleaning
            set(alex.clone(), rooms[0].clone(), "CLEANING").await;
            clock.advance(Duration::minutes(25));
            set(alex.clone(), rooms[0].clone(), "CLEAN").await;
            set(sam.clone(), rooms[1].clone(), "CLEANING").await;
            set(alex.clone(), rooms[2].clone(), "CLEANING").await;
            clock.advance(Duration::minutes(30));
            set(sam.clone(), rooms[2].clone(), "CLEAN").await;
            clock.advance(Duration::minutes(10));
            set(sam.clone(), rooms[1].clone(), "CLEAN").await;
            set(alex.clone(), rooms[0].clone(), "DIRTY").await;
            set(alex.clone(), rooms[0].clone(), "CLEANING").await;
            set(alex.clone(), rooms[0].clone(), "DIRTY").await;

            let manager = manager(&app).await;
            let (status, report) = get(&app, "/api/reports/cleaning?from=2026-11-20&to=2026-11-20", Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            let by: Vec<(String, i64, i64, i64)> = report["by_staff"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["staff_name"].as_str().unwrap().to_owned(), c["cleanings"].as_i64().unwrap(), c["total_minutes"].as_i64().unwrap(), c["average_minutes"].as_i64().unwrap()))
                .collect();
            assert_eq!(by, [("Alex Staff".to_owned(), 1, 25, 25), ("Sam Staff".to_owned(), 2, 70, 35)], "{report}");
            assert_eq!((report["total"]["cleanings"].as_i64(), report["total"]["total_minutes"].as_i64()), (Some(3), Some(95)));
            let cells = total_line(&csv(&app, "/api/reports/cleaning?from=2026-11-20&to=2026-11-20&format=csv", &manager).await);
            assert_eq!(cells, ["TOTAL", "3", "95", "32", "0"]);
            // the next day had none
            let (_, next) = get(&app, "/api/reports/cleaning?from=2026-11-21&to=2026-11-21", Some(&manager)).await;
            assert_eq!(next["total"]["cleanings"], 0);
        })
    }
);

both_backends!(
    fn waitlist_demand_offers_and_upgrades_per_tier(db) {
        block_on(async {
            use frontdesk::db::ids::VisitId;
            use frontdesk::db::schema::{checkin_blocks, rooms};
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            // Dana takes 216, the other doubles are dirty: two customers wait for a double
            let (_, dana) = check_in(&app, &desk, "Dana Double", "DOUBLE", "EN").await;
            assert_eq!(dana["number"], "216");
            mark(&app, &desk.register, &["218", "225", "252", "262"], "DIRTY").await;
            wait_for(&app, &desk, "Ann Standard", "DOUBLE", "STANDARD").await;
            clock.advance(Duration::minutes(1));
            wait_for(&app, &desk, "Bob Locker", "DOUBLE", "LOCKER").await;
            let list = entries(&app, &desk.register).await;
            let ids: Vec<String> = list.iter().map(|e| e["id"].as_str().unwrap().to_owned()).collect();
            assert_eq!(ids.len(), 2, "{list:?}");
            // Dana leaves; 216 is cleaned and offered to Ann, who accepts and pays by card
            let room: frontdesk::db::ids::RoomId = rooms::table.filter(rooms::number.eq("216")).select(rooms::id).first(&mut db.conn()).unwrap();
            let visit: VisitId = checkin_blocks::table.filter(checkin_blocks::room_id.eq(room)).select(checkin_blocks::visit_id).first(&mut db.conn()).unwrap();
            assert_eq!(post(&app, &format!("/api/stays/{visit}/checkout"), Some(&desk.register), json!({})).await.0, 200);
            mark(&app, &desk.register, &["216"], "CLEANING").await;
            mark(&app, &desk.register, &["216"], "CLEAN").await;
            let (status, offered) = post(&app, &format!("/api/waitlist/{}/offer", ids[0]), Some(&desk.register), json!({ "number": "216" })).await;
            assert_eq!(status, 200, "{offered}");
            let (status, accepted) = post(&app, &format!("/api/waitlist/{}/accept", ids[0]), Some(&desk.register), json!({})).await;
            assert_eq!(status, 200, "{accepted}");
            let fee = accepted["amount_cents"].as_i64().unwrap();
            let pay = json!({ "payment_intent_id": accepted["payment_intent_id"], "method": "CARD" });
            let (status, paid) = post(&app, &format!("/api/waitlist/{}/pay", ids[0]), Some(&desk.register), pay).await;
            assert_eq!((status, paid["status"].as_str()), (200, Some("COMPLETED")), "{paid}");
            // Bob is taken off the list
            step_up(&app, &desk.register, "222222").await;
            let (status, cancelled) = post(&app, &format!("/api/waitlist/{}/cancel", ids[1]), Some(&desk.register), json!({ "reason": "went home" })).await;
            assert_eq!(status, 200, "{cancelled}");

            let manager = manager(&app).await;
            let (status, report) = get(&app, "/api/reports/waitlist?from=2026-11-20&to=2026-11-21", Some(&manager)).await;
            assert_eq!(status, 200, "{report}");
            let figures = |d: &Value| ["created", "offered", "completed", "cancelled", "expired", "waiting", "conversion_percent"].map(|k| d[k].as_i64().unwrap());
            assert_eq!(figures(&report["by_tier"]["DOUBLE"]), [2, 1, 1, 1, 0, 0, 50], "{report}");
            assert_eq!(figures(&report["total"]), [2, 1, 1, 1, 0, 0, 50]);
            assert_eq!(report["by_tier"].as_object().unwrap().len(), 1, "only doubles were waited for");
            let created: Vec<i64> = report["days"].as_array().unwrap().iter().map(|d| d["created"].as_i64().unwrap()).collect();
            assert_eq!(created, [2, 0]);
            let cells = total_line(&csv(&app, "/api/reports/waitlist?from=2026-11-20&to=2026-11-21&format=csv", &manager).await);
            assert_eq!(cells, ["TOTAL", "2", "1", "1", "1", "0", "0", "50"]);
            // the next day had none
            let (_, next) = get(&app, "/api/reports/waitlist?from=2026-11-21&to=2026-11-21", Some(&manager)).await;
            assert_eq!(next["total"]["created"], 0);

            // revenue by rental type: the upgrade bought a double, like Dana's check-in; Ann's
            // check-in a standard room, Bob's a locker
            let (_, revenue) = get(&app, "/api/reports/revenue?from=2026-11-20&to=2026-11-20", Some(&manager)).await;
            let by_rental = sums(&revenue["by_rental_type"]);
            assert_eq!(by_rental.keys().collect::<Vec<_>>(), ["DOUBLE", "LOCKER", "STANDARD"], "{revenue}");
            assert_eq!(by_rental["DOUBLE"].0, 2, "{revenue}");
            assert_eq!((by_rental["STANDARD"].0, by_rental["LOCKER"].0), (1, 1));
            assert_eq!(sums(&revenue["by_purpose"])["UPGRADE"], (1, fee));
            let checkin_double: i64 = payment_intents::table
                .filter(payment_intents::purpose.eq("CHECKIN"))
                .filter(payment_intents::status.eq("PAID"))
                .select(payment_intents::amount_cents)
                .order(payment_intents::paid_at)
                .first(&mut db.conn())
                .unwrap();
            assert_eq!(by_rental["DOUBLE"].1, checkin_double + fee, "Dana's check-in (the first paid) and the upgrade");
        })
    }
);
