//! Agreement versions in headless Chromium (`kiosk-ui/e2e/agreements.mjs`): the manager drafts,
//! edits and activates English v2 while a returning customer's check-in is on lane 1, whose
//! register then says they last signed an older version. Here: the rows it left.

use diesel::prelude::*;
use frontdesk::db::schema::{agreements, audit_events, lane_sessions};
use frontdesk::domain::enums::Language;

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures as fx;

crate::both_backends! {
    fn manager_drafts_and_activates_a_new_version(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        let v1 = frontdesk::db::models::agreement::Agreement::active_for(&mut conn, Language::En).unwrap().unwrap();
        fx::signature(&mut conn, v1.id, &v1.body_text, &v1.body_sha256).unwrap();
        // the fixture's session of that signature is over and dismissed
        diesel::update(lane_sessions::table).set(lane_sessions::closed_at.eq(Some(fx::at(3)))).execute(&mut conn).unwrap();
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "agreements.mjs", "agreements");
        server.stop();

        let rows: Vec<(i32, bool, String)> = agreements::table
            .filter(agreements::language.eq(Language::En))
            .order(agreements::version.asc())
            .select((agreements::version, agreements::active, agreements::body_text))
            .load(&mut conn)
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].0, rows[0].1, rows[0].2.as_str()), (1, false, v1.body_text.as_str()), "v1 kept as signed");
        assert_eq!((rows[1].0, rows[1].1, rows[1].2.as_str()), (2, true, result["body"].as_str().unwrap()));
        for action in ["AGREEMENT_DRAFTED", "AGREEMENT_EDITED"] {
            let n: i64 = audit_events::table.filter(audit_events::action.eq(action)).count().get_result(&mut conn).unwrap();
            assert_eq!(n, 1, "{action}");
        }
        let activated: Vec<String> = audit_events::table
            .filter(audit_events::action.eq("AGREEMENT_ACTIVATED").and(audit_events::actor_type.eq("STAFF")))
            .select(audit_events::summary_json)
            .load(&mut conn)
            .unwrap();
        assert_eq!(activated.len(), 1, "once, after the right PIN");
        let summary: serde_json::Value = serde_json::from_str(&activated[0]).unwrap();
        assert_eq!((&summary["from_version"], &summary["to_version"]), (&serde_json::json!(1), &serde_json::json!(2)));
        for shot in ["mgr-agreements", "mgr-agreements-activated", "register-last-signed-older"] {
            assert!(artifacts(db, "agreements").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
