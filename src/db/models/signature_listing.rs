//! The managers' view of `agreement_signatures`: each record with who hosted it (staff name),
//! where (device name) and the stay it authorised (block, room or locker), filtered and paged
//! newest first by `(signed_at, id)`. One query per page; no image or text is read.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::db::DbConn;
use crate::db::ids::{BlockId, DeviceId, SignatureId, StaffId};
use crate::db::schema::{agreement_signatures as sig, checkin_blocks, devices, lockers, rooms, staff};
use crate::db::sql_types::Ts;
use crate::domain::enums::{BlockType, Language, RentalType, SignatureMethod};

diesel::define_sql_function!(fn lower(x: Text) -> Text);

/// One signature as the list shows it.
#[derive(Debug, Clone, Queryable)]
pub struct Listing {
    /// id
    pub id: SignatureId,
    /// server time of signing
    pub signed_at: Ts,
    /// name at signing
    pub customer_name: String,
    /// membership number at signing
    pub membership_number: Option<String>,
    /// agreement title
    pub agreement_title: String,
    /// agreement version
    pub agreement_version: i32,
    /// agreement language
    pub language: Language,
    /// lane
    pub lane_id: String,
    /// the employee hosting the lane
    pub staff_id: StaffId,
    /// their display name
    pub staff_name: String,
    /// the kiosk
    pub device_id: Option<DeviceId>,
    /// its label
    pub device_name: Option<String>,
    /// DRAWN or TYPED
    pub signature_method: SignatureMethod,
    /// the block it authorised
    pub block_id: Option<BlockId>,
    /// what that block rented
    pub rental_type: Option<RentalType>,
    /// block start
    pub starts_at: Option<Ts>,
    /// block end
    pub ends_at: Option<Ts>,
    /// the block's room number
    pub room_number: Option<String>,
    /// the block's locker number
    pub locker_number: Option<String>,
}

/// What to list. `None` means no restriction.
#[derive(Debug, Clone, Default)]
pub struct SignatureFilter {
    /// signed at or after
    pub from: Option<DateTime<Utc>>,
    /// signed before
    pub until: Option<DateTime<Utc>>,
    /// part of the customer's name (any case)
    pub customer: Option<String>,
    /// lane id
    pub lane: Option<String>,
    /// agreement language
    pub language: Option<Language>,
    /// agreement version
    pub agreement_version: Option<i32>,
    /// hosting employee
    pub staff: Option<StaffId>,
    /// kiosk
    pub device: Option<DeviceId>,
    /// room or locker number (exact)
    pub unit: Option<String>,
}

/// Position in the list: records strictly older than this `(signed_at, id)`.
pub type Position = (Ts, SignatureId);

macro_rules! listing_query {
    () => {
        sig::table
            .inner_join(staff::table)
            .left_join(devices::table)
            // The block it authorised: named by the signature, or, when the hold was lost and
            // staff assigned a unit later, the INITIAL block that names the signature.
            .left_join(
                checkin_blocks::table.on(sig::checkin_block_id.eq(checkin_blocks::id.nullable()).or(sig::checkin_block_id
                    .is_null()
                    .and(checkin_blocks::agreement_signature_id.eq(sig::id.nullable()))
                    .and(checkin_blocks::block_type.eq(BlockType::Initial)))),
            )
            .left_join(rooms::table.on(checkin_blocks::room_id.eq(rooms::id.nullable())))
            .left_join(lockers::table.on(checkin_blocks::locker_id.eq(lockers::id.nullable())))
            .select((
                sig::id,
                sig::signed_at,
                sig::customer_name,
                sig::membership_number,
                sig::agreement_title,
                sig::agreement_version,
                sig::language,
                sig::lane_id,
                sig::staff_id,
                staff::display_name,
                sig::device_id,
                devices::name.nullable(),
                sig::signature_method,
                checkin_blocks::id.nullable(),
                checkin_blocks::rental_type.nullable(),
                checkin_blocks::starts_at.nullable(),
                checkin_blocks::ends_at.nullable(),
                rooms::number.nullable(),
                lockers::number.nullable(),
            ))
    };
}

/// Up to `limit` signatures matching `filter`, older than `after` (or the newest), newest
/// first (ties on `signed_at` by id, descending).
pub fn page(conn: &mut DbConn, filter: &SignatureFilter, after: Option<Position>, limit: i64) -> QueryResult<Vec<Listing>> {
    let mut query = listing_query!().order((sig::signed_at.desc(), sig::id.desc())).limit(limit).into_boxed();
    if let Some((at, id)) = after {
        query = query.filter(sig::signed_at.lt(at).or(sig::signed_at.eq(at).and(sig::id.lt(id))));
    }
    if let Some(from) = filter.from {
        query = query.filter(sig::signed_at.ge(Ts(from)));
    }
    if let Some(until) = filter.until {
        query = query.filter(sig::signed_at.lt(Ts(until)));
    }
    if let Some(customer) = &filter.customer {
        let pattern = format!("%{}%", customer.to_lowercase().replace(['%', '_', '\\'], ""));
        query = query.filter(lower(sig::customer_name).like(pattern));
    }
    if let Some(lane) = &filter.lane {
        query = query.filter(sig::lane_id.eq(lane.clone()));
    }
    if let Some(language) = filter.language {
        query = query.filter(sig::language.eq(language));
    }
    if let Some(version) = filter.agreement_version {
        query = query.filter(sig::agreement_version.eq(version));
    }
    if let Some(staff_id) = filter.staff {
        query = query.filter(sig::staff_id.eq(staff_id));
    }
    if let Some(device) = filter.device {
        query = query.filter(sig::device_id.eq(device));
    }
    if let Some(unit) = &filter.unit {
        query = query.filter(rooms::number.nullable().eq(unit.clone()).or(lockers::number.nullable().eq(unit.clone())));
    }
    query.load(conn)
}

/// One signature's listing (for the detail view).
pub fn one(conn: &mut DbConn, id: SignatureId) -> QueryResult<Option<Listing>> {
    listing_query!().filter(sig::id.eq(id)).first(conn).optional()
}
