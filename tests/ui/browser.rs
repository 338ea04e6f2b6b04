//! The browser scripts of `kiosk-ui/e2e/` in headless Chromium against a real server, each
//! checked by axe-core on every screen state it reaches. Here: a full check-in
//! (`checkin.mjs`, which also walks the dead ends of issue 18), then the database it left
//! behind. Screenshots go to `test-artifacts/<script>-<backend>/`.

use std::path::Path;

use diesel::prelude::*;
use frontdesk::db::schema::{agreement_signatures, audit_events, lane_sessions, rooms};
use frontdesk::domain::enums::{InventoryStatus, LaneSessionStatus};

use crate::node::{available, chromium, node, printed};
use crate::server::TestServer;

/// Runs `kiosk-ui/e2e/<script>` in headless Chromium against `server` and returns its
/// `RESULT` JSON; fails the test when the script fails (a check, a page error or an axe
/// violation). Screenshots go to `test-artifacts/<shots>-<backend>/`.
pub fn run_script(server: &TestServer, db: &crate::support::TestDb, script: &str, shots: &str) -> serde_json::Value {
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("test-artifacts").join(format!("{shots}-{:?}", db.backend).to_lowercase());
    let output = node(
        &[&format!("e2e/{script}")],
        &[
            ("FRONTDESK_URL", &server.url("")),
            ("FRONTDESK_ARTIFACTS", artifacts.to_str().expect("utf-8 path")),
            ("CHROMIUM", chromium().to_str().expect("utf-8 path")),
        ],
    );
    assert!(output.status.success(), "the browser script {script} failed\n{}", printed(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    // which states axe-core checked, for the test's log
    stdout.lines().filter(|l| l.starts_with("A11Y ")).for_each(|l| eprintln!("{script}: {l}"));
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .map(|json| serde_json::from_str(json).expect("RESULT is JSON"))
        .unwrap_or_else(|| panic!("no RESULT line\n{}", printed(&output)))
}

/// Where [`run_script`] put a script's screenshots.
pub fn artifacts(db: &crate::support::TestDb, shots: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test-artifacts").join(format!("{shots}-{:?}", db.backend).to_lowercase())
}

crate::both_backends! {
    fn full_checkin_in_a_real_browser(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "checkin.mjs", "ui");
        let artifacts = artifacts(db, "ui");
        let number = result["number"].as_str().expect("number").to_owned();
        server.stop();

        // one signature, by the scanned customer, for the unit both screens showed
        let names: Vec<String> = agreement_signatures::table.select(agreement_signatures::customer_name).load(&mut conn).unwrap();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names[0].to_lowercase().contains("rivera"), "{names:?}");
        let (status, assigned): (InventoryStatus, Option<frontdesk::db::ids::CustomerId>) =
            rooms::table.filter(rooms::number.eq(&number)).select((rooms::status, rooms::assigned_to_customer_id)).first(&mut conn).unwrap();
        assert_eq!(status, InventoryStatus::Occupied);
        assert!(assigned.is_some());
        // the lane is idle again: its session completed, nothing live
        let statuses: Vec<LaneSessionStatus> = lane_sessions::table.filter(lane_sessions::lane_id.eq("lane-1")).select(lane_sessions::status).load(&mut conn).unwrap();
        assert_eq!(statuses, vec![LaneSessionStatus::Completed]);
        // the manager's look at the signature is in the audit log, and the chain is intact
        let viewed: i64 = audit_events::table.filter(audit_events::action.eq("SIGNATURE_VIEWED")).count().get_result(&mut conn).unwrap();
        assert_eq!(viewed, 1);
        for shot in ["kiosk-idle", "kiosk-membership-es", "kiosk-rental-en", "kiosk-agreement-en", "kiosk-done-en", "register-payment", "register-completed", "manager-lanes", "manager-signature-detail", "register-long-name", "register-already-checked-in"] {
            assert!(artifacts.join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
