//! Kiosk pairing: a manager issues a one-time code for a lane (valid 10 minutes); the tablet
//! redeems it for a device token bound to that lane; managers list and revoke devices.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::principal::StaffAuth;
use crate::db::ids::{DeviceId, PairingCodeId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::device::{Device, NewDevice, NewPairingCode, PairingCode};
use crate::db::models::lane::Lane;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::error::AppError;
use crate::security::{pairing_code, token};

/// How long a pairing code can be redeemed.
pub fn code_lifetime() -> Duration {
    Duration::minutes(10)
}

/// A code to show the manager (the only time it exists in clear).
#[derive(Debug)]
pub struct IssuedCode {
    /// 8 characters
    pub code: String,
    /// lane it pairs to
    pub lane_id: String,
    /// end of validity
    pub expires_at: DateTime<Utc>,
}

/// Issues a pairing code for an active lane.
pub fn issue_code(conn: &mut DbConn, by: &StaffAuth, lane_id: &str, now: DateTime<Utc>) -> Result<IssuedCode, AppError> {
    write_tx(conn, |conn| {
        let lane = Lane::find(conn, lane_id)?.filter(|l| l.active).ok_or(AppError::NotFound { what: "The lane" })?;
        let (id, code) = (PairingCodeId::new(), pairing_code::generate());
        let expires_at = now + code_lifetime();
        let digest = token::digest(&code);
        PairingCode::insert(
            conn,
            &NewPairingCode {
                id,
                lane_id: &lane.id,
                code_sha256: &digest,
                created_by_staff_id: by.staff.id,
                created_at: Ts(now),
                expires_at: Ts(expires_at),
            },
        )?;
        let summary = json!({ "expires_at": expires_at });
        NewAuditEvent {
            actor: by.actor(),
            lane_id: Some(&lane.id),
            action: "DEVICE_PAIRING_CODE_ISSUED",
            entity: Some(("pairing_code", id.to_string())),
            summary,
            reason: None,
        }
        .append(conn, now)?;
        Ok(IssuedCode { code, lane_id: lane.id, expires_at })
    })
}

/// A freshly paired device and its token (shown once).
#[derive(Debug)]
pub struct Paired {
    /// the device
    pub device: Device,
    /// its secret
    pub token: String,
}

fn invalid_code() -> AppError {
    AppError::Invalid {
        code: "PAIRING_CODE_INVALID",
        field: Some("code".into()),
        message: "This code is not valid or has expired. Ask a manager for a new one.".into(),
    }
}

/// Redeems a code: one use, within 10 minutes.
pub fn redeem(conn: &mut DbConn, typed_code: &str, name: &str, now: DateTime<Utc>) -> Result<Paired, AppError> {
    let code = pairing_code::normalize(typed_code).ok_or_else(invalid_code)?;
    write_tx(conn, |conn| {
        let found = PairingCode::by_hash(conn, &token::digest(&code))?;
        let pairing = found.filter(|p| p.redeemed_at.is_none() && p.expires_at.0 > now).ok_or_else(invalid_code)?;
        let (id, secret) = (DeviceId::new(), token::generate(token::TokenKind::Device));
        let digest = token::digest(&secret);
        let new = NewDevice {
            id,
            lane_id: &pairing.lane_id,
            name,
            token_sha256: &digest,
            paired_by_staff_id: pairing.created_by_staff_id,
            paired_at: Ts(now),
        };
        Device::insert(conn, &new)?;
        if !PairingCode::redeem(conn, pairing.id, id, Ts(now))? {
            return Err(invalid_code());
        }
        let summary = json!({ "name": name, "pairing_code_id": pairing.id });
        NewAuditEvent {
            actor: Actor::Device(id),
            lane_id: Some(&pairing.lane_id),
            action: "DEVICE_PAIRED",
            entity: Some(("device", id.to_string())),
            summary,
            reason: None,
        }
        .append(conn, now)?;
        let device = Device::find(conn, id)?.ok_or(AppError::NotFound { what: "The device" })?;
        Ok(Paired { device, token: secret })
    })
}

/// Revokes a device: its token stops working at once.
pub fn revoke(conn: &mut DbConn, by: &StaffAuth, id: DeviceId, now: DateTime<Utc>) -> Result<Device, AppError> {
    write_tx(conn, |conn| {
        let device = Device::find(conn, id)?.ok_or(AppError::NotFound { what: "The device" })?;
        if Device::revoke(conn, id, by.staff.id, Ts(now))? {
            NewAuditEvent {
                actor: by.actor(),
                lane_id: Some(&device.lane_id),
                action: "DEVICE_REVOKED",
                entity: Some(("device", id.to_string())),
                summary: json!({ "name": device.name }),
                reason: None,
            }
            .append(conn, now)?;
        }
        Device::find(conn, id)?.ok_or(AppError::NotFound { what: "The device" })
    })
}
