//! The rows a generated year inserts, one `Insertable` struct per table with only the columns
//! the generator sets (the others keep their defaults), and their batched insert.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{
    AgreementId, BlockId, CheckoutId, CustomerId, LaneSessionId, LockerId, PaymentIntentId, ResourceId, RoomId, SignatureId, StaffId,
    TransitionId, VisitId, WaitlistId,
};
use crate::db::schema::{
    agreement_signatures, checkin_blocks, checkouts, customers, inventory_transitions, lane_sessions, payment_intents, visits, waitlist,
};
use crate::db::sql_types::Ts;

/// `customers`
#[derive(Insertable)]
#[diesel(table_name = customers, treat_none_as_default_value = false)]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    pub primary_language: Option<&'static str>,
    pub past_due_cents: i64,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// `visits`
#[derive(Insertable)]
#[diesel(table_name = visits, treat_none_as_default_value = false)]
pub struct Visit {
    pub id: VisitId,
    pub customer_id: CustomerId,
    pub started_at: Ts,
    pub ended_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// `lane_sessions`: a completed check-in or renewal.
#[derive(Insertable)]
#[diesel(table_name = lane_sessions, treat_none_as_default_value = false)]
pub struct Session {
    pub id: LaneSessionId,
    pub lane_id: String,
    pub status: &'static str,
    pub mode: &'static str,
    pub staff_id: Option<StaffId>,
    pub customer_id: Option<CustomerId>,
    pub visit_id: Option<VisitId>,
    pub renewal_hours: Option<i32>,
    pub language: Option<&'static str>,
    pub desired_rental_type: Option<&'static str>,
    pub last_activity_at: Ts,
    pub completed_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// `payment_intents`: always PAID here.
#[derive(Insertable)]
#[diesel(table_name = payment_intents, treat_none_as_default_value = false)]
pub struct Intent {
    pub id: PaymentIntentId,
    pub lane_session_id: Option<LaneSessionId>,
    pub visit_id: Option<VisitId>,
    pub purpose: &'static str,
    pub amount_cents: i64,
    pub status: &'static str,
    pub quote_json: String,
    pub method: Option<&'static str>,
    pub paid_at: Option<Ts>,
    pub paid_by_staff_id: Option<StaffId>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// `agreement_signatures`, with the agreement's real text and a small stand-in picture.
#[derive(Insertable)]
#[diesel(table_name = agreement_signatures, treat_none_as_default_value = false)]
pub struct Signature {
    pub id: SignatureId,
    pub agreement_id: AgreementId,
    pub agreement_version: i32,
    pub language: &'static str,
    pub agreement_title: String,
    pub agreement_text_snapshot: String,
    pub agreement_text_sha256: String,
    pub consent_text: String,
    pub consent_text_sha256: String,
    pub consent_at: Ts,
    pub signature_png: Vec<u8>,
    pub signature_png_sha256: String,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub dob_verified: bool,
    pub identity_method: &'static str,
    pub staff_id: StaffId,
    pub lane_id: String,
    pub lane_session_id: LaneSessionId,
    pub payment_intent_id: Option<PaymentIntentId>,
    pub agreement_shown_at: Ts,
    pub signed_at: Ts,
    pub record_sha256: String,
}

/// `checkin_blocks`
#[derive(Insertable)]
#[diesel(table_name = checkin_blocks, treat_none_as_default_value = false)]
pub struct Block {
    pub id: BlockId,
    pub visit_id: VisitId,
    pub block_type: &'static str,
    pub starts_at: Ts,
    pub ends_at: Ts,
    pub hours_purchased: i32,
    pub rental_type: &'static str,
    pub room_id: Option<RoomId>,
    pub locker_id: Option<LockerId>,
    pub session_id: Option<LaneSessionId>,
    pub agreement_signature_id: Option<SignatureId>,
    pub payment_intent_id: Option<PaymentIntentId>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// `waitlist`: an entry that has ended (completed, cancelled or expired).
#[derive(Insertable)]
#[diesel(table_name = waitlist, treat_none_as_default_value = false)]
pub struct Wait {
    pub id: WaitlistId,
    pub visit_id: VisitId,
    pub checkin_block_id: BlockId,
    pub desired_tier: &'static str,
    pub backup_tier: &'static str,
    pub status: &'static str,
    pub offer_attempts: i32,
    pub last_offered_at: Option<Ts>,
    pub cancel_reason: Option<&'static str>,
    pub ended_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// `checkouts`
#[derive(Insertable)]
#[diesel(table_name = checkouts, treat_none_as_default_value = false)]
pub struct Checkout {
    pub id: CheckoutId,
    pub visit_id: VisitId,
    pub checkin_block_id: BlockId,
    pub resource_type: &'static str,
    pub resource_id: ResourceId,
    pub number: String,
    pub minutes_late: i64,
    pub late_fee_cents: i64,
    pub fee_settlement: &'static str,
    pub payment_intent_id: Option<PaymentIntentId>,
    pub staff_id: StaffId,
    pub lane_id: Option<String>,
    pub checked_out_at: Ts,
}

/// `inventory_transitions`
#[derive(Insertable)]
#[diesel(table_name = inventory_transitions, treat_none_as_default_value = false)]
pub struct Transition {
    pub id: TransitionId,
    pub resource_type: &'static str,
    pub resource_id: ResourceId,
    pub from_status: &'static str,
    pub to_status: &'static str,
    pub cause: &'static str,
    pub staff_id: Option<StaffId>,
    pub at: Ts,
}

/// Everything a generated range inserts, in an order its foreign keys accept.
#[derive(Default)]
pub struct Rows {
    pub customers: Vec<Customer>,
    pub visits: Vec<Visit>,
    pub sessions: Vec<Session>,
    pub intents: Vec<Intent>,
    pub signatures: Vec<Signature>,
    pub blocks: Vec<Block>,
    pub waits: Vec<Wait>,
    /// upgrade payments, which name their waitlist entry
    pub upgrades: Vec<Intent>,
    pub checkouts: Vec<Checkout>,
    pub transitions: Vec<Transition>,
}

// One statement per row: diesel's multi-row INSERT is not available through the
// MultiConnection backend (its dialect has no portable DEFAULT keyword), and one transaction
// around them all keeps this to seconds on SQLite and about a minute on PostgreSQL.
macro_rules! insert_each {
    ($conn:expr, $table:expr, $rows:expr) => {
        for row in &$rows {
            diesel::insert_into($table).values(row).execute($conn)?;
        }
    };
}

impl Rows {
    /// Inserts every row in one transaction.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        conn.transaction(|conn| {
            insert_each!(conn, customers::table, self.customers);
            insert_each!(conn, visits::table, self.visits);
            insert_each!(conn, lane_sessions::table, self.sessions);
            insert_each!(conn, payment_intents::table, self.intents);
            insert_each!(conn, agreement_signatures::table, self.signatures);
            insert_each!(conn, checkin_blocks::table, self.blocks);
            insert_each!(conn, waitlist::table, self.waits);
            insert_each!(conn, payment_intents::table, self.upgrades);
            insert_each!(conn, checkouts::table, self.checkouts);
            insert_each!(conn, inventory_transitions::table, self.transitions);
            Ok(())
        })
    }
}
