//! The club a generated year happens in: its units, staff, lanes and active agreements.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{AgreementId, LockerId, RoomId, StaffId};
use crate::db::schema::{agreements, lanes, lockers, rooms, staff};
use crate::domain::enums::{InventoryStatus, RoomType};

/// A rentable unit.
#[derive(Debug, Clone)]
pub enum Unit {
    /// a room and its tier
    Room(RoomId, RoomType, String),
    /// a locker
    Locker(LockerId, String),
}

/// An active agreement version.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// `agreements.id`
    pub id: AgreementId,
    /// its version
    pub version: i32,
    /// `EN` or `ES`
    pub language: String,
    /// title, body and consent, copied into each signature
    pub title: String,
    /// the body
    pub body: String,
    /// the body's SHA-256
    pub body_sha256: String,
    /// the consent sentence
    pub consent: String,
}

/// What the generator draws from.
#[derive(Debug, Clone)]
pub struct Club {
    /// every unit in service
    pub units: Vec<Unit>,
    /// active employees
    pub staff: Vec<StaffId>,
    /// the lanes' ids
    pub lanes: Vec<String>,
    /// the active agreements (one per language)
    pub agreements: Vec<Agreement>,
}

type AgreementRow = (AgreementId, i32, String, String, String, String, String);

impl Club {
    /// Reads the club; it needs at least one unit, employee, lane and agreement.
    pub fn load(conn: &mut DbConn) -> QueryResult<Self> {
        let room_rows: Vec<(RoomId, String, RoomType)> = rooms::table
            .filter(rooms::status.ne(InventoryStatus::OutOfOrder))
            .select((rooms::id, rooms::number, rooms::type_))
            .order(rooms::number)
            .load(conn)?;
        let locker_rows: Vec<(LockerId, String)> = lockers::table
            .filter(lockers::status.ne(InventoryStatus::OutOfOrder))
            .select((lockers::id, lockers::number))
            .order(lockers::number)
            .load(conn)?;
        let units = room_rows
            .into_iter()
            .map(|(id, number, tier)| Unit::Room(id, tier, number))
            .chain(locker_rows.into_iter().map(|(id, number)| Unit::Locker(id, number)))
            .collect();
        let staff = staff::table.filter(staff::active.eq(true)).select(staff::id).order(staff::login).load(conn)?;
        let lanes = lanes::table.select(lanes::id).order(lanes::id).load(conn)?;
        let rows: Vec<AgreementRow> = agreements::table
            .filter(agreements::active.eq(true))
            .select((
                agreements::id,
                agreements::version,
                agreements::language,
                agreements::title,
                agreements::body_text,
                agreements::body_sha256,
                agreements::consent_text,
            ))
            .order(agreements::language)
            .load(conn)?;
        let agreements = rows
            .into_iter()
            .map(|(id, version, language, title, body, body_sha256, consent)| Agreement {
                id,
                version,
                language,
                title,
                body,
                body_sha256,
                consent,
            })
            .collect();
        Ok(Self { units, staff, lanes, agreements })
    }
}
