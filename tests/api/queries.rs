//! How many statements each step of a check-in sends to the database (issue 13), counted with
//! diesel's instrumentation on the test's own connections: a ceiling per step, so that a
//! change that adds queries to the hot path fails here rather than on a busy Saturday. The
//! counts are printed (`--nocapture`) for docs/performance.md; they are statements and
//! transaction commands (round trips), not time.

use std::collections::HashMap;
use std::sync::{Mutex, Once};

use diesel::connection::{Instrumentation, InstrumentationEvent, set_default_instrumentation};
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::desk;
use crate::support::TestDb;

/// Statements and transaction commands per database (keyed by what the connection was opened
/// with: the URL, or the file path for SQLite).
static COUNTS: Mutex<Option<HashMap<String, (u64, u64)>>> = Mutex::new(None);

/// Statements prepared and put in a connection's statement cache, per database: the SQL text
/// of each (diesel's `CacheQuery` event; a statement it will not cache sends none).
static CACHED: Mutex<Option<HashMap<String, Vec<String>>>> = Mutex::new(None);

#[derive(Default)]
struct Counter {
    key: String,
}

impl Instrumentation for Counter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        let (statements, transactions) = match event {
            InstrumentationEvent::StartEstablishConnection { url, .. } => {
                self.key = url.to_owned();
                return;
            }
            InstrumentationEvent::StartQuery { query, .. } => {
                if std::env::var_os("SHOW_QUERIES").is_some() {
                    println!("    sql: {}", query);
                }
                (1, 0)
            }
            InstrumentationEvent::CacheQuery { sql, .. } => {
                let mut cached = CACHED.lock().unwrap();
                cached.get_or_insert_with(HashMap::new).entry(self.key.clone()).or_default().push(sql.to_owned());
                return;
            }
            InstrumentationEvent::BeginTransaction { .. } | InstrumentationEvent::CommitTransaction { .. } => (0, 1),
            InstrumentationEvent::RollbackTransaction { .. } => (0, 1),
            _ => return,
        };
        let mut counts = COUNTS.lock().unwrap();
        let entry = counts.get_or_insert_with(HashMap::new).entry(self.key.clone()).or_default();
        entry.0 += statements;
        entry.1 += transactions;
    }
}

fn counter() -> Option<Box<dyn Instrumentation>> {
    Some(Box::new(Counter::default()))
}

fn install_counter() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| set_default_instrumentation(counter).unwrap());
}

/// The SQL of every statement cached so far on `db`'s connections.
fn cached(db: &TestDb) -> Vec<String> {
    let cached = CACHED.lock().unwrap();
    cached
        .iter()
        .flat_map(HashMap::iter)
        .filter(|(key, _)| !key.is_empty() && db.url.contains(key.as_str()))
        .flat_map(|(_, sql)| sql.clone())
        .collect()
}

/// `(statements, transaction commands)` sent to `db` so far.
fn sent(db: &TestDb) -> (u64, u64) {
    let counts = COUNTS.lock().unwrap();
    counts
        .iter()
        .flat_map(HashMap::iter)
        .filter(|(key, _)| !key.is_empty() && db.url.contains(key.as_str()))
        .fold((0, 0), |acc, (_, c)| (acc.0 + c.0, acc.1 + c.1))
}

/// The ceiling of statements per step, both backends: PostgreSQL's counts are the higher, by its
/// `pg_notify` per command and the `SELECT 1` that checks a pooled connection on checkout
/// (measured 2026-12-03: docs/performance.md; the ceilings leave two or three statements).
const CEILINGS: [(&str, u64); 10] = [
    ("create customer", 17),
    ("start", 22),
    ("language", 19),
    ("propose", 18),
    ("confirm", 36),
    ("payment", 25),
    ("agreement-shown", 23),
    ("sign", 37),
    ("acknowledge", 20),
    ("close", 17),
];

both_backends!(
    fn every_step_of_a_check_in_stays_under_its_query_ceiling(db) {
        install_counter();
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let (register, kiosk) = (Some(desk.register.as_str()), Some(desk.kiosk.as_str()));
            let mut report = Vec::new();
            let mut step = async |name: &'static str, path: &str, token: Option<&str>, body: Value| {
                if std::env::var_os("SHOW_QUERIES").is_some() {
                    println!("  -- {name}");
                }
                let before = sent(db);
                let (status, answer) = post(&app, path, token, body).await;
                assert!(status == 200 || status == 201, "{name}: {status} {answer}");
                let after = sent(db);
                report.push((name, after.0 - before.0, after.1 - before.1));
                answer
            };
            let customer = step("create customer", "/api/customers", register, json!({ "name": "Quinn Count" })).await;
            let lane = |s: &str| format!("/api/lanes/lane-1/{s}");
            step("start", &lane("sessions"), register, json!({ "customer_id": customer["id"] })).await;
            step("language", &lane("session/language"), kiosk, json!({ "language": "EN" })).await;
            step("propose", &lane("session/propose"), kiosk, json!({ "rental_type": "LOCKER" })).await;
            step("confirm", &lane("session/confirm"), kiosk, json!({})).await;
            step("payment", &lane("session/payment"), register, json!({ "method": "CASH" })).await;
            let (_, view) = get(&app, &lane("view"), kiosk).await;
            step("agreement-shown", &lane("session/agreement-shown"), kiosk, json!({})).await;
            let sign = json!({ "agreement_id": view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
            step("sign", &lane("session/sign"), kiosk, sign).await;
            step("acknowledge", &lane("session/acknowledge"), kiosk, json!({})).await;
            step("close", &lane("session/close"), register, json!({})).await;
            let total: u64 = report.iter().map(|(_, statements, _)| statements).sum();
            println!("statements per step ({:?}), total {total}:", db.backend);
            for ((name, statements, transactions), (ceiling_name, ceiling)) in report.iter().zip(CEILINGS) {
                println!("  {name:<16} {statements:>3} statements, {transactions:>2} transaction commands");
                assert_eq!(*name, ceiling_name);
                assert!(statements <= &ceiling, "{name}: {statements} statements, more than its ceiling of {ceiling}");
            }
        })
    }
);

both_backends!(
    fn a_second_check_in_prepares_no_statement_anew(db) {
        // The hot UPDATEs are kept prepared under their SQL text (`db::cached::Reusable`) and
        // the statement cache's keys do not grow with the data: after one check-in, the next
        // one finds every cacheable statement already prepared.
        install_counter();
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            crate::counter::check_in(&app, &desk, "Riley First", "LOCKER", "EN").await;
            let first = cached(db);
            let session_update = first.iter().any(|sql| sql.starts_with("UPDATE") && sql.contains("lane_sessions") && sql.contains("version"));
            assert!(session_update, "the session's versioned UPDATE is kept prepared: {first:#?}");
            crate::counter::check_in(&app, &desk, "Riley Second", "LOCKER", "EN").await;
            let second = cached(db);
            let new: Vec<&String> = second.iter().filter(|sql| !first.contains(sql)).collect();
            assert!(new.is_empty(), "the second check-in prepared {} statement(s) anew: {new:#?}", new.len());
        })
    }
);
