//! `agreement_signatures`: immutable evidence of one signing (the database refuses UPDATE and
//! DELETE). Every field of spec/evidence.md is a column.

use diesel::prelude::*;

use crate::db::ids::{AgreementId, BlockId, CustomerId, DeviceId, LaneSessionId, PaymentIntentId, SignatureId, StaffId};
use crate::db::schema::agreement_signatures;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::{IdentityMethod, Language, SignatureMethod};

/// A signature record: stored once, and read back whole (`find`) so that its hashes can be
/// recomputed from exactly the fields they cover.
#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = agreement_signatures, treat_none_as_default_value = false, check_for_backend(MultiBackend))]
pub struct NewSignature {
    /// id
    pub id: SignatureId,
    /// the agreement version signed
    pub agreement_id: AgreementId,
    /// its number
    pub agreement_version: i32,
    /// its language
    pub language: Language,
    /// its title
    pub agreement_title: String,
    /// the exact text shown
    pub agreement_text_snapshot: String,
    /// SHA-256 of that text
    pub agreement_text_sha256: String,
    /// the consent sentence shown
    pub consent_text: String,
    /// its SHA-256
    pub consent_text_sha256: String,
    /// when the box was ticked
    pub consent_at: Ts,
    /// the drawn strokes (JSON)
    pub signature_strokes_json: Option<String>,
    /// the rendered mark
    pub signature_png: Vec<u8>,
    /// its SHA-256
    pub signature_png_sha256: String,
    /// who signed
    pub customer_id: CustomerId,
    /// name at signing
    pub customer_name: String,
    /// membership number at signing
    pub membership_number: Option<String>,
    /// whether the DOB was checked against an ID
    pub dob_verified: bool,
    /// how identity was established
    pub identity_method: IdentityMethod,
    /// the employee hosting the lane
    pub staff_id: StaffId,
    /// the kiosk
    pub device_id: Option<DeviceId>,
    /// the lane
    pub lane_id: String,
    /// the lane session
    pub lane_session_id: LaneSessionId,
    /// the kiosk browser
    pub user_agent: Option<String>,
    /// the kiosk's address
    pub ip: Option<String>,
    /// the block it authorised (set in the same transaction)
    pub checkin_block_id: Option<BlockId>,
    /// the payment of that check-in
    pub payment_intent_id: Option<PaymentIntentId>,
    /// when the kiosk first showed the agreement
    pub agreement_shown_at: Ts,
    /// server time of signing
    pub signed_at: Ts,
    /// SHA-256 of the canonical record
    pub record_sha256: String,
    /// DRAWN or TYPED
    pub signature_method: SignatureMethod,
    /// the name as the customer typed it (exactly when TYPED)
    pub typed_name: Option<String>,
}

impl NewSignature {
    /// Inserts the signature.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(agreement_signatures::table).values(self).execute(conn).map(drop)
    }

    /// The whole record by id (text, image and strokes included).
    pub fn find(conn: &mut DbConn, id: SignatureId) -> QueryResult<Option<NewSignature>> {
        agreement_signatures::table.find(id).select(NewSignature::as_select()).first(conn).optional()
    }

    /// The stored records with these ids (in no particular order; unknown ids are skipped).
    pub fn find_many(conn: &mut DbConn, ids: &[SignatureId]) -> QueryResult<Vec<NewSignature>> {
        // An OR of keys: MultiBackend cannot bind a list for `= ANY(..)` (stack-notes).
        let Some((first, rest)) = ids.split_first() else { return Ok(Vec::new()) };
        let mut query =
            agreement_signatures::table.select(NewSignature::as_select()).filter(agreement_signatures::id.eq(*first)).into_boxed();
        for id in rest {
            query = query.or_filter(agreement_signatures::id.eq(*id));
        }
        query.load(conn)
    }
}
