//! Row builders for tests: each inserts the smallest valid row and returns its id, or the
//! database's refusal so a test can assert on it.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel::result::Error as DbError;
use frontdesk::db::DbConn;
use frontdesk::db::ids::*;
use frontdesk::db::schema::*;
use frontdesk::db::sql_types::Ts;
use frontdesk::domain::enums::*;

/// A fixed instant so tests are repeatable.
pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-20T18:00:00Z").expect("t0").with_timezone(&Utc)
}

/// `t0 + minutes`.
pub fn at(minutes: i64) -> Ts {
    Ts(t0() + Duration::minutes(minutes))
}

pub fn lane(conn: &mut DbConn, id: &str) {
    diesel::insert_into(lanes::table)
        .values((lanes::id.eq(id), lanes::name.eq(id), lanes::created_at.eq(at(0))))
        .execute(conn)
        .expect("lane");
}

pub fn customer(conn: &mut DbConn, name: &str) -> CustomerId {
    let id = CustomerId::new();
    diesel::insert_into(customers::table)
        .values((customers::id.eq(id), customers::name.eq(name), customers::created_at.eq(at(0)), customers::updated_at.eq(at(0))))
        .execute(conn)
        .expect("customer");
    id
}

pub fn staff_member(conn: &mut DbConn, login: &str) -> StaffId {
    let id = StaffId::new();
    diesel::insert_into(staff::table)
        .values((
            staff::id.eq(id),
            staff::login.eq(login),
            staff::display_name.eq(login),
            staff::role.eq(StaffRole::Staff),
            staff::pin_hash.eq("$argon2id$not-a-real-hash"),
            staff::created_at.eq(at(0)),
            staff::updated_at.eq(at(0)),
        ))
        .execute(conn)
        .expect("staff");
    id
}

pub fn room(conn: &mut DbConn, number: &str) -> RoomId {
    let id = RoomId::new();
    diesel::insert_into(rooms::table)
        .values((
            rooms::id.eq(id),
            rooms::number.eq(number),
            rooms::type_.eq(RoomType::Standard),
            rooms::status.eq(InventoryStatus::Clean),
            rooms::last_status_change.eq(at(0)),
            rooms::created_at.eq(at(0)),
            rooms::updated_at.eq(at(0)),
        ))
        .execute(conn)
        .expect("room");
    id
}

pub fn locker(conn: &mut DbConn, number: &str) -> LockerId {
    let id = LockerId::new();
    diesel::insert_into(lockers::table)
        .values((
            lockers::id.eq(id),
            lockers::number.eq(number),
            lockers::status.eq(InventoryStatus::Clean),
            lockers::last_status_change.eq(at(0)),
            lockers::created_at.eq(at(0)),
            lockers::updated_at.eq(at(0)),
        ))
        .execute(conn)
        .expect("locker");
    id
}

pub fn lane_session(conn: &mut DbConn, lane_id: &str, status: LaneSessionStatus) -> Result<LaneSessionId, DbError> {
    let id = LaneSessionId::new();
    let cancel_reason = (status == LaneSessionStatus::Cancelled).then_some("test");
    let completed_at = (status == LaneSessionStatus::Completed).then(|| at(30));
    diesel::insert_into(lane_sessions::table)
        .values((
            lane_sessions::id.eq(id),
            lane_sessions::lane_id.eq(lane_id),
            lane_sessions::status.eq(status),
            lane_sessions::cancel_reason.eq(cancel_reason),
            lane_sessions::completed_at.eq(completed_at),
            lane_sessions::last_activity_at.eq(at(0)),
            lane_sessions::created_at.eq(at(0)),
            lane_sessions::updated_at.eq(at(0)),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn hold(conn: &mut DbConn, resource: ResourceType, resource_id: ResourceId, session: LaneSessionId) -> Result<HoldId, DbError> {
    let id = HoldId::new();
    diesel::insert_into(inventory_holds::table)
        .values((
            inventory_holds::id.eq(id),
            inventory_holds::resource_type.eq(resource),
            inventory_holds::resource_id.eq(resource_id),
            inventory_holds::kind.eq(HoldKind::LaneSelection),
            inventory_holds::lane_session_id.eq(session),
            inventory_holds::created_at.eq(at(0)),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn visit(conn: &mut DbConn, customer: CustomerId, ended_at: Option<Ts>) -> Result<VisitId, DbError> {
    let id = VisitId::new();
    diesel::insert_into(visits::table)
        .values((
            visits::id.eq(id),
            visits::customer_id.eq(customer),
            visits::started_at.eq(at(0)),
            visits::ended_at.eq(ended_at),
            visits::created_at.eq(at(0)),
            visits::updated_at.eq(at(0)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Where a block puts its customer.
#[derive(Clone, Copy)]
pub enum Place {
    Room(RoomId),
    Locker(LockerId),
    Both(RoomId, LockerId),
    Neither,
}

pub fn block(conn: &mut DbConn, visit: VisitId, starts: Ts, ends: Ts, place: Place) -> Result<BlockId, DbError> {
    let id = BlockId::new();
    let (room, locker, rental) = match place {
        Place::Room(r) => (Some(r), None, RentalType::Standard),
        Place::Locker(l) => (None, Some(l), RentalType::Locker),
        Place::Both(r, l) => (Some(r), Some(l), RentalType::Standard),
        Place::Neither => (None, None, RentalType::Standard),
    };
    diesel::insert_into(checkin_blocks::table)
        .values((
            checkin_blocks::id.eq(id),
            checkin_blocks::visit_id.eq(visit),
            checkin_blocks::block_type.eq(BlockType::Initial),
            checkin_blocks::starts_at.eq(starts),
            checkin_blocks::ends_at.eq(ends),
            checkin_blocks::hours_purchased.eq(6),
            checkin_blocks::rental_type.eq(rental),
            checkin_blocks::room_id.eq(room),
            checkin_blocks::locker_id.eq(locker),
            checkin_blocks::created_at.eq(at(0)),
            checkin_blocks::updated_at.eq(at(0)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Puts `customer` in the room on `block`: OCCUPIED, assigned, the block current (what a
/// completed check-in leaves).
pub fn occupy_room(conn: &mut DbConn, room: RoomId, customer: CustomerId, block: BlockId) {
    diesel::update(rooms::table.find(room))
        .set((
            rooms::status.eq(InventoryStatus::Occupied),
            rooms::assigned_to_customer_id.eq(Some(customer)),
            rooms::current_block_id.eq(Some(block)),
        ))
        .execute(conn)
        .expect("the room takes the stay");
}

pub fn agreement(conn: &mut DbConn, language: Language, version: i32, active: bool) -> Result<AgreementId, DbError> {
    let id = AgreementId::new();
    let body = format!("Agreement text v{version}");
    diesel::insert_into(agreements::table)
        .values((
            agreements::id.eq(id),
            agreements::version.eq(version),
            agreements::language.eq(language),
            agreements::title.eq("Rules"),
            agreements::body_sha256.eq(frontdesk::db::models::agreement::sha256_hex(&body)),
            agreements::body_text.eq(body),
            agreements::consent_text.eq("I agree."),
            agreements::active.eq(active),
            agreements::created_at.eq(at(0)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// A complete signature row for `agreement` on a new lane session of `lane-1`.
pub fn signature(conn: &mut DbConn, agreement: AgreementId, text: &str, text_sha: &str) -> Result<SignatureId, DbError> {
    let id = SignatureId::new();
    let customer = customer(conn, "Signer");
    let staff = staff_member(conn, &format!("host-{}", id.0.simple()));
    let session = lane_session(conn, "lane-1", LaneSessionStatus::Completed)?;
    let sha = "a".repeat(64);
    diesel::insert_into(agreement_signatures::table)
        .values((
            (
                agreement_signatures::id.eq(id),
                agreement_signatures::agreement_id.eq(agreement),
                agreement_signatures::agreement_version.eq(1),
                agreement_signatures::language.eq(Language::En),
                agreement_signatures::agreement_title.eq("Rules"),
                agreement_signatures::agreement_text_snapshot.eq(text),
                agreement_signatures::agreement_text_sha256.eq(text_sha),
                agreement_signatures::consent_text.eq("I agree."),
                agreement_signatures::consent_text_sha256.eq(&sha),
                agreement_signatures::consent_at.eq(at(1)),
                agreement_signatures::signature_png.eq(vec![0u8, 1, 2]),
                agreement_signatures::signature_png_sha256.eq(&sha),
            ),
            (
                agreement_signatures::customer_id.eq(customer),
                agreement_signatures::customer_name.eq("Signer"),
                agreement_signatures::dob_verified.eq(true),
                agreement_signatures::identity_method.eq("ID_SCAN"),
                agreement_signatures::staff_id.eq(staff),
                agreement_signatures::lane_id.eq("lane-1"),
                agreement_signatures::lane_session_id.eq(session),
                agreement_signatures::agreement_shown_at.eq(at(0)),
                agreement_signatures::signed_at.eq(at(2)),
                agreement_signatures::record_sha256.eq(id.0.simple().to_string() + &"0".repeat(32)),
            ),
        ))
        .execute(conn)?;
    Ok(id)
}
