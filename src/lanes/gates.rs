//! The gates every check-in step passes, in the order of spec/flows.md §1.

use chrono::NaiveDate;

use crate::db::models::customer::Customer;
use crate::db::models::lane_session::LaneSession;
use crate::domain::enums::{LaneSessionStatus as S, Language, RentalType};
use crate::error::AppError;

/// Who is acting on the lane in a customer-facing step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// the customer at the kiosk
    Customer,
    /// the employee at the register
    Employee,
}

impl Side {
    /// The stored spelling (`proposed_by`, `selection_confirmed_by`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "CUSTOMER",
            Self::Employee => "EMPLOYEE",
        }
    }
}

/// 409 `LANGUAGE_REQUIRED` until the language is set.
pub fn language(session: &LaneSession) -> Result<Language, AppError> {
    session.language.ok_or_else(|| AppError::conflict("LANGUAGE_REQUIRED", "Choose a language first."))
}

/// 409 `INVALID_TRANSITION` unless the session is in one of `allowed`.
pub fn status(session: &LaneSession, allowed: &[S], what: &str) -> Result<(), AppError> {
    if allowed.contains(&session.status) {
        Ok(())
    } else {
        Err(AppError::conflict("INVALID_TRANSITION", format!("{what} is not possible while the session is {}.", session.status)))
    }
}

/// Whether the customer's own choices are blocked by a past-due balance.
pub fn past_due_blocked(session: &LaneSession, customer: &Customer) -> bool {
    customer.past_due_cents > 0 && session.past_due_bypassed_at.is_none()
}

/// 403 `PAST_DUE_BLOCKED` for the customer's side while a balance is owed (the employee may
/// still choose for them, or a manager may bypass).
pub fn past_due(session: &LaneSession, customer: &Customer, side: Side) -> Result<(), AppError> {
    if side == Side::Customer && past_due_blocked(session, customer) {
        Err(AppError::forbidden("PAST_DUE_BLOCKED", "Please see the attendant about your balance."))
    } else {
        Ok(())
    }
}

/// Membership numbers whose holders may take a free gym locker, from
/// `FRONTDESK_GYM_LOCKER_RANGES` (e.g. `1000-1999,5000-5999`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GymLockerRanges(pub Vec<(u64, u64)>);

impl std::str::FromStr for GymLockerRanges {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let parse = |part: &str| -> Result<(u64, u64), String> {
            let (a, b) = part.split_once('-').ok_or_else(|| format!("{part:?} is not a range like 1000-1999"))?;
            let (a, b) = (
                a.trim().parse().map_err(|_| format!("{a:?} is not a number"))?,
                b.trim().parse().map_err(|_| format!("{b:?} is not a number"))?,
            );
            if a <= b { Ok((a, b)) } else { Err(format!("{part:?} runs backwards")) }
        };
        s.split(',').filter(|p| !p.trim().is_empty()).map(parse).collect::<Result<_, _>>().map(Self)
    }
}

impl GymLockerRanges {
    /// Whether a membership number is eligible.
    pub fn eligible(&self, membership_number: Option<&str>) -> bool {
        let digits: String = membership_number.unwrap_or_default().chars().filter(char::is_ascii_digit).collect();
        digits.parse::<u64>().is_ok_and(|n| self.0.iter().any(|(a, b)| (*a..=*b).contains(&n)))
    }
}

/// What this customer may rent, in kiosk display order.
pub fn allowed_rentals(customer: &Customer, gym: &GymLockerRanges) -> Vec<RentalType> {
    let mut allowed = vec![RentalType::Locker];
    if gym.eligible(customer.membership_number.as_deref()) {
        allowed.push(RentalType::GymLocker);
    }
    allowed.extend([RentalType::Standard, RentalType::Double, RentalType::Special]);
    allowed
}

/// 409 `RENTAL_NOT_ALLOWED` for a rental outside the customer's list.
pub fn rental_allowed(customer: &Customer, gym: &GymLockerRanges, rental: RentalType) -> Result<(), AppError> {
    if allowed_rentals(customer, gym).contains(&rental) {
        Ok(())
    } else {
        Err(AppError::conflict("RENTAL_NOT_ALLOWED", "That rental is not available to this customer."))
    }
}

/// The customer's membership as the screens show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MembershipState {
    /// six-month membership valid today (through its date, inclusive)
    Member,
    /// a membership that ran out
    Expired,
    /// never a member
    NonMember,
}

/// The membership state on the club-local date `today`.
pub fn membership_state(customer: &Customer, today: NaiveDate) -> MembershipState {
    match (customer.membership_card_type.as_str(), customer.membership_valid_until) {
        ("SIX_MONTH", Some(until)) if until >= today => MembershipState::Member,
        ("SIX_MONTH", _) => MembershipState::Expired,
        _ => MembershipState::NonMember,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gym_locker_ranges_parse_and_match() {
        let ranges: GymLockerRanges = "1000-1999, 5000-5999".parse().unwrap();
        assert!(ranges.eligible(Some("1500")));
        assert!(ranges.eligible(Some("M-5999")));
        assert!(!ranges.eligible(Some("2000")));
        assert!(!ranges.eligible(None));
        assert!("1999-1000".parse::<GymLockerRanges>().is_err());
        assert_eq!("".parse::<GymLockerRanges>().unwrap(), GymLockerRanges::default());
    }
}
