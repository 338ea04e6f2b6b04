//! Back before confirming: the customer (or the employee for them) undoes the choices made so
//! far, newest first (rental proposal → membership choice → language), until the selection is
//! confirmed. After that only the attendant can cancel (409 `SELECTION_LOCKED`).

use serde_json::json;

use super::selection::{Context, context};
use crate::db::DbConn;
use crate::db::models::lane_session::SessionChanges;
use crate::db::sql_types::Ts;
use crate::domain::enums::LaneSessionStatus as S;
use crate::error::AppError;
use crate::lanes::commands::{self, Applied, LaneCommand};
use crate::lanes::gates::{self, Side};
use crate::lanes::hub::Hub;

/// The step the customer returns to; every later choice is cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BackTo {
    /// choose the language again (clears it, the membership choice and the proposal)
    Language,
    /// choose the membership again (clears it and the proposal)
    Membership,
    /// choose the rental again (clears the proposal)
    Rental,
}

/// What stepping back to `to` clears: (language, membership choice, proposal).
pub fn clears(to: BackTo) -> (bool, bool, bool) {
    match to {
        BackTo::Language => (true, true, true),
        BackTo::Membership => (false, true, true),
        BackTo::Rental => (false, false, true),
    }
}

/// Steps back to `to` while the session is still choosing and not confirmed.
pub fn step_back(conn: &mut DbConn, hub: &Hub, cmd: &LaneCommand, side: Side, to: BackTo) -> Result<Applied<()>, AppError> {
    commands::run(conn, hub, cmd, |conn, _| {
        let Context { session, customer } = context(conn, &cmd.lane)?;
        if session.selection_confirmed {
            return Err(AppError::conflict("SELECTION_LOCKED", "The choice is confirmed; only the attendant can cancel it now."));
        }
        gates::status(&session, &[S::Active, S::AwaitingCustomer], "Going back")?;
        gates::past_due(&session, &customer, side)?;
        let (language, membership, proposal) = clears(to);
        let changes = SessionChanges {
            language: language.then_some(None),
            membership_choice: membership.then_some(None),
            proposed_rental_type: proposal.then_some(None),
            proposed_by: proposal.then_some(None),
            last_activity_at: Some(Ts(cmd.now)),
            ..Default::default()
        };
        commands::save(conn, &session, &changes, cmd.now)?;
        let cleared = json!({
            "language": session.language.filter(|_| language),
            "membership_choice": session.membership_choice.as_deref().filter(|_| membership),
            "proposed_rental_type": session.proposed_rental_type.filter(|_| proposal),
        });
        commands::audit(conn, cmd, "SELECTION_STEPPED_BACK", session.id, json!({ "to": to, "by": side.as_str(), "cleared": cleared }), None)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_clears_what_came_after_it() {
        assert_eq!(clears(BackTo::Language), (true, true, true));
        assert_eq!(clears(BackTo::Membership), (false, true, true));
        assert_eq!(clears(BackTo::Rental), (false, false, true));
        assert_eq!(serde_json::to_value(BackTo::Membership).unwrap(), "MEMBERSHIP");
    }
}
