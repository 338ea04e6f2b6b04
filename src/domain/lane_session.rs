//! The lane session state machine for the lifecycle commands (start, language, cancel,
//! close, kiosk acknowledge, idle timeout). Pure: it decides, the caller stores.

use super::enums::LaneSessionStatus as S;

/// A lifecycle command on the lane's current session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// set the customer's language (either screen)
    SetLanguage,
    /// the employee cancels
    Cancel,
    /// the idle-timeout job cancels
    IdleTimeout,
    /// the employee dismisses a finished session; the lane becomes idle
    Close,
    /// the customer taps OK on the done screen
    Acknowledge,
}

/// Why a command does not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// stable code
    pub code: &'static str,
    /// for a person
    pub message: String,
}

fn invalid(cmd: Command, status: S) -> Refusal {
    Refusal { code: "INVALID_TRANSITION", message: format!("{cmd:?} is not possible while the session is {status}.") }
}

/// The status after `cmd`, or why it is refused. `closed` says whether a finished session was
/// already dismissed.
pub fn apply(status: S, closed: bool, cmd: Command) -> Result<S, Refusal> {
    match cmd {
        Command::SetLanguage if status.is_live() && status != S::AwaitingAssignment => Ok(status),
        Command::Cancel | Command::IdleTimeout if status.is_live() => Ok(S::Cancelled),
        Command::Close if matches!(status, S::Completed | S::Cancelled) && !closed => Ok(status),
        Command::Acknowledge if status == S::Completed && !closed => Ok(status),
        _ => Err(invalid(cmd, status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_applies_to_every_live_status_only() {
        for s in S::LIVE {
            assert_eq!(apply(s, false, Command::Cancel), Ok(S::Cancelled), "{s}");
        }
        for s in [S::Completed, S::Cancelled, S::Idle] {
            assert_eq!(apply(s, false, Command::Cancel).unwrap_err().code, "INVALID_TRANSITION");
        }
    }

    #[test]
    fn close_and_acknowledge_need_a_finished_session_not_yet_closed() {
        assert_eq!(apply(S::Completed, false, Command::Close), Ok(S::Completed));
        assert_eq!(apply(S::Cancelled, false, Command::Close), Ok(S::Cancelled));
        assert!(apply(S::Completed, true, Command::Close).is_err());
        assert!(apply(S::Active, false, Command::Close).is_err());
        assert_eq!(apply(S::Completed, false, Command::Acknowledge), Ok(S::Completed));
        assert!(apply(S::Cancelled, false, Command::Acknowledge).is_err());
    }

    #[test]
    fn language_can_change_until_signing_is_over() {
        assert!(apply(S::Active, false, Command::SetLanguage).is_ok());
        assert!(apply(S::AwaitingSignature, false, Command::SetLanguage).is_ok());
        assert!(apply(S::AwaitingAssignment, false, Command::SetLanguage).is_err());
        assert!(apply(S::Completed, false, Command::SetLanguage).is_err());
    }
}
