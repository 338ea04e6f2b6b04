//! The generator: each visit in turn takes a free unit of the tier it wants, is paid for and
//! signed at a lane, may renew, and ends (see `ending`). Units are not double-booked: a unit
//! is free again once the cleaning after its last stay is done.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::club::{Agreement, Club, Unit};
use super::rng::Rng;
use super::rows::{Block, Customer, Intent, Rows, Session, Signature, Visit};
use super::{Spec, Totals, starts};
use crate::db::ids::{BlockId, CustomerId, LaneSessionId, PaymentIntentId, SignatureId, StaffId, VisitId};
use crate::db::models::agreement::sha256_hex;
use crate::db::sql_types::Ts;

/// Price of six hours (or of a two-hour final extension) per tier, in cents.
pub(super) fn price(tier: &str, hours: i32) -> i64 {
    let six = match tier {
        "STANDARD" => 3_500,
        "DOUBLE" => 5_000,
        "SPECIAL" => 6_500,
        _ => 2_000,
    };
    if hours == 2 { 1_500 } else { six }
}

/// One visit being generated.
pub(super) struct Stay {
    pub visit: VisitId,
    pub customer: usize,
    pub unit: usize,
    pub tier: &'static str,
    pub start: DateTime<Utc>,
    pub first_block: BlockId,
    pub last_block: BlockId,
    pub booked_end: DateTime<Utc>,
    pub renewed_hours: i64,
}

/// The generator's state.
pub(super) struct Gen<'a> {
    pub club: &'a Club,
    pub rng: Rng,
    pub rows: Rows,
    pub totals: Totals,
    pub free_at: Vec<DateTime<Utc>>,
    png: Vec<u8>,
    png_sha256: String,
}

/// Generates the rows of `spec` and what they add up to.
pub fn generate(club: &Club, spec: &Spec) -> Result<(Rows, Totals), String> {
    if club.units.is_empty() || club.staff.is_empty() || club.lanes.is_empty() || club.agreements.is_empty() {
        return Err("the club needs units, staff, lanes and agreements first (seed the demo)".into());
    }
    let mut rng = Rng::new(spec.seed);
    let starts = starts::starts(spec, &mut rng);
    // a stand-in for a signature picture, about the size of a real one, not compressible
    let png: Vec<u8> = (0..1_200).map(|_| (rng.next_u64() & 0xff) as u8).collect();
    let png_sha256 = hex::encode(Sha256::digest(&png));
    let first = starts.first().copied().unwrap_or_else(Utc::now) - Duration::days(1);
    let mut g =
        Gen { club, rng, rows: Rows::default(), totals: Totals::default(), free_at: vec![first; club.units.len()], png, png_sha256 };
    g.customers(starts.len() / 8 + 10, first);
    for start in starts {
        g.visit(start);
    }
    let r = &g.rows;
    g.totals.rows = [
        r.customers.len(),
        r.visits.len(),
        r.sessions.len(),
        r.intents.len(),
        r.signatures.len(),
        r.blocks.len(),
        r.waits.len(),
        r.upgrades.len(),
        r.checkouts.len(),
        r.transitions.len(),
    ]
    .iter()
    .sum::<usize>() as i64;
    Ok((g.rows, g.totals))
}

impl Gen<'_> {
    fn customers(&mut self, n: usize, at: DateTime<Utc>) {
        for i in 0..n {
            let language = if self.rng.chance(20) { "ES" } else { "EN" };
            self.rows.customers.push(Customer {
                id: CustomerId::new(),
                name: format!("Guest {i:05}"),
                primary_language: Some(language),
                past_due_cents: 0,
                created_at: Ts(at),
                updated_at: Ts(at),
            });
        }
    }

    pub(super) fn staff(&mut self) -> StaffId {
        self.rng.pick(&self.club.staff).copied().unwrap_or_default()
    }

    pub(super) fn lane(&mut self) -> String {
        self.rng.pick(&self.club.lanes).cloned().unwrap_or_default()
    }

    pub(super) fn method(&mut self) -> &'static str {
        if self.rng.chance(55) { "CARD" } else { "CASH" }
    }

    /// A free unit of `tier` at `at` (any free locker when the tier is full).
    fn free_unit(&mut self, tier: &str, at: DateTime<Utc>) -> Option<(usize, &'static str)> {
        let n = self.club.units.len();
        let offset = self.rng.below(n as u64) as usize;
        let tier_of = |u: &Unit| match u {
            Unit::Room(_, t, _) => t.as_str(),
            Unit::Locker(..) => "LOCKER",
        };
        for wanted in [tier, "LOCKER"] {
            let found = (0..n).map(|i| (i + offset) % n).find(|&i| self.free_at[i] <= at && tier_of(&self.club.units[i]) == wanted);
            if let Some(i) = found {
                return Some((i, tier_of(&self.club.units[i])));
            }
        }
        None
    }

    fn visit(&mut self, start: DateTime<Utc>) {
        let wanted = ["LOCKER", "STANDARD", "DOUBLE", "SPECIAL"][self.rng.weighted(&[68, 20, 8, 4])];
        let Some((unit, tier)) = self.free_unit(wanted, start) else { return };
        let customer = self.rng.below(self.rows.customers.len() as u64) as usize;
        let visit = VisitId::new();
        let block = self.sale(visit, customer, unit, tier, start, None);
        let mut stay = Stay {
            visit,
            customer,
            unit,
            tier,
            start,
            first_block: block,
            last_block: block,
            booked_end: start + Duration::hours(6),
            renewed_hours: 0,
        };
        if self.rng.chance(12) {
            let hours = if self.rng.chance(80) { 6 } else { 2 };
            let signed = stay.booked_end - Duration::minutes(20);
            stay.last_block = self.sale(visit, customer, unit, tier, signed, Some((hours, stay.booked_end)));
            stay.booked_end += Duration::hours(i64::from(hours));
            stay.renewed_hours = i64::from(hours);
            self.totals.renewals += 1;
        }
        self.totals.visits += 1;
        let ended = self.ending(&stay);
        let (id, ts) = (self.rows.customers[customer].id, Ts(start));
        self.rows.visits.push(Visit {
            id: visit,
            customer_id: id,
            started_at: ts,
            ended_at: Some(Ts(ended)),
            created_at: ts,
            updated_at: Ts(ended),
        });
    }

    /// A completed lane session with its payment, signature and block: the check-in
    /// (`renewal` = None; signed at `signed`) or a renewal of `hours` from `from`.
    fn sale(
        &mut self,
        visit: VisitId,
        customer: usize,
        unit: usize,
        tier: &'static str,
        signed: DateTime<Utc>,
        renewal: Option<(i32, DateTime<Utc>)>,
    ) -> BlockId {
        let (staff, lane) = (self.staff(), self.lane());
        let language = self.rows.customers[customer].primary_language.unwrap_or("EN");
        let agreement = self.club.agreements.iter().find(|a| a.language == language).unwrap_or(&self.club.agreements[0]).clone();
        let language = if agreement.language == "ES" { "ES" } else { "EN" };
        let (hours, starts_at) = renewal.unwrap_or((6, signed));
        let (session, intent, signature, block) = (LaneSessionId::new(), PaymentIntentId::new(), SignatureId::new(), BlockId::new());
        let customer_id = self.rows.customers[customer].id;
        let opened = Ts(signed - Duration::minutes(4));
        self.rows.sessions.push(Session {
            id: session,
            lane_id: lane.clone(),
            status: "COMPLETED",
            mode: if renewal.is_some() { "RENEWAL" } else { "CHECKIN" },
            staff_id: Some(staff),
            customer_id: Some(customer_id),
            visit_id: Some(visit),
            renewal_hours: renewal.map(|(h, _)| h),
            language: Some(language),
            desired_rental_type: Some(tier),
            last_activity_at: Ts(signed),
            completed_at: Some(Ts(signed)),
            created_at: opened,
            updated_at: Ts(signed),
        });
        let cents = price(tier, hours);
        let paid = Ts(signed - Duration::minutes(2));
        let method = self.method();
        let purpose = if renewal.is_some() { "RENEWAL" } else { "CHECKIN" };
        self.rows.intents.push(Intent {
            id: intent,
            lane_session_id: Some(session),
            visit_id: renewal.map(|_| visit),
            purpose,
            amount_cents: cents,
            status: "PAID",
            quote_json: format!("{{\"total_cents\":{cents}}}"),
            method: Some(method),
            paid_at: Some(paid),
            paid_by_staff_id: Some(staff),
            created_at: opened,
            updated_at: paid,
        });
        self.paid(cents);
        self.signature(signature, &agreement, (customer, staff, lane.clone(), session, intent), signed);
        let (room_id, locker_id) = match &self.club.units[unit] {
            Unit::Room(id, ..) => (Some(*id), None),
            Unit::Locker(id, _) => (None, Some(*id)),
        };
        let block_type = match renewal {
            None => "INITIAL",
            Some((2, _)) => "FINAL2H",
            Some(_) => "RENEWAL",
        };
        self.rows.blocks.push(Block {
            id: block,
            visit_id: visit,
            block_type,
            starts_at: Ts(starts_at),
            ends_at: Ts(starts_at + Duration::hours(i64::from(hours))),
            hours_purchased: hours,
            rental_type: tier,
            room_id,
            locker_id,
            session_id: Some(session),
            agreement_signature_id: Some(signature),
            payment_intent_id: Some(intent),
            created_at: Ts(signed),
            updated_at: Ts(signed),
        });
        block
    }

    pub(super) fn paid(&mut self, cents: i64) {
        self.totals.payments += 1;
        self.totals.revenue_cents += cents;
    }

    fn signature(
        &mut self,
        id: SignatureId,
        agreement: &Agreement,
        (customer, staff, lane, session, intent): (usize, StaffId, String, LaneSessionId, PaymentIntentId),
        signed: DateTime<Utc>,
    ) {
        let c = &self.rows.customers[customer];
        self.rows.signatures.push(Signature {
            id,
            agreement_id: agreement.id,
            agreement_version: agreement.version,
            language: if agreement.language == "ES" { "ES" } else { "EN" },
            agreement_title: agreement.title.clone(),
            agreement_text_snapshot: agreement.body.clone(),
            agreement_text_sha256: agreement.body_sha256.clone(),
            consent_text: agreement.consent.clone(),
            consent_text_sha256: sha256_hex(&agreement.consent),
            consent_at: Ts(signed - Duration::seconds(20)),
            signature_png: self.png.clone(),
            signature_png_sha256: self.png_sha256.clone(),
            customer_id: c.id,
            customer_name: c.name.clone(),
            dob_verified: true,
            identity_method: "ID_SCAN",
            staff_id: staff,
            lane_id: lane,
            lane_session_id: session,
            payment_intent_id: Some(intent),
            agreement_shown_at: Ts(signed - Duration::minutes(1)),
            signed_at: Ts(signed),
            record_sha256: sha256_hex(&id.to_string()),
        });
        self.totals.signatures += 1;
    }
}
