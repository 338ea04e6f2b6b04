//! Issue 15 in a real browser (`kiosk-ui/e2e/typed.mjs`): a customer signs by typing their
//! name on the kiosk. The stored record says TYPED, keeps the name as typed, has no strokes,
//! and verifies; the refused name before it stored nothing.

use chrono::Utc;
use diesel::prelude::*;
use frontdesk::checkin::evidence;
use frontdesk::db::ids::SignatureId;
use frontdesk::db::models::signature::NewSignature;
use frontdesk::db::schema::agreement_signatures;
use frontdesk::domain::enums::SignatureMethod;

use crate::browser::run_script;
use crate::node::available;
use crate::server::TestServer;

crate::both_backends! {
    fn a_customer_signs_by_typing_their_name_on_the_kiosk(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, Utc::now()).expect("demo seed");
        let before: i64 = agreement_signatures::table.count().get_result(&mut conn).unwrap();
        let server = TestServer::start_live(db);
        let result = run_script(&server, db, "typed.mjs", "typed");
        server.stop();

        let id: SignatureId = result["signature_id"].as_str().expect("a signature id").parse().unwrap();
        let row = NewSignature::find(&mut conn, id).unwrap().expect("the signature is stored");
        assert_eq!(row.signature_method, SignatureMethod::Typed);
        // trimmed by the kiosk and sent as typed otherwise; the name on file is the scan's
        assert_eq!((row.typed_name.as_deref(), row.customer_name.as_str()), (Some("thanh NGUYEN"), "Thanh Nguyen"));
        assert_eq!(row.signature_strokes_json, None);
        assert!(evidence::verify(&row).intact, "the typed record verifies");
        let after: i64 = agreement_signatures::table.count().get_result(&mut conn).unwrap();
        assert_eq!(after, before + 1, "the refused name stored nothing");
    }
}
