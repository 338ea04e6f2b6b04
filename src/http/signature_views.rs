//! The JSON shapes of `/api/signatures`: a list item, and the detail (the item plus the text
//! signed, the image, every hash, attribution, timeline, stay and verification).

use base64::Engine;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::checkin::evidence::Verification;
use crate::db::ids::{AgreementId, BlockId, CustomerId, DeviceId, LaneSessionId, PaymentIntentId, SignatureId, StaffId};
use crate::db::models::signature::NewSignature;
use crate::db::models::signature_listing::Listing;
use crate::domain::enums::{IdentityMethod, Language, RentalType, ResourceType, SignatureMethod};

/// The room or locker of the stay a signature authorised.
#[derive(Serialize, ToSchema)]
pub struct UnitRef {
    /// ROOM or LOCKER
    #[schema(value_type = String, example = "ROOM")]
    pub kind: ResourceType,
    /// e.g. "214"
    pub number: String,
}

/// One signature in the list.
#[derive(Serialize, ToSchema)]
pub struct SignatureItem {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: SignatureId,
    /// server time of signing
    pub signed_at: DateTime<Utc>,
    /// the customer's name at signing
    pub customer_name: String,
    /// membership number at signing
    pub membership_number: Option<String>,
    /// title of the agreement signed
    pub agreement_title: String,
    /// its version
    pub agreement_version: i32,
    /// EN or ES
    #[schema(value_type = String, example = "EN")]
    pub language: Language,
    /// the lane
    pub lane_id: String,
    /// the employee hosting the lane
    #[schema(value_type = String, format = "uuid")]
    pub staff_id: StaffId,
    /// their display name
    pub staff_name: String,
    /// the kiosk
    #[schema(value_type = Option<String>, format = "uuid")]
    pub device_id: Option<DeviceId>,
    /// its label
    pub device_name: Option<String>,
    /// DRAWN (on the pad) or TYPED (the customer typed their full name)
    #[schema(value_type = String, example = "DRAWN")]
    pub signature_method: SignatureMethod,
    /// the room or locker of the stay it authorised
    pub unit: Option<UnitRef>,
    /// every hash of the record still matches (recomputed for this answer)
    pub intact: bool,
}

impl SignatureItem {
    /// The list item of `l`, whose record verified as `intact`.
    pub fn new(l: &Listing, intact: bool) -> Self {
        let unit = match (&l.room_number, &l.locker_number) {
            (Some(number), _) => Some(UnitRef { kind: ResourceType::Room, number: number.clone() }),
            (None, Some(number)) => Some(UnitRef { kind: ResourceType::Locker, number: number.clone() }),
            (None, None) => None,
        };
        Self {
            id: l.id,
            signed_at: l.signed_at.0,
            customer_name: l.customer_name.clone(),
            membership_number: l.membership_number.clone(),
            agreement_title: l.agreement_title.clone(),
            agreement_version: l.agreement_version,
            language: l.language,
            lane_id: l.lane_id.clone(),
            staff_id: l.staff_id,
            staff_name: l.staff_name.clone(),
            device_id: l.device_id,
            device_name: l.device_name.clone(),
            signature_method: l.signature_method,
            unit,
            intact,
        }
    }
}

/// A page of signatures.
#[derive(Serialize, ToSchema)]
pub struct SignaturePage {
    /// newest first
    pub items: Vec<SignatureItem>,
    /// pass as `cursor` for the next page; null on the last page
    pub next_cursor: Option<String>,
}

/// The stored hashes.
#[derive(Serialize, ToSchema)]
pub struct Hashes {
    /// SHA-256 of the text signed
    pub agreement_text_sha256: String,
    /// SHA-256 of the consent sentence
    pub consent_text_sha256: String,
    /// SHA-256 of the PNG bytes
    pub signature_png_sha256: String,
    /// SHA-256 of the canonical record
    pub record_sha256: String,
}

/// When each step happened.
#[derive(Serialize, ToSchema)]
pub struct Timeline {
    /// the kiosk first showed the agreement
    pub agreement_shown_at: DateTime<Utc>,
    /// the consent box was ticked
    pub consent_at: DateTime<Utc>,
    /// the server stored the signature
    pub signed_at: DateTime<Utc>,
}

/// Who signed and how that was established.
#[derive(Serialize, ToSchema)]
pub struct Attribution {
    /// the customer
    #[schema(value_type = String, format = "uuid")]
    pub customer_id: CustomerId,
    /// the date of birth was checked against an ID
    pub dob_verified: bool,
    /// ID_SCAN, STAFF_CHECKED or MANUAL
    #[schema(value_type = String, example = "ID_SCAN")]
    pub identity_method: IdentityMethod,
    /// the lane session
    #[schema(value_type = String, format = "uuid")]
    pub lane_session_id: LaneSessionId,
    /// the kiosk browser
    pub user_agent: Option<String>,
    /// the kiosk's address
    pub ip: Option<String>,
}

/// The check-in block the signature authorised.
#[derive(Serialize, ToSchema)]
pub struct Stay {
    /// the block
    #[schema(value_type = String, format = "uuid")]
    pub checkin_block_id: BlockId,
    /// what was rented
    #[schema(value_type = String, example = "STANDARD")]
    pub rental_type: RentalType,
    /// block start
    pub starts_at: DateTime<Utc>,
    /// block end (checkout time)
    pub ends_at: DateTime<Utc>,
}

/// Everything about one signature.
#[derive(Serialize, ToSchema)]
pub struct SignatureDetail {
    /// the list fields
    #[serde(flatten)]
    pub item: SignatureItem,
    /// the agreement version signed
    #[schema(value_type = String, format = "uuid")]
    pub agreement_id: AgreementId,
    /// the exact text shown
    pub agreement_text: String,
    /// the consent sentence shown
    pub consent_text: String,
    /// the full name as the customer typed it (TYPED signatures; null when drawn)
    pub typed_name: Option<String>,
    /// `data:image/png;base64,...` (for TYPED, the kiosk's image of the typed name)
    pub signature_png: String,
    /// the drawn strokes as stored (`{width, height, strokes: [{points: [{x, y, t}]}]}`)
    #[schema(value_type = Option<Object>)]
    pub strokes: Option<serde_json::Value>,
    /// the stored hashes
    pub hashes: Hashes,
    /// shown, consent, signed
    pub timeline: Timeline,
    /// who and how
    pub attribution: Attribution,
    /// the stay it authorised
    pub stay: Option<Stay>,
    /// the payment of that check-in
    #[schema(value_type = Option<String>, format = "uuid")]
    pub payment_intent_id: Option<PaymentIntentId>,
    /// the hashes recomputed now
    pub verification: Verification,
}

impl SignatureDetail {
    /// The detail of `record`, listed as `listing`, verified as `verification`.
    pub fn new(listing: &Listing, record: NewSignature, verification: Verification) -> Self {
        let stay = match (listing.block_id, listing.rental_type, listing.starts_at, listing.ends_at) {
            (Some(checkin_block_id), Some(rental_type), Some(starts), Some(ends)) => {
                Some(Stay { checkin_block_id, rental_type, starts_at: starts.0, ends_at: ends.0 })
            }
            _ => None,
        };
        let png = base64::engine::general_purpose::STANDARD.encode(&record.signature_png);
        // The strokes were validated JSON when signed; text that no longer parses is shown as
        // null (any change to it also fails the record check).
        let strokes = record.signature_strokes_json.as_deref().and_then(|j| serde_json::from_str(j).ok());
        Self {
            item: SignatureItem::new(listing, verification.intact),
            agreement_id: record.agreement_id,
            agreement_text: record.agreement_text_snapshot,
            consent_text: record.consent_text,
            typed_name: record.typed_name,
            signature_png: format!("data:image/png;base64,{png}"),
            strokes,
            hashes: Hashes {
                agreement_text_sha256: record.agreement_text_sha256,
                consent_text_sha256: record.consent_text_sha256,
                signature_png_sha256: record.signature_png_sha256,
                record_sha256: record.record_sha256,
            },
            timeline: Timeline {
                agreement_shown_at: record.agreement_shown_at.0,
                consent_at: record.consent_at.0,
                signed_at: record.signed_at.0,
            },
            attribution: Attribution {
                customer_id: record.customer_id,
                dob_verified: record.dob_verified,
                identity_method: record.identity_method,
                lane_session_id: record.lane_session_id,
                user_agent: record.user_agent,
                ip: record.ip,
            },
            stay,
            payment_intent_id: record.payment_intent_id,
            verification,
        }
    }
}
