//! The audit hash chain: appends under concurrency stay one chain; tampering is found at
//! exactly the tampered `seq`.

use std::sync::{Arc, Barrier};

use diesel::RunQueryDsl;
use frontdesk::db::models::audit_event::{Actor, NewAuditEvent, verify_chain};
use frontdesk::db::{BackendKind, DbConn, write_tx};
use frontdesk::domain::audit_chain::ChainReport;
use serde_json::json;

use crate::both_backends;
use crate::support::fixtures as fx;

fn append(conn: &mut DbConn, action: &str) -> i64 {
    write_tx(conn, |conn| {
        NewAuditEvent { actor: Actor::System, lane_id: Some("lane-1"), action, entity: None, summary: json!({ "n": 1 }), reason: None }
            .append(conn, fx::t0())
    })
    .unwrap()
}

both_backends!(
    fn concurrent_appends_form_one_intact_chain(db) {
        let barrier = Arc::new(Barrier::new(6));
        let writers: Vec<_> = (0..6)
            .map(|i| {
                let (mut conn, barrier) = (db.conn(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    (0..5).map(|j| append(&mut conn, &format!("T{i}_{j}"))).collect::<Vec<_>>()
                })
            })
            .collect();
        let mut seqs: Vec<i64> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
        seqs.sort();
        assert_eq!(seqs, (1..=30).collect::<Vec<_>>());
        assert_eq!(verify_chain(&mut db.conn()).unwrap(), ChainReport::Intact { events: 30 });
    }
);

both_backends!(
    fn tampering_with_one_row_is_found_at_its_seq(db) {
        let conn = &mut db.conn();
        for action in ["A", "B", "C", "D"] {
            append(conn, action);
        }
        // Bypass the immutability triggers the way an attacker with database access could.
        let tamper: &[&str] = match db.backend {
            BackendKind::Postgres => &[
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable",
                "UPDATE audit_events SET summary_json = '{\"n\":2}' WHERE seq = 3",
                "ALTER TABLE audit_events ENABLE TRIGGER audit_events_immutable",
            ],
            BackendKind::Sqlite => &[
                "DROP TRIGGER audit_events_no_update",
                "UPDATE audit_events SET summary_json = '{\"n\":2}' WHERE seq = 3",
            ],
        };
        for sql in tamper {
            diesel::sql_query(*sql).execute(conn).unwrap();
        }
        match verify_chain(conn).unwrap() {
            ChainReport::Broken { seq, .. } => assert_eq!(seq, 3),
            other => panic!("tampering not detected: {other:?}"),
        }
    }
);

both_backends!(
    fn events_cut_from_the_end_are_found(db) {
        let conn = &mut db.conn();
        for action in ["A", "B", "C"] {
            append(conn, action);
        }
        let cut: &[&str] = match db.backend {
            BackendKind::Postgres => &[
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable",
                "DELETE FROM audit_events WHERE seq = 3",
                "ALTER TABLE audit_events ENABLE TRIGGER audit_events_immutable",
            ],
            BackendKind::Sqlite => &["DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events WHERE seq = 3"],
        };
        for sql in cut {
            diesel::sql_query(*sql).execute(conn).unwrap();
        }
        assert!(matches!(verify_chain(conn).unwrap(), ChainReport::Broken { seq: 3, .. }));
    }
);
