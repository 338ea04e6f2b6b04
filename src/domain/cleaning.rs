//! Which housekeeping changes a room or locker may make (spec flows.md §5). Pure: the stay
//! lifecycle (`stays::cleaning`) asks these rules before it writes a status.
//!
//! OCCUPIED is reached and left only by check-in, checkout and upgrade, never by cleaning;
//! an override (a manager with a fresh step-up and a written reason) may make any other
//! change, and leaves the unit's sticky `override_flag`.

use crate::domain::enums::InventoryStatus;

/// Who asks for a housekeeping change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asker {
    /// any employee (or a manager without an override)
    Staff,
    /// a manager (needed for OUT_OF_ORDER)
    Manager,
}

/// How a change is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// an adjacent transition: allowed as asked
    Allowed,
    /// the unit already has that status: nothing to do
    Unchanged,
    /// allowed only to a manager (any → OUT_OF_ORDER)
    ManagerOnly,
    /// not an adjacent transition: only a manager's override may make it
    NeedsOverride,
    /// never through housekeeping (to or from OCCUPIED)
    Never,
}

/// The adjacent transitions of flows §5 that any employee may make.
fn adjacent(from: InventoryStatus, to: InventoryStatus) -> bool {
    use InventoryStatus::{Clean, Cleaning, Dirty, OutOfOrder};
    matches!(
        (from, to),
        (Dirty, Cleaning) | (Cleaning, Clean) | (Cleaning, Dirty) | (Clean, Dirty) | (Clean, Cleaning) | (OutOfOrder, Dirty)
    )
}

/// Judges `from → to` for `asker`, without an override.
pub fn judge(from: InventoryStatus, to: InventoryStatus, asker: Asker) -> Verdict {
    use InventoryStatus::{Occupied, OutOfOrder};
    if from == to {
        return Verdict::Unchanged;
    }
    if from == Occupied || to == Occupied {
        return Verdict::Never;
    }
    if to == OutOfOrder {
        return if asker == Asker::Manager { Verdict::Allowed } else { Verdict::ManagerOnly };
    }
    if adjacent(from, to) { Verdict::Allowed } else { Verdict::NeedsOverride }
}

/// Whether a change judged `verdict` may go ahead, given whether a manager's override (fresh
/// step-up and a reason) comes with it; also whether it sets the sticky override flag.
pub fn permitted(verdict: Verdict, overriding: bool) -> Option<bool> {
    match (verdict, overriding) {
        (Verdict::Allowed, _) => Some(false),
        (Verdict::ManagerOnly | Verdict::NeedsOverride, true) => Some(true),
        _ => None,
    }
}

/// A status a unit may be held or assigned from: only CLEAN.
pub fn rentable(status: InventoryStatus) -> bool {
    status == InventoryStatus::Clean
}

#[cfg(test)]
mod tests {
    use super::*;
    use InventoryStatus::*;

    const ALL: [InventoryStatus; 5] = [Clean, Occupied, Dirty, Cleaning, OutOfOrder];

    #[test]
    fn the_adjacent_transitions_of_flows_5() {
        let allowed: Vec<_> = ALL
            .iter()
            .flat_map(|&f| ALL.iter().map(move |&t| (f, t)))
            .filter(|&(f, t)| judge(f, t, Asker::Staff) == Verdict::Allowed)
            .collect();
        assert_eq!(
            allowed,
            vec![(Clean, Dirty), (Clean, Cleaning), (Dirty, Cleaning), (Cleaning, Clean), (Cleaning, Dirty), (OutOfOrder, Dirty)]
        );
    }

    #[test]
    fn out_of_order_is_for_managers_from_any_status_but_occupied() {
        for from in [Clean, Dirty, Cleaning] {
            assert_eq!(judge(from, OutOfOrder, Asker::Staff), Verdict::ManagerOnly, "{from:?}");
            assert_eq!(judge(from, OutOfOrder, Asker::Manager), Verdict::Allowed, "{from:?}");
        }
        assert_eq!(judge(Occupied, OutOfOrder, Asker::Manager), Verdict::Never);
    }

    #[test]
    fn occupied_is_never_reached_or_left_by_cleaning() {
        for other in [Clean, Dirty, Cleaning, OutOfOrder] {
            for asker in [Asker::Staff, Asker::Manager] {
                assert_eq!(judge(other, Occupied, asker), Verdict::Never);
                assert_eq!(judge(Occupied, other, asker), Verdict::Never);
            }
            assert_eq!(permitted(Verdict::Never, true), None);
        }
    }

    #[test]
    fn skipping_a_step_needs_an_override_which_sets_the_flag() {
        assert_eq!(judge(Dirty, Clean, Asker::Manager), Verdict::NeedsOverride);
        assert_eq!(judge(OutOfOrder, Clean, Asker::Staff), Verdict::NeedsOverride);
        assert_eq!(permitted(Verdict::NeedsOverride, false), None);
        assert_eq!(permitted(Verdict::NeedsOverride, true), Some(true));
        assert_eq!(permitted(Verdict::Allowed, true), Some(false));
        assert_eq!(permitted(Verdict::Unchanged, true), None);
    }

    #[test]
    fn only_clean_units_are_rentable() {
        assert_eq!(ALL.iter().filter(|&&s| rentable(s)).count(), 1);
        assert!(rentable(Clean));
    }
}
