//! The database refuses what spec/domain.md forbids, whatever the application does.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DbError};
use frontdesk::db::DbConn;
use frontdesk::domain::enums::*;

use crate::both_backends;
use crate::support::fixtures::{self as fx, Place, at};

fn kind(result: Result<impl std::fmt::Debug, DbError>) -> DatabaseErrorKind {
    match result {
        Err(DbError::DatabaseError(kind, _)) => kind,
        other => panic!("expected a database refusal, got {other:?}"),
    }
}

fn message(result: Result<impl std::fmt::Debug, DbError>) -> String {
    match result {
        Err(DbError::DatabaseError(_, info)) => info.message().to_owned(),
        other => panic!("expected a database refusal, got {other:?}"),
    }
}

fn count(conn: &mut DbConn, sql: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(sql).get_result::<N>(conn).expect("count").n
}

both_backends!(
    fn two_live_sessions_on_one_lane_are_refused(db) {
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        fx::lane(conn, "lane-2");
        fx::lane_session(conn, "lane-1", LaneSessionStatus::AwaitingPayment).unwrap();
        for live in LaneSessionStatus::LIVE {
            assert_eq!(kind(fx::lane_session(conn, "lane-1", live)), DatabaseErrorKind::UniqueViolation, "{live}");
        }
        // finished sessions and other lanes are not limited
        fx::lane_session(conn, "lane-1", LaneSessionStatus::Completed).unwrap();
        fx::lane_session(conn, "lane-1", LaneSessionStatus::Cancelled).unwrap();
        fx::lane_session(conn, "lane-2", LaneSessionStatus::Active).unwrap();
        assert_eq!(count(conn, "SELECT COUNT(*) AS n FROM lane_sessions WHERE lane_id = 'lane-1'"), 3);
    }
);

both_backends!(
    fn two_unreleased_holds_on_one_resource_are_refused(db) {
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        fx::lane(conn, "lane-2");
        let room = fx::room(conn, "214");
        let a = fx::lane_session(conn, "lane-1", LaneSessionStatus::Active).unwrap();
        let b = fx::lane_session(conn, "lane-2", LaneSessionStatus::Active).unwrap();
        let first = fx::hold(conn, ResourceType::Room, room.into(), a).unwrap();
        assert_eq!(kind(fx::hold(conn, ResourceType::Room, room.into(), b)), DatabaseErrorKind::UniqueViolation);
        // once released, the resource can be held again
        use frontdesk::db::schema::inventory_holds as h;
        diesel::update(h::table.find(first))
            .set((h::released_at.eq(at(5)), h::release_reason.eq("CANCELLED")))
            .execute(conn)
            .unwrap();
        fx::hold(conn, ResourceType::Room, room.into(), b).unwrap();
    }
);

both_backends!(
    fn two_open_visits_for_one_customer_are_refused(db) {
        let conn = &mut db.conn();
        let customer = fx::customer(conn, "Pat");
        fx::visit(conn, customer, Some(at(60))).unwrap();
        fx::visit(conn, customer, None).unwrap();
        assert_eq!(kind(fx::visit(conn, customer, None)), DatabaseErrorKind::UniqueViolation);
        fx::visit(conn, customer, Some(at(90))).unwrap();
    }
);

both_backends!(
    fn blocks_must_start_before_they_end(db) {
        let conn = &mut db.conn();
        let customer = fx::customer(conn, "Pat");
        let visit = fx::visit(conn, customer, None).unwrap();
        let room = fx::room(conn, "214");
        assert_eq!(kind(fx::block(conn, visit, at(60), at(60), Place::Room(room))), DatabaseErrorKind::CheckViolation);
        assert_eq!(kind(fx::block(conn, visit, at(61), at(60), Place::Room(room))), DatabaseErrorKind::CheckViolation);
        fx::block(conn, visit, at(0), at(360), Place::Room(room)).unwrap();
    }
);

both_backends!(
    fn blocks_need_exactly_one_of_room_and_locker(db) {
        let conn = &mut db.conn();
        let customer = fx::customer(conn, "Pat");
        let visit = fx::visit(conn, customer, None).unwrap();
        let room = fx::room(conn, "214");
        let locker = fx::locker(conn, "001");
        assert_eq!(kind(fx::block(conn, visit, at(0), at(360), Place::Both(room, locker))), DatabaseErrorKind::CheckViolation);
        assert_eq!(kind(fx::block(conn, visit, at(0), at(360), Place::Neither)), DatabaseErrorKind::CheckViolation);
        fx::block(conn, visit, at(0), at(360), Place::Locker(locker)).unwrap();
    }
);

both_backends!(
    fn blocks_of_one_visit_do_not_overlap(db) {
        let conn = &mut db.conn();
        let customer = fx::customer(conn, "Pat");
        let visit = fx::visit(conn, customer, None).unwrap();
        let room = fx::room(conn, "214");
        fx::block(conn, visit, at(0), at(360), Place::Room(room)).unwrap();
        let refused = fx::block(conn, visit, at(359), at(720), Place::Room(room));
        assert!(message(refused).contains("checkin_blocks_no_overlap"));
        // back to back is fine: a renewal starts at the previous end
        fx::block(conn, visit, at(360), at(720), Place::Room(room)).unwrap();
    }
);

both_backends!(
    fn a_second_active_agreement_per_language_is_refused(db) {
        let conn = &mut db.conn();
        fx::agreement(conn, Language::En, 1, true).unwrap();
        fx::agreement(conn, Language::Es, 1, true).unwrap();
        assert_eq!(kind(fx::agreement(conn, Language::En, 2, true)), DatabaseErrorKind::UniqueViolation);
        fx::agreement(conn, Language::En, 2, false).unwrap();
        // the same version twice in one language is refused too
        assert_eq!(kind(fx::agreement(conn, Language::En, 2, false)), DatabaseErrorKind::UniqueViolation);
    }
);

both_backends!(
    fn signatures_cannot_be_updated_or_deleted(db) {
        use frontdesk::db::models::agreement::sha256_hex;
        use frontdesk::db::schema::agreement_signatures as s;
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        let agreement = fx::agreement(conn, Language::En, 1, true).unwrap();
        let id = fx::signature(conn, agreement, "text", &sha256_hex("text")).unwrap();
        let update = diesel::update(s::table.find(id)).set(s::customer_name.eq("Someone Else")).execute(conn);
        assert!(message(update).contains("immutable"));
        let delete = diesel::delete(s::table.find(id)).execute(conn);
        assert!(message(delete).contains("immutable"));
        let name: String = s::table.find(id).select(s::customer_name).first(conn).unwrap();
        assert_eq!(name, "Signer");
    }
);

both_backends!(
    fn a_signed_agreement_text_cannot_be_edited(db) {
        use frontdesk::db::models::agreement::sha256_hex;
        use frontdesk::db::schema::agreements as a;
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        let agreement = fx::agreement(conn, Language::En, 1, true).unwrap();
        fx::signature(conn, agreement, "Agreement text v1", &sha256_hex("Agreement text v1")).unwrap();
        let edit = diesel::update(a::table.find(agreement)).set(a::body_text.eq("New text")).execute(conn);
        assert!(message(edit).contains("signed"));
        // deactivating it is allowed
        diesel::update(a::table.find(agreement)).set(a::active.eq(false)).execute(conn).unwrap();
    }
);

both_backends!(
    fn a_signed_agreement_draft_edit_is_refused_by_the_database_in_words_the_service_knows(db) {
        use frontdesk::access::agreement_admin::is_frozen_refusal;
        use frontdesk::db::models::agreement_version::{AgreementVersion, DraftText};
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        let agreement = fx::agreement(conn, Language::En, 1, false).unwrap();
        fx::signature(conn, agreement, "Agreement text v1", &frontdesk::db::models::agreement::sha256_hex("Agreement text v1")).unwrap();
        // past the service's own check: the trigger is the last line, and it maps to AGREEMENT_SIGNED
        let text = DraftText { title: "Rules", body_text: "Rewritten", body_sha256: "b".repeat(64), consent_text: "I agree." };
        let err = AgreementVersion::set_draft_text(conn, agreement, &text).unwrap_err();
        assert!(is_frozen_refusal(&err), "{err:?}");
        assert_eq!(AgreementVersion::find(conn, agreement).unwrap().unwrap().body_text, "Agreement text v1");
    }
);

both_backends!(
    fn audit_events_cannot_be_updated_or_deleted(db) {
        use frontdesk::db::models::audit_event::{Actor, NewAuditEvent};
        let conn = &mut db.conn();
        NewAuditEvent { actor: Actor::System, lane_id: None, action: "TEST", entity: None, summary: serde_json::json!({}), reason: None }
            .append(conn, fx::t0())
            .unwrap();
        let update = diesel::sql_query("UPDATE audit_events SET action = 'FORGED' WHERE seq = 1").execute(conn);
        assert!(message(update).contains("immutable"));
        let delete = diesel::sql_query("DELETE FROM audit_events WHERE seq = 1").execute(conn);
        assert!(message(delete).contains("immutable"));
        assert_eq!(count(conn, "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'TEST'"), 1);
    }
);

both_backends!(
    fn enum_values_outside_their_list_are_refused(db) {
        let conn = &mut db.conn();
        let now = "'2026-11-20T18:00:00.000000Z'";
        let cases = [
            format!("INSERT INTO rooms (id, number, type, status, last_status_change, created_at, updated_at) VALUES ('{}', '300', 'DELUXE', 'CLEAN', {now}, {now}, {now})", uuid::Uuid::now_v7()),
            format!("INSERT INTO rooms (id, number, type, status, last_status_change, created_at, updated_at) VALUES ('{}', '301', 'STANDARD', 'BROKEN', {now}, {now}, {now})", uuid::Uuid::now_v7()),
            format!("INSERT INTO lockers (id, number, status, last_status_change, created_at, updated_at) VALUES ('{}', '001', 'clean', {now}, {now}, {now})", uuid::Uuid::now_v7()),
            format!("INSERT INTO staff (id, login, display_name, role, pin_hash, created_at, updated_at) VALUES ('{}', 'x', 'X', 'ADMIN', 'h', {now}, {now})", uuid::Uuid::now_v7()),
            format!("INSERT INTO customers (id, name, primary_language, created_at, updated_at) VALUES ('{}', 'X', 'FR', {now}, {now})", uuid::Uuid::now_v7()),
        ];
        for sql in cases {
            assert_eq!(kind(diesel::sql_query(&sql).execute(conn)), DatabaseErrorKind::CheckViolation, "{sql}");
        }
        assert_eq!(count(conn, "SELECT COUNT(*) AS n FROM rooms"), 0);
    }
);

both_backends!(
    fn occupied_means_assigned(db) {
        let conn = &mut db.conn();
        let room = fx::room(conn, "214");
        use frontdesk::db::schema::rooms as r;
        let occupied_nobody = diesel::update(r::table.find(room)).set(r::status.eq(InventoryStatus::Occupied)).execute(conn);
        assert_eq!(kind(occupied_nobody), DatabaseErrorKind::CheckViolation);
        let customer = fx::customer(conn, "Pat");
        let assigned_clean = diesel::update(r::table.find(room)).set(r::assigned_to_customer_id.eq(customer)).execute(conn);
        assert_eq!(kind(assigned_clean), DatabaseErrorKind::CheckViolation);
    }
);

both_backends!(
    fn a_current_block_must_belong_to_that_room(db) {
        use frontdesk::db::schema::rooms as r;
        let conn = &mut db.conn();
        let pat = fx::customer(conn, "Pat");
        let (room, other, locker) = (fx::room(conn, "214"), fx::room(conn, "215"), fx::locker(conn, "001"));
        let visit = fx::visit(conn, pat, None).unwrap();
        let locker_block = fx::block(conn, visit, at(0), at(360), Place::Locker(locker)).unwrap();
        let occupy = |conn: &mut DbConn, room, block| {
            diesel::update(r::table.find(room))
                .set((r::status.eq(InventoryStatus::Occupied), r::assigned_to_customer_id.eq(pat), r::current_block_id.eq(block)))
                .execute(conn)
        };
        assert_eq!(kind(occupy(conn, room, locker_block)), DatabaseErrorKind::ForeignKeyViolation);
        let sam = fx::customer(conn, "Sam");
        let visit2 = fx::visit(conn, sam, None).unwrap();
        let room_block = fx::block(conn, visit2, at(0), at(360), Place::Room(other)).unwrap();
        assert_eq!(kind(occupy(conn, room, room_block)), DatabaseErrorKind::ForeignKeyViolation);
        occupy(conn, other, room_block).unwrap();
    }
);

both_backends!(
    fn primary_keys_are_never_null(db) {
        let conn = &mut db.conn();
        let refused = diesel::sql_query("INSERT INTO lanes (id, name, created_at) VALUES (NULL, 'x', '2026-11-20T18:00:00.000000Z')").execute(conn);
        assert_eq!(kind(refused), DatabaseErrorKind::NotNullViolation);
    }
);

both_backends!(
    fn trigger_and_exclusion_refusals_have_stable_codes(db) {
        use frontdesk::db::models::agreement::sha256_hex;
        use frontdesk::db::schema::agreement_signatures as s;
        use frontdesk::error::AppError;
        let conn = &mut db.conn();
        fx::lane(conn, "lane-1");
        let agreement = fx::agreement(conn, Language::En, 1, true).unwrap();
        let id = fx::signature(conn, agreement, "Agreement text v1", &sha256_hex("Agreement text v1")).unwrap();
        let edit = diesel::update(s::table.find(id)).set(s::customer_name.eq("X")).execute(conn).unwrap_err();
        assert_eq!(AppError::from(edit).code(), "IMMUTABLE_RECORD");
        let pat = fx::customer(conn, "Pat");
        let visit = fx::visit(conn, pat, None).unwrap();
        let room = fx::room(conn, "214");
        fx::block(conn, visit, at(0), at(360), Place::Room(room)).unwrap();
        let overlap = fx::block(conn, visit, at(10), at(20), Place::Room(room)).unwrap_err();
        assert_eq!(AppError::from(overlap).code(), "BLOCK_OVERLAP");
    }
);
