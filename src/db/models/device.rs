//! `devices` and `device_pairing_codes`: kiosk tablets paired to one lane.

use diesel::prelude::*;

use crate::db::ids::{DeviceId, PairingCodeId, StaffId};
use crate::db::schema::{device_pairing_codes, devices};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};

/// How stale `last_seen_at` may get before a request or heartbeat writes it again.
pub const SEEN_EVERY_SECONDS: i64 = 60;

/// A paired device.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = devices, check_for_backend(MultiBackend))]
pub struct Device {
    /// id
    pub id: DeviceId,
    /// the only lane it may act on
    pub lane_id: String,
    /// label given at pairing
    pub name: String,
    /// the manager who issued the code
    pub paired_by_staff_id: StaffId,
    /// when
    pub paired_at: Ts,
    /// last request or socket heartbeat, to the minute (see [`Device::seen`])
    pub last_seen_at: Option<Ts>,
    /// set when revoked; a revoked device is refused
    pub revoked_at: Option<Ts>,
}

/// A device to create at pairing.
#[derive(Debug, Insertable)]
#[diesel(table_name = devices, treat_none_as_default_value = false)]
pub struct NewDevice<'a> {
    /// id
    pub id: DeviceId,
    /// lane of the code
    pub lane_id: &'a str,
    /// label
    pub name: &'a str,
    /// SHA-256 of the device token
    pub token_sha256: &'a str,
    /// who issued the code
    pub paired_by_staff_id: StaffId,
    /// now
    pub paired_at: Ts,
}

impl Device {
    /// Inserts a device.
    pub fn insert(conn: &mut DbConn, new: &NewDevice<'_>) -> QueryResult<()> {
        diesel::insert_into(devices::table).values(new).execute(conn).map(drop)
    }

    /// The device whose token hashes to `token_sha256`.
    pub fn by_token_hash(conn: &mut DbConn, token_sha256: &str) -> QueryResult<Option<Device>> {
        devices::table.filter(devices::token_sha256.eq(token_sha256)).select(Device::as_select()).first(conn).optional()
    }

    /// A device by id.
    pub fn find(conn: &mut DbConn, id: DeviceId) -> QueryResult<Option<Device>> {
        devices::table.find(id).select(Device::as_select()).first(conn).optional()
    }

    /// Every device, newest first.
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Device>> {
        devices::table.order(devices::paired_at.desc()).select(Device::as_select()).load(conn)
    }

    /// Records that the device was heard from at `now`, at most once a minute: a kiosk polls
    /// and keeps a socket, so a write per request would be a write per second.
    pub fn seen(conn: &mut DbConn, device: &Device, now: Ts) -> QueryResult<()> {
        let fresh = device.last_seen_at.is_some_and(|at| now.0 - at.0 < chrono::Duration::seconds(SEEN_EVERY_SECONDS));
        if !fresh {
            diesel::update(devices::table.find(device.id)).set(devices::last_seen_at.eq(now)).execute(conn)?;
        }
        Ok(())
    }

    /// Revokes a device; returns whether it was active.
    pub fn revoke(conn: &mut DbConn, id: DeviceId, by: StaffId, at: Ts) -> QueryResult<bool> {
        let n = diesel::update(devices::table.find(id).filter(devices::revoked_at.is_null()))
            .set((devices::revoked_at.eq(at), devices::revoked_by_staff_id.eq(by)))
            .execute(conn)?;
        Ok(n == 1)
    }
}

/// A pairing code row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = device_pairing_codes, check_for_backend(MultiBackend))]
pub struct PairingCode {
    /// id
    pub id: PairingCodeId,
    /// lane the device will serve
    pub lane_id: String,
    /// manager who issued it
    pub created_by_staff_id: StaffId,
    /// end of validity
    pub expires_at: Ts,
    /// set once used
    pub redeemed_at: Option<Ts>,
}

/// A code to store (hashed).
#[derive(Debug, Insertable)]
#[diesel(table_name = device_pairing_codes, treat_none_as_default_value = false)]
pub struct NewPairingCode<'a> {
    /// id
    pub id: PairingCodeId,
    /// lane
    pub lane_id: &'a str,
    /// SHA-256 of the normalised code
    pub code_sha256: &'a str,
    /// issuer
    pub created_by_staff_id: StaffId,
    /// now
    pub created_at: Ts,
    /// now + 10 min
    pub expires_at: Ts,
}

impl PairingCode {
    /// Stores a new code.
    pub fn insert(conn: &mut DbConn, new: &NewPairingCode<'_>) -> QueryResult<()> {
        diesel::insert_into(device_pairing_codes::table).values(new).execute(conn).map(drop)
    }

    /// The code whose normalised text hashes to `code_sha256`.
    pub fn by_hash(conn: &mut DbConn, code_sha256: &str) -> QueryResult<Option<PairingCode>> {
        device_pairing_codes::table
            .filter(device_pairing_codes::code_sha256.eq(code_sha256))
            .select(PairingCode::as_select())
            .first(conn)
            .optional()
    }

    /// Marks the code used by `device`, only if still unused; returns whether it was.
    pub fn redeem(conn: &mut DbConn, id: PairingCodeId, device: DeviceId, at: Ts) -> QueryResult<bool> {
        let n = diesel::update(device_pairing_codes::table.find(id).filter(device_pairing_codes::redeemed_at.is_null()))
            .set((device_pairing_codes::redeemed_at.eq(at), device_pairing_codes::device_id.eq(device)))
            .execute(conn)?;
        Ok(n == 1)
    }
}
