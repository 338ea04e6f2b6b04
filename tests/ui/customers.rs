//! Hand entry and correction of a customer at the register (`kiosk-ui/e2e/customers.mjs`) in
//! headless Chromium, then the rows it left: the corrected customer, the `CUSTOMER_CORRECTED`
//! audit rows with before/after, reason and lane (one from the card at lane 2, one during the
//! check-in at lane 1), both check-ins started, the scanned customer's
//! lookup hash kept.

use diesel::prelude::*;
use frontdesk::db::ids::CustomerId;
use frontdesk::db::schema::{audit_events, customers, lane_sessions};
use frontdesk::domain::enums::LaneSessionStatus;

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;

crate::both_backends! {
    fn hand_entry_and_correction_in_a_real_browser(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "customers.mjs", "customers");
        server.stop();

        let corrected = result["corrected"].as_str().expect("corrected");
        let (beatriz, dob): (CustomerId, Option<chrono::NaiveDate>) =
            customers::table.filter(customers::name.eq(corrected)).select((customers::id, customers::dob)).first(&mut conn).expect("the corrected customer");
        assert_eq!(dob, chrono::NaiveDate::from_ymd_opt(1990, 3, 14), "the date typed 3/14/1990 after the refused one");
        let nobody: i64 = customers::table.filter(customers::name.like("%Nobody%").or(customers::name.like("%Ochoa, %"))).count().get_result(&mut conn).unwrap();
        assert_eq!(nobody, 0, "a cancelled form creates nothing, and 'Last, First' is stored as 'First Last'");

        let audit: Vec<(String, Option<String>, Option<String>)> = audit_events::table
            .filter(audit_events::action.eq("CUSTOMER_CORRECTED"))
            .order(audit_events::seq)
            .select((audit_events::summary_json, audit_events::reason, audit_events::lane_id))
            .load(&mut conn)
            .unwrap();
        assert_eq!(audit.len(), 2, "{audit:?}");
        let summary: serde_json::Value = serde_json::from_str(&audit[0].0).unwrap();
        assert_eq!(summary["name"], serde_json::json!({ "before": "Beatriz Ochoa", "after": corrected }));
        assert_eq!((audit[0].1.as_deref(), audit[0].2.as_deref()), (Some("hyphenated name on the passport"), Some("lane-2")));
        let during: serde_json::Value = serde_json::from_str(&audit[1].0).unwrap();
        assert_eq!(during, serde_json::json!({ "membership_number": { "before": null, "after": "M-5150" } }));
        assert_eq!((audit[1].1.as_deref(), audit[1].2.as_deref()), (Some("card shown at the desk"), Some("lane-1")));

        let live = |lane: &str| -> (Option<CustomerId>, LaneSessionStatus) {
            lane_sessions::table.filter(lane_sessions::lane_id.eq(lane)).select((lane_sessions::customer_id, lane_sessions::status)).first(&mut db.conn()).unwrap()
        };
        let (customer, status) = live("lane-1");
        assert_eq!((customer, status.is_live()), (Some(beatriz), true), "her check-in started at lane 1");
        let (thanh, hash): (CustomerId, Option<String>) =
            customers::table.filter(customers::name.eq("Thanh Nguyen")).select((customers::id, customers::id_number_hash)).first(&mut conn).expect("the customer from a scan without a name");
        assert!(hash.is_some(), "hand entry from a scan keeps the scan's lookup hash");
        assert_eq!(live("lane-2").0, Some(thanh));
        for shot in ["customers-hand-entry-refused", "customers-hand-entry-started", "customers-corrected", "customers-scan-by-hand-started"] {
            assert!(artifacts(db, "customers").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
