//! The employee's view (also the manager monitor's): everything about the lane, including the
//! customer's account, notes, past-due amount, the held unit and decline reasons, plus a live
//! mirror of exactly what the kiosk shows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::facts::{Facts, PaymentFacts, RenewalFacts, RentalOption, UnitFacts};
use super::kiosk::KioskView;
use super::last_signed::LastSigned;
use super::place::WaitlistPlace;
use crate::db::ids::{CustomerId, LaneSessionId, PaymentIntentId, SignatureId, StaffId};
use crate::db::models::customer::Customer;
use crate::db::models::lane_session::LaneSession;
use crate::domain::enums::{IdentityMethod, LaneSessionStatus as S, Language, RentalType};
use crate::domain::pricing::Quote;
use crate::lanes::gates;

/// The customer as the employee sees them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerSummary {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: CustomerId,
    /// full name
    pub name: String,
    /// date of birth
    pub dob: Option<NaiveDate>,
    /// membership number
    pub membership_number: Option<String>,
    /// membership valid through
    pub membership_valid_until: Option<NaiveDate>,
    /// owed, in cents
    pub past_due_cents: i64,
    /// staff notes
    pub notes: String,
    /// banned until
    pub banned_until: Option<DateTime<Utc>>,
}

/// The session as the employee sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisterSessionView {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: LaneSessionId,
    /// status
    #[schema(value_type = String, example = "ACTIVE")]
    pub status: S,
    /// row version
    pub version: i64,
    /// CHECKIN or RENEWAL
    pub mode: String,
    /// a renewal's stay and the block it adds (live renewal sessions)
    pub renewal: Option<RenewalFacts>,
    /// the upgrade waitlist place the check-in took: position and ETA (when done)
    pub waitlist: Option<WaitlistPlace>,
    /// EN/ES once chosen
    #[schema(value_type = Option<String>)]
    pub language: Option<Language>,
    /// the customer
    pub customer: Option<CustomerSummary>,
    /// the customer's last signature, and whether a newer agreement is active (null for a
    /// first visit, and once the session is over)
    pub last_signed: Option<LastSigned>,
    /// how identity was established
    #[schema(value_type = Option<String>)]
    pub identity_method: Option<IdentityMethod>,
    /// who started it
    #[schema(value_type = Option<String>, format = "uuid")]
    pub started_by: Option<StaffId>,
    /// when it started
    pub started_at: DateTime<Utc>,
    /// last command
    pub last_activity_at: DateTime<Utc>,
    /// ONE_TIME or SIX_MONTH
    pub membership_choice: Option<String>,
    /// customer's own choices blocked by a balance
    pub past_due_blocked: bool,
    /// proposal
    #[schema(value_type = Option<String>)]
    pub proposed_rental_type: Option<RentalType>,
    /// by whom
    pub proposed_by: Option<String>,
    /// locked?
    pub selection_confirmed: bool,
    /// by whom
    pub selection_confirmed_by: Option<String>,
    /// the locked rental
    #[schema(value_type = Option<String>)]
    pub desired_rental_type: Option<RentalType>,
    /// waited-for tier
    #[schema(value_type = Option<String>)]
    pub waitlist_desired_type: Option<RentalType>,
    /// backup
    #[schema(value_type = Option<String>)]
    pub backup_rental_type: Option<RentalType>,
    /// the held unit
    pub held: Option<UnitFacts>,
    /// the quote
    #[schema(value_type = Option<Object>)]
    pub quote: Option<Quote>,
    /// the payment intent
    #[schema(value_type = Option<String>, format = "uuid")]
    pub payment_intent_id: Option<PaymentIntentId>,
    /// its state, with any decline reason
    pub payment: Option<PaymentFacts>,
    /// the signature
    #[schema(value_type = Option<String>, format = "uuid")]
    pub agreement_signature_id: Option<SignatureId>,
    /// the assigned unit and checkout time
    pub assigned: Option<UnitFacts>,
    /// why it was cancelled
    pub cancel_reason: Option<String>,
    /// when it completed
    pub completed_at: Option<DateTime<Utc>>,
    /// when the customer tapped OK
    pub kiosk_acknowledged_at: Option<DateTime<Utc>>,
}

/// What the register (and the manager monitor) shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisterView {
    /// lane name
    pub lane_name: String,
    /// the lane's state (IDLE without a session on screen)
    #[schema(value_type = String)]
    pub status: S,
    /// the session on screen
    pub session: Option<RegisterSessionView>,
    /// rentals the customer may pick, priced, with availability (while choosing)
    pub options: Vec<RentalOption>,
    /// the live mirror: what the kiosk shows right now
    pub kiosk: KioskView,
}

/// The employee's summary of a customer.
pub fn customer_summary(c: &Customer) -> CustomerSummary {
    CustomerSummary {
        id: c.id,
        name: c.name.clone(),
        dob: c.dob,
        membership_number: c.membership_number.clone(),
        membership_valid_until: c.membership_valid_until,
        past_due_cents: c.past_due_cents,
        notes: c.notes.clone(),
        banned_until: c.banned_until.map(|t| t.0),
    }
}

fn session_view(s: &LaneSession, f: &Facts) -> RegisterSessionView {
    let customer = f.customer.as_ref();
    RegisterSessionView {
        id: s.id,
        status: s.status,
        version: s.version,
        mode: s.mode.clone(),
        renewal: f.renewal.clone(),
        waitlist: f.waitlist.clone(),
        language: s.language,
        customer: customer.map(customer_summary),
        last_signed: f.last_signed.clone(),
        identity_method: s.identity_method,
        started_by: s.staff_id,
        started_at: s.created_at.0,
        last_activity_at: s.last_activity_at.0,
        membership_choice: s.membership_choice.clone(),
        past_due_blocked: customer.is_some_and(|c| gates::past_due_blocked(s, c)),
        proposed_rental_type: s.proposed_rental_type,
        proposed_by: s.proposed_by.clone(),
        selection_confirmed: s.selection_confirmed,
        selection_confirmed_by: s.selection_confirmed_by.clone(),
        desired_rental_type: s.desired_rental_type,
        waitlist_desired_type: s.waitlist_desired_type,
        backup_rental_type: s.backup_rental_type,
        held: f.held.clone(),
        quote: f.quote.clone(),
        payment_intent_id: s.payment_intent_id,
        payment: f.payment.clone(),
        agreement_signature_id: s.agreement_signature_id,
        assigned: f.assigned.clone(),
        cancel_reason: s.cancel_reason.clone(),
        completed_at: s.completed_at.map(|t| t.0),
        kiosk_acknowledged_at: s.kiosk_acknowledged_at.map(|t| t.0),
    }
}

/// Builds the register view; `kiosk` is the kiosk view of the same facts.
pub fn build(f: &Facts, kiosk: KioskView) -> RegisterView {
    RegisterView {
        lane_name: f.lane.name.clone(),
        status: f.session.as_ref().map_or(S::Idle, |s| s.status),
        session: f.session.as_ref().map(|s| session_view(s, f)),
        options: f.options.clone(),
        kiosk,
    }
}
