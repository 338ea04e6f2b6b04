//! `serve --demo` / `seed --demo`: a complete demo club on an empty database.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::db::ids::{AgreementId, LockerId, RoomId, StaffId};
use crate::db::models::agreement::{NewAgreement, sha256_hex};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::inventory::{NewLocker, NewRoom};
use crate::db::models::lane::{Lane, NewLane};
use crate::db::models::staff::NewStaff;
use crate::db::{DbConn, write_tx};
use crate::domain::enums::{InventoryStatus, Language, StaffRole};
use crate::domain::inventory::{demo_lockers, demo_rooms};
use crate::error::AppError;
use crate::security::pin;

/// Demo sign-ins, printed by the demo command (never used outside demo data).
pub const DEMO_STAFF: [(&str, &str, StaffRole, &str); 3] = [
    ("manager", "Morgan Manager", StaffRole::Manager, "111111"),
    ("alex", "Alex Staff", StaffRole::Staff, "222222"),
    ("sam", "Sam Staff", StaffRole::Staff, "333333"),
];

/// What the demo seed did.
#[derive(Debug, PartialEq, Eq)]
pub enum DemoOutcome {
    /// the demo club was created
    Created,
    /// the database already had lanes or staff; nothing was changed
    AlreadyHasData,
}

/// Seeds the demo club in one transaction, unless the database already has data.
pub fn seed(conn: &mut DbConn, now: DateTime<Utc>) -> Result<DemoOutcome, AppError> {
    write_tx(conn, |conn| {
        if !is_empty(conn)? {
            return Ok(DemoOutcome::AlreadyHasData);
        }
        seed_lanes(conn, now)?;
        let (rooms, lockers) = seed_inventory(conn, now)?;
        seed_agreements(conn, now)?;
        seed_staff(conn, now)?;
        NewAuditEvent {
            actor: Actor::System,
            lane_id: None,
            action: "SEED_DEMO",
            entity: None,
            summary: json!({ "lanes": 2, "rooms": rooms, "lockers": lockers, "agreements": 2, "staff": DEMO_STAFF.len() }),
            reason: None,
        }
        .append(conn, now)?;
        Ok(DemoOutcome::Created)
    })
}

/// Whether the club has no data at all: demo staff with known PINs must never be added to a
/// database where someone has started setting up a real club.
pub fn is_empty(conn: &mut DbConn) -> Result<bool, AppError> {
    use crate::db::schema::{agreements, customers, lockers, rooms, staff};
    use diesel::prelude::*;
    let counts = [
        Lane::count(conn)?,
        staff::table.count().get_result(conn)?,
        rooms::table.count().get_result(conn)?,
        lockers::table.count().get_result(conn)?,
        agreements::table.count().get_result(conn)?,
        customers::table.count().get_result(conn)?,
    ];
    Ok(counts.iter().all(|n| *n == 0))
}

fn seed_lanes(conn: &mut DbConn, now: DateTime<Utc>) -> Result<(), AppError> {
    for (id, name) in [("lane-1", "Lane 1"), ("lane-2", "Lane 2")] {
        NewLane { id, name, created_at: now.into() }.insert(conn)?;
    }
    Ok(())
}

fn seed_inventory(conn: &mut DbConn, now: DateTime<Utc>) -> Result<(usize, usize), AppError> {
    let rooms = demo_rooms();
    for (number, room_type) in &rooms {
        let status = InventoryStatus::Clean;
        NewRoom {
            id: RoomId::new(),
            number,
            room_type: *room_type,
            status,
            last_status_change: now.into(),
            created_at: now.into(),
            updated_at: now.into(),
        }
        .insert(conn)?;
    }
    let lockers = demo_lockers();
    for number in &lockers {
        let status = InventoryStatus::Clean;
        NewLocker { id: LockerId::new(), number, status, last_status_change: now.into(), created_at: now.into(), updated_at: now.into() }
            .insert(conn)?;
    }
    Ok((rooms.len(), lockers.len()))
}

const EN_BODY: &str = include_str!("agreement_v1_en.txt");
const ES_BODY: &str = include_str!("agreement_v1_es.txt");

fn seed_agreements(conn: &mut DbConn, now: DateTime<Utc>) -> Result<(), AppError> {
    let texts = [
        (Language::En, "Club Rules and Release", EN_BODY, "I have read this agreement and I agree to it."),
        (Language::Es, "Reglas del club y exención", ES_BODY, "He leído este acuerdo y lo acepto."),
    ];
    for (language, title, body, consent) in texts {
        NewAgreement {
            id: AgreementId::new(),
            version: 1,
            language,
            title,
            body_text: body,
            body_sha256: sha256_hex(body),
            consent_text: consent,
            active: true,
            created_at: now.into(),
            activated_at: Some(now.into()),
        }
        .insert(conn)?;
    }
    Ok(())
}

fn seed_staff(conn: &mut DbConn, now: DateTime<Utc>) -> Result<(), AppError> {
    for (login, display_name, role, demo_pin) in DEMO_STAFF {
        let pin_hash = pin::hash(demo_pin).map_err(|e| AppError::Internal(e.to_string()))?;
        NewStaff { id: StaffId::new(), login, display_name, role, pin_hash: &pin_hash, created_at: now.into(), updated_at: now.into() }
            .insert(conn)?;
    }
    Ok(())
}
