//! How a generated stay goes on and ends: maybe a waitlist entry (upgraded and paid,
//! cancelled, or expired with the stay), the checkout (on time, or late with a fee paid at the
//! desk or added to the customer's past-due balance), and the unit's transitions: occupied at
//! the signing, dirty at checkout, then cleaned by an employee (sometimes finished by
//! another), after which it is free again.

use chrono::{DateTime, Duration, Utc};

use super::club::Unit;
use super::plan::{Gen, Stay, price};
use super::rows::{Checkout, Intent, Transition, Wait};
use crate::db::ids::{CheckoutId, PaymentIntentId, ResourceId, StaffId, TransitionId, WaitlistId};
use crate::db::sql_types::Ts;

impl Gen<'_> {
    /// Ends `stay`: returns when the customer left.
    pub(super) fn ending(&mut self, stay: &Stay) -> DateTime<Utc> {
        let late = self.rng.chance(15);
        let ended = if late {
            stay.booked_end + Duration::minutes(1 + self.rng.below(150) as i64)
        } else {
            // a renewed stay lasts into its renewal
            let spare = if stay.renewed_hours > 0 { stay.renewed_hours * 60 - 10 } else { 300 };
            stay.booked_end - Duration::minutes(self.rng.below(spare.clamp(1, 300) as u64) as i64)
        };
        if matches!(stay.tier, "LOCKER" | "STANDARD") && self.rng.chance(5) {
            self.waitlist(stay, ended);
        }
        self.checkout(stay, ended);
        ended
    }

    fn waitlist(&mut self, stay: &Stay, ended: DateTime<Utc>) {
        let id = WaitlistId::new();
        let created = stay.start + Duration::minutes(5);
        let desired = match (stay.tier, self.rng.chance(60)) {
            ("LOCKER", true) => "STANDARD",
            ("LOCKER", false) | ("STANDARD", true) => "DOUBLE",
            _ => "SPECIAL",
        };
        let paid_at = created + Duration::minutes(50);
        let roll = self.rng.below(100);
        let (status, attempts, end) = if roll < 40 && paid_at < ended {
            ("COMPLETED", 1, paid_at)
        } else if roll < 70 {
            ("CANCELLED", self.rng.below(2) as i32, (created + Duration::minutes(30)).min(ended))
        } else {
            ("EXPIRED", self.rng.below(2) as i32, ended)
        };
        self.rows.waits.push(Wait {
            id,
            visit_id: stay.visit,
            checkin_block_id: stay.first_block,
            desired_tier: desired,
            backup_tier: stay.tier,
            status,
            offer_attempts: attempts,
            last_offered_at: (attempts > 0).then(|| Ts(created + Duration::minutes(45))),
            cancel_reason: (status == "CANCELLED").then_some("The customer changed their mind."),
            ended_at: Some(Ts(end)),
            created_at: Ts(created),
            updated_at: Ts(end),
        });
        self.totals.waitlist += 1;
        if status == "COMPLETED" {
            let cents = (price(desired, 6) - price(stay.tier, 6)).max(1_000);
            let (staff, method) = (self.staff(), self.method());
            self.rows.upgrades.push(Intent {
                id: PaymentIntentId::new(),
                lane_session_id: None,
                visit_id: Some(stay.visit),
                purpose: "UPGRADE",
                amount_cents: cents,
                status: "PAID",
                quote_json: serde_json::json!({ "waitlist_id": id, "total_cents": cents }).to_string(),
                method: Some(method),
                paid_at: Some(Ts(paid_at)),
                paid_by_staff_id: Some(staff),
                created_at: Ts(paid_at - Duration::minutes(3)),
                updated_at: Ts(paid_at),
            });
            self.paid(cents);
            self.totals.upgrades += 1;
        }
    }

    fn checkout(&mut self, stay: &Stay, at: DateTime<Utc>) {
        let (staff, lane) = (self.staff(), self.lane());
        let minutes_late = (at - stay.booked_end).num_minutes().max(0);
        let fee = match minutes_late {
            0..15 => 0,
            15..60 => 1_500,
            _ => 3_000,
        };
        let (settlement, intent) = match (fee, self.rng.chance(70)) {
            (0, _) => ("NONE", None),
            (_, true) => ("PAID", Some(self.late_fee(stay, fee, staff, at))),
            (_, false) => {
                self.rows.customers[stay.customer].past_due_cents += fee;
                ("PAST_DUE", None)
            }
        };
        if minutes_late > 0 {
            self.totals.late_checkouts += 1;
            self.totals.minutes_late += minutes_late;
            self.totals.late_fee_cents += fee;
        }
        let (kind, resource, number) = self.unit(stay.unit);
        self.rows.checkouts.push(Checkout {
            id: CheckoutId::new(),
            visit_id: stay.visit,
            checkin_block_id: stay.last_block,
            resource_type: kind,
            resource_id: resource,
            number,
            minutes_late,
            late_fee_cents: fee,
            fee_settlement: settlement,
            payment_intent_id: intent,
            staff_id: staff,
            lane_id: Some(lane),
            checked_out_at: Ts(at),
        });
        self.transitions(stay, staff, at);
    }

    fn late_fee(&mut self, stay: &Stay, cents: i64, staff: StaffId, at: DateTime<Utc>) -> PaymentIntentId {
        let id = PaymentIntentId::new();
        let method = self.method();
        self.rows.intents.push(Intent {
            id,
            lane_session_id: None,
            visit_id: Some(stay.visit),
            purpose: "LATE_FEE",
            amount_cents: cents,
            status: "PAID",
            quote_json: format!("{{\"total_cents\":{cents}}}"),
            method: Some(method),
            paid_at: Some(Ts(at)),
            paid_by_staff_id: Some(staff),
            created_at: Ts(at),
            updated_at: Ts(at),
        });
        self.paid(cents);
        id
    }

    fn unit(&self, unit: usize) -> (&'static str, ResourceId, String) {
        match &self.club.units[unit] {
            Unit::Room(id, _, number) => ("ROOM", (*id).into(), number.clone()),
            Unit::Locker(id, number) => ("LOCKER", (*id).into(), number.clone()),
        }
    }

    fn transitions(&mut self, stay: &Stay, staff: StaffId, out: DateTime<Utc>) {
        let (kind, resource, _) = self.unit(stay.unit);
        let cleaner = self.staff();
        let finisher = if self.rng.chance(10) { self.staff() } else { cleaner };
        let began = out + Duration::minutes(5 + self.rng.below(90) as i64);
        let clean = began + Duration::minutes(15 + self.rng.below(30) as i64);
        let steps = [
            ("CLEAN", "OCCUPIED", "CHECKIN", staff, stay.start),
            ("OCCUPIED", "DIRTY", "CHECKOUT", staff, out),
            ("DIRTY", "CLEANING", "CLEANING", cleaner, began),
            ("CLEANING", "CLEAN", "CLEANING", finisher, clean),
        ];
        for (from_status, to_status, cause, who, at) in steps {
            self.rows.transitions.push(Transition {
                id: TransitionId::new(),
                resource_type: kind,
                resource_id: resource,
                from_status,
                to_status,
                cause,
                staff_id: Some(who),
                at: Ts(at),
            });
        }
        self.totals.cleanings += 1;
        self.free_at[stay.unit] = clean;
    }
}
