//! The stay slip of one check-in block (a check-in or a renewal): the unit, its times in the
//! club's zone, what was paid for the block and the agreement signature that authorised it,
//! with a QR code of that signature's `record_sha256` so a slip can be matched to its evidence.
//! Read-only: printing a slip changes nothing.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::db::ids::{BlockId, LockerId, PaymentIntentId, RoomId, SignatureId};
use crate::db::schema::{agreement_signatures, checkin_blocks, lockers, payment_intents, rooms};
use crate::db::sql_types::Ts;
use crate::domain::enums::{BlockType, Language, PaymentStatus, RentalType, ResourceType};
use crate::domain::qr;
use crate::error::AppError;

/// The club, as the slip names it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SlipClub {
    /// the club's name (`FRONTDESK_CLUB_NAME`)
    pub name: String,
}

/// The agreement version the block was signed under.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SlipAgreement {
    /// its number
    pub version: i32,
    /// EN or ES
    #[schema(value_type = String, example = "EN")]
    pub language: Language,
}

/// Everything a printed slip shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Slip {
    /// the block
    #[schema(value_type = String, format = "uuid")]
    pub block_id: BlockId,
    /// who issues it
    pub club: SlipClub,
    /// ROOM or LOCKER
    #[schema(value_type = String, example = "ROOM")]
    pub kind: ResourceType,
    /// the unit's number (on the key)
    pub number: String,
    /// what was rented (STANDARD, DOUBLE, SPECIAL, LOCKER, GYM_LOCKER)
    #[schema(value_type = String, example = "STANDARD")]
    pub rental_type: RentalType,
    /// INITIAL (a check-in), RENEWAL or FINAL2H
    #[schema(value_type = String, example = "INITIAL")]
    pub block_type: BlockType,
    /// when the block starts
    pub starts_at: DateTime<Utc>,
    /// when it ends: the checkout time
    pub checkout_at: DateTime<Utc>,
    /// the IANA zone the slip shows times in (`FRONTDESK_TZ`)
    pub time_zone: String,
    /// the block's payment intent, in cents, when it is PAID; 0 without one
    pub total_paid_cents: i64,
    /// the agreement signed for it (null for a block without a signature)
    pub agreement: Option<SlipAgreement>,
    /// that signature's `record_sha256` (null likewise)
    pub record_sha256: Option<String>,
    /// the QR code of `record_sha256`, as one `<svg>` element (null likewise)
    pub qr_svg: Option<String>,
}

/// The club settings a slip shows.
pub struct Club<'a> {
    /// its name
    pub name: &'a str,
    /// its zone
    pub tz: Tz,
}

type BlockRow = (BlockType, Ts, Ts, RentalType, Option<RoomId>, Option<LockerId>, Option<SignatureId>, Option<PaymentIntentId>);

fn block_row(conn: &mut DbConn, id: BlockId) -> QueryResult<Option<BlockRow>> {
    checkin_blocks::table
        .find(id)
        .select((
            checkin_blocks::block_type,
            checkin_blocks::starts_at,
            checkin_blocks::ends_at,
            checkin_blocks::rental_type,
            checkin_blocks::room_id,
            checkin_blocks::locker_id,
            checkin_blocks::agreement_signature_id,
            checkin_blocks::payment_intent_id,
        ))
        .first(conn)
        .optional()
}

fn unit(conn: &mut DbConn, room: Option<RoomId>, locker: Option<LockerId>) -> Result<(ResourceType, String), AppError> {
    match (room, locker) {
        (Some(room), _) => Ok((ResourceType::Room, rooms::table.find(room).select(rooms::number).first(conn)?)),
        (None, Some(locker)) => Ok((ResourceType::Locker, lockers::table.find(locker).select(lockers::number).first(conn)?)),
        (None, None) => Err(AppError::Internal("a check-in block on no unit".into())),
    }
}

fn paid_cents(conn: &mut DbConn, intent: Option<PaymentIntentId>) -> QueryResult<i64> {
    let Some(intent) = intent else { return Ok(0) };
    let row: Option<(PaymentStatus, i64)> =
        payment_intents::table.find(intent).select((payment_intents::status, payment_intents::amount_cents)).first(conn).optional()?;
    Ok(row.filter(|(status, _)| *status == PaymentStatus::Paid).map_or(0, |(_, cents)| cents))
}

fn signature(conn: &mut DbConn, id: Option<SignatureId>) -> QueryResult<Option<(SlipAgreement, String)>> {
    let Some(id) = id else { return Ok(None) };
    let row: Option<(i32, Language, String)> = agreement_signatures::table
        .find(id)
        .select((agreement_signatures::agreement_version, agreement_signatures::language, agreement_signatures::record_sha256))
        .first(conn)
        .optional()?;
    Ok(row.map(|(version, language, hash)| (SlipAgreement { version, language }, hash)))
}

/// The slip of block `id`, `None` when there is no such block.
pub fn read(conn: &mut DbConn, id: BlockId, club: &Club<'_>) -> Result<Option<Slip>, AppError> {
    let Some((block_type, starts, ends, rental_type, room, locker, signature_id, intent)) = block_row(conn, id)? else {
        return Ok(None);
    };
    let (kind, number) = unit(conn, room, locker)?;
    let total_paid_cents = paid_cents(conn, intent)?;
    let signed = signature(conn, signature_id)?;
    let qr_svg = match &signed {
        Some((_, hash)) => Some(qr::svg(hash).map_err(|e| AppError::Internal(format!("cannot draw the slip's QR code: {e}")))?),
        None => None,
    };
    let (agreement, record_sha256) = signed.map_or((None, None), |(a, h)| (Some(a), Some(h)));
    Ok(Some(Slip {
        block_id: id,
        club: SlipClub { name: club.name.to_owned() },
        kind,
        number,
        rental_type,
        block_type,
        starts_at: starts.0,
        checkout_at: ends.0,
        time_zone: club.tz.name().to_owned(),
        total_paid_cents,
        agreement,
        record_sha256,
        qr_svg,
    }))
}
