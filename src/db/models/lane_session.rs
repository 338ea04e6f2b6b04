//! `lane_sessions`: the coordination record of one check-in at one lane.

use diesel::prelude::*;

use crate::db::ids::{AgreementId, CustomerId, HoldId, LaneSessionId, PaymentIntentId, SignatureId, StaffId, VisitId};
use crate::db::schema::lane_sessions;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::{IdentityMethod, LaneSessionStatus, Language, RentalType};

/// The columns the lifecycle and the views need.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = lane_sessions, check_for_backend(MultiBackend))]
pub struct LaneSession {
    /// id
    pub id: LaneSessionId,
    /// lane
    pub lane_id: String,
    /// status
    pub status: LaneSessionStatus,
    /// optimistic counter of this row
    pub version: i64,
    /// CHECKIN or RENEWAL
    pub mode: String,
    /// the visit a renewal extends
    pub visit_id: Option<VisitId>,
    /// 6 or 2 (renewals)
    pub renewal_hours: Option<i32>,
    /// who started it
    pub staff_id: Option<StaffId>,
    /// the customer
    pub customer_id: Option<CustomerId>,
    /// EN/ES once chosen
    pub language: Option<Language>,
    /// ONE_TIME or SIX_MONTH (non-members)
    pub membership_choice: Option<String>,
    /// what was last proposed
    pub proposed_rental_type: Option<RentalType>,
    /// CUSTOMER or EMPLOYEE
    pub proposed_by: Option<String>,
    /// whether the selection is locked
    pub selection_confirmed: bool,
    /// who locked it
    pub selection_confirmed_by: Option<String>,
    /// the locked rental type
    pub desired_rental_type: Option<RentalType>,
    /// the sold-out tier the customer waits for
    pub waitlist_desired_type: Option<RentalType>,
    /// what they take meanwhile
    pub backup_rental_type: Option<RentalType>,
    /// the held room/locker
    pub hold_id: Option<HoldId>,
    /// the quote shown (JSON)
    pub price_quote_json: Option<String>,
    /// the payment intent, once priced
    pub payment_intent_id: Option<PaymentIntentId>,
    /// the signature, once signed
    pub agreement_signature_id: Option<SignatureId>,
    /// a manager let a past-due customer choose
    pub past_due_bypassed_at: Option<Ts>,
    /// last card decline (staff only)
    pub last_decline_reason: Option<String>,
    /// the agreement shown on the kiosk
    pub agreement_id: Option<AgreementId>,
    /// when the kiosk showed it
    pub agreement_shown_at: Option<Ts>,
    /// retail add-ons (JSON)
    pub addons_json: Option<String>,
    /// ID_SCAN, STAFF_CHECKED or MANUAL
    pub identity_method: Option<IdentityMethod>,
    /// customer tapped OK on the done screen
    pub kiosk_acknowledged_at: Option<Ts>,
    /// last command on it (for the idle timeout)
    pub last_activity_at: Ts,
    /// why it was cancelled
    pub cancel_reason: Option<String>,
    /// when it completed
    pub completed_at: Option<Ts>,
    /// when staff dismissed it
    pub closed_at: Option<Ts>,
    /// when it started
    pub created_at: Ts,
}

/// A session to start.
#[derive(Debug, Insertable)]
#[diesel(table_name = lane_sessions, treat_none_as_default_value = false)]
pub struct NewLaneSession<'a> {
    /// id
    pub id: LaneSessionId,
    /// lane
    pub lane_id: &'a str,
    /// ACTIVE
    pub status: LaneSessionStatus,
    /// who starts it
    pub staff_id: StaffId,
    /// for whom
    pub customer_id: CustomerId,
    /// the customer's stored language, if known
    pub language: Option<Language>,
    /// how the customer was identified
    pub identity_method: Option<IdentityMethod>,
    /// CHECKIN or RENEWAL
    pub mode: &'a str,
    /// the visit a renewal extends
    pub visit_id: Option<VisitId>,
    /// 6 or 2 (renewals)
    pub renewal_hours: Option<i32>,
    /// now
    pub last_activity_at: Ts,
    /// now
    pub created_at: Ts,
    /// now
    pub updated_at: Ts,
}

/// What a command changes; `None` fields stay as they are (`Some(None)` clears a column).
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = lane_sessions)]
pub struct SessionChanges<'a> {
    /// new status
    pub status: Option<LaneSessionStatus>,
    /// membership choice
    pub membership_choice: Option<Option<&'a str>>,
    /// proposal
    pub proposed_rental_type: Option<Option<RentalType>>,
    /// proposer
    pub proposed_by: Option<Option<&'a str>>,
    /// locked?
    pub selection_confirmed: Option<bool>,
    /// locker
    pub selection_confirmed_by: Option<Option<&'a str>>,
    /// lock time
    pub selection_locked_at: Option<Option<Ts>>,
    /// locked type
    pub desired_rental_type: Option<Option<RentalType>>,
    /// waitlist wish
    pub waitlist_desired_type: Option<Option<RentalType>>,
    /// backup
    pub backup_rental_type: Option<Option<RentalType>>,
    /// hold
    pub hold_id: Option<Option<HoldId>>,
    /// quote JSON
    pub price_quote_json: Option<Option<&'a str>>,
    /// intent
    pub payment_intent_id: Option<Option<PaymentIntentId>>,
    /// signature
    pub agreement_signature_id: Option<Option<SignatureId>>,
    /// past-due bypass time
    pub past_due_bypassed_at: Option<Ts>,
    /// who bypassed
    pub past_due_bypassed_by: Option<StaffId>,
    /// decline
    pub last_decline_reason: Option<Option<&'a str>>,
    /// decline time
    pub last_decline_at: Option<Ts>,
    /// agreement shown
    pub agreement_id: Option<Option<AgreementId>>,
    /// shown at
    pub agreement_shown_at: Option<Option<Ts>>,
    /// add-ons
    pub addons_json: Option<Option<&'a str>>,
    /// completed at
    pub completed_at: Option<Ts>,
    /// new language (`Some(None)`: asked again, after the customer stepped back)
    pub language: Option<Option<Language>>,
    /// cancel reason
    pub cancel_reason: Option<&'a str>,
    /// dismissed at
    pub closed_at: Option<Ts>,
    /// acknowledged at
    pub kiosk_acknowledged_at: Option<Ts>,
    /// activity time
    pub last_activity_at: Option<Ts>,
}

impl LaneSession {
    /// Inserts a new session; the partial unique index refuses a second live one per lane.
    pub fn insert(conn: &mut DbConn, new: &NewLaneSession<'_>) -> QueryResult<()> {
        diesel::insert_into(lane_sessions::table).values(new).execute(conn).map(drop)
    }

    /// The session the lane's screens show: the newest one not yet dismissed.
    pub fn current(conn: &mut DbConn, lane_id: &str) -> QueryResult<Option<LaneSession>> {
        lane_sessions::table
            .filter(lane_sessions::lane_id.eq(lane_id).and(lane_sessions::closed_at.is_null()))
            .order(lane_sessions::created_at.desc())
            .select(LaneSession::as_select())
            .first(conn)
            .optional()
    }

    /// The id of the lane's newest session, closed or not (ids are time-ordered UUIDv7, so
    /// they break a tie of equal `created_at`).
    pub fn latest_id(conn: &mut DbConn, lane_id: &str) -> QueryResult<Option<LaneSessionId>> {
        lane_sessions::table
            .filter(lane_sessions::lane_id.eq(lane_id))
            .order((lane_sessions::created_at.desc(), lane_sessions::id.desc()))
            .select(lane_sessions::id)
            .first(conn)
            .optional()
    }

    /// The live session of a customer on any lane.
    pub fn live_for_customer(conn: &mut DbConn, customer: CustomerId) -> QueryResult<Option<LaneSession>> {
        lane_sessions::table
            .filter(lane_sessions::customer_id.eq(customer).and(lane_sessions::status.eq_any(live_statuses())))
            .select(LaneSession::as_select())
            .first(conn)
            .optional()
    }

    /// The lanes that have a live session (their views depend on club-wide facts such as the
    /// active agreement).
    pub fn live_lanes(conn: &mut DbConn) -> QueryResult<Vec<String>> {
        lane_sessions::table.filter(lane_sessions::status.eq_any(live_statuses())).select(lane_sessions::lane_id).load(conn)
    }

    /// Applies `changes` (plus `updated_at`) only if the row is still at `version`; returns
    /// whether it was.
    pub fn update_if_version(
        conn: &mut DbConn,
        id: LaneSessionId,
        version: i64,
        changes: &SessionChanges<'_>,
        at: Ts,
    ) -> QueryResult<bool> {
        let update = diesel::update(lane_sessions::table.find(id).filter(lane_sessions::version.eq(version))).set((
            changes,
            lane_sessions::version.eq(version + 1),
            lane_sessions::updated_at.eq(at),
        ));
        let n = crate::db::cached::Reusable(update).execute(conn)?;
        Ok(n == 1)
    }

    /// Dismisses every finished, undismissed session of the lane (a new one is starting).
    pub fn close_finished(conn: &mut DbConn, lane_id: &str, at: Ts) -> QueryResult<usize> {
        let finished = [LaneSessionStatus::Completed.as_str(), LaneSessionStatus::Cancelled.as_str()];
        diesel::update(
            lane_sessions::table.filter(
                lane_sessions::lane_id.eq(lane_id).and(lane_sessions::closed_at.is_null()).and(lane_sessions::status.eq_any(finished)),
            ),
        )
        .set((lane_sessions::closed_at.eq(at), lane_sessions::version.eq(lane_sessions::version + 1), lane_sessions::updated_at.eq(at)))
        .execute(conn)
    }

    /// Live, unpaid sessions untouched since `before`, oldest first (a paid session, awaiting
    /// its signature or assignment, is never cancelled automatically).
    pub fn idle_since(conn: &mut DbConn, before: Ts) -> QueryResult<Vec<LaneSession>> {
        let unpaid = [LaneSessionStatus::Active, LaneSessionStatus::AwaitingCustomer, LaneSessionStatus::AwaitingPayment]
            .map(LaneSessionStatus::as_str);
        lane_sessions::table
            .filter(lane_sessions::status.eq_any(unpaid).and(lane_sessions::last_activity_at.lt(before)))
            .order(lane_sessions::last_activity_at)
            .select(LaneSession::as_select())
            .load(conn)
    }
}

/// The live statuses as text (`IN (...)` binds go through the per-backend text impls).
fn live_statuses() -> [&'static str; 5] {
    LaneSessionStatus::LIVE.map(LaneSessionStatus::as_str)
}

/// Takes the lane's revision forward by one, if it is still `expected` (when given). Returns
/// the new revision, or `None` when the lane moved on. This UPDATE is the first write of every
/// lane command, so commands on one lane queue behind each other on both databases.
pub fn bump_rev(conn: &mut DbConn, lane_id: &str, expected: Option<i64>) -> QueryResult<Option<i64>> {
    crate::db::cached::BumpRev { lane: lane_id, expected }.get_result(conn).optional()
}
