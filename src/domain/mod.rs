//! Pure rules with no I/O: enumerations, the club's inventory contract, the audit hash chain.
//! Nothing here sees a connection or a socket.

pub mod audit_chain;
pub mod checkout;
pub mod cleaning;
pub mod club_days;
pub mod csv;
pub mod enums;
pub mod identity;
pub mod inventory;
pub mod lane_session;
pub mod lockout;
pub mod pricing;
pub mod qr;
pub mod renewal;
pub mod signature;
pub mod time_blocks;
pub mod waitlist;
