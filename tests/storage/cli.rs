//! The first-run commands of a real club, backup, and connection errors, through the binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use diesel::prelude::*;
use frontdesk::db::BackendKind;
use frontdesk::db::schema::{audit_events, lanes, lockers, rooms, staff};

use crate::both_backends;
use crate::support::TestDb;

fn cmd(url: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn frontdesk");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

both_backends!(
    fn a_real_club_is_set_up_from_the_command_line(db) {
        let url = &db.url;
        let out = cmd(url, &["staff", "add", "--role", "manager", "--login", "kim", "--name", "Kim Lee"], "246810\n");
        assert!(out.status.success(), "{}", text(&out));
        assert!(!text(&out).contains("246810"), "the PIN must not be echoed");
        let bad_pin = cmd(url, &["staff", "add", "--login", "lou", "--name", "Lou"], "12ab56\n");
        assert!(!bad_pin.status.success());
        assert!(text(&bad_pin).contains("6 digits"));

        assert!(cmd(url, &["lanes", "add", "lane-3"], "").status.success());
        assert!(text(&cmd(url, &["lanes", "add", "counter-a"], "")).contains("lane-1"));

        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("inventory.csv");
        std::fs::write(&good, "kind,number,tier\nroom,101,STANDARD\nroom,102,double\nlocker,001,\n").unwrap();
        let out = cmd(url, &["inventory", "import", good.to_str().unwrap()], "");
        assert!(text(&out).contains("imported 2 room(s) and 1 locker(s)"), "{}", text(&out));
        // a duplicate number refuses the whole file
        let dup = dir.path().join("dup.csv");
        std::fs::write(&dup, "kind,number,tier\nroom,103,STANDARD\nroom,101,SPECIAL\n").unwrap();
        assert!(!cmd(url, &["inventory", "import", dup.to_str().unwrap()], "").status.success());

        let conn = &mut db.conn();
        let pin_hash: String = staff::table.filter(staff::login.eq("kim")).select(staff::pin_hash).first(conn).unwrap();
        assert!(pin_hash.starts_with("$argon2id$"));
        assert_eq!(lanes::table.select(lanes::id).load::<String>(conn).unwrap(), ["lane-3"]);
        assert_eq!(rooms::table.count().get_result::<i64>(conn).unwrap(), 2);
        assert_eq!(lockers::table.count().get_result::<i64>(conn).unwrap(), 1);
        let actions: Vec<String> = audit_events::table.order(audit_events::seq).select(audit_events::action).load(conn).unwrap();
        assert_eq!(actions, ["STAFF_CREATED", "LANE_CREATED", "INVENTORY_IMPORTED"]);
        assert!(text(&cmd(url, &["audit", "verify"], "")).contains("intact (3 events)"));
    }
);

both_backends!(
    fn the_demo_never_joins_a_club_being_set_up(db) {
        assert!(cmd(&db.url, &["staff", "add", "--role", "MANAGER", "--login", "kim", "--name", "Kim"], "135790\n").status.success());
        let out = cmd(&db.url, &["seed", "--demo"], "");
        assert!(text(&out).contains("nothing changed"), "{}", text(&out));
        let conn = &mut db.conn();
        assert_eq!(staff::table.count().get_result::<i64>(conn).unwrap(), 1);
        assert_eq!(lanes::table.count().get_result::<i64>(conn).unwrap(), 0);
    }
);

both_backends!(
    fn backup_copies_sqlite_and_explains_pg_dump(db) {
        assert!(cmd(&db.url, &["seed", "--demo"], "").status.success());
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("backup.db");
        let out = cmd(&db.url, &["backup", target.to_str().unwrap()], "");
        assert!(out.status.success(), "{}", text(&out));
        match db.backend {
            BackendKind::Sqlite => {
                let mut conn = frontdesk::db::pool::establish(&format!("sqlite://{}", target.display())).unwrap();
                assert_eq!(rooms::table.count().get_result::<i64>(&mut conn).unwrap(), 55);
            }
            BackendKind::Postgres => {
                assert!(text(&out).contains("pg_dump --format=custom"));
                assert!(!target.exists());
            }
        }
        // an existing file is never overwritten
        std::fs::write(dir.path().join("taken"), "x").unwrap();
        assert!(!cmd(&db.url, &["backup", dir.path().join("taken").to_str().unwrap()], "").status.success());
    }
);

#[test]
fn connection_errors_name_the_real_cause() {
    let refused = cmd("postgres://postgres@127.0.0.1:1/frontdesk", &["migrate"], "");
    assert!(!refused.status.success());
    assert!(text(&refused).contains("Connection refused"), "{}", text(&refused));
    let scheme = cmd("mysql://localhost/x", &["migrate"], "");
    assert!(text(&scheme).contains("must start with sqlite:// or postgres://"));
    let hidden = cmd("postgres://fd:s3cret@127.0.0.1:1/frontdesk", &["migrate"], "");
    assert!(!text(&hidden).contains("s3cret") && text(&hidden).contains("fd:***@"), "{}", text(&hidden));
}

#[test]
fn sqlite_connections_enforce_foreign_keys_with_wal_and_a_busy_timeout() {
    #[derive(QueryableByName)]
    struct Pragma {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let db = TestDb::sqlite();
    let conn = &mut db.conn();
    let pragma = |conn: &mut frontdesk::db::DbConn, p: &str, column: &str| {
        diesel::sql_query(format!("SELECT CAST({column} AS TEXT) AS v FROM pragma_{p}")).get_result::<Pragma>(conn).unwrap().v
    };
    assert_eq!(pragma(conn, "foreign_keys", "foreign_keys"), "1");
    assert_eq!(pragma(conn, "journal_mode", "journal_mode"), "wal");
    assert_eq!(pragma(conn, "busy_timeout", "timeout"), "10000");
}

both_backends!(
    fn report_prints_the_figures_as_json_or_csv(db) {
        assert!(cmd(&db.url, &["seed", "--demo"], "").status.success());
        let args = ["report", "signatures", "--from", "2026-01-01", "--to", "2026-12-31"];
        let out = cmd(&db.url, &args, "");
        assert!(out.status.success(), "{}", text(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!((json["from"].as_str(), json["to"].as_str()), (Some("2026-01-01"), Some("2026-12-31")));
        let out = cmd(&db.url, &[&args[..], &["--csv"]].concat(), "");
        assert!(out.status.success(), "{}", text(&out));
        let csv = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(csv.starts_with("agreement_version,language,signatures\r\n"), "{csv}");
        assert_eq!(csv.lines().last(), Some(format!("TOTAL,,{}", json["total"]).as_str()), "{csv}");

        let unknown = cmd(&db.url, &["report", "payroll", "--from", "2026-01-01", "--to", "2026-01-02"], "");
        assert!(!unknown.status.success() && text(&unknown).contains("visits, revenue"), "{}", text(&unknown));
        let backwards = cmd(&db.url, &["report", "visits", "--from", "2026-01-02", "--to", "2026-01-01"], "");
        assert!(!backwards.status.success() && text(&backwards).contains("--to"), "{}", text(&backwards));
    }
);
