//! Migrations are reversible and re-appliable on both backends.

use diesel::RunQueryDsl;
use frontdesk::db::migrate;

use crate::both_backends;

both_backends!(
    fn migrations_revert_and_reapply(db) {
        let conn = &mut db.conn();
        assert!(!migrate::has_pending(conn).unwrap());
        let reverted = migrate::revert_all(conn).unwrap();
        assert!(!reverted.is_empty());
        assert!(diesel::sql_query("SELECT 1 FROM rooms").execute(conn).is_err(), "rooms should be gone");
        assert!(migrate::has_pending(conn).unwrap());
        assert_eq!(migrate::run_pending(conn).unwrap(), reverted.into_iter().rev().collect::<Vec<_>>());
        diesel::sql_query("SELECT 1 FROM rooms").execute(conn).unwrap();
    }
);
