//! One file per entity: the row struct, its `New*` insert struct and its queries.

pub mod agreement;
pub mod agreement_version;
pub mod audit_event;
pub mod block;
pub mod customer;
pub mod device;
pub mod hold;
pub mod inventory;
pub mod issued_certificate;
pub mod lane;
pub mod lane_session;
pub mod payment_intent;
pub mod pin_lockout;
pub mod register_session;
pub mod signature;
pub mod signature_listing;
pub mod staff;
pub mod staff_session;
pub mod visit;
pub mod waitlist_entry;
