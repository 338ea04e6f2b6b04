//! The manager's screen with the API it has (`kiosk-ui/e2e/manager.mjs`): tablets listed and
//! revoked, a register session ended, an employee added, re-PINned and deactivated, a locked
//! one unlocked, the audit log filtered with the chain verified, the tabs in Spanish, axe-core
//! on every state. Here: the rows it left.

use diesel::prelude::*;
use frontdesk::db::schema::{audit_events, devices, register_sessions, staff};

use crate::browser::{artifacts, run_script};
use crate::node::available;
use crate::server::TestServer;

fn count(conn: &mut frontdesk::db::DbConn, action: &str) -> i64 {
    audit_events::table.filter(audit_events::action.eq(action)).count().get_result(conn).unwrap()
}

crate::both_backends! {
    fn manager_uses_tablets_registers_staff_and_audit(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "manager.mjs", "manager");
        server.stop();

        // the tablet: revoked, seen before that
        let name = result["device"].as_str().expect("device");
        let (revoked, seen): (Option<frontdesk::db::sql_types::Ts>, Option<frontdesk::db::sql_types::Ts>) =
            devices::table.filter(devices::name.eq(name)).select((devices::revoked_at, devices::last_seen_at)).first(&mut conn).unwrap();
        assert!(revoked.is_some() && seen.is_some(), "revoked {revoked:?}, seen {seen:?}");
        assert_eq!(count(&mut conn, "DEVICE_REVOKED"), 1);
        // the register session: ended by force, with the reason, nothing open
        let open: i64 = register_sessions::table.filter(register_sessions::ended_at.is_null()).count().get_result(&mut conn).unwrap();
        assert_eq!(open, 0);
        let reason: Option<String> = audit_events::table
            .filter(audit_events::action.eq("REGISTER_FORCE_SIGN_OUT"))
            .select(audit_events::reason)
            .first(&mut conn)
            .unwrap();
        assert_eq!(reason.as_deref(), Some("End of shift"));
        // the employee: created once (the taken login changed nothing), re-PINned, deactivated
        let (display_name, active): (String, bool) =
            staff::table.filter(staff::login.eq("pat")).select((staff::display_name, staff::active)).first(&mut conn).unwrap();
        assert_eq!((display_name.as_str(), active), ("Pat Lee", false));
        for action in ["STAFF_CREATED", "STAFF_PIN_RESET", "STAFF_DEACTIVATED", "STAFF_UNLOCKED"] {
            assert_eq!(count(&mut conn, action), 1, "{action}");
        }
        let alex_rows: i64 = staff::table.filter(staff::login.eq("alex")).count().get_result(&mut conn).unwrap();
        assert_eq!(alex_rows, 1, "the taken login made no second alex");
        for shot in ["mgr-lanes-registers", "register-ended-by-manager", "mgr-kiosks-list", "mgr-staff-add-invalid", "mgr-staff-deactivated", "mgr-audit-filtered"] {
            assert!(artifacts(db, "manager").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
