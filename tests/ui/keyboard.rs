//! The register by keyboard alone (`kiosk-ui/e2e/keyboard.mjs`): sign-in, lane, F2 search,
//! start, membership, propose, confirm, payment method by arrow keys, hold swap, mark paid
//! through the dialog and close, with focus rings, focus kept after each action, the primary
//! actions inside 1280 × 800, rental buttons named by tier and axe-core on every state; then
//! the register and manager in Spanish. Here: the database the script left behind.

use diesel::prelude::*;
use frontdesk::db::schema::{lane_sessions, payment_intents, rooms};
use frontdesk::domain::enums::{InventoryStatus, LaneSessionStatus};

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;
use crate::support::fixtures;

crate::both_backends! {
    fn register_by_keyboard_alone(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        fixtures::customer(&mut conn, "Okafor, Chidi");
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "keyboard.mjs", "keyboard");
        server.stop();
        let number = result["number"].as_str().expect("number");
        let swapped_from = result["swapped_from"].as_str().expect("swapped_from");
        assert_ne!(number, swapped_from, "the hold was swapped before payment");

        // the swapped-to room is occupied, the first hold went back to clean
        let status = |n: &str, conn: &mut frontdesk::db::DbConn| -> InventoryStatus {
            rooms::table.filter(rooms::number.eq(n)).select(rooms::status).first(conn).unwrap()
        };
        assert_eq!(status(number, &mut conn), InventoryStatus::Occupied);
        assert_eq!(status(swapped_from, &mut conn), InventoryStatus::Clean);
        // paid in cash (chosen with the arrow keys), once
        let methods: Vec<Option<String>> = payment_intents::table.filter(payment_intents::status.eq("PAID")).select(payment_intents::method).load(&mut conn).unwrap();
        assert_eq!(methods, vec![Some("CASH".to_owned())]);
        let statuses: Vec<LaneSessionStatus> = lane_sessions::table.filter(lane_sessions::lane_id.eq("lane-1")).select(lane_sessions::status).load(&mut conn).unwrap();
        assert_eq!(statuses, vec![LaneSessionStatus::Completed]);
        for shot in ["kb-choosing", "kb-payment", "kb-pay-dialog", "kb-desk-es", "kb-manager-lanes-es"] {
            assert!(artifacts(db, "keyboard").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
