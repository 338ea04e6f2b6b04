//! The customer's view: only what the customer may see. Never other customers, notes, past-due
//! amounts, ID data, staff data or decline reasons.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::facts::{Facts, RenewalFacts, RentalOption};
use super::offers::{self, KioskStay, MembershipOption};
use super::place::WaitlistPlace;
use crate::db::ids::{AgreementId, LaneSessionId};
use crate::db::models::customer::Customer;
use crate::domain::enums::{LaneSessionStatus as S, Language, PaymentStatus, RentalType, ResourceType};
use crate::domain::pricing::Quote;
use crate::lanes::gates::{self, MembershipState};
use crate::lanes::quote;

/// Membership as the customer sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KioskMembership {
    /// MEMBER, EXPIRED or NON_MEMBER
    #[schema(value_type = String)]
    pub state: MembershipState,
    /// valid through (members)
    pub valid_until: Option<NaiveDate>,
    /// ONE_TIME or SIX_MONTH once chosen
    pub choice: Option<String>,
    /// what a non-member may choose, priced for them today (empty for a member)
    pub options: Vec<MembershipOption>,
}

/// The selection as the customer sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KioskSelection {
    /// proposed or locked rental
    #[schema(value_type = Option<String>)]
    pub rental_type: Option<RentalType>,
    /// CUSTOMER or EMPLOYEE
    pub proposed_by: Option<String>,
    /// whether it is locked
    pub locked: bool,
    /// the room tier waited for
    #[schema(value_type = Option<String>)]
    pub waitlist_desired_type: Option<RentalType>,
}

/// The agreement to read and sign.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KioskAgreement {
    /// send back when signing
    #[schema(value_type = String, format = "uuid")]
    pub id: AgreementId,
    /// version
    pub version: i32,
    /// heading
    pub title: String,
    /// the full text
    pub body_text: String,
    /// the sentence beside the checkbox
    pub consent_text: String,
}

/// The key to hand over.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KioskAssignment {
    /// ROOM or LOCKER
    #[schema(value_type = String)]
    pub kind: ResourceType,
    /// number
    pub number: String,
    /// checkout time
    pub checkout_at: Option<DateTime<Utc>>,
}

/// What the customer's tablet shows.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KioskView {
    /// the club's name (idle screen)
    pub club_name: String,
    /// IDLE when there is nothing for the customer (no session, cancelled, or acknowledged)
    #[schema(value_type = String, example = "ACTIVE")]
    pub status: S,
    /// the session on screen
    #[schema(value_type = Option<String>, format = "uuid")]
    pub session_id: Option<LaneSessionId>,
    /// CHECKIN or RENEWAL (a renewal shows its block: same unit, new checkout)
    pub mode: Option<String>,
    /// what a renewal adds (live renewal sessions)
    pub renewal: Option<RenewalFacts>,
    /// the customer's own place on the upgrade waitlist: position and ETA (when done)
    pub waitlist: Option<WaitlistPlace>,
    /// first name only
    pub first_name: Option<String>,
    /// EN/ES once chosen
    #[schema(value_type = Option<String>, example = "EN")]
    pub language: Option<Language>,
    /// membership state and choice
    pub membership: Option<KioskMembership>,
    /// the customer's own choices are blocked until the attendant resolves a balance
    pub past_due_blocked: bool,
    /// rentals with price and availability (while choosing)
    pub options: Vec<RentalOption>,
    /// proposal or locked selection
    pub selection: Option<KioskSelection>,
    /// line items and total
    #[schema(value_type = Option<Object>)]
    pub quote: Option<Quote>,
    /// before completion, the proposed or locked stay: hours, checkout (if completed now)
    /// and its price
    pub stay: Option<KioskStay>,
    /// DUE or PAID (never a decline reason)
    #[schema(value_type = Option<String>)]
    pub payment_status: Option<PaymentStatus>,
    /// the agreement to sign (while awaiting the signature)
    pub agreement: Option<KioskAgreement>,
    /// the room or locker and checkout time (when done)
    pub assignment: Option<KioskAssignment>,
}

fn on_screen(f: &Facts) -> Option<&crate::db::models::lane_session::LaneSession> {
    f.session.as_ref().filter(|s| match s.status {
        S::Cancelled => false,
        S::Completed => s.kiosk_acknowledged_at.is_none(),
        _ => true,
    })
}

fn membership(c: &Customer, choice: Option<&str>, today: NaiveDate) -> KioskMembership {
    let state = gates::membership_state(c, today);
    let valid_until = (state == MembershipState::Member).then_some(c.membership_valid_until).flatten();
    let options = offers::membership_options(&quote::pricing_customer(c), state, today);
    KioskMembership { state, valid_until, choice: choice.map(str::to_owned), options }
}

/// Builds the kiosk view from the lane's facts.
pub fn build(f: &Facts, club_name: &str) -> KioskView {
    let idle = KioskView {
        club_name: club_name.to_owned(),
        status: S::Idle,
        session_id: None,
        mode: None,
        renewal: None,
        waitlist: None,
        first_name: None,
        language: None,
        membership: None,
        past_due_blocked: false,
        options: Vec::new(),
        selection: None,
        quote: None,
        stay: None,
        payment_status: None,
        agreement: None,
        assignment: None,
    };
    let (Some(s), Some(c)) = (on_screen(f), f.customer.as_ref()) else { return idle };
    KioskView {
        status: s.status,
        session_id: Some(s.id),
        mode: Some(s.mode.clone()),
        renewal: f.renewal.clone(),
        waitlist: f.waitlist.clone(),
        first_name: Some(c.first_name()),
        language: s.language,
        membership: Some(membership(c, s.membership_choice.as_deref(), f.local_now.date())),
        past_due_blocked: gates::past_due_blocked(s, c),
        options: f.options.clone(),
        selection: s.proposed_rental_type.map(|rental| KioskSelection {
            rental_type: s.desired_rental_type.or(Some(rental)),
            proposed_by: s.proposed_by.clone(),
            locked: s.selection_confirmed,
            waitlist_desired_type: s.waitlist_desired_type,
        }),
        quote: f.quote.clone(),
        stay: f.stay.clone(),
        payment_status: f.payment.as_ref().map(|p| p.status),
        agreement: f.agreement.as_ref().map(|a| KioskAgreement {
            id: a.id,
            version: a.version,
            title: a.title.clone(),
            body_text: a.body_text.clone(),
            consent_text: a.consent_text.clone(),
        }),
        assignment: f.assigned.as_ref().map(|u| KioskAssignment { kind: u.kind, number: u.number.clone(), checkout_at: u.checkout_at }),
        ..idle
    }
}
