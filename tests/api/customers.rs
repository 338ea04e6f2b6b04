//! Correcting a customer by hand (`POST /api/customers/{id}/corrections`): the row, the
//! `CUSTOMER_CORRECTED` audit row, the ID scan still finding them, refusals naming their
//! field and changing nothing; and the name search taking "Last, First".

use diesel::prelude::*;
use frontdesk::db::ids::CustomerId;
use frontdesk::db::schema::{audit_events, customers, lanes};
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::support::{TestDb, fixtures as fx};

type Row = (String, Option<chrono::NaiveDate>, Option<String>, Option<String>, Option<String>);
type AuditRow = (Option<String>, Option<String>, String, Option<String>, String);

/// Every customer's correctable fields and lookup hashes, and the audit count.
fn snapshot(db: &TestDb) -> (Vec<Row>, i64) {
    let c = &mut db.conn();
    let rows = customers::table
        .order(customers::id)
        .select((customers::name, customers::dob, customers::membership_number, customers::id_scan_hash, customers::id_number_hash))
        .load(c)
        .unwrap();
    (rows, audit_events::table.count().get_result(c).unwrap())
}

/// A Texas-style licence for an invented person.
fn scan(first: &str, last: &str, dob: &str) -> String {
    format!(
        "@\n\u{1e}\rANSI 636015090002DL00410278ZT03190007DLDAQ40005678\nDCS{last}\nDAC{first}\nDBB{dob}\nDBA04022031\nDAJTX\nDCF0000000000000000\n"
    )
}

fn path(id: &Value) -> String {
    format!("/api/customers/{}/corrections", id.as_str().unwrap())
}

async fn at_lane_1<S, B>(app: &S) -> String
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let register = login(app, "alex", "222222").await;
    assert_eq!(sign_in_register(app, &register, "lane-1", "register-1").await.0, 200);
    register
}

both_backends!(
    fn a_correction_is_audited_and_the_same_id_still_finds_the_customer(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = at_lane_1(&app).await;
            let licence = scan("JAIME", "QUINTERRO", "04021990");
            let (status, created) = post(&app, "/api/customers", Some(&register), json!({ "scan": licence })).await;
            assert_eq!(status, 201, "{created}");
            let hashes_before = snapshot(db).0.into_iter().find(|r| r.0 == "Jaime Quinterro").map(|r| (r.3, r.4)).unwrap();

            let fix = json!({ "name": "Jaime Quintero", "dob": "1990-04-03", "membership_number": "M-4477", "reason": "misspelt on the ID" });
            let (status, answer) = post(&app, &path(&created["id"]), Some(&register), fix).await;
            assert_eq!(status, 200, "{answer}");
            assert_eq!(answer["changed"], json!(["name", "dob", "membership_number"]));
            assert_eq!((answer["customer"]["name"].as_str(), answer["customer"]["dob"].as_str()), (Some("Jaime Quintero"), Some("1990-04-03")));
            assert_eq!((answer["customer"]["membership_number"].as_str(), &answer["underage"]), (Some("M-4477"), &json!(false)));

            let conn = &mut db.conn();
            let id: CustomerId = serde_json::from_value(created["id"].clone()).unwrap();
            let row: Row = customers::table
                .find(id)
                .select((customers::name, customers::dob, customers::membership_number, customers::id_scan_hash, customers::id_number_hash))
                .first(conn)
                .unwrap();
            assert_eq!((row.0.as_str(), row.1, row.2.as_deref()), ("Jaime Quintero", chrono::NaiveDate::from_ymd_opt(1990, 4, 3), Some("M-4477")));
            assert_eq!((row.3, row.4), hashes_before, "the scan's lookup hashes are kept");
            let audit: Vec<AuditRow> = audit_events::table
                .filter(audit_events::action.eq("CUSTOMER_CORRECTED"))
                .select((audit_events::lane_id, audit_events::entity_id, audit_events::summary_json, audit_events::reason, audit_events::actor_type))
                .load(conn)
                .unwrap();
            assert_eq!(audit.len(), 1);
            let (lane, entity, summary, reason, actor) = audit[0].clone();
            assert_eq!((lane.as_deref(), entity, reason.as_deref(), actor.as_str()), (Some("lane-1"), created["id"].as_str().map(str::to_owned), Some("misspelt on the ID"), "STAFF"));
            let summary: Value = serde_json::from_str(&summary).unwrap();
            assert_eq!(summary["name"], json!({ "before": "Jaime Quinterro", "after": "Jaime Quintero" }));
            assert_eq!(summary["dob"], json!({ "before": "1990-04-02", "after": "1990-04-03" }));
            assert_eq!(summary["membership_number"], json!({ "before": null, "after": "M-4477" }));

            // the same card, scanned again, finds the corrected customer, not a new one
            let (status, found) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": licence })).await;
            assert_eq!(status, 200, "{found}");
            assert_eq!((found["result"].as_str(), found["identity_method"].as_str()), (Some("MATCHED"), Some("ID_SCAN")));
            assert_eq!((&found["customer"]["id"], found["customer"]["name"].as_str()), (&created["id"], Some("Jaime Quintero")));
            let customers_now: i64 = customers::table.count().get_result(conn).unwrap();
            assert_eq!(snapshot(db).0.len() as i64, customers_now);
            let (_, chain) = get(&app, "/api/audit/verify", Some(&manager(&app).await)).await;
            assert_eq!(chain["status"], "intact", "{chain}");
        })
    }
);

both_backends!(
    fn bad_corrections_name_their_field_and_change_nothing(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = at_lane_1(&app).await;
            let (_, marisol) = post(&app, "/api/customers", Some(&register), json!({ "name": "Marisol Rivera", "dob": "1990-03-14", "membership_number": "M-1" })).await;
            let (_, other) = post(&app, "/api/customers", Some(&register), json!({ "name": "Otto Other", "membership_number": "M-2" })).await;
            let url = path(&marisol["id"]);
            let long = "a".repeat(201);
            let cases: Vec<(Value, u16, &str, Option<&str>)> = vec![
                (json!({ "name": "", "reason": "typo" }), 400, "VALIDATION_FAILED", Some("name")),
                (json!({ "name": long, "reason": "typo" }), 400, "VALIDATION_FAILED", Some("name")),
                (json!({ "name": "Ana\u{202e}Evil", "reason": "typo" }), 400, "VALIDATION_FAILED", Some("name")),
                (json!({ "dob": "2099-01-01", "reason": "typo" }), 400, "VALIDATION_FAILED", Some("dob")),
                (json!({ "dob": "1899-12-31", "reason": "typo" }), 400, "VALIDATION_FAILED", Some("dob")),
                (json!({ "dob": "14/03/1990", "reason": "typo" }), 400, "VALIDATION_FAILED", Some("dob")),
                (json!({ "membership_number": "9".repeat(51), "reason": "typo" }), 400, "VALIDATION_FAILED", Some("membership_number")),
                (json!({ "name": "Marisol Rivers", "reason": "ok" }), 400, "VALIDATION_FAILED", Some("reason")),
                (json!({ "name": "Marisol Rivers", "reason": "typo", "banned_until": null }), 400, "VALIDATION_FAILED", Some("banned_until")),
                (json!({ "name": "Marisol Rivers" }), 400, "INVALID_JSON", None),
                (json!({ "reason": "nothing given" }), 400, "NO_CHANGE", None),
                (json!({ "name": "Marisol Rivera", "dob": "1990-03-14", "membership_number": "M-1", "reason": "same" }), 400, "NO_CHANGE", None),
                (json!({ "name": "  Marisol Rivera ", "reason": "same after trimming" }), 400, "NO_CHANGE", None),
                (json!({ "membership_number": "M-2", "reason": "typo" }), 409, "MEMBERSHIP_NUMBER_TAKEN", Some("membership_number")),
            ];
            for (body, status, code, field) in cases {
                let before = snapshot(db);
                let (got, answer) = post(&app, &url, Some(&register), body.clone()).await;
                assert_eq!((got, answer["error"]["code"].as_str()), (status, Some(code)), "{body}: {answer}");
                assert_eq!(answer["error"]["details"]["field"].as_str(), field, "{body}: {answer}");
                assert!(answer["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
                assert_eq!(snapshot(db), before, "{body} changed nothing");
            }
            let fix = json!({ "name": "Marisol Rivers", "reason": "typo" });
            let unknown = format!("/api/customers/{}/corrections", uuid::Uuid::now_v7());
            let (status, answer) = post(&app, &unknown, Some(&register), fix.clone()).await;
            assert_eq!((status, answer["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
            let (status, answer) = post(&app, "/api/customers/not-a-uuid/corrections", Some(&register), fix.clone()).await;
            assert_eq!((status, answer["error"]["code"].as_str()), (400, Some("INVALID_PATH")));
            // staff not at a register may not; a manager may from the back office
            let sam = login(&app, "sam", "333333").await;
            let (status, answer) = post(&app, &url, Some(&sam), fix.clone()).await;
            assert_eq!((status, answer["error"]["code"].as_str()), (403, Some("REGISTER_REQUIRED")));
            let boss = login(&app, "manager", "111111").await;
            let (status, answer) = post(&app, &url, Some(&boss), fix.clone()).await;
            assert_eq!((status, answer["changed"].clone()), (200, json!(["name"])), "{answer}");
            let lane: Option<String> = audit_events::table
                .filter(audit_events::action.eq("CUSTOMER_CORRECTED"))
                .select(audit_events::lane_id)
                .first(&mut db.conn())
                .unwrap();
            assert_eq!(lane, None, "a manager in the back office is at no lane");
            // an empty membership number removes it; the other customer keeps theirs
            let (status, answer) = post(&app, &url, Some(&register), json!({ "membership_number": "", "reason": "card lost" })).await;
            assert_eq!((status, &answer["customer"]["membership_number"]), (200, &Value::Null), "{answer}");
            let (_, hits) = get(&app, "/api/customers?q=M-2", Some(&register)).await;
            assert_eq!(hits[0]["id"], other["id"]);
        })
    }
);

both_backends!(
    fn a_banned_customer_can_be_corrected_and_a_corrected_minor_is_refused_at_start(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = at_lane_1(&app).await;
            let banned = fx::customer(&mut db.conn(), "Bo Banned");
            let until = fx::at(60 * 24 * 10);
            diesel::update(customers::table.find(banned)).set(customers::banned_until.eq(until)).execute(&mut db.conn()).unwrap();
            let (status, answer) = post(&app, &path(&json!(banned)), Some(&register), json!({ "name": "Beau Banned", "reason": "spelling" })).await;
            assert_eq!(status, 200, "{answer}");
            assert!(answer["customer"]["banned_until"].is_string(), "the ban stays");
            let kept: Option<frontdesk::db::sql_types::Ts> = customers::table.find(banned).select(customers::banned_until).first(&mut db.conn()).unwrap();
            assert_eq!(kept, Some(until));

            let (_, kid) = post(&app, "/api/customers", Some(&register), json!({ "name": "Kim Young", "dob": "1999-05-01" })).await;
            let (status, answer) = post(&app, &path(&kid["id"]), Some(&register), json!({ "dob": "2009-05-01", "reason": "year mistyped" })).await;
            assert_eq!((status, &answer["underage"]), (200, &json!(true)), "{answer}");
            let (status, refused) = post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": kid["id"] })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (403, Some("UNDERAGE")));
        })
    }
);

both_backends!(
    fn a_correction_during_a_check_in_moves_the_lane_so_both_screens_show_it(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = at_lane_1(&app).await;
            let (_, jo) = post(&app, "/api/customers", Some(&register), json!({ "name": "Jo Smyth", "dob": "1980-01-01" })).await;
            let (status, started) = post(&app, "/api/lanes/lane-1/sessions", Some(&register), json!({ "customer_id": jo["id"] })).await;
            assert_eq!(status, 201, "{started}");
            let rev: i64 = lanes::table.find("lane-1").select(lanes::rev).first(&mut db.conn()).unwrap();
            let (status, _) = post(&app, &path(&jo["id"]), Some(&register), json!({ "name": "Jo Smith", "reason": "spelling" })).await;
            assert_eq!(status, 200);
            let after: i64 = lanes::table.find("lane-1").select(lanes::rev).first(&mut db.conn()).unwrap();
            assert_eq!(after, rev + 1);
            let (_, view) = get(&app, "/api/lanes/lane-1/view", Some(&register)).await;
            assert!(view.to_string().contains("Jo Smith") && !view.to_string().contains("Jo Smyth"), "{view}");
        })
    }
);

both_backends!(
    fn the_name_search_takes_last_comma_first_and_any_order(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = at_lane_1(&app).await;
            let (_, marisol) = post(&app, "/api/customers", Some(&register), json!({ "name": "Marisol Rivera" })).await;
            post(&app, "/api/customers", Some(&register), json!({ "name": "Mario Rivas" })).await;
            for q in ["Rivera, Marisol", "marisol rivera", "RIVERA MARISOL", "rivera,marisol", "  Rivera ,  Mari ", "Marisol"] {
                let (status, hits) = get(&app, &format!("/api/customers?q={}", urlencoding(q)), Some(&register)).await;
                assert_eq!(status, 200, "{q}: {hits}");
                let ids: Vec<&Value> = hits.as_array().unwrap().iter().map(|h| &h["id"]).collect();
                assert_eq!(ids, vec![&marisol["id"]], "{q}");
            }
            let (_, hits) = get(&app, "/api/customers?q=Riv", Some(&register)).await;
            assert_eq!(hits.as_array().unwrap().len(), 2);
            let (_, hits) = get(&app, &format!("/api/customers?q={}", urlencoding("Rivera, Mario")), Some(&register)).await;
            assert_eq!(hits.as_array().unwrap().len(), 0);
            let (status, answer) = get(&app, &format!("/api/customers?q={}", urlencoding(" , ")), Some(&register)).await;
            assert_eq!((status, answer["error"]["details"]["field"].as_str()), (400, Some("q")));
        })
    }
);

fn urlencoding(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
