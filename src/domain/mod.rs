//! Pure rules with no I/O: enumerations, the club's inventory contract, the audit hash chain.
//! Nothing here sees a connection or a socket.

pub mod audit_chain;
pub mod enums;
pub mod inventory;
pub mod lane_session;
pub mod lockout;
