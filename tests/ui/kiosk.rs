//! Issue 18 on the kiosk in a real browser (`kiosk-ui/e2e/kiosk.mjs`): prices, the stay and
//! Back before confirming, then the rows it left: the checkout the kiosk showed is the INITIAL
//! block's end, Back was audited, and the session completed.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use frontdesk::db::schema::{audit_events, checkin_blocks, lane_sessions};
use frontdesk::db::sql_types::Ts;
use frontdesk::domain::enums::LaneSessionStatus;

use crate::browser::run_script;
use crate::node::available;
use crate::server::TestServer;

fn instant(value: &serde_json::Value) -> DateTime<Utc> {
    serde_json::from_value(value.clone()).expect("an instant")
}

crate::both_backends! {
    fn kiosk_shows_the_stay_and_prices_and_steps_back(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, Utc::now()).expect("demo seed");
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "kiosk.mjs", "kiosk");
        server.stop();

        // the block ends where the kiosk said before payment: the rule's answer for the moment
        // the view was made, or one quarter later if a quarter hour turned before the signature
        let (hours, ends): (i32, Ts) = checkin_blocks::table.select((checkin_blocks::hours_purchased, checkin_blocks::ends_at)).first(&mut conn).unwrap();
        let shown = instant(&result["shown_checkout_at"]);
        let late = ends.0.signed_duration_since(shown);
        assert!(late == chrono::Duration::zero() || late == chrono::Duration::minutes(15), "block ends {} / shown {shown}", ends.0);
        assert_eq!(hours, 6);
        assert_eq!(instant(&result["done_checkout_at"]), ends.0, "the done screen shows the block's end");
        // two Backs by the kiosk (to the language, to the membership: a double tap), audited; the
        // double tap's second and the one after confirming were refused and changed nothing
        let backs: Vec<String> = audit_events::table.filter(audit_events::action.eq("SELECTION_STEPPED_BACK")).order(audit_events::seq).select(audit_events::summary_json).load(&mut conn).unwrap();
        let targets: Vec<String> = backs.iter().map(|s| serde_json::from_str::<serde_json::Value>(s).unwrap()["to"].as_str().unwrap().to_owned()).collect();
        assert_eq!(targets, ["LANGUAGE", "MEMBERSHIP"]);
        let statuses: Vec<LaneSessionStatus> = lane_sessions::table.select(lane_sessions::status).load(&mut conn).unwrap();
        assert_eq!(statuses, vec![LaneSessionStatus::Completed]);
    }
}
